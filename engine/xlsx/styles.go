package xlsx

import (
	"strings"

	"github.com/huibao/huibao/engine/xlsx/book"
)

// Number formats. Units ride in the format, so that a cell holds the bare
// number (4509.5) and shows it as the prose writes it (4509.50元).
const (
	fmtDate    = `yyyy"年"m"月"d"日"`
	fmtMonth   = `yyyy"年"m"月"`
	fmtYuan    = `0.00"元"`
	fmtPercent = book.FmtPercent
	fmtCountOf = `"共"0"项"`
	fmtPoints  = book.FmtPoints
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

// fmtSigned shows a change with its sign: book.Signed.
func fmtSigned(f string) string { return book.Signed(f) }
