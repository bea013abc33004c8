package engine

import (
	"fmt"
	"strings"
)

// Format is an output format: one row of the table below. A new format is a
// new package plus one row.
type Format struct {
	Name   string // as given to -f
	Ext    string
	Binary bool
	Desc   string // Chinese, for --help
	render func(*job) ([]byte, error)
}

// formats is the table of output formats, in the order outputs are listed.
var formats = []*Format{
	{Name: "md", Ext: ".md", Desc: "Markdown（可用 pandoc 转为 Word）", render: func(j *job) ([]byte, error) { return j.markdown, nil }},
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
