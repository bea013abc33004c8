// Package rollup computes the report of a parent union — a street's 总工会 —
// from the reports of its units, so that a street-level report can be
// written from the same template as the units' own.
//
// # Rules
//
//   - Org: the manifest's (batch.yaml) when it names one; otherwise the
//     units' common org.parent, its type read from the end of its name
//     (石新路街道总工会 → 街道总工会). Neither is an error: there is no one to
//     write the report for.
//   - Period: the units' (the caller checks that they agree).
//   - 成文日期: the manifest's report.date, else the latest of the units'.
//   - Membership: every figure summed; last year's only when every unit
//     gives last year's, since a partial sum would compare unlike with like.
//   - Indicators: those with the same name summed, in order of first
//     appearance; last year's summed only when every unit reporting the
//     indicator gives it. The same name with different units is an error
//     (人次 and 人 do not add up); a share (%) is left out with a warning,
//     since shares do not add up either.
//   - Activities: every one kept — the template's sentence "共组织开展各类活动
//     N次" counts them — each with its unit as organizer, which the activity
//     paragraph names as the one who ran it ("油房街社区工会在……召开").
//   - Problems: merged without duplicates (compared as clauses, so a
//     trailing 。 does not make two), those raised by the most units first,
//     at most MaxProblems: a street's report names the problems its units
//     share, not every unit's every complaint.
//   - Plans: merged by category and item; the target is kept when the units
//     that give one agree and it is not a figure, or one unit alone plans
//     the item, else left out (twelve communities' 新建企业工会2家 is not the
//     street's target, nor is their sum without their say); the deadline is
//     the latest. In each category the items
//     planned by the most units come first, at most MaxPlans of them.
package rollup

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// Unit is one unit's loaded report and where its fields came from.
type Unit struct {
	Report *model.Report
	Source *diag.SourceMap // may be nil; positions problems
}

// file names the unit's input in messages.
func (u Unit) file() string {
	if u.Source != nil {
		return u.Source.File
	}
	return u.Report.Org.Name
}

func (u Unit) pos(path string) diag.Pos {
	if u.Source == nil {
		return diag.Pos{}
	}
	return u.Source.Pos(path)
}

// Parent is what the batch manifest says about the parent union; its zero
// value says nothing.
type Parent struct {
	Org    model.Org
	Report model.ReportInfo
	Source *diag.SourceMap // the manifest's; may be nil
}

// Compute returns the parent union's report. The list holds the problems
// found on the way, positioned in the units' files or the manifest; when it
// has errors the report is nil. units must be non-empty and share one period.
func Compute(parent Parent, units []Unit) (*model.Report, diag.List) {
	b := NewBuilder(parent)
	for _, u := range units {
		b.Add(u)
	}
	return b.Report()
}

// Builder computes the parent union's report from its units given one at
// a time, keeping of each only what the report takes — its figures
// summed, its activities, its problems and plans counted — so that a
// batch need not hold every unit's report at once.
type Builder struct {
	parent  Parent
	n       int
	parents []Unit // each unit's name and org.parent, for ParentOrg
	r       model.Report
	prev    *model.MembershipBase
	inds    indicatorSums
	probs   problemCounts
	plans   planMerge
	acts    []model.Activity
}

// NewBuilder starts the report of parent.
func NewBuilder(parent Parent) *Builder {
	return &Builder{parent: parent, prev: &model.MembershipBase{}, inds: newIndicatorSums(),
		probs: problemCounts{count: map[string]int{}, first: map[string]string{}}, plans: planMerge{byKey: map[string]*mergedPlan{}}}
}

// Add takes in the next unit. The builder keeps the report's activities
// (their text is the roll-up's), not the report.
func (b *Builder) Add(u Unit) {
	if b.n == 0 {
		b.r.Period = u.Report.Period
	}
	b.n++
	src := diag.NewSourceMap(u.file())
	if u.Source != nil && u.Source.Has("org.parent") {
		src.Set("org.parent", u.Source.Pos("org.parent"))
	}
	b.parents = append(b.parents, Unit{Report: &model.Report{Org: model.Org{Name: u.Report.Org.Name, Parent: u.Report.Org.Parent}}, Source: src})
	if d := u.Report.IssueDate(); d.After(b.r.Report.Date) {
		b.r.Report.Date = d
	}
	b.membership(u)
	b.inds.add(u)
	for _, a := range u.Report.Activities {
		b.acts = append(b.acts, Attribute(a, u.Report.Org))
	}
	b.probs.add(u)
	b.plans.add(u)
}

