package validate

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/model"
)

func good() *model.Report {
	prev := decimal.NewFromInt(3)
	return &model.Report{
		Version:    1,
		Org:        model.Org{Name: "柳背桥社区工会", Type: "社区工会"},
		Period:     model.Period{Year: 2024, Span: "H1"},
		Membership: model.Membership{Members: 152, DuesPaying: 139, DuesCollected: decimal.RequireFromString("4509.50")},
		Indicators: []model.Indicator{{Name: "推荐就业", Value: decimal.NewFromInt(5), Unit: "人次", Previous: &prev}},
		Activities: []model.Activity{{Date: model.Date{Year: 2024, Month: 3, Day: 30}, Title: "工会组长培训", Category: "学习培训", Participants: 20}},
		Problems:   []string{"会员参与不够"},
		Plans:      []model.Plan{{Category: "组织建设", Item: "继续做好建会工作", Deadline: model.Date{Year: 2024, Month: 12}}},
	}
}

func TestValidate(t *testing.T) {
	d := func(y, m, dd int) model.Date { return model.Date{Year: y, Month: m, Day: dd} }
	tests := []struct {
		name   string
		change func(r *model.Report)
		want   []string // "path：message" prefixes, in order; nil: valid
	}{
		{"valid", func(r *model.Report) {}, nil},
		{"version", func(r *model.Report) { r.Version = 2 }, []string{"version：不认识的格式版本 2"}},
		{"no version", func(r *model.Report) { r.Version = 0 }, []string{"version：缺少格式版本号"}},
		{"no org name", func(r *model.Report) { r.Org.Name = "" }, []string{"org.name：缺少单位名称"}},
		{"unusual org type warns", func(r *model.Report) { r.Org.Type = "社区公会" }, []string{"提醒：字段 org.type：单位类型“社区公会”不在常见类型中"}},
		{"leader half", func(r *model.Report) { r.Org.Leader = model.Person{Title: "工会主席"} }, []string{"org.leader.name：缺少负责人姓名"}},
		{"bad span", func(r *model.Report) { r.Period.Span = "上半年" }, []string{"period.span：期间“上半年”无效。“上半年”请写成 H1"}},
		{"span and dates", func(r *model.Report) { r.Period.Start = d(2024, 1, 1) }, []string{"period.span：期间既写了 span 又写了 start/end"}},
		{"end before start", func(r *model.Report) {
			r.Period = model.Period{Start: d(2024, 6, 1), End: d(2024, 3, 1)}
		}, []string{"period.end：结束日期 2024-03-01 早于开始日期 2024-06-01"}},
		{"dues paying > members", func(r *model.Report) { r.Membership.DuesPaying = 160 }, []string{"membership.dues_paying：缴费会员 160 人多于在册会员 152 人"}},
		{"negative", func(r *model.Report) { r.Membership.Members = -1; r.Membership.DuesPaying = -2 },
			[]string{"membership.dues_paying：人数不能是负数（-2）", "membership.members：人数不能是负数（-1）"}},
		{"money cents", func(r *model.Report) { r.Membership.DuesCollected = decimal.RequireFromString("12.345") }, []string{"membership.dues_collected：金额 12.345 超过了两位小数"}},
		{"negative money", func(r *model.Report) { r.Activities[0].Cost = decimal.NewFromInt(-5) }, []string{"activities[1].cost：金额不能是负数（-5）"}},
		{"unknown unit", func(r *model.Report) { r.Indicators[0].Unit = "人次次" }, []string{"indicators[1].unit：不认识的单位“人次次”。是不是“人次”？"}},
		{"count fraction", func(r *model.Report) { r.Indicators[0].Value = decimal.RequireFromString("2.5") }, []string{"indicators[1].value：以“人次”计的数应为整数，实际是 2.5"}},
		{"duplicate indicator", func(r *model.Report) { r.Indicators = append(r.Indicators, r.Indicators[0]) }, []string{"indicators[2].name：指标“推荐就业”重复（第1项已有）"}},
		{"unknown category", func(r *model.Report) { r.Activities[0].Category = "文体" }, []string{"activities[1].category：不认识的类别“文体”。是不是“文体活动”？"}},
		{"missing category", func(r *model.Report) { r.Activities[0].Category = "" }, []string{"activities[1].category：缺少类别"}},
		{"outside period", func(r *model.Report) { r.Activities[0].Date = d(2024, 7, 1) }, []string{"activities[1].date：活动日期 2024-07-01 不在报告期间（2024-01-01 至 2024-06-30）内"}},
		{"span into period is fine", func(r *model.Report) { r.Activities[0].Date, r.Activities[0].EndDate = d(2023, 12, 22), d(2024, 1, 21) }, nil},
		{"span entirely before", func(r *model.Report) { r.Activities[0].Date, r.Activities[0].EndDate = d(2023, 12, 1), d(2023, 12, 31) },
			[]string{"activities[1].date：活动日期 2023-12-01 至 2023-12-31 不在报告期间"}},
		{"end before date", func(r *model.Report) { r.Activities[0].EndDate = d(2024, 3, 1) }, []string{"activities[1].end_date：结束日期 2024-03-01 早于开始日期 2024-03-30"}},
		{"month-only activity", func(r *model.Report) { r.Activities[0].Date = model.Date{Year: 2024, Month: 3} }, []string{"activities[1].date：活动日期 2024-03 只写到了月份"}},
		{"empty problem", func(r *model.Report) { r.Problems = []string{" "} }, []string{"problems[1]：这一条问题是空的"}},
		{"plan before period", func(r *model.Report) { r.Plans[0].Deadline = model.Date{Year: 2023, Month: 12} }, []string{"plans[1].deadline：完成时限 2023-12 早于报告期间开始 2024-01-01"}},
		{"new members > members", func(r *model.Report) { r.Membership.NewMembers = 200 }, []string{"membership.new_members：新发展会员 200 人多于在册会员 152 人"}},
		{"previous dues paying", func(r *model.Report) {
			r.Membership.Previous = &model.MembershipBase{Members: 10, DuesPaying: 11}
		}, []string{"membership.previous.dues_paying：上年同期缴费会员 11 人多于在册会员 10 人"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := good()
			tt.change(r)
			probs := Report(r, nil)
			if len(probs) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(probs), len(tt.want), probs)
			}
			for i, p := range probs {
				got := strings.TrimPrefix(p.Error(), "字段 ")
				if !strings.HasPrefix(got, tt.want[i]) {
					t.Errorf("problem %d:\n got %s\nwant %s…", i, got, tt.want[i])
				}
			}
		})
	}
}

