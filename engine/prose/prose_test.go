package prose_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/prose"

	// No golden file here, but go test ./... -update passes the flag to
	// every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

func d(y, m, day int) model.Date { return model.Date{Year: y, Month: m, Day: day} }

func report() *model.Report {
	return &model.Report{
		Org:    model.Org{Name: "恒远精密机械有限公司工会", Type: "企业工会"},
		Period: model.Period{Year: 2024, Span: model.H1},
	}
}

// TestRoles: the cadres who carried a visit to 23 households are neither
// written as its participants nor counted in 参加活动人次.
func TestRoles(t *testing.T) {
	w := prose.Writer{Lex: lexicon.Builtin()}
	visit := model.Activity{Date: d(2024, 2, 5), Title: "春节走访慰问困难职工", Participants: 12, Beneficiary: "困难职工", Beneficiaries: 23, BeneficiaryUnit: "户"}
	training := model.Activity{Date: d(2024, 3, 30), Title: "工会组长培训", Participants: 20}
	if got := w.Attendance([]model.Activity{visit, training}); got != 20 {
		t.Errorf("attendance %d, want 20", got)
	}
	got := w.Activity(visit, report())
	if strings.Contains(got, "12人") || !strings.Contains(got, "惠及困难职工23户") {
		t.Errorf("visit told as %q", got)
	}
}

// TestCases: a category with many activities is summed up and told by its
// typical cases, the one the cadre marked first.
func TestCases(t *testing.T) {
	w := prose.Writer{Lex: lexicon.Builtin()}
	var acts []model.Activity
	for i, title := range []string{"职工篮球赛", "职工乒乓球赛", "职工羽毛球赛", "职工拔河比赛", "职工象棋比赛", "职工书画展", "迎新春联欢会", "职工健步走", "职工歌咏比赛"} {
		acts = append(acts, model.Activity{Date: d(2024, 1+i/2, 1+i), Title: title, Category: "文体活动", Participants: 100 + 10*i, Content: "组织职工参加"})
	}
	acts[0].Typical = true
	acts[0].Participants = 5
	s := w.Section(model.Group{Category: "文体活动", Activities: acts}, report())
	if !strings.Contains(s.Lead, "共开展文体活动9次") || !strings.Contains(s.Lead, "其中") {
		t.Errorf("lead %q", s.Lead)
	}
	all := strings.Join(s.Items, "")
	if !strings.Contains(all, "职工篮球赛") {
		t.Errorf("the typical case is not told: %q", all)
	}
	if !strings.Contains(all, "此外，还开展了") {
		t.Errorf("the rest is not named: %q", all)
	}
}

// TestGroups: the same activity of several units is told once.
func TestGroups(t *testing.T) {
	w := prose.Writer{Lex: lexicon.Builtin()}
	var acts []model.Activity
	for i, org := range []string{"油房街社区工会", "白家巷社区工会", "北湖社区工会", "丝绸厂社区工会"} {
		acts = append(acts, model.Activity{Date: d(2024, 3+i, 10), Title: "非公有制企业建会座谈会", Category: "组织建设", Participants: 10 + i, Organizer: org, Content: "宣讲建会流程"})
	}
	s := w.Section(model.Group{Category: "组织建设", Activities: acts}, report())
	got := s.Lead + strings.Join(s.Items, "")
	if !strings.Contains(got, "3月至6月，油房街、白家巷等四个社区工会先后召开非公有制企业建会座谈会，46人次参加会议") {
		t.Errorf("group told as %q", got)
	}
}

// TestFigures: verbs, links, a repeated object dropped, zeros said last.
func TestFigures(t *testing.T) {
	w := prose.Writer{Lex: lexicon.Builtin()}
	dec := decimal.RequireFromString
	prev := dec("118")
	inds := []model.Indicator{
		{Name: "发生工伤事故", Value: dec("0"), Unit: "起"},
		{Name: "技能培训", Value: dec("6"), Unit: "期"},
		{Name: "征集合理化建议", Value: dec("142"), Unit: "条"},
		{Name: "采纳合理化建议", Value: dec("57"), Unit: "条", Previous: &prev},
		{Name: "服务指标1", Value: dec("166"), Unit: "人次"},
	}
	got := w.Indicators(inds, report())
	want := "上半年，公司工会举办技能培训6期；征集合理化建议142条；采纳57条，较去年同期减少61条，下降51.7%；服务指标1为166人次；未发生工伤事故。"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestAnswer: a task names the problem it answers, by the complaint.
func TestAnswer(t *testing.T) {
	w := prose.Writer{Lex: lexicon.Builtin()}
	r := report()
	r.Problems = []string{"会员按期缴纳会费后盼望开展活动，但对如何参与社区建设参与不够", "公司没有专职工会干部，工会工作主要靠兼职人员利用业余时间开展"}
	r.Plans = []model.Plan{
		{Category: "自身建设", Item: "下大力气做好工会经费的收缴工作", Target: "会费收缴率达到95%以上"},
		{Category: "自身建设", Item: "配齐工会委员会，建立兼职干部值班制度"},
	}
	if got := w.Answer(r.Plans[0], r); got != "" {
		t.Errorf("dues answer a complaint about participation: %q", got)
	}
	if got := w.Answer(r.Plans[1], r); got != "针对工会工作主要靠兼职人员利用业余时间开展的问题，" {
		t.Errorf("answer %q", got)
	}
}

// TestSubject: how a union names itself, by its type and name.
func TestSubject(t *testing.T) {
	for _, c := range []struct{ name, typ, want string }{
		{"柳背桥社区工会", "社区工会", "社区工会"},
		{"掌起镇总工会", "镇工会", "镇总工会"},
		{"掌起镇工会", "镇工会", "镇工会"},
		{"城南街道总工会", "街道工会", "街道总工会"},
		{"石门乡总工会", "乡镇工会", "乡总工会"},
		{"区财政局机关工会", "机关工会", "机关工会"},
		{"恒远精密机械有限公司工会", "企业工会", "公司工会"},
		{"红星机械（集团）工会", "企业工会", "集团工会"},
		{"第三棉纺厂工会", "企业工会", "厂工会"},
		{"宏达工会", "企业工会", "企业工会"},
		{"青石县第二中学教职工工会", "事业单位工会", "学校工会"},
		{"青石县中心卫生院工会", "事业单位工会", "卫生院工会"},
		{"青石县人民医院工会", "事业单位工会", "医院工会"},
		{"青石县气象台工会", "事业单位工会", "本单位工会"},
		{"某某工会", "", "我会"},
		{"楼宇工会联合会", "楼宇工会", "楼宇工会"},
	} {
		r := &model.Report{Org: model.Org{Name: c.name, Type: c.typ}}
		if got := prose.Subject(r); got != c.want {
			t.Errorf("Subject(%s, %s) = %s, want %s", c.name, c.typ, got, c.want)
		}
	}
}
