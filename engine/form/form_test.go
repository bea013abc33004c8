package form_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/huibao/huibao/internal/sample"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// dump prints a report with every field, decimals in their shortest form
// (4509.50 and 4509.5 print alike), for comparing two reports.
func dump(t *testing.T, r *model.Report) string {
	t.Helper()
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameReport fails the test when two reports differ, showing the first
// differing line.
func sameReport(t *testing.T, want, got *model.Report) {
	t.Helper()
	w, g := dump(t, want), dump(t, got)
	if w == g {
		return
	}
	wl, gl := strings.Split(w, "\n"), strings.Split(g, "\n")
	for i := range min(len(wl), len(gl)) {
		if wl[i] != gl[i] {
			t.Fatalf("reports differ at line %d:\nwant %s\ngot  %s", i+1, wl[i], gl[i])
		}
	}
	t.Fatalf("reports differ in length: want %d lines, got %d", len(wl), len(gl))
}

func roundTrip(t *testing.T, r *model.Report) *model.Report {
	t.Helper()
	data, err := form.WriteForm(r)
	if err != nil {
		t.Fatal(err)
	}
	got, _, probs := form.ReadForm("x.xlsx", data)
	if len(probs) > 0 {
		t.Fatalf("problems reading a written 填报表:\n%v", probs)
	}
	return got
}

func decp(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// TestRoundTripReports writes reports built in Go as 填报表 and reads them
// back: every field must survive.
func TestRoundTripReports(t *testing.T) {
	dates := sample.Liubeiqiao()
	dates.Period = model.Period{Start: model.Date{Year: 2024, Month: 1, Day: 1}, End: model.Date{Year: 2024, Month: 9}}
	dates.Report = model.ReportInfo{Template: "汇报材料", Title: "关于柳背桥社区工会工作情况的汇报"}
	dates.Membership.Previous = nil
	dates.Indicators[0].Previous = decp("0") // known to be zero is not unknown
	dates.Org.Party = "柳背桥社区党委"

	odd := sample.Liubeiqiao()
	odd.Version = 0
	odd.Period.Span = "前半年" // kept for validation to report
	odd.Indicators = []model.Indicator{
		{Name: "精度", Value: decimal.RequireFromString("1234567.891"), Unit: "元"},
		{Name: "很小", Value: decimal.RequireFromString("0.0000001"), Unit: "%"},
		{Name: "超过双精度", Value: decimal.RequireFromString("12345678901234.567"), Unit: "元", Previous: decp("0.1")},
		{Name: "负数", Value: decimal.RequireFromString("-3"), Unit: "%"},
	}
	odd.Activities[0].Content = "第一行，  中间的空格保留"
	odd.Activities[0].Title = "2024" // a title that looks like a number stays text
	odd.Activities[1].Location = "3-1"
	odd.Membership.Previous = &model.MembershipBase{}

	for name, r := range map[string]*model.Report{
		"liubeiqiao":  sample.Liubeiqiao(),
		"large":       sample.Large(150),
		"dated":       dates,
		"odd":         odd,
		"nearlyEmpty": {Version: 1, Org: model.Org{Name: "某工会"}},
	} {
		t.Run(name, func(t *testing.T) {
			sameReport(t, r, roundTrip(t, r))
		})
	}
}

// TestRoundTripFixtures: for every fixture, YAML → 填报表 → model gives the
// model the YAML gave.
func TestRoundTripFixtures(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*.yaml")
	jsons, _ := filepath.Glob("../../fixtures/*.json")
	files = append(files, jsons...)
	if len(files) < 5 {
		t.Fatalf("expected the fixtures in ../../fixtures, found %d", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			r, _, probs := load.File(file)
			if errs := probs.Errors(); len(errs) > 0 || r == nil {
				t.Fatalf("fixture does not load:\n%v", errs)
			}
			sameReport(t, r, roundTrip(t, r))
		})
	}
}

func TestEmptyForm(t *testing.T) {
	data, err := form.WriteForm(nil)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := form.WriteForm(nil)
	if !bytes.Equal(data, again) {
		t.Error("two empty 填报表 differ")
	}
	r, sm, probs := form.ReadForm("空表.xlsx", data)
	if len(probs) > 0 {
		t.Fatalf("an empty 填报表 has problems:\n%v", probs)
	}
	sameReport(t, &model.Report{Version: model.Version}, r)
	if sm.Has("activities[1]") {
		t.Error("the example row was read as an activity")
	}

	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"填表说明", "基本信息", "会员情况", "工作指标", "活动", "问题", "计划", "概况"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %v, want %v", got, want)
	}
	headers, _ := f.GetRows("活动")
	if got := strings.Join(headers[0], " "); got != "日期 结束日期 活动名称 类别 地点 参加人数 经费（元） 活动内容 取得成效 承办单位 受益对象 受益数量 受益数量单位 典型事例" {
		t.Errorf("活动 headers: %s", got)
	}
	if got := headers[1][2]; got != "工会组长培训" {
		t.Errorf("活动 example title = %q", got)
	}
	// The example row is grey.
	style, _ := f.GetCellStyle("活动", "C2")
	st, _ := f.GetStyle(style)
	if st.Font == nil || st.Font.Color != "808080" {
		t.Errorf("example row font: %+v", st.Font)
	}
	// Dropdowns: category and unit lists from the vocabularies, strict;
	// the date column checked; input messages on the headers.
	dvs, _ := f.GetDataValidations("活动")
	var lists, dates, heads int
	for _, dv := range dvs {
		switch {
		case dv.Type == "list" && dv.Sqref == "D3:D1000":
			lists++
			if !strings.Contains(dv.Formula1, "学习培训") || dv.ErrorStyle == nil || *dv.ErrorStyle != "stop" {
				t.Errorf("category dropdown: %q", dv.Formula1)
			}
		case dv.Type == "date" && dv.Sqref == "A3:A1000":
			dates++
		case dv.Sqref == "A1":
			heads++
			if dv.Prompt == nil || !strings.Contains(*dv.Prompt, "2024") {
				t.Errorf("header message: %v", dv.Prompt)
			}
		}
	}
	if lists != 1 || dates != 1 || heads != 1 {
		t.Errorf("活动 validations: %d category lists, %d date checks, %d header messages", lists, dates, heads)
	}
	dvs, _ = f.GetDataValidations("工作指标")
	units := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == "C3:C1000" })
	if units < 0 || !strings.Contains(dvs[units].Formula1, "人次") || !strings.Contains(dvs[units].Formula1, "平方公里") {
		t.Error("工作指标 has no unit dropdown")
	}
	dvs, _ = f.GetDataValidations("基本信息")
	span := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return strings.Contains(dv.Formula1, "上半年") })
	if span < 0 {
		t.Error("基本信息 has no span dropdown")
	}
	// Every header of every table sheet and every cell to fill on the
	// key–value sheets shows an input message; 上年同期 cells speak of
	// last year, not of 本期.
	headers1 := map[string]int{"工作指标": 5, "活动": 9, "问题": 1, "计划": 4, "概况": 3}
	for sheet, n := range headers1 {
		dvs, _ := f.GetDataValidations(sheet)
		for c := 1; c <= n; c++ {
			ref := cellName(c, 1)
			i := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == ref })
			if i < 0 || dvs[i].Prompt == nil || *dvs[i].Prompt == "" || dvs[i].PromptTitle == nil || *dvs[i].PromptTitle == "" {
				t.Errorf("%s!%s: no input message on the header", sheet, ref)
			}
		}
	}
	dvs, _ = f.GetDataValidations("会员情况")
	for _, ref := range []string{"B2", "C2", "B3", "C3", "B4", "C4", "B5"} {
		i := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == ref })
		if i < 0 || dvs[i].Prompt == nil || *dvs[i].Prompt == "" {
			t.Errorf("会员情况!%s: no input message", ref)
			continue
		}
		if p := *dvs[i].Prompt; ref[0] == 'C' && (!strings.Contains(p, "上年同期") || strings.Contains(p, "本期")) {
			t.Errorf("会员情况!%s (上年同期) says %q", ref, p)
		}
	}
	if v, _ := f.GetCellValue("基本信息", "B2"); v != "1" {
		t.Errorf("version cell = %q", v)
	}
	guide, _ := f.GetRows("填表说明")
	if len(guide) < 10 || !strings.Contains(guide[0][0], "填表说明") {
		t.Errorf("填表说明: %d rows", len(guide))
	}
}

