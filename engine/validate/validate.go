// Package validate checks a loaded report against the rules of input format
// version 1 — required fields, ranges, closed vocabularies, dates within the
// period, figures that must agree — and reports every problem at once, each
// pointing at the place the cadre typed it.
package validate

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
)

// Report checks r against the rules that hold whatever report is made of
// it. src locates fields in the input; it may be nil, in which case problems
// carry no position. The list is sorted by position. Rules that depend on the
// kind of report (a plan needs no membership figures) are ForKind's.
func Report(r *model.Report, src *diag.SourceMap) diag.List {
	return Combined(r, src, 1)
}

// Combined is Report for a report combined from units reports, each
// checked on its own (a street's roll-up of its communities): its lists
// may hold units times what one report's may — a street of a thousand
// communities did ten thousand activities — while every other rule holds.
func Combined(r *model.Report, src *diag.SourceMap, units int) diag.List {
	c := &checker{src: src, r: r, units: max(units, 1)}
	c.version()
	c.org()
	periodOK := c.period()
	c.reportInfo(periodOK)
	if c.has("membership", r.Membership != (model.Membership{})) {
		c.membership()
	}
	c.indicators()
	c.activities(periodOK)
	c.problems()
	c.plans(periodOK)
	c.texts()
	c.errs.Sort()
	return c.errs
}

type checker struct {
	src   *diag.SourceMap
	r     *model.Report
	errs  diag.List
	units int // how many reports r combines: its lists' limits are as many times a report's
}

// add records a problem, unless the loader already reported the value at
// path as unreadable.
func (c *checker) add(path, msg, hint string) {
	if c.src.Invalid(path) {
		return
	}
	c.errs.Add(c.src.Pos(path), path, msg, hint)
}

// compare records a problem between several fields, unless one of them
// could not be read (then the comparison would be with a value of 0).
func (c *checker) compare(path, msg, hint string, related ...string) {
	for _, r := range related {
		if c.src.Invalid(r) {
			return
		}
	}
	c.add(path, msg, hint)
}

func (c *checker) warn(path, msg, hint string) {
	c.errs.Warn(c.src.Pos(path), path, msg, hint)
}

// has reports whether the input wrote path. Without a source map (a report
// built in code) every non-zero field counts as written.
func (c *checker) has(path string, nonZero bool) bool {
	if c.src == nil {
		return nonZero
	}
	return c.src.Has(path)
}

// require reports a missing value. example is written as YAML
// ("name: 柳背桥社区工会"); for a workbook only the value is shown.
func (c *checker) require(path string, present bool, what, example string) bool {
	if present {
		return true
	}
	if c.inForm(path) {
		if _, v, ok := strings.Cut(example, ": "); ok {
			example = v
		}
		if code, _, ok := strings.Cut(example, "（"); ok && model.Span(code).Valid() {
			example = model.Span(code).Name() // the 填报表 lists spans by name
		}
		c.add(path, "缺少"+what, "请在这一格填写，例如 "+example)
		return false
	}
	c.add(path, "缺少"+what, "请填写，例如 "+example)
	return false
}

// inForm reports whether a field is a cell of the 填报表 rather than a key
// of a file: hints then say what to type into the cell (上半年), not what
// to write in YAML (span: H1).
func (c *checker) inForm(path string) bool { return c.src.Pos(path).Sheet != "" }

// workbook reports whether the input is a workbook: a YAML key is no
// advice for it.
func (c *checker) workbook() bool {
	return c.src != nil && strings.EqualFold(filepath.Ext(c.src.File), ".xlsx")
}

func (c *checker) version() {
	switch {
	case !c.has("version", c.r.Version != 0) && c.inForm("version"):
		c.add("version", "缺少格式版本号", "请在这一格填写 1")
	case !c.has("version", c.r.Version != 0) && c.workbook():
		c.add("version", "缺少格式版本号：这个工作簿不像 huibao 的填报表", "请用 huibao init 生成填报表（它的“基本信息”表里有“格式版本”一行，填 1），再把数据填进去")
	case !c.has("version", c.r.Version != 0):
		c.add("version", "缺少格式版本号", "请在文件第一行写 version: 1")
	case c.r.Version != model.Version && c.workbook():
		c.add("version", fmt.Sprintf("不认识的格式版本 %d", c.r.Version), "本程序读取的格式版本是 1，请在这一格填写 1")
	case c.r.Version != model.Version:
		c.add("version", fmt.Sprintf("不认识的格式版本 %d", c.r.Version), "本程序读取的格式版本是 1，请写 version: 1")
	}
}

