package xlsx

import (
	"fmt"
	"strconv"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
)

// plansSheet names the sheet of the plans as the report names them: a
// plan's 工作任务, the 下半年计划 of a first half-year's summary, else the
// 下步打算 a summary or briefing ends with; and its printed title.
func (b *builder) plansSheet() (name, title string) {
	switch {
	case b.opts.Kind == model.KindPlan:
		return SheetTasks, b.titleOf("主要工作任务")
	case b.r.Period.IsSpan(model.H1):
		return SheetSecondHalf, b.r.Org.Name + strconv.Itoa(b.r.Period.Year) + "年下半年工作计划"
	}
	if last := b.r.Period.Last(); last.Month == 12 {
		return SheetNextSteps, fmt.Sprintf("%s%d年工作打算", b.r.Org.Name, last.Year+1)
	}
	return SheetNextSteps, b.r.Org.Name + "下步工作打算"
}

// plans writes the plans: one row a task — 类别, 工作事项, 目标, 完成时限 —
// grouped by category in the order the report's sections take
// (model.Report.PlanGroups), as the report lists them. A deadline to the month is shown as the month
// (2024年12月), never as its first day.
func (b *builder) plans() error {
	if len(b.r.Plans) == 0 {
		return nil
	}
	st := b.st
	name, title := b.plansSheet()
	s := &sheet{
		name: name, title: title,
		cols:       []column{{min: 6}, {min: 10}, {min: 20, max: 40, wrap: true}, {min: 16, max: 30, wrap: true}, {min: 14}},
		freezeRows: 2, repeatRows: 2,
	}
	s.headerRow(st, "序号", "类别", "工作事项", "目标", "完成时限")
	var plans []model.Plan
	for _, g := range b.r.PlanGroups() {
		plans = append(plans, g.Plans...)
	}
	center, wrap := st.ID(book.RoleCenter, ""), st.ID(book.RoleWrap, "")
	for i, p := range plans {
		s.add(row{cells: []cell{
			number(center, float64(i+1), strconv.Itoa(i+1)),
			text(center, p.Category),
			text(wrap, p.Item),
			text(wrap, p.Target),
			b.date(p.Deadline),
		}})
	}
	s.filter = "A2:E" + strconv.Itoa(s.next()-1)
	return b.write(s)
}
