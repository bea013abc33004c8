package validate_test

// The fixture corpus: realistic inputs under fixtures/ must load and validate
// without a single problem, encoded copies under fixtures/encoding/ must load
// with exactly the warning their .want file holds, and every broken input
// under fixtures/bad/ must produce exactly the problems its .want file holds,
// one per line, as `huibao validate` prints them. Run
//
//	go test ./engine/validate -run Fixtures -update
//
// to rewrite the .want files, then review every changed line before
// committing: the .want files are the specification of the messages.

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/internal/golden"
)

// schemaLine is the first line of every YAML fixture, so that editors with the
// YAML language server check the file against the input schema while a cadre
// (or a test author) types.
const schemaLine = "# yaml-language-server: $schema=../engine/model/input.schema.json"

// toRoot makes the repository root the working directory for the test, so
// that file names in problems read as the CLI prints them when run from the
// root: fixtures/bad/x.yaml:3:5: ….
func toRoot(t *testing.T) {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("repository root (go.mod) not found above the test directory")
		}
		dir = up
	}
	t.Chdir(dir)
}

// check loads and validates one input the way `huibao validate` does:
// load problems and validation problems in one sorted list; validation runs
// only when the loader produced a report.
func check(path string) (*model.Report, diag.List) {
	eng, err := engine.New(engine.Options{})
	if err != nil {
		panic(err)
	}
	j, err := eng.Prepare(engine.Request{Path: path, Check: engine.ForValidate})
	var r *model.Report
	if j != nil {
		r = j.Report
	}
	if err == nil {
		return r, j.Warnings
	}
	var e *engine.Error
	if !errors.As(err, &e) || e.Kind == engine.UsageError {
		panic(err) // every template a fixture names is built in
	}
	probs := e.Problems
	if e.Msg != "" {
		probs = append(probs, &diag.Problem{Pos: diag.Pos{File: path}, Msg: e.Msg})
	}
	return r, probs
}

// render gives problems one per line, as the CLI prints them to stderr.
func render(l diag.List) string {
	var b strings.Builder
	for _, p := range l {
		b.WriteString(p.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

// glob lists files matching the patterns, with forward slashes, sorted.
func glob(t *testing.T, patterns ...string) []string {
	t.Helper()
	var out []string
	for _, pat := range patterns {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			out = append(out, filepath.ToSlash(f))
		}
	}
	slices.Sort(out)
	return out
}

// stem is a file name without its last extension: fixtures/bad/x.yaml → fixtures/bad/x.
func stem(path string) string { return strings.TrimSuffix(path, filepath.Ext(path)) }

func TestFixturesGood(t *testing.T) {
	toRoot(t)
	files := glob(t, "fixtures/*.yaml", "fixtures/*.yml", "fixtures/*.json")
	if len(files) < 8 {
		t.Fatalf("only %d fixtures in fixtures/: the corpus is incomplete", len(files))
	}
	loaded := map[string]*model.Report{}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r, probs := check(f)
			if len(probs) > 0 {
				t.Errorf("a good fixture must have no problems, not even warnings:\n%s", render(probs))
			}
			if r == nil {
				return
			}
			loaded[f] = r
			if strings.HasSuffix(f, ".json") {
				return
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(data), "\n")
			if strings.TrimSpace(first) != schemaLine {
				t.Errorf("first line is %q, want %q", first, schemaLine)
			}
		})
	}
	// A JSON fixture with a YAML twin must read as the same report: JSON is
	// the same contract in another syntax.
	for _, f := range files {
		if !strings.HasSuffix(f, ".json") {
			continue
		}
		twin := stem(f) + ".yaml"
		if loaded[f] == nil || loaded[twin] == nil {
			continue
		}
		if !reflect.DeepEqual(loaded[f], loaded[twin]) {
			t.Errorf("%s and %s should hold the same report", f, twin)
		}
	}
}

// TestFixturesLarge keeps the benchmark fixture as big as the PDF and XLSX
// benchmarks need: a whole street's year.
func TestFixturesLarge(t *testing.T) {
	toRoot(t)
	const f = "fixtures/large-street-2024.yaml"
	r, probs := check(f)
	if r == nil {
		t.Fatalf("%s did not load:\n%s", f, render(probs))
	}
	if n := len(r.Activities); n < 120 {
		t.Errorf("%s has %d activities, want ≥ 120", f, n)
	}
	if n := len(r.Indicators); n < 25 {
		t.Errorf("%s has %d indicators, want ≥ 25", f, n)
	}
	for _, c := range model.Categories() {
		if !slices.ContainsFunc(r.Activities, func(a model.Activity) bool { return a.Category == c }) {
			t.Errorf("%s has no activity in category %s", f, c)
		}
	}
	titles := map[string]bool{}
	for _, a := range r.Activities {
		titles[a.Title] = true
	}
	if len(titles) < len(r.Activities)*3/4 {
		t.Errorf("%s: only %d distinct titles among %d activities; vary them", f, len(titles), len(r.Activities))
	}
}

