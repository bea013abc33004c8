package engine

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/huibao/huibao/engine/docx"

	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
)

// Blank returns what huibao init writes for a file name, by its
// extension: for .yaml the commented example and, beside it, the JSON
// Schema it names; for .xlsx the empty 填报表; for .docx the pandoc
// reference document with the styles of huibao's Word files. The first
// output is the file asked for; the others go into the same folder.
func Blank(name string) ([]Output, error) {
	base := filepath.Base(name)
	if strings.EqualFold(filepath.Ext(name), ".docx") {
		b, err := docx.Reference(layout.OfficialProfile())
		if err != nil {
			return nil, newError(OutputError, "无法生成参考文档。这是程序的问题，请报告给维护者", nil, err)
		}
		return []Output{{Name: base, Data: b, Format: &Format{Ext: ".docx", Binary: true}}}, nil
	}
	switch load.KindOf(name) {
	case load.YAML:
		return []Output{
			{Name: base, Data: model.Example(), Format: &Format{Ext: filepath.Ext(base)}},
			{Name: model.SchemaFile, Data: model.Schema(), Format: &Format{Ext: ".json"}},
		}, nil
	case load.XLSX:
		b, err := form.WriteForm(nil)
		if err != nil {
			return nil, newError(OutputError, "无法生成填报表。这是程序的问题，请报告给维护者", nil, err)
		}
		return []Output{{Name: base, Data: b, Format: &Format{Ext: ".xlsx"}}}, nil
	}
	return nil, newError(UsageError, fmt.Sprintf("init 只能生成 .yaml、.xlsx 或 .docx 文件，收到的是“%s”", filepath.Ext(name)), nil, nil)
}

// BlankUnits is what huibao init --units writes: the empty 多单位填报表, a
// workbook of several units for huibao batch.
func BlankUnits(name string) ([]Output, error) {
	if load.KindOf(name) != load.XLSX {
		return nil, newError(UsageError, fmt.Sprintf("多单位填报表是 Excel 工作簿，文件名要以 .xlsx 结尾，收到的是“%s”", filepath.Ext(name)), nil, nil)
	}
	b, err := form.WriteUnits(nil)
	if err != nil {
		return nil, newError(OutputError, "无法生成多单位填报表。这是程序的问题，请报告给维护者", nil, err)
	}
	return []Output{{Name: filepath.Base(name), Data: b, Format: &Format{Ext: ".xlsx"}}}, nil
}
