package validate

import (
	"fmt"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// Period logic: what a report dated before its period ends may say, which
// plans are already overdue, and which targets the unit has already met.

// lastMonth is how long before its period's end a summary may be written:
// a half-year's summary is often written in mid-June and worded 截至6月20日;
// one written in January for the whole year is not a summary of the year.
const lastMonth = 31

// before checks a summary or briefing dated before its period ends. A
// briefing is worded 截至 its date, whenever in the period it is given. A
// summary may be written in its period's last month, worded the same way;
// earlier it would present most of the period as done, and is refused.
// Activities dated after the report are refused for both: a report cannot
// tell what has not happened.
func (c *checker) before(kind model.ReportKind) {
	d, last := c.r.Report.Date, c.r.Period.Last()
	if d.IsZero() || !d.HasDay() || !d.Before(last) {
		return
	}
	if kind == model.KindSummary {
		if d.AddDays(lastMonth).Before(last) {
			c.add("report.date", fmt.Sprintf("成文日期 %s 离期间结束（%s）还早，这时写不出整个期间的总结", d, last),
				"请在期间结束前后再生成；要汇报到目前为止的工作，请用汇报材料（-t 汇报材料），或把期间写成起止日期，如 period: {start: "+
					c.r.Period.First().String()+", end: "+d.String()+"}")
		} else {
			c.warn("report.date", fmt.Sprintf("成文日期 %s 早于期间结束 %s，报告中的数字写作“截至%s”", d, last, zh.DateIn(d, d.Year)),
				"期间结束后数字有变化的，请更新后重新生成")
		}
	}
	for i, a := range c.r.Activities {
		if a.Date.HasDay() && d.Before(a.Date) {
			p := fmt.Sprintf("activities[%d].date", i+1)
			c.add(p, fmt.Sprintf("活动日期 %s 晚于成文日期 %s：报告不能写还没有开展的活动", a.Date, d),
				"请核对活动日期和成文日期（report.date）；还没有开展的活动写进计划（plans）")
		}
	}
}

// deadlines refuses a plan whose deadline has passed when the report is
// written: 10月底前 in a plan dated in January is no plan. Without a
// report date there is nothing to compare with.
func (c *checker) deadlines() {
	d := c.r.Report.Date
	if d.IsZero() || !d.HasDay() {
		return
	}
	for i, p := range c.r.Plans {
		end := p.Deadline
		if end.IsZero() {
			continue
		}
		if !end.HasDay() {
			end = end.MonthEnd()
		}
		if end.Before(d) {
			path := fmt.Sprintf("plans[%d].deadline", i+1)
			c.add(path, fmt.Sprintf("完成时限 %s 在成文日期 %s 之前，已经过去了", p.Deadline, d),
				fmt.Sprintf("计划的时限应在成文日期之后，如 %d-12；已经完成的事写进总结的活动里", d.Year))
		}
	}
}

// targets warns of a plan target the unit's own figures already meet:
// 覆盖率90%以上 when the unit reports 92.5%. Shares are compared whatever
// the periods; counts only when the data and the plan cover a year each
// (a plan for next year against this year's figures) and the target is
// for the whole year (no deadline, or December), since a half-year's count
// says little about a target for another span.
func (c *checker) targets() {
	yearly := c.r.Period.IsSpan(model.Year) || zh.BasisOf(c.r.Period) == zh.LastYear
	for i, p := range c.r.Plans {
		t, ok := zh.ParseTarget(zh.Clause(p.Target))
		if !ok || t.AtMost || t.Frequency() {
			continue
		}
		name, v, ok := zh.MeasuredBy(t, c.r)
		if !ok || !t.Reached(v) {
			continue
		}
		partYear := !p.Deadline.IsZero() && p.Deadline.Month != 12
		if t.Unit != "%" && (!yearly || partYear) {
			continue
		}
		path := fmt.Sprintf("plans[%d].target", i+1)
		have, _ := zh.Count(v, t.Unit)
		c.warn(path, fmt.Sprintf("目标“%s”已经达到：本单位%s%s已是%s", zh.Clause(p.Target), zh.PeriodWord(c.r.Period), name, have),
			"目标应高于现有水平，请核对目标或指标")
	}
}
