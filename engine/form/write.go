package form

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// blankFormDate stamps an empty 填报表, which has no report date of its own,
// so that `huibao init` always writes the same bytes.
func blankFormDate() model.Date { return model.Date{Year: 2024, Month: 1, Day: 1} }

// WriteForm writes a 填报表. With a nil report it is the empty workbook that
// `huibao init` hands out: headers, dropdowns, checks, input messages and a
// grey example row on every sheet. With a report it is the same workbook
// filled in, which ReadForm reads back to the same report.
func WriteForm(r *model.Report) ([]byte, error) {
	f := excelize.NewFile()
	defer book.Close(f)
	if err := f.SetDefaultFont(font); err != nil {
		return nil, err
	}
	w := &writer{f: f, r: r, styles: map[string]int{}}
	steps := []func() error{
		w.guide,
		w.basic,
		w.membership,
		func() error { return w.table(tableOf(SheetIndicators)) },
		func() error { return w.table(tableOf(SheetActivities)) },
		func() error { return w.table(tableOf(SheetProblems)) },
		func() error { return w.table(tableOf(SheetPlans)) },
		func() error { return w.table(tableOf(SheetOverview)) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("form: writing the 填报表: %w", err)
		}
	}
	w.unlockDefault()
	if w.err != nil {
		return nil, fmt.Errorf("form: writing the 填报表: %w", w.err)
	}
	props := book.Props{Title: "工会工作数据填报表", Subject: "huibao 填报表", Date: blankFormDate()}
	if r != nil {
		props.Title = r.Org.Name + "数据填报表"
		props.Creator = r.Org.Name
		props.Date = r.IssueDate()
	}
	return book.Save(f, props)
}

// orderedSheets is the workbook order of the sheets ReadForm knows.
func orderedSheets() []string {
	return []string{SheetGuide, SheetBasic, SheetMembership, SheetIndicators, SheetActivities, SheetProblems, SheetPlans, SheetOverview}
}

func tableOf(sheet string) table {
	for _, t := range tables() {
		if t.sheet == sheet {
			return t
		}
	}
	panic("form: no table sheet " + sheet)
}

const (
	font      = "宋体"
	titleFont = "黑体"
)

// writer draws one 填报表; the first excelize error is kept in err.
type writer struct {
	f      *excelize.File
	r      *model.Report
	first  bool
	styles map[string]int
	err    error
	// multi writes a 多单位填报表 of units (units.go).
	multi bool
	units []*model.Report
}

// style returns the id of a named style, creating it on first use.
func (w *writer) style(name string) int {
	if id, ok := w.styles[name]; ok {
		return id
	}
	grid := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	body := &excelize.Font{Family: font, Size: 11}
	grey := &excelize.Font{Family: font, Size: 11, Color: "808080", Italic: true}
	mid := &excelize.Alignment{Vertical: "center"}
	wrap := &excelize.Alignment{Vertical: "center", WrapText: true}
	var st *excelize.Style
	switch name {
	case "title":
		st = &excelize.Style{Font: &excelize.Font{Family: titleFont, Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}
	case "para":
		st = &excelize.Style{Font: &excelize.Font{Family: font, Size: 11}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}
	case "head":
		st = &excelize.Style{Font: &excelize.Font{Family: titleFont, Size: 12, Bold: true}, Alignment: mid}
	case "header":
		st = &excelize.Style{Font: &excelize.Font{Family: font, Size: 11, Bold: true}, Border: grid,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}
	case "label":
		st = &excelize.Style{Font: &excelize.Font{Family: font, Size: 11, Bold: true}, Border: grid,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Alignment: mid}
	case "hint":
		st = &excelize.Style{Font: grey, Alignment: wrap}
	case "none":
		st = &excelize.Style{Font: body, Border: grid, Alignment: mid,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}}
	default:
		// data:KIND or example:KIND
		role, k, _ := strings.Cut(name, ":")
		// Cells to fill in are unlocked: the sheet is protected, without
		// a password, so that headers, labels and the example stay as
		// they are while everything else is typed freely.
		st = &excelize.Style{Font: body, Border: grid, Alignment: mid, Protection: &excelize.Protection{Locked: false}}
		switch role {
		case "example":
			st.Font = grey
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F7F7F7"}}
			st.Protection = nil
		case "free":
			st.Border = nil
		}
		switch k {
		case "date":
			st.CustomNumFmt = ptr("yyyy-mm-dd")
			st.Alignment = &excelize.Alignment{Horizontal: "left", Vertical: "center"}
		case "text":
			st.NumFmt = 49 // @: what is typed stays text (3-1 is not a date)
			st.Alignment = wrap
		case "number":
			st.NumFmt = 0
		case "money":
			st.NumFmt = 2 // 0.00: 4509.50 as the cadre wrote it; the cell holds 4509.5
		default:
			if strings.HasSuffix(k, "%") {
				st.CustomNumFmt = ptr(k)
			}
		}
	}
	id, err := w.f.NewStyle(st)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.styles[name] = id
	return id
}