func (c *checker) org() {
	o := c.r.Org
	if !c.has("org", !reflect.ValueOf(o).IsZero()) {
		c.add("org", "缺少单位信息（org）", "请填写 org.name（单位名称）和 org.type（单位类型）")
		return
	}
	c.require("org.name", o.Name != "", "单位名称", "name: 柳背桥社区工会")
	if c.require("org.type", o.Type != "", "单位类型", "type: 社区工会") && !slices.Contains(model.OrgTypes(), o.Type) {
		hint := "常见类型：" + strings.Join(model.OrgTypes(), "、")
		if s := diag.Suggest(o.Type, model.OrgTypes()); s != "" {
			hint = fmt.Sprintf("是不是“%s”？", s) + hint
		}
		c.warn("org.type", fmt.Sprintf("单位类型“%s”不在常见类型中，报告里会照原样使用", o.Type), hint)
	}
	if o.Leader != (model.Person{}) {
		c.require("org.leader.title", o.Leader.Title != "", "负责人职务", "title: 工会主席")
		c.require("org.leader.name", o.Leader.Name != "", "负责人姓名", "name: 王某")
	}
	seen := map[string]int{}
	for i, m := range o.Overview {
		p := fmt.Sprintf("org.overview[%d]", i+1)
		c.require(p+".name", m.Name != "", "概况项目名称", "name: 辖区面积")
		c.require(p+".value", c.has(p+".value", !m.Value.IsZero()), "概况数值", "value: 0.32")
		c.unit(p+".unit", m.Unit, m.Value)
		c.nonNegative(p+".value", m.Value)
		if j, dup := seen[m.Name]; dup && m.Name != "" {
			c.add(p+".name", fmt.Sprintf("概况项目“%s”重复（第%d项已有）", m.Name, j), "同一项目只写一次")
		}
		seen[m.Name] = i + 1
	}
}

// period checks the period and reports whether it is usable for date checks.
func (c *checker) period() bool {
	p := c.r.Period
	if !c.has("period", p != model.Period{}) {
		c.add("period", "缺少报告期间（period）", "例如 period: {year: 2024, span: H1}")
		return false
	}
	hasDates := !p.Start.IsZero() || !p.End.IsZero()
	switch {
	case hasDates && p.Span != "":
		c.add("period.span", "期间既写了 span 又写了 start/end", "二者选一：要么写 year 和 span，要么写 start 和 end")
		return false
	case hasDates:
		ok := c.require("period.start", !p.Start.IsZero(), "期间开始日期", "start: 2024-01-01")
		ok = c.require("period.end", !p.End.IsZero(), "期间结束日期", "end: 2024-06-30") && ok
		if ok && p.End.Before(p.Start) {
			c.add("period.end", fmt.Sprintf("结束日期 %s 早于开始日期 %s", p.End, p.Start), "请核对期间的起止日期")
			return false
		}
		if ok && p.Year != 0 && p.Start.Year != p.Year {
			c.add("period.year", fmt.Sprintf("年度 %d 与开始日期 %s 不一致", p.Year, p.Start), "写了 start/end 时可以不写 year")
			return false
		}
		return ok
	}
	ok := true
	if !c.require("period.year", p.Year != 0, "年度", "year: 2024") {
		ok = false
	} else if p.Year < model.MinYear || p.Year > model.MaxYear {
		c.add("period.year", fmt.Sprintf("年度 %d 不合理", p.Year), "年度写成四位数字，如 2024")
		ok = false
	}
	if !c.require("period.span", p.Span != "", "期间", "span: H1（上半年）") {
		return false
	}
	if !p.Span.Valid() {
		hint := spanHint(string(p.Span))
		if c.inForm("period.span") {
			var names []string
			for _, s := range model.Spans() {
				names = append(names, s.Name())
			}
			hint = "请从下拉列表选择：" + strings.Join(names, "、")
		}
		c.add("period.span", fmt.Sprintf("期间“%s”无效", p.Span), hint)
		return false
	}
	return ok
}

