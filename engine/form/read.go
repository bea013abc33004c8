package form

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// maxItems bounds the rows of one table sheet: a street's half-year is a few
// hundred activities, and a sheet of a million rows is a mistake.
const maxItems = 10000

// sheetLimits bound what is read of a sheet: the layout's widest table has
// ten columns, and a table sheet at most maxItems items with blank rows
// between them. A value beyond is reported, never allocated for.
var sheetLimits = book.Limits{Cols: 64, Rows: 2 * maxItems}

// ReadForm reads a 填报表 into the model. It reports, all at once, what is
// wrong with the workbook's structure and cell types (an unknown sheet, a
// word where a number belongs, a date that is not one), each at its sheet
// and cell with the field path the YAML loader would use. Whether the
// values make sense (dues_paying ≤ members, dates within the period) is for
// validation, which finds each field's cell in the returned SourceMap.
//
// The report is nil only when data is not a readable .xlsx at all.
func ReadForm(file string, data []byte) (*model.Report, *diag.SourceMap, diag.List) {
	rd := &reader{file: file, sm: diag.NewSourceMap(file)}
	wb, err := book.Open(data)
	if err != nil {
		hint := "请在 Excel 或 WPS 中打开后另存为 Excel 工作簿（.xlsx），或用 huibao init 重新生成填报表"
		if errors.Is(err, book.ErrTooLarge) {
			hint = "填报表通常只有几百 KB；请删去多余的工作表、图片和大片空行后另存，或用 huibao init 生成新表再把数据粘贴过去"
		}
		rd.probs.Add(diag.Pos{File: file}, "", openMessage(err), hint)
		return nil, rd.sm, rd.probs
	}
	rd.wb, rd.date1904 = wb, wb.Date1904
	rd.read = map[string]*book.Sheet{}
	r := &model.Report{}
	rd.sheets(r)
	return r, rd.sm, rd.probs
}

// openMessage says in Chinese why a file could not be opened.
func openMessage(err error) string {
	switch {
	case errors.Is(err, book.ErrOldFormat), errors.Is(err, book.ErrTooLarge), errors.Is(err, book.ErrStrings):
		return err.Error()
	}
	return book.ErrNotWorkbook.Error()
}

// reader holds one workbook being read.
type reader struct {
	file     string
	wb       *book.Workbook
	read     map[string]*book.Sheet // sheets read so far, by name
	sm       *diag.SourceMap
	probs    diag.List
	date1904 bool
	period   model.Period      // read first, for dates written without a year
	formats  map[int]numFormat // number formats by style id, looked up once
}

func (rd *reader) pos(sheet string, col, row int) diag.Pos {
	cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return rd.cellPos(sheet, cell)
}

func (rd *reader) cellPos(sheet, cell string) diag.Pos {
	p := rd.sheetPos(sheet)
	p.Cell = cell
	return p
}

// sheetPos is a sheet as a whole, with its place in the workbook so that
// problems are listed in workbook order.
func (rd *reader) sheetPos(sheet string) diag.Pos {
	return diag.Pos{File: rd.file, Sheet: sheet, SheetNo: slices.Index(rd.wb.Sheets, sheet) + 1}
}

// sheets matches the workbook's sheets to the layout and reads each.
func (rd *reader) sheets(r *model.Report) {
	found := map[string]string{} // layout name → name in the file
	var unknown []string
	for _, name := range rd.wb.Sheets {
		key := normal(name)
		switch {
		case slices.Contains(orderedSheets(), key):
			if prev, dup := found[key]; dup {
				rd.probs.Add(rd.sheetPos(name), "", fmt.Sprintf("工作表“%s”和“%s”重复", name, prev), "请只保留一个")
				continue
			}
			found[key] = name
		case rd.empty(name):
			// An empty Sheet1 left behind by WPS is harmless.
		default:
			unknown = append(unknown, name)
		}
	}
	rd.unknownSheets(unknown, found)
	if name, ok := found[SheetBasic]; ok {
		rd.basic(r, name)
	} else {
		rd.probs.Add(diag.Pos{File: rd.file}, "org", "缺少工作表“基本信息”", "请用 huibao init 生成的填报表填写，不要删除或改名工作表")
	}
	if name, ok := found[SheetMembership]; ok {
		rd.membership(r, name)
	}
	for _, t := range tables() {
		if name, ok := found[t.sheet]; ok {
			rd.table(r, t, name)
		}
	}
}

