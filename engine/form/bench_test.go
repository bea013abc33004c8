package form_test

import (
	"testing"

	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
)

// BenchmarkWriteForm and BenchmarkReadForm measure the 填报表 of the largest
// fixture, 127 activities and 35 indicators: what huibao init writes for a
// street and what validate and generate read back.
func BenchmarkWriteForm(b *testing.B) {
	r := largeFixture(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := form.WriteForm(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadForm(b *testing.B) {
	data, err := form.WriteForm(largeFixture(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, probs := form.ReadForm("x.xlsx", data); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

func largeFixture(b *testing.B) *model.Report {
	b.Helper()
	r, _, probs := load.File("../../fixtures/large-street-2024.yaml")
	if probs.Err() != nil || r == nil || len(r.Activities) < 120 {
		b.Fatalf("the large fixture does not load: %v", probs)
	}
	return r
}
