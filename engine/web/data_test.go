package web

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/internal/sample"
)

func dump(t *testing.T, r *model.Report) string {
	t.Helper()
	b, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDataRoundTrip: a report written as YAML or JSON by the web's data
// download reads back, by the CLI's loader, as the same report, and
// validates as it did.
func TestDataRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*.yaml")
	reports := map[string]*model.Report{"large": sample.Large(60)}
	for _, f := range files {
		r, _, probs := load.File(f)
		if r == nil || probs.Err() != nil {
			t.Fatalf("%s: %v", f, probs)
		}
		reports[filepath.Base(f)] = r
	}
	odd := sample.Liubeiqiao()
	odd.Activities[0].Content = "第一行\n第二行：“引号”、# 井号, comma"
	odd.Activities[1].Typical = true
	odd.Problems = append(odd.Problems, "- 看起来像列表的一句", "true")
	reports["odd"] = odd
	for name, r := range reports {
		for _, kind := range []string{"x.yaml", "x.json"} {
			data := encodeYAML(r, nil)
			if kind == "x.json" {
				data = encodeJSON(r)
			}
			got, src, probs := load.Bytes(kind, data)
			if got == nil || len(probs) > 0 {
				t.Fatalf("%s as %s does not load back:\n%v\n%s", name, kind, probs, data)
			}
			if dump(t, got) != dump(t, r) {
				t.Errorf("%s as %s reads back differently:\n%s", name, kind, data)
			}
			if name != "odd" && name != "large" {
				if v := validate.Report(got, src); v.Err() != nil {
					t.Errorf("%s as %s: %v", name, kind, v)
				}
			}
		}
	}
}