// spanHint maps the Chinese a cadre may have typed to the span code, the
// first in display order that fits.
func spanHint(s string) string {
	for _, span := range model.Spans() {
		if name := span.Name(); strings.Contains(name, s) || strings.Contains(s, strings.TrimSuffix(name, "年")) {
			return fmt.Sprintf("“%s”请写成 %s", s, span)
		}
	}
	return "可选：H1（上半年）、H2（下半年）、year（全年）、Q1～Q4（第一至第四季度）"
}

func (c *checker) reportInfo(periodOK bool) {
	d := c.r.Report.Date
	if d.IsZero() || !periodOK {
		return
	}
	if !d.HasDay() {
		c.add("report.date", fmt.Sprintf("成文日期 %s 只写到了月份", d), "成文日期要写到日，如 2024-07-05")
		return
	}
	if last := c.r.Period.Last(); d.After(last.AddDays(366)) {
		c.warn("report.date", fmt.Sprintf("成文日期 %s 离期间结束 %s 已超过一年", d, last), "请核对年份")
	}
}

// ForKind checks the rules that depend on the kind of report a template
// makes (总结, 计划, 汇报材料): a summary or briefing reports membership and
// is dated after its period begins; a plan may be issued before its period
// and need not quote membership figures.
func ForKind(r *model.Report, src *diag.SourceMap, kind model.ReportKind) diag.List {
	c := &checker{src: src, r: r}
	if kind != model.KindPlan {
		if !c.has("membership", r.Membership != (model.Membership{})) {
			c.add("membership", "缺少会员情况（membership）", "总结和汇报材料要写会员情况：members（在册会员）、dues_paying（缴费会员）、dues_collected（会费收缴，元）")
		}
		if d, first := r.Report.Date, r.Period.First(); !d.IsZero() && d.HasDay() && d.Before(first) {
			c.add("report.date", fmt.Sprintf("成文日期 %s 早于期间开始 %s", d, first), "总结的成文日期通常在期间结束之后几天，如 2024-07-05")
		} else {
			c.before(kind)
		}
	}
	c.deadlines()
	c.targets()
	c.errs.Sort()
	return c.errs
}

func (c *checker) membership() {
	m := c.r.Membership
	c.require("membership.members", c.has("membership.members", m.Members != 0), "在册会员人数", "members: 152")
	c.require("membership.dues_paying", c.has("membership.dues_paying", m.DuesPaying != 0), "缴费会员人数", "dues_paying: 139")
	c.require("membership.dues_collected", c.has("membership.dues_collected", !m.DuesCollected.IsZero()), "会费收缴金额（元）", "dues_collected: 4509.50")
	c.counts("membership", map[string]int{"members": m.Members, "dues_paying": m.DuesPaying, "new_members": m.NewMembers})
	c.money("membership.dues_collected", m.DuesCollected)
	if m.Members < 0 || m.DuesPaying < 0 || m.NewMembers < 0 {
		return // comparisons of negative counts would only repeat the problem
	}
	if !c.has("membership.members", m.Members != 0) || c.src != nil && c.src.Invalid("membership.members") {
		return // nothing to compare with: the missing or unreadable value is reported already
	}
	if m.DuesPaying > m.Members {
		c.compare("membership.dues_paying", fmt.Sprintf("缴费会员 %d 人多于在册会员 %d 人", m.DuesPaying, m.Members), "缴费会员是在册会员的一部分，不能多于在册会员，请核对这两个数", "membership.members")
	}
	if m.NewMembers > m.Members {
		c.compare("membership.new_members", fmt.Sprintf("新发展会员 %d 人多于在册会员 %d 人", m.NewMembers, m.Members), "新会员已计入在册会员，不能多于在册会员", "membership.members")
	}
	if p := m.Previous; p != nil {
		c.require("membership.previous.members", c.has("membership.previous.members", p.Members != 0), "上年同期在册会员人数", "members: 140")
		c.counts("membership.previous", map[string]int{"members": p.Members, "dues_paying": p.DuesPaying})
		c.money("membership.previous.dues_collected", p.DuesCollected)
		if p.DuesPaying > p.Members && !c.src.Invalid("membership.previous.members") {
			c.add("membership.previous.dues_paying", fmt.Sprintf("上年同期缴费会员 %d 人多于在册会员 %d 人", p.DuesPaying, p.Members), "请核对上年同期的两个数")
		}
	}
}

func (c *checker) counts(prefix string, fields map[string]int) {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if v := fields[k]; v < 0 {
			c.add(prefix+"."+k, fmt.Sprintf("人数不能是负数（%d）", v), "请填写 0 或正整数")
		}
	}
}