// sheet reads a sheet once.
func (rd *reader) sheet(name string) (*book.Sheet, error) {
	if s, ok := rd.read[name]; ok {
		return s, nil
	}
	s, err := rd.wb.Sheet(name, sheetLimits)
	if err != nil {
		return nil, err
	}
	rd.read[name] = s
	return s, nil
}

// empty reports whether a sheet has no value at all; one that cannot be
// read is not empty.
func (rd *reader) empty(sheet string) bool {
	s, err := rd.sheet(sheet)
	if err != nil {
		return false
	}
	if s.Beyond != "" || s.Below != "" {
		return false
	}
	for _, row := range s.Rows {
		for _, c := range row {
			if clean(c) != "" {
				return false
			}
		}
	}
	return true
}

// grid returns a sheet's cell values as a cadre sees them: the value of
// every merged range is copied down its first column (a category merged
// over five activity rows belongs to all five), and the cells a merge hides
// to the right of its first column read as empty, whatever the file keeps
// in them. The merges that span columns are returned for across to report.
func (rd *reader) grid(sheet string) ([][]string, []merged) {
	s, err := rd.sheet(sheet)
	if err != nil {
		rd.probs.Add(rd.sheetPos(sheet), "", err.Error()+"，这张表的内容没有读入", "请在 Excel 或 WPS 中打开这个文件，检查这张表后另存，再试一次")
		return nil, nil
	}
	if s.Below != "" {
		rd.probs.Add(rd.cellPos(sheet, s.Below), "",
			fmt.Sprintf("这一格在第 %d 行之后，超出了能读入的范围", sheetLimits.Rows),
			"请删去表格下方多余的内容；每张表最多读入 "+fmt.Sprint(sheetLimits.Rows)+" 行")
	}
	if s.Beyond != "" {
		last, _ := excelize.ColumnNumberToName(sheetLimits.Cols)
		rd.probs.Warn(rd.cellPos(sheet, s.Beyond), "",
			fmt.Sprintf("这一格在第 %s 列右边，填报表只读到第 %s 列，它和同样靠右的内容都不会读入", last, last),
			"请把内容移到表头对应的列里，或删去")
	}
	// The sheet is kept for IsNumber and empty: the merges below change a
	// copy.
	rows := make([][]string, len(s.Rows))
	for i, row := range s.Rows {
		rows[i] = append([]string(nil), row...)
	}
	// A merged value fills rows that hold something else; an otherwise
	// empty row under a long merge stays empty.
	blank := make([]bool, len(rows))
	for i, row := range rows {
		blank[i] = blankRow(row)
	}
	var wide []merged
	for _, m := range s.Merges {
		c1, r1, ok1 := book.ParseRef(m.First)
		c2, r2, ok2 := book.ParseRef(m.Last)
		c1, r1, c2, r2 = c1+1, r1+1, c2+1, r2+1 // 1-based below
		if !ok1 || !ok2 || r1 > len(rows) || r2 < r1 || c2 < c1 || r2-r1 > maxItems {
			continue
		}
		r2 = min(r2, r1+maxItems)
		if c2 > c1 {
			wide = append(wide, merged{ref: m.First + ":" + m.Last, row1: r1 - 1, row2: r2 - 1, col1: c1 - 1, col2: c2 - 1})
		}
		v := at(rows, r1-1, c1-1)
		for r := r1; r <= r2 && r <= len(rows); r++ {
			row := rows[r-1]
			if r > r1 && v != "" && !blank[r-1] {
				for len(row) < c1 {
					row = append(row, "")
				}
				row[c1-1] = v
			}
			for c := c1; c < c2 && c < len(row); c++ {
				row[c] = ""
			}
			rows[r-1] = row
		}
	}
	return rows, wide
}

// merged is a merged range that spans columns, 0-based and inclusive.
type merged struct {
	ref                    string // A8:C8
	row1, row2, col1, col2 int
}

