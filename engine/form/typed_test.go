package form_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/huibao/huibao/internal/sample"
	"github.com/xuri/excelize/v2"
)

// excelTyped is the 柳背桥 填报表 with cells as Excel and WPS store what a
// cadre types into them (see cells.go): percentages, months, dates as
// serials, numbers as text, line breaks typed with Alt+Enter.
func excelTyped(t *testing.T) []byte {
	t.Helper()
	return edit(t, sample.Liubeiqiao(), func(f *excelize.File) {
		style := func(numFmt int, code string) int {
			st := &excelize.Style{NumFmt: numFmt}
			if code != "" {
				st.CustomNumFmt = &code
			}
			id, err := f.NewStyle(st)
			must(t, err)
			return id
		}
		set := func(sheet, cell string, v any, st int) {
			must(t, f.SetCellValue(sheet, cell, v))
			if st >= 0 {
				must(t, f.SetCellStyle(sheet, cell, cell, st))
			}
		}
		// 工作指标, rows 11 on: 95% typed into a General cell is 0.95 shown
		// as 0% (built-in format 9); 88.5% is 0.885 shown as 0.0%.
		set("工作指标", "A11", "会费收缴率", -1)
		set("工作指标", "B11", 0.95, style(9, ""))
		set("工作指标", "C11", "%", -1)
		set("工作指标", "D11", 0.885, style(0, "0.0%"))
		// 0.8 in a % row that lost its format: 0.8% or 80%?
		set("工作指标", "A12", "入会率", -1)
		set("工作指标", "B12", 0.8, -1)
		set("工作指标", "C12", "%", -1)
		// Text typed as a percentage, in a text cell.
		set("工作指标", "A13", "建会率", -1)
		set("工作指标", "B13", "９２％", -1)
		set("工作指标", "C13", "%", -1)
		// A percentage in a row counted in 人.
		set("工作指标", "A14", "志愿者", -1)
		set("工作指标", "B14", 0.3, style(9, ""))
		set("工作指标", "C14", "人", -1)
		// 计划: 2024年12月 typed into a General cell (built-in 57, the
		// zh-CN month format); as LibreOffice saves it (a custom code);
		// typed into a yyyy-mm-dd cell (the first of the month, and a
		// word); 12月底 as text.
		dec1 := float64(book.Serial(model.Date{Year: 2024, Month: 12, Day: 1}))
		set("计划", "D3", dec1, style(57, ""))
		set("计划", "D4", dec1, style(0, `[$-804]YYYY"年"M"月";@`))
		set("计划", "D5", dec1, style(0, "yyyy-mm-dd"))
		set("计划", "D6", "12月底", -1)
		// 活动: a date as Excel's serial with a Chinese date format,
		// participants typed as text in full-width digits, a content and
		// a title broken with Alt+Enter.
		set("活动", "A3", float64(book.Serial(model.Date{Year: 2024, Month: 1, Day: 2})), style(31, ""))
		set("活动", "F3", "２０", -1)
		set("活动", "H3", "全体会员\n参加了学习，\r\n  并进行了讨论", -1)
		set("活动", "C4", "Union\nDay 活动", -1)
	})
}

func TestExcelTyped(t *testing.T) {
	r, _, probs := form.ReadForm("x.xlsx", excelTyped(t))
	checkExcelTyped(t, r, probs)
}

