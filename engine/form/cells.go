package form

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/shopspring/decimal"
	"golang.org/x/text/width"
)

// What Excel, WPS and LibreOffice store for what a cadre types decides how
// a cell is read; the number format is often the only trace of what was
// typed:
//
//   - 95% typed into a number cell is stored as 0.95 and the cell is given
//     a percentage format (0%), in a General cell and in one formatted as a
//     number alike;
//   - 2025年12月 typed into a General cell is recognised by Chinese Excel and
//     WPS as a date: stored as the serial of 2025-12-01 with the built-in
//     format yyyy"年"m"月" (number format 57, or 27, 36, 50, 52 in the
//     other East Asian slots; LibreOffice writes it out as a custom
//     YYYY"年"M"月"). Typed into a cell already formatted as a date
//     (yyyy-mm-dd), the same 2025-12-01 is stored and the format stays:
//     nothing is left to tell it from a typed 2025-12-01. That is why the
//     完成时限 column of the 填报表 is a text column, where 2025年12月 stays
//     the text typed, and why a serial shown without its day reads as a
//     month;
//   - text typed into a text (@) cell is kept as typed: 0152, 3-1, 95%.

// numFormat is what a cell's number format says about the number it holds.
type numFormat int

const (
	formatPlain   numFormat = iota // General, 0, 0.00, text …
	formatPercent                  // 0%, 0.0%: the number is a share, 0.95 for 95%
	formatMonth                    // a date shown without its day: 2025年12月
	formatDay                      // a date shown with its day
)

// Built-in number formats (ECMA-376 Part 1, 18.8.30) that are dates. The
// ids from 27 on are the East Asian ones, whose codes depend on the
// language of the program; these are their zh-CN codes.
var builtinDates = map[int]numFormat{
	14: formatDay,   // m/d/yyyy, or yyyy/m/d in a Chinese Excel
	15: formatDay,   // d-mmm-yy
	16: formatDay,   // d-mmm
	17: formatMonth, // mmm-yy
	22: formatDay,   // m/d/yy h:mm
	27: formatMonth, // yyyy"年"m"月"
	28: formatDay,   // m"月"d"日"
	29: formatDay,   // m"月"d"日"
	30: formatDay,   // m-d-yy
	31: formatDay,   // yyyy"年"m"月"d"日"
	36: formatMonth, // yyyy"年"m"月"
	50: formatMonth, // yyyy"年"m"月"
	51: formatDay,   // m"月"d"日"
	52: formatMonth, // yyyy"年"m"月"
	53: formatDay,   // m"月"d"日"
	54: formatDay,   // m"月"d"日"
	57: formatMonth, // yyyy"年"m"月"
	58: formatDay,   // m"月"d"日"
}

// classify reads a number format: a built-in id, or a custom code.
func classify(id int, code string) numFormat {
	if code == "" {
		switch id {
		case 9, 10:
			return formatPercent
		}
		return builtinDates[id]
	}
	// Only the first section (positive numbers) matters; quoted text,
	// escaped characters and [locale] or [colour] brackets say nothing.
	var b strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal (or padding)
		case c == ';':
			i = len(code)
		default:
			b.WriteByte(c | 0x20) // ASCII letters to lower case; others are not looked at
		}
	}
	s := b.String()
	switch {
	case strings.Contains(s, "%"):
		return formatPercent
	case strings.Contains(s, "d"):
		if strings.Contains(s, "y") || strings.Contains(s, "m") {
			return formatDay
		}
	case strings.Contains(s, "y") && strings.Contains(s, "m"):
		return formatMonth
	}
	return formatPlain
}

