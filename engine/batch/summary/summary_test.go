package summary

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/internal/office"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	"github.com/huibao/huibao/internal/golden"
)

const fixtures = "../../../fixtures/batch/shixinlu-2024-h1/"

// fixtureUnits loads the 石新路街道 communities, as the batch hands them
// over, and adds a unit that failed its checks.
func fixtureUnits(t testing.TB) []Unit {
	t.Helper()
	var out []Unit
	for _, f := range []string{"baijiaxiang.yaml", "beihu.json", "liubeiqiao.yaml", "sichouchang.yaml", "youfangjie.yaml"} {
		r, src, probs := load.File(fixtures + f)
		if probs.Err() != nil {
			t.Fatal(probs)
		}
		out = append(out, Unit{Name: r.Org.Name, Report: r, Given: src.Has})
	}
	return append(out, Unit{Name: "新华社区工会", Note: "输入有3处错误，见xinhua.yaml"})
}

var opts = Options{Title: "石新路街道总工会2024年上半年各单位工作情况汇总表", Org: "石新路街道总工会", Date: model.Date{Year: 2024, Month: 7, Day: 12}}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// headers names each column of a sheet by its two header rows: 在册会员（人）·本期.
func headers(t *testing.T, f *excelize.File, sheet string) []string {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	var out []string
	group := ""
	at := func(row []string, c int) string {
		if c < len(row) {
			return row[c]
		}
		return ""
	}
	for c := range max(len(rows[groupRow-1]), len(rows[headerRow-1])) {
		g, name := at(rows[groupRow-1], c), at(rows[headerRow-1], c)
		if name == "" { // a column on its own: its name is in the group row, merged down
			out = append(out, g)
			group = ""
			continue
		}
		if g != "" {
			group = g
		}
		out = append(out, group+"·"+name)
	}
	return out
}

// want is what a column of 汇总表 holds for a unit, computed here from the
// model independently of the package.
func want(u Unit, header string) (string, bool) {
	r := u.Report
	m := r.Membership
	p := m.Previous
	n := func(v int) string { return fmt.Sprint(v) }
	switch header {
	case "在册会员（人）·本期":
		return n(m.Members), true
	case "在册会员（人）·上年同期":
		if p == nil {
			return "", true
		}
		return n(p.Members), true
	case "缴费会员（人）·本期":
		return n(m.DuesPaying), true
	case "会费收缴（元）·本期":
		return m.DuesCollected.String(), true
	case "新发展会员\n（人）":
		if !u.given("membership.new_members") {
			return "", true
		}
		return n(m.NewMembers), true
	case "活动·次数":
		return n(len(r.Activities)), true
	case "活动·参加人次":
		return n(r.TotalParticipants()), true
	case "活动·经费\n（元）":
		return r.TotalCost().String(), true
	}
	if name, ok := strings.CutPrefix(header, "主要指标·"); ok {
		name, unit, _ := strings.Cut(name, "\n（")
		if ind, ok := r.Indicator(name); ok && ind.Unit == strings.TrimSuffix(unit, "）") {
			return ind.Value.String(), true
		}
		return "", true
	}
	return "", false
}

