package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/xuri/excelize/v2"
)

// cell is one cell to write and the text it shows, which sizes its column
// and, for wrapped columns, its row.
type cell struct {
	v     excelize.Cell
	shown string
	width float64 // TextWidth(shown), once widths has run
}

// row is one worksheet row after the title.
type row struct {
	cells  []cell
	header bool // header cells wrap, so they size the row too
	spill  bool // a note or heading that runs across the row: it sizes nothing
	// wrapped is a note merged across the table and wrapped in it.
	wrapped bool
	// many, when set, stands for that many rows made on demand: a
	// roll-up's 活动台账 runs to a hundred thousand rows, whose cells would
	// take more memory than everything else of the batch.
	many *generated
}

// generated is a run of rows made when they are needed — once to size the
// columns, once to write them — rather than held.
type generated struct {
	n  int
	at func(i int) row // the i-th row of the run, from 0
}

// column is the width policy of one column: it fits its widest cell between
// min and max; wrapped columns break longer text into lines instead.
type column struct {
	min, max float64
	wrap     bool
}

// placedChart is a chart and the cell its top left corner sits on.
type placedChart struct {
	at    string
	chart *excelize.Chart
}

// sheet is a worksheet laid out in memory first, so that column widths and
// row heights can be computed before the rows are streamed out.
type sheet struct {
	name, title string
	cols        []column
	rows        []row // from row 2 on; row 1 is the title
	count       int   // rows, the generated ones included
	freezeRows  int   // rows kept in view when scrolling; 0 for none
	filter      string
	landscape   bool
	repeatFrom  int     // first row printed on top of every page, 0 for row 1
	repeatRows  int     // last row printed on top of every page, 0 for none
	onePage     bool    // print on one page, scaled down as needed
	rowHeight   float64 // fixed height of every row after the title, 0 to fit content
	merges      [][2]string
	charts      []placedChart
	breaks      []int // rows that start a printed page
}

// add appends a row and returns its 1-based row number.
func (s *sheet) add(r row) int {
	s.rows = append(s.rows, r)
	s.count++
	return s.count + 1
}

// generate appends n rows that at makes on demand, and returns the row
// number of the last.
func (s *sheet) generate(n int, at func(i int) row) int {
	if n == 0 {
		return s.count + 1
	}
	s.rows = append(s.rows, row{many: &generated{n: n, at: at}})
	s.count += n
	return s.count + 1
}

// next is the row number the next add will get.
func (s *sheet) next() int { return s.count + 2 }

// each calls f with every row after the title, in order, making the
// generated ones, and with its 1-based row number.
func (s *sheet) each(f func(n int, r row) error) error {
	n := 2
	for _, r := range s.rows {
		if r.many == nil {
			if err := f(n, r); err != nil {
				return err
			}
			n++
			continue
		}
		for i := range r.many.n {
			if err := f(n, r.many.at(i)); err != nil {
				return err
			}
			n++
		}
	}
	return nil
}

// note appends a line of text under or between tables; a wrapped note
// (RoleNoteWrapped) runs over as many lines as it needs across the table.
func (s *sheet) note(st *book.Styles, r book.Role, t string) int {
	n := s.add(row{cells: []cell{text(st.ID(r, ""), t)}, spill: true, wrapped: r == book.RoleNoteWrapped})
	if r == book.RoleHeading || r == book.RoleNoteWrapped {
		last, _ := excelize.ColumnNumberToName(len(s.cols))
		s.merges = append(s.merges, [2]string{"A" + strconv.Itoa(n), last + strconv.Itoa(n)})
	}
	return n
}

// headerRow appends a row of column headers.
func (s *sheet) headerRow(st *book.Styles, titles ...string) int {
	cells := make([]cell, len(titles))
	for i, t := range titles {
		cells[i] = text(st.ID(book.RoleHeader, ""), t)
	}
	return s.add(row{cells: cells, header: true})
}

func (s *sheet) widths() []float64 {
	w := make([]float64, len(s.cols))
	for i, c := range s.cols {
		w[i] = c.min
	}
	s.each(func(_ int, r row) error {
		for i := range r.cells {
			c := &r.cells[i]
			c.width = book.TextWidth(c.shown)
			if i >= len(w) || r.header || r.spill {
				continue
			}
			if need := c.width + 2; need > w[i] {
				w[i] = need
			}
		}
		return nil
	})
	for i, c := range s.cols {
		if c.max > 0 && w[i] > c.max {
			w[i] = c.max
		}
	}
	return w
}

