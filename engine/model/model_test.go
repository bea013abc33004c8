package model

import (
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2024-03-30", Date{2024, 3, 30}, true},
		{"2024-3-5", Date{2024, 3, 5}, true},
		{"2024-12", Date{2024, 12, 0}, true},
		{"2024-02-29", Date{2024, 2, 29}, true},
		{"2023-02-29", Date{}, false},
		{"2024-13-01", Date{}, false},
		{"2024-00", Date{}, false},
		{"2024/03/30", Date{}, false},
		{"2024-03-30x", Date{}, false},
		{"+2024-03-30", Date{}, false},
		{"2024-03-", Date{}, false},
		{"24-03-30", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestPeriod(t *testing.T) {
	tests := []struct {
		p           Period
		first, last string
		next        Period
	}{
		{Period{Year: 2024, Span: "H1"}, "2024-01-01", "2024-06-30", Period{Year: 2024, Span: "H2"}},
		{Period{Year: 2024, Span: "H2"}, "2024-07-01", "2024-12-31", Period{Year: 2025, Span: "H1"}},
		{Period{Year: 2024, Span: "year"}, "2024-01-01", "2024-12-31", Period{Year: 2025, Span: "year"}},
		{Period{Year: 2024, Span: "Q1"}, "2024-01-01", "2024-03-31", Period{Year: 2024, Span: "Q2"}},
		{Period{Year: 2024, Span: "Q4"}, "2024-10-01", "2024-12-31", Period{Year: 2025, Span: "Q1"}},
		{Period{Start: Date{2024, 3, 1}, End: Date{2024, 5, 31}}, "2024-03-01", "2024-05-31", Period{}},
		{Period{Start: Date{2024, 3, 1}, End: Date{2024, 5, 0}}, "2024-03-01", "2024-05-31", Period{}},
	}
	for _, tt := range tests {
		if got := tt.p.First().String(); got != tt.first {
			t.Errorf("%+v First = %s, want %s", tt.p, got, tt.first)
		}
		if got := tt.p.Last().String(); got != tt.last {
			t.Errorf("%+v Last = %s, want %s", tt.p, got, tt.last)
		}
		if got := tt.p.Next(); got != tt.next {
			t.Errorf("%+v Next = %+v, want %+v", tt.p, got, tt.next)
		}
	}
	h1 := Period{Year: 2024, Span: "H1"}
	for d, want := range map[Date]bool{{2024, 1, 1}: true, {2024, 6, 30}: true, {2023, 12, 31}: false, {2024, 7, 1}: false} {
		if h1.Contains(d) != want {
			t.Errorf("Contains(%v) != %v", d, want)
		}
	}
}

func TestSpan(t *testing.T) {
	for span, want := range map[Span]string{H1: "上半年", H2: "下半年", Year: "全年", Q1: "第一季度", Q3: "第三季度", "x": ""} {
		if got := span.Name(); got != want {
			t.Errorf("%s.Name() = %q, want %q", span, got, want)
		}
		if span.Valid() != (want != "") {
			t.Errorf("%s.Valid() = %v", span, span.Valid())
		}
	}
	if got := Spans(); len(got) != 7 || got[0] != H1 || got[2] != Year || got[6] != Q4 {
		t.Errorf("Spans() = %v", got)
	}
	Spans()[0] = "x"
	Categories()[0] = "x"
	Units()[0].Name = "x"
	OrgTypes()[0] = "x"
	if Spans()[0] != H1 || Categories()[0] != "组织建设" || Units()[0].Name != "人" || OrgTypes()[0] != "社区工会" {
		t.Error("a vocabulary handed out its own slice")
	}
}

func TestGroups(t *testing.T) {
	r := &Report{
		Activities: []Activity{
			{Date: Date{2024, 5, 1}, Category: "文体活动", Title: "b"},
			{Date: Date{2024, 3, 1}, Category: "文体活动", Title: "a"},
			{Date: Date{2024, 4, 1}, Category: "组织建设", Title: "c"},
		},
		Plans: []Plan{{Category: "自身建设", Item: "x"}},
	}
	g := r.ActivityGroups()
	if len(g) != 2 || g[0].Category != "组织建设" || g[1].Activities[0].Title != "a" {
		t.Errorf("ActivityGroups = %+v", g)
	}
	if p := r.PlanGroups(); len(p) != 1 || p[0].Category != "自身建设" {
		t.Errorf("PlanGroups = %+v", p)
	}
}