// TestFixturesEncoding loads the re-encoded copies in fixtures/encoding: each
// must load without error, give exactly the problems of its .want file (the
// GBK warning, or nothing), and read as the same report as its UTF-8
// original fixtures/<base>.yaml, where <base>.<encoding>.yaml names the copy.
func TestFixturesEncoding(t *testing.T) {
	toRoot(t)
	inputs, wants := corpus(t, "fixtures/encoding")
	if len(inputs) == 0 {
		t.Fatal("no fixtures in fixtures/encoding")
	}
	for _, f := range inputs {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r, probs := check(f)
			if errs := probs.Errors(); len(errs) > 0 {
				t.Errorf("an encoded copy must load without error:\n%s", render(errs))
			}
			compareWant(t, f, render(probs), wants)
			base := strings.TrimSuffix(stem(f), filepath.Ext(stem(f)))
			orig := "fixtures/" + filepath.Base(base) + filepath.Ext(f)
			want, _, _ := load.File(orig)
			if want == nil {
				t.Fatalf("original %s of the encoded copy does not load", orig)
			}
			if !reflect.DeepEqual(r, want) {
				t.Errorf("%s does not read as the same report as %s", f, orig)
			}
		})
	}
	stale(t, inputs, wants)
}

// pending lists bad inputs whose .want file is written by hand, because the
// loader or validator does not yet report the mistake. They are skipped, with
// the reason, until the engine produces exactly the .want text; then the test
// fails to say the entry can go. -update never rewrites their .want files.
var pending = map[string]string{}

// TestFixturesBad runs the corpus of broken inputs: each must give at least
// one error, and exactly the problems of its .want file.
func TestFixturesBad(t *testing.T) {
	toRoot(t)
	inputs, wants := corpus(t, "fixtures/bad")
	if len(inputs) < 25 {
		t.Errorf("only %d inputs in fixtures/bad: the corpus is incomplete", len(inputs))
	}
	for _, f := range inputs {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, probs := check(f)
			got := render(probs)
			if reason, ok := pending[f]; ok {
				want, err := os.ReadFile(stem(f) + ".want")
				if err != nil {
					t.Fatal(err)
				}
				if got == string(want) {
					t.Fatalf("%s now gives exactly its .want; remove it from pending", f)
				}
				t.Skipf("pending: %s\n--- got\n%s--- want\n%s", reason, got, want)
			}
			if len(probs.Errors()) == 0 {
				t.Errorf("a bad fixture must give at least one error; got:\n%s", got)
			}
			compareWant(t, f, got, wants)
		})
	}
	stale(t, inputs, wants)
	for f := range pending {
		if !slices.Contains(inputs, f) {
			t.Errorf("pending names %s, which is not in fixtures/bad", f)
		}
	}
}

// corpus splits the files of dir into inputs and their .want files, keyed by
// stem. Two inputs may not share a stem, since they would share a .want.
func corpus(t *testing.T, dir string) (inputs []string, wants map[string]string) {
	t.Helper()
	wants = map[string]string{}
	stems := map[string]string{}
	for _, f := range glob(t, dir+"/*") {
		if info, err := os.Stat(f); err != nil || info.IsDir() {
			continue
		}
		if strings.HasSuffix(f, ".want") {
			wants[stem(f)] = f
			continue
		}
		if other, dup := stems[stem(f)]; dup {
			t.Errorf("%s and %s share the stem %s and would share one .want file; rename one", other, f, stem(f))
		}
		stems[stem(f)] = f
		inputs = append(inputs, f)
	}
	return inputs, wants
}

// compareWant checks got against the .want file of input f, or rewrites it
// under -update.
func compareWant(t *testing.T, f, got string, wants map[string]string) {
	t.Helper()
	golden.Check(t, stem(f)+".want", []byte(got))
}

// stale fails for .want files whose input is gone.
func stale(t *testing.T, inputs []string, wants map[string]string) {
	t.Helper()
	have := map[string]bool{}
	for _, f := range inputs {
		have[stem(f)] = true
	}
	for _, s := range slices.Sorted(maps.Keys(wants)) {
		if !have[s] {
			t.Errorf("%s has no input file next to it; delete it or restore its input", wants[s])
		}
	}
}

// BenchmarkLoadValidateLarge measures reading and checking a whole street's year.
func BenchmarkLoadValidateLarge(b *testing.B) {
	dir, _ := os.Getwd()
	f := filepath.Join(dir, "..", "..", "fixtures", "large-street-2024.yaml")
	for b.Loop() {
		r, src, probs := load.File(f)
		if r == nil || probs.Err() != nil {
			b.Fatal(probs)
		}
		validate.Report(r, src)
	}
}
