package form

import (
	"strings"

	"github.com/huibao/huibao/engine/model"
)

// The layout below is the one source of the 填报表: WriteForm draws it and
// ReadForm reads by it, so the two cannot drift apart.

// Sheet names.
const (
	SheetGuide      = "填表说明"
	SheetBasic      = "基本信息"
	SheetOverview   = "概况"
	SheetMembership = "会员情况"
	SheetIndicators = "工作指标"
	SheetActivities = "活动"
	SheetProblems   = "问题"
	SheetPlans      = "计划"
)

// kind is how a cell is typed, written and read.
type kind int

const (
	kText    kind = iota // free text, kept as typed less outer spaces
	kInt                 // a whole number
	kDecimal             // a number, read exactly through its text
	kDate                // a date, or a month (2024年12月)
	kYear                // 2024
	kSpan                // 期间: 上半年 … or H1 …
)

// field is one value of the input: a column of a table sheet, or a row of a
// key–value sheet.
type field struct {
	name    string  // the YAML key: date, dues_paying; "" for a list of plain strings
	label   string  // the Chinese header or row label
	kind    kind    // how it is typed
	width   float64 // column width, for table sheets
	prompt  string  // the input message shown when the cell is selected
	example string  // the grey example, as a cadre would type it
	list    func() []string
	strict  bool   // the dropdown refuses other values
	noPrev  bool   // a membership row with no 上年同期
	prev    string // the input message of its 上年同期 cell
	money   bool   // an amount in 元, shown with two decimals
}

// table is a sheet with a header row and one item per row.
type table struct {
	sheet  string
	path   string // the YAML list: activities, org.overview
	about  string // one line for 填表说明
	fields []field
}

// unitList and the others are the dropdowns, from the closed vocabularies.
func unitList() []string     { return model.UnitNames() }
func categoryList() []string { return model.Categories }
func orgTypeList() []string  { return model.OrgTypes }
func spanList() []string {
	out := make([]string, 0, len(model.Spans))
	for _, s := range model.Spans {
		out = append(out, model.SpanNames[s])
	}
	return out
}

// basicFields are the rows of 基本信息, in order.
func basicFields() []field {
	return []field{
		{name: "version", label: "格式版本", kind: kInt, example: "1", prompt: "填表格式的版本号，保持 1 不变。"},
		{name: "org.name", label: "单位名称", kind: kText, example: "柳背桥社区工会", prompt: "必填：工会的全称，如“柳背桥社区工会”。"},
		{name: "org.type", label: "单位类型", kind: kText, example: "社区工会", list: orgTypeList, prompt: "从下拉列表选择，也可自填。"},
		{name: "org.parent", label: "上级工会", kind: kText, example: "某某街道总工会", prompt: "可不填。"},
		{name: "org.party", label: "同级党组织", kind: kText, example: "柳背桥社区党委", prompt: "可不填；报告开头写“在……的正确领导下”。"},
		{name: "org.leader.title", label: "负责人职务", kind: kText, example: "工会主席", prompt: "可不填，如“工会主席”。"},
		{name: "org.leader.name", label: "负责人姓名", kind: kText, example: "王某", prompt: "可不填。"},
		{name: "period.year", label: "年度", kind: kYear, example: "2024", prompt: "报告所属年度，如 2024。"},
		{name: "period.span", label: "期间", kind: kSpan, example: "上半年", list: spanList, strict: true,
			prompt: "从下拉列表选择：上半年、下半年、全年或某季度。按起止日期报告时不填。"},
		{name: "period.start", label: "开始日期", kind: kDate, example: "", prompt: "只在不按半年、全年或季度报告时填写，如 2024-03-01。"},
		{name: "period.end", label: "结束日期", kind: kDate, example: "", prompt: "只在不按半年、全年或季度报告时填写，如 2024-08-31。"},
		{name: "report.template", label: "报告模板", kind: kText, example: "半年总结", prompt: "可不填：半年总结、年度总结、工作计划等。"},
		{name: "report.date", label: "成文日期", kind: kDate, example: "2024-07-05", prompt: "可不填，默认为期末最后一天。"},
		{name: "report.title", label: "报告标题", kind: kText, example: "", prompt: "可不填，默认按模板生成标题。"},
	}
}

// membershipFields are the rows of 会员情况, in order.
func membershipFields() []field {
	return []field{
		{name: "members", label: "在册会员", kind: kInt, example: "152", prompt: "在册会员人数（人）。",
			prev: "去年同期的在册会员人数（人），可不填。"},
		{name: "dues_paying", label: "缴费会员", kind: kInt, example: "139", prompt: "本期缴纳会费的会员人数（人），不超过在册会员。",
			prev: "去年同期缴纳会费的会员人数（人），可不填。"},
		{name: "dues_collected", label: "会费收缴（元）", kind: kDecimal, money: true, example: "4509.50", prompt: "本期收缴会费金额，单位元，可带两位小数。",
			prev: "去年同期收缴的会费金额，单位元，可不填。"},
		{name: "new_members", label: "新发展会员", kind: kInt, example: "12", noPrev: true, prompt: "本期新发展会员人数（人），可不填。"},
	}
}

