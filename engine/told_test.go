package engine_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// TestIndicatorsTold: every indicator a unit reports, with a figure other
// than 0, is in its summary or briefing — in the prose or in a table — for
// every fixture and built-in template. (Indicators without a category were
// once in no section and vanished without a word.)
func TestIndicatorsTold(t *testing.T) {
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, fx := range fixtures(t) {
		in, err := eng.Prepare(engine.Request{Path: fx, Check: engine.DataOnly})
		if err != nil {
			continue // TestGolden reports it
		}
		for _, tmpl := range eng.Templates() {
			if tmpl.Kind == model.KindPlan || !tmpl.Accepts(in.Report.Period) || len(tmpl.Missing(in.Report)) > 0 {
				continue
			}
			req := engine.Request{Report: in.Report, Source: in.Source, Template: tmpl.ID, Formats: []string{"md"}}
			if _, err := eng.Prepare(req); err != nil {
				continue // refused for its data (TestGolden lists which)
			}
			checked++
			res := render(t, eng, req)
			md := strings.ReplaceAll(string(res.Outputs[0].Data), ",", "")
			for _, ind := range in.Report.Indicators {
				if ind.Value.IsZero() {
					continue
				}
				figure, err := zh.Count(ind.Value, ind.Unit)
				if err != nil {
					figure = zh.Number(ind.Value) + ind.Unit
				}
				if !strings.Contains(md, figure) {
					t.Errorf("%s × %s: indicator %s (%s) is not in the report", filepath.Base(fx), tmpl.ID, ind.Name, figure)
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d reports checked", checked)
	}
}
