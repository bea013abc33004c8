package model

import (
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestFieldTable fails when a field of the types has no entry in specs, an
// entry names no field, or an entry's kind does not fit its Go type.
func TestFieldTable(t *testing.T) {
	fields, problems := walk()
	for _, p := range problems {
		t.Error(p)
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if seen[f.Path] {
			t.Errorf("%s: listed twice", f.Path)
		}
		seen[f.Path] = true
		if f.Label == "" || f.Doc == "" {
			t.Errorf("%s: no label or doc", f.Path)
		}
		if f.Kind.Leaf() && f.Example == "" && f.Path != "report.title" {
			t.Errorf("%s: no example", f.Path)
		}
		if f.Vocab.Closed() && f.Example != "" && !containsString(f.Vocab.Values(), f.Example) {
			t.Errorf("%s: example %q is not in its vocabulary", f.Path, f.Example)
		}
	}
	if len(fields) != len(specs) {
		t.Errorf("%d fields, %d specs", len(fields), len(specs))
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestFieldAccess sets every leaf field of a report through the table and
// reads it back, and checks that the value landed in the struct field the
// table names.
func TestFieldAccess(t *testing.T) {
	r := &Report{}
	items := map[string]any{}
	holder := func(f Field) any {
		if f.holder == reflect.TypeFor[*Report]() {
			return r
		}
		for _, l := range Fields() {
			if l.Kind == KindList && reflect.PointerTo(l.list) == f.holder && strings.HasPrefix(f.Path, l.Path+".") {
				if items[l.Path] == nil {
					items[l.Path] = l.NewItem()
				}
				return items[l.Path]
			}
		}
		t.Fatalf("%s: no holder", f.Path)
		return nil
	}
	values := map[Kind]any{
		KindText: "x", KindVersion: 1, KindWhole: 7, KindYear: 2024, KindSpan: "H2",
		KindDecimal: decimal.RequireFromString("4509.5"), KindMoney: decimal.RequireFromString("1.25"),
		KindDate: Date{2024, 3, 30}, KindMonth: Date{2024, 12, 0}, KindBool: true,
	}
	for _, f := range Fields() {
		if !f.Kind.Leaf() {
			continue
		}
		h := holder(f)
		if _, ok := f.Get(h); ok && f.Nilable {
			t.Errorf("%s: nil pointer read as set", f.Path)
		}
		f.Set(h, values[f.Kind])
		got, ok := f.Get(h)
		if !ok || !reflect.DeepEqual(reflect.ValueOf(got).Convert(reflect.TypeOf(values[f.Kind])).Interface(), values[f.Kind]) {
			t.Errorf("%s: set %v, got %v %v", f.Path, values[f.Kind], got, ok)
		}
	}
	for list, item := range items {
		l, _ := LookupField(list)
		l.Append(r, item)
		if n := len(l.Items(r)); n != 1 {
			t.Errorf("%s: %d items after Append", list, n)
		}
	}
	if r.Membership.Previous == nil || r.Membership.Previous.DuesPaying != 7 || r.Period.Span != "H2" ||
		r.Indicators[0].Previous == nil || !r.Indicators[0].Previous.Equal(decimal.RequireFromString("4509.5")) ||
		r.Activities[0].Organizer != "x" || r.Plans[0].Deadline != (Date{2024, 12, 0}) || r.Org.Leader.Name != "x" {
		t.Errorf("values did not land in their fields: %+v", r)
	}
	problems, _ := LookupField("problems")
	p := problems.NewItem().(*string)
	*p = "一条问题"
	problems.Append(r, p)
	if len(r.Problems) != 1 || *problems.Items(r)[0].(*string) != "一条问题" {
		t.Errorf("problems = %q", r.Problems)
	}
}

func TestLabel(t *testing.T) {
	for path, want := range map[string]string{
		"activities[3].date":          "日期",
		"membership.previous.members": "上年同期在册会员",
		"period.year":                 "年度",
		"nosuch":                      "",
	} {
		if got := Label(path); got != want {
			t.Errorf("Label(%s) = %q, want %q", path, got, want)
		}
	}
}
