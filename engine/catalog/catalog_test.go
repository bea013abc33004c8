package catalog

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huibao/huibao/engine/model"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

func manifest(id, name string) string {
	return "id: " + id + "\nname: " + name + "\nkind: 总结\ndoc_name: 工作总结\nspans: [H1, H2]\n"
}

func place(name string, files map[string]string) Place {
	fs := fstest.MapFS{}
	for k, v := range files {
		fs[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return Place{Name: name, FS: fs, Prefix: name}
}

func TestLookupOrder(t *testing.T) {
	builtin := place("templates", map[string]string{
		"half-year-summary/template.yaml":  manifest("half-year-summary", "半年总结"),
		"half-year-summary/report.md.tmpl": `{{ template "opening" . }}内置`,
		"annual-summary/template.yaml":     manifest("annual-summary", "年度总结"),
		"annual-summary/report.md.tmpl":    `{{ template "opening" . }}年度`,
		"_partials/opening.tmpl":           `{{ define "opening" }}内置开头{{ end }}`,
	})
	user := place("mine", map[string]string{
		"half-year-summary/template.yaml":         manifest("half-year-summary", "半年总结"),
		"half-year-summary/report.md.tmpl":        `{{ template "opening" . }}自定义`,
		"half-year-summary/partials/opening.tmpl": `{{ define "opening" }}模板自己的开头{{ end }}`,
		"women/template.yaml":                     manifest("women", "女职工工作总结"),
		"women/report.md.tmpl":                    `{{ template "opening" . }}女职工`,
		"_partials/unused.tmpl":                   `{{ define "unused" }}{{ end }}`,
		"notes/readme.txt":                        "not a template",
	})
	c, probs := New([]Place{user, builtin}, testFormats)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	tests := []struct{ key, place, out string }{
		{"half-year-summary", "mine", "模板自己的开头自定义"},
		{"半年总结", "mine", "模板自己的开头自定义"},
		{"annual-summary", "templates", "内置开头年度"},
		{"女职工工作总结", "mine", "内置开头女职工"},
	}
	for _, tt := range tests {
		tm, err := c.Lookup(tt.key)
		if err != nil {
			t.Fatalf("Lookup(%s): %v", tt.key, err)
		}
		if tm.Place != tt.place {
			t.Errorf("%s: from %s, want %s", tt.key, tm.Place, tt.place)
		}
		tmpl, err := tm.Compile()
		if err != nil {
			t.Fatalf("%s: %v", tt.key, err)
		}
		var b strings.Builder
		if err := Run(tmpl, &b, &model.Report{}); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.out {
			t.Errorf("%s rendered %q, want %q", tt.key, b.String(), tt.out)
		}
	}
	if got := len(c.List()); got != 3 {
		t.Errorf("List: %d templates", got)
	}
	_, err := c.Lookup("半年总节")
	if err == nil || !strings.Contains(err.Error(), "查找了：mine、templates") || !strings.Contains(err.Error(), "是不是“半年总结”") {
		t.Errorf("miss: %v", err)
	}
}

func TestManifestProblems(t *testing.T) {
	p := place("t", map[string]string{
		"a/template.yaml":  "id: b\nname: 甲\nkind: 报告\ndoc_name: 很很很很很很很很很很很很很很很很很很很很很\nspans: [H3]\nlayout: wide\nformat: [md]\nrequires: [plans|activity]\n",
		"a/report.md.tmpl": "x",
		"c/template.yaml":  manifest("c", "丙"),
	})
	_, probs := New([]Place{p}, testFormats)
	var got []string
	for _, pr := range probs {
		got = append(got, pr.Error())
	}
	want := []string{
		"t/a/template.yaml:1:5: 字段 id：模板 id“b”与文件夹名“a”不一致。请让 id 与文件夹名相同。",
		"t/a/template.yaml:3:7: 字段 kind：不认识的报告种类“报告”。可选：总结、计划、汇报材料。",
		"t/a/template.yaml:4:11: 字段 doc_name：报告名太长：有 21 个字，上限是 20 个字。报告名是标题的最后一段，也用在文件名（单位名_期间_报告名）里，文件名最多 255 字节；请用简短的名称，如 工作总结。",
		"t/a/template.yaml:5:9: 字段 spans[1]：不认识的期间类型“H3”。可选：H1、H2、year、Q1、Q2、Q3、Q4、range（按起止日期）。",
		"t/a/template.yaml:6:9: 字段 layout：不认识的版式“wide”。可选：official（公文版式）、compact（紧凑版式）。",
		"t/a/template.yaml:7:1: 字段 format：顶层没有“format”这个字段。是不是“formats”？这一级可写的字段有：id、name、kind、description、doc_name、spans、formats、layout、fixtures、requires、budget。",
		"t/a/template.yaml:8:12: 字段 requires[1]：不认识的必需数据“activity”。是不是“activities”？可选：activities、indicators、plans、problems、org.overview，或一个工作类别（如 女职工工作），用 | 表示“其一即可”。",
		"t/c/report.md.tmpl: 缺少模板正文 report.md.tmpl。每个模板文件夹都要有 template.yaml 和 report.md.tmpl。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"{{ .Membership.Memebers }}", "t/x/report.md.tmpl:1:14: 在 .Membership.Memebers 处：字段“Memebers”不存在（在 model.Membership 中）。字段名区分大小写"},
		{"第一行\n{{ zh.Mony 1 }}", "t/x/report.md.tmpl:2:"},
		{"{{ nosuch 1 }}", "t/x/report.md.tmpl:1: 没有名为“nosuch”的函数"},
		{"{{ if .Org.Name }}", "t/x/report.md.tmpl:1: 模板意外结束"},
		{"{{ .Membership.Previous.Members }}", "t/x/report.md.tmpl:1:14: 在 .Membership.Previous.Members 处：引用的这一项在输入里没有填写（是空的）。可选的数据要先判断"},
		{"{{ zh.Money \"abc\" }}", "t/x/report.md.tmpl:1:5: 在 zh.Money 处：调用 Money 出错：参数 “abc”（string）不是数字（如 4509.50）。"},
	}
	for _, tt := range tests {
		p := place("t", map[string]string{"x/template.yaml": manifest("x", "乙"), "x/report.md.tmpl": tt.src})
		c, _ := New([]Place{p}, testFormats)
		tm, err := c.Lookup("x")
		if err != nil {
			t.Fatal(err)
		}
		tmpl, err := tm.Compile()
		if err == nil {
			err = Run(tmpl, &strings.Builder{}, &model.Report{})
		}
		if err == nil {
			t.Errorf("%s: no error", tt.src)
			continue
		}
		got := TemplateProblem(err).Error()
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s:\n got %s\nwant %s…", tt.src, got, tt.want)
		}
	}
}

func TestMissing(t *testing.T) {
	tm := &Template{Manifest: Manifest{Requires: []string{"activities|indicators", "plans"}}}
	r := &model.Report{}
	if got := strings.Join(tm.Missing(r), "；"); got != "活动（activities）或工作指标（indicators）；工作计划（plans）" {
		t.Errorf("Missing = %s", got)
	}
	r.Indicators = []model.Indicator{{Name: "x"}}
	r.Plans = []model.Plan{{Item: "y"}}
	if got := tm.Missing(r); len(got) != 0 {
		t.Errorf("Missing = %v", got)
	}
}

func TestMissingCategory(t *testing.T) {
	summary := &Template{Manifest: Manifest{Kind: "总结", Requires: []string{"女职工工作"}}}
	plan := &Template{Manifest: Manifest{Kind: "计划", Requires: []string{"女职工工作"}}}
	acts := &model.Report{Activities: []model.Activity{{Category: "女职工工作"}}}
	inds := &model.Report{Indicators: []model.Indicator{{Category: "女职工工作"}}}
	plans := &model.Report{Plans: []model.Plan{{Category: "女职工工作"}}}
	other := &model.Report{Activities: []model.Activity{{Category: "文体活动"}}, Plans: []model.Plan{{Category: "文体活动"}}}
	tests := []struct {
		t    *Template
		r    *model.Report
		want string
	}{
		{summary, acts, ""},
		{summary, inds, ""},
		{summary, plans, "“女职工工作”类的活动或工作指标"}, // a plan is not work done
		{summary, other, "“女职工工作”类的活动或工作指标"},
		{plan, plans, ""},
		{plan, acts, "“女职工工作”类的工作计划"},
	}
	for i, tt := range tests {
		if got := strings.Join(tt.t.Missing(tt.r), "；"); got != tt.want {
			t.Errorf("%d: Missing = %q, want %q", i, got, tt.want)
		}
	}
}

// TestMethodsDocumented: every method a template can call on the input's
// types is in the authoring guide's table, and nothing else is.
func TestMethodsDocumented(t *testing.T) {
	documented := map[string]bool{}
	for _, n := range methodNames() {
		documented[n] = true
	}
	found := map[string]bool{}
	for _, typ := range []reflect.Type{
		reflect.TypeFor[*model.Report](), reflect.TypeFor[model.Period](), reflect.TypeFor[model.Membership](),
		reflect.TypeFor[model.Activity](), reflect.TypeFor[model.Indicator](), reflect.TypeFor[model.Plan](),
	} {
		for m := range typ.Methods() {
			ft := m.Type
			callable := ft.NumOut() == 1 || ft.NumOut() == 2 && ft.Out(1) == reflect.TypeFor[error]()
			if !callable {
				continue
			}
			found[m.Name] = true
			if !documented[m.Name] {
				t.Errorf("%s.%s is not in catalog.Methods", typ, m.Name)
			}
		}
	}
	for _, date := range []string{"IsZero", "HasDay"} {
		found[date] = true
	}
	for n := range documented {
		if !found[n] {
			t.Errorf("catalog.Methods documents %s, which no input type has", n)
		}
	}
}

// methodNames returns the Go method name of each documented helper, for
// the completeness test.
func methodNames() []string {
	var out []string
	for _, m := range Methods {
		e, _, _ := strings.Cut(m.Expr, " ")
		out = append(out, e[strings.LastIndex(e, ".")+1:])
	}
	return out
}

// testFormats are the output formats the tests' catalogs know, as the
// engine's format table passes them.
var testFormats = []string{"md", "pdf", "xlsx"}

// TestManifestFormats: a manifest may declare only the formats the program
// can write, so a template asking for docx fails until a docx writer exists.
func TestManifestFormats(t *testing.T) {
	p := place("t", map[string]string{
		"d/template.yaml":  "id: d\nname: 丁\nkind: 总结\ndoc_name: x\nformats: [md, docx]\n",
		"d/report.md.tmpl": "x",
	})
	c, probs := New([]Place{p}, testFormats)
	want := "t/d/template.yaml:5:15: 字段 formats[2]：不认识的输出格式“docx”。可选：md、pdf、xlsx。"
	if len(probs) != 1 || probs[0].Error() != want {
		t.Errorf("got %v\nwant %s", probs, want)
	}
	if len(c.List()) != 0 {
		t.Error("a template declaring an unknown format is usable")
	}
	if _, probs := New([]Place{p}, append(testFormats, "docx")); len(probs) != 0 {
		t.Errorf("with a docx writer: %v", probs)
	}
}