func TestSourceMap(t *testing.T) {
	data, err := form.WriteForm(sample.Liubeiqiao())
	if err != nil {
		t.Fatal(err)
	}
	_, sm, _ := form.ReadForm("柳背桥.xlsx", data)
	for path, want := range map[string]string{
		"version":                         "基本信息!B2",
		"org.name":                        "基本信息!B3",
		"org.leader":                      "基本信息!B7",
		"org.leader.name":                 "基本信息!B8",
		"period.span":                     "基本信息!B10",
		"report.date":                     "基本信息!B14",
		"org":                             "基本信息",
		"membership":                      "会员情况",
		"membership.dues_paying":          "会员情况!B3",
		"membership.previous":             "会员情况!C2",
		"membership.previous.dues_paying": "会员情况!C3",
		"indicators":                      "工作指标",
		"indicators[2].previous":          "工作指标!D4",
		"activities[3]":                   "活动!A5",
		"activities[3].date":              "活动!A5",
		"activities[1].end_date":          "活动!B3", // empty: the cell to fill in
		"activities[7].result":            "活动!I9",
		"problems[1]":                     "问题!A3",
		"plans[2].deadline":               "计划!D4",
		"org.overview[2].unit":            "概况!C4",
	} {
		p := sm.Pos(path)
		got := p.Sheet
		if p.Cell != "" {
			got += "!" + p.Cell
		}
		if got != want || p.File != "柳背桥.xlsx" {
			t.Errorf("%s at %s, want %s", path, p, want)
		}
	}
	if sm.Has("activities[1].end_date") || !sm.Has("activities[3].end_date") {
		t.Error("Has must tell filled cells from empty ones")
	}
}

