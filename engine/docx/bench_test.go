package docx

import (
	"path/filepath"
	"testing"
)

// BenchmarkRender writes the 5-page report the PDF writer's BenchmarkRender
// sets (engine/pdf), for comparison.
func BenchmarkRender(b *testing.B) {
	doc := parseFile(b, filepath.Join("..", "markdown", "testdata", "qiaotou-h1-5pages.md"))
	out, err := Render(doc, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(out)), "docx-bytes")
}
