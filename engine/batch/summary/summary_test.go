package summary

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/internal/office"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

const fixtures = "../../../fixtures/batch/shixinlu-2024-h1/"

// fixtureUnits loads the 石新路街道 communities and adds a unit that failed
// its checks, as the batch hands them over.
func fixtureUnits(t testing.TB) []Unit {
	t.Helper()
	var out []Unit
	for _, f := range []string{"baijiaxiang.yaml", "beihu.json", "liubeiqiao.yaml", "sichouchang.yaml", "youfangjie.yaml"} {
		r, _, probs := load.File(fixtures + f)
		if probs.Err() != nil {
			t.Fatal(probs)
		}
		out = append(out, Unit{Name: r.Org.Name, Report: r})
	}
	return append(out, Unit{Name: "新华社区工会", Note: "未通过检查，未计入合计"})
}

var opts = Options{Title: "石新路街道总工会2024年上半年各单位工作情况汇总表", Org: "石新路街道总工会", Date: model.Date{Year: 2024, Month: 7, Day: 12}}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cellAt(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// expected is what a column must hold for a report, computed here from the
// model independently of the package's column table.
func expected(r *model.Report, header string) (decimal.Decimal, bool) {
	name, unit, _ := strings.Cut(header, "\n（")
	unit = strings.TrimSuffix(unit, "）")
	switch name {
	case "在册会员":
		return decimal.NewFromInt(int64(r.Membership.Members)), true
	case "缴费会员":
		return decimal.NewFromInt(int64(r.Membership.DuesPaying)), true
	case "收缴会费":
		return r.Membership.DuesCollected, true
	case "新发展会员":
		return decimal.NewFromInt(int64(r.Membership.NewMembers)), true
	case "活动次数":
		return decimal.NewFromInt(int64(len(r.Activities))), true
	case "参加人次":
		n := 0
		for _, a := range r.Activities {
			n += a.Participants
		}
		return decimal.NewFromInt(int64(n)), true
	case "经费":
		sum := decimal.Zero
		for _, a := range r.Activities {
			sum = sum.Add(a.Cost)
		}
		return sum, true
	}
	for _, ind := range r.Indicators {
		if ind.Name == name && ind.Unit == unit {
			return ind.Value, true
		}
	}
	return decimal.Zero, false
}

// TestWorkbook reads the 汇总表 back: every unit's figures, every total a
// SUM over the units' rows whose value is the sum of the models' figures,
// the failed unit's row empty and remarked, and the sheet's set-up.
func TestWorkbook(t *testing.T) {
	units := fixtureUnits(t)
	data, err := Workbook(units, opts)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	if got := f.GetSheetList(); !slices.Equal(got, []string{Sheet}) {
		t.Fatalf("sheets %v", got)
	}
	if v, _ := f.GetCellValue(Sheet, "A1"); v != opts.Title {
		t.Errorf("title %q", v)
	}
	rows, _ := f.GetRows(Sheet, excelize.Options{RawCellValue: true})
	header := rows[1]
	wantFixed := []string{"序号", "单位", "在册会员\n（人）", "缴费会员\n（人）", "缴费率", "收缴会费\n（元）", "新发展会员\n（人）",
		"活动次数\n（次）", "参加人次\n（人次）", "经费\n（元）"}
	if !slices.Equal(header[:len(wantFixed)], wantFixed) || header[len(header)-1] != "备注" {
		t.Fatalf("header %q", header)
	}
	// Every indicator of every unit has a column, once.
	for _, u := range units[:5] {
		for _, ind := range u.Report.Indicators {
			if n := slices.Index(header, ind.Name+"\n（"+ind.Unit+"）"); n < 0 || slices.Index(header[n+1:], ind.Name+"\n（"+ind.Unit+"）") >= 0 {
				t.Errorf("indicator %s: column %d in %q", ind.Name, n, header)
			}
		}
	}
	first, last, total := 3, 3+len(units)-1, 3+len(units)
	if v, _ := f.GetCellValue(Sheet, cellAt(2, total)); v != "合计" {
		t.Fatalf("row %d is %q, not 合计", total, v)
	}
	for col := 3; col < len(header); col++ {
		h := header[col-1]
		sum, any := decimal.Zero, false
		for i, u := range units {
			row := first + i
			raw, _ := f.GetCellValue(Sheet, cellAt(col, row), excelize.Options{RawCellValue: true})
			if h == "缴费率" {
				formula, _ := f.GetCellFormula(Sheet, cellAt(col, row))
				if u.Report != nil && formula != fmt.Sprintf(`IF(C%d>0,D%d/C%d,"")`, row, row, row) {
					t.Errorf("%s: 缴费率 formula %q", u.Name, formula)
				}
				continue
			}
			if u.Report == nil {
				if raw != "" {
					t.Errorf("failed unit %s has %q under %q", u.Name, raw, h)
				}
				continue
			}
			want, ok := expected(u.Report, h)
			if !ok {
				if raw != "" {
					t.Errorf("%s: %q is %q, the unit has no such figure", u.Name, h, raw)
				}
				continue
			}
			got, err := decimal.NewFromString(raw)
			if err != nil || !got.Equal(want) {
				t.Errorf("%s: %q is %q, want %s", u.Name, h, raw, want)
			}
			sum, any = sum.Add(want), true
		}
		formula, _ := f.GetCellFormula(Sheet, cellAt(col, total))
		raw, _ := f.GetCellValue(Sheet, cellAt(col, total), excelize.Options{RawCellValue: true})
		colName, _ := excelize.ColumnNumberToName(col)
		if h == "缴费率" {
			if formula != fmt.Sprintf(`IF(C%d>0,D%d/C%d,"")`, total, total, total) {
				t.Errorf("total 缴费率 formula %q", formula)
			}
			members, paying := 0, 0
			for _, u := range units[:5] {
				members += u.Report.Membership.Members
				paying += u.Report.Membership.DuesPaying
			}
			if got, _ := strconv.ParseFloat(raw, 64); fmt.Sprintf("%.6f", got) != fmt.Sprintf("%.6f", float64(paying)/float64(members)) {
				t.Errorf("total 缴费率 %s, want %d/%d", raw, paying, members)
			}
			continue
		}
		if !any {
			t.Errorf("column %q has no figure", h)
		}
		if want := fmt.Sprintf("SUM(%s%d:%s%d)", colName, first, colName, last); formula != want {
			t.Errorf("total of %q: formula %q, want %q", h, formula, want)
		}
		if got, err := decimal.NewFromString(raw); err != nil || !got.Equal(sum) {
			t.Errorf("total of %q: %q, want %s", h, raw, sum)
		}
	}
	if v, _ := f.GetCellValue(Sheet, cellAt(len(header), last)); v != "未通过检查，未计入合计" {
		t.Errorf("remark of the failed unit: %q", v)
	}
	notes := rows[total]
	if len(notes) == 0 || !strings.HasPrefix(notes[0], "注：") || !strings.Contains(rows[total+1][0], "新华社区工会的数据未通过检查，没有计入合计") {
		t.Errorf("notes: %q", rows[total:])
	}

	panes, _ := f.GetPanes(Sheet)
	if !panes.Freeze || panes.XSplit != 2 || panes.YSplit != 2 {
		t.Errorf("panes %+v: want 序号, 单位 and the header frozen", panes)
	}
	layout, _ := f.GetPageLayout(Sheet)
	if *layout.Size != 9 || *layout.Orientation != "landscape" {
		t.Errorf("page layout %+v: want A4 landscape", layout)
	}
	// The table is too wide for one page: 序号 and 单位 repeat on every page.
	names := f.GetDefinedName()
	if !slices.ContainsFunc(names, func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm.Print_Titles" && d.RefersTo == "'汇总表'!$A:$B,'汇总表'!$1:$2"
	}) {
		t.Errorf("print titles: %+v", names)
	}
	// Columns are wide enough for the unit names.
	w, _ := f.GetColWidth(Sheet, "B")
	if w < 16 {
		t.Errorf("单位 column %.1f wide, too narrow for 柳背桥社区工会", w)
	}
}

