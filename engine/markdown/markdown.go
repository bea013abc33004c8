package markdown

import (
	"bytes"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Meta is the YAML metadata block at the head of a report.
type Meta struct {
	Title    string    // centred at the top of the first page
	Author   string    // the issuing union: `issuer` (or pandoc's `author`)
	Date     string    // 成文日期 as printed, e.g. 2024年7月5日 (`date`; huibao writes only issued)
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
