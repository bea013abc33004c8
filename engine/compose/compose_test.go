package compose

import (
	"bytes"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

func TestNormalize(t *testing.T) {
	in := "\n\n第一段。  \n第二段。\n\n\n# 一、标题\n| a | b |\n|---|--:|\n| 1 | 2 |\n正文。\r\n::: {.signature}\n\n柳背桥社区工会\n2024年7月5日\n:::\n\n"
	want := "第一段。\n\n第二段。\n\n# 一、标题\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n正文。\n\n::: {.signature}\n柳背桥社区工会\n\n2024年7月5日\n:::\n"
	var b bytes.Buffer
	Normalize(&b, []byte(in))
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

func TestLint(t *testing.T) {
	const meta = "---\ntitle: \"x\"\n---\n\n"
	tests := []struct {
		name, body string
		want       []string // message prefixes, in order
	}{
		{"clean", "开篇。\n\n# 一、主要工作\n\n## （一）组织建设\n\n3月30日，举办培训。\n\n## （二）学习培训\n\n1.继续做好建会工作。\n\n# 二、存在的问题\n\n（一）参与不够。\n\n（二）关爱不够。\n", nil},
		{"no value", "共有<no value>人参加。\n", []string{"输出里有模板残留“<no value>”"}},
		{"braces", "共{{ .X }}人。\n", []string{"输出里有模板残留“{{”", "输出里有模板残留“}}”"}},
		{"printf", "共%!d(string=3)人。\n", []string{"输出里有模板残留“%!”", "中文里用了半角标点“(”"}},
		{"zero date", "0001年1月1日，举办培训。\n", []string{"输出里有模板残留“0001年”"}},
		{"doubled", "收到了很好的效果。。\n", []string{"标点重复“。。”"}},
		{"comma stop", "收到了很好的效果，。\n", []string{"标点重复“，。”"}},
		{"placeholder", "共组织XX人参加。\n", []string{"输出里有占位文字“XX”"}},
		{"line start", "，收到了效果。\n", []string{"一行以标点开头"}},
		{"half width", "上半年,社区工会举办培训。\n", []string{"中文里用了半角标点“,”"}},
		{"half width in numbers is fine", "时间为12:30，金额3,500.50元，网址 http://a.b/c?x=1。\n", nil},
		{"nothing", "# 一、存在的问题\n\n无。\n", []string{"段落只有“无”"}},
		{"empty heading", "# 一、主要工作\n\n# 二、存在的问题\n\n参与不够。\n", []string{"空标题：# 一、主要工作"}},
		{"empty heading at end", "开篇。\n\n# 一、主要工作\n", []string{"空标题：# 一、主要工作"}},
		{"skipped level 1", "# 一、甲\n\n正文。\n\n# 三、丙\n\n正文。\n", []string{"编号不连续：应为第2项，实际写的是“三、”"}},
		{"level 2 restarts", "# 一、甲\n\n## （一）a\n\n正文。\n\n# 二、乙\n\n## （二）b\n\n正文。\n", []string{"编号不连续：应为第1项，实际写的是“（二）”", "只有一项却编了“（一）”"}},
		{"past ten", "# 一、甲\n\n正文。\n\n" + strings.Repeat("", 0) + "# 二、乙\n\n## （一）a\n\n正文。\n", []string{"只有一项却编了“（一）”"}},
		{"number is not a heading", "# 一、甲\n\n3.5万元用于帮扶。\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := Lint([]byte(meta + tt.body))
			if len(probs) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(probs), len(tt.want), probs)
			}
			for i, p := range probs {
				if !strings.HasPrefix(p.Msg, tt.want[i]) {
					t.Errorf("problem %d: got %q, want prefix %q", i, p.Msg, tt.want[i])
				}
			}
		})
	}
}

func TestParseNumeral(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "九": 9, "十": 10, "十一": 11, "十九": 19, "二十": 20, "二十三": 23, "九十九": 99} {
		if got := parseNumeral(s); got != want {
			t.Errorf("parseNumeral(%s) = %d, want %d", s, got, want)
		}
	}
}

func TestPlannedPeriod(t *testing.T) {
	plan := &catalog.Template{Manifest: catalog.Manifest{Kind: "计划", Spans: []string{"H1", "H2", "year"}}}
	summary := &catalog.Template{Manifest: catalog.Manifest{Kind: "总结", Spans: []string{"H1", "H2", "year"}}}
	due := func(s string) model.Plan {
		d, err := model.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return model.Plan{Item: "x", Deadline: d}
	}
	tests := []struct {
		name  string
		t     *catalog.Template
		p     model.Period
		plans []model.Plan
		want  string
	}{
		{"year's data, next year's plans", plan, model.Period{Year: 2024, Span: "year"}, []model.Plan{due("2025-06"), {Item: "undated"}}, "2025年"},
		{"H2's data, plans due next H1", plan, model.Period{Year: 2024, Span: "H2"}, []model.Plan{due("2025-03-08")}, "2025年上半年"},
		{"a plan due within the period", plan, model.Period{Year: 2025, Span: "year"}, []model.Plan{due("2025-06"), due("2026-01")}, "2025年"},
		{"no deadlines", plan, model.Period{Year: 2025, Span: "year"}, []model.Plan{{Item: "x"}}, "2025年"},
		{"a summary keeps its period", summary, model.Period{Year: 2024, Span: "year"}, []model.Plan{due("2025-06")}, "2024年"},
		{"next period not accepted", &catalog.Template{Manifest: catalog.Manifest{Kind: "计划", Spans: []string{"year"}}}, model.Period{Year: 2024, Span: "H2"}, []model.Plan{due("2025-03")}, "2024年下半年"},
	}
	for _, tt := range tests {
		r := &model.Report{Period: tt.p, Plans: tt.plans}
		if got := zh.PeriodName(PlannedPeriod(tt.t, r)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
