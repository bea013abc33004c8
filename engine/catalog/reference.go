package catalog

import (
	"fmt"
	"strings"

	"github.com/huibao/huibao/engine/model"
)

// FieldDoc is one entry of the template author's reference: how a template
// names a piece of input, what it is called in Chinese, and what kind of
// value it holds.
type FieldDoc struct {
	Expr  string // .Activities[].Title
	Label string // 活动名称
	Kind  string // 文字, 整数, 数值, 日期, 列表, …
}

// Fields lists every input field a template can read, in the order of the
// input format, from the model's field table, so the reference in the
// authoring guide cannot drift from the code.
func Fields() []FieldDoc {
	var out []FieldDoc
	for _, f := range model.Fields() {
		kind := kindName(f.Kind)
		if f.Nilable {
			kind += "，可能为空（先用 with 判断）"
		}
		out = append(out, FieldDoc{Expr: f.Expr, Label: f.Label, Kind: kind})
	}
	return out
}

// kindName says what a field holds, as a template sees it.
func kindName(k model.Kind) string {
	switch k {
	case model.KindGroup:
		return "一组字段"
	case model.KindList:
		return "列表，每项如下"
	case model.KindTextList:
		return "文字列表"
	case model.KindText, model.KindSpan:
		return "文字"
	case model.KindVersion, model.KindWhole, model.KindYear:
		return "整数"
	case model.KindDecimal, model.KindMoney:
		return "数值（精确小数）"
	case model.KindDate, model.KindMonth:
		return "日期"
	case model.KindBool:
		return "是/否（true/false）"
	}
	panic(fmt.Sprintf("catalog: no name for field kind %d", k))
}

// Methods are the data helpers reached through the dot, with a Chinese
// description each; TestMethodsDocumented keeps the list complete.
var Methods = []struct{ Expr, Doc string }{
	{".WorkGroups", "按类别分组的“主要工作”：有活动或指标的类别，按标准顺序；每组有 .Category、.Activities、.Indicators"},
	{".ActivityGroups", "按类别分组的活动（标准顺序，组内按日期）"},
	{".PlanGroups", "按类别分组的工作计划；每组有 .Category、.Plans"},
	{".IndicatorsIn 类别", "某一类别的工作指标"},
	{".Uncategorized", "没有填类别的指标：放在开头的总体数字"},
	{".TotalParticipants", "全部活动的参加人数之和"},
	{".TotalCost", "全部活动的经费之和（元）"},
	{".IssueDate", "成文日期：填了 report.date 用它，否则用期间的最后一天"},
	{".Membership.DuesRate", "会费收缴率（缴费会员 ÷ 在册会员，0 到 1）"},
	{".Period.First", "期间的第一天"},
	{".Period.Last", "期间的最后一天"},
	{".Period.Contains 日期", "日期是否在期间内"},
	{".Period.IsSpan \"H1\"", "期间是否是上半年（H1、H2、year、Q1…）"},
	{".Period.YearOf", "期间所在的年份"},
	{".Period.Next", "下一个期间：上半年的下一个是下半年，全年的下一个是明年"},
	{".Activities[].Span", "活动是否跨日（填了不同的结束日期）"},
	{".Indicators[].HasPrevious", "指标是否填了上年同期数"},
	{".Plans[].Deadline.IsZero", "日期是否没有填（任何日期字段都可以这样判断）"},
	{".Plans[].Deadline.HasDay", "日期是否具体到日（只填到月时为假，可写“6月底前”）"},
}

// FieldTable renders Fields and Methods as the Markdown tables of the
// authoring guide.
func FieldTable() string {
	var b strings.Builder
	b.WriteString("| 模板里的写法 | 含义 | 值 |\n|:--|:--|:--|\n")
	for _, f := range Fields() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.Expr, f.Label, f.Kind)
	}
	b.WriteString("\n| 数据方法 | 说明 |\n|:--|:--|\n")
	for _, m := range Methods {
		fmt.Fprintf(&b, "| `%s` | %s |\n", m.Expr, m.Doc)
	}
	return b.String()
}
