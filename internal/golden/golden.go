// Package golden holds the module's test flags and the golden-file check
// that goes with them.
//
// A test compares what it produced with a file under testdata (a golden
// file, a .want file, a want section of a txtar case, a generated document).
// With -update it rewrites that file from the output instead, so
//
//	go test ./... -update          # every golden file of the module
//	go test ./engine -update       # one package's
//	go test ./engine -run TestGolden -update
//
// and `git diff` shows what changed, to be reviewed line by line before
// committing. A file that is current is not written.
//
// -images DIR asks the tests that draw pages for the documentation to write
// them as PNG into DIR:
//
//	go test ./engine/... -run 'Pages|Images' -images "$PWD/docs/images"
//
// The flags are registered here, once, and every test package of the module
// imports this package, since `go test ./...` passes them to every test
// binary and a binary that does not know a flag fails.
package golden

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"golang.org/x/tools/txtar"
)

var (
	update = flag.Bool("update", false, "rewrite golden files, .want files and txtar want sections from the current output (review git diff before committing)")
	images = flag.String("images", "", "write the page images of the docs as PNG into this folder")
)

// Update reports whether the tests run with -update.
func Update() bool { return *update }

// Images is the folder given with -images, or "" when no images are wanted.
func Images() string { return *images }

// Check compares got with the file at path. Under -update it first writes
// got to path (creating its folder) when they differ. A difference fails the
// test with a unified diff and the command that rewrites the file; a missing
// file fails it at once. Check
// reports whether the file holds got, so that a caller that cannot go on
// can stop: if !golden.Check(t, path, got) { t.FailNow() }.
func Check(t testing.TB, path string, got []byte) bool {
	t.Helper()
	want, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	if err == nil && bytes.Equal(got, want) {
		return true
	}
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s", path)
		return true
	}
	if err != nil {
		t.Fatalf("%s does not exist (%s writes it; review it before committing)", path, rerun(t))
	}
	t.Errorf("%s differs from the output (%s rewrites it; review the diff):\n%s", path, rerun(t), diff.Diff(path, want, "output", got))
	return false
}

// CheckTxtar compares got with the section named section of the txtar case
// at path, whose files a holds as read. Under -update it sets the section
// (adding it at the end when missing) and writes the case back when it
// changed; without -update a missing section is fatal.
func CheckTxtar(t testing.TB, path string, a *txtar.Archive, section, got string) bool {
	t.Helper()
	i := -1
	for j, f := range a.Files {
		if f.Name == section {
			i = j
			break
		}
	}
	if i >= 0 && string(a.Files[i].Data) == got {
		return true
	}
	if Update() {
		if i < 0 {
			a.Files = append(a.Files, txtar.File{Name: section})
			i = len(a.Files) - 1
		}
		a.Files[i].Data = []byte(got)
		if err := os.WriteFile(path, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote the %s section of %s", section, path)
		return true
	}
	if i < 0 {
		t.Fatalf("%s has no %s section (%s writes it; review it before committing)", path, section, rerun(t))
	}
	t.Errorf("the %s section of %s differs from the output (%s rewrites it; review the diff):\n%s",
		section, path, rerun(t), diff.Diff(section, a.Files[i].Data, "output", []byte(got)))
	return false
}

// packageDir is the folder of the package under test: go test starts every
// test binary there, and this is read before any test can change directory
// (engine/validate's tests run from the module's root).
var packageDir, _ = os.Getwd()

// rerun is the command that rewrites the golden files of the running test,
// given from the module's root.
func rerun(t testing.TB) string {
	name, _, _ := strings.Cut(t.Name(), "/")
	pkg := "."
	for dir := packageDir; dir != ""; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if rel, err := filepath.Rel(dir, packageDir); err == nil && rel != "." {
				pkg = "./" + filepath.ToSlash(rel)
			}
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return "go test " + pkg + " -run '^" + name + "$' -update"
}
