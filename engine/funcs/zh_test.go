package funcs

import (
	"strings"
	"testing"
	"text/template"

	"github.com/huibao/huibao/engine/model"
	"github.com/shopspring/decimal"
)

// report is the data the zh tests render with: the figures of seed 000.
func report() *model.Report {
	prev := decimal.NewFromInt(3)
	return &model.Report{
		Org:    model.Org{Name: "柳背桥社区工会"},
		Period: model.Period{Year: 2024, Span: "H1"},
		Report: model.ReportInfo{Date: model.Date{Year: 2024, Month: 7, Day: 5}},
		Membership: model.Membership{
			Members: 152, DuesPaying: 139, DuesCollected: decimal.RequireFromString("4509.50"),
			Previous: &model.MembershipBase{Members: 140, DuesPaying: 130, DuesCollected: decimal.NewFromInt(4100)},
		},
		Indicators: []model.Indicator{
			{Name: "推荐就业", Value: decimal.NewFromInt(5), Unit: "人次", Previous: &prev},
			{Name: "慰问困难居民", Value: decimal.NewFromInt(5), Unit: "户"},
		},
		Activities: []model.Activity{
			{Date: model.Date{Year: 2024, Month: 3, Day: 30}, Title: "工会组长培训", Participants: 20},
			{Date: model.Date{Year: 2023, Month: 12, Day: 22}, EndDate: model.Date{Year: 2024, Month: 1, Day: 21}, Title: "义务巡逻月", Participants: 25},
		},
	}
}

func render(t *testing.T, tmpl string) (string, error) {
	t.Helper()
	tp, err := template.New("t").Funcs(Map()).Option("missingkey=error").Parse(tmpl)
	if err != nil {
		t.Fatalf("parse %q: %v", tmpl, err)
	}
	var b strings.Builder
	err = tp.Execute(&b, report())
	return b.String(), err
}

// TestZHWithData renders the zh functions against a report, the way the
// built-in templates call them.
func TestZHWithData(t *testing.T) {
	for _, tc := range []struct{ tmpl, want string }{
		{`目前在册会员{{ zh.Count .Membership.Members "人" }}，缴费会员{{ zh.Count .Membership.DuesPaying "人" }}，缴费率{{ zh.Rate .Membership.DuesPaying .Membership.Members }}，共计收费{{ zh.Money .Membership.DuesCollected }}`,
			"目前在册会员152人，缴费会员139人，缴费率91.4%，共计收费4509.50元"},
		{`{{ with .Membership.Previous }}{{ zh.Change $.Membership.Members .Members "人" }}{{ end }}`, "较去年同期增加12人，增长8.6%"},
		{`{{ zh.Change .Membership.DuesCollected .Membership.Previous.DuesCollected "元" }}`, "较去年同期增加409.50元，增长10.0%"},
		{`{{ range .Indicators }}{{ .Name }}{{ zh.Count .Value .Unit }}{{ with zh.Change .Value .Previous .Unit }}，{{ . }}{{ end }}；{{ end }}`,
			"推荐就业5人次，较去年同期增加2人次；慰问困难居民5户；"},
		{`{{ range .Indicators }}|{{ zh.Delta .Value .Previous .Unit }}|{{ zh.Growth .Value .Previous }}{{ end }}`, "|增加2人次|+66.7%||"},
		{`{{ range .Activities }}{{ zh.Span .Date .EndDate $.Period }}{{ .Title }}；{{ end }}`, "3月30日工会组长培训；去年12月22日至1月21日义务巡逻月；"},
		{`{{ range .Activities }}{{ zh.DateRel .Date $ }}；{{ end }}`, "今年3月30日；去年12月22日；"},
		{`{{ zh.DateIn (index .Activities 0).Date .Period.Year }}`, "3月30日"},
		{`{{ .Org.Name }}{{ zh.Period .Period }}工作总结`, "柳背桥社区工会2024年上半年工作总结"},
		{`{{ zh.SpanName .Period }}|{{ zh.PeriodRange . }}`, "上半年|2024年1月1日至6月30日"},
		// The span is a model.Span: it compares with a literal and prints as its code.
		{`{{ if eq .Period.Span "H1" }}上{{ end }}{{ if .Period.IsSpan "H2" }}下{{ end }}|{{ .Period.Span }}|{{ zh.SpanName .Period.Span }}|{{ printf "%s" .Period.Span }}|{{ zh.Join .Period.Span "全年" }}`, "上|H1|上半年|H1|H1和全年"},
		{`{{ zh.Date .IssueDate }}|{{ zh.DateCN .IssueDate }}`, "2024年7月5日|二〇二四年七月五日"},
		{`{{ zh.Percent .Membership.DuesRate }}`, "91.4%"},
		{`{{ zh.Total "人" .TotalParticipants }}`, "共计45人"},
		{`{{ zh.Money .TotalCost }}`, "0元"},
		{`{{ $n := zh.Counter }}{{ range .Activities }}{{ $n.Next 2 }}{{ .Title }}{{ end }}`, "（一）工会组长培训（二）义务巡逻月"},
		// Argument kinds.
		{`{{ zh.Money "4509.5" }}|{{ zh.Money 4509.5 }}|{{ zh.Money 0.1 }}|{{ zh.Money 1e5 }}`, "4509.50元|4509.50元|0.10元|10万元"},
		{`{{ zh.Count 3.0 "家" }}|{{ zh.Seq 1.0 "2" }}`, "3家|二、"},
		{`{{ zh.Join (list "A" "B" "C") }}|{{ zh.Join "A" "" "C" }}|{{ zh.Join }}`, "A、B和C|A和C|"},
		{`{{ zh.Total "元" (list 0.1 0.2) }}`, "共计0.30元"},
		{`{{ zh.Growth 5 nil }}`, ""},
	} {
		got, err := render(t, tc.tmpl)
		if err != nil || got != tc.want {
			t.Errorf("%s\n got %q, %v\nwant %q", tc.tmpl, got, err, tc.want)
		}
	}
}

