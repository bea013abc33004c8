package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/sample"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func appendix(t *testing.T, r *model.Report, opts Options) []byte {
	t.Helper()
	data, err := Appendix(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSheets(t *testing.T) {
	noAid := sample.Liubeiqiao()
	noAid.Indicators = slices.DeleteFunc(noAid.Indicators, func(i model.Indicator) bool { return i.Category == AssistanceCategory })
	noAid.Activities = slices.DeleteFunc(noAid.Activities, func(a model.Activity) bool { return a.Category == AssistanceCategory })
	empty := &model.Report{Org: model.Org{Name: "某工会"}, Period: model.Period{Year: 2024, Span: "H1"}}
	plan := sample.Liubeiqiao()
	plan.Period, plan.Activities = model.Period{Year: 2025, Span: model.Year}, nil
	year := sample.Liubeiqiao()
	year.Period = model.Period{Year: 2024, Span: model.Year}
	for _, tt := range []struct {
		name string
		r    *model.Report
		opts Options
		want []string
	}{
		{"full", sample.Liubeiqiao(), Options{}, []string{"会员情况", "工作指标", "活动台账", "帮扶", "统计图表", "下半年计划"}},
		{"no charts", sample.Liubeiqiao(), Options{NoCharts: true}, []string{"会员情况", "工作指标", "活动台账", "帮扶", "下半年计划"}},
		{"no 帮扶救助", noAid, Options{}, []string{"会员情况", "工作指标", "活动台账", "统计图表", "下半年计划"}},
		// No sheet is an empty page: without indicators, activities and
		// plans only 会员情况 is left.
		{"empty", empty, Options{}, []string{"会员情况"}},
		// A plan's workbook opens with its tasks; the plans of a second
		// half-year's or a whole year's summary are its 下步打算.
		{"plan", plan, Options{Kind: model.KindPlan}, []string{"工作任务", "会员情况", "工作指标"}},
		{"year", year, Options{}, []string{"会员情况", "工作指标", "活动台账", "帮扶", "统计图表", "下步打算"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := open(t, appendix(t, tt.r, tt.opts))
			if got := f.GetSheetList(); !slices.Equal(got, tt.want) {
				t.Errorf("sheets = %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := Appendix(nil, Options{}); err != ErrNoReport {
		t.Errorf("nil report: %v", err)
	}
}

// cellNum reads a cell as a decimal: the stored value, never the shown one.
func cellNum(t *testing.T, f *excelize.File, sheet, cell string) decimal.Decimal {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		t.Fatalf("%s!%s = %q, not a number", sheet, cell, v)
	}
	return d
}

func cellText(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFiguresFromModel checks that every figure of the appendix is the
// model's: the numbers the prose quotes come from the same fields, so the
// two cannot disagree. Numbers are compared as stored (4509.5), not as
// shown, and totals against the model's own sums.
func TestFiguresFromModel(t *testing.T) {
	for name, r := range map[string]*model.Report{"liubeiqiao": sample.Liubeiqiao(), "large": sample.Large(130)} {
		t.Run(name, func(t *testing.T) {
			f := open(t, appendix(t, r, Options{}))
			m := r.Membership
			eq := func(sheet, cell string, want decimal.Decimal) {
				t.Helper()
				if got := cellNum(t, f, sheet, cell); !got.Equal(want) {
					t.Errorf("%s!%s = %s, want %s", sheet, cell, got, want)
				}
			}
			eq(SheetMembership, "B3", dec(m.Members))
			eq(SheetMembership, "B4", dec(m.DuesPaying))
			eq(SheetMembership, "B5", m.DuesCollected)
			eq(SheetMembership, "B6", dec(m.NewMembers))
			eq(SheetMembership, "C3", dec(m.Previous.Members))
			eq(SheetMembership, "C5", m.Previous.DuesCollected)
			eq(SheetMembership, "D5", m.DuesCollected.Sub(m.Previous.DuesCollected))
			// 缴费率 as the prose writes it: 91.4%.
			if got, want := cellNum(t, f, SheetMembership, "B7"), m.DuesRate().Round(3); !got.Equal(want) {
				t.Errorf("dues rate %s, want %s", got, want)
			}

			for i, ind := range r.Indicators {
				row := strconv.Itoa(i + 3)
				if got := cellText(t, f, SheetIndicators, "C"+row); got != ind.Name {
					t.Errorf("indicator %d name %q", i+1, got)
				}
				eq(SheetIndicators, "E"+row, ind.Value)
				if ind.Previous != nil {
					eq(SheetIndicators, "F"+row, *ind.Previous)
					eq(SheetIndicators, "G"+row, ind.Value.Sub(*ind.Previous))
				} else if v := cellText(t, f, SheetIndicators, "F"+row); v != "" {
					t.Errorf("indicator %d has no previous but shows %q", i+1, v)
				}
			}

			acts := activitiesByDate(r.Activities)
			spans := slices.ContainsFunc(acts, func(a model.Activity) bool { return a.Span() })
			col := func(c byte) string { // ledger columns shift right by one with 结束日期
				if spans && c > 'B' {
					c++
				}
				return string(c)
			}
			for i, a := range acts {
				row := strconv.Itoa(i + 3)
				serial := cellNum(t, f, SheetLedger, "B"+row)
				if d, _ := book.FromSerial(serial.InexactFloat64(), false); d != a.Date {
					t.Errorf("ledger row %s date %v, want %v", row, d, a.Date)
				}
				if got := cellText(t, f, SheetLedger, col('D')+row); got != a.Title {
					t.Errorf("ledger row %s title %q, want %q", row, got, a.Title)
				}
				eq(SheetLedger, col('F')+row, dec(a.Participants))
				eq(SheetLedger, col('G')+row, a.Cost)
			}
			total := strconv.Itoa(len(acts) + 3)
			if got := cellText(t, f, SheetLedger, "A"+total); got != "合计" {
				t.Fatalf("ledger total row %s starts %q", total, got)
			}
			eq(SheetLedger, col('D')+total, dec(len(acts)))
			eq(SheetLedger, col('F')+total, dec(r.TotalParticipants()))
			eq(SheetLedger, col('G')+total, r.TotalCost())
			// The total counts the rows a filter shows, over a range that
			// takes in rows inserted above it.
			c := col('G')
			if formula, _ := f.GetCellFormula(SheetLedger, c+total); formula != fmt.Sprintf("SUBTOTAL(109,INDEX(%s:%s,ROW(%s$2)+1):INDEX(%s:%s,ROW()-1))", c, c, c, c, c) {
				t.Errorf("ledger cost total formula %q", formula)
			}
		})
	}
}

// TestDeterministic: the same report gives the same bytes, stamped with its
// 成文日期 inside (document properties) and out (zip entry times).
func TestDeterministic(t *testing.T) {
	r := sample.Large(150)
	a := appendix(t, r, Options{})
	for range 20 {
		if b := appendix(t, r, Options{}); !bytes.Equal(a, b) {
			t.Fatal("the same report gave two different appendices")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry %s", zr.File[0].Name)
	}
	issued := time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC)
	for _, zf := range zr.File {
		if !zf.Modified.Equal(issued) {
			t.Errorf("%s stamped %v, want %v", zf.Name, zf.Modified, issued)
		}
	}
	f := open(t, a)
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2024-07-05T00:00:00Z" || props.Modified != props.Created || props.Creator != r.Org.Name || props.Language != "zh-CN" {
		t.Errorf("doc props %+v", props)
	}
	// Without a 成文日期 the stamp is the period's last day.
	r.Report.Date = model.Date{}
	f = open(t, appendix(t, r, Options{}))
	if props, _ := f.GetDocProps(); props.Created != "2024-06-30T00:00:00Z" {
		t.Errorf("created %s, want the period's end", props.Created)
	}
}

// TestLayout checks what a cadre sees before reading a figure: frozen
// headers, filters, A4 pages a sheet wide, headers repeated on every page,
// page numbers, real dates, formats with units.
func TestLayout(t *testing.T) {
	f := open(t, appendix(t, sample.Liubeiqiao(), Options{}))
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *layout.Size != 9 || *layout.FitToWidth != 1 {
			t.Errorf("%s: paper %d, fit to %d pages wide", sheet, *layout.Size, *layout.FitToWidth)
		}
		hf, _ := f.GetHeaderFooter(sheet)
		if !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
			t.Errorf("%s: footer %q has no page number", sheet, hf.OddFooter)
		}
	}
	if layout, _ := f.GetPageLayout(SheetLedger); *layout.Orientation != "landscape" {
		t.Errorf("ledger orientation %s", *layout.Orientation)
	}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for sheet, want := range map[string]string{SheetMembership: "'会员情况'!$1:$2", SheetIndicators: "'工作指标'!$1:$2", SheetLedger: "'活动台账'!$1:$2",
		// The activities' heading and header, below the indicators.
		SheetAssistance: "'帮扶'!$10:$11"} {
		if titles[sheet] != want {
			t.Errorf("%s prints %q on every page, want %q", sheet, titles[sheet], want)
		}
	}
	for _, sheet := range []string{SheetMembership, SheetIndicators, SheetLedger} {
		panes, _ := f.GetPanes(sheet)
		if !panes.Freeze || panes.YSplit != 2 {
			t.Errorf("%s panes %+v", sheet, panes)
		}
	}
	format := func(sheet, cell string) string {
		id, _ := f.GetCellStyle(sheet, cell)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil {
			return fmt.Sprint(st.NumFmt)
		}
		return *st.CustomNumFmt
	}
	for _, tt := range []struct{ sheet, cell, want string }{
		{SheetMembership, "B5", `0.00"元"`},
		{SheetMembership, "E3", `+0.0%;"−"0.0%;0.0%`},
		{SheetMembership, "D7", `+0.0"个百分点";"−"0.0"个百分点";0.0"个百分点"`},
		{SheetIndicators, "H3", `+0.0%;"−"0.0%;0.0%`},
		{SheetLedger, "B3", `yyyy"年"m"月"d"日"`},
		{SheetLedger, "H3", `0.00"元"`},
	} {
		if got := format(tt.sheet, tt.cell); got != tt.want {
			t.Errorf("%s!%s format %s, want %s", tt.sheet, tt.cell, got, tt.want)
		}
	}
	// The auto-filter covers the header and data rows, not the totals.
	var filter string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == SheetLedger {
			filter = dn.RefersTo
		}
	}
	if filter != "'活动台账'!$A$2:$J$9" {
		t.Errorf("ledger filter %q", filter)
	}
}

// TestCharts checks the native charts and the ranges they draw from.
func TestCharts(t *testing.T) {
	data := appendix(t, sample.Liubeiqiao(), Options{})
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	charts := map[string]string{}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			charts[zf.Name] = html.UnescapeString(b.String())
		}
	}
	if len(charts) != 2 {
		t.Fatalf("%d charts, want 2", len(charts))
	}
	for name, want := range map[string][]string{
		// Bars across the page, first category on top.
		"xl/charts/chart1.xml": {"各类活动次数", "<barChart>", "<barDir val=\"bar\">", "<orientation val=\"maxMin\">",
			"'统计图表'!$A$4:$A$7", "'统计图表'!$B$4:$B$7"},
		// 同比 of the indicators the prose gives a rate: last year's figure
		// known, not a share, not a count under 10 (zh.MinRateBase) — of
		// 柳背桥's, the money alone. On a page of its own.
		"xl/charts/chart2.xml": {"主要指标同比增减", "<barDir val=\"bar\">", "'统计图表'!$A$19:$A$19", "'统计图表'!$E$19:$E$19",
			"'统计图表'!$E$18", `formatCode="+0.0%;"−"0.0%;0.0%"`, `dLblPos val="outEnd"`},
	} {
		for _, w := range want {
			if !strings.Contains(charts[name], w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
	}
	f := open(t, data)
	for cell, want := range map[string]string{
		"A4": "学习培训", "A7": "共建共治", "A8": "合计",
		"A17": "二、主要指标同比", "A19": "为贫困儿童捐助现金", "E18": "同比",
	} {
		if got := cellText(t, f, SheetCharts, cell); got != want {
			t.Errorf("统计图表!%s = %q, want %q", cell, got, want)
		}
	}
	// The counts run from 活动台账's header to its 合计, so that rows
	// inserted between them are counted.
	if formula, _ := f.GetCellFormula(SheetCharts, "B4"); formula != "COUNTIF('活动台账'!$D$2:$D$10,A4)" {
		t.Errorf("category count formula %q", formula)
	}
	if formula, _ := f.GetCellFormula(SheetCharts, "E19"); formula != "'工作指标'!H8" {
		t.Errorf("同比 formula %q, want the cell of 工作指标", formula)
	}
	// The charts do not overlap: the second starts below the first ends.
	var drawing string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/drawings/drawing") && strings.HasSuffix(zf.Name, ".xml") {
			rc, _ := zf.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			drawing = b.String()
		}
	}
	anchor := regexp.MustCompile(`<xdr:from><xdr:col>\d+</xdr:col><xdr:colOff>\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>.*?<xdr:to><xdr:col>\d+</xdr:col><xdr:colOff>\d+</xdr:colOff><xdr:row>(\d+)</xdr:row>`)
	spans := anchor.FindAllStringSubmatch(drawing, -1)
	if len(spans) != 2 {
		t.Fatalf("%d chart anchors in %q", len(spans), drawing)
	}
	if end, start := spans[0][2], spans[1][1]; atoi(t, start) <= atoi(t, end) {
		t.Errorf("the second chart starts on row %s, the first ends on row %s", start, end)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestGolden compares a readable dump of the whole appendix, cell by cell
// with formulas and formats, with testdata/NAME.golden; -update rewrites it.
func TestGolden(t *testing.T) {
	for name, r := range map[string]*model.Report{"liubeiqiao": sample.Liubeiqiao()} {
		got := dumpWorkbook(t, open(t, appendix(t, r, Options{})))
		if !golden.Check(t, filepath.Join("testdata", name+".golden"), []byte(got)) {
			t.FailNow()
		}
	}
}

// dumpWorkbook prints every non-empty cell: value as stored, formula and
// number format.
func dumpWorkbook(t *testing.T, f *excelize.File) string {
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		layout, _ := f.GetPageLayout(sheet)
		panes, _ := f.GetPanes(sheet)
		fmt.Fprintf(&b, "== %s (%s, frozen %d)\n", sheet, *layout.Orientation, panes.YSplit)
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := f.GetCellFormula(sheet, cell)
				if v == "" && formula == "" {
					continue
				}
				fmt.Fprintf(&b, "%s %q", cell, v)
				if formula != "" {
					fmt.Fprintf(&b, " =%s", formula)
				}
				id, _ := f.GetCellStyle(sheet, cell)
				if st, _ := f.GetStyle(id); st != nil && st.CustomNumFmt != nil {
					fmt.Fprintf(&b, " [%s]", *st.CustomNumFmt)
				}
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

func ExampleAppendix() {
	data, err := Appendix(sample.Liubeiqiao(), Options{})
	if err != nil {
		panic(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(data))
	defer f.Close()
	fmt.Println(f.GetSheetList())
	total, _ := f.GetCellValue("活动台账", "H10")
	fmt.Println(total)
	// Output:
	// [会员情况 工作指标 活动台账 帮扶 统计图表 下半年计划]
	// 6210.50元
}

// TestOrganizerColumn: 活动台账 gains 承办单位 when an activity names the unit
// that ran it (a street's roll-up), and the totals still sum the right
// columns.
func TestOrganizerColumn(t *testing.T) {
	r := sample.Liubeiqiao()
	for i := range r.Activities {
		r.Activities[i].Organizer = fmt.Sprintf("第%d社区工会", i%2+1)
	}
	f := open(t, appendix(t, r, Options{}))
	rows, err := f.GetRows(SheetLedger)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[1]
	at := slices.Index(header, "承办单位")
	if at < 0 || header[at-1] != "活动名称" || header[at+1] != "地点" {
		t.Fatalf("ledger header %q: 承办单位 should follow 活动名称", header)
	}
	if got := rows[2][at]; got != "第1社区工会" {
		t.Errorf("first activity's organizer = %q", got)
	}
	people := slices.Index(header, "参加人数")
	col, _ := excelize.ColumnNumberToName(people + 1)
	total := len(r.Activities) + 3
	formula, err := f.GetCellFormula(SheetLedger, fmt.Sprintf("%s%d", col, total))
	if err != nil || formula != fmt.Sprintf("SUBTOTAL(109,INDEX(%s:%s,ROW(%s$2)+1):INDEX(%s:%s,ROW()-1))", col, col, col, col, col) {
		t.Errorf("参加人数 total at %s%d: %q (%v)", col, total, formula, err)
	}
	if got := cellNum(t, f, SheetLedger, fmt.Sprintf("%s%d", col, total)); !got.Equal(decimal.NewFromInt(int64(r.TotalParticipants()))) {
		t.Errorf("参加人数 total = %s, want %d", got, r.TotalParticipants())
	}
	// Without organizers the column is not there.
	plain := open(t, appendix(t, sample.Liubeiqiao(), Options{}))
	rows, _ = plain.GetRows(SheetLedger)
	if slices.Contains(rows[1], "承办单位") {
		t.Errorf("承办单位 column without organizers: %q", rows[1])
	}
}
