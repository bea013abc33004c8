package engine_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/huibao/huibao/engine/compose"
	"github.com/huibao/huibao/engine/layout"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/office"
)

// fixtures returns the good fixtures, relative to this package.
func fixtures(t testing.TB) []string {
	yamls, _ := filepath.Glob("../fixtures/*.yaml")
	jsons, _ := filepath.Glob("../fixtures/*.json")
	all := append(yamls, jsons...)
	if len(all) < 6 {
		t.Fatalf("expected at least 6 fixtures, found %d", len(all))
	}
	return all
}

// TestGolden renders every fixture with every built-in template, and the
// authoring guide's example template in fixtures/templates, that accepts
// its data, and compares the Markdown with testdata/golden. Run
// `go test ./engine -update` to rewrite, then review the diff.
func TestGolden(t *testing.T) {
	eng, _ := engine.New(engine.Options{TemplateDirs: []string{"../fixtures/templates"}})
	if len(eng.CatalogProblems()) > 0 {
		t.Fatalf("templates have problems:\n%v", eng.CatalogProblems())
	}
	seen := map[string]bool{}
	rendered := 0
	var checked []string
	// The combinations the engine must refuse for their data: a summary of
	// a year written in its first week (issue 11, class 7).
	wantRefused := []string{"changsheng-plan-2025.annual-summary"}
	var refused []string
	for _, fx := range fixtures(t) {
		in, err := eng.Prepare(engine.Request{Path: fx, Check: engine.DataOnly})
		if err != nil {
			t.Errorf("%s: %v", fx, engine.Problems(err))
			continue
		}
		for _, tmpl := range eng.Templates() {
			if !tmpl.Accepts(in.Report.Period) || len(tmpl.Missing(in.Report)) > 0 {
				continue
			}
			name := strings.TrimSuffix(filepath.Base(fx), filepath.Ext(fx)) + "." + tmpl.ID + ".md"
			if filepath.Ext(fx) == ".json" {
				name = strings.TrimSuffix(name, ".md") + ".json.md"
			}
			if _, err := eng.Prepare(engine.Request{Report: in.Report, Source: in.Source, Template: tmpl.ID}); err != nil {
				if e, ok := err.(*engine.Error); ok && e.Kind == engine.InputError {
					refused = append(refused, strings.TrimSuffix(name, ".md"))
					continue
				}
			}
			seen[name] = true
			t.Run(name, func(t *testing.T) {
				res := render(t, eng, engine.Request{Report: in.Report, Source: in.Source, Template: tmpl.ID, Formats: []string{"md"}})
				if len(res.Lint) > 0 {
					t.Errorf("lint:\n%v", res.Lint)
				}
				if len(res.Outputs) != 1 {
					t.Fatalf("outputs: %d", len(res.Outputs))
				}
				got := res.Outputs[0].Data
				path := filepath.Join("testdata", "golden", name)
				golden.Check(t, path, got)
				checked = append(checked, path)
				rendered++
			})
		}
	}
	// A golden file no fixture produces any more is stale.
	files, _ := filepath.Glob("testdata/golden/*.md")
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			if golden.Update() {
				os.Remove(f)
				continue
			}
			t.Errorf("stale golden file %s (run go test ./engine -update)", f)
		}
	}
	if rendered == 0 {
		t.Error("no report rendered")
	}
	if !slices.Equal(refused, wantRefused) {
		t.Errorf("refused %v, want %v", refused, wantRefused)
	}
	structureCheck(t, checked)
}

// structureCheck runs the independent checker of ../shared/tools (vendored
// in testdata/tools) on generated reports, in one Python process.
func structureCheck(t *testing.T, paths []string) {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatalf("python3 is needed for the structure check (Debian package python3)")
	}
	const driver = `
import runpy, sys
bad = 0
for path in sys.argv[1:]:
    sys.argv = ["md-structure-check.py", path]
    try:
        runpy.run_path("testdata/tools/md-structure-check.py", run_name="__main__")
    except SystemExit as e:
        if e.code:
            print("^^^", path)
            bad = 1
sys.exit(bad)
`
	out, err := exec.Command("python3", append([]string{"-c", driver}, paths...)...).CombinedOutput()
	if err != nil {
		t.Errorf("md-structure-check:\n%s", out)
	}
}

// diff shows the first differing lines, enough to see what changed.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 6; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n- %s\n+ %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// TestSameInputSameOutput renders twice: the bytes must be identical.
func TestSameInputSameOutput(t *testing.T) {
	eng, _ := engine.New(engine.Options{})
	req := engine.Request{Path: "../fixtures/liubeiqiao-2024-h1.yaml", Template: "半年总结", Formats: []string{"md"}}
	a := render(t, eng, req).Outputs
	b := render(t, eng, req).Outputs
	if !bytes.Equal(a[0].Data, b[0].Data) {
		t.Error("two renders differ")
	}
	if a[0].Name != "柳背桥社区工会_2024年上半年_工作总结.md" {
		t.Errorf("file name %q", a[0].Name)
	}
}

