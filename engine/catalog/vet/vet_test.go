package vet

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/funcs"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/templates"
	"golang.org/x/tools/txtar"
)

const caseManifest = "id: case\nname: 测试模板\nkind: 总结\ndoc_name: 工作总结\nspans: [H1, H2]\n"

// casePlace turns a case's files into a template place named "mine" with
// one template "case": report.md.tmpl, template.yaml (a default one when
// absent), partials/*.tmpl of its own and _partials/*.tmpl shared.
func casePlace(files []txtar.File) catalog.Place {
	fsys := fstest.MapFS{"case/template.yaml": {Data: []byte(caseManifest)}}
	for _, f := range files {
		switch {
		case strings.HasPrefix(f.Name, "_partials/"):
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		case f.Name == "report.md.tmpl", f.Name == "template.yaml", strings.HasPrefix(f.Name, "partials/"):
			fsys["case/"+f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return catalog.Place{Name: "mine", FS: fsys, Prefix: "mine"}
}

// TestStatic runs the corpus of broken templates in testdata/static: each
// case is a template (and its partials) with the problems the static check
// must report, one per line, exactly. `go test ./engine/catalog/vet -run
// TestStatic -update` rewrites the wants; review every line.
func TestStatic(t *testing.T) {
	cases, _ := filepath.Glob("testdata/static/*.txtar")
	if len(cases) < 12 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c, probs := catalog.New([]catalog.Place{casePlace(ar.Files)}, []string{"md", "pdf", "xlsx"})
			if len(probs) > 0 {
				t.Fatalf("catalog: %v", probs)
			}
			tm, err := c.Lookup("case")
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			for _, p := range Analyze(tm).Problems {
				got.WriteString(p.Error() + "\n")
			}
			golden.CheckTxtar(t, path, ar, "want", got.String())
		})
	}
}

// TestBuiltinsClean: the static check finds nothing in the built-in templates.
func TestBuiltinsClean(t *testing.T) {
	c, probs := catalog.New([]catalog.Place{{Name: catalog.Builtin, FS: templates.FS, Prefix: "templates"}}, []string{"md", "pdf", "docx", "xlsx"})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, tm := range c.List() {
		a := Analyze(tm)
		for _, p := range a.Problems {
			t.Errorf("%s", p.Error())
		}
		if len(a.Fields) < 5 {
			t.Errorf("%s: only %d fields found: %v", tm.ID, len(a.Fields), a.Fields)
		}
	}
}

// TestListArgsExist keeps the table of data filters in step with the data
// namespace.
func TestListArgsExist(t *testing.T) {
	for name := range listArgs {
		ns, fn, _ := strings.Cut(name, ".")
		found := false
		for _, n := range funcs.Namespaces() {
			found = found || n.Name == ns && slices.Contains(funcs.Methods(n), fn)
		}
		if !found {
			t.Errorf("listArgs names %s, which the %s namespace does not have", name, ns)
		}
	}
}
