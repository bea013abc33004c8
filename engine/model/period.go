package model

import "slices"

// Span is a named part of a year a period may cover: H1, year, Q3. The
// input writes the code; reports name it in Chinese (Name).
type Span string

// The spans, in display order.
const (
	H1   Span = "H1"
	H2   Span = "H2"
	Year Span = "year"
	Q1   Span = "Q1"
	Q2   Span = "Q2"
	Q3   Span = "Q3"
	Q4   Span = "Q4"
)

// spans is every span in display order, with its Chinese name (as titles
// use it) and its first and last month.
var spans = []spanInfo{
	{H1, "上半年", 1, 6}, {H2, "下半年", 7, 12}, {Year, "全年", 1, 12},
	{Q1, "第一季度", 1, 3}, {Q2, "第二季度", 4, 6}, {Q3, "第三季度", 7, 9}, {Q4, "第四季度", 10, 12},
}

type spanInfo struct {
	span        Span
	name        string
	first, last int
}

// Spans lists the spans a period may name, in display order.
func Spans() []Span {
	out := make([]Span, len(spans))
	for i, s := range spans {
		out[i] = s.span
	}
	return out
}

func spanIndex(s Span) int {
	return slices.IndexFunc(spans, func(x spanInfo) bool { return x.span == s })
}

// Valid reports whether s is one of the spans.
func (s Span) Valid() bool { return spanIndex(s) >= 0 }

// Name gives the Chinese name of the span, as titles use it: 上半年, 全年,
// 第一季度; "" for a span that is not one.
func (s Span) Name() string {
	if i := spanIndex(s); i >= 0 {
		return spans[i].name
	}
	return ""
}

// months returns the span's first and last month.
func (s Span) months() (first, last int, ok bool) {
	if i := spanIndex(s); i >= 0 {
		return spans[i].first, spans[i].last, true
	}
	return 0, 0, false
}

// Period is the time a report covers: a named span of a year, or explicit
// start and end dates.
type Period struct {
	Year  int  `yaml:"year"`
	Span  Span `yaml:"span"`
	Start Date `yaml:"start"`
	End   Date `yaml:"end"`
}

// First returns the first day of the period.
func (p Period) First() Date {
	if !p.Start.IsZero() {
		return p.Start
	}
	first, _, ok := p.Span.months()
	if !ok {
		return Date{Year: p.Year, Month: 1, Day: 1}
	}
	return Date{p.Year, first, 1}
}

// Last returns the last day of the period.
func (p Period) Last() Date {
	if !p.End.IsZero() {
		if !p.End.HasDay() {
			return p.End.MonthEnd()
		}
		return p.End
	}
	_, last, ok := p.Span.months()
	if !ok {
		return Date{p.Year, 12, 31}
	}
	return Date{p.Year, last, DaysIn(p.Year, last)}
}

// Contains reports whether d falls within the period.
func (p Period) Contains(d Date) bool {
	return !d.Before(p.First()) && !d.After(p.Last())
}

// IsSpan reports whether the period is the named span (H1, year, …).
func (p Period) IsSpan(span Span) bool { return p.Start.IsZero() && p.Span == span }

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
	case H1:
		return Period{Year: p.Year, Span: H2}
	case H2:
		return Period{Year: p.Year + 1, Span: H1}
	case Year:
		return Period{Year: p.Year + 1, Span: Year}
	case Q1:
		return Period{Year: p.Year, Span: Q2}
	case Q2:
		return Period{Year: p.Year, Span: Q3}
	case Q3:
		return Period{Year: p.Year, Span: Q4}
	case Q4:
		return Period{Year: p.Year + 1, Span: Q1}
	}
	return Period{}
}
