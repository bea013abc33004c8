package catalog

import (
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/model"
)

// run compiles src as the main template of a template x and runs it
// against r; it returns the output and the problem, "" when there is none.
func run(t *testing.T, src string, r *model.Report) (string, string) {
	t.Helper()
	p := place("t", map[string]string{"x/template.yaml": manifest("x", "乙"), "x/report.md.tmpl": src})
	c, _ := New([]Place{p}, testFormats)
	tm, err := c.Lookup("x")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := tm.Compile()
	if err != nil {
		return "", TemplateProblem(err).Error()
	}
	var b strings.Builder
	if err := Run(tmpl, &b, r); err != nil {
		return b.String(), TemplateProblem(err).Error()
	}
	return b.String(), ""
}

// TestGuardLimits: templates that would run forever, exhaust memory or
// recurse without end stop with a Chinese error at the template position
// that went too far.
func TestGuardLimits(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"nested until", "前言\n{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}",
			"t/x/report.md.tmpl:2:33: 模板运行了 200000 步"},
		{"range over an integer", "{{ range 1000000000 }}{{ end }}", "t/x/report.md.tmpl:1:9: 模板运行了 200000 步"},
		{"huge until", "{{ range until 1000000000 }}x{{ end }}", "t/x/report.md.tmpl:1:9: 在 until 1000000000 处：调用 until 出错：要生成 1000000000 个数，超过了上限 100000 个"},
		{"huge repeat", `{{ repeat 1000000000 "ab" }}`, "t/x/report.md.tmpl:1:3: 在 repeat 1000000000 \"ab\" 处：调用 repeat 出错：结果超过了 1 MB"},
		{"recursion", `{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}`, "t/x/report.md.tmpl:1:16: 子模板一层套一层地调用，超过了 100 层"},
		{"doubling", `{{ $s := "ab" }}{{ range until 40 }}{{ $s = printf "%s%s" $s $s }}{{ end }}{{ len $s }}`,
			"t/x/report.md.tmpl:1:44: 在 printf \"%s%s\" $s $s 处：调用 printf 出错：printf：结果超过了 1 MB"},
		{"doubling with zh", `{{ $s := "ab" }}{{ range until 40 }}{{ $s = zh.Join $s $s }}{{ end }}`,
			"t/x/report.md.tmpl:1:46: 在 zh.Join 处：调用 Join 出错：结果超过了 1 MB"},
		{"output", `{{ range until 100000 }}{{ repeat 100000 "字" }}{{ end }}`, "t/x/report.md.tmpl:1:9: 模板写出的内容超过了 8 MB"},
		{"random", `{{ randInt 1 100 }}`, "t/x/report.md.tmpl:1: 没有名为“randInt”的函数"},
		{"shuffle", `{{ shuffle "abc" }}`, "t/x/report.md.tmpl:1: 没有名为“shuffle”的函数"},
		{"key generation", `{{ genPrivateKey "rsa" }}`, "t/x/report.md.tmpl:1: 没有名为“genPrivateKey”的函数"},
		{"the guard is not the author's", `{{ huibaoLeave }}`, "t/x/report.md.tmpl:1: 没有名为“huibaoLeave”的函数"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := run(t, tt.src, &model.Report{})
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s…", got, tt.want)
			}
		})
	}
}

// TestGuardDeterministic: keys and values come in key order, so that two
// runs give the same bytes.
func TestGuardDeterministic(t *testing.T) {
	src := `{{ $d := dict "丙" 3 "甲" 1 "乙" 2 "丁" 4 }}{{ keys $d | join "、" }} {{ values $d | join "、" }}`
	for range 20 {
		got, prob := run(t, src, &model.Report{})
		if prob != "" || got != "丁、丙、乙、甲 4、3、2、1" {
			t.Fatalf("got %q %s", got, prob)
		}
	}
}

// TestGuardEscapes: whatever the data holds, it is text in the Markdown —
// in a paragraph (a line break stays inside it), in a heading or a table
// row (a line break is a space) — and Markdown a template writes itself is
// kept.
func TestGuardEscapes(t *testing.T) {
	r := &model.Report{Org: model.Org{Name: "# 假标题 | [点击](javascript:alert(1)) ![](/etc/passwd) <b>x</b> ::: {.x}"},
		Problems: []string{"第一行\n# 第二行\n\n- 第三行"}}
	src := "# {{ .Org.Name }}\n\n{{ .Org.Name }}\n\n| 甲 | 乙 |\n|--|--|\n| {{ index .Problems 0 }} | 1 |\n\n{{ index .Problems 0 }}\n"
	got, prob := run(t, src, r)
	want := "# \\# 假标题 \\| \\[点击\\](javascript:alert(1)) \\!\\[\\](/etc/passwd) \\<b>x\\</b> ::: \\{.x\\}\n\n" +
		"\\# 假标题 \\| \\[点击\\](javascript:alert(1)) \\!\\[\\](/etc/passwd) \\<b>x\\</b> ::: \\{.x\\}\n\n" +
		"| 甲 | 乙 |\n|--|--|\n| 第一行 \\# 第二行 - 第三行 | 1 |\n\n" +
		"第一行\\\n\\# 第二行\\\n\\- 第三行\n"
	if prob != "" || got != want {
		t.Errorf("got\n%s\nwant\n%s\n%s", got, want, prob)
	}
}
