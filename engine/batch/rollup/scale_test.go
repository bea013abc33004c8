package rollup_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch/rollup"
	"github.com/huibao/huibao/engine/compose"
	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/unitgen"
)

// street rolls up n generated units (internal/unitgen: communities,
// enterprises and organs of a street, of very different sizes) and renders
// the street's half-year summary in the given formats.
func street(t *testing.T, n int, seed uint64, formats ...string) (*engine.Result, int) {
	return streetAs(t, "half-year-summary", n, seed, formats...)
}

func streetAs(t *testing.T, template string, n int, seed uint64, formats ...string) (*engine.Result, int) {
	t.Helper()
	var units []rollup.Unit
	acts := 0
	for _, r := range unitgen.Units(n, seed) {
		units = append(units, rollup.Unit{Report: r})
		acts += len(r.Activities)
	}
	parent := rollup.Parent{
		Org:    model.Org{Name: unitgen.Street, Type: "街道总工会", Parent: "顺庆区总工会", Party: "滨江街道党工委"},
		Report: model.ReportInfo{Date: model.Date{Year: 2024, Month: 7, Day: 12}},
	}
	r, probs := rollup.Compute(parent, units)
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	eng, _ := engine.New(engine.Options{})
	j, err := eng.Prepare(engine.Request{Report: r, Template: template, Formats: formats, Units: len(units)})
	if err != nil {
		t.Fatal(engine.Problems(err))
	}
	res, err := eng.Render(j)
	if err != nil {
		t.Fatalf("%v\n%v", err, engine.Problems(err))
	}
	return res, acts
}

// TestStreet40 is a street of 40 units and some 580 activities, rolled up:
// the report summarises every category (a summary sentence, its typical
// cases, the same activity of several units told once), reads clean to the
// prose lint and stays within the half-year summary's eight pages.
func TestStreet40(t *testing.T) {
	res, acts := street(t, 40, 2, "md")
	if acts < 550 {
		t.Fatalf("%d activities; the case is a street of some 600", acts)
	}
	md := res.Markdown
	if len(res.Lint) > 0 {
		t.Errorf("lint:\n%v", res.Lint)
	}
	if p := compose.Pages(md, layout.OfficialProfile()); p > 8 {
		t.Errorf("%d pages, over the budget of 8", p)
	}
	for _, want := range []string{"共组织开展活动" + strconv.Itoa(acts) + "次", "等", "先后"} {
		if !regexp.MustCompile(regexp.QuoteMeta(want)).Match(md) {
			t.Errorf("the roll-up lacks %q", want)
		}
	}
	golden.Check(t, "testdata/street-40.rollup.md", md)
}

// TestStreetScale rolls up HUIBAO_ROLLUP_UNITS generated units (1000 for the
// issue's measure) into PDF and reports its pages and the time taken. It is
// a measurement, run by hand:
//
//	HUIBAO_ROLLUP_UNITS=1000 go test ./engine/batch/rollup -run StreetScale -v
func TestStreetScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("HUIBAO_ROLLUP_UNITS"))
	if n == 0 {
		t.Skip("set HUIBAO_ROLLUP_UNITS=1000 to measure a large roll-up")
	}
	start := time.Now()
	res, acts := street(t, n, 1, "md", "pdf")
	took := time.Since(start)
	pdf := filepath.Join(t.TempDir(), "rollup.pdf")
	for _, o := range res.Outputs {
		if o.Format.Name == "pdf" {
			os.WriteFile(pdf, o.Data, 0o644)
		}
	}
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(out))[1]
	t.Logf("%d units, %d activities: %s pages (estimated %d), %d characters, roll-up and render %v; lint %d",
		n, acts, pages, compose.Pages(res.Markdown, layout.OfficialProfile()), compose.Chars(res.Markdown), took.Round(time.Millisecond), len(res.Lint))
	if p, _ := strconv.Atoi(pages); p > 30 {
		t.Errorf("%d pages, over 30", p)
	}
	// The same street as a briefing, read aloud: within 3,000 characters.
	start = time.Now()
	brief, _ := streetAs(t, "briefing", n, 1, "md")
	t.Logf("as a briefing: %d characters, %v; lint %d", compose.Chars(brief.Markdown), time.Since(start).Round(time.Millisecond), len(brief.Lint))
	if c := compose.Chars(brief.Markdown); c > 3000 {
		t.Errorf("briefing of %d characters, over 3000", c)
	}
}
