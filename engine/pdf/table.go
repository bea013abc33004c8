package pdf

import (
	"math"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/huibao/huibao/engine/pdf/font"
)

// cell is a measured table cell.
type cell struct {
	text  string
	g     []glyph
	ends  []int
	align align
	role  font.Role
}

// table sets a pipe table across the type area: ruled, cells wrapped, the
// header row repeated on every page the table reaches. Text is in the table
// size (4号 in the official profile); header cells are centred in the heading
// face; body cells follow the alignment row (--: right-aligns numbers).
func (l *layouter) table(t *east.Table) error {
	p := l.p
	size := p.TableSize
	pad := 0.4 * size
	lh := size * p.TableLineRate
	vpad := 0.3 * size

	var rows [][]cell
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var row []cell
		header := r.Kind() == east.KindTableHeader
		col := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			tc, ok := c.(*east.TableCell)
			if !ok {
				return &UnsupportedNodeError{Kind: c.Kind(), Line: l.line(t)}
			}
			role, al := font.Body, alignLeft
			if header {
				role, al = font.Heading, alignCenter
			} else if col < len(t.Alignments) {
				switch t.Alignments[col] {
				case east.AlignRight:
					al = alignRight
				case east.AlignCenter:
					al = alignCenter
				}
			}
			spans, err := l.inlines(tc, role, l.spans[:0])
			if err != nil {
				return err
			}
			l.spans = spans
			text, g := l.shape(spans, size, 0, nil)
			row = append(row, cell{text: text, g: g, align: al, role: role})
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

	nat := make([]float64, ncol)
	minw := make([]float64, ncol)
	for _, r := range rows {
		for i, c := range r {
			w, _ := lineWidth(c.g)
			nat[i] = max(nat[i], w+2*pad)
			minw[i] = max(minw[i], longestPiece(c.g)+2*pad)
		}
	}
	widths := columnWidths(nat, minw, p.AreaW)
	W := p.AreaW

	heights := make([]float64, len(rows))
	for ri, r := range rows {
		lines := 1
		for i := range r {
			c := &r[i]
			c.ends = breakLines(c.g, widths[i]-2*pad, widths[i]-2*pad, size, nil)
			lines = max(lines, len(c.ends))
		}
		heights[ri] = float64(lines)*lh + 2*vpad
	}

	const rule = 0.5
	y := l.y
	bottom := l.bottom()
	drawRow := func(ri int, first bool) {
		h := heights[ri]
		left := p.Left
		if first {
			l.emit(op{kind: opLine, x: left, y: y, x2: left + W, y2: y, tc: rule})
		}
		l.emit(op{kind: opLine, x: left, y: y + h, x2: left + W, y2: y + h, tc: rule})
		x := left
		l.emit(op{kind: opLine, x: x, y: y, x2: x, y2: y + h, tc: rule})
		for i := 0; i < ncol; i++ {
			if i < len(rows[ri]) {
				c := &rows[ri][i]
				asc := l.fonts.Chain(font.Body)[0].Ascent() * size
				off := (h - 2*vpad - float64(len(c.ends))*lh) / 2
				start := 0
				for k, end := range c.ends {
					base := y + vpad + off + float64(k)*lh + (lh-size)/2 + asc
					b := block{role: c.role, size: size, align: c.align}
					l.placeLine(c.text, c.g[start:end], b, x+pad, widths[i]-2*pad, base, true)
					start = end
				}
			}
			x += widths[i]
			l.emit(op{kind: opLine, x: x, y: y, x2: x, y2: y + h, tc: rule})
		}
		y += h
	}
	hasHeader := t.FirstChild().Kind() == east.KindTableHeader
	need := heights[0]
	if hasHeader && len(rows) > 1 {
		need += heights[1]
	}
	if y+need > bottom+1e-6 && !l.pageEmpty() {
		l.newPage()
		y = l.y
	}
	drawRow(0, true)
	for ri := 1; ri < len(rows); ri++ {
		if y+heights[ri] > bottom+1e-6 && y > l.p.Top+1e-6 {
			l.newPage()
			y = l.y
			if hasHeader {
				drawRow(0, true)
			} else {
				l.emit(op{kind: opLine, x: p.Left, y: y, x2: p.Left + W, y2: y, tc: rule})
			}
		}
		drawRow(ri, false)
	}
	// Back onto the line grid below the table.
	pitch := p.LinePitch()
	l.y = p.Top + math.Ceil((y-p.Top)/pitch-1e-6)*pitch
	return nil
}

// columnWidths shares the width W among columns. When the natural widths
// fit, they are widened in proportion to fill W. Otherwise narrow columns
// (natural width within an equal share of what is left) keep their natural
// width, so that 序号 or 人数 never wrap, and the wide ones share the rest in
// proportion to their natural widths, never below their longest unbreakable
// piece.
func columnWidths(nat, minw []float64, W float64) []float64 {
	n := len(nat)
	widths := make([]float64, n)
	total := sum(nat)
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
	if t := sum(widths); t > W { // the unbreakable pieces alone are too wide
		for i := range widths {
			widths[i] *= W / t
		}
	}
	return widths
}

// longestPiece is the width of the widest part of g that cannot be broken.
func longestPiece(g []glyph) float64 {
	best, cur := 0.0, 0.0
	for i := range g {
		if !g[i].space {
			cur += g[i].w
		}
		if g[i].brk != noBreak || i == len(g)-1 {
			best = max(best, cur-g[i].half)
			cur = 0
		}
	}
	return best
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