// across warns of every merge that spans two or more of the columns read
// (cols, -1 for a column the sheet lacks) in rows from the first data row
// on: only the first of its columns is read, and a cadre who merged 活动内容
// with 取得成效 should hear that the second is empty, not find it missing
// from the report.
func (rd *reader) across(sheet string, wide []merged, first int, cols []int, names []string) {
	for _, m := range wide {
		if m.row2 < first {
			continue
		}
		var covered []string
		for j, c := range cols {
			if c >= m.col1 && c <= m.col2 {
				covered = append(covered, "“"+names[j]+"”")
			}
		}
		if len(covered) < 2 {
			continue
		}
		start, _, _ := strings.Cut(m.ref, ":")
		rd.probs.Warn(rd.cellPos(sheet, start), "",
			fmt.Sprintf("合并单元格 %s 跨了%s几列，只读入左上角 %s 的内容，其余几列当作没填", m.ref, strings.Join(covered, ""), start),
			"请取消合并，每一列分别填写")
	}
}

// at is the raw value at 0-based row and column, "" past the end.
func at(rows [][]string, r, c int) string {
	if r < 0 || r >= len(rows) || c < 0 || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}

// formulaErrors are what a formula cell holds when its formula failed.
var formulaErrors = []string{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}

// value parses one cell for a field, records where it came from and
// reports what is wrong with it. Empty cells give the zero value and are
// recorded only as the field's slot, so that validation reports a missing
// value at the cell to fill in (活动!C7), not at the row's first cell. The
// result is string, int, decimal.Decimal or model.Date by the field's kind.
func (rd *reader) value(fd field, path string, pos diag.Pos, raw string) (any, bool) {
	rd.sm.SetSlot(path, pos)
	s := clean(raw)
	if s == "" {
		return zero(fd.kind), false
	}
	rd.sm.Set(path, pos)
	if slices.Contains(formulaErrors, strings.ToUpper(s)) {
		rd.probs.Add(pos, path, "单元格里是公式出错的结果“"+s+"”", "请改正公式，或直接填写"+fd.label)
		rd.sm.MarkInvalid(path)
		return zero(fd.kind), true
	}
	var msg, hint string
	var v any
	switch k := fd.kind; {
	case k == model.KindText:
		return oneParagraph(s), true
	case k == model.KindSpan:
		return parseSpan(s), true
	case k == model.KindBool:
		v, msg = parseBool(s)
		hint = fd.label + "填“是”或“否”，也可以不填"
	case k == model.KindYear:
		v, msg = parseYear(s)
		hint = fd.label + "写成四位数字，如 2024"
	case isWhole(k):
		v, msg = parseInt(s, rd.stored(pos, s))
		hint = fd.label + "只填整数，不带单位" + forExample(fd)
	case isNumber(k):
		v, msg = parseDecimal(s, rd.stored(pos, s))
		hint = fd.label + "只填数字，不带单位" + forExample(fd)
	case isDate(k):
		v, msg = parseDate(s, rd.period, rd.date1904)
		hint = dateHint
		if k == model.KindMonth {
			hint += "；" + fd.label + "可以只写到月，如 2024年12月"
		}
		if msg == "" && isSerial(s) {
			v = rd.serialDate(fd, path, pos, v.(model.Date))
		}
	}
	if msg != "" {
		rd.probs.Add(pos, path, msg, hint)
		rd.sm.MarkInvalid(path)
		return zero(fd.kind), true
	}
	return v, true
}

// forExample is "，如 20" for a field with an example, else nothing.
func forExample(fd field) string {
	if fd.example == "" {
		return ""
	}
	return "，如 " + fd.example
}

// stored reports whether s, read at pos, is a number cell's stored value
// rather than text; it asks the workbook only for numbers longer than a
// number cell keeps.
func (rd *reader) stored(pos diag.Pos, s string) bool {
	if rd.wb == nil || !longNumber(s) { // without a workbook (ReadCells), all is typed text
		return false
	}
	sh, err := rd.sheet(pos.Sheet)
	col, row, ok := book.ParseRef(pos.Cell)
	return err == nil && ok && sh.IsNumber(row, col)
}

// parseBool reads a yes-or-no cell: 是/否, and what spreadsheets and
// cadres also type for them.
func parseBool(s string) (bool, string) {
	switch strings.ToLower(s) {
	case "是", "√", "✓", "y", "yes", "true", "1", "对":
		return true, ""
	case "否", "×", "✗", "n", "no", "false", "0", "不是":
		return false, ""
	}
	return false, "应填“是”或“否”，实际是“" + s + "”"
}