// TestNarrow: a table that fits one page is printed one page wide.
func TestNarrow(t *testing.T) {
	units := fixtureUnits(t)[:2]
	for i := range units {
		r := *units[i].Report
		r.Indicators = nil
		units[i].Report = &r
	}
	f := open(t, must(Workbook(units, opts)))
	layout, _ := f.GetPageLayout(Sheet)
	if layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("FitToWidth %v, want 1", layout.FitToWidth)
	}
	props, _ := f.GetSheetProps(Sheet)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("FitToPage not set")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestReproducible(t *testing.T) {
	units := fixtureUnits(t)
	a, b := must(Workbook(units, opts)), must(Workbook(units, opts))
	if !bytes.Equal(a, b) {
		t.Error("the same units gave different bytes")
	}
}

// TestRecalculated proves the formulas compute: the workbook is written
// without the values huibao computes, LibreOffice recalculates it into CSV,
// and the 合计 row must equal the sums of the models' figures.
func TestRecalculated(t *testing.T) {
	dir := t.TempDir()
	o, err := office.New(dir)
	if err != nil {
		t.Fatal(err) // LibreOffice is installed by .ci/setup; the check must not pass unseen
	}
	units := fixtureUnits(t)
	bare := filepath.Join(dir, "summary.xlsx")
	if err := os.WriteFile(bare, must(Workbook(units, Options{Title: opts.Title, Org: opts.Org, Date: opts.Date, noCache: true})), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(o.RecalcCSV(t, bare))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, total := rows[1], rows[2+len(units)]
	if total[1] != "合计" {
		t.Fatalf("total row %q", total)
	}
	checked := 0
	for col, h := range header {
		if col < 2 || h == "备注" {
			continue
		}
		want := decimal.Zero
		if h == "缴费率" {
			members, paying := 0, 0
			for _, u := range units[:5] {
				members += u.Report.Membership.Members
				paying += u.Report.Membership.DuesPaying
			}
			want = decimal.NewFromInt(int64(paying * 1000)).Div(decimal.NewFromInt(int64(members))).Round(0).Div(decimal.NewFromInt(10))
			if total[col] != want.StringFixed(1)+"%" {
				t.Errorf("缴费率 computes to %q, want %s%%", total[col], want.StringFixed(1))
			}
			checked++
			continue
		}
		for _, u := range units[:5] {
			v, _ := expected(u.Report, h)
			want = want.Add(v)
		}
		got, err := decimal.NewFromString(total[col])
		if err != nil || !got.Equal(want) {
			t.Errorf("%q computes to %q, want %s", h, total[col], want)
		}
		checked++
	}
	if checked < 20 {
		t.Errorf("only %d totals checked", checked)
	}
}
