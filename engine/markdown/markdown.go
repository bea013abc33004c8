package markdown

import (
	"bytes"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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
	md := goldmark.New(goldmark.WithExtensions(extension.Table, DivExtension()),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(unescaper{}, 1000))))
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

// unescaper turns every text holding backslash escapes (\# \| \*, as
// Escape writes a cadre's text) into the text it stands for, so that the
// writers, which take a text's bytes from the source, set # | *, not the
// escapes. Text in code spans is literal and left as it is.
type unescaper struct{}

func (unescaper) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering && bytes.IndexByte(n.Segment.Value(src), '\\') >= 0 {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		v := string(t.Segment.Value(src))
		u := Unescape(v)
		if u == v {
			continue
		}
		parent := t.Parent()
		s := ast.NewString([]byte(u))
		// Raw: an HTML renderer escapes it, and takes & and \ as they
		// are rather than as references and escapes a second time.
		s.SetRaw(true)
		parent.InsertBefore(parent, t, s)
		if t.HardLineBreak() || t.SoftLineBreak() {
			// The break stays with an empty text after the string.
			t.Segment = text.NewSegment(t.Segment.Stop, t.Segment.Stop)
			continue
		}
		parent.RemoveChild(parent, t)
	}
}
