package book

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Faces of both workbooks huibao hands out (the appendix and a batch's
// 汇总表): 宋体 is what Chinese offices print with, and Excel, WPS and
// LibreOffice all substitute a Song face where it is missing.
const (
	Font      = "宋体"
	TitleFont = "黑体"
)

// LineHeight is the height in points of one line of 11-point 宋体, with the
// spacing Excel gives it.
const LineHeight = 14.5

// Role is what a cell is for; with a number format it makes a style.
type Role int

const (
	RoleTitle       Role = iota // a sheet's title in row 1
	RoleHeading                 // a block's heading on a sheet with several tables
	RoleHeader                  // column headers
	RoleText                    // short text, left
	RoleWrap                    // long text, wrapped
	RoleCenter                  // dates, categories, 序号
	RoleNumber                  // numbers, right
	RoleTotal                   // numbers of a totals row
	RoleTotalLabel              // 合计
	RoleNote                    // a one-line remark under a table
	RoleNoteWrapped             // a remark wrapped in the cells it is merged across
)

type styleKey struct {
	role   Role
	format string
}

// Styles hands out the cell styles of one workbook, each created once; the
// first excelize error is kept and reported by Err.
type Styles struct {
	f   *excelize.File
	ids map[styleKey]int
	err error
}

// NewStyles starts the style set of f.
func NewStyles(f *excelize.File) *Styles {
	return &Styles{f: f, ids: map[styleKey]int{}}
}

// ID returns the style of a role with a number format ("" for General).
func (s *Styles) ID(r Role, format string) int {
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

// Err is the first error met creating a style.
func (s *Styles) Err() error { return s.err }

func styleOf(r Role, format string) *excelize.Style {
	body := &excelize.Font{Family: Font, Size: 11}
	bold := &excelize.Font{Family: Font, Size: 11, Bold: true}
	grid := make([]excelize.Border, 0, 4)
	for _, side := range []string{"left", "right", "top", "bottom"} {
		grid = append(grid, excelize.Border{Type: side, Color: "7F7F7F", Style: 1})
	}
	align := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	totalFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	note := &excelize.Font{Family: Font, Size: 10, Color: "595959"}
	var st *excelize.Style
	switch r {
	case RoleTitle:
		// A long union name wraps the title rather than running off the page.
		st = &excelize.Style{Font: &excelize.Font{Family: TitleFont, Size: 16, Bold: true}, Alignment: align("center", true)}
	case RoleHeading:
		st = &excelize.Style{Font: &excelize.Font{Family: TitleFont, Size: 12, Bold: true}, Alignment: align("left", false)}
	case RoleHeader:
		st = &excelize.Style{Font: bold, Border: grid, Alignment: align("center", true),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}
	case RoleText:
		st = &excelize.Style{Font: body, Border: grid, Alignment: align("left", false)}
	case RoleWrap:
		st = &excelize.Style{Font: body, Border: grid, Alignment: align("left", true)}
	case RoleCenter:
		st = &excelize.Style{Font: body, Border: grid, Alignment: align("center", false)}
	case RoleNumber:
		st = &excelize.Style{Font: body, Border: grid, Alignment: align("right", false)}
	case RoleTotal:
		st = &excelize.Style{Font: bold, Border: grid, Alignment: align("right", false), Fill: totalFill}
	case RoleTotalLabel:
		st = &excelize.Style{Font: bold, Border: grid, Alignment: align("center", false), Fill: totalFill}
	case RoleNote:
		st = &excelize.Style{Font: note, Alignment: align("left", false)}
	case RoleNoteWrapped:
		st = &excelize.Style{Font: note, Alignment: align("left", true)}
	}
	if format != "" {
		st.CustomNumFmt = &format
	}
	return st
}

// EscapeHF doubles the ampersands that would start a header or footer code.
func EscapeHF(s string) string {
	return strings.ReplaceAll(s, "&", "&&")
}
