package xlsx_test

import (
	"testing"

	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/xlsx"
)

// BenchmarkAppendixLargeFixture measures the appendix of the largest
// fixture, the figure the issue sets a target for (≤ 5 ms).
func BenchmarkAppendixLargeFixture(b *testing.B) {
	r, _, probs := load.File("../../fixtures/large-street-2024.yaml")
	if probs.Err() != nil || r == nil {
		b.Fatal(probs)
	}
	if len(r.Activities) < 120 {
		b.Fatalf("the large fixture has %d activities", len(r.Activities))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := xlsx.Appendix(r, xlsx.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
