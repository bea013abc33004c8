package rollup

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal { d := dec(s); return &d }

func date(y, m, d int) model.Date { return model.Date{Year: y, Month: m, Day: d} }

// unit builds a community's report with the figures the tests vary.
func unit(name string, members, paying int, dues string, prev *model.MembershipBase) *model.Report {
	return &model.Report{
		Version: 1,
		Org:     model.Org{Name: name, Type: "社区工会", Parent: "石新路街道总工会"},
		Period:  model.Period{Year: 2024, Span: "H1"},
		Report:  model.ReportInfo{Date: date(2024, 7, 5)},
		Membership: model.Membership{Members: members, DuesPaying: paying, DuesCollected: dec(dues),
			NewMembers: members / 10, Previous: prev},
	}
}

func units(rs ...*model.Report) []Unit {
	out := make([]Unit, len(rs))
	for i, r := range rs {
		src := diag.NewSourceMap(r.Org.Name + ".yaml")
		for j := range r.Indicators {
			src.Set("indicators["+itoa(j+1)+"].unit", diag.Pos{File: src.File, Line: 20 + j, Col: 7})
		}
		out[i] = Unit{Report: r, Source: src}
	}
	return out
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

func TestMembership(t *testing.T) {
	a := unit("甲社区工会", 152, 139, "4509.50", &model.MembershipBase{Members: 140, DuesPaying: 130, DuesCollected: dec("4100")})
	b := unit("乙社区工会", 86, 80, "2400", &model.MembershipBase{Members: 80, DuesPaying: 75, DuesCollected: dec("2250.5")})
	r, probs := Compute(Parent{}, units(a, b))
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	m := r.Membership
	if m.Members != 238 || m.DuesPaying != 219 || !m.DuesCollected.Equal(dec("6909.5")) || m.NewMembers != 15+8 {
		t.Errorf("membership %+v", m)
	}
	if m.Previous == nil || m.Previous.Members != 220 || m.Previous.DuesPaying != 205 || !m.Previous.DuesCollected.Equal(dec("6350.5")) {
		t.Errorf("previous %+v", m.Previous)
	}
	// One unit without last year's figures: no sum of last year's at all.
	b.Membership.Previous = nil
	r, _ = Compute(Parent{}, units(a, b))
	if r.Membership.Previous != nil {
		t.Errorf("previous summed over some units only: %+v", r.Membership.Previous)
	}
}

func TestIndicators(t *testing.T) {
	a := unit("甲社区工会", 100, 90, "2700", nil)
	a.Indicators = []model.Indicator{
		{Name: "推荐就业", Value: dec("5"), Unit: "人次", Previous: decp("3"), Category: "就业服务"},
		{Name: "慰问困难居民", Value: dec("5"), Unit: "户", Previous: decp("6"), Category: "帮扶救助"},
		{Name: "为贫困儿童捐款", Value: dec("1421.20"), Unit: "元", Category: "帮扶救助"},
		{Name: "会费收缴率", Value: dec("91.4"), Unit: "%"},
	}
	b := unit("乙社区工会", 100, 90, "2700", nil)
	b.Indicators = []model.Indicator{
		{Name: "慰问困难居民", Value: dec("9"), Unit: "户", Category: "帮扶救助"},
		{Name: "推荐就业", Value: dec("8"), Unit: "人次", Previous: decp("6")},
		{Name: "为贫困儿童捐款", Value: dec("300.5"), Unit: "元"},
		{Name: "会费收缴率", Value: dec("88"), Unit: "%"},
		{Name: "看望住院会员", Value: dec("7"), Unit: "人", Previous: decp("4"), Category: "帮扶救助"},
	}
	r, probs := Compute(Parent{}, units(a, b))
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	type row struct{ name, value, prev, cat string }
	var got []row
	for _, ind := range r.Indicators {
		p := "-"
		if ind.Previous != nil {
			p = ind.Previous.String()
		}
		got = append(got, row{ind.Name, ind.Value.String(), p, ind.Category})
	}
	want := []row{
		{"推荐就业", "13", "9", "就业服务"},
		{"慰问困难居民", "14", "-", "帮扶救助"}, // 乙 has no previous
		{"为贫困儿童捐款", "1721.7", "-", "帮扶救助"},
		{"看望住院会员", "7", "4", "帮扶救助"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("indicators:\n got %v\nwant %v", got, want)
	}
	// The share is left out, with a warning at its first appearance.
	if len(probs) != 1 || probs[0].Severity != diag.Warning || !strings.Contains(probs[0].Error(), "甲社区工会.yaml:23:7: 提醒：字段 indicators[4].unit：指标“会费收缴率”是比例（%）") {
		t.Errorf("problems: %v", probs)
	}
}

func TestIndicatorUnitConflict(t *testing.T) {
	a := unit("甲社区工会", 100, 90, "2700", nil)
	a.Indicators = []model.Indicator{{Name: "推荐就业", Value: dec("5"), Unit: "人次"}}
	b := unit("乙社区工会", 100, 90, "2700", nil)
	b.Indicators = []model.Indicator{{Name: "看望住院会员", Value: dec("1"), Unit: "人"}, {Name: "推荐就业", Value: dec("4"), Unit: "人"}}
	r, probs := Compute(Parent{}, units(a, b))
	if r != nil {
		t.Fatal("a roll-up was made although 人次 and 人 were added")
	}
	want := "乙社区工会.yaml:21:7: 字段 indicators[2].unit：指标“推荐就业”的单位是“人”，而 甲社区工会.yaml 里同名指标的单位是“人次”，汇总时无法相加。同一指标请在各单位使用相同的单位，或改用不同的指标名称。"
	if probs.Err() == nil || probs.Err().Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", probs.Err(), want)
	}
}

func TestActivitiesProblemsPlans(t *testing.T) {
	a := unit("甲社区工会", 100, 90, "2700", nil)
	a.Activities = []model.Activity{
		{Date: date(2024, 3, 30), Title: "工会组长培训", Category: "学习培训", Participants: 20, Content: "就如何开展社区工会工作进行了讲解"},
		{Date: date(2024, 1, 19), Title: "社区拔河比赛", Category: "文体活动", Participants: 96, Content: "社区工会联合居委会组织", Cost: dec("1200")},
	}
	a.Problems = []string{"会员参与不够", "经费不足。"}
	a.Plans = []model.Plan{
		{Category: "组织建设", Item: "继续做好建会工作", Target: "新建企业工会2家", Deadline: model.Date{Year: 2024, Month: 11}},
		{Category: "帮扶救助", Item: "做好节日慰问", Target: "困难职工档案动态更新"},
	}
	b := unit("乙社区工会", 100, 90, "2700", nil)
	b.Activities = []model.Activity{
		{Date: date(2024, 1, 19), Title: "迎新春茶话会", Category: "文体活动", Participants: 32},
		{Date: date(2024, 5, 20), Title: "信息核实", Category: "帮扶救助", Participants: 8, Content: "乙社区工会逐户核实困难职工情况"},
	}
	b.Problems = []string{"经费不足", "  会员参与不够。 ", "干部多为兼职"}
	b.Plans = []model.Plan{
		{Category: "组织建设", Item: "继续做好建会工作。", Target: "新建企业工会1家", Deadline: model.Date{Year: 2024, Month: 12}},
		{Category: "帮扶救助", Item: "做好节日慰问", Target: "困难职工档案动态更新。"},
		{Category: "文体活动", Item: "参加街道运动会"},
	}
	r, probs := Compute(Parent{}, units(a, b))
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	if len(r.Activities) != 4 || r.TotalParticipants() != 156 || !r.TotalCost().Equal(dec("1200")) {
		t.Errorf("activities: %d, %d participants, cost %s", len(r.Activities), r.TotalParticipants(), r.TotalCost())
	}
	var contents []string
	for _, a := range r.Activities {
		contents = append(contents, a.Date.String()+" "+a.Organizer+" "+a.Content)
	}
	want := []string{
		"2024-01-19 甲社区工会 社区工会联合居委会组织",
		"2024-01-19 乙社区工会 ",
		"2024-03-30 甲社区工会 就如何开展社区工会工作进行了讲解",
		"2024-05-20 乙社区工会 乙社区工会逐户核实困难职工情况",
	}
	if !slices.Equal(contents, want) {
		t.Errorf("activities:\n got %q\nwant %q", contents, want)
	}
	if want := []string{"会员参与不够", "经费不足。", "干部多为兼职"}; !slices.Equal(r.Problems, want) {
		t.Errorf("problems %q, want %q", r.Problems, want)
	}
	var plans []string
	for _, p := range r.Plans {
		plans = append(plans, p.Category+"|"+p.Item+"|"+p.Target+"|"+p.Deadline.String())
	}
	wantPlans := []string{
		"组织建设|继续做好建会工作||2024-12", // targets differ: left out; latest deadline
		"帮扶救助|做好节日慰问|困难职工档案动态更新|",
		"文体活动|参加街道运动会||",
	}
	if !slices.Equal(plans, wantPlans) {
		t.Errorf("plans:\n got %q\nwant %q", plans, wantPlans)
	}
}

func TestParentOrg(t *testing.T) {
	a := unit("甲社区工会", 100, 90, "2700", nil)
	b := unit("乙社区工会", 100, 90, "2700", nil)
	manifest := diag.NewSourceMap("batch.yaml")
	manifest.Set("org.name", diag.Pos{File: "batch.yaml", Line: 2, Col: 9})

	// From the manifest; a unit naming another parent is warned about.
	b.Org.Parent = "闸弄口街道总工会"
	org, probs := ParentOrg(Parent{Org: model.Org{Name: "石新路街道总工会", Party: "石新路街道党工委"}, Source: manifest}, units(a, b))
	if org.Name != "石新路街道总工会" || org.Type != "街道总工会" || org.Party != "石新路街道党工委" {
		t.Errorf("org %+v", org)
	}
	if len(probs) != 1 || probs[0].Severity != diag.Warning || !strings.Contains(probs[0].Msg, "闸弄口街道总工会") {
		t.Errorf("problems %v", probs)
	}

	// From the units' parents: they must agree.
	_, probs = ParentOrg(Parent{}, units(a, b))
	if want := "batch.yaml: 各单位写的上级工会不一致：“石新路街道总工会”（甲社区工会.yaml）；“闸弄口街道总工会”（乙社区工会.yaml）。"; probs.Err() == nil || !strings.HasPrefix(probs.Err().Error(), want) {
		t.Errorf("got %v, want %s…", probs.Err(), want)
	}
	b.Org.Parent = ""
	org, probs = ParentOrg(Parent{}, units(a, b))
	if org.Name != "石新路街道总工会" || org.Type != "街道总工会" || probs.Err() != nil {
		t.Errorf("org %+v, %v", org, probs)
	}
	a.Org.Parent = ""
	if _, probs = ParentOrg(Parent{}, units(a, b)); probs.Err() == nil || !strings.Contains(probs.Err().Error(), "不知道汇总报告以哪个单位的名义写") {
		t.Errorf("no parent: %v", probs)
	}
	// A manifest whose name shows no type says so.
	if _, probs = ParentOrg(Parent{Org: model.Org{Name: "石新路片区"}, Source: manifest}, units(a, b)); probs.Err() == nil ||
		probs.Err().Error() != "batch.yaml:2:9: 字段 org.type：无法从汇总单位的名称“石新路片区”看出单位类型。请写明，例如 org: {name: 石新路片区, type: 街道总工会}。" {
		t.Errorf("no type: %v", probs)
	}
}

func TestTypeOf(t *testing.T) {
	for name, want := range map[string]string{
		"石新路街道总工会":    "街道总工会",
		"石新路街道工会":     "街道工会",
		"长胜社区工会联合会":   "社区工会联合会",
		"掌起镇总工会":      "镇工会",
		"掌起镇工会":       "镇工会",
		"顺庆区某行业工会":    "行业工会",
		"石新路街道办事处":    "",
		"慈一棉纺织有限公司工会": "",
	} {
		if got := TypeOf(name); got != want {
			t.Errorf("TypeOf(%s) = %q, want %q", name, got, want)
		}
	}
}

func TestIssueDate(t *testing.T) {
	a := unit("甲社区工会", 100, 90, "2700", nil)
	b := unit("乙社区工会", 100, 90, "2700", nil)
	b.Report.Date = date(2024, 7, 9)
	r, _ := Compute(Parent{}, units(a, b))
	if r.Report.Date != date(2024, 7, 9) {
		t.Errorf("date %v, want the latest unit's", r.Report.Date)
	}
	r, _ = Compute(Parent{Report: model.ReportInfo{Date: date(2024, 7, 12), Title: "标题"}}, units(a, b))
	if r.Report.Date != date(2024, 7, 12) || r.Report.Title != "标题" {
		t.Errorf("report %+v, want the manifest's", r.Report)
	}
}
