package engine_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/internal/golden"
	"golang.org/x/tools/txtar"
)

const checkManifest = "id: case\nname: 测试模板\nkind: 总结\ndoc_name: 工作总结\nspans: [H1]\nrequires: [activities|indicators]\n"

// TestCheckCorpus runs engine/catalog/testdata/check: each case is a
// template (report.md.tmpl, template.yaml, partials/, _partials/, files of
// its folder under case/) and sample inputs (fixtures/), with every problem
// templates check must report, exactly, file names relative to the case.
// `go test ./engine -run TestCheckCorpus -update` rewrites the wants.
func TestCheckCorpus(t *testing.T) {
	cases, _ := filepath.Glob("catalog/testdata/check/*.txtar")
	if len(cases) < 5 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			write := func(name, data string) {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("mine/case/template.yaml", checkManifest)
			for _, f := range ar.Files {
				switch data := string(f.Data); {
				case f.Name == "want":
				case strings.HasPrefix(f.Name, "_partials/"):
					write("mine/"+f.Name, data)
				case strings.HasPrefix(f.Name, "fixtures/"):
					write(f.Name, data)
				case strings.HasPrefix(f.Name, "case/"):
					write("mine/"+f.Name, data)
				default:
					write("mine/case/"+f.Name, data)
				}
			}
			eng, err := engine.New(engine.Options{TemplateDirs: []string{filepath.Join(dir, "mine")}})
			if err != nil {
				t.Fatal(err)
			}
			if len(eng.CatalogProblems()) > 0 {
				t.Fatalf("catalog: %v", eng.CatalogProblems())
			}
			tm, err := eng.LookupTemplate("case")
			if err != nil {
				t.Fatal(err)
			}
			fx := ""
			if slices.ContainsFunc(ar.Files, func(f txtar.File) bool { return strings.HasPrefix(f.Name, "fixtures/") }) {
				fx = filepath.Join(dir, "fixtures")
			}
			res := eng.CheckTemplates([]*catalog.Template{tm}, engine.CheckOptions{Fixtures: fx})
			var got strings.Builder
			for _, n := range res.Notes {
				got.WriteString("note: " + n + "\n")
			}
			for _, p := range res.Templates[0].Problems {
				got.WriteString(p.Error() + "\n")
			}
			out := strings.ReplaceAll(got.String(), filepath.ToSlash(dir)+"/", "")
			golden.CheckTxtar(t, path, ar, "want", out)
		})
	}
}

// TestMinimalInputsValidate: the minimal inputs are real inputs — they pass
// validation and the rules of the template's kind — and meet its requires.
func TestMinimalInputsValidate(t *testing.T) {
	eng, _ := engine.New(engine.Options{})
	for _, tm := range eng.Templates() {
		ins := engine.MinimalInputs(tm)
		if len(ins) < len(tm.Spans) {
			t.Errorf("%s: %d minimal inputs for spans %v", tm.ID, len(ins), tm.Spans)
		}
		for _, in := range ins {
			probs := append(validate.Report(in.Report, nil), validate.ForKind(in.Report, nil, tm.Kind)...)
			if len(probs) > 0 {
				t.Errorf("%s %s: %v", tm.ID, in.Name, probs)
			}
			if !tm.Accepts(in.Report.Period) || len(tm.Missing(in.Report)) > 0 {
				t.Errorf("%s does not take its own minimal input %s", tm.ID, in.Name)
			}
		}
	}
}

// TestBuiltinsPassCheck: every built-in template passes templates check
// with every fixture it accepts and its minimal inputs.
func TestBuiltinsPassCheck(t *testing.T) {
	eng, _ := engine.New(engine.Options{})
	res := eng.CheckTemplates(eng.Templates(), engine.CheckOptions{Fixtures: "../fixtures"})
	if len(res.Notes) > 0 {
		t.Errorf("notes: %v", res.Notes)
	}
	for _, tc := range res.Templates {
		for _, p := range tc.Problems {
			t.Errorf("%s", p.Error())
		}
		if len(tc.Inputs) < 2 {
			t.Errorf("%s: rendered with only %v", tc.Template.ID, tc.Inputs)
		}
	}
}
