package model

import (
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Field is one field of input format version 1: a key of the YAML input, a
// column or row of the 填报表, a property of the JSON Schema and a line of
// the template author's reference. Fields lists them all; everything that
// names, reads or writes an input field goes through this table, so that a
// field renamed or moved in the types below cannot silently swap the
// columns of one of them.
type Field struct {
	Path     string       // activities.date: the YAML keys, list indices left out
	Expr     string       // .Activities[].Date: how a template reads it
	Label    string       // 日期: the Chinese name in messages, the 填报表 and the reference
	Doc      string       // 活动日期，如 2024-03-30: one line for editors (the JSON Schema)
	Kind     Kind         // what it holds
	Required bool         // must be written whenever the group or list item holding it is
	Choice   int          // fields of which one choice must be written in full: period's year and span (1) or start and end (2)
	Vocab    Vocab        // the list its values come from, if any
	Example  string       // a typical value as a cadre types it: 152
	Nilable  bool         // a pointer, nil when not written: templates test it with `with`
	Type     reflect.Type // its Go type in the model

	holder reflect.Type // *Report, or a pointer to the list item holding the field
	index  []int        // the field's index from holder
	list   reflect.Type // for a list: the type of its items
}

// Kind is what a field holds.
type Kind int

const (
	KindGroup    Kind = iota + 1 // a group of fields: org, membership.previous
	KindList                     // a list of groups: activities
	KindTextList                 // a list of sentences: problems
	KindText                     // text, kept as typed less outer spaces
	KindVersion                  // the input format version, always Version
	KindWhole                    // a whole number, ≥ 0: members, participants
	KindDecimal                  // an exact decimal: an indicator's value
	KindMoney                    // an amount in 元, ≥ 0, to the 分
	KindYear                     // a year, MinYear to MaxYear
	KindSpan                     // a span of the year: H1, year, Q3
	KindDate                     // a date to the day: 2024-03-30
	KindMonth                    // a date to the day or to the month: 2024-12
	KindBool                     // yes or no: true/false in YAML, 是/否 in the 填报表
)

// Leaf reports whether the kind is a value rather than a group or list.
func (k Kind) Leaf() bool { return k >= KindText }

// Number reports whether the kind is a number a cadre types as digits.
func (k Kind) Number() bool {
	return k == KindVersion || k == KindWhole || k == KindDecimal || k == KindMoney || k == KindYear
}

// The years a period may name.
const (
	MinYear = 2000
	MaxYear = 2100
)

// Vocab names the list of values a field takes.
type Vocab int

const (
	NoVocab         Vocab = iota
	VocabOrgTypes         // OrgTypes, suggested: another type is warned about, not refused
	VocabUnits            // UnitNames, closed
	VocabCategories       // Categories, closed
	VocabSpans            // Spans, closed
)

// Values lists the vocabulary in its canonical order.
func (v Vocab) Values() []string {
	switch v {
	case VocabOrgTypes:
		return OrgTypes()
	case VocabUnits:
		return UnitNames()
	case VocabCategories:
		return Categories()
	case VocabSpans:
		var out []string
		for _, s := range Spans() {
			out = append(out, string(s))
		}
		return out
	}
	return nil
}

// Closed reports whether a value outside the vocabulary is an error.
func (v Vocab) Closed() bool { return v != NoVocab && v != VocabOrgTypes }

// spec is what reflection cannot know about a field.
type spec struct {
	label, doc string
	kind       Kind // 0: from the Go type
	required   bool
	choice     int
	vocab      Vocab
	example    string
}

// specs describes every field of the model by its path. TestFieldTable fails
// when a field of the types has no entry here or an entry names no field.
var specs = map[string]spec{
	"version":                            {label: "格式版本", doc: "格式版本，固定写 1", kind: KindVersion, required: true, example: "1"},
	"org":                                {label: "单位信息", doc: "报告单位", required: true},
	"org.name":                           {label: "单位名称", doc: "单位名称，如 柳背桥社区工会", required: true, example: "柳背桥社区工会"},
	"org.type":                           {label: "单位类型", doc: "单位类型", required: true, vocab: VocabOrgTypes, example: "社区工会"},
	"org.parent":                         {label: "上级工会", doc: "上级工会，如 石新路街道总工会", example: "石新路街道总工会"},
	"org.party":                          {label: "同级党组织", doc: "同级党组织，如 柳背桥社区党委", example: "柳背桥社区党委"},
	"org.leader":                         {label: "负责人", doc: "负责人"},
	"org.leader.title":                   {label: "负责人职务", doc: "职务，如 工会主席", required: true, example: "工会主席"},
	"org.leader.name":                    {label: "负责人姓名", doc: "姓名", required: true, example: "李淑芬"},
	"org.overview":                       {label: "单位概况", doc: "单位概况（汇报材料开头用）"},
	"org.overview.name":                  {label: "项目", doc: "项目，如 辖区面积", required: true, example: "辖区面积"},
	"org.overview.value":                 {label: "数值", doc: "数值", required: true, example: "0.32"},
	"org.overview.unit":                  {label: "单位", doc: "单位", required: true, vocab: VocabUnits, example: "平方公里"},
	"period":                             {label: "报告期间", doc: "报告期间：写 year 和 span，或写 start 和 end", required: true},
	"period.year":                        {label: "年度", doc: "年度", kind: KindYear, choice: 1, example: "2024"},
	"period.span":                        {label: "期间", doc: "H1 上半年、H2 下半年、year 全年、Q1～Q4 季度", choice: 1, vocab: VocabSpans, example: "H1"},
	"period.start":                       {label: "开始日期", doc: "日期，写成 2024-03-30", choice: 2, example: "2024-03-01"},
	"period.end":                         {label: "结束日期", doc: "日期，写成 2024-03-30", choice: 2, example: "2024-05-31"},
	"report":                             {label: "报告信息", doc: "报告本身的信息"},
	"report.template":                    {label: "报告模板", doc: "报告模板 id 或中文名，如 half-year-summary 或 半年总结", example: "half-year-summary"},
	"report.date":                        {label: "成文日期", doc: "成文日期；不写时取期间最后一天", example: "2024-07-05"},
	"report.title":                       {label: "报告标题", doc: "标题；不写时由单位名、期间和报告名组成"},
	"membership":                         {label: "会员情况", doc: "会员情况", required: true},
	"membership.members":                 {label: "在册会员", doc: "在册会员（人）", required: true, example: "152"},
	"membership.dues_paying":             {label: "缴费会员", doc: "缴费会员（人），不多于在册会员", required: true, example: "139"},
	"membership.dues_collected":          {label: "会费收缴", doc: "会费收缴（元）", kind: KindMoney, required: true, example: "4509.50"},
	"membership.new_members":             {label: "新发展会员", doc: "新发展会员（人）", example: "12"},
	"membership.previous":                {label: "上年同期", doc: "上年同期数，用于同比"},
	"membership.previous.members":        {label: "上年同期在册会员", doc: "上年同期在册会员（人）", required: true, example: "140"},
	"membership.previous.dues_paying":    {label: "上年同期缴费会员", doc: "上年同期缴费会员（人）", example: "130"},
	"membership.previous.dues_collected": {label: "上年同期会费收缴", doc: "上年同期会费收缴（元）", kind: KindMoney, example: "4100"},
	"indicators":                         {label: "工作指标", doc: "工作指标：报告中引用的数字"},
	"indicators.name":                    {label: "指标名称", doc: "指标名称，如 推荐就业", required: true, example: "推荐就业"},
	"indicators.value":                   {label: "本期数值", doc: "本期数值", required: true, example: "5"},
	"indicators.unit":                    {label: "单位", doc: "单位", required: true, vocab: VocabUnits, example: "人次"},
	"indicators.previous":                {label: "上年同期", doc: "上年同期数值；没有就不写", example: "3"},
	"indicators.category":                {label: "类别", doc: "类别（决定报告中的分节和顺序）", vocab: VocabCategories, example: "就业服务"},
	"activities":                         {label: "活动", doc: "本期开展的活动"},
	"activities.date":                    {label: "日期", doc: "活动日期，如 2024-03-30", required: true, example: "2024-03-30"},
	"activities.end_date":                {label: "结束日期", doc: "跨多日活动的结束日期", example: "2024-04-02"},
	"activities.title":                   {label: "活动名称", doc: "活动名称", required: true, example: "工会组长培训"},
	"activities.category":                {label: "类别", doc: "类别（决定报告中的分节和顺序）", required: true, vocab: VocabCategories, example: "学习培训"},
	"activities.location":                {label: "地点", doc: "地点", example: "南湖鸳鸯度假村"},
	"activities.participants":            {label: "参加人数", doc: "参加人数", example: "20"},
	"activities.content":                 {label: "活动内容", doc: "活动内容（一句话，不加句号）", example: "就如何协助社区开展好社区工会工作进行了讲解和讨论"},
	"activities.result":                  {label: "取得成效", doc: "取得的效果（一句话，不加句号）", example: "收到了很好的效果"},
	"activities.cost":                    {label: "经费", doc: "经费（元）", kind: KindMoney, example: "1600"},
	"activities.organizer":               {label: "承办单位", doc: "承办单位：活动由下属单位承办时填写，如 油房街社区工会（可选）", example: "油房街社区工会"},
	"activities.beneficiary":             {label: "受益对象", doc: "活动惠及的对象，如 困难职工、一线职工（可选）", example: "困难职工"},
	"activities.beneficiaries":           {label: "受益数量", doc: "受益对象的户数或人数，与参加人数分开填，如慰问23户困难职工填23（可选）", example: "23"},
	"activities.beneficiary_unit":        {label: "受益数量单位", doc: "受益数量的单位：人、户、名、人次等，不填为人", vocab: VocabUnits, example: "户"},
	"activities.typical":                 {label: "典型事例", doc: "报告按类别概括活动时，是否把这项活动作为典型事例详细写出（是/否，可选）", example: "是"},
	"problems":                           {label: "存在的问题", doc: "存在的问题，每条一句", example: "会员对如何参与社区建设、发挥会员作用参与不够"},
	"plans":                              {label: "工作计划", doc: "下一步工作计划"},
	"plans.category":                     {label: "类别", doc: "类别（决定报告中的分节和顺序）", required: true, vocab: VocabCategories, example: "组织建设"},
	"plans.item":                         {label: "工作事项", doc: "计划事项", required: true, example: "继续做好建会工作"},
	"plans.target":                       {label: "目标", doc: "目标，如 新建企业工会3家", example: "新建企业工会3家"},
	"plans.deadline":                     {label: "完成时限", doc: "完成时限，如 2024-12", kind: KindMonth, example: "2024-12"},
}

var (
	typeReport  = reflect.TypeFor[Report]()
	typeDate    = reflect.TypeFor[Date]()
	typeDecimal = reflect.TypeFor[decimal.Decimal]()
	typeSpan    = reflect.TypeFor[Span]()
)

// table is the field table, built once by one walk of the types.
var table = sync.OnceValues(walk)

// Fields lists every field of the input in document order (depth first, in
// the order of the types' fields). The slice is the caller's own.
func Fields() []Field {
	fields, _ := table()
	return slices.Clone(fields)
}

// LookupField finds a field by its path; list indices are ignored
// (activities[3].date is activities.date).
func LookupField(path string) (Field, bool) {
	fields, _ := table()
	path = indices.ReplaceAllString(path, "")
	i := slices.IndexFunc(fields, func(f Field) bool { return f.Path == path })
	if i < 0 {
		return Field{}, false
	}
	return fields[i], true
}

var indices = regexp.MustCompile(`\[[0-9]+\]`)

// Label returns the Chinese name of a field path (indices are ignored), or "".
func Label(path string) string {
	f, _ := LookupField(path)
	return f.Label
}

// walk builds the table from the types and specs, and lists what does not
// match: a field with no spec, a spec with no field.
func walk() ([]Field, []string) {
	var out []Field
	var problems []string
	used := map[string]bool{}
	var visit func(t reflect.Type, path, expr string, holder reflect.Type, index []int)
	visit = func(t reflect.Type, path, expr string, holder reflect.Type, index []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			if !sf.IsExported() || tag == "" || tag == "-" {
				continue
			}
			p := strings.TrimPrefix(path+"."+tag, ".")
			f := Field{Path: p, Expr: expr + "." + sf.Name, Type: sf.Type, holder: holder, index: append(slices.Clone(index), i)}
			sp, ok := specs[p]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s (%s.%s): field with no entry in specs", p, t.Name(), sf.Name))
			}
			used[p] = true
			f.Label, f.Doc, f.Required, f.Choice, f.Vocab, f.Example = sp.label, sp.doc, sp.required, sp.choice, sp.vocab, sp.example
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				f.Nilable = true
				ft = ft.Elem()
			}
			f.Kind = kindOf(ft)
			if sp.kind != 0 {
				if !compatible(f.Kind, sp.kind) {
					problems = append(problems, fmt.Sprintf("%s: kind %d does not fit Go type %s", p, sp.kind, sf.Type))
				}
				f.Kind = sp.kind
			}
			if f.Kind == 0 {
				problems = append(problems, fmt.Sprintf("%s: Go type %s has no kind", p, sf.Type))
			}
			switch f.Kind {
			case KindList, KindTextList:
				f.list = ft.Elem()
			}
			out = append(out, f)
			switch f.Kind {
			case KindGroup:
				visit(ft, p, f.Expr, holder, f.index)
			case KindList:
				visit(ft.Elem(), p, f.Expr+"[]", reflect.PointerTo(ft.Elem()), nil)
			}
		}
	}
	visit(typeReport, "", "", reflect.PointerTo(typeReport), nil)
	for _, p := range slices.Sorted(maps.Keys(specs)) {
		if !used[p] {
			problems = append(problems, p+": entry in specs names no field of the model")
		}
	}
	return out, problems
}