func kindStyle(fd field) string {
	switch {
	case fd.kind == model.KindMonth:
		// A text column: 2024年12月 typed into a date cell would be stored
		// as 2024-12-01 (see cells.go).
		return "text"
	case fd.kind == model.KindMoney:
		return "money"
	case isDate(fd.kind):
		return "date"
	case isNumber(fd.kind):
		return "number"
	}
	return "text"
}

// sheet adds a sheet (renaming the default one for the first).
func (w *writer) sheet(name string) error {
	if !w.first {
		w.first = true
		return w.f.SetSheetName("Sheet1", name)
	}
	_, err := w.f.NewSheet(name)
	return err
}

// set writes a typed value, as cellValue gives it.
func (w *writer) set(sheet, cell string, v any) error {
	f := w.f
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		return f.SetCellStr(sheet, cell, v)
	case int:
		return f.SetCellInt(sheet, cell, int64(v))
	case decimal.Decimal:
		return setDecimal(f, sheet, cell, v)
	case model.Date:
		switch {
		case v.IsZero():
			return nil
		case v.HasDay():
			return f.SetCellInt(sheet, cell, int64(book.Serial(v)))
		}
		// A month is text: a date cell would make it a day.
		return f.SetCellStr(sheet, cell, fmt.Sprintf("%d年%d月", v.Year, v.Month))
	}
	return fmt.Errorf("form: cannot write %T", v)
}

// setDecimal writes a number as a number when a double holds it exactly
// (every amount a cadre types), and as text otherwise, so that reading it
// back gives the same decimal.
func setDecimal(f *excelize.File, sheet, cell string, d decimal.Decimal) error {
	x := d.InexactFloat64()
	if back := decimal.NewFromFloat(x); back.Equal(d) && len(d.Coefficient().String()) <= maxDigits {
		return f.SetCellFloat(sheet, cell, x, -1, 64)
	}
	return f.SetCellStr(sheet, cell, d.String())
}

// exampleValue is the typed example of a field, as it is written.
func exampleValue(fd field) any {
	if fd.example == "" {
		return ""
	}
	switch {
	case isWhole(fd.kind):
		n, _ := strconv.Atoi(fd.example)
		return n
	case isNumber(fd.kind):
		return decimal.RequireFromString(fd.example)
	case fd.kind == model.KindMonth:
		return fd.example // typed as text
	case isDate(fd.kind):
		d, msg := parseDate(fd.example, model.Period{Year: 2024, Span: model.Year}, false)
		if msg != "" {
			panic("form: bad example date " + fd.example)
		}
		return d
	}
	return fd.example
}

// guide writes 填表说明.
func (w *writer) guide() error {
	const sheet = SheetGuide
	if err := w.sheet(sheet); err != nil {
		return err
	}
	f := w.f
	// Narrower than a portrait page: a single column is never scaled to fit.
	if err := f.SetColWidth(sheet, "A", "A", guideWidth); err != nil {
		return err
	}
	lines := guideText()
	if w.multi {
		lines = unitsGuideText()
	}
	for i, l := range lines {
		cell := "A" + strconv.Itoa(i+1)
		style, height := w.style("para"), 0.0
		switch {
		case i == 0:
			style, height = w.style("title"), 36
		case strings.HasPrefix(l, "【"):
			style, height = w.style("head"), 24
		case l == "":
		default:
			height = float64(book.Lines(l, guideWidth))*15 + 3
		}
		if err := f.SetCellStr(sheet, cell, l); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
			return err
		}
		if height > 0 {
			if err := f.SetRowHeight(sheet, i+1, height); err != nil {
				return err
			}
		}
	}
	return w.printSetup(sheet, false)
}

