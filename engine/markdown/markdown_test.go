package markdown

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

func TestParseFixture(t *testing.T) {
	src, err := os.ReadFile("testdata/liubeiqiao-h1.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	want := Meta{
		Title: "柳背桥社区工会2024年上半年工作总结", Author: "柳背桥社区工会", Date: "2024年7月5日",
		Lang: "zh-CN", Issued: time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC), Subject: "半年总结",
		Keywords: []string{"柳背桥社区工会", "2024年上半年", "工作总结"}, Profile: "official",
	}
	if got := doc.Meta; got.Title != want.Title || got.Author != want.Author || got.Date != want.Date ||
		got.Lang != want.Lang || !got.Issued.Equal(want.Issued) || got.Subject != want.Subject ||
		strings.Join(got.Keywords, "|") != strings.Join(want.Keywords, "|") || got.Profile != want.Profile {
		t.Errorf("meta = %+v\nwant %+v", got, want)
	}
	if doc.BodyLine != 11 {
		t.Errorf("BodyLine = %d, want 11", doc.BodyLine)
	}
	// The block sequence of the body, by kind and heading level.
	var kinds []string
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		k := n.Kind().String()
		if h, ok := n.(*ast.Heading); ok {
			k += string(rune('0' + h.Level))
		}
		kinds = append(kinds, k)
	}
	got := strings.Join(kinds, " ")
	wantKinds := "Paragraph Heading1 Heading2 Heading3 Paragraph Heading3 Paragraph Heading2 Paragraph Heading2 " +
		"Heading4 Paragraph Heading4 Paragraph Heading4 Paragraph Heading2 Paragraph Paragraph Table " +
		"Heading1 Heading2 Paragraph Heading2 Paragraph Paragraph Div"
	if got != wantKinds {
		t.Errorf("blocks:\n got %s\nwant %s", got, wantKinds)
	}
	div := doc.Root.LastChild().(*Div)
	if !div.HasClass("signature") || div.ChildCount() != 2 {
		t.Errorf("signature div: classes %v, %d children", div.Classes, div.ChildCount())
	}
	if s := string(div.FirstChild().Lines().Value(doc.Body)); s != "柳背桥社区工会" {
		t.Errorf("signature first line %q", s)
	}
	var table *east.Table
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			table = t
		}
		return ast.WalkContinue, nil
	})
	if table == nil || table.Alignments[1] != east.AlignRight || table.Alignments[0] != east.AlignLeft {
		t.Fatalf("table alignments wrong: %+v", table)
	}
}

func TestDivHTML(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, DivExtension()))
	cases := []struct{ in, want string }{
		{"::: {.signature}\n甲\n\n乙\n:::\n", "<div class=\"signature\">\n<p>甲</p>\n<p>乙</p>\n</div>\n"},
		{"::: note\n甲\n:::\n", "<div class=\"note\">\n<p>甲</p>\n</div>\n"},
		{":::: {#a .x k=v}\n::: {.y}\n内\n:::\n外\n::::\n", "<div id=\"a\" class=\"x\" data-k=\"v\">\n<div class=\"y\">\n<p>内</p>\n</div>\n<p>外</p>\n</div>\n"},
		{"段落\n::: {.s}\n甲\n:::\n", "<p>段落</p>\n<div class=\"s\">\n<p>甲</p>\n</div>\n"},
		{":::\n甲\n", "<p>:::\n甲</p>\n"}, // a bare fence opens nothing
		{"::: {.s}\n未闭合\n", "<div class=\"s\">\n<p>未闭合</p>\n</div>\n"},
	}
	for _, c := range cases {
		var b bytes.Buffer
		if err := md.Convert([]byte(c.in), &b); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, b.String(), c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"---\ntitle: 甲\ntitel: 乙\n---\n正文\n", `3:1: 元数据块有误：未知的键“titel”（可用：title、issuer、author、date、lang、issued、subject、keywords、profile）`},
		{"---\ntitle: 甲\nissued: 2024-13-05\n---\n", `3:1: issued 应为 ISO 日期（如 2024-07-05），而不是“2024-13-05”`},
		{"---\ntitle: 甲\n", `1:1: 元数据块以“---”开头，但没有找到结束它的“---”行`},
		{"---\nprofile: fancy\n---\n", `2: profile 应为 official 或 compact，而不是“fancy”`},
		{"---\nkeywords: {a: b}\n---\n", `2:11: keywords 应为文字或文字列表`},
		{"---\ntitle: [\n---\n", `2:8: 元数据块有误：方括号没有配对`},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.in))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: err = %v\nwant %s", c.in, err, c.want)
		}
	}
}

func TestParseNoFrontMatter(t *testing.T) {
	doc, err := Parse([]byte("# 一、标题\n\n正文\n"))
	if err != nil || doc.Meta.Title != "" || doc.Root.ChildCount() != 2 {
		t.Fatalf("doc %+v err %v", doc, err)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/liubeiqiao-h1.md"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("---\nkeywords: 甲\n---\n::: {.a}\n:::: {.b}\n::::\n:::\n"))
	f.Add([]byte("::: {k=\"a b\" .c #d}\n| a | b |\n|--|--:|\n| 1 | 2 |\n:::"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse(src)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		// Every node's lines must lie within the body.
		_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Type() == ast.TypeBlock {
				for i := 0; i < n.Lines().Len(); i++ {
					s := n.Lines().At(i)
					if s.Start < 0 || s.Stop > len(doc.Body) || s.Start > s.Stop {
						t.Fatalf("segment %v out of body (%d bytes)", s, len(doc.Body))
					}
				}
			}
			return ast.WalkContinue, nil
		})
	})
}