func same(a, b string) bool {
	x, errA := decimal.NewFromString(a)
	y, errB := decimal.NewFromString(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return x.Sub(y).Abs().LessThan(decimal.New(1, -9))
}

// TestWorkbook reads the 汇总表 back: every unit's figures by column, the
// failed unit's row empty but for why, the street's indicators as columns
// and the units' own in a long table, and the sheets' set-up.
func TestWorkbook(t *testing.T) {
	units := fixtureUnits(t)
	f := open(t, must(Workbook(units, opts)))
	if got := f.GetSheetList(); !slices.Equal(got, []string{Sheet, SheetCategories, SheetIndicators}) {
		t.Fatalf("sheets %v", got)
	}
	// Too wide for a page: the title starts right of 序号 and 单位, which
	// repeat on every page across.
	if v, _ := f.GetCellValue(Sheet, "C1"); v != opts.Title {
		t.Errorf("title %q", v)
	}
	h := headers(t, f, Sheet)
	wantFixed := []string{"序号", "单位", "在册会员（人）·本期", "在册会员（人）·上年同期", "在册会员（人）·同比", "缴费会员（人）·本期", "缴费会员（人）·上年同期",
		"缴费率·本期", "缴费率·上年同期", "缴费率·增减\n（百分点）", "缴费率·排名", "会费收缴（元）·本期", "会费收缴（元）·上年同期", "会费收缴（元）·同比",
		"新发展会员\n（人）", "活动·次数", "活动·参加人次", "活动·经费\n（元）"}
	if !slices.Equal(h[:len(wantFixed)], wantFixed) || h[len(h)-1] != "备注" {
		t.Fatalf("header %q", h)
	}
	rows, _ := f.GetRows(Sheet)
	checked := 0
	for i, u := range units {
		row := rows[firstRow-1+i]
		if row[1] != u.Name {
			t.Fatalf("row %d is %q, want %s", firstRow+i, row[1], u.Name)
		}
		for c, head := range h {
			got := ""
			if c < len(row) {
				got = row[c]
			}
			if u.Report == nil {
				if c > 1 && c < len(h)-1 && got != "" {
					t.Errorf("failed unit %s has %q under %s", u.Name, got, head)
				}
				continue
			}
			if w, ok := want(u, head); ok {
				checked++
				if !same(got, w) {
					t.Errorf("%s: %s is %q, want %q", u.Name, head, got, w)
				}
			}
		}
	}
	if checked < 5*12 {
		t.Errorf("only %d figures checked", checked)
	}
	if note := rows[firstRow-1+5][len(h)-1]; note != "输入有3处错误，见xinhua.yaml" {
		t.Errorf("the failed unit's 备注 = %q", note)
	}
	// The street's list: indicators at least half the units report. Each
	// unit's others are rows of 各单位指标.
	var fixed []string
	for _, x := range h {
		if name, ok := strings.CutPrefix(x, "主要指标·"); ok {
			fixed = append(fixed, name)
		}
	}
	long, _ := f.GetRows(SheetIndicators)
	own := 0
	for _, u := range units[:5] {
		for _, ind := range u.Report.Indicators {
			if slices.Contains(fixed, ind.Name+"\n（"+ind.Unit+"）") {
				continue
			}
			own++
			if !slices.ContainsFunc(long, func(r []string) bool {
				return len(r) > 4 && r[1] == u.Name && r[3] == ind.Name && r[5] == ind.Value.String()
			}) {
				t.Errorf("%s's %s is not in 各单位指标", u.Name, ind.Name)
			}
		}
	}
	if len(fixed) == 0 || own == 0 || len(long) != headerRow+own+1 {
		t.Errorf("%d columns of the street's indicators, %d own indicators in %d rows", len(fixed), own, len(long))
	}
	// The street's own list, from batch.yaml, decides instead.
	f2 := open(t, must(Workbook(units, Options{Title: opts.Title, Indicators: []string{"推荐就业", "没有这个指标"}})))
	if h2 := headers(t, f2, Sheet); !slices.Equal(h2[len(wantFixed):], []string{"主要指标·推荐就业\n（人次）", "备注"}) {
		t.Errorf("with the street's list, header %q", h2[len(wantFixed):])
	}

	panes, _ := f.GetPanes(Sheet)
	if !panes.Freeze || panes.XSplit != 2 || panes.YSplit != headerRow {
		t.Errorf("panes %+v: want 序号, 单位 and the headers frozen", panes)
	}
	layout, _ := f.GetPageLayout(Sheet)
	if *layout.Size != 9 || *layout.Orientation != "landscape" {
		t.Errorf("page layout %+v: want A4 landscape", layout)
	}
	// Too wide for one page: 序号 and 单位 repeat on every page across,
	// the two header rows on every page down.
	names := f.GetDefinedName()
	if !slices.ContainsFunc(names, func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm.Print_Titles" && d.RefersTo == "'汇总表'!$A:$B,'汇总表'!$1:$3"
	}) {
		t.Errorf("print titles: %+v", names)
	}
	if w, _ := f.GetColWidth(Sheet, "B"); w < 16 {
		t.Errorf("单位 column %.1f wide, too narrow for 柳背桥社区工会", w)
	}
	// 分类活动: each unit's activities by category add up to its total.
	cats, _ := f.GetRows(SheetCategories)
	all := slices.Index(headers(t, f, SheetCategories), "合计·次数")
	for i, u := range units[:5] {
		if got := cats[firstRow-1+i][all]; got != fmt.Sprint(len(u.Report.Activities)) {
			t.Errorf("%s: 分类活动 total %s, want %d", u.Name, got, len(u.Report.Activities))
		}
	}
}

// TestBlankStaysBlank: a figure a unit did not give is empty, and so is
// every total and change computed from it.
func TestBlankStaysBlank(t *testing.T) {
	units := fixtureUnits(t)[:2]
	r := *units[0].Report
	p := *r.Membership.Previous
	r.Membership.Previous = &p
	units[0].Report = &r
	units[0].Given = func(path string) bool {
		return path != "membership.new_members" && path != "membership.previous.dues_collected"
	}
	f := open(t, must(Workbook(units, opts)))
	h := headers(t, f, Sheet)
	rows, _ := f.GetRows(Sheet)
	at := func(row int, head string) string {
		c := slices.Index(h, head)
		if c >= len(rows[row]) {
			return ""
		}
		return rows[row][c]
	}
	for _, head := range []string{"新发展会员\n（人）", "会费收缴（元）·上年同期", "会费收缴（元）·同比"} {
		if v := at(firstRow-1, head); v != "" {
			t.Errorf("%s of a unit that did not give it: %q", head, v)
		}
		if v := at(firstRow+1, head); v != "" {
			t.Errorf("total of %s, which a unit did not give: %q", head, v)
		}
	}
	if v := at(firstRow, "新发展会员\n（人）"); v == "" {
		t.Error("the other unit's 新发展会员 is missing")
	}
}