// Report returns the parent union's report, with the problems found on the
// way; when they have errors the report is nil.
func (b *Builder) Report() (*model.Report, diag.List) {
	var probs diag.List
	if b.n == 0 {
		probs.Add(diag.Pos{}, "", "没有可以汇总的单位", "")
		return nil, probs
	}
	org, orgProbs := ParentOrg(b.parent, b.parents)
	probs = append(probs, orgProbs...)
	probs = append(probs, b.inds.probs...)
	r := b.r
	r.Version, r.Org = model.Version, org
	latest := r.Report.Date
	r.Report = b.parent.Report
	if r.Report.Date.IsZero() {
		r.Report.Date = latest
	}
	r.Membership.Previous = b.prev
	r.Indicators = b.inds.result()
	// The templates order activities by date within a category; ties keep
	// the units' order.
	slices.SortStableFunc(b.acts, func(a, b model.Activity) int { return a.Date.Compare(b.Date) })
	r.Activities, b.acts = b.acts, nil
	r.Problems = b.probs.result()
	r.Plans = b.plans.result()
	if probs.Err() != nil {
		return nil, probs
	}
	return &r, probs
}

// ParentOrg names the union the roll-up is written for: the manifest's
// org, else the units' common org.parent. The list explains a zero Org.
func ParentOrg(parent Parent, units []Unit) (model.Org, diag.List) {
	var probs diag.List
	if parent.Org.Name != "" {
		org := parent.Org
		if org.Type == "" {
			org.Type = TypeOf(org.Name)
		}
		if org.Type == "" {
			var pos diag.Pos
			if parent.Source != nil {
				pos = parent.Source.Pos("org.name")
			}
			probs.Add(pos, "org.type", fmt.Sprintf("无法从汇总单位的名称“%s”看出单位类型", org.Name),
				fmt.Sprintf("请写明，例如 org: {name: %s, type: 街道总工会}", org.Name))
			return model.Org{}, probs
		}
		for _, u := range units {
			if p := u.Report.Org.Parent; p != "" && p != org.Name {
				probs.Warn(u.pos("org.parent"), "org.parent",
					fmt.Sprintf("上级工会写的是“%s”，而本次汇总的单位是“%s”", p, org.Name),
					"请确认这个文件没有放错文件夹；汇总时照常计入")
			}
		}
		return org, probs
	}
	where := "batch.yaml"
	if parent.Source != nil {
		where = parent.Source.File
	}
	byParent := map[string][]string{}
	var names []string
	for _, u := range units {
		p := u.Report.Org.Parent
		if p == "" {
			continue
		}
		if _, ok := byParent[p]; !ok {
			names = append(names, p)
		}
		byParent[p] = append(byParent[p], u.file())
	}
	switch len(names) {
	case 0:
		probs.Add(diag.Pos{File: where}, "", "不知道汇总报告以哪个单位的名义写：没有批量说明文件，各单位也都没有写上级工会（org.parent）",
			fmt.Sprintf("请在 %s 里写明汇总单位，例如 org: {name: 石新路街道总工会, type: 街道总工会}", where))
		return model.Org{}, probs
	case 1:
	default:
		var parts []string
		for _, n := range names {
			parts = append(parts, fmt.Sprintf("“%s”（%s）", n, strings.Join(byParent[n], "、")))
		}
		probs.Add(diag.Pos{File: where}, "", "各单位写的上级工会不一致："+strings.Join(parts, "；"),
			fmt.Sprintf("请改正写错的 org.parent，或在 %s 里写明汇总单位，例如 org: {name: 石新路街道总工会, type: 街道总工会}", where))
		return model.Org{}, probs
	}
	org := model.Org{Name: names[0], Type: TypeOf(names[0])}
	if org.Type == "" {
		probs.Add(diag.Pos{File: where}, "", fmt.Sprintf("无法从上级工会的名称“%s”看出单位类型", org.Name),
			fmt.Sprintf("请在 %s 里写明，例如 org: {name: %s, type: 街道总工会}", where, org.Name))
	}
	return org, probs
}

// TypeOf reads a union's type from the end of its name: 石新路街道总工会 →
// 街道总工会. It returns "" when the name ends with no known type.
func TypeOf(name string) string {
	best := ""
	for _, t := range model.OrgTypes() {
		if strings.HasSuffix(name, t) && len(t) > len(best) {
			best = t
		}
	}
	// 总工会 of a 镇 is a 镇工会 in the vocabulary.
	if best == "" && strings.HasSuffix(name, "镇总工会") {
		best = "镇工会"
	}
	return best
}

// membership adds a unit's membership: every figure summed, last year's
// only while every unit gives it.
func (b *Builder) membership(u Unit) {
	m, um := &b.r.Membership, u.Report.Membership
	m.Members += um.Members
	m.DuesPaying += um.DuesPaying
	m.DuesCollected = m.DuesCollected.Add(um.DuesCollected)
	m.NewMembers += um.NewMembers
	if um.Previous == nil {
		b.prev = nil
	} else if b.prev != nil {
		b.prev.Members += um.Previous.Members
		b.prev.DuesPaying += um.Previous.DuesPaying
		b.prev.DuesCollected = b.prev.DuesCollected.Add(um.Previous.DuesCollected)
	}
}

// indicatorSums sums the indicators of the same name.
type indicatorSums struct {
	order []string
	sums  map[string]*indicatorSum
	probs diag.List
}

type indicatorSum struct {
	ind     model.Indicator
	prev    decimal.Decimal
	allPrev bool
	file    string // where it was first seen
	skip    bool   // a share, left out
}

func newIndicatorSums() indicatorSums { return indicatorSums{sums: map[string]*indicatorSum{}} }

