package compose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/layout"
)

// Chars counts the characters of a report's text as a reader counts them:
// every character of the body after the metadata block, less spaces and
// the Markdown around it (heading marks, table rules, div fences).
func Chars(md []byte) int {
	lines := strings.Split(string(md), "\n")
	n := 0
	for _, line := range lines[BodyStart(lines):] {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, ":::") || isRule(line) {
			continue
		}
		line = strings.TrimLeft(line, "#")
		for _, r := range line {
			if unicode.IsSpace(r) || r == '|' {
				continue
			}
			n++
		}
	}
	return n
}

// isRule reports a table's alignment row: |:--|--:|.
func isRule(line string) bool {
	return strings.HasPrefix(line, "|") && strings.Trim(line, "|:- ") == ""
}

// Pages estimates how many pages a report takes in a layout: the body on
// its grid of Cols characters by Rows lines (28 × 22 for the official
// layout), a paragraph indented by two characters and wrapped at Cols, a
// Latin letter or digit half a character wide, the title three lines, a
// table row one line, the signature four. It is the budget's measure, made
// without fonts; TestPagesEstimate keeps it within a page of the PDF
// writer's count on the fixtures.
func Pages(md []byte, p *layout.Profile) int {
	lines := strings.Split(string(md), "\n")
	total := 3.0 // the title and the space under it
	inDiv := false
	for _, line := range lines[BodyStart(lines):] {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, ":::"):
			if !inDiv && strings.Contains(t, "signature") {
				total += 1 // the space above a signature
			}
			inDiv = !inDiv && t != ":::"
			continue
		case isRule(t):
			continue
		case strings.HasPrefix(t, "|"):
			total += wrapped(strings.ReplaceAll(t, "|", ""), p.Cols)
			continue
		case strings.HasPrefix(t, "#"):
			total += wrapped(strings.TrimLeft(t, "# "), p.Cols)
			continue
		}
		total += wrapped("　　"+t, p.Cols)
	}
	rows := float64(p.Rows)
	pages := int(total / rows)
	if total > float64(pages)*rows {
		pages++
	}
	return max(pages, 1)
}

// wrapped is the lines a paragraph takes at cols characters a line.
func wrapped(s string, cols int) float64 {
	w := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w += 0.5
		} else {
			w++
		}
	}
	n := int(w) / cols
	if float64(n*cols) < w || n == 0 {
		n++
	}
	return float64(n)
}
