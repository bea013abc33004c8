package prose

import (
	"slices"
	"testing"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
)

// TestRenderAnswers: a Render works out a report's answers once, though a
// template's prose.Answer hands the writer a new copy of the report at
// every call, and works them out again for a report whose problems or
// plans differ.
func TestRenderAnswers(t *testing.T) {
	rn := NewRender()
	w := Writer{Lex: lexicon.Builtin()}.At(rn)
	r := model.Report{
		Problems: []string{"公司没有专职工会干部，工会工作主要靠兼职人员利用业余时间开展"},
		Plans: []model.Plan{
			{Category: "自身建设", Item: "下大力气做好工会经费的收缴工作", Target: "会费收缴率达到95%以上"},
			{Category: "自身建设", Item: "配齐工会委员会，建立兼职干部值班制度"},
		},
	}
	const want = "针对工会工作主要靠兼职人员利用业余时间开展的问题，"
	for range 3 {
		c := r // a new report, as funcs.Prose.Answer makes
		if got := w.Answer(c.Plans[1], &c); got != want {
			t.Fatalf("answer %q, want %q", got, want)
		}
	}
	if n := len(rn.answers); n != 1 {
		t.Errorf("the answers of one report worked out %d times, want once", n)
	}
	other := r
	other.Plans = slices.Clone(r.Plans)
	other.Plans[1].Item = "建立会员活动积分制度"
	if got := w.Answer(other.Plans[1], &other); got != "" {
		t.Errorf("a plan about activities answers %q, remembered from another report", got)
	}
}