// TestWriteAllAtomic: a failing write leaves nothing behind and keeps the
// files of an earlier run.
func TestWriteAllAtomic(t *testing.T) {
	dir := t.TempDir()
	md, _ := engine.LookupFormat("md")
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("old"), 0o644)
	// The second output's name is a directory, so its rename fails.
	os.Mkdir(filepath.Join(dir, "b.md"), 0o755)
	os.WriteFile(filepath.Join(dir, "b.md", "x"), []byte("x"), 0o644)
	_, err := engine.WriteAll(dir, []engine.Output{{Format: md, Name: "a.md", Data: []byte("new")}, {Format: md, Name: "b.md", Data: []byte("new")}})
	if err == nil {
		t.Fatal("expected an error")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(b) != "old" {
		t.Errorf("a.md was replaced although the run failed: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".huibao-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	written, err := engine.WriteAll(dir, []engine.Output{{Format: md, Name: "c.md", Data: []byte("c")}})
	if err != nil || len(written) != 1 {
		t.Fatalf("WriteAll: %v %v", written, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "c.md")); string(b) != "c" {
		t.Errorf("content %q", b)
	}
}

// TestWorkbookPeer: every fixture written as a filled 填报表 and read back
// gives the same report, byte for byte, as the YAML it came from.
func TestWorkbookPeer(t *testing.T) {
	eng, _ := engine.New(engine.Options{})
	dir := t.TempDir()
	for _, fx := range fixtures(t) {
		in, err := eng.Prepare(engine.Request{Path: fx, Formats: []string{"md"}})
		if engine.Kind(err) == engine.InputError && in != nil && in.Report.Report.Template == "" {
			continue // fixtures without a template of their own
		}
		if err != nil {
			t.Fatalf("%s: %v", fx, engine.Problems(err))
		}
		want := render(t, eng, engine.Request{Path: fx, Formats: []string{"md"}}).Outputs
		book, err := form.WriteForm(in.Report)
		if err != nil {
			t.Fatalf("%s: WriteForm: %v", fx, err)
		}
		path := filepath.Join(dir, filepath.Base(fx)+".xlsx")
		os.WriteFile(path, book, 0o644)
		in2, err := eng.Prepare(engine.Request{Path: path, Formats: []string{"md"}})
		if err != nil || len(in2.Warnings) > 0 {
			t.Errorf("%s as 填报表: %v %v", fx, err, in2.Warnings)
			continue
		}
		got := render(t, eng, engine.Request{Path: path, Formats: []string{"md"}}).Outputs
		if !bytes.Equal(got[0].Data, want[0].Data) {
			t.Errorf("%s: the 填报表 gives a different report:\n%s", fx, diff(string(want[0].Data), string(got[0].Data)))
		}
	}
}

// TestTemplateImages renders each built-in template from a representative
// fixture to PDF and, with -images DIR, writes page 1 as DIR/<id>.png for
// the README. Without the flag it still renders every PDF.
func TestTemplateImages(t *testing.T) {
	eng, _ := engine.New(engine.Options{})
	samples := map[string]string{
		"half-year-summary":  "../fixtures/liubeiqiao-2024-h1.yaml",
		"annual-summary":     "../fixtures/shixinlu-street-2024.yaml",
		"annual-plan":        "../fixtures/changsheng-plan-2025.yaml",
		"briefing":           "../fixtures/tongren-briefing-2024.yaml",
		"h1-summary-h2-plan": "../fixtures/zhangqi-town-2024-h1.yaml",
	}
	for _, tmpl := range eng.Templates() {
		fx, ok := samples[tmpl.ID]
		if !ok {
			t.Errorf("no sample fixture for built-in template %s", tmpl.ID)
			continue
		}
		outs := render(t, eng, engine.Request{Path: fx, Template: tmpl.ID, Formats: []string{"pdf"}}).Outputs
		if golden.Images() == "" {
			continue
		}
		pdf := filepath.Join(t.TempDir(), "x.pdf")
		os.WriteFile(pdf, outs[0].Data, 0o644)
		office.PagePNG(t, pdf, 1, 60, filepath.Join(golden.Images(), tmpl.ID+".png"))
	}
}

// TestPandocDOCX converts generated Markdown to DOCX with pandoc and reads
// it back: the heading levels, the tables, the title and every character of
// the text must survive, and no line break may have become a space.
func TestPandocDOCX(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Fatal("pandoc is needed (Debian package pandoc)")
	}
	eng, _ := engine.New(engine.Options{})
	for _, tc := range []struct {
		fixture, template string
		h1, h2, tables    int // at least, at least, exactly
		texts             []string
		title             string
	}{
		{"shixinlu-street-2024.yaml", "年度总结", 5, 0, 1, []string{"一、加强组织建设，夯实工会基础", "石新路街道总工会", "2025年1月10日"}, "石新路街道总工会2024年工作总结"},
		{"zhangqi-town-2024-h1.yaml", "上半年工作总结及下半年工作计划", 3, 5, 0, []string{"一、上半年工作回顾", "（一）加强组织建设，夯实工会基础", "掌起镇总工会", "2024年7月8日"}, "掌起镇总工会2024年上半年工作总结及下半年工作计划"},
	} {
		t.Run(tc.fixture, func(t *testing.T) {
			outs := render(t, eng, engine.Request{Path: "../fixtures/" + tc.fixture, Template: tc.template, Formats: []string{"md"}}).Outputs
			dir := t.TempDir()
			md := filepath.Join(dir, "r.md")
			docx := filepath.Join(dir, "r.docx")
			os.WriteFile(md, outs[0].Data, 0o644)
			if b, err := exec.Command("pandoc", md, "-o", docx).CombinedOutput(); err != nil {
				t.Fatalf("pandoc: %v\n%s", err, b)
			}
			count := func(args ...string) (h1, h2, tables int, text string) {
				out, err := exec.Command("pandoc", append(args, "-t", "json")...).Output()
				if err != nil {
					t.Fatalf("pandoc %v: %v", args, err)
				}
				var doc struct {
					Meta   map[string]any   `json:"meta"`
					Blocks []map[string]any `json:"blocks"`
				}
				if err := json.Unmarshal(out, &doc); err != nil {
					t.Fatal(err)
				}
				for _, b := range doc.Blocks {
					switch b["t"] {
					case "Header":
						switch b["c"].([]any)[0].(float64) {
						case 1:
							h1++
						case 2:
							h2++
						}
					case "Table":
						tables++
					}
				}
				plain, _ := exec.Command("pandoc", append(args, "-t", "plain", "--wrap=none")...).Output()
				return h1, h2, tables, string(plain)
			}
			mh1, mh2, mt, _ := count(md)
			dh1, dh2, dt, text := count(docx)
			if mh1 < tc.h1 || mh2 < tc.h2 || mt != tc.tables {
				t.Fatalf("Markdown as pandoc reads it: %d level-1, %d level-2 headings, %d tables", mh1, mh2, mt)
			}
			if dh1 != mh1 || dh2 != mh2 || dt != mt {
				t.Errorf("DOCX has %d/%d headings and %d tables, Markdown %d/%d and %d", dh1, dh2, dt, mh1, mh2, mt)
			}
			for _, want := range tc.texts {
				if !strings.Contains(text, want) {
					t.Errorf("DOCX text lacks %q", want)
				}
			}
			if regexp.MustCompile(`\p{Han} \p{Han}`).MatchString(text) {
				t.Errorf("a space between Chinese characters in the DOCX text (a line break became a space)")
			}
			meta, _ := exec.Command("pandoc", docx, "-s", "-t", "markdown").Output()
			if !strings.Contains(string(meta), tc.title) {
				t.Errorf("DOCX title lost:\n%.300s", meta)
			}
		})
	}
}

// render prepares and renders a request, failing the test on any error.
func render(t testing.TB, eng *engine.Engine, req engine.Request) *engine.Result {
	t.Helper()
	j, err := eng.Prepare(req)
	if err != nil {
		t.Fatalf("%v\n%v", err, engine.Problems(err))
	}
	res, err := eng.Render(j)
	if err != nil {
		t.Fatalf("%v\n%v", err, engine.Problems(err))
	}
	return res
}

// TestPagesEstimate: the page count the budgets are measured by
// (compose.Pages, made without fonts) is the PDF writer's on the largest
// reports of the fixtures.
func TestPagesEstimate(t *testing.T) {
	eng, _ := engine.New(engine.Options{})
	for _, tc := range []struct{ fixture, template string }{
		{"large-street-2024.yaml", "年度总结"},
		{"zhangqi-town-2024-h1.yaml", "上半年工作总结及下半年工作计划"},
	} {
		res := render(t, eng, engine.Request{Path: "../fixtures/" + tc.fixture, Template: tc.template, Formats: []string{"pdf"}})
		pdf := filepath.Join(t.TempDir(), "r.pdf")
		os.WriteFile(pdf, res.Outputs[0].Data, 0o644)
		got, _ := strconv.Atoi(office.Info(t, pdf)["Pages"])
		if est := compose.Pages(res.Markdown, layout.OfficialProfile()); est != got {
			t.Errorf("%s as %s: estimated %d pages, the PDF has %d", tc.fixture, tc.template, est, got)
		}
	}
}
