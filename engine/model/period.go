package model

// Spans a period may name. Order matters for display only.
var Spans = []string{"H1", "H2", "year", "Q1", "Q2", "Q3", "Q4"}

// SpanNames gives the Chinese name of each span, as used in titles.
var SpanNames = map[string]string{
	"H1": "上半年", "H2": "下半年", "year": "全年",
	"Q1": "第一季度", "Q2": "第二季度", "Q3": "第三季度", "Q4": "第四季度",
}

// Period is the time a report covers: a named span of a year, or explicit
// start and end dates.
type Period struct {
	Year  int    `yaml:"year"`
	Span  string `yaml:"span"`
	Start Date   `yaml:"start"`
	End   Date   `yaml:"end"`
}

// spanMonths maps a span to its first and last month.
var spanMonths = map[string][2]int{
	"H1": {1, 6}, "H2": {7, 12}, "year": {1, 12},
	"Q1": {1, 3}, "Q2": {4, 6}, "Q3": {7, 9}, "Q4": {10, 12},
}

// First returns the first day of the period.
func (p Period) First() Date {
	if !p.Start.IsZero() {
		return p.Start
	}
	m, ok := spanMonths[p.Span]
	if !ok {
		return Date{Year: p.Year, Month: 1, Day: 1}
	}
	return Date{p.Year, m[0], 1}
}

// Last returns the last day of the period.
func (p Period) Last() Date {
	if !p.End.IsZero() {
		if !p.End.HasDay() {
			return p.End.MonthEnd()
		}
		return p.End
	}
	m, ok := spanMonths[p.Span]
	if !ok {
		return Date{p.Year, 12, 31}
	}
	return Date{p.Year, m[1], DaysIn(p.Year, m[1])}
}

// Contains reports whether d falls within the period.
func (p Period) Contains(d Date) bool {
	return !d.Before(p.First()) && !d.After(p.Last())
}

// IsSpan reports whether the period is the named span (H1, year, …).
func (p Period) IsSpan(span string) bool { return p.Start.IsZero() && p.Span == span }

// YearOf returns the year the period belongs to (its start's year when given by dates).
func (p Period) YearOf() int {
	if p.Year != 0 {
		return p.Year
	}
	return p.First().Year
}

// Next returns the period that follows: H1 → H2 of the same year, H2 → H1 of
// the next, year → next year, Q1 → Q2 …; a date-range period has no next
// and is returned as a zero Period.
func (p Period) Next() Period {
	switch p.Span {
	case "H1":
		return Period{Year: p.Year, Span: "H2"}
	case "H2":
		return Period{Year: p.Year + 1, Span: "H1"}
	case "year":
		return Period{Year: p.Year + 1, Span: "year"}
	case "Q1":
		return Period{Year: p.Year, Span: "Q2"}
	case "Q2":
		return Period{Year: p.Year, Span: "Q3"}
	case "Q3":
		return Period{Year: p.Year, Span: "Q4"}
	case "Q4":
		return Period{Year: p.Year + 1, Span: "Q1"}
	}
	return Period{}
}