func (s *sheet) height(r row, widths []float64) float64 {
	if s.rowHeight > 0 {
		return s.rowHeight
	}
	if r.wrapped {
		across := 0.0
		for _, w := range widths {
			across += w
		}
		return min(float64(book.Lines(r.cells[0].shown, across))*book.LineHeight+6, maxRowHeight)
	}
	if r.spill {
		return book.LineHeight + 8
	}
	lines := 1
	for i, c := range r.cells {
		if i >= len(widths) || !(r.header || s.cols[i].wrap) {
			continue
		}
		if strings.IndexByte(c.shown, '\n') < 0 {
			if c.width == 0 && c.shown != "" { // a generated row, made again to be written
				c.width = book.TextWidth(c.shown)
			}
			lines = max(lines, book.LinesOf(c.width, widths[i]))
		} else {
			lines = max(lines, book.Lines(c.shown, widths[i]))
		}
	}
	return min(float64(lines)*book.LineHeight+6, maxRowHeight)
}

// maxRowHeight is the tallest row Excel allows, in points; a taller row
// is refused by excelize. A cell with more text than that shows is still
// whole in the file, and Excel shows it when the cell is selected.
const maxRowHeight = 409

// write puts the sheet into the workbook: streamed rows, then the settings
// the stream writer flushes with them (filter, print set-up, charts).
func (b *builder) write(s *sheet) error {
	f := b.f
	if b.first {
		if err := f.SetSheetName("Sheet1", s.name); err != nil {
			return err
		}
		b.first = false
	} else if _, err := f.NewSheet(s.name); err != nil {
		return err
	}
	// Sheet properties precede the data in the XML: set them before streaming.
	if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	widths := s.widths()
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, math.Round(w*4)/4); err != nil {
			return err
		}
	}
	if s.freezeRows > 0 {
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: s.freezeRows,
			TopLeftCell: "A" + strconv.Itoa(s.freezeRows+1), ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A" + strconv.Itoa(s.freezeRows+1), ActiveCell: "A" + strconv.Itoa(s.freezeRows+1), Pane: "bottomLeft"}},
		}); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(s.cols))
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: b.st.ID(book.RoleTitle, ""), Value: s.title}},
		excelize.RowOpts{Height: titleHeight(s.title, widths)}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	vals := make([]any, len(s.cols))
	if err := s.each(func(n int, r row) error {
		vals = vals[:0]
		for j := range r.cells {
			vals = append(vals, &r.cells[j].v) // a pointer boxes without a copy
		}
		return sw.SetRow("A"+strconv.Itoa(n), vals, excelize.RowOpts{Height: s.height(r, widths)})
	}); err != nil {
		return err
	}
	for _, m := range s.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if s.filter != "" {
		if err := f.AutoFilter(s.name, s.filter, nil); err != nil {
			return err
		}
	}
	if err := b.printSetup(s); err != nil {
		return err
	}
	for _, r := range s.breaks {
		if err := f.InsertPageBreak(s.name, "A"+strconv.Itoa(r)); err != nil {
			return err
		}
	}
	for _, c := range s.charts {
		if err := f.AddChart(s.name, c.at, c.chart); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// titleHeight is the height of a title row: one line of 16-point 黑体 (a
// character is 16/11 of the body's), or as many as a long union name wraps
// the title to across the sheet, rather than cutting it off at the edge.
func titleHeight(title string, widths []float64) float64 {
	across := 0.0
	for _, w := range widths {
		across += w
	}
	lines := book.LinesOf(book.TextWidth(title)*16/11, across)
	return 36 + float64(lines-1)*22
}

// printSetup prepares A4 pages: one page wide, header rows repeated, page
// numbers in the footer.
func (b *builder) printSetup(s *sheet) error {
	f := b.f
	orient := "portrait"
	if s.landscape {
		orient = "landscape"
	}
	tall := 0 // as many pages as it takes
	if s.onePage {
		tall = 1
	}
	if err := f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: &orient, FitToWidth: ptr(1), FitToHeight: &tall,
	}); err != nil {
		return err
	}
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Top: ptr(0.75), Bottom: ptr(0.75), Left: ptr(0.6), Right: ptr(0.6),
		Header: ptr(0.3), Footer: ptr(0.3), Horizontally: ptr(true),
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: "&R&8" + book.EscapeHF(b.r.Org.Name),
		OddFooter: "&C第 &P 页，共 &N 页",
	}); err != nil {
		return err
	}
	if s.repeatRows > 0 {
		return f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", s.name, max(s.repeatFrom, 1), s.repeatRows),
			Scope:    s.name,
		})
	}
	return nil
}

// Cell constructors.

func text(style int, s string) cell {
	return cell{v: excelize.Cell{StyleID: style, Value: s}, shown: s}
}

func blank(style int) cell { return cell{v: excelize.Cell{StyleID: style}} }

func number(style int, v float64, shown string) cell {
	return cell{v: excelize.Cell{StyleID: style, Value: v}, shown: shown}
}

// formula is a cell computed by the spreadsheet; cached is the value the
// model gives (nil for an empty result), written so that readers that do not
// calculate still see it.
func (b *builder) formula(style int, f string, cached any, shown string) cell {
	c := excelize.Cell{StyleID: style, Formula: f}
	if !b.opts.noCache {
		c.Value = cached
		if cached == nil {
			c.Value = ""
		}
	}
	return cell{v: c, shown: shown}
}

func ptr[T any](v T) *T { return &v }