// edit opens a written 填报表, lets fn change it as a cadre would, and
// saves it again.
func edit(t *testing.T, r *model.Report, fn func(f *excelize.File)) []byte {
	t.Helper()
	data, err := form.WriteForm(r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fn(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func messages(l diag.List) string {
	l.Sort()
	var b strings.Builder
	for _, p := range l {
		b.WriteString(p.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestProblems checks the problems a cadre's slips give, by their full
// text, all reported at once.
func TestProblems(t *testing.T) {
	data := edit(t, sample.Liubeiqiao(), func(f *excelize.File) {
		must(t, f.SetCellValue("活动", "F5", "二十"))        // a word for a number
		must(t, f.SetCellValue("活动", "A6", "2024.13.5")) // no such month
		must(t, f.SetCellValue("活动", "G7", "300元"))      // a unit with the number
		must(t, f.SetCellValue("会员情况", "B2", "152人"))    // the same in 会员情况
		must(t, f.SetCellValue("会员情况", "C5", 3))         // 新发展会员 has no 上年同期
		must(t, f.SetCellValue("工作指标", "D3", "三"))       // previous
		must(t, f.SetCellValue("计划", "D3", "尽快"))        // a deadline in words
		must(t, f.SetCellValue("基本信息", "B9", "今年"))      // the year
		must(t, f.SetCellFormula("活动", "F8", "1/0"))     // a formula error, as Excel would store it
		must(t, f.SetCellValue("活动", "F8", "#DIV/0!"))
		_, err := f.NewSheet("草稿")
		must(t, err)
		must(t, f.SetCellValue("草稿", "A1", "随手记"))
		must(t, f.SetSheetName("问题", "问题 "))      // a trailing space is forgiven
		must(t, f.SetCellValue("活动", "O1", "备注")) // an extra column: not read
		must(t, f.SetCellValue("活动", "O3", "已报街道"))
	})
	_, _, probs := form.ReadForm("柳背桥.xlsx", data)
	// In workbook order: the sheets as the cadre sees their tabs.
	want := `柳背桥.xlsx:基本信息!B9: 字段 period.year：“今年”不是年份。年度写成四位数字，如 2024。
柳背桥.xlsx:会员情况!B2: 字段 membership.members：“152人”不是数字。在册会员只填整数，不带单位，如 152。
柳背桥.xlsx:会员情况!C5: 字段 membership.previous：新发展会员不填上年同期。请清空这一格。
柳背桥.xlsx:工作指标!D3: 字段 indicators[1].previous：“三”不是数字。上年同期只填数字，不带单位，如 3。
柳背桥.xlsx:活动!O1: 提醒：不认识的列“备注”，这一列不会读入。“活动”的列是：日期、结束日期、活动名称、类别、地点、参加人数、经费（元）、活动内容、取得成效、承办单位、受益对象、受益数量、受益数量单位、典型事例。
柳背桥.xlsx:活动!F5: 字段 activities[3].participants：“二十”不是数字。参加人数只填整数，不带单位，如 20。
柳背桥.xlsx:活动!A6: 字段 activities[4].date：日期“2024.13.5”不存在。请写成 2024-03-30、2024.3.30、2024/3/30 或 2024年3月30日。
柳背桥.xlsx:活动!G7: 字段 activities[5].cost：“300元”不是数字。经费（元）只填数字，不带单位，如 0。
柳背桥.xlsx:活动!F8: 字段 activities[6].participants：单元格里是公式出错的结果“#DIV/0!”。请改正公式，或直接填写参加人数。
柳背桥.xlsx:计划!D3: 字段 plans[1].deadline：“尽快”不是日期。请写成 2024-03-30、2024.3.30、2024/3/30 或 2024年3月30日；完成时限可以只写到月，如 2024年12月。
柳背桥.xlsx:草稿: 提醒：工作表“草稿”不是填报表的一部分，没有读入。自己的笔记可以留着；要写进报告的内容请填到基本信息、会员情况、工作指标、活动、问题、计划、概况中对应的表里。
`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestDefensive reads a 填报表 mistreated the ways real ones are.
func TestDefensive(t *testing.T) {
	r := sample.Liubeiqiao()
	data := edit(t, r, func(f *excelize.File) {
		// Numbers typed as text, full-width digits, trailing spaces.
		must(t, f.SetCellStr("会员情况", "B2", "１５２"))
		must(t, f.SetCellStr("会员情况", "B4", " 4509.50 "))
		must(t, f.SetCellStr("基本信息", "B3", "柳背桥社区工会\u3000"))
		// Dates as text in every spelling, one without a year.
		must(t, f.SetCellStr("活动", "A3", "2024.3.30"))
		must(t, f.SetCellStr("活动", "A4", "2024/4/16"))
		must(t, f.SetCellStr("活动", "A5", "2024年1月2日"))
		must(t, f.SetCellStr("活动", "B5", "1月21日"))
		must(t, f.SetCellStr("活动", "A6", "２０２４－１－１９"))
		// An empty row in the middle of the activities.
		must(t, f.InsertRows("活动", 7, 1))
		// The category merged down the two rows that share it (rows 9
		// and 10, both 帮扶救助, after the inserted row): the merge keeps
		// the value in D9 only.
		must(t, f.SetCellValue("活动", "D10", ""))
		must(t, f.MergeCell("活动", "D9", "D10"))
		// A title row inserted above the headers of 工作指标.
		must(t, f.InsertRows("工作指标", 1, 1))
		must(t, f.SetCellValue("工作指标", "A1", "柳背桥社区工会工作指标"))
		// Columns of 计划 swapped.
		rows, _ := f.GetRows("计划", excelize.Options{RawCellValue: true})
		for i, row := range rows {
			a, b := "", ""
			if len(row) > 0 {
				a = row[0]
			}
			if len(row) > 1 {
				b = row[1]
			}
			must(t, f.SetCellValue("计划", cellName(1, i+1), b))
			must(t, f.SetCellValue("计划", cellName(2, i+1), a))
		}
	})
	want := sample.Liubeiqiao()
	got, sm, probs := form.ReadForm("x.xlsx", data)
	if len(probs) > 0 {
		t.Fatalf("problems:\n%v", probs)
	}
	sameReport(t, want, got)
	if p := sm.Pos("activities[5].date"); p.Cell != "A8" {
		t.Errorf("after an inserted empty row, activities[5].date is at %s, want A8 (the row the cadre sees)", p)
	}
	if p := sm.Pos("activities[7].category"); p.Cell != "D10" {
		t.Errorf("a merged category is at %s, want D10", p)
	}
	if p := sm.Pos("indicators[1].name"); p.Cell != "A4" {
		t.Errorf("under a title row, indicators[1].name is at %s, want A4", p)
	}
	if p := sm.Pos("plans[1].category"); p.Cell != "B3" {
		t.Errorf("after swapping columns, plans[1].category is at %s, want B3", p)
	}
}

// TestMergedAcross: a merge that spans columns is read as a cadre sees it,
// the first cell's value and nothing in the cells it hides, with a warning
// naming the range; a value merged down over rows that are otherwise empty
// does not make them activities.
func TestMergedAcross(t *testing.T) {
	data := edit(t, sample.Liubeiqiao(), func(f *excelize.File) {
		// 本期 merged with 上年同期 for 缴费会员.
		must(t, f.MergeCell("会员情况", "B3", "C3"))
		// Two empty rows after the first activity, its category merged
		// down over them.
		must(t, f.InsertRows("活动", 4, 2))
		must(t, f.MergeCell("活动", "D3", "D5"))
		// A title merged over the header row's width is no data.
		must(t, f.InsertRows("问题", 1, 1))
		must(t, f.SetCellStr("问题", "A1", "柳背桥社区工会2024年上半年"))
		must(t, f.MergeCell("问题", "A1", "C1"))
	})
	// 活动内容 merged with 取得成效 on the fourth activity, the hidden
	// 成效 kept in the file as LibreOffice does when asked to keep the
	// contents of hidden cells (excelize's MergeCell would clear it).
	data = mergeKeeping(t, data, "xl/worksheets/sheet5.xml", "H8:I8")
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	hidden, _ := f.GetCellValue("活动", "I8", excelize.Options{RawCellValue: true})
	merges, _ := f.GetMergeCells("活动")
	f.Close()
	if hidden == "" || !slices.ContainsFunc(merges, func(m excelize.MergeCell) bool { return m.GetStartAxis() == "H8" }) {
		t.Fatalf("the test workbook lacks the merge H8:I8 over a kept value (I8 = %q, %d merges)", hidden, len(merges))
	}

	r, _, probs := form.ReadForm("x.xlsx", data)
	want := `x.xlsx:会员情况!B3: 提醒：合并单元格 B3:C3 跨了“本期”“上年同期”几列，只读入左上角 B3 的内容，其余几列当作没填。请取消合并，每一列分别填写。
x.xlsx:活动!H8: 提醒：合并单元格 H8:I8 跨了“活动内容”“取得成效”几列，只读入左上角 H8 的内容，其余几列当作没填。请取消合并，每一列分别填写。
`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if len(probs.Errors()) > 0 {
		t.Fatal("merges must be warnings; what they hide is validation's to judge")
	}
	want0 := sample.Liubeiqiao()
	if len(r.Activities) != len(want0.Activities) {
		t.Fatalf("%d activities, want %d", len(r.Activities), len(want0.Activities))
	}
	if got := r.Activities[3]; got.Content != want0.Activities[3].Content || got.Result != "" {
		t.Errorf("merged activity: content %q, result %q (want the content, no result)", got.Content, got.Result)
	}
	if p := r.Membership.Previous; p == nil || p.DuesPaying != 0 || p.Members != want0.Membership.Previous.Members {
		t.Errorf("previous membership = %+v, want members read and dues_paying empty", p)
	}
	if len(r.Problems) != len(want0.Problems) {
		t.Errorf("problems = %q", r.Problems)
	}
}

// mergeKeeping adds a merged range to one sheet's XML without touching the
// cells it covers.
func mergeKeeping(t *testing.T, data []byte, part, ref string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	done := false
	for _, zf := range zr.File {
		rc, err := zf.Open()
		must(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		must(t, err)
		rc.Close()
		body := b.Bytes()
		if zf.Name == part {
			cell := []byte(`<mergeCell ref="` + ref + `"/>`)
			if bytes.Contains(body, []byte("</mergeCells>")) {
				body = bytes.Replace(body, []byte("</mergeCells>"), append(cell, "</mergeCells>"...), 1)
			} else {
				body = bytes.Replace(body, []byte("</sheetData>"), append(append([]byte("</sheetData><mergeCells>"), cell...), "</mergeCells>"...), 1)
			}
			done = true
		}
		w, err := zw.Create(zf.Name)
		must(t, err)
		_, err = w.Write(body)
		must(t, err)
	}
	must(t, zw.Close())
	if !done {
		t.Fatalf("no part %s", part)
	}
	return out.Bytes()
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// TestExampleNeverData: the grey example is never data. Untouched it is
// skipped; half typed over (on a sheet whose protection was lifted), every
// example value left in the row is an error at its cell; typed over in
// full, it is the cadre's row.
func TestExampleNeverData(t *testing.T) {
	data := edit(t, nil, func(f *excelize.File) {
		must(t, f.SetCellValue("问题", "A2", "活动经费不足"))
		must(t, f.SetCellValue("活动", "C2", "春节慰问"))
		for _, c := range []string{"A2", "B2", "C2", "D2", "E2"} {
			must(t, f.SetCellValue("计划", c, ""))
		}
		must(t, f.SetCellValue("计划", "B2", "筹备职工运动会"))
		must(t, f.SetCellValue("计划", "A2", "文体活动"))
	})
	r, _, probs := form.ReadForm("x.xlsx", data)
	want := `x.xlsx:活动!A2: 字段 activities[1].date：这一格还是示例“2024-03-30”，不是本单位的数据。灰色的示例行不会读入；请把这一格改成实际内容，或清空。
x.xlsx:活动!D2: 字段 activities[1].category：这一格还是示例“学习培训”，不是本单位的数据。灰色的示例行不会读入；请把这一格改成实际内容，或清空。
x.xlsx:活动!E2: 字段 activities[1].location：这一格还是示例“南湖鸳鸯度假村”，不是本单位的数据。灰色的示例行不会读入；请把这一格改成实际内容，或清空。
x.xlsx:活动!F2: 字段 activities[1].participants：这一格还是示例“20”，不是本单位的数据。灰色的示例行不会读入；请把这一格改成实际内容，或清空。
x.xlsx:活动!G2: 字段 activities[1].cost：这一格还是示例“0”，不是本单位的数据。灰色的示例行不会读入；请把这一格改成实际内容，或清空。
x.xlsx:活动!H2: 字段 activities[1].content：这一格还是示例“就如何协助社区开展好社区工会工作进行了讲解和讨论”，不是本单位的数据。灰色的示例行不会读入；请把这一格改成实际内容，或清空。
x.xlsx:活动!I2: 字段 activities[1].result：这一格还是示例“收到了很好的效果”，不是本单位的数据。灰色的示例行不会读入；请把这一格改成实际内容，或清空。
`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if len(r.Problems) != 1 || r.Problems[0] != "活动经费不足" {
		t.Errorf("problems = %q", r.Problems)
	}
	if len(r.Plans) != 1 || r.Plans[0].Item != "筹备职工运动会" || r.Plans[0].Target != "" || !r.Plans[0].Deadline.IsZero() {
		t.Errorf("plans = %+v", r.Plans)
	}
}

func TestNotAWorkbook(t *testing.T) {
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("hello.txt")
	w.Write([]byte("not a workbook"))
	zw.Close()
	for name, tt := range map[string]struct {
		data []byte
		want string
	}{
		"yaml":  {[]byte("version: 1\n"), "x.xlsx: 文件不是 Excel 工作簿（.xlsx）。"},
		"xls":   {append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "x.xlsx: 文件是旧版 Excel 97-2003 格式（.xls）或设有打开密码。"},
		"zip":   {zipped.Bytes(), "x.xlsx: 文件不是 Excel 工作簿（.xlsx）。"},
		"empty": {nil, "x.xlsx: 文件不是 Excel 工作簿（.xlsx）。"},
	} {
		r, _, probs := form.ReadForm("x.xlsx", tt.data)
		if r != nil || len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), tt.want) {
			t.Errorf("%s: report %v, problems:\n%v", name, r != nil, probs)
		}
	}
}

// TestFileTooLarge: a file over the size limit is refused unread.
func TestFileTooLarge(t *testing.T) {
	data := make([]byte, book.MaxFileSize+1)
	copy(data, "PK\x03\x04")
	r, _, probs := form.ReadForm("大.xlsx", data)
	want := "大.xlsx: 工作簿过大：文件有 32.1 MB，上限 32 MB。填报表通常只有几百 KB；请删去多余的工作表"
	if r != nil || len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), want) {
		t.Errorf("report %v, problems:\n%v", r != nil, probs)
	}
}

// TestUnzipLimit: a small file that unpacks to more than the limit is
// refused before it is unpacked.
func TestUnzipLimit(t *testing.T) {
	data, err := form.WriteForm(nil)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, _ := zw.CreateHeader(&f.FileHeader)
		rc, _ := f.Open()
		var part bytes.Buffer
		part.ReadFrom(rc)
		rc.Close()
		w.Write(part.Bytes())
	}
	w, _ := zw.Create("xl/media/bomb.bin")
	chunk := make([]byte, 1<<20)
	for range 130 { // 130 MB of zeros: about 130 KB packed
		w.Write(chunk)
	}
	zw.Close()
	if out.Len() > 2<<20 {
		t.Fatalf("the bomb is %d bytes packed", out.Len())
	}
	r, _, probs := form.ReadForm("bomb.xlsx", out.Bytes())
	if r != nil || len(probs) != 1 || !strings.Contains(probs[0].Msg, "工作簿过大") || !strings.Contains(probs[0].Hint, "删去多余的工作表") {
		t.Errorf("problems:\n%v", probs)
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := form.WriteForm(sample.Liubeiqiao())
	b, _ := form.WriteForm(sample.Liubeiqiao())
	if !bytes.Equal(a, b) {
		t.Error("the same report gave two different 填报表")
	}
}

// FuzzReadForm feeds damaged workbooks to the reader: it must report, never
// panic.
func FuzzReadForm(f *testing.F) {
	data, err := form.WriteForm(sample.Liubeiqiao())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, sm, probs := form.ReadForm("f.xlsx", data)
		if r == nil && len(probs) == 0 {
			t.Fatal("no report and no problem")
		}
		if sm == nil {
			t.Fatal("no source map")
		}
	})
}

// TestEmptyMembershipSheet: a 填报表 whose 会员情况 has its labels and no
// figure gives no membership (a plan needs none; a summary is told it is
// missing, at the sheet), and a plan's 填报表 is written so; one figure
// makes the sheet given, and the others are asked for at their cells.
func TestEmptyMembershipSheet(t *testing.T) {
	plan := &model.Report{Version: model.Version, Org: model.Org{Name: "长胜社区工会联合会", Type: "社区工会"},
		Period: model.Period{Year: 2025, Span: model.Year},
		Plans:  []model.Plan{{Category: "组织建设", Item: "继续做好建会工作"}}}
	data, err := form.WriteForm(plan)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue(form.SheetMembership, "B2"); v != "" {
		t.Errorf("a plan's 会员情况!B2 is %q, want it empty", v)
	}
	r, sm, probs := form.ReadForm("计划.xlsx", data)
	if len(probs) > 0 || sm.Has("membership") || r.Membership != (model.Membership{}) {
		t.Fatalf("empty 会员情况: has=%v %+v\n%v", sm.Has("membership"), r.Membership, probs)
	}
	if got := messages(validate.Report(r, sm)); got != "" {
		t.Errorf("a plan without membership:\n%s", got)
	}
	if got := messages(validate.ForKind(r, sm, model.KindSummary)); !strings.Contains(got, "计划.xlsx:会员情况: 字段 membership：缺少会员情况") {
		t.Errorf("a summary without membership:\n%s", got)
	}
	f.SetCellValue(form.SheetMembership, "B2", 152)
	buf, _ := f.WriteToBuffer()
	r, sm, _ = form.ReadForm("计划.xlsx", buf.Bytes())
	got := messages(validate.Report(r, sm))
	for _, want := range []string{"计划.xlsx:会员情况!B3: 字段 membership.dues_paying：缺少缴费会员人数", "计划.xlsx:会员情况!B4: 字段 membership.dues_collected：缺少会费收缴金额"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}
