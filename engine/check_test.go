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
)

type txtarFile struct{ name, data string }

// readTxtar splits a txtar file into its comment and "-- name --" sections.
func readTxtar(t testing.TB, path string) (string, []txtarFile) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var comment string
	var files []txtarFile
	for line := range strings.Lines(string(b)) {
		if name, ok := strings.CutPrefix(strings.TrimRight(line, "\n"), "-- "); ok && strings.HasSuffix(name, " --") {
			files = append(files, txtarFile{name: strings.TrimSuffix(name, " --")})
			continue
		}
		if len(files) == 0 {
			comment += line
		} else {
			files[len(files)-1].data += line
		}
	}
	return comment, files
}

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
			comment, files := readTxtar(t, path)
			dir := t.TempDir()
			write := func(name, data string) {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("mine/case/template.yaml", checkManifest)
			for _, f := range files {
				switch {
				case f.name == "want":
				case strings.HasPrefix(f.name, "_partials/"):
					write("mine/"+f.name, f.data)
				case strings.HasPrefix(f.name, "fixtures/"):
					write(f.name, f.data)
				case strings.HasPrefix(f.name, "case/"):
					write("mine/"+f.name, f.data)
				default:
					write("mine/case/"+f.name, f.data)
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
			if slices.ContainsFunc(files, func(f txtarFile) bool { return strings.HasPrefix(f.name, "fixtures/") }) {
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
			i := slices.IndexFunc(files, func(f txtarFile) bool { return f.name == "want" })
			if *update {
				if i < 0 {
					files = append(files, txtarFile{name: "want"})
					i = len(files) - 1
				}
				files[i].data = out
				var b strings.Builder
				b.WriteString(comment)
				for _, f := range files {
					b.WriteString("-- " + f.name + " --\n" + f.data)
				}
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if i < 0 {
				t.Fatal("no want section")
			}
			if out != files[i].data {
				t.Errorf("got:\n%swant:\n%s", out, files[i].data)
			}
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
