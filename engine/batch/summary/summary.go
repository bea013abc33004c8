// Package summary writes the 汇总表 of a batch: one workbook in which each
// unit has a row — members, dues payers, 缴费率, dues, new members,
// activities, participants, 经费 and every indicator that appears — and a
// 合计 row of live formulas under them.
//
// # Look
//
// Like the report appendix (engine/xlsx): a title row, wrapped headers
// naming each column's unit (在册会员（人）), numbers as numbers with fixed
// decimals, the header row and the unit names frozen, an auto-filter, column
// widths fitted to the Chinese text, and A4 landscape pages one page wide
// with the header repeated and 第 N 页，共 M 页 in the footer.
//
// # Formulas
//
// 缴费率 and the 合计 row are formulas (SUM over the units' rows), each
// carrying the value the model gives it for readers that do not calculate;
// the workbook asks spreadsheet programs to recalculate on opening. A unit
// that failed its checks keeps its row, with empty figures and a remark,
// so the totals visibly leave it out. Shares (%) are not totalled.
//
// # Reproducible output
//
// The workbook is stamped with Options.Date, never the clock (engine/xlsx/book).
package summary

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
)

// Sheet is the name of the workbook's one sheet.
const Sheet = "汇总表"

// Unit is one row of the table.
type Unit struct {
	Name   string        // 单位: the union's name, or the file's when unreadable
	Report *model.Report // nil when the unit failed its checks
	Note   string        // 备注; may be empty
}

// Options describe the workbook.
type Options struct {
	Title string     // the printed title, e.g. 石新路街道总工会2024年上半年各单位工作情况汇总表
	Org   string     // who makes it: page header and document author
	Date  model.Date // stamped on the document, for reproducible bytes

	// noCache writes formulas without their computed values, so that a
	// test can prove a spreadsheet program computes them from the formulas.
	noCache bool
}

// kind is how a column's figures are written.
type kind int

const (
	count kind = iota // whole numbers
	money             // 元, two decimals
	share             // 缴费率, a formula
	value             // an indicator: decimals as entered
)

// column is one figure column.
type column struct {
	name, unit string
	kind       kind
	decimals   int
	ratio      bool // a share indicator (%): not totalled
	// get returns the unit's figure and whether it has one.
	get func(*model.Report) (decimal.Decimal, bool)
}

func (c column) header() string {
	if c.unit == "" {
		return c.name
	}
	return c.name + "\n（" + c.unit + "）"
}

func (c column) format() string {
	switch c.kind {
	case share:
		return "0.0%"
	case money:
		return "0.00"
	}
	if c.decimals > 0 {
		return "0." + strings.Repeat("0", c.decimals)
	}
	return "0"
}

func always(f func(*model.Report) decimal.Decimal) func(*model.Report) (decimal.Decimal, bool) {
	return func(r *model.Report) (decimal.Decimal, bool) { return f(r), true }
}

