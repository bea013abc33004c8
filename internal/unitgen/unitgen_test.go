package unitgen_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/internal/unitgen"

	// No golden files here, but go test ./... -update passes the flag to
	// every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

// TestUnitsPrepare: every generated unit, in every file kind, passes the
// checks of the half-year summary; two runs with one seed give the same
// files.
func TestUnitsPrepare(t *testing.T) {
	dir := t.TempDir()
	paths, err := unitgen.Write(dir, unitgen.Options{N: 60, Seed: 7, XLSX: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	names := map[string]bool{}
	for _, p := range paths {
		kinds[filepath.Ext(p)]++
		j, err := eng.Prepare(engine.Request{Path: p})
		if err != nil {
			t.Fatalf("%s: %v\n%v", p, err, engine.Problems(err))
		}
		if names[j.Report.Org.Name] {
			t.Errorf("%s: name %s twice", p, j.Report.Org.Name)
		}
		names[j.Report.Org.Name] = true
	}
	if kinds[".yaml"] == 0 || kinds[".json"] == 0 || kinds[".xlsx"] == 0 {
		t.Errorf("file kinds %v, want all three", kinds)
	}
	again := t.TempDir()
	if _, err := unitgen.Write(again, unitgen.Options{N: 60, Seed: 7, XLSX: 0.1}); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		a, _ := os.ReadFile(p)
		b, _ := os.ReadFile(filepath.Join(again, filepath.Base(p)))
		if string(a) != string(b) {
			t.Errorf("%s differs between two runs with one seed", filepath.Base(p))
		}
	}
}

// TestUnitsVary: the units are not copies — sizes, activity counts and last
// year's figures differ.
func TestUnitsVary(t *testing.T) {
	units := unitgen.Units(200, 1)
	members, acts := map[int]bool{}, map[int]bool{}
	withPrev, types := 0, map[string]bool{}
	for _, r := range units {
		members[r.Membership.Members] = true
		acts[len(r.Activities)] = true
		types[r.Org.Type] = true
		if r.Membership.Previous != nil {
			withPrev++
		}
	}
	if len(members) < 100 || len(acts) < 15 || len(types) < 3 || withPrev < 60 || withPrev > 160 {
		t.Errorf("too uniform: %d member counts, %d activity counts, %d types, %d of 200 with last year", len(members), len(acts), len(types), withPrev)
	}
}