func zero(k model.Kind) any {
	switch {
	case k == model.KindBool:
		return false
	case isWhole(k):
		return 0
	case isNumber(k):
		return decimal.Zero
	case isDate(k):
		return model.Date{}
	}
	return ""
}

// basic reads 基本信息: a label in column A, its value in B.
func (rd *reader) basic(r *model.Report, sheet string) {
	for _, p := range []string{"org", "period", "report"} {
		rd.sm.Set(p, rd.sheetPos(sheet))
	}
	fields := basicFields()
	rows, wide := rd.grid(sheet)
	rd.across(sheet, wide, 1, []int{kvLabel, kvValue}, []string{"项目", "内容"})
	seen := map[string]int{}
	for i, row := range rows {
		label := normal(at(rows, i, kvLabel))
		if label == "" || label == "项目" && i == 0 {
			continue
		}
		j := slices.IndexFunc(fields, func(fd field) bool { return normal(fd.label) == label })
		if j < 0 {
			if clean(at(rows, i, kvValue)) != "" {
				rd.probs.Warn(rd.pos(sheet, kvLabel, i), "", "不认识的项目“"+clean(row[kvLabel])+"”，这一行不会读入",
					"基本信息的项目是："+labels(fields))
			}
			continue
		}
		fd := fields[j]
		if prev, dup := seen[fd.path]; dup {
			rd.probs.Add(rd.pos(sheet, kvLabel, i), fd.path, fmt.Sprintf("项目“%s”出现了两次（另一处在第%d行）", fd.label, prev+1), "请只保留一行")
			continue
		}
		seen[fd.path] = i
		// The period comes first in the sheet but is needed by dates above
		// it too: read values now, dates after the period is known.
		if isDate(fd.kind) {
			continue
		}
		if v, ok := rd.value(fd, fd.path, rd.pos(sheet, kvValue, i), at(rows, i, kvValue)); ok {
			fd.of.Set(r, v)
		}
	}
	// In layout order, start and end first: they are the period that
	// year-less dates fall in.
	for _, fd := range fields {
		i, ok := seen[fd.path]
		if !ok || !isDate(fd.kind) {
			continue
		}
		rd.period = r.Period
		if v, ok := rd.value(fd, fd.path, rd.pos(sheet, kvValue, i), at(rows, i, kvValue)); ok {
			fd.of.Set(r, v)
		}
	}
	rd.period = r.Period
	for _, p := range []string{"org.leader.title", "org.leader.name"} {
		if rd.sm.Has(p) {
			rd.sm.Set("org.leader", rd.sm.Pos(p))
			break
		}
	}
}

func labels(fields []field) string {
	return strings.Join(labelList(fields), "、")
}

func labelList(fields []field) []string {
	out := make([]string, 0, len(fields))
	for _, fd := range fields {
		out = append(out, fd.label)
	}
	return out
}

// membership reads 会员情况: a label in column A, 本期 in B, 上年同期 in C.
// The sheet counts as membership given only when one of its figures is
// filled in, as in ReadCells: the 填报表 always has the sheet, with its
// labels, and a plan need not report membership.
func (rd *reader) membership(r *model.Report, sheet string) {
	rd.sm.SetSlot("membership", rd.sheetPos(sheet))
	defer func() {
		if slices.ContainsFunc(membershipFields(), func(fd field) bool {
			pfd, ok := previous(fd)
			return rd.sm.Has(fd.path) || ok && rd.sm.Has(pfd.path)
		}) {
			rd.sm.Set("membership", rd.sheetPos(sheet))
		}
	}()
	fields := membershipFields()
	rows, wide := rd.grid(sheet)
	rd.across(sheet, wide, 1, []int{kvLabel, kvValue, kvPrevious}, []string{"项目", "本期", "上年同期"})
	seen := map[string]int{}
	for i := range rows {
		label := normal(at(rows, i, kvLabel))
		if label == "" || label == "项目" && i == 0 {
			continue
		}
		j := slices.IndexFunc(fields, func(fd field) bool { return normal(fd.label) == label })
		if j < 0 {
			if clean(at(rows, i, kvValue)) != "" || clean(at(rows, i, kvPrevious)) != "" {
				rd.probs.Warn(rd.pos(sheet, kvLabel, i), "", "不认识的项目“"+clean(at(rows, i, kvLabel))+"”，这一行不会读入",
					"会员情况的项目是："+labels(fields))
			}
			continue
		}
		fd := fields[j]
		if p, dup := seen[fd.path]; dup {
			rd.probs.Add(rd.pos(sheet, kvLabel, i), fd.path, fmt.Sprintf("项目“%s”出现了两次（另一处在第%d行）", fd.label, p+1), "请只保留一行")
			continue
		}
		seen[fd.path] = i
		if v, ok := rd.value(fd, fd.path, rd.pos(sheet, kvValue, i), at(rows, i, kvValue)); ok {
			fd.of.Set(r, v)
		}
		raw := at(rows, i, kvPrevious)
		pfd, hasPrev := previous(fd)
		if !hasPrev {
			if clean(raw) != "" {
				rd.probs.Add(rd.pos(sheet, kvPrevious, i), "membership.previous", fd.label+"不填上年同期", "请清空这一格")
			}
			continue
		}
		// Setting a value makes membership.previous.
		if v, ok := rd.value(pfd, pfd.path, rd.pos(sheet, kvPrevious, i), raw); ok {
			pfd.of.Set(r, v)
			if !rd.sm.Has("membership.previous") {
				rd.sm.Set("membership.previous", rd.sm.Pos(pfd.path))
			}
		}
	}
}