// tables are the table sheets, in workbook order.
func tables() []table {
	return []table{
		{sheet: SheetOverview, path: "org.overview", about: "单位概况数字（汇报材料开头用），一行一项，可不填。", fields: []field{
			{name: "name", label: "项目", kind: kText, width: 20, example: "辖区面积", prompt: "如 辖区面积、居民、辖区企业。"},
			{name: "value", label: "数值", kind: kDecimal, width: 12, example: "0.32", prompt: "只填数字。"},
			{name: "unit", label: "单位", kind: kText, width: 12, example: "平方公里", list: unitList, strict: true, prompt: "从下拉列表选择。"},
		}},
		{sheet: SheetIndicators, path: "indicators", about: "报告引用的工作数字，一行一项；上年同期可不填，填了就写同比。", fields: []field{
			{name: "name", label: "指标名称", kind: kText, width: 24, example: "推荐就业", prompt: "如 推荐就业、慰问困难职工。"},
			{name: "value", label: "本期数值", kind: kDecimal, width: 12, example: "5", prompt: "只填数字，单位填在后面一列。"},
			{name: "unit", label: "单位", kind: kText, width: 10, example: "人次", list: unitList, strict: true, prompt: "从下拉列表选择，如 人、人次、户、元。"},
			{name: "previous", label: "上年同期", kind: kDecimal, width: 12, example: "3", prompt: "去年同一期间的数字，可不填。"},
			{name: "category", label: "类别", kind: kText, width: 14, example: "就业服务", list: categoryList, strict: true, prompt: "从下拉列表选择，可不填。"},
		}},
		{sheet: SheetActivities, path: "activities", about: "本期开展的每一项活动，一行一项。", fields: []field{
			{name: "date", label: "日期", kind: kDate, width: 14, example: "2024-03-30", prompt: "活动日期，如 2024-03-30、2024.3.30 或 3月30日。"},
			{name: "end_date", label: "结束日期", kind: kDate, width: 14, example: "", prompt: "活动持续多天时填写，否则不填。"},
			{name: "title", label: "活动名称", kind: kText, width: 24, example: "工会组长培训", prompt: "简短的活动名称。"},
			{name: "category", label: "类别", kind: kText, width: 14, example: "学习培训", list: categoryList, strict: true, prompt: "从下拉列表选择。"},
			{name: "location", label: "地点", kind: kText, width: 18, example: "南湖鸳鸯度假村", prompt: "可不填。"},
			{name: "participants", label: "参加人数", kind: kInt, width: 10, example: "20", prompt: "参加活动的人数，只填数字。"},
			{name: "cost", label: "经费（元）", kind: kDecimal, money: true, width: 12, example: "0", prompt: "活动花费，单位元，可不填。"},
			{name: "content", label: "活动内容", kind: kText, width: 40, example: "就如何协助社区开展好社区工会工作进行了讲解和讨论", prompt: "做了什么，一两句话。"},
			{name: "result", label: "取得成效", kind: kText, width: 28, example: "收到了很好的效果", prompt: "效果如何，一句话，可不填。"},
			{name: "organizer", label: "承办单位", kind: kText, width: 18, example: "", prompt: "活动由下属单位（如某社区工会）承办时填写，本单位自己办的不填。"},
		}},
		{sheet: SheetProblems, path: "problems", about: "存在的问题，一行一条。", fields: []field{
			{name: "", label: "存在的问题", kind: kText, width: 90, example: "会员对如何参与社区建设、发挥作用参与不够", prompt: "一行写一条问题，写成完整的句子。"},
		}},
		{sheet: SheetPlans, path: "plans", about: "下一步的工作安排，一行一项。", fields: []field{
			{name: "category", label: "类别", kind: kText, width: 14, example: "组织建设", list: categoryList, strict: true, prompt: "从下拉列表选择。"},
			{name: "item", label: "工作事项", kind: kText, width: 30, example: "继续做好建会工作", prompt: "要做的事。"},
			{name: "target", label: "目标", kind: kText, width: 24, example: "新建企业工会3家", prompt: "可量化的目标，可不填。"},
			{name: "deadline", label: "完成时限", kind: kDate, width: 14, example: "2024年12月", prompt: "如 2024-12-31 或 2024年12月，可不填。"},
		}},
	}
}

// The key–value sheets have fixed columns.
const (
	kvLabel    = 0 // A: 项目
	kvValue    = 1 // B: 内容 / 本期
	kvPrevious = 2 // C: 上年同期 (会员情况 only)
)

// normal reduces a header or label to what identifies it: no spaces, no
// parenthesised note, half-width: “ 经费（元） ” and “经费(元)” are “经费”.
func normal(s string) string {
	s = narrow(clean(s))
	if i := strings.IndexAny(s, "(（"); i > 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), "")
}

// dataFirstRow is the first row of data on a table sheet: row 1 holds the
// headers, row 2 the grey example.
const dataFirstRow = 3

// validRows is how far down dropdowns and checks reach on a new 填报表.
const validRows = 1000