// checkExcelTyped checks what excelTyped reads as, here and after
// LibreOffice has saved the workbook again (office_test.go).
func checkExcelTyped(t *testing.T, r *model.Report, probs interface{ Error() string }) {
	t.Helper()
	want := `x.xlsx:工作指标!B12: 提醒：字段 indicators[10].value：单位是%，而数值是0.8：是0.8%，还是80%？在 Excel 里输入的 80% 若失去了百分比格式，就存成 0.8；是80%请改写成 80，确是0.8%就不用改。
x.xlsx:工作指标!B14: 字段 indicators[12].value：“30%”是百分数，而这一行的单位是“人”。单位是%的指标请在“单位”一列选 %；否则这一格只填数字，不带%。
x.xlsx:计划!D5: 提醒：字段 plans[3].deadline：完成时限读作2024年12月1日：在日期格式的单元格里输入“2024年12月”，Excel 和 WPS 也存成1日。只想写到月份时，请把这一格设为文本格式，再输入“2024年12月”；确是1日就不用改。
`
	if got := probs.Error() + "\n"; got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	inds := map[string]string{}
	for _, ind := range r.Indicators {
		v := ind.Value.String()
		if ind.Previous != nil {
			v += "/" + ind.Previous.String()
		}
		inds[ind.Name] = v
	}
	for name, want := range map[string]string{"会费收缴率": "95/88.5", "入会率": "0.8", "建会率": "92"} {
		if inds[name] != want {
			t.Errorf("%s = %s, want %s", name, inds[name], want)
		}
	}
	var deadlines []string
	for _, p := range r.Plans {
		deadlines = append(deadlines, p.Deadline.String())
	}
	if want := []string{"2024-12", "2024-12", "2024-12-01", "2024-12"}; !slices.Equal(deadlines[:4], want) {
		t.Errorf("deadlines = %v, want %v", deadlines, want)
	}
	a := r.Activities
	if a[0].Date.String() != "2024-01-02" || a[0].Participants != 20 {
		t.Errorf("first activity: %s, %d people", a[0].Date, a[0].Participants)
	}
	if a[0].Content != "全体会员参加了学习，并进行了讨论" || a[1].Title != "Union Day 活动" {
		t.Errorf("lines broken in a cell: %q, %q", a[0].Content, a[1].Title)
	}
}