// table reads a table sheet: a header row (the first of the top five rows
// that names a column), then one item per non-empty row. The row under the
// header is skipped while it holds the grey example, cell for cell; half
// typed over, it is an error at every example value left (exampleLeft).
// Elsewhere a row like the example is data: a street's first indicator may
// well be 推荐就业 5 人次.
func (rd *reader) table(r *model.Report, t table, sheet string) {
	rd.sm.Set(t.path, rd.sheetPos(sheet))
	list := t.list()
	rows, wide := rd.grid(sheet)
	header, cols, gone := rd.header(t, sheet, rows)
	if header < 0 {
		return
	}
	rd.across(sheet, wide, header+1, cols, labelList(t.fields))
	// A list beyond its limit is refused before its items are read, as
	// the YAML loader does: ten thousand rows of items and their cells'
	// positions would take a hundred megabytes, for a report validation
	// refuses anyway.
	if limit := model.LimitOf(t.path).Items; limit > 0 {
		n := 0
		for i := header + 1; i < len(rows); i++ {
			if !blankRow(rows[i]) && (i != header+1 || !isExample(t, rows[i], cols)) {
				n++
			}
		}
		if n > limit {
			rd.probs.Add(rd.sheetPos(sheet), t.path, fmt.Sprintf("%s有 %d 项，超过了上限 %d 项", model.Label(t.path), n, limit), "一份报告用不了这么多；请确认数据，或把数据分成几份")
			return
		}
	}
	items := 0
	for i := header + 1; i < len(rows); i++ {
		if blankRow(rows[i]) {
			continue
		}
		if i == header+1 && isExample(t, rows[i], cols) {
			continue
		}
		items++
		if items > maxItems {
			rd.probs.Add(rd.pos(sheet, 0, i), t.path, fmt.Sprintf("“%s”超过 %d 行，后面的不再读入", sheet, maxItems), "请检查是否有大量无用的行")
			return
		}
		path := fmt.Sprintf("%s[%d]", t.path, items)
		first := slices.IndexFunc(rows[i], func(c string) bool { return clean(c) != "" })
		rd.sm.Set(path, rd.pos(sheet, first, i))
		for _, j := range gone {
			rd.sm.MarkInvalid(path + strings.TrimPrefix(t.fields[j].path, t.path))
		}
		if i == header+1 {
			rd.exampleLeft(t, sheet, rows[i], i, cols, path)
		}
		list.Append(r, rd.item(t, path, func(j int) (diag.Pos, string, bool) {
			if cols[j] < 0 {
				return diag.Pos{}, "", false
			}
			return rd.pos(sheet, cols[j], i), at(rows, i, cols[j]), true
		}))
	}
}

