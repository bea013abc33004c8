package compose

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/prose"
	"github.com/huibao/huibao/internal/sample"
	"github.com/huibao/huibao/templates"
)

// TestLevelsWriteAlike: the levels of detail a render's probe says write
// the same text (prose.Render.Same) do, for every fixture and sample with
// every template that accepts it; so MarkdownWithin, which renders none of
// them, returns what rendering each level in turn returned.
func TestLevelsWriteAlike(t *testing.T) {
	cat, probs := catalog.New([]catalog.Place{{Name: catalog.Builtin, FS: templates.FS, Prefix: "templates"}}, []string{"md", "pdf", "docx", "xlsx"})
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	reports := map[string]*model.Report{"liubeiqiao": sample.Liubeiqiao()}
	for _, n := range []int{3, 12, 30, 80} {
		reports[fmt.Sprintf("large%d", n)] = sample.Large(n)
	}
	files, _ := filepath.Glob("../../fixtures/*.yaml")
	for _, f := range files {
		if r, _, probs := load.File(f); r != nil && probs.Err() == nil {
			reports[filepath.Base(f)] = r
		}
	}
	skipped := 0
	for name, r := range reports {
		for _, tp := range cat.List() {
			if !tp.Accepts(r.Period) || len(tp.Missing(r)) > 0 {
				continue
			}
			tmpl, err := tp.Compile()
			if err != nil {
				t.Fatal(err)
			}
			data := Prepare(tp, r)
			var dataPeriod *model.Period
			if data.Period != r.Period {
				p := r.Period
				dataPeriod = &p
			}
			rn := prose.NewRender()
			for level := range prose.Levels {
				md, err := render(tmpl, tp, data, level, dataPeriod, rn)
				if err != nil {
					t.Fatalf("%s %s level %d: %v", name, tp.ID, level, err)
				}
				same := rn.Same()
				for k := level + 1; k <= same; k++ {
					other, err := render(tmpl, tp, data, k, dataPeriod, nil)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(md, other) {
						t.Errorf("%s %s: level %d is said to write as level %d, but does not", name, tp.ID, k, level)
					}
					skipped++
				}
			}
			// And MarkdownWithin returns what the first level that fits
			// returns.
			profile, _ := layout.Of(tp.Layout)
			var want []byte
			for level := range prose.Levels {
				want, _ = render(tmpl, tp, data, level, dataPeriod, nil)
				if within(want, tp.Budget, profile) {
					break
				}
			}
			got, _, err := Markdown(tp, r)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s %s: Markdown differs from the first level that fits", name, tp.ID)
			}
		}
	}
	if skipped == 0 {
		t.Error("no level was found to write as another: the probe is not used")
	}
	t.Logf("%d renders of a level said to write as the one before", skipped)
}