// guideWidth is the width of 填表说明's one column.
const guideWidth = 72

// guideText is 填表说明, one paragraph a row.
func guideText() []string {
	about := func(sheet string) string { return tableOf(sheet).about }
	return []string{
		"工会工作数据填报表 · 填表说明",
		"本表用于 huibao 生成半年总结、年度总结、工作计划和汇报材料：填好数据，报告里的数字、日期和单位都从这里来。",
		"",
		"【怎么填】",
		"1. 每个工作表填一类数据。请不要改动工作表的名称和第一行的表头；可以调整列宽、插入空行，读取时会跳过空行。",
		"2. 各表第二行灰色斜体的内容是示例，已锁定，不会读入。请从第三行起填写，一行一项。表头、项目名称和示例都已锁定（工作表保护，没有密码），其余单元格可以自由填写、插入和删除行。",
		"3. 选中表头或单元格时会出现填写提示；类别、单位、期间等有下拉列表，请从中选择。",
		"",
		"【各工作表】",
		"基本信息：单位名称、年度和期间必填；“内容”一列填写，“说明”一列是示例和提示。",
		"会员情况：本期在册会员、缴费会员、会费收缴金额和新发展会员；“上年同期”一列填去年同一期间的数字，可以不填。",
		"工作指标：" + about(SheetIndicators),
		"活动：" + about(SheetActivities),
		"问题：" + about(SheetProblems),
		"计划：" + about(SheetPlans),
		"概况：" + about(SheetOverview),
		"",
		"【日期和数字】",
		"日期可以写成 2024-03-30、2024.3.30、2024/3/30 或 2024年3月30日；只写 3月30日 时，年份取基本信息里的年度。完成时限可以只写到月，如 2024年12月、12月底、年底。",
		"数字只填数字，不要带单位（写 152，不写 152人）；全角数字也能识别。金额以元为单位，可以带两位小数，如 4509.50。单位是 % 的指标可以写 95 或 95%。",
		"类别共有：" + strings.Join(model.Categories(), "、") + "。",
		"单位共有：" + strings.Join(model.UnitNames(), "、") + "。",
		"",
		"【检查和生成】",
		"填好后保存为 .xlsx 文件，运行 huibao validate 文件名.xlsx 检查，运行 huibao generate 文件名.xlsx 生成报告。",
		"检查出的问题会一次全部列出，并指明工作表和单元格（如“活动!C7”）以及改法。",
		"合并的单元格以左上角的内容为准；上下合并的单元格（如同一类别的几项活动），内容对合并的每一行都有效。单元格里用 Alt+Enter 换的行，读入时接成一段。",
		"另加的工作表（如自己的笔记）不会读入，也不影响生成。",
	}
}

// basic writes 基本信息: one row per field, 项目 | 内容 | 说明.
func (w *writer) basic() error {
	const sheet = SheetBasic
	if err := w.sheet(sheet); err != nil {
		return err
	}
	f := w.f
	if err := w.kvHeader(sheet, []string{"项目", "内容", "说明"}, []float64{16, 36, 60}); err != nil {
		return err
	}
	fields := basicFields()
	if w.multi {
		fields = sharedFields()
	}
	for i, fd := range fields {
		row := strconv.Itoa(i + 2)
		if err := w.kvLabel(sheet, row, fd.label); err != nil {
			return err
		}
		cell := "B" + row
		if err := f.SetCellStyle(sheet, cell, cell, w.style("data:"+kindStyle(fd))); err != nil {
			return err
		}
		var v any = ""
		switch {
		case w.r != nil:
			v = cellValue(fd, w.r)
		case fd.kind == model.KindVersion:
			v = model.Version
		}
		if err := w.set(sheet, cell, v); err != nil {
			return err
		}
		hint := fd.prompt
		if fd.example != "" && fd.kind != model.KindVersion {
			hint = "例：" + fd.example + "。" + hint
		}
		if err := w.hint(sheet, "C"+row, hint); err != nil {
			return err
		}
		// A long hint wraps: the row grows to hold it.
		if lines := book.Lines(hint, 60); lines > 1 {
			if err := f.SetRowHeight(sheet, i+2, float64(lines)*15+4); err != nil {
				return err
			}
		}
		if err := w.validate(sheet, cell, fd); err != nil {
			return err
		}
	}
	return w.printSetup(sheet, false)
}

