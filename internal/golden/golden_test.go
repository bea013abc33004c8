package golden

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// recorder is a testing.TB that keeps what a check reports.
type recorder struct {
	testing.TB
	failed bool
	msgs   []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Name() string              { return "TestX/case" }
func (r *recorder) Logf(f string, a ...any)   { r.msgs = append(r.msgs, fmt.Sprintf(f, a...)) }
func (r *recorder) Errorf(f string, a ...any) { r.failed = true; r.Logf(f, a...) }
func (r *recorder) Fatalf(f string, a ...any) { r.Errorf(f, a...); panic(r) }
func (r *recorder) Fatal(a ...any)            { r.Errorf("%s", fmt.Sprint(a...)); panic(r) }

// withUpdate runs f with -update set to on, whatever the command line said.
func withUpdate(t *testing.T, on bool, f func()) {
	t.Helper()
	was := *update
	*update = on
	defer func() { *update = was }()
	f()
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "testdata", "x.golden")
	withUpdate(t, false, func() {
		r := &recorder{TB: t}
		func() {
			defer func() { recover() }()
			Check(r, path, []byte("a\n"))
		}()
		if !r.failed || !strings.Contains(r.msgs[0], "does not exist") {
			t.Errorf("missing file: %v", r.msgs)
		}
	})
	withUpdate(t, true, func() {
		r := &recorder{TB: t}
		if !Check(r, path, []byte("a\nb\nc\n")) || r.failed {
			t.Errorf("-update: %v", r.msgs)
		}
	})
	if b, _ := os.ReadFile(path); string(b) != "a\nb\nc\n" {
		t.Fatalf("-update wrote %q", b)
	}
	withUpdate(t, false, func() {
		r := &recorder{TB: t}
		if !Check(r, path, []byte("a\nb\nc\n")) || r.failed {
			t.Errorf("same output: %v", r.msgs)
		}
		r = &recorder{TB: t}
		if Check(r, path, []byte("a\nB\nc\n")) || !r.failed {
			t.Fatalf("different output passed: %v", r.msgs)
		}
		for _, want := range []string{"-b\n", "+B\n", "go test ./internal/golden -run '^TestX$' -update"} {
			if !strings.Contains(r.msgs[0], want) {
				t.Errorf("message lacks %q:\n%s", want, r.msgs[0])
			}
		}
	})
}

func TestCheckTxtar(t *testing.T) {
	path := filepath.Join(t.TempDir(), "case.txtar")
	src := "comment\n-- report.md.tmpl --\n{{ .X }}\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	withUpdate(t, false, func() {
		r := &recorder{TB: t}
		func() {
			defer func() { recover() }()
			CheckTxtar(r, path, a, "want", "p\n")
		}()
		if !r.failed || !strings.Contains(r.msgs[0], "has no want section") {
			t.Errorf("missing section: %v", r.msgs)
		}
	})
	withUpdate(t, true, func() {
		if r := (&recorder{TB: t}); !CheckTxtar(r, path, a, "want", "p\n") || r.failed {
			t.Errorf("-update: %v", r.msgs)
		}
	})
	if b, _ := os.ReadFile(path); string(b) != src+"-- want --\np\n" {
		t.Fatalf("-update wrote %q", b)
	}
	withUpdate(t, false, func() {
		a, _ := txtar.ParseFile(path)
		if r := (&recorder{TB: t}); !CheckTxtar(r, path, a, "want", "p\n") || r.failed {
			t.Errorf("same output: %v", r.msgs)
		}
		r := &recorder{TB: t}
		if CheckTxtar(r, path, a, "want", "q\n") || !r.failed || !strings.Contains(r.msgs[0], "+q\n") {
			t.Errorf("different output: %v", r.msgs)
		}
	})
}

// TestEveryTestPackageTakesTheFlags: `go test ./... -update` passes -update
// to every test binary of the module, and one that does not link this
// package fails with "flag provided but not defined".
func TestEveryTestPackageTakesTheFlags(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	const self = "github.com/huibao/huibao/internal/golden"
	out, err := exec.Command("go", "list", "-test", "-deps", "-f", "{{.ImportPath}}\t{{join .Deps \" \"}}", "github.com/huibao/huibao/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	binaries := 0
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, deps, _ := strings.Cut(l, "\t")
		if !strings.HasSuffix(pkg, ".test") || pkg == self+".test" {
			continue
		}
		binaries++
		if !slices.Contains(strings.Fields(deps), self) {
			t.Errorf("the test binary of %s does not link %s, so go test ./... -update fails there: import it in one of its test files", strings.TrimSuffix(pkg, ".test"), self)
		}
	}
	if binaries < 10 {
		t.Fatalf("only %d test binaries found", binaries)
	}
}

// TestNotInTheProgram: the test support under internal/ is linked into no
// program; huibao's packages import it from their tests only.
func TestNotInTheProgram(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/huibao/huibao/cmd/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/huibao/huibao/internal/") {
			t.Errorf("the program links %s, which is test support", pkg)
		}
	}
}