func intOf(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

// Column letters of the fixed figures, which the 缴费率 formula refers to.
const (
	colMembers = "C"
	colPaying  = "D"
)

// fixedColumns are the figures every unit has, after 序号 and 单位.
func fixedColumns() []column {
	return []column{
		{name: "在册会员", unit: "人", get: always(func(r *model.Report) decimal.Decimal { return intOf(r.Membership.Members) })},
		{name: "缴费会员", unit: "人", get: always(func(r *model.Report) decimal.Decimal { return intOf(r.Membership.DuesPaying) })},
		{name: "缴费率", kind: share},
		{name: "收缴会费", unit: "元", kind: money, get: always(func(r *model.Report) decimal.Decimal { return r.Membership.DuesCollected })},
		{name: "新发展会员", unit: "人", get: always(func(r *model.Report) decimal.Decimal { return intOf(r.Membership.NewMembers) })},
		{name: "活动次数", unit: "次", get: always(func(r *model.Report) decimal.Decimal { return intOf(len(r.Activities)) })},
		{name: "参加人次", unit: "人次", get: always(func(r *model.Report) decimal.Decimal { return intOf(r.TotalParticipants()) })},
		{name: "经费", unit: "元", kind: money, get: always(func(r *model.Report) decimal.Decimal { return r.TotalCost() })},
	}
}

// indicatorColumns lists every indicator (name and unit) that appears, in
// order of first appearance; the same name in two units is one column.
func indicatorColumns(units []Unit) []column {
	var out []column
	index := map[[2]string]int{}
	for _, u := range units {
		if u.Report == nil {
			continue
		}
		for _, ind := range u.Report.Indicators {
			k := [2]string{ind.Name, ind.Unit}
			i, ok := index[k]
			if !ok {
				name, unit := ind.Name, ind.Unit
				c := column{name: name, unit: unit, kind: value,
					get: func(r *model.Report) (decimal.Decimal, bool) {
						for _, x := range r.Indicators {
							if x.Name == name && x.Unit == unit {
								return x.Value, true
							}
						}
						return decimal.Zero, false
					}}
				if un, ok := model.LookupUnit(unit); ok {
					c.ratio = un.Kind == model.Ratio
					if un.Kind == model.Money && unit == "元" {
						c.decimals = 2
					}
				}
				i = len(out)
				index[k] = i
				out = append(out, c)
			}
			if d := int(-ind.Value.Exponent()); d > out[i].decimals && !ind.Value.Equal(ind.Value.Truncate(0)) {
				out[i].decimals = min(d, 4)
			}
		}
	}
	return out
}

// Workbook builds the 汇总表.
func Workbook(units []Unit, opts Options) ([]byte, error) {
	f := excelize.NewFile()
	defer book.Close(f)
	if err := f.SetDefaultFont(book.Font); err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", Sheet); err != nil {
		return nil, err
	}
	w := &writer{f: f, opts: opts, st: book.NewStyles(f)}
	if err := w.build(units); err != nil {
		return nil, fmt.Errorf("汇总表生成失败：%v", err)
	}
	return book.Save(f, book.Props{Title: opts.Title, Subject: "汇总表", Creator: opts.Org, Date: opts.Date})
}

// cell is a value to write and the text it shows, which sizes its column.
type cell struct {
	v     excelize.Cell
	shown string
}

type writer struct {
	f    *excelize.File
	opts Options
	st   *book.Styles
	fit  bool // printed one page wide
}

// First rows: 1 title, 2 header, 3… units.
const (
	headerRow = 2
	firstRow  = 3
)