// TestZHErrors checks the messages template authors see for bad arguments.
func TestZHErrors(t *testing.T) {
	for _, tc := range []struct{ tmpl, want string }{
		{`{{ zh.Money "abc" }}`, "error calling Money: 参数 “abc”（string）不是数字（如 4509.50）"},
		{`{{ zh.Money .Org }}`, "error calling Money: 参数类型 model.Org 不是数字（整数、小数、数字字符串或 decimal 数值）"},
		{`{{ zh.Money "" }}`, "error calling Money: 缺少数值（字段为空？可先用 if 或 with 判断）"},
		{`{{ zh.Count (index .Indicators 1).Previous "户" }}`, "error calling Count: 缺少数值（字段为空？可先用 if 或 with 判断）"},
		{`{{ zh.Count 1.5 "人" }}`, "error calling Count: 计数单位的数值必须是整数：1.5人"},
		{`{{ zh.Count 3 "斤" }}`, "error calling Count: 单位不在单位表中：“斤”（可用单位见 docs/template-functions.md 的单位表）"},
		{`{{ zh.Count -3 "人" }}`, "error calling Count: 数值不能为负：数值为-3"},
		{`{{ zh.Seq 5 1 }}`, "error calling Seq: 层次序号只有1至4级：5"},
		{`{{ zh.Seq 1 1.5 }}`, "error calling Seq: 参数 1.5（float64）不是整数"},
		{`{{ $n := zh.Counter }}{{ $n.Next 0 }}`, "error calling Next: 层次序号只有1至4级：0"},
		{`{{ zh.Date "2024-02-30" }}`, "error calling Date: 参数 “2024-02-30”（string）不是日期（写作 2024-03-30 或 2024-03）"},
		{`{{ zh.Date (index .Activities 0).EndDate }}`, "error calling Date: 缺少日期（字段为空？可先用 if 或 with 判断）"},
		{`{{ zh.DateIn "2024-03-30" "今年" }}`, "error calling DateIn: 参数 “今年”（string）不是报告年份（如 2024）或期间（如 .Period）"},
		{`{{ zh.Period "2024-H3" }}`, "error calling Period: 参数 “2024-H3”（string）不是期间（如 .Period 或 2024-H1、2024-year、2024-Q3）"},
		{`{{ zh.SpanName "2024-03" }}`, "error calling SpanName: 参数 “2024-03”（string）不是期间（如 .Period 或 2024-H1、2024-year、2024-Q3）"},
		{`{{ zh.Rate 1 0 }}`, "error calling Rate: 基数为0，无法计算比率：1/0"},
		{`{{ zh.Capital -1 }}`, "error calling Capital: 数值不能为负：金额为-1"},
		{`{{ zh.Itemize "户" "a" }}`, "error calling Itemize: zh.Itemize 的参数应为单位，然后成对的名称和数值"},
		{`{{ zh.Itemize "户" 1 2 }}`, "error calling Itemize: 参数 1（int）不是名称"},
		{`{{ zh.Total "户" }}`, "error calling Total: zh.Total 缺少要合计的数值"},
		{`{{ zh.Join 1 2 }}`, "error calling Join: 参数 1（int）不是文字"},
		{`{{ zh.Measure 2 " " }}`, "error calling Measure: 缺少量词"},
		{`{{ zh.CN 1.5 }}`, "error calling CN: 参数 1.5（float64）不是整数"},
	} {
		_, err := render(t, tc.tmpl)
		if err == nil || !strings.HasSuffix(err.Error(), tc.want) {
			t.Errorf("%s\n got %v\nwant …%s", tc.tmpl, err, tc.want)
		}
	}
}