func (c *checker) money(path string, v decimal.Decimal) {
	if v.IsNegative() {
		c.add(path, fmt.Sprintf("金额不能是负数（%s）", typed(v)), "请填写 0 或正数，单位为元")
	}
	if v.Exponent() < -2 && !v.Equal(v.Round(2)) {
		c.add(path, fmt.Sprintf("金额 %s 超过了两位小数", typed(v)), "金额以元为单位，最多写到分（两位小数）")
	}
}

func (c *checker) nonNegative(path string, v decimal.Decimal) {
	if v.IsNegative() {
		c.add(path, fmt.Sprintf("数值不能是负数（%s）", typed(v)), "请填写 0 或正数")
	}
}

// typed writes a number with the decimals the cadre typed: -1421.20, not -1421.2.
func typed(v decimal.Decimal) string {
	return v.StringFixed(max(0, -v.Exponent()))
}

// unit checks a unit against the closed list, and that counts are whole.
func (c *checker) unit(path, unit string, value decimal.Decimal) {
	if !c.require(path, unit != "", "单位", "unit: 人次") {
		return
	}
	u, ok := model.LookupUnit(unit)
	if !ok {
		hint := "可用单位：" + strings.Join(model.UnitNames(), "、")
		if s := diag.Suggest(unit, model.UnitNames()); s != "" {
			hint = fmt.Sprintf("是不是“%s”？", s) + hint
		}
		c.add(path, fmt.Sprintf("不认识的单位“%s”", unit), hint)
		return
	}
	if u.Whole() && !value.IsInteger() {
		c.add(strings.TrimSuffix(path, ".unit")+".value", fmt.Sprintf("以“%s”计的数应为整数，实际是 %s", unit, typed(value)), "请核对数值或单位")
	}
}

func (c *checker) category(path, cat string, required bool) {
	if cat == "" {
		if required {
			c.add(path, "缺少类别", "可选类别："+strings.Join(model.Categories(), "、"))
		}
		return
	}
	if model.CategoryIndex(cat) >= 0 {
		return
	}
	hint := "可选类别：" + strings.Join(model.Categories(), "、")
	if s := diag.Suggest(cat, model.Categories()); s != "" {
		hint = fmt.Sprintf("是不是“%s”？", s) + hint
	}
	c.add(path, fmt.Sprintf("不认识的类别“%s”", cat), hint)
}

func (c *checker) indicators() {
	seen := map[string]int{}
	for i, ind := range c.r.Indicators {
		p := fmt.Sprintf("indicators[%d]", i+1)
		if c.require(p+".name", ind.Name != "", "指标名称", "name: 推荐就业") {
			if j, dup := seen[ind.Name]; dup {
				c.add(p+".name", fmt.Sprintf("指标“%s”重复（第%d项已有）", ind.Name, j), "同一指标只写一次；上年同期的数写在 previous 里")
			}
			seen[ind.Name] = i + 1
		}
		c.require(p+".value", c.has(p+".value", !ind.Value.IsZero()), "指标数值", "value: 5")
		c.nonNegative(p+".value", ind.Value)
		c.unit(p+".unit", ind.Unit, ind.Value)
		if ind.Previous != nil {
			c.nonNegative(p+".previous", *ind.Previous)
			if u, ok := model.LookupUnit(ind.Unit); ok && u.Whole() && !ind.Previous.IsInteger() {
				c.add(p+".previous", fmt.Sprintf("以“%s”计的数应为整数，实际是 %s", ind.Unit, typed(*ind.Previous)), "请核对上年同期的数")
			}
		}
		c.category(p+".category", ind.Category, false)
	}
}