// item reads one row of a table into a new item of its list; cell gives
// the position and text of the j-th field's cell, false for a column the
// table lacks. The 填报表 and huibao serve's form (ReadCells) both read
// their rows here.
func (rd *reader) item(t table, path string, cell func(j int) (diag.Pos, string, bool)) any {
	list := t.list()
	unit := slices.IndexFunc(t.fields, func(fd field) bool { return fd.of.Vocab == model.VocabUnits })
	item := list.NewItem()
	var figs []figure
	for j, fd := range t.fields {
		pos, raw, present := cell(j)
		if !present {
			continue
		}
		// activities[3].date; problems[3] for a sentence of its own
		p := path + strings.TrimPrefix(fd.path, t.path)
		var fg figure
		if unit >= 0 && isNumber(fd.kind) {
			raw, fg = rd.percentage(pos, raw)
		}
		v, ok := rd.value(fd, p, pos, raw)
		switch {
		case !ok:
			continue
		case list.Kind == model.KindTextList:
			*item.(*string) = v.(string)
		default:
			fd.of.Set(item, v)
		}
		if d, isDec := v.(decimal.Decimal); isDec && unit >= 0 && !rd.sm.Invalid(p) {
			fg.path, fg.value = p, d
			figs = append(figs, fg)
		}
	}
	if unit >= 0 {
		if _, raw, ok := cell(unit); ok {
			rd.percentages(clean(raw), figs)
		}
	}
	return item
}

// header finds the header row and the column of each field (-1 when the
// sheet has none), and the fields whose columns are missing as
// missingColumns reports them. Unknown headers over data are reported as
// warnings: the column is not read.
func (rd *reader) header(t table, sheet string, rows [][]string) (int, []int, []int) {
	cols := make([]int, len(t.fields))
	for i := 0; i < min(5, len(rows)); i++ {
		for j := range cols {
			cols[j] = -1
		}
		hit := false
		for c, h := range rows[i] {
			j := slices.IndexFunc(t.fields, func(fd field) bool { return normal(fd.label) == normal(h) })
			if j >= 0 && normal(h) != "" {
				if cols[j] >= 0 {
					rd.probs.Add(rd.pos(sheet, c, i), "", fmt.Sprintf("“%s”列出现了两次", t.fields[j].label), "请删除多余的一列")
					continue
				}
				cols[j], hit = c, true
			}
		}
		if !hit {
			continue
		}
		unknown := map[int]string{}
		for c, h := range rows[i] {
			if clean(h) == "" || slices.Contains(cols, c) || !columnHasData(rows[i+1:], c) {
				continue
			}
			unknown[c] = h
		}
		var gone []int
		if len(rows) > i+1 {
			gone = rd.missingColumns(t, sheet, i, cols, unknown)
		}
		for c, h := range unknown {
			rd.probs.Warn(rd.pos(sheet, c, i), "", "不认识的列“"+clean(h)+"”，这一列不会读入", "“"+sheet+"”的列是："+labels(t.fields))
		}
		return i, cols, gone
	}
	if _, err := rd.sheet(sheet); err == nil && !rd.empty(sheet) {
		rd.probs.Add(rd.sheetPos(sheet), t.path, "“"+sheet+"”找不到表头", "第一行应为："+labels(t.fields)+"；请不要删除或改动表头")
	}
	return -1, nil, nil
}

func columnHasData(rows [][]string, c int) bool {
	for _, row := range rows {
		if c < len(row) && clean(row[c]) != "" {
			return true
		}
	}
	return false
}

func blankRow(row []string) bool {
	for _, c := range row {
		if clean(c) != "" {
			return false
		}
	}
	return true
}

// isExample reports whether a row still holds the grey example, cell for
// cell; a cadre who typed over it has made it data.
func isExample(t table, row []string, cols []int) bool {
	for j, fd := range t.fields {
		if cols[j] < 0 {
			continue // a column the sheet lacks says nothing
		}
		raw := ""
		if cols[j] >= 0 && cols[j] < len(row) {
			raw = clean(row[cols[j]])
		}
		if !sameAsExample(fd, raw) {
			return false
		}
	}
	return true
}

func sameAsExample(fd field, raw string) bool {
	if fd.example == "" || raw == "" {
		return fd.example == "" && raw == ""
	}
	switch {
	case isNumber(fd.kind):
		d, msg := parseDecimal(raw, true)
		return msg == "" && d.Equal(decimal.RequireFromString(fd.example))
	case isDate(fd.kind):
		p := model.Period{Year: 2024, Span: model.Year}
		d, msg := parseDate(raw, p, false)
		e, _ := parseDate(fd.example, p, false)
		return msg == "" && d == e
	}
	return raw == fd.example
}