// oneParagraph joins the lines of a cell into one: a line break typed with
// Alt+Enter (Excel, WPS) or Ctrl+Enter (LibreOffice) breaks the line where
// the cadre wanted to see it break in a narrow column, not the paragraph.
// Chinese text joins without a space, as it is written; other text (a
// name in Latin letters, a number) with one, so that words stay apart.
// Blank lines and the spaces around each break go.
func oneParagraph(s string) string {
	if !strings.ContainsAny(s, "\r\n\u2028\u2029") {
		return s
	}
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' })
	var b strings.Builder
	for _, l := range lines {
		l = clean(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if !wide(last) || !wide(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// wide reports whether a rune is written without spaces around it in
// Chinese: ideographs, Chinese punctuation, full-width forms.
func wide(r rune) bool {
	if unicode.Is(unicode.Han, r) {
		return true
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// numFormat looks up the number format of a cell, once per style.
func (rd *reader) numFormat(pos diag.Pos) numFormat {
	if rd.wb == nil {
		return formatPlain // typed text without a workbook (ReadCells)
	}
	sh, err := rd.sheet(pos.Sheet)
	col, row, ok := book.ParseRef(pos.Cell)
	if err != nil || !ok {
		return formatPlain
	}
	id := sh.Style(row, col)
	if c, ok := rd.formats[id]; ok {
		return c
	}
	c := classify(rd.wb.NumFormat(id))
	if rd.formats == nil {
		rd.formats = map[int]numFormat{}
	}
	rd.formats[id] = c
	return c
}

// figure is a number read from a table with a unit column, and whether it
// was typed or stored as a percentage: text ending in %, or a number in a
// cell shown as a percentage.
type figure struct {
	path  string
	pos   diag.Pos
	value decimal.Decimal
	share string // 95% as the cadre sees it; "" for a plain number
}

// percentage reads a number cell of a table with a unit column: text
// typed as 95% gives 95, and so does the 0.95 Excel stores for 95% typed
// into a number cell, which it shows with a percentage format.
func (rd *reader) percentage(pos diag.Pos, raw string) (string, figure) {
	fg := figure{pos: pos}
	s := narrow(clean(raw))
	if n, ok := strings.CutSuffix(s, "%"); ok {
		fg.share = s
		return clean(n), fg
	}
	if !isNumeric(s) || rd.numFormat(pos) != formatPercent {
		return raw, fg
	}
	d, msg := parseDecimal(s, true)
	if msg != "" {
		return raw, fg
	}
	p := d.Shift(2).String()
	fg.share = p + "%"
	return p, fg
}

// percentages checks a row's figures against its unit: a percentage must
// be a figure in %, and a figure in % of more than 0 and at most 1 may be a
// percentage that lost its format (0.95 for 95%), which the cadre is told
// of at the cell.
func (rd *reader) percentages(unit string, figs []figure) {
	for _, fg := range figs {
		switch {
		case unit == "%" && fg.share == "" && fg.value.IsPositive() && fg.value.LessThanOrEqual(decimal.NewFromInt(1)):
			rd.probs.Warn(fg.pos, fg.path, fmt.Sprintf("单位是%%，而数值是%s：是%s%%，还是%s%%？", fg.value, fg.value, fg.value.Shift(2)),
				fmt.Sprintf("在 Excel 里输入的 %s%% 若失去了百分比格式，就存成 %s；是%s%%请改写成 %s，确是%s%%就不用改",
					fg.value.Shift(2), fg.value, fg.value.Shift(2), fg.value.Shift(2), fg.value))
		case unit != "%" && unit != "" && fg.share != "":
			rd.probs.Add(fg.pos, fg.path, fmt.Sprintf("“%s”是百分数，而这一行的单位是“%s”", fg.share, unit),
				"单位是%的指标请在“单位”一列选 %；否则这一格只填数字，不带%")
			rd.sm.MarkInvalid(fg.path)
		}
	}
}

// isSerial reports whether a date cell holds a number: a date Excel stored
// as its serial, rather than text.
func isSerial(s string) bool {
	s = narrow(clean(s))
	return isNumeric(s) && !strings.ContainsAny(s, "+-eE") && !compact.MatchString(s) && !ambiguousMonth.MatchString(s) && !fullDate.MatchString(s)
}

// serialDate reads a date Excel stored as a serial by the cell's format: a
// serial shown without its day is a month (2025年12月 typed into a General
// cell). A month field holding the first of a month shown with its day
// (2025年12月 typed into a cell formatted yyyy-mm-dd, which Excel and WPS
// store as 2025-12-01) is taken as the day it says, with a word to the cadre.
func (rd *reader) serialDate(fd field, path string, pos diag.Pos, d model.Date) model.Date {
	switch rd.numFormat(pos) {
	case formatMonth:
		d.Day = 0
	case formatDay:
		if fd.kind == model.KindMonth && d.Day == 1 {
			rd.probs.Warn(pos, path, fmt.Sprintf("%s读作%d年%d月1日：在日期格式的单元格里输入“%d年%d月”，Excel 和 WPS 也存成1日", fd.label, d.Year, d.Month, d.Year, d.Month),
				fmt.Sprintf("只想写到月份时，请把这一格设为文本格式，再输入“%d年%d月”；确是1日就不用改", d.Year, d.Month))
		}
	}
	return d
}
