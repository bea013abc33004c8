package xlsx

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/office"
	"github.com/huibao/huibao/internal/sample"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func newOffice(t *testing.T) (*office.Office, string) {
	t.Helper()
	dir := t.TempDir()
	o, err := office.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	return o, dir
}

// TestRecalculated proves the formulas compute: the appendix is written
// without the values huibao computes for them, LibreOffice recalculates
// every formula on loading, and each result must equal the model's figure
// that huibao writes next to the formula normally.
func TestRecalculated(t *testing.T) {
	o, dir := newOffice(t)
	street, _, probs := load.File("../../fixtures/large-street-2024.yaml")
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	for name, r := range map[string]*model.Report{"liubeiqiao": sample.Liubeiqiao(), "large": sample.Large(130), "large-street-2024": street} {
		bare := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(bare, appendix(t, r, Options{noCache: true}), 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(o.Recalc(t, bare))
		if err != nil {
			t.Fatal(err)
		}
		calc := open(t, data)
		model := open(t, appendix(t, r, Options{}))
		formulas := 0
		for _, sheet := range model.GetSheetList() {
			rows, _ := model.GetRows(sheet, excelize.Options{RawCellValue: true})
			for i, row := range rows {
				for j := range row {
					cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
					if f, _ := model.GetCellFormula(sheet, cell); f == "" {
						continue
					}
					formulas++
					want := cellText(t, model, sheet, cell)
					got := cellText(t, calc, sheet, cell)
					if !sameValue(got, want) {
						t.Errorf("%s: %s!%s computes to %q, the model gives %q", name, sheet, cell, got, want)
					}
				}
			}
		}
		if formulas < 40 {
			t.Errorf("%s: only %d formulas checked", name, formulas)
		}
		// And the totals, said plainly.
		total := strconv.Itoa(len(r.Activities) + 3)
		cost, people := ledgerColumn(t, calc, "经费")+total, ledgerColumn(t, calc, "参加人数")+total
		if got := cellNum(t, calc, SheetLedger, cost); !got.Equal(r.TotalCost()) {
			t.Errorf("%s: LibreOffice totals the cost to %s, the model to %s", name, got, r.TotalCost())
		}
		if got := cellNum(t, calc, SheetLedger, people); !got.Equal(dec(r.TotalParticipants())) {
			t.Errorf("%s: LibreOffice totals the participants to %s, the model to %d", name, got, r.TotalParticipants())
		}
	}
}

// ledgerColumn finds a column of the ledger by its header.
func ledgerColumn(t *testing.T, f *excelize.File, header string) string {
	t.Helper()
	rows, _ := f.GetRows(SheetLedger)
	for j, h := range rows[1] {
		if h == header {
			name, _ := excelize.ColumnNumberToName(j + 1)
			return name
		}
	}
	t.Fatalf("the ledger has no column %s", header)
	return ""
}

// sameValue compares two cell values: numbers to 1e-9, text exactly.
func sameValue(a, b string) bool {
	x, errA := decimal.NewFromString(a)
	y, errB := decimal.NewFromString(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return x.Sub(y).Abs().LessThan(decimal.New(1, -9))
}

// TestPages lays the appendix out as LibreOffice prints it and reads the
// pages back: titles, repeated headers, page numbers. With -images DIR it
// also writes the pages as PNG, for docs/images.
func TestPages(t *testing.T) {
	o, dir := newOffice(t)
	for name, r := range map[string]*model.Report{"liubeiqiao": sample.Liubeiqiao(), "large": sample.Large(130)} {
		src := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(src, appendix(t, r, Options{}), 0o644); err != nil {
			t.Fatal(err)
		}
		pdf := o.PrintPDF(t, src)
		text := office.Text(t, pdf)
		pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
		var titles []string
		for _, s := range []string{"会员情况", "工作指标", "活动台账", "帮扶救助情况", "统计图表"} {
			titles = append(titles, r.Org.Name+"2024年上半年"+s)
		}
		for _, title := range titles {
			if !strings.Contains(text, title) {
				t.Errorf("%s: no page shows %q", name, title)
			}
		}
		for i, p := range pages {
			if !strings.Contains(p, fmt.Sprintf("第 %d 页，共 %d 页", i+1, len(pages))) {
				t.Errorf("%s: page %d has no page number", name, i+1)
			}
			// Every page of the ledger repeats its title and header row.
			if strings.Contains(p, titles[2]) && !strings.Contains(p, "活动名称") {
				t.Errorf("%s: page %d of the ledger without its header row", name, i+1)
			}
		}
		// 帮扶 opens with its title and indicators; every later page
		// repeats the heading and header row of the activities, never
		// over indicators.
		aid := slices.IndexFunc(pages, func(p string) bool { return strings.Contains(p, titles[3]) })
		charts := slices.IndexFunc(pages, func(p string) bool { return strings.Contains(p, titles[4]) })
		if aid < 0 || charts < aid || !strings.Contains(pages[aid], "帮扶救助指标") {
			t.Fatalf("%s: 帮扶 on pages %d to %d", name, aid+1, charts)
		}
		for i := aid + 1; i < charts; i++ {
			if p := pages[i]; !strings.Contains(p, "帮扶救助活动") || !strings.Contains(p, "活动名称") || strings.Contains(p, "帮扶救助指标") {
				t.Errorf("%s: page %d, of 帮扶, does not open with the activities' header:\n%s", name, i+1, p)
			}
		}
		for _, ind := range r.Indicators {
			if ind.Category == AssistanceCategory && !strings.Contains(pages[aid], ind.Name) {
				t.Errorf("%s: 帮扶 indicator %s is not on the first page of 帮扶", name, ind.Name)
			}
		}
		if name == "large" && charts-aid < 2 {
			t.Errorf("%s: 帮扶 fits one page; the test needs it to run over", name)
		}
		if name == "liubeiqiao" && len(pages) != 5 {
			t.Errorf("%s: %d pages, want one a sheet", name, len(pages))
		}
		if name == "large" && len(pages) < 8 {
			t.Errorf("%s: %d pages for 130 activities", name, len(pages))
		}
		if golden.Images() != "" && name == "liubeiqiao" {
			for i, png := range office.PagePNGs(t, pdf, 70) {
				data, _ := os.ReadFile(png)
				if err := os.WriteFile(filepath.Join(golden.Images(), fmt.Sprintf("xlsx-appendix-%d.png", i+1)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