func TestForKind(t *testing.T) {
	r := good()
	r.Report.Date = model.Date{Year: 2023, Month: 12, Day: 28}
	if got := ForKind(r, nil, "总结"); len(got) != 1 || !strings.Contains(got[0].Error(), "report.date：成文日期 2023-12-28 早于期间开始 2024-01-01") {
		t.Errorf("summary: %v", got)
	}
	if got := ForKind(r, nil, "计划"); len(got) != 0 {
		t.Errorf("a plan may be issued before its period: %v", got)
	}
	r.Membership = model.Membership{}
	if got := ForKind(r, nil, "计划"); len(got) != 0 {
		t.Errorf("a plan needs no membership: %v", got)
	}
	if got := ForKind(r, nil, "汇报材料"); len(got) != 2 || !strings.Contains(got[0].Error(), "membership：缺少会员情况") {
		t.Errorf("briefing: %v", got)
	}
}

// TestTargetsMet: a target the unit's own figures already meet is named,
// shares whatever the periods, counts only for a year against a year.
func TestTargetsMet(t *testing.T) {
	for _, tc := range []struct {
		name   string
		period model.Period
		target string
		ind    model.Indicator
		want   string
	}{
		{"share met", model.Period{Year: 2024, Span: "H1"}, "覆盖率达到90%以上",
			model.Indicator{Name: "工资集体协商覆盖率", Value: decimal.RequireFromString("92.5"), Unit: "%"},
			"目标“覆盖率达到90%以上”已经达到：本单位上半年工资集体协商覆盖率已是92.5%"},
		{"share not met", model.Period{Year: 2024, Span: "H1"}, "覆盖率达到95%以上",
			model.Indicator{Name: "工资集体协商覆盖率", Value: decimal.RequireFromString("92.5"), Unit: "%"}, ""},
		{"count, year against year", model.Period{Year: 2024, Span: "year"}, "推荐就业不少于10人次",
			model.Indicator{Name: "推荐就业", Value: decimal.NewFromInt(12), Unit: "人次"},
			"目标“推荐就业不少于10人次”已经达到：本单位全年推荐就业已是12人次"},
		{"count, a half-year's figure", model.Period{Year: 2024, Span: "H1"}, "推荐就业不少于10人次",
			model.Indicator{Name: "推荐就业", Value: decimal.NewFromInt(12), Unit: "人次"}, ""},
		{"a frequency is no target to meet", model.Period{Year: 2024, Span: "year"}, "厂务公开每季度一次",
			model.Indicator{Name: "开展厂务公开", Value: decimal.NewFromInt(4), Unit: "次"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good()
			r.Period = tc.period
			r.Indicators = []model.Indicator{tc.ind}
			r.Plans = []model.Plan{{Category: "维权服务", Item: "推进工作", Target: tc.target}}
			probs := ForKind(r, nil, model.KindPlan)
			got := ""
			for _, p := range probs.Warnings() {
				got = p.Msg
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