// cellValue is what a cell of the field shows for holder (the report, or a
// list item): the model's value, typed for set; "" for an empty cell.
func cellValue(fd field, holder any) any {
	v, ok := fd.of.Get(holder)
	switch {
	case !ok:
		return ""
	case fd.kind == model.KindSpan:
		return spanName(v.(model.Span))
	case fd.kind == model.KindYear && v == 0:
		return ""
	case fd.kind == model.KindBool:
		if v.(bool) {
			return "是"
		}
		return ""
	case fd.blankZero && isZeroNumber(v):
		return ""
	case fd.kind == model.KindMonth:
		return monthText(v.(model.Date))
	}
	return v
}

// isZeroNumber reports whether v is a whole or decimal number that is 0.
func isZeroNumber(v any) bool {
	switch v := v.(type) {
	case int:
		return v == 0
	case decimal.Decimal:
		return v.IsZero()
	}
	return false
}

// monthText writes a date of a text column as a cadre would type it:
// 2024年12月, or 2024年12月31日.
func monthText(d model.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.HasDay():
		return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
	}
	return fmt.Sprintf("%d年%d月", d.Year, d.Month)
}

// membership writes 会员情况: 项目 | 本期 | 上年同期 | 说明.
func (w *writer) membership() error {
	const sheet = SheetMembership
	if err := w.sheet(sheet); err != nil {
		return err
	}
	f := w.f
	if err := w.kvHeader(sheet, []string{"项目", "本期", "上年同期", "说明"}, []float64{18, 16, 16, 56}); err != nil {
		return err
	}
	for i, fd := range membershipFields() {
		row := strconv.Itoa(i + 2)
		if err := w.kvLabel(sheet, row, fd.label); err != nil {
			return err
		}
		cur, prev := "B"+row, "C"+row
		if err := f.SetCellStyle(sheet, cur, cur, w.style("data:"+kindStyle(fd))); err != nil {
			return err
		}
		pfd, hasPrev := previous(fd)
		prevStyle := w.style("data:" + kindStyle(fd))
		if !hasPrev {
			prevStyle = w.style("none")
		}
		if err := f.SetCellStyle(sheet, prev, prev, prevStyle); err != nil {
			return err
		}
		// A report without membership (a plan) leaves the figures empty,
		// not 0, as CellsOf does; ReadForm reads an empty sheet as none.
		if w.r != nil && w.r.Membership != (model.Membership{}) {
			if err := w.set(sheet, cur, cellValue(fd, w.r)); err != nil {
				return err
			}
			if hasPrev {
				if err := w.set(sheet, prev, cellValue(pfd, w.r)); err != nil {
					return err
				}
			}
		}
		if err := w.hint(sheet, "D"+row, "例："+fd.example+"。"+fd.prompt); err != nil {
			return err
		}
		if err := w.validate(sheet, cur, fd); err != nil {
			return err
		}
		if hasPrev {
			if err := w.validate(sheet, prev, pfd); err != nil {
				return err
			}
		}
	}
	return w.printSetup(sheet, false)
}

func (w *writer) kvHeader(sheet string, headers []string, widths []float64) error {
	f := w.f
	for i, h := range headers {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, widths[i]); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, col+"1", h); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(headers))
	if err := f.SetCellStyle(sheet, "A1", last+"1", w.style("header")); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 22); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func (w *writer) kvLabel(sheet, row, label string) error {
	cell := "A" + row
	if err := w.f.SetCellStr(sheet, cell, label); err != nil {
		return err
	}
	if err := w.f.SetRowHeight(sheet, atoi(row), 20); err != nil {
		return err
	}
	return w.f.SetCellStyle(sheet, cell, cell, w.style("label"))
}

