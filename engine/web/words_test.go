package web

import (
	"slices"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/load"
)

// TestWebWords: the page says the CLI's problems in its own words — its
// 报告模板 menu and templates' Chinese names, not huibao templates list or
// -t; its labels, not field paths or YAML.
func TestWebWords(t *testing.T) {
	srv := testServer(t)
	for _, tc := range []struct{ file, template, want string }{
		{"../../fixtures/liubeiqiao-2024-h2.yaml", "annual-summary",
			"“年度总结”是全年的报告，而“基本信息”里的期间是下半年。请在上方“报告模板”中改选“年度工作计划”、“汇报材料”、“半年总结”，或改正期间。"},
		{"../../fixtures/tianyun-2024-h1.yaml", "annual-plan",
			"“年度工作计划”要用到“下步计划”，表单里还没有填写。请在“下步计划”中填写，或在上方“报告模板”中换一个模板。"},
		{"../../fixtures/bad/summary-written-early.yaml", "half-year-summary",
			"成文日期 2024-08-06 离期间结束（2024-12-31）还早，这时写不出整个期间的总结。请在期间结束前后再生成；要汇报到目前为止的工作，请用汇报材料（在上方“报告模板”中选择“汇报材料”），或把期间写成起止日期，如 开始日期 2024-07-01，结束日期 2024-08-06。"},
		{"../../fixtures/bad/missing-membership.yaml", "briefing",
			"缺少会员情况。总结和汇报材料要写会员情况：在册会员、缴费会员、会费收缴（元）。"},
		{"../../fixtures/bad/activity-after-report-date.yaml", "briefing",
			"活动日期 2024-06-26 晚于成文日期 2024-06-20：报告不能写还没有开展的活动。请核对活动日期和成文日期；还没有开展的活动写进计划（下步计划）。"},
		{"../../fixtures/bad/many-problems.yaml", "",
			"指标“推荐就业”重复（第1项已有）。同一指标只写一次；上年同期的数写在“上年同期”里。"},
	} {
		r, _, _ := load.File(tc.file)
		if r == nil {
			t.Fatalf("%s: not read", tc.file)
		}
		d := draftOf(r, srv.layout)
		d.ID, d.Template = tc.file, tc.template
		var texts []string
		for _, p := range srv.checkDraft(d, nil).Problems {
			texts = append(texts, p.Text)
		}
		if !slices.Contains(texts, tc.want) {
			t.Errorf("%s with %q: want\n%s\namong\n%q", tc.file, tc.template, tc.want, texts)
		}
	}
}

// testServer is a server on a fresh engine and draft folder, for the tests
// that reach inside it.
func testServer(tb testing.TB) *Server {
	tb.Helper()
	eng, err := engine.New(engine.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	srv, err := New(Options{Engine: eng, Dir: tb.TempDir()})
	if err != nil {
		tb.Fatal(err)
	}
	return srv
}