func (c *checker) activities(periodOK bool) {
	per := c.r.Period
	for i, a := range c.r.Activities {
		p := fmt.Sprintf("activities[%d]", i+1)
		c.require(p+".title", a.Title != "", "活动名称", "title: 工会组长培训")
		c.category(p+".category", a.Category, true)
		if a.Participants < 0 {
			c.add(p+".participants", fmt.Sprintf("参加人数不能是负数（%d）", a.Participants), "请填写 0 或正整数")
		}
		c.money(p+".cost", a.Cost)
		c.beneficiaries(p, a)
		if !c.require(p+".date", !a.Date.IsZero(), "活动日期", "date: 2024-03-30") {
			continue
		}
		if !a.Date.HasDay() {
			c.add(p+".date", fmt.Sprintf("活动日期 %s 只写到了月份", a.Date), "活动日期要写到日，如 2024-03-30；跨多日的活动另写 end_date")
			continue
		}
		if !a.EndDate.IsZero() {
			switch {
			case !a.EndDate.HasDay():
				c.add(p+".end_date", fmt.Sprintf("结束日期 %s 只写到了月份", a.EndDate), "请写到日，如 2024-04-02")
				continue
			case a.EndDate.Before(a.Date):
				hint := "请核对活动的起止日期"
				if a.EndDate.Year == a.Date.Year && a.EndDate.Month < a.Date.Month {
					hint = fmt.Sprintf("如果活动跨年，开始日期应为 %d-%02d-%02d", a.Date.Year-1, a.Date.Month, a.Date.Day)
				}
				c.add(p+".end_date", fmt.Sprintf("结束日期 %s 早于开始日期 %s", a.EndDate, a.Date), hint)
				continue
			}
		}
		if !periodOK {
			continue
		}
		end := a.Date
		if !a.EndDate.IsZero() {
			end = a.EndDate
		}
		// An activity belongs to the period if it takes place, at least in
		// part, within it: 去年12月22日至1月21日 counts for H1.
		if end.Before(per.First()) || a.Date.After(per.Last()) {
			c.add(p+".date", fmt.Sprintf("活动日期 %s 不在报告期间（%s 至 %s）内", spanText(a), per.First(), per.Last()),
				"请核对年份和月份；不属于本期的活动请删去")
		}
	}
}

// beneficiaries checks whom an activity served: a count of people or
// households, in a counting unit.
func (c *checker) beneficiaries(p string, a model.Activity) {
	if a.Beneficiaries < 0 {
		c.add(p+".beneficiaries", fmt.Sprintf("受益数量不能是负数（%d）", a.Beneficiaries), "请填写 0 或正整数")
	}
	if a.BeneficiaryUnit == "" {
		return
	}
	u, ok := model.LookupUnit(a.BeneficiaryUnit)
	if !ok || !u.Whole() {
		hint := "受益数量按人、户、名、人次、家等计数单位计"
		if s := diag.Suggest(a.BeneficiaryUnit, countUnits()); s != "" {
			hint = fmt.Sprintf("是不是“%s”？", s) + hint
		}
		c.add(p+".beneficiary_unit", fmt.Sprintf("受益数量的单位“%s”不是计数单位", a.BeneficiaryUnit), hint)
		return
	}
	if a.Beneficiaries == 0 && !c.src.Invalid(p+".beneficiaries") {
		c.warn(p+".beneficiary_unit", "写了受益数量的单位，但没有受益数量", "请填写 beneficiaries（受益数量），或删去 beneficiary_unit")
	}
}

// countUnits lists the units a count of people or things may carry.
func countUnits() []string {
	var out []string
	for _, u := range model.Units() {
		if u.Whole() {
			out = append(out, u.Name)
		}
	}
	return out
}

func spanText(a model.Activity) string {
	if a.EndDate.IsZero() || a.EndDate == a.Date {
		return a.Date.String()
	}
	return a.Date.String() + " 至 " + a.EndDate.String()
}

func (c *checker) problems() {
	for i, s := range c.r.Problems {
		if strings.TrimSpace(s) == "" {
			c.add(fmt.Sprintf("problems[%d]", i+1), "这一条问题是空的", "请写出问题，或删去这一行")
		}
	}
}

func (c *checker) plans(periodOK bool) {
	for i, pl := range c.r.Plans {
		p := fmt.Sprintf("plans[%d]", i+1)
		c.require(p+".item", pl.Item != "", "计划事项", "item: 继续做好建会工作")
		c.category(p+".category", pl.Category, true)
		if !pl.Deadline.IsZero() && periodOK && pl.Deadline.Before(model.Date{Year: c.r.Period.First().Year, Month: c.r.Period.First().Month}) {
			c.add(p+".deadline", fmt.Sprintf("完成时限 %s 早于报告期间开始 %s", pl.Deadline, c.r.Period.First()),
				fmt.Sprintf("计划的时限应在本期或以后，如 %d-12", c.r.Period.Last().Year+boolInt(c.r.Period.IsSpan(model.H2) || c.r.Period.IsSpan(model.Year))))
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
