package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// Meta is the YAML metadata block at the head of a report.
type Meta struct {
	Title    string    // centred at the top of the first page
	Author   string    // the issuing union
	Date     string    // 成文日期 as printed, e.g. 2024年7月5日
	Lang     string    // zh-CN
	Issued   time.Time // 成文日期 as a date (from `issued: 2024-07-05`); zero when absent
	Subject  string    // the template's Chinese name, e.g. 半年总结
	Keywords []string  // a YAML list or a single string
	Profile  string    // layout profile name: official (default) or compact
}

// Document is a parsed report: its metadata and the goldmark AST of its body.
// Text segments of the AST index Body.
type Document struct {
	Meta     Meta
	Body     []byte   // the source after the metadata block
	BodyLine int      // 1-based line of the source where Body starts
	Root     ast.Node // an *ast.Document
}

// Text returns the source text of a segment of the AST.
func (d *Document) Text(s text.Segment) []byte { return s.Value(d.Body) }

// Parse splits the metadata block from the body, decodes the metadata strictly
// (unknown keys are errors), and parses the body with GFM tables and fenced divs.
func Parse(src []byte) (*Document, error) {
	doc := &Document{Body: src, BodyLine: 1}
	if meta, body, line, ok, err := splitFrontMatter(src); err != nil {
		return nil, err
	} else if ok {
		if err := decodeMeta(meta, &doc.Meta); err != nil {
			return nil, err
		}
		doc.Body, doc.BodyLine = body, line
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, DivExtension()))
	doc.Root = md.Parser().Parse(text.NewReader(doc.Body), parser.WithContext(parser.NewContext()))
	return doc, nil
}

// splitFrontMatter finds a block that opens with "---" on the first line and
// closes with "---" or "..." on a line of its own.
func splitFrontMatter(src []byte) (meta, body []byte, bodyLine int, ok bool, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \r")) != "---" {
		return nil, src, 1, false, nil
	}
	line := 2
	off := len(first) + 1
	for len(rest) > 0 {
		l, r, _ := bytes.Cut(rest, []byte("\n"))
		t := string(bytes.TrimRight(l, " \r"))
		if t == "---" || t == "..." {
			return src[len(first)+1 : off], r, line + 1, true, nil
		}
		off += len(l) + 1
		rest = r
		line++
	}
	return nil, nil, 0, false, &Error{Line: 1, Col: 1, Msg: "元数据块以“---”开头，但没有找到结束它的“---”行"}
}

// rawMeta mirrors Meta for strict YAML decoding.
type rawMeta struct {
	Title    string    `yaml:"title"`
	Author   string    `yaml:"author"`
	Date     string    `yaml:"date"`
	Lang     string    `yaml:"lang"`
	Issued   string    `yaml:"issued"`
	Subject  string    `yaml:"subject"`
	Keywords yaml.Node `yaml:"keywords"`
	Profile  string    `yaml:"profile"`
}

func decodeMeta(src []byte, m *Meta) error {
	var raw rawMeta
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && err.Error() != "EOF" {
		return yamlError(err)
	}
	*m = Meta{Title: raw.Title, Author: raw.Author, Date: raw.Date, Lang: raw.Lang,
		Subject: raw.Subject, Profile: raw.Profile}
	if raw.Issued != "" {
		t, err := time.Parse("2006-01-02", raw.Issued)
		if err != nil {
			return &Error{Line: 1 + raw.lineOf("issued", src), Msg: fmt.Sprintf("issued 应为 ISO 日期（如 2024-07-05），而不是“%s”", raw.Issued)}
		}
		m.Issued = t
	}
	switch raw.Keywords.Kind {
	case 0:
	case yaml.ScalarNode:
		m.Keywords = []string{raw.Keywords.Value}
	case yaml.SequenceNode:
		for _, k := range raw.Keywords.Content {
			if k.Kind != yaml.ScalarNode {
				return &Error{Line: 1 + k.Line, Col: k.Column, Msg: "keywords 的每一项应为文字"}
			}
			m.Keywords = append(m.Keywords, k.Value)
		}
	default:
		return &Error{Line: 1 + raw.Keywords.Line, Col: raw.Keywords.Column, Msg: "keywords 应为文字或文字列表"}
	}
	switch m.Profile {
	case "", "official", "compact":
	default:
		return &Error{Line: 1 + raw.lineOf("profile", src), Msg: fmt.Sprintf("profile 应为 official 或 compact，而不是“%s”", m.Profile)}
	}
	return nil
}

// lineOf finds the 1-based line of a top-level key in the metadata block.
func (rawMeta) lineOf(key string, src []byte) int {
	for i, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, key+":") {
			return i + 1
		}
	}
	return 0
}

// yamlError turns a yaml.v3 error into a positioned Chinese error. Line numbers
// are shifted by one for the opening "---".
func yamlError(err error) error {
	msg := err.Error()
	var line int
	if _, e := fmt.Sscanf(strings.TrimPrefix(msg, "yaml: "), "line %d:", &line); e == nil {
		_, detail, _ := strings.Cut(strings.TrimPrefix(msg, "yaml: "), ": ")
		return &Error{Line: line + 1, Msg: "元数据块有误：" + translateYAML(detail)}
	}
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		first := te.Errors[0]
		if _, e := fmt.Sscanf(first, "line %d:", &line); e == nil {
			_, detail, _ := strings.Cut(first, ": ")
			return &Error{Line: line + 1, Msg: "元数据块有误：" + translateYAML(detail)}
		}
	}
	return &Error{Line: 1, Msg: "元数据块有误：" + msg}
}

func translateYAML(detail string) string {
	var key, typ string
	if _, err := fmt.Sscanf(detail, "field %s not found in type", &key); err == nil {
		return fmt.Sprintf("未知的键“%s”（可用：title、author、date、lang、issued、subject、keywords、profile）", key)
	}
	if strings.HasPrefix(detail, "cannot unmarshal") {
		fmt.Sscanf(detail, "cannot unmarshal %s", &typ)
		return "值的类型不对（应为文字）：" + detail
	}
	return detail
}
