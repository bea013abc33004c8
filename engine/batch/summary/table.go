package summary

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/huibao/huibao/engine/xlsx/book"
)

// column is one column of a table: under a group header merged over
// several columns (在册会员（人） over 本期, 上年同期, 同比), or on its own
// over both header rows (单位).
type column struct {
	group, name string
	min, max    float64
	wrap        bool // long text (备注) wraps; so does a header
}

// cell is a value to write and the text it shows, which sizes its column.
type cell struct {
	v     excelize.Cell
	shown string
}

// table is one sheet of the 汇总表: a title in row 1, two header rows, one
// row a unit from row 4, a 合计 row, notes.
type table struct {
	sheet, title string
	cols         []column
	// The units' rows are made on demand by unitRow — once for the
	// styles and totals, once to size the columns, once to write them —
	// rather than held: 10,000 units make a million cells. rows are
	// those after them (合计).
	units   int
	unitRow func(i int) []cell
	rows    [][]cell
	notes   []string
	filter  bool // an auto-filter over the header and the units
	total   bool // the last row is 合计
}

// made sets the table's n rows of units, made by row, and makes them once:
// row registers the styles its cells use, which are numbered in the order
// first asked for, and may count totals.
func (t *table) made(n int, row func(i int) []cell) {
	t.units, t.unitRow = n, row
	for i := range n {
		row(i)
	}
}

// len is the number of rows under the headers, 合计 included.
func (t *table) len() int { return t.units + len(t.rows) }

// row is the i-th row under the headers, from 0.
func (t *table) row(i int) []cell {
	if i < t.units {
		return t.unitRow(i)
	}
	return t.rows[i-t.units]
}

// Rows of every table: 1 title, 2 and 3 headers, 4… units.
const (
	groupRow  = 2
	headerRow = 3
	firstRow  = 4
)

// pageWidth is the width, in column units, of the table that still prints
// legibly on one A4 landscape page, scaled to fit; pageAcross is what
// fits at 100%, in LibreOffice's 宋体 (a column unit is a little wider
// there than in Excel's).
const (
	pageWidth  = 160
	pageAcross = 110
)

