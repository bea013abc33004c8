package docx

import (
	"fmt"
	"math"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
)

// cell is a table cell's text and setting.
type cell struct {
	spans  []span
	text   string
	jc     string
	header bool
}

// table writes a pipe table across the type area, as the PDF sets it:
// every rule, the header row centred in 黑体 and repeated on every page,
// body cells aligned as the alignment row says (--: right-aligns numbers),
// no row split across pages, columns as wide as their text asks within the
// type area.
func (w *writer) table(t *east.Table) error {
	var rows [][]cell
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		header := r.Kind() == east.KindTableHeader
		var row []cell
		col := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			tc, ok := c.(*east.TableCell)
			if !ok {
				return &UnsupportedNodeError{Kind: c.Kind(), Line: w.line(t)}
			}
			rl, jc := roleBody, ""
			if header {
				rl, jc = roleHeading, "center"
			} else if col < len(t.Alignments) {
				switch t.Alignments[col] {
				case east.AlignRight:
					jc = "right"
				case east.AlignCenter:
					jc = "center"
				}
			}
			spans, err := w.inlines(tc, rl, nil)
			if err != nil {
				return err
			}
			var text strings.Builder
			for _, s := range spans {
				text.WriteString(s.text)
			}
			row = append(row, cell{spans: spans, text: text.String(), jc: jc, header: header})
			col++
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil
	}
	ncol := len(t.Alignments)
	for _, r := range rows {
		ncol = max(ncol, len(r))
	}
	em := float64(w.g.table) * 10 // the table size in twips
	pad := float64(2 * w.g.cellX)
	nat := make([]float64, ncol)
	minw := make([]float64, ncol)
	for _, r := range rows {
		for i, c := range r {
			nat[i] = max(nat[i], width(c.text)*em+pad)
			minw[i] = max(minw[i], longestPiece(c.text)*em+pad)
		}
	}
	widths := gridWidths(columnWidths(nat, minw, float64(w.g.width)), w.g.width)

	b := &w.b
	hasHeader := t.FirstChild().Kind() == east.KindTableHeader
	firstRow := 0
	if hasHeader {
		firstRow = 1
	}
	rule := func(side string) string {
		return `<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
	}
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`+
		`<w:tblBorders>%s%s%s%s%s%s</w:tblBorders><w:tblLayout w:type="fixed"/>`+
		`<w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`+
		`<w:tblLook w:firstRow="%d" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`,
		styleTable, w.g.width, rule("top"), rule("left"), rule("bottom"), rule("right"), rule("insideH"), rule("insideV"),
		w.g.cellY, w.g.cellX, w.g.cellY, w.g.cellX, firstRow)
	for _, x := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, x)
	}
	b.WriteString("</w:tblGrid>\n")
	for ri, r := range rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if ri == 0 && hasHeader {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for i := 0; i < ncol; i++ {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, widths[i])
			if i < len(r) {
				w.paragraph(para{style: styleTableText, role: roleBody, jc: r[i].jc}, r[i].spans)
			} else {
				w.paragraph(para{style: styleTableText, role: roleBody}, nil)
			}
			b.Truncate(b.Len() - 1) // the paragraph's newline: a row is one line
			b.WriteString(`</w:tc>`)
		}
		b.WriteString("</w:tr>\n")
	}
	b.WriteString("</w:tbl>\n")
	return nil
}

// longestPiece is the width in characters of the longest part of s that
// may not be broken: a number or a Latin word; a Chinese character breaks
// on either side.
func longestPiece(s string) float64 {
	best, cur := 0.0, 0.0
	for _, r := range s {
		switch {
		case wideRune(r):
			best, cur = max(best, cur, 1), 0
		case r == ' ':
			best, cur = max(best, cur), 0
		default:
			cur += 0.5
		}
	}
	return max(best, cur)
}

// columnWidths shares the width W among columns as the PDF writer does.
// When the natural widths fit, they are widened in proportion to fill W.
// Otherwise narrow columns (natural width within an equal share of what is
// left) keep their natural width, so that 序号 or 人数 never wrap, and the
// wide ones share the rest in proportion to their natural widths, never
// below their longest unbreakable piece.
func columnWidths(nat, minw []float64, W float64) []float64 {
	n := len(nat)
	widths := make([]float64, n)
	total := 0.0
	for _, x := range nat {
		total += x
	}
	if total <= W {
		for i := range widths {
			widths[i] = nat[i] * W / total
		}
		return widths
	}
	fixed := make([]bool, n)
	left, open := W, n
	for changed := true; changed && open > 0; {
		changed = false
		share := left / float64(open)
		for i := range nat {
			if !fixed[i] && nat[i] <= share {
				fixed[i], widths[i] = true, nat[i]
				left -= nat[i]
				open--
				changed = true
			}
		}
	}
	rest := 0.0
	for i := range nat {
		if !fixed[i] {
			rest += nat[i]
		}
	}
	for i := range nat {
		if !fixed[i] {
			widths[i] = max(minw[i], nat[i]*left/rest)
		}
	}
	sum := 0.0
	for _, x := range widths {
		sum += x
	}
	if sum > W { // the unbreakable pieces alone are too wide
		for i := range widths {
			widths[i] *= W / sum
		}
	}
	return widths
}

// gridWidths rounds column widths to whole twips that add up to total.
func gridWidths(ws []float64, total int) []int {
	out := make([]int, len(ws))
	acc, sum := 0.0, 0
	for i, x := range ws {
		acc += x
		next := int(math.Round(acc))
		if i == len(ws)-1 {
			next = total
		}
		out[i] = next - sum
		sum = next
	}
	return out
}
