package book

import (
	"unicode/utf8"

	"golang.org/x/text/width"
)

// TextWidth returns the width of s in Excel column units (the width of a
// digit in the default font): Chinese characters and other wide or
// full-width runes count two, everything else one. It is what a column must
// hold to show s on one line, give or take a unit of padding.
func TextWidth(s string) float64 {
	w := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			w++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r >= 0x4E00 && r <= 0x9FFF || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60 {
			w += 2 // CJK ideographs and punctuation, full-width forms: the common case
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			w += 2
		default:
			w++
		}
	}
	return float64(w)
}

// Lines estimates how many lines s wraps to in a column of the given width,
// counting the explicit line breaks a cadre may have typed.
func Lines(s string, colWidth float64) int {
	if s == "" {
		return 1
	}
	lines, line := 0, ""
	flush := func() { lines += LinesOf(TextWidth(line), colWidth) }
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			line = s[start:i]
			flush()
			start = i + 1
		}
	}
	line = s[start:]
	flush()
	return lines
}

// LinesOf is how many lines a line of text of the given width wraps to in
// a column of colWidth.
func LinesOf(textWidth, colWidth float64) int {
	avail := max(colWidth-1, 2) // cell padding
	return max(1, int((textWidth+avail-1)/avail))
}