// col is the letter of a 0-based column.
func col(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// widths fits each column to its widest cell, within its bounds; a header
// wraps at six characters rather than widen its column.
func (t *table) widths() []float64 {
	out := make([]float64, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.min
		for line := range strings.SplitSeq(c.name, "\n") {
			out[i] = max(out[i], min(book.TextWidth(line), 12)+2)
		}
	}
	for i := range t.len() {
		for j, c := range t.row(i) {
			if j < len(out) {
				out[j] = max(out[j], book.TextWidth(c.shown)+2)
			}
		}
	}
	for i, c := range t.cols {
		if c.max > 0 {
			out[i] = min(out[i], c.max)
		}
	}
	return out
}

// write puts the table on its sheet: the first sheet renames Sheet1.
func (w *writer) write(t *table) error {
	f := w.f
	if w.sheets == 0 {
		if err := f.SetSheetName("Sheet1", t.sheet); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(t.sheet); err != nil {
		return err
	}
	w.sheets++
	widths := t.widths()
	span := 0.0
	for _, wd := range widths {
		span += wd
	}
	// A table that fits a landscape page, scaled down a little, prints one
	// page wide; a wider one runs across pages with 序号 and 单位 repeated,
	// since shrinking it to one page would make it unreadable. The title
	// and the notes run across the first page's columns.
	fit := span <= pageWidth
	firstPage := len(t.cols)
	var breaks []int // the columns that start a page across
	if !fit {
		// Pages of columns at 100%: 序号 and 单位, then as many columns as
		// fit, breaking between groups where one can; the breaks are
		// written into the sheet, so that the notes, merged across the
		// first page, end where the page ends in every program.
		start, used := 2, widths[0]+widths[1]
		for c := 2; c < len(t.cols); c++ {
			if used+widths[c] > pageAcross && c > start {
				b := c
				for g := c; g > start+1 && t.cols[g].group != "" && t.cols[g].group == t.cols[g-1].group; g-- {
					b = g - 1
				}
				if b == start {
					b = c
				}
				breaks = append(breaks, b)
				start, used = b, widths[0]+widths[1]
				for k := b; k < c; k++ {
					used += widths[k]
				}
			}
			used += widths[c]
		}
		if len(breaks) > 0 {
			firstPage = breaks[0]
		}
	}
	// Sheet properties precede the data in the XML: set them before streaming.
	if err := f.SetSheetProps(t.sheet, &excelize.SheetPropsOptions{FitToPage: ptr(fit)}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(t.sheet)
	if err != nil {
		return err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, math.Round(wd*4)/4); err != nil {
			return err
		}
	}
	top := fmt.Sprintf("C%d", firstRow)
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: 2, YSplit: headerRow, TopLeftCell: top, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomRight"}},
	}); err != nil {
		return err
	}
	across := 0.0
	for _, wd := range widths[:firstPage] {
		across += wd
	}
	// When 序号 and 单位 repeat on every page across, the title (like the
	// notes) starts to their right: the title row repeats too, and a title
	// merged over the repeated columns would show cut off on every page
	// after the first.
	from := 0
	if !fit {
		from = 2
	}
	titleAcross := across
	for _, wd := range widths[:from] {
		titleAcross -= wd
	}
	lines := book.LinesOf(book.TextWidth(t.title)*16/11, titleAcross)
	title := make([]any, from+1)
	title[from] = excelize.Cell{StyleID: w.st.ID(book.RoleTitle, ""), Value: t.title}
	if err := sw.SetRow("A1", title, excelize.RowOpts{Height: 36 + float64(lines-1)*22}); err != nil {
		return err
	}
	var merges [][2]string
	merges = append(merges, [2]string{col(from) + "1", col(firstPage-1) + "1"})
	// The two header rows: a group's name merged over its columns, a
	// column on its own merged down both rows.
	groups, names := make([]any, len(t.cols)), make([]any, len(t.cols))
	header := w.st.ID(book.RoleHeader, "")
	subLines := 1
	for i, c := range t.cols {
		if c.group == "" {
			groups[i] = excelize.Cell{StyleID: header, Value: c.name}
			names[i] = excelize.Cell{StyleID: header}
			merges = append(merges, [2]string{fmt.Sprintf("%s%d", col(i), groupRow), fmt.Sprintf("%s%d", col(i), headerRow)})
			continue
		}
		names[i] = excelize.Cell{StyleID: header, Value: c.name}
		subLines = max(subLines, book.Lines(c.name, widths[i]))
		if i > 0 && t.cols[i-1].group == c.group {
			groups[i] = excelize.Cell{StyleID: header}
			continue
		}
		groups[i] = excelize.Cell{StyleID: header, Value: c.group}
		end := i
		for end+1 < len(t.cols) && t.cols[end+1].group == c.group {
			end++
		}
		if end > i {
			merges = append(merges, [2]string{fmt.Sprintf("%s%d", col(i), groupRow), fmt.Sprintf("%s%d", col(end), groupRow)})
		}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", groupRow), groups, excelize.RowOpts{Height: book.LineHeight + 8}); err != nil {
		return err
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headerRow), names, excelize.RowOpts{Height: float64(subLines)*book.LineHeight + 8}); err != nil {
		return err
	}
	for i := range t.len() {
		r := t.row(i)
		vals := make([]any, len(r))
		height := 1
		for j := range r {
			vals[j] = r[j].v
			if t.cols[j].wrap {
				height = max(height, book.Lines(r[j].shown, widths[j]))
			}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", firstRow+i), vals, excelize.RowOpts{Height: float64(height)*book.LineHeight + 6}); err != nil {
			return err
		}
	}
	// The notes run across the first page's columns, wrapped, with a line
	// to spare: a program that breaks the lines a little differently must
	// not cut the last one off. When 序号 and 单位 repeat on every page, the
	// notes start to their right: in the repeated columns they would show
	// again, cut off, on every page after the first.
	noteRow := firstRow + t.len()
	across = titleAcross
	for i, n := range t.notes {
		at := fmt.Sprintf("%s%d", col(from), noteRow+i)
		height := float64(book.Lines(n, across-2)+1)*book.LineHeight + 2
		vals := make([]any, from+1)
		vals[from] = excelize.Cell{StyleID: w.st.ID(book.RoleNoteWrapped, ""), Value: n}
		if err := sw.SetRow(fmt.Sprintf("A%d", noteRow+i), vals, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
		merges = append(merges, [2]string{at, fmt.Sprintf("%s%d", col(firstPage-1), noteRow+i)})
	}
	for _, m := range merges {
		if m[0] == m[1] {
			continue
		}
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if last := firstRow + t.len() - 1; t.filter {
		if t.total {
			last-- // over the header and the units, not 合计
		}
		if err := f.AutoFilter(t.sheet, fmt.Sprintf("A%d:%s%d", headerRow, col(len(t.cols)-1), last), nil); err != nil {
			return err
		}
	}
	if err := w.printSetup(t.sheet, fit); err != nil {
		return err
	}
	for _, b := range breaks {
		if err := f.InsertPageBreak(t.sheet, col(b)+"1"); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// printSetup prepares A4 landscape pages with the title and the headers
// repeated and page numbers in the footer: one page wide when the table
// fits, else with 序号 and 单位 repeated on every page.
func (w *writer) printSetup(sheet string, fit bool) error {
	f := w.f
	orient := "landscape"
	layout := &excelize.PageLayoutOptions{Size: ptr(9), Orientation: &orient}
	titles := fmt.Sprintf("'%s'!$1:$%d", sheet, headerRow)
	if fit {
		layout.FitToWidth, layout.FitToHeight = ptr(1), ptr(0)
	} else {
		titles = fmt.Sprintf("'%s'!$A:$B,'%s'!$1:$%d", sheet, sheet, headerRow)
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Top: ptr(0.75), Bottom: ptr(0.75), Left: ptr(0.5), Right: ptr(0.5),
		Header: ptr(0.3), Footer: ptr(0.3), Horizontally: ptr(true),
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&R&8" + book.EscapeHF(w.opts.Org),
		OddFooter: "&C" + book.EscapeHF(sheet) + "　第 &P 页，共 &N 页",
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet})
}

// Cell constructors; each also records the text the cell shows.

func (w *writer) text(r book.Role, s string) cell {
	return cell{v: excelize.Cell{StyleID: w.st.ID(r, ""), Value: s}, shown: s}
}

func (w *writer) blank(r book.Role, format string) cell {
	return cell{v: excelize.Cell{StyleID: w.st.ID(r, format)}}
}

func (w *writer) number(r book.Role, format string, v float64, shown string) cell {
	return cell{v: excelize.Cell{StyleID: w.st.ID(r, format), Value: v}, shown: shown}
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

// fixed is a number format with n decimals and a unit: 0"人", 0.00"元".
func fixed(n int, unit string) string {
	f := "0"
	if n > 0 {
		f += "." + strings.Repeat("0", n)
	}
	if unit != "" && unit != "%" {
		f += `"` + unit + `"`
	}
	return f
}

func ptr[T any](v T) *T { return &v }
