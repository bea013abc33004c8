package pdf

import (
	"testing"
)

// BenchmarkRender renders a 5-page report with the fonts already loaded.
func BenchmarkRender(b *testing.B) {
	doc := parseFile(b, fixture("qiaotou-h1-5pages"))
	opt := Options{Fonts: testFonts(b)}
	out, err := Render(doc, opt)
	if err != nil {
		b.Fatal(err)
	}
	d, _ := Layout(doc, opt)
	if d.Pages() != 5 {
		b.Fatalf("fixture has %d pages, want 5", d.Pages())
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(doc, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(out)), "pdf-bytes")
}

// BenchmarkLayout is our part alone: measuring, breaking and placing every
// line of the 5-page report, and drawing it on a Recorder.
func BenchmarkLayout(b *testing.B) {
	doc := parseFile(b, fixture("qiaotou-h1-5pages"))
	opt := Options{Fonts: testFonts(b)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(doc, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrawGopdf is the gopdf side: drawing the laid-out pages and
// writing the PDF (font subsets compressed).
func BenchmarkDrawGopdf(b *testing.B) {
	doc := parseFile(b, fixture("qiaotou-h1-5pages"))
	opt := Options{Fonts: testFonts(b)}
	d, err := Layout(doc, opt)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.PDF(opt.Fonts); err != nil {
			b.Fatal(err)
		}
	}
}