// kindOf is the kind a Go type holds by default.
func kindOf(t reflect.Type) Kind {
	switch {
	case t == typeDate:
		return KindDate
	case t == typeDecimal:
		return KindDecimal
	case t == typeSpan:
		return KindSpan
	case t.Kind() == reflect.String:
		return KindText
	case t.Kind() == reflect.Int:
		return KindWhole
	case t.Kind() == reflect.Bool:
		return KindBool
	case t.Kind() == reflect.Struct:
		return KindGroup
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return KindTextList
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return KindList
	}
	return 0
}

// compatible reports whether a spec's kind may refine the type's.
func compatible(typ, spec Kind) bool {
	switch spec {
	case KindVersion, KindYear:
		return typ == KindWhole
	case KindMoney:
		return typ == KindDecimal
	case KindMonth:
		return typ == KindDate
	}
	return typ == spec
}

// Get returns the field's value in holder, following pointers: holder is
// the *Report for a field outside lists, or a pointer to the list item
// holding it (a *Activity for activities.date). ok is false when a pointer
// on the way, or the field itself, is nil (membership.previous.members of a
// report without membership.previous).
func (f Field) Get(holder any) (v any, ok bool) {
	x := f.at(holder)
	for _, i := range f.index {
		if x.Kind() == reflect.Pointer {
			if x.IsNil() {
				return nil, false
			}
			x = x.Elem()
		}
		x = x.Field(i)
	}
	if x.Kind() == reflect.Pointer {
		if x.IsNil() {
			return nil, false
		}
		x = x.Elem()
	}
	return x.Interface(), true
}

