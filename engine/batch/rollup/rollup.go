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
	var probs diag.List
	if len(units) == 0 {
		probs.Add(diag.Pos{}, "", "没有可以汇总的单位", "")
		return nil, probs
	}
	org, orgProbs := ParentOrg(parent, units)
	probs = append(probs, orgProbs...)
	r := &model.Report{
		Version: model.Version,
		Org:     org,
		Period:  units[0].Report.Period,
		Report:  reportInfo(parent, units),
	}
	r.Membership = membership(units)
	inds, indProbs := indicators(units)
	probs = append(probs, indProbs...)
	r.Indicators = inds
	r.Activities = activities(units)
	r.Problems = problems(units)
	r.Plans = plans(units)
	if probs.Err() != nil {
		return nil, probs
	}
	return r, probs
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

func reportInfo(parent Parent, units []Unit) model.ReportInfo {
	info := parent.Report
	if info.Date.IsZero() {
		for _, u := range units {
			if d := u.Report.IssueDate(); d.After(info.Date) {
				info.Date = d
			}
		}
	}
	return info
}

func membership(units []Unit) model.Membership {
	var m model.Membership
	prev := &model.MembershipBase{}
	for _, u := range units {
		um := u.Report.Membership
		m.Members += um.Members
		m.DuesPaying += um.DuesPaying
		m.DuesCollected = m.DuesCollected.Add(um.DuesCollected)
		m.NewMembers += um.NewMembers
		if um.Previous == nil {
			prev = nil
		} else if prev != nil {
			prev.Members += um.Previous.Members
			prev.DuesPaying += um.Previous.DuesPaying
			prev.DuesCollected = prev.DuesCollected.Add(um.Previous.DuesCollected)
		}
	}
	m.Previous = prev
	return m
}

// indicators sums the indicators of the same name.
func indicators(units []Unit) ([]model.Indicator, diag.List) {
	type sum struct {
		ind      model.Indicator
		prev     decimal.Decimal
		allPrev  bool
		first    Unit // where it was first seen
		firstIdx int  // its index there
		skip     bool // a share, left out
	}
	var probs diag.List
	var order []string
	sums := map[string]*sum{}
	for _, u := range units {
		for i, ind := range u.Report.Indicators {
			path := fmt.Sprintf("indicators[%d]", i+1)
			s, seen := sums[ind.Name]
			if !seen {
				s = &sum{ind: ind, prev: decimal.Zero, allPrev: true, first: u, firstIdx: i}
				s.ind.Value = decimal.Zero
				s.ind.Previous = nil
				sums[ind.Name] = s
				order = append(order, ind.Name)
				if unit, ok := model.LookupUnit(ind.Unit); ok && unit.Kind == model.Ratio {
					s.skip = true
					probs.Warn(u.pos(path+".unit"), path+".unit",
						fmt.Sprintf("指标“%s”是比例（%s），各单位的比例不能相加，汇总报告不列这一项", ind.Name, ind.Unit),
						"汇总表里仍按单位列出")
				}
			}
			if s.skip {
				continue
			}
			if ind.Unit != s.ind.Unit {
				probs.Add(u.pos(path+".unit"), path+".unit",
					fmt.Sprintf("指标“%s”的单位是“%s”，而 %s 里同名指标的单位是“%s”，汇总时无法相加", ind.Name, ind.Unit, s.first.file(), s.ind.Unit),
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
	var out []model.Indicator
	for _, name := range order {
		s := sums[name]
		if s.skip {
			continue
		}
		if s.allPrev {
			p := s.prev
			s.ind.Previous = &p
		}
		out = append(out, s.ind)
	}
	return out, probs
}

// activities keeps every activity, each attributed to its unit.
func activities(units []Unit) []model.Activity {
	var out []model.Activity
	for _, u := range units {
		for _, a := range u.Report.Activities {
			out = append(out, Attribute(a, u.Report.Org))
		}
	}
	// The templates order activities by date within a category; ties keep
	// the units' order.
	slices.SortStableFunc(out, func(a, b model.Activity) int { return a.Date.Compare(b.Date) })
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

// problems merges the units' problems without duplicates, the most widely
// raised first (ties in order of appearance), at most MaxProblems.
func problems(units []Unit) []string {
	var out []string
	count := map[string]int{}
	first := map[string]string{}
	for _, u := range units {
		seen := map[string]bool{}
		for _, p := range u.Report.Problems {
			k := zh.Clause(p)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			if count[k] == 0 {
				out = append(out, k)
				first[k] = strings.TrimSpace(p)
			}
			count[k]++
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return count[b] - count[a] })
	out = out[:min(len(out), MaxProblems)]
	for i, k := range out {
		out[i] = first[k]
	}
	return out
}

// plans merges the units' plans by category and item, the most widely
// planned first within a category, at most MaxPlans a category.
func plans(units []Unit) []model.Plan {
	type merged struct {
		plan    model.Plan
		targets []string
		units   int
	}
	var order []string
	byKey := map[string]*merged{}
	for _, u := range units {
		seen := map[string]bool{}
		for _, p := range u.Report.Plans {
			k := p.Category + "\x00" + zh.Clause(p.Item)
			m, ok := byKey[k]
			if !ok {
				m = &merged{plan: p}
				m.plan.Target = ""
				byKey[k] = m
				order = append(order, k)
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
	slices.SortStableFunc(order, func(a, b string) int { return byKey[b].units - byKey[a].units })
	out := make([]model.Plan, 0, len(order))
	per := map[string]int{}
	for _, k := range order {
		m := byKey[k]
		if per[m.plan.Category] >= MaxPlans {
			continue
		}
		per[m.plan.Category]++
		if len(m.targets) == 1 {
			if _, quantified := zh.ParseTarget(m.targets[0]); m.units == 1 || !quantified {
				m.plan.Target = m.targets[0]
			}
		}
		out = append(out, m.plan)
	}
	return out
}
