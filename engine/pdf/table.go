package pdf

import (
	"math"
	"unicode"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/pdf/font"
)

// cell is a measured table cell.
type cell struct {
	spans []span
	text  string
	g     []glyph
	ends  []int
	align align
	role  font.Role
}

// tableBox is a table measured and broken into lines, ready to be cut into
// rows on pages.
type tableBox struct {
	header              bool // the first row is a header, repeated on every page
	rows                [][]cell
	ncol                int
	widths              []float64
	size, lh, pad, vpad float64
	rowH                []float64 // each row's height: whole line slots
}

// lines is the line count of row r: its tallest cell's.
func (t *tableBox) lines(r int) int {
	n := 1
	for _, c := range t.rows[r] {
		n = max(n, len(c.ends))
	}
	return n
}

// table sets a pipe table across the type area: ruled, cells wrapped, the
// header row repeated on every page the table reaches. Header cells are
// centred in the heading face; body cells follow the alignment row (--:
// right-aligns numbers).
//
// Columns: a column of numbers is never narrower than its widest number;
// text columns wrap first (at their break opportunities), then the whole
// table steps down from the profile's TableSize by half points to its
// TableMinSize; only a table whose numbers alone are too wide at that size
// breaks them.
//
// Rows are whole line slots high, so that the text after a table stays on
// the line grid, with the table's bottom rule clear of it. A
// table starts on a page with its header and at least two rows, and ends
// with at least two rows on its last page; a row taller than a page is
// split between its lines.
func (l *layouter) table(t *east.Table) error {
	p := l.p
	tb := &tableBox{header: t.FirstChild() != nil && t.FirstChild().Kind() == east.KindTableHeader}
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
			spans, err := l.inlines(tc, role, nil)
			if err != nil {
				return err
			}
			row = append(row, cell{spans: spans, align: al, role: role})
			col++
		}
		tb.rows = append(tb.rows, row)
	}
	if len(tb.rows) == 0 {
		return nil
	}
	tb.ncol = len(t.Alignments)
	for _, r := range tb.rows {
		tb.ncol = max(tb.ncol, len(r))
	}
	numeric := l.numericColumns(tb)

	W := p.AreaW
	var nat, minw []float64
	for size := p.TableSize; ; size -= 0.5 {
		tb.size = size
		nat, minw = l.measureTable(tb, numeric, false)
		if sum(minw) <= W+1e-6 || size-0.5 < p.TableMinSize-1e-6 {
			break
		}
	}
	if sum(minw) > W+1e-6 { // even at the smallest size: text may break anywhere
		nat, minw = l.measureTable(tb, numeric, true)
	}
	tb.widths = columnWidths(nat, minw, W)

	size := tb.size
	tb.pad, tb.lh = 0.4*size, size*p.TableLineRate
	tb.vpad = 0.15 * size
	pitch := p.LinePitch()
	for ri, r := range tb.rows {
		for i := range r {
			c := &r[i]
			w := tb.widths[i] - 2*tb.pad
			c.ends = breakLines(c.g, w, w, size, nil)
		}
		h := float64(tb.lines(ri))*tb.lh + 2*tb.vpad
		if ri == len(tb.rows)-1 {
			h += tb.clearance(p)
		}
		tb.rowH = append(tb.rowH, slots(h, pitch))
	}
	n := len(tb.rows)
	for ri := range tb.rows {
		// The header keeps with two rows, and the last two rows stay together.
		keep := ri < 2 && tb.header || ri == 0 || ri == n-2
		l.items = append(l.items, item{kind: itemRow, t: tb, row: ri, h: tb.rowH[ri], keep: keep && ri < n-1})
	}
	l.keepLines = 0
	return nil
}

// clearance is the least space between a table's bottom rule and the top
// of the next line slot: enough for faces whose box rises above the em
// (黑体 faces rise up to 0.1 em).
func (t *tableBox) clearance(*layout.Profile) float64 { return 5 }

// slots rounds h up to whole line slots.
func slots(h, pitch float64) float64 { return math.Ceil(h/pitch-1e-6) * pitch }

// numericColumns reports the columns whose body cells are all numbers
// (digits with , . % + - and a currency or unit sign), or empty.
func (l *layouter) numericColumns(tb *tableBox) []bool {
	num := make([]bool, tb.ncol)
	for i := range num {
		num[i] = true
		any := false
		for ri, r := range tb.rows {
			if ri == 0 && tb.header || i >= len(r) {
				continue
			}
			s := ""
			for _, sp := range r[i].spans {
				s += sp.text
			}
			digits := 0
			for _, c := range s {
				switch {
				case isDigit(c):
					digits++
				case unicode.IsSpace(c) || c == ',' || c == '.' || c == '%' || c == '+' || c == '-' || c == '¥' || c == '—' || c == '/':
				default:
					num[i] = false
				}
			}
			any = any || digits > 0
		}
		num[i] = num[i] && any
	}
	return num
}

