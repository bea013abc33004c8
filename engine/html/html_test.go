package html_test

import (
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/html"
	"github.com/huibao/huibao/engine/markdown"
	_ "github.com/huibao/huibao/internal/golden"
)

// TestRender: headings, paragraphs, tables and the signature come out as
// their HTML elements, and text is escaped.
func TestRender(t *testing.T) {
	src := "---\ntitle: \"某工会<2024>工作总结\"\nauthor: \"某工会\"\nlang: zh-CN\n---\n\n" +
		"开头一段 <b>不是标签</b>。\n\n# 一、主要工作\n\n## （一）组织建设\n\n正文。\n\n" +
		"| 项目 | 数值 |\n|---|---:|\n| 会员 | 152 |\n\n::: {.signature}\n某工会\n\n2024年7月5日\n:::\n"
	doc, err := markdown.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := html.Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		`<html lang="zh-CN">`,
		`<title>某工会&lt;2024&gt;工作总结</title>`,
		`<div class="title"><span>某工会&lt;2024&gt;工作总结</span></div>`,
		`<h1>一、主要工作</h1>`,
		`<h2>（一）组织建设</h2>`,
		`<td style="text-align:right">152</td>`,
		"<div class=\"signature\">\n<p>某工会</p>\n<p>2024年7月5日</p>\n</div>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "<b>") {
		t.Errorf("raw HTML passed through:\n%s", got)
	}
}
