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

// field is one value of the input as the 填报表 shows it: a column of a
// table sheet, or a row of a key–value sheet. What it is called, what it
// holds and which values it takes come from the model's field table by
// path; the rest is how the form presents it.
type field struct {
	path      string  // the model's field: org.name, activities.date; problems for its one column
	width     float64 // column width, for table sheets
	prompt    string  // the input message shown when the cell is selected
	example   string  // the grey example, as a cadre would type it
	prev      string  // membership: the input message of its 上年同期 cell
	blankZero bool    // a zero is written as an empty cell, which reads as zero too

	of     model.Field // the field in the model's table
	label  string      // the header or row label: the field's label, （元） added for an amount
	kind   model.Kind  // how one cell is typed: text for each sentence of a list of sentences
	list   []string    // the dropdown, from the field's vocabulary (span by its Chinese names)
	strict bool        // the dropdown refuses other values
}

// table is a sheet with a header row and one item per row.
type table struct {
	sheet  string
	path   string // the YAML list: activities, org.overview
	about  string // one line for 填表说明
	fields []field
}

// list is the table's list in the model's field table.
func (t table) list() model.Field { return lookup(t.path) }

// resolve completes the fields of a layout from the model's field table.
func resolve(fields ...field) []field {
	for i, fd := range fields {
		fd.of = lookup(fd.path)
		fd.label, fd.kind = fd.of.Label, fd.of.Kind
		switch fd.kind {
		case model.KindMoney:
			fd.label += "（元）"
		case model.KindTextList:
			fd.kind = model.KindText
		}
		switch fd.of.Vocab {
		case model.NoVocab:
			if fd.kind == model.KindBool {
				fd.list, fd.strict = []string{"是", "否"}, true
				fields[i] = fd
				continue
			}
		case model.VocabSpans:
			fd.list = spanList()
		default:
			fd.list = fd.of.Vocab.Values()
		}
		fd.strict = fd.of.Vocab.Closed()
		fields[i] = fd
	}
	return fields
}

// lookup finds a field the layout names; a name the model does not have is
// a programming error, which every test of the package meets.
func lookup(path string) model.Field {
	f, ok := model.LookupField(path)
	if !ok {
		panic("form: the layout names " + path + ", which the model does not have")
	}
	return f
}

// previous is the 上年同期 field of a 会员情况 row: membership.previous.members
// for membership.members; false for a row without one (new_members).
func previous(fd field) (field, bool) {
	p, ok := model.LookupField(strings.Replace(fd.path, "membership.", "membership.previous.", 1))
	if !ok {
		return field{}, false
	}
	pfd := fd
	pfd.path, pfd.of, pfd.prompt = p.Path, p, fd.prev
	return pfd, true
}

// spanList is the dropdown of 期间: the spans by their Chinese names.
func spanList() []string {
	var out []string
	for _, s := range model.Spans() {
		out = append(out, s.Name())
	}
	return out
}

// basicFields are the rows of 基本信息, in order.
func basicFields() []field {
	return resolve(
		field{path: "version", example: "1", prompt: "填表格式的版本号，保持 1 不变。"},
		field{path: "org.name", example: "柳背桥社区工会", prompt: "必填：工会的全称，如“柳背桥社区工会”。"},
		field{path: "org.type", example: "社区工会", prompt: "从下拉列表选择，也可自填。"},
		field{path: "org.parent", example: "某某街道总工会", prompt: "可不填。"},
		field{path: "org.party", example: "柳背桥社区党委", prompt: "可不填；报告开头写“在……的正确领导下”。"},
		field{path: "org.leader.title", example: "工会主席", prompt: "可不填，如“工会主席”。"},
		field{path: "org.leader.name", example: "王某", prompt: "可不填。"},
		field{path: "period.year", example: "2024", prompt: "报告所属年度，如 2024。"},
		field{path: "period.span", example: "上半年", prompt: "从下拉列表选择：上半年、下半年、全年或某季度。按起止日期报告时不填。"},
		field{path: "period.start", example: "", prompt: "只在不按半年、全年或季度报告时填写，如 2024-03-01。"},
		field{path: "period.end", example: "", prompt: "只在不按半年、全年或季度报告时填写，如 2024-08-31。"},
		field{path: "report.template", example: "半年总结", prompt: "可不填，生成时用 -t 指定也可以。内置的模板如 半年总结、年度总结、年度工作计划、汇报材料、上半年工作总结及下半年工作计划。"},
		field{path: "report.date", example: "2024-07-05", prompt: "可不填，默认为期末最后一天。"},
		field{path: "report.title", example: "", prompt: "可不填，默认按模板生成标题。"},
	)
}

// membershipFields are the rows of 会员情况, in order; a row whose field
// has a membership.previous counterpart has a 上年同期 cell.
func membershipFields() []field {
	return resolve(
		field{path: "membership.members", example: "152", prompt: "在册会员人数（人）。",
			prev: "上年同期的在册会员人数（人），可不填。"},
		field{path: "membership.dues_paying", example: "139", prompt: "本期缴纳会费的会员人数（人），不超过在册会员。",
			prev: "上年同期缴纳会费的会员人数（人），可不填。"},
		field{path: "membership.dues_collected", example: "4509.50", prompt: "本期收缴会费金额，单位元，可带两位小数。",
			prev: "上年同期收缴的会费金额，单位元，可不填。"},
		field{path: "membership.new_members", example: "12", blankZero: true, prompt: "本期新发展会员人数（人），可不填。"},
	)
}

