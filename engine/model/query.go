package model

import (
	"slices"

	"github.com/shopspring/decimal"
)

// These methods are the data helpers templates reach through the dot:
// {{ range .ActivityGroups }}. They never change the report.

// Group is the activities and plans of one category, in date order.
type Group struct {
	Category   string
	Activities []Activity
	Plans      []Plan
	Indicators []Indicator
}

// ActivityGroups returns the activities grouped by category in the canonical
// order of Categories, each group in date order; categories with no
// activities are left out.
func (r *Report) ActivityGroups() []Group {
	return r.groups(true, false)
}

// PlanGroups returns the plans grouped by category in canonical order.
func (r *Report) PlanGroups() []Group {
	return r.groups(false, true)
}

// WorkGroups returns the categories with activities or indicators, in
// canonical order: the sections of a summary's 主要工作.
func (r *Report) WorkGroups() []Group {
	out := r.groups(true, false)
	have := map[string]bool{}
	for _, g := range out {
		have[g.Category] = true
	}
	for _, ind := range r.Indicators {
		if ind.Category != "" && !have[ind.Category] {
			have[ind.Category] = true
			out = append(out, Group{Category: ind.Category, Indicators: r.IndicatorsIn(ind.Category)})
		}
	}
	slices.SortStableFunc(out, func(a, b Group) int { return CategoryIndex(a.Category) - CategoryIndex(b.Category) })
	return out
}

// Uncategorized returns the indicators without a category: headline figures.
func (r *Report) Uncategorized() []Indicator {
	return r.IndicatorsIn("")
}

func (r *Report) groups(acts, plans bool) []Group {
	var out []Group
	for _, c := range categories {
		g := Group{Category: c}
		if acts {
			for _, a := range r.Activities {
				if a.Category == c {
					g.Activities = append(g.Activities, a)
				}
			}
			slices.SortStableFunc(g.Activities, func(a, b Activity) int { return a.Date.Compare(b.Date) })
		}
		if plans {
			for _, p := range r.Plans {
				if p.Category == c {
					g.Plans = append(g.Plans, p)
				}
			}
		}
		for _, ind := range r.Indicators {
			if ind.Category == c {
				g.Indicators = append(g.Indicators, ind)
			}
		}
		if len(g.Activities) > 0 || len(g.Plans) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// IndicatorsIn returns the indicators of a category, in input order.
func (r *Report) IndicatorsIn(category string) []Indicator {
	var out []Indicator
	for _, ind := range r.Indicators {
		if ind.Category == category {
			out = append(out, ind)
		}
	}
	return out
}

// Indicator returns the named indicator and whether it exists.
func (r *Report) Indicator(name string) (Indicator, bool) {
	for _, ind := range r.Indicators {
		if ind.Name == name {
			return ind, true
		}
	}
	return Indicator{}, false
}

// TotalParticipants sums the participants of all activities.
func (r *Report) TotalParticipants() int {
	n := 0
	for _, a := range r.Activities {
		n += a.Participants
	}
	return n
}

// TotalCost sums the cost of all activities, in 元.
func (r *Report) TotalCost() decimal.Decimal {
	sum := decimal.Zero
	for _, a := range r.Activities {
		sum = sum.Add(a.Cost)
	}
	return sum
}

// IssueDate is the 成文日期: report.date, or the period's last day.
func (r *Report) IssueDate() Date {
	if !r.Report.Date.IsZero() {
		return r.Report.Date
	}
	return r.Period.Last()
}

// DuesRate is the share of members who paid dues, 0..1; zero when there are
// no members.
func (m Membership) DuesRate() decimal.Decimal {
	if m.Members == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(m.DuesPaying)).Div(decimal.NewFromInt(int64(m.Members)))
}

// HasPrevious reports whether last year's value is known.
func (i Indicator) HasPrevious() bool { return i.Previous != nil }

// Span reports whether the activity runs over more than one day.
func (a Activity) Span() bool { return !a.EndDate.IsZero() && a.EndDate != a.Date }
