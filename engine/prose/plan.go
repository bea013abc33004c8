package prose

import (
	"slices"
	"strings"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// Deadline writes a plan's deadline as the sentence uses it, in a plan for
// the period planned: 10月底前, 年底前 (December of the plan's year),
// 3月8日前, 2025年3月底前 (another year: written in full). "" for none.
func Deadline(d model.Date, planned model.Period) string {
	if d.IsZero() {
		return ""
	}
	year := planned.YearOf()
	switch {
	case d.HasDay():
		return zh.DateIn(d, year) + "前"
	case d.Month == 12 && d.Year == year:
		return "年底前"
	}
	return zh.DateIn(d, year) + "底前"
}

// Plan writes one plan item as a sentence without its closing 。: the item
// joined with its target by the lexicon's plan rule for the target's shape
// (继续做好非公有制企业建会工作，力争年底前新建企业工会2家; ……，确保会费收缴率
// 达到95%以上; ……，做到困难职工档案动态更新), and its deadline.
func (w Writer) Plan(p model.Plan, planned model.Period) string {
	target := clause(p.Target)
	return w.Lex.PlanFrame(target).Fill(lexicon.Slots{
		"事项": clause(p.Item),
		"目标": target,
		"时限": Deadline(p.Deadline, planned),
	})
}

// answers maps each plan (by index) to the problem it answers: among the
// plans that share a word with the problem's complaint (the clauses of it
// that say what is lacking: 不够, 不足, 缺乏……), the one that shares most
// with the complaint and then with the whole problem. Each problem goes to
// one plan, and a plan answers at most one problem.
func answers(r *model.Report) map[int]string {
	out := map[int]string{}
	taken := map[int]bool{}
	for _, prob := range r.Problems {
		complaint := complaints(prob)
		whole := bigrams(prob)
		best, score, quote := -1, 0, ""
		for i, p := range r.Plans {
			if taken[i] {
				continue
			}
			pb := bigrams(p.Item + p.Target + p.Category)
			for _, c := range complaint {
				n := shared(bigrams(c), pb)
				if n == 0 {
					continue // the plan must answer the complaint itself
				}
				if s := 2*n + shared(whole, pb); s > score {
					best, score, quote = i, s, c
				}
			}
		}
		if best >= 0 {
			taken[best] = true
			out[best] = strings.TrimSuffix(strings.TrimSuffix(quote, "的问题"), "问题")
		}
	}
	return out
}

// lacking are the words a problem's complaint is said with.
var lacking = []string{"不够", "不足", "不高", "不强", "不多", "缺乏", "欠缺", "较少", "偏少", "较大", "偏低", "较低", "有待", "不到位",
	"不平衡", "不规范", "不完善", "单一", "被动", "紧张", "薄弱", "滞后", "困难", "难以", "不便", "不畅", "不及时", "兼职", "身兼数职"}

// complaints are the clauses of a problem that say what is lacking; the
// whole problem when none does.
func complaints(prob string) []string {
	var out []string
	all := strings.FieldsFunc(clause(prob), func(r rune) bool { return strings.ContainsRune("，；：", r) })
	for _, c := range all {
		if slices.ContainsFunc(lacking, func(w string) bool { return strings.Contains(c, w) }) {
			c = strings.TrimPrefix(strings.TrimPrefix(c, "但"), "而")
			out = append(out, strings.TrimPrefix(c, "对"))
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// Answer is the opening of a plan item that names the problem it answers,
// in a report that has both: 针对部分会员对困难会员和居民的关爱还不够的问题，.
// "" when the plan answers none, or the problem is too long to quote.
func (w Writer) Answer(p model.Plan, r *model.Report) string {
	i := slices.IndexFunc(r.Plans, func(x model.Plan) bool { return x == p })
	if i < 0 {
		return ""
	}
	c, ok := w.answersOf(r)[i]
	if !ok || c == "" || runes(c) > 24 || strings.ContainsAny(string([]rune(c)[0]), "该此这其") {
		return "" // too long to quote, or it points back to what it leaves out (该幢楼宇)
	}
	return "针对" + c + "的问题，"
}

// Goal writes a quantified target with the figure it is measured by, when
// the report has one: 推荐就业不少于10人次（上年为5人次）. It returns the
// target alone when there is no such figure, and "" when the target is not
// quantified. planned is the period planned for.
func (w Writer) Goal(p model.Plan, r *model.Report, planned model.Period) string {
	target := clause(p.Target)
	t, ok := zh.ParseTarget(target)
	if !ok {
		return ""
	}
	if _, v, ok := zh.MeasuredBy(t, r); ok {
		return target + "（" + dataPeriod(r.Period, planned) + "为" + figure(v, t.Unit) + "）"
	}
	return target
}

// dataPeriod names the period the report's figures are of, as seen from
// the period planned for: 上年 for last year, 目前 for the period itself
// (the figures so far), else its own word (上半年).
func dataPeriod(data, planned model.Period) string {
	switch {
	case data == planned:
		return "目前"
	case data.IsSpan(model.Year) && planned.YearOf() == data.YearOf()+1:
		return "上年"
	}
	return zh.PeriodWord(data)
}

// Goals lists the quantified targets of the plans, at most one per kind of
// measure (not 培训不少于1期，培训不少于2期), each with the figure it is
// measured by: the 工作目标 of a plan.
func (w Writer) Goals(r *model.Report, planned model.Period) []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range r.PlanGroups() {
		for _, p := range g.Plans {
			t, ok := zh.ParseTarget(clause(p.Target))
			if !ok || runes(t.Object) < 2 || t.Frequency() {
				continue // 全年不少于四次: only meaningful after its item
			}
			key := t.Object + t.Unit
			if seen[key] {
				continue
			}
			seen[key] = true
			if s := w.Goal(p, r, planned); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// Measure is one 保障措施 of a plan: a heading phrase and its sentences.
type Measure struct {
	Title string // 加强组织领导
	Text  string
}

// Measures writes a plan's 保障措施 from the report's facts: who leads and
// is answerable, what money there is, when progress is checked (the
// deadlines of the plans, and the reports due in the period planned), and
// the members who carry the work.
func (w Writer) Measures(r *model.Report, planned model.Period) []Measure {
	subject := Subject(r)
	var out []Measure
	// Leadership.
	lead := subject + "委员会"
	if p := strings.TrimSpace(r.Org.Party); p != "" {
		lead += "在" + p + "的领导下，"
	}
	lead += "把本计划列入重要议事日程，对" + zh.Measure(len(r.Plans), "项") + "任务逐项明确责任人和完成时限"
	if l := r.Org.Leader; l.Name != "" {
		lead += "，" + l.Title + l.Name + "负总责"
	}
	out = append(out, Measure{"加强组织领导", lead + "。"})
	// Money.
	cats := r.PlanGroups()
	slices.SortStableFunc(cats, func(a, b model.Group) int { return len(b.Plans) - len(a.Plans) })
	var names []string
	for _, g := range cats[:min(2, len(cats))] {
		names = append(names, g.Category)
	}
	money := ""
	if d := r.Membership.DuesCollected; d.IsPositive() && r.Period != planned {
		money = dataPeriod(r.Period, planned) + "收缴会费" + zh.Money(d) + "，"
	}
	money += "严格执行工会经费收支管理规定，经费优先用于" + strings.Join(names, "、") + "等重点工作，做到专款专用、收支公开。"
	out = append(out, Measure{"落实经费保障", money})
	// Checks.
	var months []string
	var dates []model.Date
	for _, p := range r.Plans {
		if !p.Deadline.IsZero() {
			d := model.Date{Year: p.Deadline.Year, Month: p.Deadline.Month}
			if !slices.Contains(dates, d) {
				dates = append(dates, d)
			}
		}
	}
	slices.SortFunc(dates, func(a, b model.Date) int { return a.Compare(b) })
	for _, d := range dates {
		months = append(months, zh.DateIn(d, planned.YearOf())+"底")
	}
	check := "建立计划执行台账"
	if len(months) > 0 {
		if len(months) > 4 {
			months = append(months[:3], months[len(months)-1])
		}
		check += "，按" + strings.Join(months, "、") + "等完成时限逐项跟踪"
	}
	check += "，未按时完成的事项及时说明原因、提出措施；" + reportDue(planned) + "向" + superiors(r) + "报告计划执行情况。"
	out = append(out, Measure{"强化督促检查", check})
	// People.
	people := "加强工会干部和工会小组长的学习培训，提高服务职工的本领"
	if n := r.Membership.Members; n > 0 {
		people += "；发挥" + count(n, "名") + "会员的主体作用，凝聚推进计划落实的合力"
	}
	out = append(out, Measure{"加强队伍建设", people + "。"})
	return out
}

// reportDue says when a plan's progress is reported, by the period planned
// for: 年中和年底 for a year, 年底 for a second half, 6月底 for a first half,
// the period's end otherwise.
func reportDue(p model.Period) string {
	switch {
	case p.IsSpan(model.Year):
		return "年中和年底分别"
	case p.IsSpan(model.H2):
		return "年底前"
	case p.IsSpan(model.H1):
		return "6月底前"
	}
	return zh.DateIn(p.Last(), p.YearOf()) + "前"
}

// superiors names those a union reports to: its Party organisation and its
// superior union, as many as are given; 上级工会 when neither is.
func superiors(r *model.Report) string {
	names := nonEmpty(strings.TrimSpace(r.Org.Party), strings.TrimSpace(r.Org.Parent))
	if len(names) == 0 {
		return "上级工会"
	}
	return zh.Join(names)
}
