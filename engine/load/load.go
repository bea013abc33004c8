// Package load reads a cadre's input file — YAML, JSON or the XLSX 填报表 —
// into the data model, recording where every field came from and reporting
// every structural problem (syntax, types, unknown keys) at once.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
)

// MaxSize is the largest input file accepted. A half-year of one union's data
// is a few kilobytes; anything this big is the wrong file.
const MaxSize = 16 << 20

// Kind is an input format, chosen by file extension.
type Kind int

const (
	Unknown Kind = iota
	YAML
	JSON
	XLSX
)

// KindOf returns the input kind of a file name.
func KindOf(name string) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return YAML
	case ".json":
		return JSON
	case ".xlsx":
		return XLSX
	}
	return Unknown
}

// File reads and decodes the input at path. The returned list holds every
// problem found, errors and warnings (a GBK file read as GBK is a warning);
// the report is nil only when nothing could be read at all. Semantic checks
// (dates within the period, dues_paying ≤ members) are engine/validate's.
func File(path string) (*model.Report, *diag.SourceMap, diag.List) {
	var errs diag.List
	info, err := os.Stat(path)
	if err == nil && info.Size() > MaxSize {
		errs.Add(diag.Pos{File: path}, "", fmt.Sprintf("文件太大（%d 字节），不像是填报数据", info.Size()),
			fmt.Sprintf("请确认选对了文件；输入文件不能超过 %d MB", MaxSize>>20))
		return nil, nil, errs
	}
	data, err := os.ReadFile(path)
	if err != nil {
		errs.Add(diag.Pos{File: path}, "", readError(err), "请检查文件路径是否写对")
		return nil, nil, errs
	}
	return Bytes(path, data)
}

// Bytes decodes data as the input named name, choosing the format by the
// name's extension.
func Bytes(name string, data []byte) (*model.Report, *diag.SourceMap, diag.List) {
	switch KindOf(name) {
	case YAML, JSON:
		return decodeText(name, data)
	case XLSX:
		return decodeWorkbook(name, data)
	}
	var errs diag.List
	errs.Add(diag.Pos{File: name}, "", fmt.Sprintf("不认识的文件类型“%s”", filepath.Ext(name)),
		"输入文件应为 .yaml、.yml、.json 或 .xlsx（填报表）")
	return nil, nil, errs
}

func readError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限读取这个文件"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil && strings.Contains(pe.Err.Error(), "directory") {
		return "这是一个文件夹，不是文件"
	}
	return "无法读取文件：" + diag.OSReason(err)
}