// TestRenamedHeader: a header renamed over its data is one error at the
// header, not one at every row whose cell then seems empty, and the
// validation of the rows keeps quiet about the column.
func TestRenamedHeader(t *testing.T) {
	data := edit(t, sample.Liubeiqiao(), func(f *excelize.File) {
		must(t, f.SetCellStr("活动", "C1", "活动题目"))
		must(t, f.SetCellStr("活动", "E1", "活动地点"))
		must(t, f.SetCellStr("工作指标", "C1", "计量单位"))
	})
	r, src, probs := form.ReadForm("x.xlsx", data)
	probs = append(probs, validate.Report(r, src)...)
	want := `x.xlsx:工作指标!C1: 字段 indicators.unit：表头“计量单位”不是“工作指标”的列名，而这张表缺少“单位”列。是不是把“单位”改了名？请把表头改回“单位”；表头不能改动，否则这一列不会读入。
x.xlsx:活动!C1: 字段 activities.title：表头“活动题目”不是“活动”的列名，而这张表缺少“活动名称”列。是不是把“活动名称”改了名？请把表头改回“活动名称”；表头不能改动，否则这一列不会读入。
x.xlsx:活动!E1: 字段 activities.location：表头“活动地点”不是“活动”的列名，而这张表缺少“地点”列。是不是把“地点”改了名？请把表头改回“地点”；表头不能改动，否则这一列不会读入。
`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	// A required column deleted: one error at the header row.
	data = edit(t, sample.Liubeiqiao(), func(f *excelize.File) {
		must(t, f.RemoveCol("计划", "A"))
	})
	r, src, probs = form.ReadForm("x.xlsx", data)
	probs = append(probs, validate.Report(r, src)...)
	want = "x.xlsx:计划!A1: 字段 plans.category：“计划”缺少“类别”列。“计划”的列是：类别、工作事项、目标、完成时限；请补上这一列的表头，不要删除或改动表头。\n"
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestOwnSheets: a sheet of the cadre's own is left alone with a notice; a
// sheet of the form renamed is an error, since its data would be lost.
func TestOwnSheets(t *testing.T) {
	data := edit(t, sample.Liubeiqiao(), func(f *excelize.File) {
		_, err := f.NewSheet("我的笔记")
		must(t, err)
		must(t, f.SetCellStr("我的笔记", "A1", "6月底前交街道"))
		must(t, f.SetSheetName("问题", "存在问题"))
	})
	_, _, probs := form.ReadForm("x.xlsx", data)
	want := `x.xlsx:存在问题: 填报表缺少工作表“问题”，而有一个不认识的工作表“存在问题”。是不是“问题”改了名？请改回“问题”，否则其中的内容不会读入。
x.xlsx:我的笔记: 提醒：工作表“我的笔记”不是填报表的一部分，没有读入。自己的笔记可以留着；要写进报告的内容请填到基本信息、会员情况、工作指标、活动、问题、计划、概况中对应的表里。
`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestProtected: every sheet is protected without a password; headers,
// labels, hints and the example are locked, the cells to fill in and every
// unstyled cell unlocked, and rows may be inserted and deleted.
func TestProtected(t *testing.T) {
	data, err := form.WriteForm(nil)
	must(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	locked := func(sheet, cell string) bool {
		id, err := f.GetCellStyle(sheet, cell)
		must(t, err)
		st, err := f.GetStyle(id)
		must(t, err)
		return st.Protection == nil || st.Protection.Locked
	}
	for _, sheet := range f.GetSheetList() {
		x, err := f.GetSheetProtection(sheet)
		must(t, err)
		if !x.SelectLockedCells || !x.SelectUnlockedCells || !x.InsertRows || !x.DeleteRows || !x.FormatCells || x.Password != "" {
			t.Errorf("%s: protection %+v", sheet, x)
		}
	}
	for _, c := range [][2]string{{"活动", "C1"}, {"活动", "C2"}, {"基本信息", "A3"}, {"基本信息", "C3"}, {"会员情况", "C5"}, {"填表说明", "A1"}} {
		if !locked(c[0], c[1]) {
			t.Errorf("%s!%s is not locked", c[0], c[1])
		}
	}
	for _, c := range [][2]string{{"活动", "C3"}, {"活动", "C900"}, {"活动", "Z7"}, {"基本信息", "B3"}, {"会员情况", "C2"}, {"计划", "D3"}} {
		if locked(c[0], c[1]) {
			t.Errorf("%s!%s is locked", c[0], c[1])
		}
	}
	// 完成时限 is a text column: 2024年12月 stays as typed.
	id, _ := f.GetCellStyle("计划", "D3")
	if st, _ := f.GetStyle(id); st.NumFmt != 49 {
		t.Errorf("计划!D3 number format %d, want text (49)", st.NumFmt)
	}
}

// TestHintsAccepted: every value a hint of the 填报表 suggests ("如 …",
// "例：…") reads without a problem when typed into its cell, and every
// template it names exists.
func TestHintsAccepted(t *testing.T) {
	data, err := form.WriteForm(nil)
	must(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	suggestion := regexp.MustCompile(`(?:如 |例：|例如 )([^。；，（]+)`)
	type typed struct{ sheet, cell, value string }
	var tries []typed
	templates := 0
	for _, sheet := range f.GetSheetList() {
		dvs, err := f.GetDataValidations(sheet)
		must(t, err)
		for _, dv := range dvs {
			if dv.Prompt == nil || dv.PromptTitle == nil {
				continue
			}
			first, _, _ := strings.Cut(dv.Sqref, ":")
			col, row, err := excelize.CellNameToCoordinates(first)
			must(t, err)
			if row == 1 {
				row = 3 // a header's message: try it in the first data row
			}
			cell, _ := excelize.CoordinatesToCellName(col, row)
			for _, m := range suggestion.FindAllStringSubmatch(*dv.Prompt, -1) {
				for _, v := range strings.FieldsFunc(m[1], func(r rune) bool { return r == '、' }) {
					for _, v := range strings.Split(v, " 或 ") {
						v = strings.TrimSpace(v)
						if *dv.PromptTitle == "报告模板" {
							templates++
							eng, err := engine.New(engine.Options{})
							must(t, err)
							if _, err := eng.LookupTemplate(v); err != nil {
								t.Errorf("报告模板 suggests %q: %v", v, err)
							}
							continue
						}
						tries = append(tries, typed{sheet, cell, v})
					}
				}
			}
		}
	}
	f.Close()
	if len(tries) < 25 || templates < 4 {
		t.Fatalf("only %d suggestions and %d templates found in the hints", len(tries), templates)
	}
	for _, try := range tries {
		data := edit(t, nil, func(f *excelize.File) {
			must(t, f.SetCellStr("基本信息", "B9", "2024"))
			must(t, f.SetCellStr(try.sheet, try.cell, try.value))
		})
		_, _, probs := form.ReadForm("x.xlsx", data)
		if len(probs) > 0 {
			t.Errorf("%s!%s: the hint suggests %q, which reads as:\n%v", try.sheet, try.cell, try.value, probs)
		}
	}
	// Validation, asked for a missing 期间 or version on the form, names
	// what the form takes.
	data = edit(t, sample.Liubeiqiao(), func(f *excelize.File) {
		must(t, f.SetCellStr("基本信息", "B10", ""))
		must(t, f.SetCellStr("基本信息", "B2", ""))
	})
	r, src, probs := form.ReadForm("x.xlsx", data)
	probs = append(probs, validate.Report(r, src)...)
	want := `x.xlsx:基本信息!B2: 字段 version：缺少格式版本号。请在这一格填写 1。
x.xlsx:基本信息!B10: 字段 period.span：缺少期间。请在这一格填写，例如 上半年。
`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