func (x *indicatorSums) add(u Unit) {
	for i, ind := range u.Report.Indicators {
		path := fmt.Sprintf("indicators[%d]", i+1)
		s, seen := x.sums[ind.Name]
		if !seen {
			s = &indicatorSum{ind: ind, prev: decimal.Zero, allPrev: true, file: u.file()}
			s.ind.Value = decimal.Zero
			s.ind.Previous = nil
			x.sums[ind.Name] = s
			x.order = append(x.order, ind.Name)
			if unit, ok := model.LookupUnit(ind.Unit); ok && unit.Kind == model.Ratio {
				s.skip = true
				x.probs.Warn(u.pos(path+".unit"), path+".unit",
					fmt.Sprintf("指标“%s”是比例（%s），各单位的比例不能相加，汇总报告不列这一项", ind.Name, ind.Unit),
					"汇总表里仍按单位列出")
			}
		}
		if s.skip {
			continue
		}
		if ind.Unit != s.ind.Unit {
			x.probs.Add(u.pos(path+".unit"), path+".unit",
				fmt.Sprintf("指标“%s”的单位是“%s”，而 %s 里同名指标的单位是“%s”，汇总时无法相加", ind.Name, ind.Unit, s.file, s.ind.Unit),
				"同一指标请在各单位使用相同的单位，或改用不同的指标名称")
			continue
		}
		s.ind.Value = s.ind.Value.Add(ind.Value)
		if s.ind.Category == "" {
			s.ind.Category = ind.Category
		}
		if ind.Previous == nil {
			s.allPrev = false
		} else {
			s.prev = s.prev.Add(*ind.Previous)
		}
	}
}

func (x *indicatorSums) result() []model.Indicator {
	var out []model.Indicator
	for _, name := range x.order {
		s := x.sums[name]
		if s.skip {
			continue
		}
		if s.allPrev {
			p := s.prev
			s.ind.Previous = &p
		}
		out = append(out, s.ind)
	}
	return out
}

// Attribute names the unit that ran an activity as its organizer, so that
// a parent union's report says whose work it was ("3月27日，油房街社区工会在
// 社区会议室召开……"). An organizer the unit named itself is kept.
func Attribute(a model.Activity, org model.Org) model.Activity {
	if strings.TrimSpace(a.Organizer) == "" {
		a.Organizer = org.Name
	}
	return a
}

// MaxProblems and MaxPlans bound what a roll-up lists: the problems, and
// the plan items of one category, shared by the most units.
const (
	MaxProblems = 8
	MaxPlans    = 3
)

// problemCounts merges the units' problems without duplicates, the most
// widely raised first (ties in order of appearance), at most MaxProblems.
type problemCounts struct {
	order []string
	count map[string]int
	first map[string]string
}

func (x *problemCounts) add(u Unit) {
	seen := map[string]bool{}
	for _, p := range u.Report.Problems {
		k := zh.Clause(p)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if x.count[k] == 0 {
			x.order = append(x.order, k)
			x.first[k] = strings.TrimSpace(p)
		}
		x.count[k]++
	}
}

func (x *problemCounts) result() []string {
	out := slices.Clone(x.order)
	slices.SortStableFunc(out, func(a, b string) int { return x.count[b] - x.count[a] })
	out = out[:min(len(out), MaxProblems)]
	for i, k := range out {
		out[i] = x.first[k]
	}
	return out
}

// planMerge merges the units' plans by category and item, the most widely
// planned first within a category, at most MaxPlans a category.
type planMerge struct {
	order []string
	byKey map[string]*mergedPlan
}

type mergedPlan struct {
	plan    model.Plan
	targets []string
	units   int
}

func (x *planMerge) add(u Unit) {
	seen := map[string]bool{}
	for _, p := range u.Report.Plans {
		k := p.Category + "\x00" + zh.Clause(p.Item)
		m, ok := x.byKey[k]
		if !ok {
			m = &mergedPlan{plan: p}
			m.plan.Target = ""
			x.byKey[k] = m
			x.order = append(x.order, k)
		} else if p.Deadline.After(m.plan.Deadline) {
			m.plan.Deadline = p.Deadline
		}
		if !seen[k] {
			seen[k] = true
			m.units++
		}
		if t := zh.Clause(p.Target); t != "" && !slices.Contains(m.targets, t) {
			m.targets = append(m.targets, t)
		}
	}
}

func (x *planMerge) result() []model.Plan {
	order := slices.Clone(x.order)
	slices.SortStableFunc(order, func(a, b string) int { return x.byKey[b].units - x.byKey[a].units })
	out := make([]model.Plan, 0, len(order))
	per := map[string]int{}
	for _, k := range order {
		m := x.byKey[k]
		if per[m.plan.Category] >= MaxPlans {
			continue
		}
		per[m.plan.Category]++
		plan := m.plan
		if len(m.targets) == 1 {
			if _, quantified := zh.ParseTarget(m.targets[0]); m.units == 1 || !quantified {
				plan.Target = m.targets[0]
			}
		}
		out = append(out, plan)
	}
	return out
}