// tables are the table sheets, in workbook order.
func tables() []table {
	return []table{
		{sheet: SheetOverview, path: "org.overview", about: "单位概况数字（汇报材料开头用），一行一项，可不填。", fields: resolve(
			field{path: "org.overview.name", width: 20, example: "辖区面积", prompt: "如 辖区面积、居民、辖区企业。"},
			field{path: "org.overview.value", width: 12, example: "0.32", prompt: "只填数字。"},
			field{path: "org.overview.unit", width: 12, example: "平方公里", prompt: "从下拉列表选择。"},
		)},
		{sheet: SheetIndicators, path: "indicators", about: "报告引用的工作数字，一行一项；上年同期可不填，填了就写同比。", fields: resolve(
			field{path: "indicators.name", width: 24, example: "推荐就业", prompt: "如 推荐就业、慰问困难职工。"},
			field{path: "indicators.value", width: 12, example: "5", prompt: "只填数字，单位填在后面一列。"},
			field{path: "indicators.unit", width: 10, example: "人次", prompt: "从下拉列表选择，如 人、人次、户、元。"},
			field{path: "indicators.previous", width: 12, example: "3", prompt: "去年同一期间的数字，可不填。"},
			field{path: "indicators.category", width: 14, example: "就业服务", prompt: "从下拉列表选择，可不填。"},
		)},
		{sheet: SheetActivities, path: "activities", about: "本期开展的每一项活动，一行一项。", fields: resolve(
			field{path: "activities.date", width: 14, example: "2024-03-30", prompt: "活动日期，如 2024-03-30、2024.3.30 或 3月30日。"},
			field{path: "activities.end_date", width: 14, example: "", prompt: "活动持续多天时填写，否则不填。"},
			field{path: "activities.title", width: 24, example: "工会组长培训", prompt: "简短的活动名称。"},
			field{path: "activities.category", width: 14, example: "学习培训", prompt: "从下拉列表选择。"},
			field{path: "activities.location", width: 18, example: "南湖鸳鸯度假村", prompt: "可不填。"},
			field{path: "activities.participants", width: 10, example: "20", prompt: "参加活动的人数，只填数字。慰问、发放等活动的受益人另填在受益数量里。"},
			field{path: "activities.cost", width: 12, example: "0", blankZero: true, prompt: "活动花费，单位元，可不填。"},
			field{path: "activities.content", width: 40, example: "就如何协助社区开展好社区工会工作进行了讲解和讨论", prompt: "做了什么，一两句话。"},
			field{path: "activities.result", width: 28, example: "收到了很好的效果", prompt: "效果如何，一句话，可不填。"},
			field{path: "activities.organizer", width: 18, example: "", prompt: "活动由下属单位（如某社区工会）承办时填写，本单位自己办的不填。"},
			field{path: "activities.beneficiary", width: 14, example: "", prompt: "活动惠及的对象，如 困难职工、一线职工，可不填。"},
			field{path: "activities.beneficiaries", width: 10, example: "", blankZero: true, prompt: "受益对象的户数或人数，只填数字，可不填。如走访慰问23户困难职工填23。"},
			field{path: "activities.beneficiary_unit", width: 10, example: "", prompt: "受益数量的单位，从下拉列表选择；不填为人。"},
			field{path: "activities.typical", width: 10, example: "", prompt: "活动较多、报告按类别概括时，要详细写出的典型事例选“是”，可不填。"},
		)},
		{sheet: SheetProblems, path: "problems", about: "存在的问题，一行一条。", fields: resolve(
			field{path: "problems", width: 90, example: "会员对如何参与社区建设、发挥作用参与不够", prompt: "一行写一条问题，写成完整的句子。"},
		)},
		{sheet: SheetPlans, path: "plans", about: "下一步的工作安排，一行一项。", fields: resolve(
			field{path: "plans.category", width: 14, example: "组织建设", prompt: "从下拉列表选择。"},
			field{path: "plans.item", width: 30, example: "继续做好建会工作", prompt: "要做的事。"},
			field{path: "plans.target", width: 24, example: "新建企业工会3家", prompt: "可量化的目标，可不填。"},
			field{path: "plans.deadline", width: 14, example: "2024年12月", prompt: "如 2024年12月、2024年12月底、12月底 或 2024-12-31，可不填。"},
		)},
	}
}

// isWhole, isNumber and isDate group the kinds by how a cell is typed.
func isWhole(k model.Kind) bool {
	return k == model.KindWhole || k == model.KindVersion || k == model.KindYear
}
func isNumber(k model.Kind) bool { return isWhole(k) || k == model.KindDecimal || k == model.KindMoney }
func isDate(k model.Kind) bool   { return k == model.KindDate || k == model.KindMonth }

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