// TestForty is the 汇总表 of a street of forty communities, one of which
// failed, read back after LibreOffice has recalculated it from formulas
// written without their values: every formula must compute to the figure
// huibao gives it, and the totals must be the sums of the units.
func TestForty(t *testing.T) {
	var units []Unit
	base := fixtureUnits(t)[:5]
	for i := range 40 {
		u := base[i%5]
		r := *u.Report
		r.Org.Name = fmt.Sprintf("第%02d社区工会", i+1)
		m := r.Membership
		m.Members += i * 7
		m.DuesPaying += i * 5
		m.DuesCollected = m.DuesCollected.Add(decimal.New(int64(i*1234), -1))
		if m.Previous != nil && i%7 == 3 {
			m.Previous = nil // last year not known
		}
		r.Membership = m
		units = append(units, Unit{Name: r.Org.Name, Report: &r, Given: u.Given})
	}
	units[17] = Unit{Name: "第18社区工会", Note: "期间是2024年全年，与本批不同"}
	o := Options{Title: "某某街道总工会2024年上半年各单位工作情况汇总表", Org: "某某街道总工会", Date: opts.Date}
	dir := t.TempDir()
	bare := filepath.Join(dir, "bare.xlsx")
	o.noCache = true
	if err := os.WriteFile(bare, must(Workbook(units, o)), 0o644); err != nil {
		t.Fatal(err)
	}
	o.noCache = false
	printed := filepath.Join(dir, "printed.xlsx")
	if err := os.WriteFile(printed, must(Workbook(units, o)), 0o644); err != nil {
		t.Fatal(err)
	}
	lo, err := office.New(dir)
	if err != nil {
		t.Fatal(err) // LibreOffice is installed by .ci/setup; the check must not pass unseen
	}
	out := lo.Run(t, office.Job{Src: bare, XLSX: true}, office.Job{Src: printed, PDF: true})
	calc := open(t, must(os.ReadFile(filepath.Join(out, "bare.xlsx"))))
	model := open(t, must(Workbook(units, o)))
	formulas := 0
	for _, sheet := range model.GetSheetList() {
		rows, _ := model.GetRows(sheet)
		for i, row := range rows {
			for j := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if f, _ := model.GetCellFormula(sheet, cell); f == "" {
					continue
				}
				formulas++
				w, _ := model.GetCellValue(sheet, cell)
				got, _ := calc.GetCellValue(sheet, cell)
				if !same(got, w) {
					t.Errorf("%s!%s computes to %q, huibao gives %q", sheet, cell, got, w)
				}
			}
		}
	}
	t.Logf("%d formulas of the 汇总表 of 40 units recalculated by LibreOffice agree with huibao", formulas)
	if formulas < 40*8 {
		t.Errorf("only %d formulas checked", formulas)
	}
	// The totals, said plainly: 在册会员 is the sum of the 39 units.
	h := headers(t, calc, Sheet)
	rows, _ := calc.GetRows(Sheet)
	sum := 0
	for _, u := range units {
		if u.Report != nil {
			sum += u.Report.Membership.Members
		}
	}
	if got := rows[firstRow-1+40][slices.Index(h, "在册会员（人）·本期")]; got != fmt.Sprint(sum) {
		t.Errorf("LibreOffice totals 在册会员 to %s, want %d", got, sum)
	}
	// Some units did not know last year's figures: no total of them.
	if got := rows[firstRow-1+40][slices.Index(h, "在册会员（人）·上年同期")]; got != "" {
		t.Errorf("上年同期 totalled to %s over units some of which did not give it", got)
	}
	// The pages: every one numbered, the headers repeated, the notes whole.
	pdf := filepath.Join(out, "printed.pdf")
	text := office.Text(t, pdf)
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	for i, p := range pages {
		if !strings.Contains(p, fmt.Sprintf("第 %d 页，共 %d 页", i+1, len(pages))) {
			t.Errorf("page %d has no page number", i+1)
		}
		if !strings.Contains(p, "序号") || !strings.Contains(p, "单位") {
			t.Errorf("page %d does not repeat the headers", i+1)
		}
		// 单位 repeats on every page across.
		if !strings.Contains(p, "社区工会") {
			t.Errorf("page %d names no unit", i+1)
		}
	}
	flat := strings.Join(strings.Fields(text), "")
	if !strings.Contains(flat, "有单位没有填报的项目不计合计。") || strings.Count(flat, "注：缴费率") != 1 {
		t.Errorf("the note is cut or repeated:\n%s", text)
	}
	if dir := golden.Images(); dir != "" {
		for i, png := range office.PagePNGs(t, pdf, 60) {
			if i < 4 || i == len(pages)-1 {
				data, _ := os.ReadFile(png)
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("xlsx-summary-%d.png", i+1)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func TestReproducible(t *testing.T) {
	units := fixtureUnits(t)
	a, b := must(Workbook(units, opts)), must(Workbook(units, opts))
	if !bytes.Equal(a, b) {
		t.Error("the same units gave different bytes")
	}
}
