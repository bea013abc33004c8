package pdf

import (
	"strconv"

	"github.com/huibao/huibao/engine/pdf/font"
)

type itemKind uint8

const (
	itemLine  itemKind = iota // a line of text in one line slot
	itemBlank                 // an empty line slot; none at the top of a page
	itemRow                   // a table row, a whole number of line slots high
)

// item is one entry of the vertical list a document is set as. Pages break
// between items, never after an item that keeps with the next.
type item struct {
	kind itemKind
	h    float64 // height, pt
	keep bool    // no page break between this item and the next
	// optional marks the blank above the 落款: it is left out when that
	// keeps the 落款 on the page of the text (GB/T 9704 7.3.5.5).
	optional bool

	// itemLine
	text     string
	g        []glyph
	b        block
	x, avail float64
	last     bool // a paragraph's last line: not justified

	// itemRow
	t        *tableBox
	row      int
	from, to int // the lines of the row's cells in this part; to == 0: all
}

// paginate breaks the vertical list into pages. A page takes items while
// they fit; when one does not, the page ends at the last place before it
// where a break is allowed, so that what must stay together moves on
// together. A chain longer than a page breaks where it overflows; a table
// row taller than what is left is split between its lines.
func (l *layouter) paginate() [][]item {
	items := l.items
	var pages [][]item
	room := l.p.AreaH + 1e-6
	for i := 0; i < len(items); {
		var page []item
		var from []int // index in items of each page entry
		y := 0.0
		if it := items[i]; it.kind == itemRow && it.t.header && (it.row > 0 || it.from > 0) {
			y += it.t.rowH[0] // the header repeated on a continuation page
		}
		for i < len(items) {
			it := items[i]
			if len(page) == 0 && it.kind == itemBlank {
				i++ // no blank line at the top of a page
				continue
			}
			if it.optional {
				if ch := chainHeight(items, i); y+ch > room && y+ch-it.h <= room {
					i++
					continue
				}
			}
			if y+it.h <= room {
				page, from = append(page, it), append(from, i)
				y += it.h
				i++
				continue
			}
			if it.kind == itemRow {
				if first, rest, ok := l.splitRow(it, room-y); ok {
					page = append(page, first)
					items[i] = rest
					break
				}
			}
			k := len(page)
			for k > 0 && page[k-1].keep {
				k--
			}
			switch {
			case k > 0 && k < len(page):
				i = from[k]
				page = page[:k]
			case k > 0: // the page ends before item i
			case len(page) == 0: // taller than a page and not splittable
				page = append(page, it)
				i++
			}
			break
		}
		pages = append(pages, page)
	}
	return pages
}

// chainHeight is the height of the items from i up to and including the
// first that does not keep with the next.
func chainHeight(items []item, i int) float64 {
	h := 0.0
	for ; i < len(items); i++ {
		h += items[i].h
		if !items[i].keep {
			break
		}
	}
	return h
}

// draw places the pages' items and adds the page numbers.
func (l *layouter) draw(pages [][]item) {
	// Every face sits on the baseline the body face would have: the first
	// line's body text touches the type area's top, and faces with a taller
	// ascender (Droid Sans Fallback: 1.04 em) do not sink in their line.
	asc := l.fonts.Chain(font.Body)[0].Ascent()
	for _, page := range pages {
		l.pages = append(l.pages, make([]op, 0, 128))
		l.pageNumber()
		y := l.p.Top
		var table *tableBox
		for _, it := range page {
			switch it.kind {
			case itemLine:
				l.placeLine(it.text, it.g, it.b, it.x, it.avail, y+asc*it.b.size, it.last)
			case itemRow:
				top := it.t != table
				if top && it.t.header && (it.row > 0 || it.from > 0) {
					l.drawRow(item{kind: itemRow, t: it.t, h: it.t.rowH[0]}, y, true, false)
					y += it.t.rowH[0]
					top = false
				}
				final := it.row == len(it.t.rows)-1 && (it.to == 0 || it.to == it.t.lines(it.row))
				l.drawRow(it, y, top, final)
				table = it.t
				y += it.h
				continue
			}
			table = nil
			y += it.h
		}
	}
}

// pageNumber adds "— N —" in 4号 below the type area of the current page:
// odd pages at the right, even at the left, each one character in, with the
// dashes 7 mm below the type area (GB/T 9704-2012 7.5: 一字线上距版心下边缘 7 mm).
func (l *layouter) pageNumber() {
	p := l.p
	size := p.PageNumSize
	num := len(l.pages)
	label := "— " + strconv.Itoa(num) + " —"
	text, g := l.shape([]span{{label, font.Body}}, size, 0, l.pnGlyphs[:0])
	l.pnGlyphs = g
	w, n := lineWidth(g)
	x := p.Left + size
	if num%2 == 1 {
		x = p.Left + p.AreaW - size - w
	}
	// The dash's ink sits mid-way up its box: put that on the line.
	mid := 0.0
	if n > 0 && g[0].face != nil {
		lo, hi := g[0].face.InkY(g[0].r)
		mid = (lo + hi) / 2 * size
	}
	l.emitRuns(text, g[:n], make([]float64, n), size, x, l.bottom()+p.PageNumGap+mid)
}