func (w *writer) hint(sheet, cell, text string) error {
	if err := w.f.SetCellStr(sheet, cell, text); err != nil {
		return err
	}
	return w.f.SetCellStyle(sheet, cell, cell, w.style("hint"))
}

// table writes a table sheet: headers, the grey example, and the report's
// items from row 3 on.
func (w *writer) table(t table) error {
	if err := w.sheet(t.sheet); err != nil {
		return err
	}
	f := w.f
	for i, fd := range t.fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(t.sheet, col, col, fd.width); err != nil {
			return err
		}
		// A column style types what a cadre adds below the written rows.
		if err := f.SetColStyle(t.sheet, col, w.style("data:"+kindStyle(fd))); err != nil {
			return err
		}
	}
	for i, fd := range t.fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(t.sheet, col+"1", fd.label); err != nil {
			return err
		}
		if err := f.SetCellStyle(t.sheet, col+"1", col+"1", w.style("header")); err != nil {
			return err
		}
		example := col + "2"
		if err := w.set(t.sheet, example, exampleValue(fd)); err != nil {
			return err
		}
		if err := f.SetCellStyle(t.sheet, example, example, w.style("example:"+kindStyle(fd))); err != nil {
			return err
		}
		// The header's message names the column; the cells below repeat it.
		head := excelize.NewDataValidation(true)
		head.Sqref = col + "1"
		head.SetInput(fd.label, fd.prompt)
		if err := f.AddDataValidation(t.sheet, head); err != nil {
			return err
		}
		if err := w.validate(t.sheet, fmt.Sprintf("%s%d:%s%d", col, dataFirstRow, col, validRows), fd); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(t.sheet, 1, 24); err != nil {
		return err
	}
	examples := make([]any, len(t.fields))
	for j, fd := range t.fields {
		examples[j] = fd.example
	}
	if err := w.fitRow(t, 2, examples); err != nil {
		return err
	}
	if err := f.SetPanes(t.sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	var rows [][]any
	switch {
	case w.multi:
		rows = w.unitRows(t)
	case w.r != nil:
		rows = rowsOf(w.r, t)
	}
	if len(rows) > 0 {
		unit := slices.IndexFunc(t.fields, func(fd field) bool { return fd.of.Vocab == model.VocabUnits })
		for i, values := range rows {
			for j, v := range values {
				cell, _ := excelize.CoordinatesToCellName(j+1, dataFirstRow+i)
				if d, ok := v.(decimal.Decimal); ok && unit >= 0 && values[unit] == "%" {
					// A figure in % is written as Excel stores a typed 95%:
					// 0.95 shown as a percentage, which reads back as 95
					// without a doubt about 0.5 being 0.5%.
					if err := w.f.SetCellStyle(t.sheet, cell, cell, w.style("data:"+percentFormat(d))); err != nil {
						return err
					}
					v = d.Shift(-2)
				}
				if err := w.set(t.sheet, cell, v); err != nil {
					return err
				}
			}
			if err := w.fitRow(t, dataFirstRow+i, values); err != nil {
				return err
			}
		}
	}
	return w.printSetup(t.sheet, len(t.fields) > 5)
}

// percentFormat is the percentage format that shows d (in %) as it is:
// 0% for 95, 0.00% for 12.25.
func percentFormat(d decimal.Decimal) string {
	if n := -d.Exponent(); n > 0 && !d.Equal(d.Truncate(0)) {
		return "0." + strings.Repeat("0", int(n)) + "%"
	}
	return "0%"
}

// fitRow makes a row tall enough for its wrapped text.
func (w *writer) fitRow(t table, row int, values []any) error {
	lines := 1
	for j, fd := range t.fields {
		if text, ok := values[j].(string); ok && fd.kind == model.KindText {
			lines = max(lines, book.Lines(text, fd.width))
		}
	}
	if lines == 1 {
		return nil
	}
	return w.f.SetRowHeight(t.sheet, row, float64(lines)*15+3)
}

// rowsOf lists a report's items on a table sheet as typed values in the
// order of the table's fields.
func rowsOf(r *model.Report, t table) [][]any {
	var out [][]any
	list := t.list()
	for _, item := range list.Items(r) {
		values := make([]any, len(t.fields))
		for j, fd := range t.fields {
			if list.Kind == model.KindTextList {
				values[j] = *item.(*string) // a sentence a row
				continue
			}
			values[j] = cellValue(fd, item)
		}
		out = append(out, values)
	}
	return out
}

