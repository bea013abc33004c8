package form_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/validate"
	"github.com/xuri/excelize/v2"
)

// street loads the 石新路街道 communities, with what a 多单位填报表 has
// them share: 上级工会, period and template.
func street(t *testing.T) []*model.Report {
	t.Helper()
	files, _ := filepath.Glob("../../fixtures/batch/shixinlu-2024-h1/*.*")
	var out []*model.Report
	for _, f := range files {
		if filepath.Base(f) == "batch.yaml" {
			continue
		}
		r, _, probs := load.File(f)
		if probs.Err() != nil {
			t.Fatal(probs)
		}
		out = append(out, r)
	}
	if len(out) != 5 {
		t.Fatalf("%d communities in the fixture", len(out))
	}
	return out
}

// editUnits writes the 多单位填报表 of reports and lets fn change it.
func editUnits(t *testing.T, reports []*model.Report, fn func(f *excelize.File)) []byte {
	t.Helper()
	data, err := form.WriteUnits(reports)
	must(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	fn(f)
	buf, err := f.WriteToBuffer()
	must(t, err)
	return buf.Bytes()
}

// TestUnitsRoundTrip: a street's communities written into one 多单位填报表
// read back as the same reports, each unit's cells in its own source map.
func TestUnitsRoundTrip(t *testing.T) {
	reports := street(t)
	data, err := form.WriteUnits(reports)
	must(t, err)
	units, probs, multi := form.ReadUnits("街道.xlsx", data)
	if !multi || len(probs) > 0 {
		t.Fatalf("multi %v, problems:\n%v", multi, probs)
	}
	if len(units) != len(reports) {
		t.Fatalf("%d units, want %d", len(units), len(reports))
	}
	for i, u := range units {
		if len(u.Problems) > 0 {
			t.Errorf("%s: %v", u.Report.Org.Name, u.Problems)
		}
		sameReport(t, reports[i], u.Report)
		// Each unit's first activity is on its own row of 活动.
		if p := u.Source.Pos("activities[1].title"); p.Sheet != "活动" || p.File != "街道.xlsx" {
			t.Errorf("%s: activities[1].title at %s", u.Report.Org.Name, p)
		}
		if p := u.Source.Pos("membership.members"); p.Sheet != "多单位" || p.Cell != "F"+string(rune('3'+i)) {
			t.Errorf("%s: membership.members at %s", u.Report.Org.Name, p)
		}
		if p := u.Source.Pos("period.span"); p.Sheet != "基本信息" {
			t.Errorf("%s: period.span at %s, want the shared 基本信息", u.Report.Org.Name, p)
		}
	}
	// A 填报表 of one unit is not a workbook of several.
	one, err := form.WriteForm(reports[0])
	must(t, err)
	if _, _, multi := form.ReadUnits("x.xlsx", one); multi {
		t.Error("a 填报表 of one unit read as several")
	}
}

// TestUnitsProblems: a row of a table that names no unit of 多单位 is the
// workbook's error, with the name it was probably meant to be; a unit named
// twice too; a cell's problem is the unit's whose row it is on, at its own
// field path; validation finds each unit's cells.
func TestUnitsProblems(t *testing.T) {
	reports := street(t)
	data := editUnits(t, reports, func(f *excelize.File) {
		rows, _ := f.GetRows("活动")
		// The third community's first activity: a word for a number.
		third := reports[2].Org.Name
		for i, r := range rows[2:] {
			if len(r) > 0 && r[0] == third {
				i += 2
				must(t, f.SetCellStr("活动", cellName(7, i+1), "二十"))
				break
			}
		}
		must(t, f.SetCellStr("活动", "A5", strings.Replace(rows[4][0], "社区工会", "社区", 1)))
		rows, _ = f.GetRows("多单位")
		must(t, f.SetCellStr("多单位", "A8", rows[2][0])) // the first unit again
		must(t, f.SetCellInt("多单位", "F8", 10))
		must(t, f.SetCellInt("多单位", "G4", 9999)) // dues payers beyond members
	})
	units, probs, multi := form.ReadUnits("街道.xlsx", data)
	if !multi {
		t.Fatal("not read as several units")
	}
	got := messages(probs)
	for _, want := range []string{
		"街道.xlsx:活动!A5: “" + strings.Replace(reports[0].Org.Name, "社区工会", "社区", 1) + "”不是“多单位”表里的单位。是不是“" + reports[0].Org.Name + "”？",
		"街道.xlsx:多单位!A8: 字段 org.name：单位“" + reports[0].Org.Name + "”出现了两次（另一行是第3行）。",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("workbook problems lack %q:\n%s", want, got)
		}
	}
	if len(units) != 5 {
		t.Fatalf("%d units", len(units))
	}
	third := units[2]
	if m := messages(third.Problems); !strings.Contains(m, "字段 activities[1].participants：“二十”不是数字") || !strings.HasPrefix(m, "街道.xlsx:活动!G") {
		t.Errorf("the third unit's problems:\n%s", m)
	}
	for i, u := range units {
		if i != 2 && len(u.Problems) > 0 {
			t.Errorf("unit %d has problems of another's cells:\n%v", i+1, u.Problems)
		}
	}
	second := units[1]
	vp := validate.Report(second.Report, second.Source)
	if !slices.ContainsFunc(vp, func(p *diag.Problem) bool { return p.Pos.String() == "街道.xlsx:多单位!G4" }) {
		t.Errorf("validation of the second unit:\n%v", vp)
	}
}
