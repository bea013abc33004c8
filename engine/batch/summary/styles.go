package summary

import "github.com/xuri/excelize/v2"

// The faces of the report appendix (engine/xlsx), so that the two
// workbooks a batch hands out look alike.
const (
	font      = "宋体"
	titleFont = "黑体"
)

// lineHeight is the height in points of one line of 11-point 宋体.
const lineHeight = 14.5

// role is what a cell is for; with a number format it makes a style.
type role int

const (
	roleTitle      role = iota // the title in row 1
	roleHeader                 // column headers
	roleText                   // unit names
	roleWrap                   // remarks, wrapped
	roleCenter                 // 序号
	roleNumber                 // figures
	roleTotal                  // figures of the 合计 row
	roleTotalLabel             // 合计 and the cells with no total
	roleNote                   // the notes under the table
)

type styleKey struct {
	role   role
	format string
}

// style returns the style of a role and number format, created once per
// workbook; the first excelize error is kept in w.err.
func (w *writer) style(r role, format string) int {
	k := styleKey{r, format}
	if id, ok := w.styles[k]; ok {
		return id
	}
	id, err := w.f.NewStyle(styleOf(r, format))
	if err != nil && w.err == nil {
		w.err = err
	}
	w.styles[k] = id
	return id
}

func styleOf(r role, format string) *excelize.Style {
	body := &excelize.Font{Family: font, Size: 11}
	bold := &excelize.Font{Family: font, Size: 11, Bold: true}
	var grid []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		grid = append(grid, excelize.Border{Type: side, Color: "7F7F7F", Style: 1})
	}
	align := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	totalFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	var st *excelize.Style
	switch r {
	case roleTitle:
		st = &excelize.Style{Font: &excelize.Font{Family: titleFont, Size: 16, Bold: true}, Alignment: align("center", false)}
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
		st = &excelize.Style{Font: &excelize.Font{Family: font, Size: 10, Color: "595959"}, Alignment: align("left", true)}
	}
	if format != "" {
		st.CustomNumFmt = &format
	}
	return st
}
