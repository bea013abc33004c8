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

// TestLibreOffice runs every appendix check that needs a spreadsheet
// program through one LibreOffice, which takes seconds to start:
//
//   - recalculated: appendices written without the values huibao computes
//     for their formulas, recalculated by LibreOffice; every result must
//     equal the model's figure huibao writes next to the formula;
//   - inserted: rows a cadre inserts in 活动台账 right under the header and
//     right above 合计, and above 帮扶's 合计, are counted by the totals and
//     by 统计图表;
//   - filtered: with 活动台账 filtered to one category, its 合计 is that
//     category's;
//   - pages: the appendix printed as LibreOffice prints it — titles,
//     repeated headers, page numbers, a long union name whole, forty
//     indicators charted over pages.
//
// With -images DIR the pages that show these go to DIR (docs/images).
func TestLibreOffice(t *testing.T) {
	dir := t.TempDir()
	o, err := office.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	street, _, probs := load.File("../../fixtures/large-street-2024.yaml")
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	partial := sample.Liubeiqiao()
	partial.Membership.Previous.DuesPaying, partial.Membership.Previous.DuesCollected = 0, decimal.Zero
	// 20.29 against 20 万元 is +1.45%: +1.5% in the prose (zh rounds the
	// exact quotient), +1.4% in a spreadsheet that shows the binary
	// 0.014499… — unless its formula rounds as the prose does.
	wan := decimal.RequireFromString("20")
	partial.Indicators = append(partial.Indicators, model.Indicator{Name: "项目资金", Value: decimal.RequireFromString("20.29"), Unit: "万元", Previous: &wan})
	givenMembersOnly := func(p string) bool {
		return p != "membership.previous.dues_paying" && p != "membership.previous.dues_collected" && p != "membership.new_members"
	}
	long := sample.Large(130)
	long.Org.Name = "某某市某某区某某街道某某社区联合工会委员会第一基层工会"
	recalc := map[string]struct {
		r    *model.Report
		opts Options
	}{
		"liubeiqiao":        {sample.Liubeiqiao(), Options{}},
		"large":             {sample.Large(130), Options{}},
		"large-street-2024": {street, Options{}},
		"partial":           {partial, Options{Given: givenMembersOnly}},
		"plan":              {sample.Liubeiqiao(), Options{Kind: model.KindPlan}},
	}
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	var jobs []office.Job
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range recalc {
			if !yield(k) {
				return
			}
		}
	}) {
		c := recalc[name]
		c.opts.noCache = true
		jobs = append(jobs, office.Job{Src: write("bare-"+name, appendix(t, c.r, c.opts)), XLSX: true})
	}
	lbq := sample.Liubeiqiao()
	lbqBook := appendix(t, lbq, Options{})
	aidTotal := findRow(t, open(t, lbqBook), SheetAssistance, "合计")
	ins := inserted(aidTotal)
	jobs = append(jobs,
		office.Job{Src: write("inserted", lbqBook), Edits: ins, XLSX: true, PDF: true},
		office.Job{Src: write("filtered", lbqBook), Edits: append(slices.Clone(ins),
			office.Edit{Sheet: SheetLedger, Filter: "A2:J11", FilterCol: 3, Value: "学习培训"}), XLSX: true, PDF: true},
		office.Job{Src: write("pages-liubeiqiao", lbqBook), PDF: true},
		office.Job{Src: write("pages-long", appendix(t, long, Options{})), PDF: true},
	)
	out := o.Run(t, jobs...)
	result := func(name string) *excelize.File {
		data, err := os.ReadFile(filepath.Join(out, name+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		return open(t, data)
	}

	t.Run("recalculated", func(t *testing.T) {
		for name, c := range recalc {
			calc := result("bare-" + name)
			want := open(t, appendix(t, c.r, c.opts))
			formulas := 0
			for _, sheet := range want.GetSheetList() {
				rows, _ := want.GetRows(sheet, excelize.Options{RawCellValue: true})
				for i, row := range rows {
					for j := range row {
						cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
						if f, _ := want.GetCellFormula(sheet, cell); f == "" {
							continue
						}
						formulas++
						w, got := cellText(t, want, sheet, cell), cellText(t, calc, sheet, cell)
						if !sameValue(got, w) {
							t.Errorf("%s: %s!%s computes to %q, the model gives %q", name, sheet, cell, got, w)
						}
					}
				}
			}
			if formulas < 20 {
				t.Errorf("%s: only %d formulas checked", name, formulas)
			}
			t.Logf("%s: %d formulas recalculated by LibreOffice agree with the model", name, formulas)
			if c.opts.Kind == model.KindPlan {
				continue
			}
			// And the totals, said plainly.
			r := c.r
			total := strconv.Itoa(len(r.Activities) + 3)
			cost, people := ledgerColumn(t, calc, "经费")+total, ledgerColumn(t, calc, "参加人数")+total
			if got := cellNum(t, calc, SheetLedger, cost); !got.Equal(r.TotalCost()) {
				t.Errorf("%s: LibreOffice totals the cost to %s, the model to %s", name, got, r.TotalCost())
			}
			if got := cellNum(t, calc, SheetLedger, people); !got.Equal(dec(r.TotalParticipants())) {
				t.Errorf("%s: LibreOffice totals the participants to %s, the model to %d", name, got, r.TotalParticipants())
			}
		}
		// Last year given in part: what is unknown stays empty, and so is
		// every change computed from it.
		calc := result("bare-partial")
		for _, cell := range []string{"C4", "D4", "E4", "C5", "D5", "E5", "B6", "C7", "D7", "E7"} {
			if v := cellText(t, calc, SheetMembership, cell); v != "" {
				t.Errorf("partial: 会员情况!%s = %q, want empty", cell, v)
			}
		}
		if v := cellText(t, calc, SheetMembership, "D3"); v != "12" {
			t.Errorf("partial: 在册会员's change = %q, want 12", v)
		}
		row := strconv.Itoa(len(partial.Indicators) + 2)
		if v := cellText(t, calc, SheetIndicators, "H"+row); v != "0.015" {
			t.Errorf("partial: 同比 of 20.29 against 20 万元 computes to %q in LibreOffice, want 0.015 (+1.5%%, as the prose)", v)
		}
	})

	t.Run("inserted", func(t *testing.T) {
		f := result("inserted")
		// Two activities more: 学习培训 with 50 people and 100 元 above
		// 合计, 帮扶救助 with 10 people under the header.
		eq := func(sheet, cell string, want decimal.Decimal) {
			t.Helper()
			if got := cellNum(t, f, sheet, cell); !got.Equal(want) {
				t.Errorf("%s!%s = %s, want %s", sheet, cell, got, want)
			}
		}
		eq(SheetLedger, "E12", dec(9))
		eq(SheetLedger, "G12", dec(lbq.TotalParticipants()+60))
		eq(SheetLedger, "H12", lbq.TotalCost().Add(decimal.NewFromInt(100)))
		eq(SheetCharts, "B4", dec(3))   // 学习培训
		eq(SheetCharts, "C4", dec(102)) // 52 + 50
		eq(SheetCharts, "B5", dec(3))   // 帮扶救助
		eq(SheetCharts, "B8", dec(9))   // 合计
		eq(SheetCharts, "C8", dec(lbq.TotalParticipants()+60))
		aid := findRow(t, f, SheetAssistance, "合计")
		if aid != aidTotal+1 {
			t.Fatalf("帮扶's 合计 on row %d, want %d", aid, aidTotal+1)
		}
		eq(SheetAssistance, fmt.Sprintf("C%d", aid), dec(3))
		eq(SheetAssistance, fmt.Sprintf("E%d", aid), dec(47+7))
		eq(SheetAssistance, fmt.Sprintf("F%d", aid), decimal.NewFromInt(1500+70))
	})

	t.Run("filtered", func(t *testing.T) {
		f := result("filtered")
		// 学习培训 alone: its two activities and the one inserted.
		for cell, want := range map[string]string{"E12": "3", "G12": "102", "H12": "3710.5"} {
			if got := cellText(t, f, SheetLedger, cell); got != want {
				t.Errorf("filtered to 学习培训, 活动台账!%s = %s, want %s", cell, got, want)
			}
		}
	})

	t.Run("pages", func(t *testing.T) {
		for name, r := range map[string]*model.Report{"liubeiqiao": lbq, "long": long} {
			pdf := filepath.Join(out, "pages-"+name+".pdf")
			text := office.Text(t, pdf)
			pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
			flat := strings.Join(strings.Fields(text), "")
			var titles []string
			for _, s := range []string{"会员情况", "工作指标", "活动台账", "帮扶救助情况", "统计图表"} {
				titles = append(titles, r.Org.Name+"2024年上半年"+s)
			}
			for _, title := range titles {
				// A long name wraps the title over two lines: whole, not cut.
				if !strings.Contains(flat, title) {
					t.Errorf("%s: no page shows %q", name, title)
				}
			}
			for i, p := range pages {
				if !strings.Contains(p, fmt.Sprintf("第 %d 页，共 %d 页", i+1, len(pages))) {
					t.Errorf("%s: page %d has no page number", name, i+1)
				}
				// Every page of the ledger repeats its title and header row.
				if strings.Contains(p, "活动台账") && strings.Contains(p, "合计") && !strings.Contains(p, "活动名称") {
					t.Errorf("%s: page %d of the ledger without its header row", name, i+1)
				}
			}
			on := func(s string) int {
				return slices.IndexFunc(pages, func(p string) bool { return strings.Contains(p, s) })
			}
			// 帮扶 opens with its title and indicators; every later page
			// repeats the heading and header row of the activities, never
			// over indicators.
			aid, charts := on("帮扶救助指标"), on("各类活动统计")
			if aid < 0 || charts < aid {
				t.Fatalf("%s: 帮扶 on pages %d to %d", name, aid+1, charts)
			}
			for i := aid + 1; i < charts; i++ {
				if p := pages[i]; !strings.Contains(p, "帮扶救助活动") || !strings.Contains(p, "活动名称") || strings.Contains(p, "帮扶救助指标") {
					t.Errorf("%s: page %d, of 帮扶, does not open with the activities' header:\n%s", name, i+1, p)
				}
			}
			// One table and its chart a page: forty indicators are charted
			// fifteen at a time, each block on a page of its own.
			blocks := 0
			for i := charts; i < len(pages); i++ {
				if strings.Contains(pages[i], "、各类活动统计") || strings.Contains(pages[i], "、主要指标同比") {
					blocks++
					if n := strings.Count(pages[i], "、主要指标同比") + strings.Count(pages[i], "、各类活动统计"); n != 1 {
						t.Errorf("%s: page %d holds %d blocks of 统计图表", name, i+1, n)
					}
				}
			}
			rated := 0
			for _, ind := range r.Indicators {
				if _, ok := rateOf(ind); ok {
					rated++
				}
			}
			if want := 1 + (rated+chartRows-1)/chartRows; blocks != want {
				t.Errorf("%s: %d pages of charts, want %d for %d indicators with a rate", name, blocks, want, rated)
			}
			if name == "liubeiqiao" && len(pages) != 7 {
				t.Errorf("%s: %d pages, want one a sheet and two of charts", name, len(pages))
			}
		}
	})

	if dir := golden.Images(); dir != "" {
		for _, img := range []struct {
			pdf   string
			pages []int
			name  string
		}{
			{"pages-liubeiqiao", []int{1, 2, 3, 4, 5, 6, 7}, "xlsx-appendix-%d.png"},
			{"inserted", []int{3}, "xlsx-appendix-inserted-%d.png"},
			{"filtered", []int{3}, "xlsx-appendix-filtered-%d.png"},
		} {
			for _, p := range img.pages {
				office.PagePNG(t, filepath.Join(out, img.pdf+".pdf"), p, 70, filepath.Join(dir, fmt.Sprintf(img.name, p)))
			}
		}
		// The long name's first page and its last three, of charts.
		pngs := office.PagePNGs(t, filepath.Join(out, "pages-long.pdf"), 60)
		for i, png := range pngs {
			if i == 0 || i >= len(pngs)-3 {
				data, _ := os.ReadFile(png)
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("xlsx-appendix-long-%d.png", i+1)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// inserted are the rows a cadre inserts into 柳背桥's appendix: in
// 活动台账 (活动 in rows 3 to 9, 合计 in row 10) one above 合计 and one right
// under the header; in 帮扶 one above its 合计.
func inserted(aidTotal int) []office.Edit {
	return []office.Edit{
		{Sheet: SheetLedger, Insert: 10, Cell: "B10", Value: 45400},
		{Sheet: SheetLedger, Cell: "D10", Value: "学习培训"},
		{Sheet: SheetLedger, Cell: "E10", Value: "新增的学习活动"},
		{Sheet: SheetLedger, Cell: "G10", Value: 50},
		{Sheet: SheetLedger, Cell: "H10", Value: 100},
		{Sheet: SheetLedger, Insert: 3, Cell: "B3", Value: 45300},
		{Sheet: SheetLedger, Cell: "D3", Value: "帮扶救助"},
		{Sheet: SheetLedger, Cell: "E3", Value: "新增的帮扶活动"},
		{Sheet: SheetLedger, Cell: "G3", Value: 10},
		{Sheet: SheetLedger, Cell: "H3", Value: 0},
		{Sheet: SheetAssistance, Insert: aidTotal, Cell: fmt.Sprintf("C%d", aidTotal), Value: "新增的帮扶"},
		{Sheet: SheetAssistance, Cell: fmt.Sprintf("E%d", aidTotal), Value: 7},
		{Sheet: SheetAssistance, Cell: fmt.Sprintf("F%d", aidTotal), Value: 70},
	}
}

// findRow is the row whose column A holds s.
func findRow(t *testing.T, f *excelize.File, sheet, s string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == s {
			return i + 1
		}
	}
	t.Fatalf("%s has no row %q", sheet, s)
	return 0
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