func (w *writer) build(units []Unit) error {
	cols := append(fixedColumns(), indicatorColumns(units)...)
	ncol := 2 + len(cols) + 1 // 序号, 单位, figures, 备注
	last := name(ncol)
	lastUnit := firstRow + len(units) - 1
	totalRow := lastUnit + 1

	var rows [][]cell
	header := []cell{w.text(book.RoleHeader, "", "序号"), w.text(book.RoleHeader, "", "单位")}
	for _, c := range cols {
		header = append(header, w.text(book.RoleHeader, "", c.header()))
	}
	header = append(header, w.text(book.RoleHeader, "", "备注"))
	rows = append(rows, header)

	// The model's totals, for the formulas' cached values.
	totals := make([]decimal.Decimal, len(cols))
	var failed []string
	for i, u := range units {
		rn := firstRow + i
		row := []cell{w.number(book.RoleCenter, "0", float64(i+1), strconv.Itoa(i+1)), w.text(book.RoleText, "", u.Name)}
		for j, c := range cols {
			switch {
			case u.Report == nil:
				row = append(row, w.blank(book.RoleNumber, c.format()))
			case c.kind == share:
				m := u.Report.Membership
				var rate any
				shown := ""
				if m.Members > 0 {
					r := float64(m.DuesPaying) / float64(m.Members)
					rate, shown = r, fmt.Sprintf("%.1f%%", r*100)
				}
				row = append(row, w.formula(book.RoleNumber, c.format(),
					fmt.Sprintf(`IF(%s%d>0,%s%d/%s%d,"")`, colMembers, rn, colPaying, rn, colMembers, rn), rate, shown))
			default:
				v, ok := c.get(u.Report)
				if !ok {
					row = append(row, w.blank(book.RoleNumber, c.format()))
					continue
				}
				totals[j] = totals[j].Add(v)
				row = append(row, w.decimal(book.RoleNumber, c, v))
			}
		}
		row = append(row, w.text(book.RoleWrap, "", u.Note))
		if u.Report == nil {
			failed = append(failed, u.Name)
		}
		rows = append(rows, row)
	}

	total := []cell{w.text(book.RoleTotalLabel, "", ""), w.text(book.RoleTotalLabel, "", "合计")}
	for j, c := range cols {
		at := name(3 + j)
		switch {
		case c.kind == share:
			members, paying := totals[0], totals[1]
			var rate any
			shown := ""
			if members.IsPositive() {
				r := paying.InexactFloat64() / members.InexactFloat64()
				rate, shown = r, fmt.Sprintf("%.1f%%", r*100)
			}
			total = append(total, w.formula(book.RoleTotal, c.format(),
				fmt.Sprintf(`IF(%s%d>0,%s%d/%s%d,"")`, colMembers, totalRow, colPaying, totalRow, colMembers, totalRow), rate, shown))
		case c.ratio:
			total = append(total, w.text(book.RoleTotalLabel, "", "—"))
		default:
			v := totals[j].Round(int32(max(c.decimals, 0)))
			if c.kind == money {
				v = totals[j].Round(2)
			}
			total = append(total, w.formula(book.RoleTotal, c.format(),
				fmt.Sprintf("SUM(%s%d:%s%d)", at, firstRow, at, lastUnit), v.InexactFloat64(), shownDecimal(c, v)))
		}
	}
	total = append(total, w.text(book.RoleTotalLabel, "", ""))
	rows = append(rows, total)

	notes := []string{"注：缴费率为缴费会员占在册会员的比例；活动次数、参加人次和经费由各单位填报的活动汇总；空白表示该单位没有填报这一项。"}
	if shares := ratioNames(cols); shares != "" {
		notes = append(notes, "比例指标（"+shares+"）各单位不能相加，不计合计。")
	}
	if len(failed) > 0 {
		notes = append(notes, strings.Join(failed, "、")+"的数据未通过检查，没有计入合计；改正后重新生成汇总表。")
	}

	widths := w.widths(rows, ncol)
	// A table that fits a landscape page, scaled down a little, prints on
	// one page wide; a wider one runs across pages with 序号 and 单位
	// repeated, since shrinking it to one page would make it unreadable.
	span := 0.0
	for _, wd := range widths {
		span += wd
	}
	w.fit = span <= pageWidth
	titleEnd := ncol
	if !w.fit {
		for titleEnd, span = 0, 0; titleEnd < ncol && span+widths[titleEnd] <= pageWidth*0.7; titleEnd++ {
			span += widths[titleEnd]
		}
	}
	// Sheet properties precede the data in the XML: set them before streaming.
	if err := w.f.SetSheetProps(Sheet, &excelize.SheetPropsOptions{FitToPage: ptr(w.fit)}); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(Sheet)
	if err != nil {
		return err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, math.Round(wd*4)/4); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: 2, YSplit: headerRow,
		TopLeftCell: fmt.Sprintf("C%d", firstRow), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: fmt.Sprintf("C%d", firstRow), ActiveCell: fmt.Sprintf("C%d", firstRow), Pane: "bottomRight"}},
	}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: w.st.ID(book.RoleTitle, ""), Value: w.opts.Title}},
		excelize.RowOpts{Height: 36}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", name(titleEnd)+"1"); err != nil {
		return err
	}
	for i, r := range rows {
		vals := make([]any, len(r))
		for j := range r {
			vals[j] = r[j].v
		}
		height := book.LineHeight + 6
		if i == 0 {
			lines := 1
			for j, c := range r {
				lines = max(lines, book.Lines(c.shown, widths[j]))
			}
			height = float64(lines)*book.LineHeight + 6
		} else if note := r[len(r)-1].shown; note != "" {
			height = float64(book.Lines(note, widths[ncol-1]))*book.LineHeight + 6
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", headerRow+i), vals, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
	}
	// The notes run across the columns of the first page, wrapped.
	noteRow, noteWidth := totalRow+1, 0.0
	for _, wd := range widths[:titleEnd] {
		noteWidth += wd
	}
	for i, n := range notes {
		at := fmt.Sprintf("A%d", noteRow+i)
		height := float64(book.Lines(n, noteWidth))*book.LineHeight + 4
		if err := sw.SetRow(at, []any{excelize.Cell{StyleID: w.st.ID(book.RoleNoteWrapped, ""), Value: n}}, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
		if err := sw.MergeCell(at, fmt.Sprintf("%s%d", name(titleEnd), noteRow+i)); err != nil {
			return err
		}
	}
	if err := w.f.AutoFilter(Sheet, fmt.Sprintf("A%d:%s%d", headerRow, last, lastUnit), nil); err != nil {
		return err
	}
	if err := w.printSetup(); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := w.st.Err(); err != nil {
		return err
	}
	return w.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: ptr(true)})
}

