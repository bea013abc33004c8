package markdown

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// readText is what a reader of the document sees of the blocks of doc: the
// text of every inline, a hard break as a line break, the blocks
// separated by "¶".
func readText(d *Document) string {
	var b strings.Builder
	blocks := 0
	ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			if blocks > 0 {
				b.WriteString("¶")
			}
			blocks++
		case *ast.Text:
			b.Write(n.Segment.Value(d.Body))
			if n.HardLineBreak() {
				b.WriteByte('\n')
			} else if n.SoftLineBreak() {
				b.WriteString("↵") // never expected: Escape makes hard breaks
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.Document:
		default:
			b.WriteString("«" + n.Kind().String() + "»")
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// shown is what Escape promises a reader sees of s in a paragraph: s
// itself, less control characters and carriage returns, a run of line
// breaks (with the blanks between) as one, the blanks at the ends of each
// line dropped (Markdown drops them), invalid UTF-8 as U+FFFD.
func shown(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r == '\n' || !(r < ' ' && r != '\t' || r == 0x7F || r >= 0x80 && r <= 0x9F) {
			b.WriteRune(r)
		}
	}
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.Trim(l, " \t"); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

var marker = regexp.MustCompile(`^[0-9A-Za-z]{1,10}[.)]$`)

// FuzzEscape: whatever a cadre types, Escape makes it one paragraph of
// Markdown whose text is what was typed — no heading, list, quote, fence,
// table, link, image, emphasis, code, HTML or entity comes of it — and in a
// heading, one heading with the same text on one line.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{
		"# 假标题", "第一行\n# 第二行\n\n- 第三行", "| a | b |\n|--|--|", "[点击](javascript:alert(1))", "![](/etc/passwd)",
		"<b>x</b>", "<!-- c -->", "::: {.x}\n内容\n:::", "1. 一\n2) 二", "(1) 甲 (a) 乙 (@) 丙", "> 引用", "---", "===",
		"*强调* _强调_ **粗** `代码` ~~删~~ ~下~ ^上^", "$x$ @doe [^1] ^[注] &amp; &#60; &copy;", "\\# \\", "a  \nb",
		"    缩进代码", "```\n代码\n```", "~~~", "- [ ] 任务", "A. 甲", "iv) 乙", "%! {{ .X }}", "100%!", "a\tb", "\x00\x07\x1b[31m",
		"\u202e反转\u200b", "\r\n换行\r\n", "www.example.com http://x.y", "<http://x.y>", "a\\\nb", "标题 #", "1.5万元", "3.5", "-5", "+1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		want := shown(s)
		if marker.MatchString(want) {
			// Nothing but a list number: left as it is, since templates
			// write their numbering (1. （一）) with functions and go on
			// with text; validation refuses such a value from the data.
			return
		}
		for _, in := range []struct {
			md   string
			want string
		}{
			{Escape(s, Block), want},
			{"正文" + Escape(s, Block), "正文" + want},
			{"# " + Escape(s, Line), strings.ReplaceAll(want, "\n", " ")},
		} {
			doc, err := Parse([]byte(in.md))
			if err != nil {
				t.Fatalf("%q: %v", in.md, err)
			}
			got := readText(doc)
			// Blanks at a line's end are not seen.
			lines := strings.Split(got, "\n")
			for i, l := range lines {
				lines[i] = strings.TrimRight(l, " \t")
			}
			got = strings.Join(lines, "\n")
			if in.md != Escape(s, Block) {
				// After other text, or in a heading, blanks are not what
				// is checked: the structure and the characters are.
				blanks := strings.NewReplacer(" ", "", "\t", "")
				got, in.want = blanks.Replace(got), blanks.Replace(in.want)
			}
			if got != in.want {
				t.Fatalf("%q escaped as %q reads %q, want %q", s, in.md, got, in.want)
			}
		}
		if !utf8.ValidString(Escape(s, Block)) {
			t.Fatalf("%q: escaped text is not UTF-8", s)
		}
	})
}