// Set stores v in the field of holder (as for Get), allocating the pointers
// on the way: setting membership.previous.members makes membership.previous.
// v is converted to the field's type (a string to a Span); a value that
// does not convert panics, as a programming error.
func (f Field) Set(holder any, v any) {
	x := f.at(holder)
	for _, i := range f.index {
		if x.Kind() == reflect.Pointer {
			if x.IsNil() {
				x.Set(reflect.New(x.Type().Elem()))
			}
			x = x.Elem()
		}
		x = x.Field(i)
	}
	if x.Kind() == reflect.Pointer {
		if x.IsNil() {
			x.Set(reflect.New(x.Type().Elem()))
		}
		x = x.Elem()
	}
	x.Set(reflect.ValueOf(v).Convert(x.Type()))
}

// at checks that holder is what the field lives in.
func (f Field) at(holder any) reflect.Value {
	x := reflect.ValueOf(holder)
	if x.Type() != f.holder {
		panic(fmt.Sprintf("model: field %s is held by %s, not %T", f.Path, f.holder, holder))
	}
	return x
}

// Items returns the items of a list field of r in order, each as a pointer
// to a copy (a *Activity for each activity, a *string for each problem), to
// be read with Get.
func (f Field) Items(r *Report) []any {
	v, ok := f.Get(r)
	if !ok {
		return nil
	}
	s := reflect.ValueOf(v)
	out := make([]any, s.Len())
	for i := range out {
		item := reflect.New(f.list)
		item.Elem().Set(s.Index(i))
		out[i] = item.Interface()
	}
	return out
}

// NewItem returns a pointer to a new, empty item of a list field.
func (f Field) NewItem() any { return reflect.New(f.list).Interface() }

// Append adds an item made by NewItem to the list field of r.
func (f Field) Append(r *Report, item any) {
	x := f.at(r).Elem().FieldByIndex(f.index)
	x.Set(reflect.Append(x, reflect.ValueOf(item).Elem()))
}