func ratioNames(cols []column) string {
	var names []string
	for _, c := range cols {
		if c.ratio {
			names = append(names, c.name)
		}
	}
	return strings.Join(names, "、")
}

// pageWidth is the width, in column units, of the table that still prints
// legibly on one A4 landscape page: about 140 at 100%, scaled to 70%.
const pageWidth = 200

// printSetup prepares A4 landscape pages with the title and header repeated
// and page numbers in the footer: one page wide when the table fits, else
// with 序号 and 单位 repeated on every page.
func (w *writer) printSetup() error {
	f := w.f
	orient := "landscape"
	layout := &excelize.PageLayoutOptions{Size: ptr(9), Orientation: &orient}
	titles := fmt.Sprintf("'%s'!$1:$%d", Sheet, headerRow)
	if w.fit {
		layout.FitToWidth, layout.FitToHeight = ptr(1), ptr(0)
	} else {
		titles = fmt.Sprintf("'%s'!$A:$B,'%s'!$1:$%d", Sheet, Sheet, headerRow)
	}
	if err := f.SetPageLayout(Sheet, layout); err != nil {
		return err
	}
	if err := f.SetPageMargins(Sheet, &excelize.PageLayoutMarginsOptions{
		Top: ptr(0.75), Bottom: ptr(0.75), Left: ptr(0.5), Right: ptr(0.5),
		Header: ptr(0.3), Footer: ptr(0.3), Horizontally: ptr(true),
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(Sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&R&8" + book.EscapeHF(w.opts.Org),
		OddFooter: "&C第 &P 页，共 &N 页",
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: Sheet})
}

// widths fits each column to its widest cell; the header wraps instead of
// widening a column past a few characters, and 备注 wraps too.
func (w *writer) widths(rows [][]cell, ncol int) []float64 {
	out := make([]float64, ncol)
	for i := range out {
		out[i] = 6
	}
	for i, r := range rows {
		for j, c := range r {
			need := book.TextWidth(c.shown) + 2
			if i == 0 {
				// A header wraps at its "（": size by its longest line, at
				// most six characters.
				need = 0
				for line := range strings.SplitSeq(c.shown, "\n") {
					need = max(need, min(book.TextWidth(line), 12)+2)
				}
			}
			out[j] = max(out[j], need)
		}
	}
	out[ncol-1] = min(max(out[ncol-1], 12), 30)
	out[1] = min(out[1], 36)
	return out
}

func name(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

func shownDecimal(c column, v decimal.Decimal) string {
	switch c.kind {
	case money:
		return v.StringFixed(2)
	}
	return v.StringFixed(int32(c.decimals))
}

// Cell constructors; each also records the text the cell shows.

func (w *writer) text(r book.Role, format, s string) cell {
	return cell{v: excelize.Cell{StyleID: w.st.ID(r, format), Value: s}, shown: s}
}

func (w *writer) blank(r book.Role, format string) cell {
	return cell{v: excelize.Cell{StyleID: w.st.ID(r, format)}}
}

func (w *writer) number(r book.Role, format string, v float64, shown string) cell {
	return cell{v: excelize.Cell{StyleID: w.st.ID(r, format), Value: v}, shown: shown}
}

func (w *writer) decimal(r book.Role, c column, v decimal.Decimal) cell {
	if c.kind == count {
		return cell{v: excelize.Cell{StyleID: w.st.ID(r, c.format()), Value: v.IntPart()}, shown: v.String()}
	}
	return w.number(r, c.format(), v.InexactFloat64(), shownDecimal(c, v))
}

// formula is a computed cell; cached is the model's value for it (nil for
// an empty result).
func (w *writer) formula(r book.Role, format, f string, cached any, shown string) cell {
	c := excelize.Cell{StyleID: w.st.ID(r, format), Formula: f}
	if !w.opts.noCache {
		c.Value = cached
		if cached == nil {
			c.Value = ""
		}
	}
	return cell{v: c, shown: shown}
}

func ptr[T any](v T) *T { return &v }
