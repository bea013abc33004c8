package engine_test

import (
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/compose"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/validate"
)

// BenchmarkLoadValidate measures reading and checking an input: the seed-000
// community half-year and the largest fixture (a street's year, 120+
// activities).
func BenchmarkLoadValidate(b *testing.B) {
	for _, fx := range []string{"../fixtures/liubeiqiao-2024-h1.yaml", "../fixtures/large-street-2024.yaml"} {
		b.Run(fx[len("../fixtures/"):], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, src, probs := load.File(fx)
				if r == nil || probs.Err() != nil {
					b.Fatal(probs)
				}
				if v := validate.Report(r, src); v.Err() != nil {
					b.Fatal(v)
				}
			}
		})
	}
}

// BenchmarkCompose measures executing the template and linting its output,
// templates compiled once as in a batch.
func BenchmarkCompose(b *testing.B) {
	eng, _ := engine.New(engine.Options{})
	for _, c := range []struct{ fixture, template string }{
		{"../fixtures/liubeiqiao-2024-h1.yaml", "half-year-summary"},
		{"../fixtures/liubeiqiao-2024-h2.yaml", "half-year-summary"},
	} {
		j, err := eng.Prepare(engine.Request{Path: c.fixture, Template: c.template})
		if err != nil {
			b.Fatal(engine.Problems(err))
		}
		t, r := j.Template, j.Report
		b.Run(c.fixture[len("../fixtures/"):]+"/"+c.template, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, lint, err := compose.Markdown(t, r); err != nil || lint.Err() != nil {
					b.Fatal(err, lint)
				}
			}
		})
	}
}

// BenchmarkReport measures one whole report in each format, from a loaded
// input, with fonts and templates already loaded (the per-item cost of a
// batch).
func BenchmarkReport(b *testing.B) {
	eng, _ := engine.New(engine.Options{})
	for _, formats := range [][]string{{"md"}, {"pdf"}, {"docx"}, {"xlsx"}, {"md", "pdf", "docx", "xlsx"}} {
		name := ""
		for i, f := range formats {
			if i > 0 {
				name += "+"
			}
			name += f
		}
		j, err := eng.Prepare(engine.Request{Path: "../fixtures/liubeiqiao-2024-h1.yaml", Template: "half-year-summary", Formats: formats})
		if err != nil {
			b.Fatal(engine.Problems(err))
		}
		if _, err := eng.Render(j); err != nil { // warm: fonts
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eng.Render(j); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