// measureTable shapes every cell at tb.size and returns each column's
// natural and least width: a number's whole width, a short header word's
// (up to four characters, 序号), else four characters or the widest
// unbreakable piece if wider — with anywhere, only that piece.
func (l *layouter) measureTable(tb *tableBox, numeric []bool, anywhere bool) (nat, minw []float64) {
	size := tb.size
	pad := 0.4 * size
	nat = make([]float64, tb.ncol)
	minw = make([]float64, tb.ncol)
	for ri, r := range tb.rows {
		for i := range r {
			c := &r[i]
			c.text, c.g = l.shape(c.spans, size, 0, nil)
			w, _ := lineWidth(c.g)
			nat[i] = max(nat[i], w+2*pad)
			least := longestPiece(c.g)
			switch {
			case numeric[i] || ri == 0 && tb.header && len(c.g) <= 4:
				least = w
			case !anywhere: // no column of text narrower than four characters
				least = max(least, min(w, 4*size))
			}
			minw[i] = max(minw[i], least+2*pad)
		}
	}
	return nat, minw
}

// drawRow draws a row (or the part of it from it.from to it.to) at y: its
// rules, the top one when top is set, and its cells' lines. The table's
// final row's bottom rule is at least the clearance above the next line
// slot.
func (l *layouter) drawRow(it item, y float64, top, final bool) {
	const rule = 0.5
	p, t := l.p, it.t
	h := it.h
	if final { // its own height on the grid, if that leaves the clearance
		n := t.lines(it.row)
		if it.to > 0 {
			n = it.to - it.from
		}
		content := float64(n)*t.lh + 2*t.vpad
		h = max(content, min(slots(content, p.LinePitch()), it.h-t.clearance(p)))
	}
	left, W := p.Left, sum(t.widths)
	if top {
		l.emit(op{kind: opLine, x: left, y: y, x2: left + W, y2: y, tc: rule})
	}
	l.emit(op{kind: opLine, x: left, y: y + h, x2: left + W, y2: y + h, tc: rule})
	x := left
	l.emit(op{kind: opLine, x: x, y: y, x2: x, y2: y + h, tc: rule})
	asc := l.fonts.Chain(font.Body)[0].Ascent() * t.size
	split := it.to > 0
	for i := 0; i < t.ncol; i++ {
		if i < len(t.rows[it.row]) {
			c := &t.rows[it.row][i]
			from, to := 0, len(c.ends)
			if split {
				from, to = min(it.from, len(c.ends)), min(it.to, len(c.ends))
			}
			off := (h - float64(to-from)*t.lh) / 2
			if split {
				off = t.vpad
			}
			start := 0
			if from > 0 {
				start = c.ends[from-1]
			}
			for k := from; k < to; k++ {
				end := c.ends[k]
				base := y + off + float64(k-from)*t.lh + (t.lh-t.size)/2 + asc
				b := block{role: c.role, size: t.size, align: c.align}
				l.placeLine(c.text, c.g[start:end], b, x+t.pad, t.widths[i]-2*t.pad, base, true)
				start = end
			}
		}
		x += t.widths[i]
		l.emit(op{kind: opLine, x: x, y: y, x2: x, y2: y + h, tc: rule})
	}
}

// splitRow cuts a row that no page can hold whole — taller than the type
// area less the repeated header — after as many lines as fit in room,
// leaving at least two lines on each side.
func (l *layouter) splitRow(it item, room float64) (first, rest item, ok bool) {
	t := it.t
	avail := l.p.AreaH
	if t.header && it.row > 0 {
		avail -= t.rowH[0]
	}
	if it.h <= avail+1e-6 {
		return it, it, false
	}
	from, to := it.from, it.to
	if to == 0 {
		to = t.lines(it.row)
	}
	pitch := l.p.LinePitch()
	height := func(n int) float64 { return slots(float64(n)*t.lh+2*t.vpad, pitch) }
	k := 0
	for k+1 <= to-from && height(k+1) <= room+1e-6 {
		k++
	}
	if k < 2 || to-from-k < 2 {
		return it, it, false
	}
	first, rest = it, it
	first.from, first.to, first.h, first.keep = from, from+k, height(k), false
	rest.from, rest.to, rest.h = from+k, to, height(to-from-k)
	return first, rest, true
}

// columnWidths shares the width W among columns. When the natural widths
// fit, they are widened in proportion to fill W. Otherwise narrow columns
// (natural width within an equal share of what is left) keep their natural
// width, so that 序号 or 人数 never wrap, and the wide ones share the rest in
// proportion to their natural widths, never below their least width.
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
			if !fixed[i] && (nat[i] <= share || minw[i] >= nat[i]-1e-6) {
				fixed[i], widths[i] = true, nat[i]
				left -= nat[i]
				open--
				changed = true
			}
		}
	}
	// The open columns share what is left in proportion to their natural
	// widths; one that would fall below its least width takes that, and the
	// others share the rest again.
	for {
		rest := 0.0
		for i := range nat {
			if !fixed[i] {
				rest += nat[i]
			}
		}
		changed := false
		for i := range nat {
			if !fixed[i] && nat[i]*left/rest < minw[i] {
				fixed[i], widths[i] = true, minw[i]
				left -= minw[i]
				changed = true
			}
		}
		if !changed {
			for i := range nat {
				if !fixed[i] {
					widths[i] = nat[i] * left / rest
				}
			}
			break
		}
	}
	if t := sum(widths); t > W { // the least widths alone are too wide
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
