// Package sample builds realistic reports in Go, for the tests and
// benchmarks of the workbook packages: the union of seed 000 篇1 and a large
// street-sized one.
package sample

import (
	"fmt"

	"github.com/huibao/huibao/engine/model"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal {
	d := dec(s)
	return &d
}

// Liubeiqiao is seed 000 篇1, 柳背桥社区工会's first half of 2024, with every
// field of the model filled in.
func Liubeiqiao() *model.Report {
	return &model.Report{
		Version: 1,
		Org: model.Org{
			Name: "柳背桥社区工会", Type: "社区工会", Parent: "某某街道总工会",
			Leader: model.Person{Title: "工会主席", Name: "王某"},
			Overview: []model.Measure{
				{Name: "辖区面积", Value: dec("0.32"), Unit: "平方公里"},
				{Name: "居民", Value: dec("18639"), Unit: "人"},
				{Name: "辖区企业", Value: dec("46"), Unit: "家"},
			},
		},
		Period: model.Period{Year: 2024, Span: model.H1},
		Report: model.ReportInfo{Template: "half-year-summary", Date: model.Date{Year: 2024, Month: 7, Day: 5}},
		Membership: model.Membership{
			Members: 152, DuesPaying: 139, DuesCollected: dec("4509.50"), NewMembers: 12,
			Previous: &model.MembershipBase{Members: 140, DuesPaying: 130, DuesCollected: dec("4100")},
		},
		Indicators: []model.Indicator{
			{Name: "推荐就业", Value: dec("5"), Unit: "人次", Previous: decp("3"), Category: "就业服务"},
			{Name: "看望住院会员", Value: dec("8"), Unit: "人", Previous: decp("6"), Category: "帮扶救助"},
			{Name: "慰问困难居民", Value: dec("5"), Unit: "户", Previous: decp("4"), Category: "帮扶救助"},
			{Name: "参加社区志愿者服务", Value: dec("6"), Unit: "次", Category: "共建共治"},
			{Name: "为贫困儿童捐助衣物", Value: dec("30"), Unit: "件", Category: "帮扶救助"},
			{Name: "为贫困儿童捐助现金", Value: dec("1421.20"), Unit: "元", Previous: decp("1200"), Category: "帮扶救助"},
			{Name: "指导建立非公企业工会", Value: dec("3"), Unit: "家", Previous: decp("2"), Category: "组织建设"},
			{Name: "困难职工建档", Value: dec("24"), Unit: "人", Category: "帮扶救助"},
		},
		Activities: []model.Activity{
			{Date: model.Date{Year: 2024, Month: 3, Day: 30}, Title: "工会组长培训", Category: "学习培训",
				Location: "南湖鸳鸯度假村", Participants: 20,
				Content: "就如何协助社区开展好社区工会工作进行了讲解和讨论", Result: "收到了很好的效果", Cost: dec("1260")},
			{Date: model.Date{Year: 2024, Month: 4, Day: 16}, Title: "赴广安邓小平故里参观学习", Category: "学习培训",
				Location: "广安邓小平故里", Participants: 32,
				Content: "组织会员参观学习，交流沟通", Result: "团结更进一步增强，集体荣誉感得到发挥", Cost: dec("2350.50")},
			{Date: model.Date{Year: 2024, Month: 1, Day: 2}, EndDate: model.Date{Year: 2024, Month: 1, Day: 21},
				Title: "社区义务巡逻月", Category: "共建共治", Location: "柳背桥社区辖区", Participants: 25,
				Content: "春节来临之际响应社区党委号召，会员参加义务巡逻", Result: "为确保辖区平安做出了积极贡献"},
			{Date: model.Date{Year: 2024, Month: 1, Day: 19}, Title: "社区拔河比赛", Category: "文体活动",
				Location: "社区文化广场", Participants: 80,
				Content: "社区党委、居委会及社区工会共同组织，辖区企业工会赞助资金", Result: "活动圆满成功", Cost: dec("800")},
			{Date: model.Date{Year: 2024, Month: 6, Day: 12}, Title: "社区服务日活动", Category: "共建共治",
				Location: "石新路新泰铭居前", Participants: 45,
				Content: "开展义诊、维修、法律咨询等便民服务", Result: "在辖区居民中收到了良好的效果", Cost: dec("300")},
			{Date: model.Date{Year: 2024, Month: 2, Day: 5}, Title: "春节慰问困难居民", Category: "帮扶救助",
				Location: "困难居民家中", Participants: 6,
				Content: "看望慰问困难居民5户，送去米、油和慰问金", Result: "困难居民感受到工会组织的温暖", Cost: dec("1500")},
			{Date: model.Date{Year: 2024, Month: 5, Day: 20}, Title: "为贫困儿童献爱心", Category: "帮扶救助",
				Location: "社区活动室", Participants: 41,
				Content: "会员和居民为贫困儿童捐助衣物30件、现金1421.20元", Result: "发扬了工会的团结互助精神"},
		},
		Problems: []string{
			"工会会员按期缴纳了会费就盼望搞活动，对如何参与社区建设、如何发挥会员在社区各项活动中的作用参与不够。",
			"会员中对较为困难的会员和居民还缺乏一定的爱心，从每次捐赠和献爱心活动名单看，参与人数还不够多。",
		},
		Plans: []model.Plan{
			{Category: "组织建设", Item: "继续做好非公企业建会工作", Target: "新建企业工会3家", Deadline: model.Date{Year: 2024, Month: 12}},
			{Category: "学习培训", Item: "组织工会干部集中培训", Target: "全年不少于2期", Deadline: model.Date{Year: 2024, Month: 10, Day: 31}},
			{Category: "帮扶救助", Item: "完善困难职工档案", Target: "档案全部录入系统"},
		},
	}
}

// Large is a street-sized report: n activities spread over every category
// and the half-year, and forty indicators, for benchmarks and paging.
func Large(n int) *model.Report {
	r := Liubeiqiao()
	r.Org.Name = "某某街道总工会"
	r.Org.Type = "街道总工会"
	r.Activities = r.Activities[:0]
	places := []string{"社区活动室", "街道文体中心", "辖区企业会议室", "南湖公园", "社区文化广场"}
	cats := model.Categories()
	for i := range n {
		cat := cats[i%len(cats)]
		month := 1 + i%6
		day := 1 + (i*7)%model.DaysIn(2024, month)
		r.Activities = append(r.Activities, model.Activity{
			Date:         model.Date{Year: 2024, Month: month, Day: day},
			Title:        fmt.Sprintf("%s专题活动第%d场", cat, i+1),
			Category:     cat,
			Location:     places[i%len(places)],
			Participants: 10 + (i*13)%90,
			Content:      fmt.Sprintf("围绕%s组织会员和辖区职工开展专题活动，内容包括政策宣讲、经验交流和现场服务，共同研究下一步工作", cat),
			Result:       "参与群众反响良好，达到了预期效果",
			Cost:         decimal.New(int64((i*3717)%50000), -2),
		})
	}
	r.Indicators = r.Indicators[:0]
	units := []string{"人", "人次", "户", "家", "次", "元"}
	for i := range 40 {
		u := units[i%len(units)]
		ind := model.Indicator{Name: fmt.Sprintf("工作指标%02d", i+1), Value: decimal.NewFromInt(int64(10 + i*7)), Unit: u,
			Category: cats[i%len(cats)]}
		if i%3 != 0 {
			ind.Previous = decp(fmt.Sprint(8 + i*6))
		}
		r.Indicators = append(r.Indicators, ind)
	}
	return r
}
