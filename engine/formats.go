package engine

import (
	"fmt"
	"strings"

	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/pdf"
	"github.com/huibao/huibao/engine/xlsx"
)

// Format is an output format: one row of the table below. A new format is a
// new package plus one row.
type Format struct {
	Name   string // as given to -f
	Ext    string
	Binary bool
	Desc   string // Chinese, for --help
	render func(*Engine, *job) ([]byte, error)
}

// formats is the table of output formats, in the order outputs are listed.
var formats = []*Format{
	{Name: "md", Ext: ".md", Desc: "Markdown（可用 pandoc 转为 Word）", render: func(_ *Engine, j *job) ([]byte, error) { return j.markdown, nil }},
	{Name: "pdf", Ext: ".pdf", Binary: true, Desc: "公文版式 PDF", render: renderPDF},
	{Name: "xlsx", Ext: ".xlsx", Binary: true, Desc: "Excel 附件（活动台账、统计表）", render: renderXLSX},
}

func renderPDF(e *Engine, j *job) ([]byte, error) {
	fonts, err := e.fonts()
	if err != nil {
		return nil, err
	}
	doc, err := markdown.Parse(j.markdown)
	if err != nil {
		return nil, fmt.Errorf("模板“%s”生成的 Markdown 无法排版：%w", j.template.Name, err)
	}
	return pdf.Render(doc, pdf.Options{Fonts: fonts, Profile: e.profile})
}

func renderXLSX(_ *Engine, j *job) ([]byte, error) {
	return xlsx.Appendix(j.report, xlsx.Options{})
}

// Formats returns the output formats in table order.
func Formats() []*Format { return formats }

// LookupFormat finds a format by name.
func LookupFormat(name string) (*Format, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	var names []string
	for _, f := range formats {
		names = append(names, f.Name)
	}
	return nil, fmt.Errorf("不认识的输出格式“%s”，可选：%s", name, strings.Join(names, "、"))
}
