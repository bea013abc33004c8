package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Number formats. Units ride in the format, so that a cell holds the bare
// number (4509.5) and shows it as the prose writes it (4509.50元).
const (
	fmtDate    = `yyyy"年"m"月"d"日"`
	fmtMonth   = `yyyy"年"m"月"`
	fmtYuan    = `0.00"元"`
	fmtPercent = `0.0%`
	fmtCountOf = `"共"0"项"`
)

// fmtFixed is a number with n decimals: 0, 0.0, 0.00 …
func fmtFixed(n int) string {
	if n <= 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", n)
}

// fmtUnit shows a number with its unit: 0"人", 0.00"元".
func fmtUnit(number, unit string) string {
	if unit == "" {
		return number
	}
	return number + `"` + unit + `"`
}

// fmtSigned shows a change with its sign: +12人, -3.50元, 0人.
func fmtSigned(f string) string { return "+" + f + ";-" + f + ";" + f }

// font is the face of body cells: 宋体 is what Chinese offices print with,
// and Excel, WPS and LibreOffice all substitute a Song face where it is missing.
const (
	font      = "宋体"
	titleFont = "黑体"
)

// role is what a cell is for; with a number format it makes a style.
type role int

const (
	roleTitle      role = iota // the sheet's title in row 1
	roleHeading                // a block's heading on a sheet with several tables
	roleHeader                 // column headers
	roleText                   // short text, left
	roleWrap                   // long text, wrapped
	roleCenter                 // dates, categories, 序号
	roleNumber                 // numbers, right
	roleTotal                  // numbers of a totals row
	roleTotalLabel             // 合计
	roleNote                   // a remark under a table
)

type styleKey struct {
	role   role
	format string
}

// styles hands out the cell styles of one workbook, each created once; the
// first excelize error is kept and reported by err.
type styles struct {
	f   *excelize.File
	ids map[styleKey]int
	err error
}

func newStyles(f *excelize.File) *styles {
	return &styles{f: f, ids: map[styleKey]int{}}
}

func (s *styles) id(r role, format string) int {
	k := styleKey{r, format}
	if id, ok := s.ids[k]; ok {
		return id
	}
	id, err := s.f.NewStyle(styleOf(r, format))
	if err != nil && s.err == nil {
		s.err = err
	}
	s.ids[k] = id
	return id
}

func styleOf(r role, format string) *excelize.Style {
	body := &excelize.Font{Family: font, Size: 11}
	bold := &excelize.Font{Family: font, Size: 11, Bold: true}
	grid := border()
	align := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	totalFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	var st *excelize.Style
	switch r {
	case roleTitle:
		st = &excelize.Style{Font: &excelize.Font{Family: titleFont, Size: 16, Bold: true}, Alignment: align("center", false)}
	case roleHeading:
		st = &excelize.Style{Font: &excelize.Font{Family: titleFont, Size: 12, Bold: true}, Alignment: align("left", false)}
	case roleHeader:
		st = &excelize.Style{Font: bold, Border: grid, Alignment: align("center", true),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}
	case roleText:
		st = &excelize.Style{Font: body, Border: grid, Alignment: align("left", false)}
	case roleWrap:
		st = &excelize.Style{Font: body, Border: grid, Alignment: align("left", true)}
	case roleCenter:
		st = &excelize.Style{Font: body, Border: grid, Alignment: align("center", false)}
	case roleNumber:
		st = &excelize.Style{Font: body, Border: grid, Alignment: align("right", false)}
	case roleTotal:
		st = &excelize.Style{Font: bold, Border: grid, Alignment: align("right", false), Fill: totalFill}
	case roleTotalLabel:
		st = &excelize.Style{Font: bold, Border: grid, Alignment: align("center", false), Fill: totalFill}
	case roleNote:
		st = &excelize.Style{Font: &excelize.Font{Family: font, Size: 10, Color: "595959"}, Alignment: align("left", false)}
	}
	if format != "" {
		st.CustomNumFmt = &format
	}
	return st
}

func border() []excelize.Border {
	bs := make([]excelize.Border, 0, 4)
	for _, side := range []string{"left", "right", "top", "bottom"} {
		bs = append(bs, excelize.Border{Type: side, Color: "7F7F7F", Style: 1})
	}
	return bs
}