// validate puts a field's dropdown or check, and its input message, on a
// range of cells.
func (w *writer) validate(sheet, sqref string, fd field) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	switch {
	case fd.list != nil:
		if err := dv.SetDropList(fd.list); err != nil {
			return err
		}
		if fd.strict {
			dv.SetError(excelize.DataValidationErrorStyleStop, "请从列表选择", fd.label+"只能从下拉列表中选择。")
		}
	case fd.kind == model.KindMonth:
		// A text column: a warning when what is typed has nothing of a
		// date (尽快, 长期), as the reader would refuse it.
		first, _, _ := strings.Cut(sqref, ":")
		var parts []string
		for _, mark := range []string{"年", "月", "-", ".", "/"} {
			parts = append(parts, fmt.Sprintf(`ISNUMBER(FIND("%s",%s))`, mark, first))
		}
		dv.Type = "custom"
		dv.Formula1 = "OR(" + strings.Join(parts, ",") + ")"
		dv.SetError(excelize.DataValidationErrorStyleWarning, "完成时限", "完成时限写成 2024年12月、2024年12月底 或 2024-12-31。确定要这样填吗？")
	case isDate(fd.kind):
		// A warning, not a stop: 2024.3.30 is text to Excel but a date to huibao.
		if err := dv.SetRange(minSerial, book.Serial(model.Date{Year: 2999, Month: 12, Day: 31}),
			excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "日期", "这里应填日期，如 2024-03-30。确定要这样填吗？")
	case isWhole(fd.kind):
		if err := dv.SetRange(0, 1_000_000_000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "请填整数", fd.label+"只填整数，不带单位。")
	case isNumber(fd.kind):
		if err := dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "请填数字", fd.label+"只填数字，不带单位。")
	}
	dv.SetInput(fd.label, fd.prompt)
	return w.f.AddDataValidation(sheet, dv)
}

// printSetup prepares A4 pages, one page wide.
func (w *writer) printSetup(sheet string, landscape bool) error {
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	if err := w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if err := w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: &orient, FitToWidth: ptr(1), FitToHeight: ptr(0),
	}); err != nil {
		return err
	}
	if err := w.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Top: ptr(0.75), Bottom: ptr(0.75), Left: ptr(0.6), Right: ptr(0.6), Header: ptr(0.3), Footer: ptr(0.3),
	}); err != nil {
		return err
	}
	if err := w.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C" + sheet + "　第 &P 页，共 &N 页"}); err != nil {
		return err
	}
	return w.protect(sheet)
}

// unlockDefault unlocks the workbook's default cell format, which every
// cell without a style of its own has: the cells to the right of a table
// (a note beside a row) and below it are the cadre's, and a protected sheet
// deletes only rows without a locked cell. excelize has no call for the
// default format; its styles are open to change before saving.
func (w *writer) unlockDefault() {
	id := w.style("free:text")
	if w.f.Styles == nil || w.f.Styles.CellXfs == nil || id <= 0 || id >= len(w.f.Styles.CellXfs.Xf) {
		w.err = cmp.Or(w.err, fmt.Errorf("form: no cell formats to unlock"))
		return
	}
	xfs := w.f.Styles.CellXfs.Xf
	xfs[0].Protection, xfs[0].ApplyProtection = xfs[id].Protection, xfs[id].ApplyProtection
}

// protect protects a sheet without a password: the locked cells (headers,
// labels, hints, the grey example) cannot be typed over, and everything
// else of ordinary use is allowed — typing in the unlocked cells, inserting
// and deleting rows, formatting, sorting, filtering. A cadre who must
// change more unprotects it (审阅 › 撤消工作表保护) without being asked
// for a password.
func (w *writer) protect(sheet string) error {
	return w.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		AutoFilter: true, DeleteRows: true, InsertRows: true, Sort: true,
		FormatCells: true, FormatColumns: true, FormatRows: true,
		SelectLockedCells: true, SelectUnlockedCells: true,
	})
}

func ptr[T any](v T) *T { return &v }
