package pdf_test

// The sweep sets every fixture × built-in template × layout, and stress
// inputs, and counts what a typesetter would send back: a page holding only
// the 落款, a heading without two lines of what follows, widows and orphans,
// one-character last lines, numbers split from their units or inside table
// cells, forbidden line starts, tables that start or continue with fewer
// than two rows or run past the type area, text touching a table's bottom
// rule, titles broken inside a word, and the largest stretch between two
// characters.
//
// It reads the pages the way a reader would, as lines of positioned glyphs:
// from a Canvas that records every glyph's box (fast, used for the whole
// sweep), and from pdftotext -bbox for the real PDFs of a sample, checking
// that both readings agree line by line. It uses only the packages' exported
// API, so the same file measures any version of the code:
//
//	go test ./engine/pdf -run TestSweep -sweep.report      # print the counts
//	go test ./engine/pdf -run TestSweep -sweep.poppler     # every PDF through poppler

import (
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/pdf"
	"github.com/huibao/huibao/engine/pdf/font"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/office"
)

var (
	sweepReport  = flag.Bool("sweep.report", false, "print the sweep's defect counts and do not fail on them")
	sweepPoppler = flag.Bool("sweep.poppler", false, "read every PDF of the sweep through pdftotext -bbox, not only a sample")
)

// maxStretch is the most a gap between two characters may widen to justify
// a line, in em: beyond it a character moves instead (the 挤进/推出 choice).
const maxStretch = 0.25

// ---- reading the pages -------------------------------------------------

type gbox struct {
	r      rune
	x0, x1 float64 // ink advance, without tracking
}

type tline struct {
	page  int
	y     float64 // baseline
	size  float64
	asc   float64 // ascent of the first face, pt
	face  string
	g     []gbox
	cell  int // -1: body text; else the column of a table cell
	table int // index of the table it is in, -1 for body text
	tc0   float64
	folio bool // the page number
}

func (l *tline) text() string {
	var b strings.Builder
	for _, g := range l.g {
		b.WriteRune(g.r)
	}
	return b.String()
}
func (l *tline) x0() float64 { return l.g[0].x0 }
func (l *tline) x1() float64 { return l.g[len(l.g)-1].x1 }

type rule struct {
	page           int
	x1, y1, x2, y2 float64
}

// boxCanvas records glyph boxes and rules.
type boxCanvas struct {
	page  int
	ops   []*tline
	rules []rule
}

func (c *boxCanvas) AddPage() error { c.page++; return nil }

func (c *boxCanvas) Text(face *font.Face, size, x, y, tc float64, s string) error {
	l := &tline{page: c.page, y: y, size: size, asc: face.Ascent() * size, face: face.Name, cell: -1, table: -1, tc0: tc}
	for _, r := range s {
		adv := float64(face.Advance(r)) * size / 1000
		l.g = append(l.g, gbox{r, x, x + adv})
		x += adv + tc
	}
	c.ops = append(c.ops, l)
	return nil
}

func (c *boxCanvas) Line(x1, y1, x2, y2, w float64) error {
	c.rules = append(c.rules, rule{c.page, x1, y1, x2, y2})
	return nil
}

// readPages merges the text runs of each baseline into lines, splitting at
// the vertical rules of tables, which make the pieces table cells.
func readPages(c *boxCanvas, p *layout.Profile) [][]*tline {
	pages := make([][]*tline, c.page)
	byPage := map[int][]*tline{}
	for _, o := range c.ops {
		byPage[o.page] = append(byPage[o.page], o)
	}
	vrules := map[int][]rule{}
	for _, r := range c.rules {
		if math.Abs(r.x1-r.x2) < 0.01 {
			vrules[r.page] = append(vrules[r.page], r)
		}
	}
	for pg := 1; pg <= c.page; pg++ {
		ops := byPage[pg]
		sort.SliceStable(ops, func(i, j int) bool {
			if math.Abs(ops[i].y-ops[j].y) > 0.5 {
				return ops[i].y < ops[j].y
			}
			return ops[i].x0() < ops[j].x0()
		})
		var out []*tline
		for _, o := range ops {
			o := &tline{page: o.page, y: o.y, size: o.size, asc: o.asc, face: o.face, cell: -1, table: -1, tc0: o.tc0, g: slices.Clone(o.g)}
			col := -1
			for _, v := range vrules[pg] {
				if v.y1 < o.y && v.y2 > o.y && v.x1 < o.x0() {
					col++
				}
			}
			o.cell = col
			if n := len(out); n > 0 {
				last := out[n-1]
				if math.Abs(last.y-o.y) < 0.5 && last.cell == o.cell {
					last.g = append(last.g, o.g...)
					continue
				}
			}
			if o.y-o.asc > p.Top+p.AreaH+1 {
				o.folio = true
			}
			out = append(out, o)
		}
		pages[pg-1] = out
	}
	return pages
}

// ---- the document's structure, from its Markdown -----------------------

type blockKind int

const (
	bPara blockKind = iota
	bHeading
	bSignature
	bTable
)

type mdBlock struct {
	kind  blockKind
	text  string // without white space
	lines []*tline
	rows  [][]string // tables: the cells' text
}

func plain(n ast.Node, src []byte, b *strings.Builder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		default:
			plain(c, src, b)
		}
	}
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func blocks(doc *markdown.Document) []*mdBlock {
	var out []*mdBlock
	var walk func(n ast.Node, sig bool)
	walk = func(n ast.Node, sig bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				var b strings.Builder
				plain(c, doc.Body, &b)
				out = append(out, &mdBlock{kind: bHeading, text: squeeze(b.String())})
			case *ast.Paragraph, *ast.TextBlock:
				var b strings.Builder
				plain(c, doc.Body, &b)
				k := bPara
				if sig {
					k = bSignature
				}
				out = append(out, &mdBlock{kind: k, text: squeeze(b.String())})
			case *east.Table:
				t := &mdBlock{kind: bTable}
				for r := c.FirstChild(); r != nil; r = r.NextSibling() {
					var row []string
					for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
						var b strings.Builder
						plain(cell, doc.Body, &b)
						row = append(row, squeeze(b.String()))
					}
					t.rows = append(t.rows, row)
				}
				out = append(out, t)
			case *markdown.Div:
				walk(c, sig || c.HasClass("signature"))
			default:
				walk(c, sig)
			}
		}
	}
	walk(doc.Root, false)
	return out
}

// ---- the checks ---------------------------------------------------------

// defects counts each kind of defect over the sweep.
type defects struct {
	Docs, Pages                                      int
	SignatureAlone, SignatureBroken                  int
	TitleBadBreak                                    int
	HeadingStranded                                  int
	Widows, Orphans, ShortLast                       int
	UnitSplit, NumberSplit, CellNumberSplit, Cell1   int
	LineStart                                        int
	TableStart, TableCont, TableOverflow, TableTouch int
	Unmatched                                        int
	LooseLines                                       int     // lines stretched by more than 0.1 em a gap
	MaxStretch, MaxStretchLatin                      float64 // pt per gap
	MaxStretchEm                                     float64 // em per gap
	where                                            map[string][]string
	stretchAt, stretchLatinAt                        string
}

func (d *defects) note(kind, doc, what string) {
	if d.where == nil {
		d.where = map[string][]string{}
	}
	d.where[kind] = append(d.where[kind], doc+": "+what)
}

func (d *defects) add(o *defects) {
	d.Docs += o.Docs
	d.Pages += o.Pages
	d.SignatureAlone += o.SignatureAlone
	d.SignatureBroken += o.SignatureBroken
	d.TitleBadBreak += o.TitleBadBreak
	d.HeadingStranded += o.HeadingStranded
	d.Widows += o.Widows
	d.Orphans += o.Orphans
	d.ShortLast += o.ShortLast
	d.UnitSplit += o.UnitSplit
	d.NumberSplit += o.NumberSplit
	d.CellNumberSplit += o.CellNumberSplit
	d.Cell1 += o.Cell1
	d.LineStart += o.LineStart
	d.TableStart += o.TableStart
	d.TableCont += o.TableCont
	d.TableOverflow += o.TableOverflow
	d.TableTouch += o.TableTouch
	d.Unmatched += o.Unmatched
	d.LooseLines += o.LooseLines
	if o.MaxStretch > d.MaxStretch {
		d.MaxStretch, d.stretchAt = o.MaxStretch, o.stretchAt
	}
	if o.MaxStretchLatin > d.MaxStretchLatin {
		d.MaxStretchLatin, d.stretchLatinAt = o.MaxStretchLatin, o.stretchLatinAt
	}
	d.MaxStretchEm = max(d.MaxStretchEm, o.MaxStretchEm)
	for k, v := range o.where {
		if d.where == nil {
			d.where = map[string][]string{}
		}
		d.where[k] = append(d.where[k], v...)
	}
}

func (d *defects) String() string {
	return fmt.Sprintf(`documents %d, pages %d
落款 alone on a page      %d (%.0f%% of documents)
落款 broken               %d
title broken inside a part %d
heading stranded          %d
widows                    %d
orphans                   %d
one-character last lines  %d
number split from unit    %d
number split across lines %d
number split in a cell    %d
one-character cell lines  %d
forbidden line starts     %d
table start < header+2    %d
table continued < 2 rows  %d
table past the type area  %d
text touching a table     %d
blocks not found          %d
lines stretched > 0.1 em  %d
largest stretch per gap   %.2f pt (%.3f em) %s
  next to Latin or digits %.2f pt %s`,
		d.Docs, d.Pages, d.SignatureAlone, 100*float64(d.SignatureAlone)/float64(max(1, d.Docs)), d.SignatureBroken,
		d.TitleBadBreak, d.HeadingStranded, d.Widows, d.Orphans, d.ShortLast, d.UnitSplit, d.NumberSplit,
		d.CellNumberSplit, d.Cell1, d.LineStart, d.TableStart, d.TableCont, d.TableOverflow, d.TableTouch,
		d.Unmatched, d.LooseLines, d.MaxStretch, d.MaxStretchEm, d.stretchAt, d.MaxStretchLatin, d.stretchLatinAt)
}

func noStartRune(r rune) bool {
	return strings.ContainsRune("，。、；：？！）」』”’》〉】〕］｝…—％～‰℃,.;:?!)]}%", r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func punct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// wideRune: set on the full-width grid.
func wideRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == '—' || r == '…' || r == '·' || r == '“' || r == '”' || r == '‘' || r == '’'
}

// unitAfter reports whether s starts with a unit of the unit list (or a
// date part, 年 月 日).
func unitAfter(s string) bool {
	for _, u := range append(model.UnitNames(), "年", "月", "日", "余", "多") {
		if u != "%" && strings.HasPrefix(s, u) {
			return true
		}
	}
	return false
}

// analyse measures one laid-out document.
func analyse(name string, doc *markdown.Document, c *boxCanvas, p *layout.Profile) *defects {
	d := &defects{Docs: 1, Pages: c.page}
	pages := readPages(c, p)
	bottom := p.Top + p.AreaH

	// Body lines in reading order; the title's lines first.
	var body []*tline
	var title []*tline
	for pi, pg := range pages {
		for _, l := range pg {
			if l.folio || l.cell >= 0 {
				continue
			}
			if pi == 0 && math.Abs(l.size-p.TitleSize) < 0.01 && len(body) == 0 {
				title = append(title, l)
				continue
			}
			body = append(body, l)
		}
	}
	// Forbidden line starts, in body text and cells.
	for _, pg := range pages {
		for _, l := range pg {
			// A cell holding only a dash (no figure) is not a broken line.
			if !l.folio && len(l.g) > 0 && noStartRune(l.g[0].r) && strings.Trim(l.text(), "— ") != "" {
				d.LineStart++
				d.note("line start", name, l.text())
			}
		}
	}

	// Title: a break must fall between the parts named in keywords (unit
	// name | period | document name), or after 及/和/与 inside the document's
	// name; no
	// line of a single character.
	if len(title) > 1 {
		bounds := map[int]bool{}
		long := map[int]bool{} // offsets inside a part wider than a line
		conj := map[int]bool{} // offsets after 及/和/与/暨 inside the document's name
		n := 0
		perLine := int(p.AreaW / p.TitleSize)
		for ki, k := range doc.Meta.Keywords {
			k := []rune(squeeze(k))
			if len(k) > perLine {
				for i := n + 1; i < n+len(k); i++ {
					long[i] = true
				}
			}
			for i, r := range k {
				if ki == len(doc.Meta.Keywords)-1 && strings.ContainsRune("及和与暨", r) {
					conj[n+i+1] = true
				}
			}
			n += len(k)
			bounds[n] = true
		}
		at := 0
		for i, l := range title[:len(title)-1] {
			at += len(l.g)
			next := title[i+1]
			ok := bounds[at] || long[at] || conj[at]
			if !ok || nonSpace(l) < 2 || nonSpace(next) < 2 {
				d.TitleBadBreak++
				d.note("title", name, l.text()+" / "+next.text())
			}
		}
	}

	// Align the Markdown's blocks with the lines.
	var flat strings.Builder
	starts := make([]int, len(body)) // rune offset of each line
	n := 0
	for i, l := range body {
		starts[i] = n
		for _, g := range l.g {
			if !unicode.IsSpace(g.r) {
				flat.WriteRune(g.r)
				n++
			}
		}
	}
	text := []rune(flat.String())
	bs := blocks(doc)
	pos := 0
	for _, b := range bs {
		if b.kind == bTable || b.text == "" {
			continue
		}
		want := []rune(b.text)
		i := indexRunes(text[pos:], want)
		if i < 0 {
			d.Unmatched++
			d.note("unmatched", name, b.text)
			continue
		}
		s, e := pos+i, pos+i+len(want)
		for li, st := range starts {
			end := st + nonSpace(body[li])
			if end > s && st < e {
				b.lines = append(b.lines, body[li])
			}
		}
		pos = e
	}
	idx := map[*tline]int{}
	for i, l := range body {
		idx[l] = i
	}
	isHeading := map[*tline]bool{}
	for _, b := range bs {
		if b.kind == bHeading {
			for _, l := range b.lines {
				isHeading[l] = true
			}
		}
	}

	// All text lines of a page (body and table), by baseline.
	type slot struct {
		y       float64
		heading bool
	}
	pageSlots := make([][]slot, len(pages))
	for pi, pg := range pages {
		for _, l := range pg {
			if l.folio {
				continue
			}
			s := pageSlots[pi]
			if len(s) > 0 && math.Abs(s[len(s)-1].y-l.y) < 0.5 {
				continue
			}
			pageSlots[pi] = append(s, slot{l.y, isHeading[l]})
		}
	}
	remainingText := func(pi int, y float64) int { // lines after y in the document, headings not counted
		k := 0
		for q := pi; q < len(pageSlots); q++ {
			for _, s := range pageSlots[q] {
				if (q > pi || s.y > y+0.5) && !s.heading {
					k++
				}
			}
		}
		return k
	}

	var sig []*tline
	for bi, b := range bs {
		if len(b.lines) == 0 {
			continue
		}
		first, last := b.lines[0], b.lines[len(b.lines)-1]
		switch b.kind {
		case bHeading:
			if bi == len(bs)-1 {
				break
			}
			after := 0
			for _, s := range pageSlots[last.page-1] {
				if s.y > last.y+0.5 && !s.heading {
					after++
				}
			}
			if after < min(2, remainingText(last.page-1, last.y)) {
				d.HeadingStranded++
				d.note("heading", name, fmt.Sprintf("p%d %s", last.page, last.text()))
			}
		case bSignature:
			sig = append(sig, b.lines...)
			if len(b.lines) > 1 && utf8.RuneCountInString(b.text) <= p.Cols-2 {
				d.SignatureBroken++
				d.note("signature broken", name, b.text)
			} else if len(b.lines) > 1 {
				for _, l := range b.lines {
					if len(l.g) < 2 || isDigit(l.g[len(l.g)-1].r) {
						d.SignatureBroken++
						d.note("signature broken", name, l.text())
					}
				}
			}
		case bPara:
			if first.page != last.page {
				a, z := 0, 0
				for _, l := range b.lines {
					if l.page == first.page {
						a++
					}
					if l.page == last.page {
						z++
					}
				}
				if a == 1 {
					d.Orphans++
					d.note("orphan", name, first.text())
				}
				if z == 1 {
					d.Widows++
					d.note("widow", name, last.text())
				}
			}
			if len(b.lines) > 1 {
				k := 0
				for _, g := range last.g {
					if !punct(g.r) && !unicode.IsSpace(g.r) {
						k++
					}
				}
				if k <= 1 {
					d.ShortLast++
					d.note("short last line", name, last.text())
				}
			}
			for i := 0; i+1 < len(b.lines); i++ {
				a, z := b.lines[i], b.lines[i+1]
				if isDigit(a.g[len(a.g)-1].r) {
					switch {
					case unitAfter(z.text()):
						d.UnitSplit++
						d.note("unit split", name, a.text()+" / "+z.text())
					case isDigit(z.g[0].r) || z.g[0].r == '.' || z.g[0].r == ',':
						d.NumberSplit++
						d.note("number split", name, a.text()+" / "+z.text())
					}
				}
			}
		}
	}
	if len(sig) > 0 {
		pg := sig[0].page
		if sig[len(sig)-1].page != pg {
			d.SignatureBroken++
			d.note("signature broken", name, "across pages")
		}
		alone := true
		for _, l := range body {
			if l.page == pg && !slices.Contains(sig, l) {
				alone = false
			}
		}
		for _, l := range pages[pg-1] {
			if l.cell >= 0 {
				alone = false
			}
		}
		if alone {
			d.SignatureAlone++
			d.note("signature alone", name, fmt.Sprintf("page %d", pg))
		}
	}

	// Tables: rows between horizontal rules.
	tableChecks(name, d, pages, c.rules, p, bottom, bs)

	// Stretch: each gap against the natural advance plus the block's tracking.
	for _, l := range body {
		tc := 0.0
		if math.Abs(l.size-p.BodySize) < 0.01 {
			tc = p.Pitch() - p.BodySize
		}
		loose := false
		for i := 0; i+1 < len(l.g); i++ {
			a, b := l.g[i], l.g[i+1]
			gap := b.x0 - a.x1 - tc
			latin := !wideRune(a.r) && !unicode.IsSpace(a.r) || !wideRune(b.r) && !unicode.IsSpace(b.r)
			where := fmt.Sprintf("(%s p%d) %s", name, l.page, l.text())
			if latin {
				if gap > d.MaxStretchLatin {
					d.MaxStretchLatin, d.stretchLatinAt = gap, where
				}
			}
			if gap > d.MaxStretch {
				d.MaxStretch, d.stretchAt = gap, where
			}
			d.MaxStretchEm = max(d.MaxStretchEm, gap/l.size)
			loose = loose || gap > 0.1*l.size
		}
		if loose {
			d.LooseLines++
		}
	}
	return d
}

func nonSpace(l *tline) int {
	k := 0
	for _, g := range l.g {
		if !unicode.IsSpace(g.r) {
			k++
		}
	}
	return k
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// tableChecks finds the tables of each page by their rules and checks row
// counts, overflow, cells and the clearance below.
func tableChecks(name string, d *defects, pages [][]*tline, rules []rule, p *layout.Profile, bottom float64, bs []*mdBlock) {
	var tables []*mdBlock
	for _, b := range bs {
		if b.kind == bTable {
			tables = append(tables, b)
		}
	}
	ti := 0       // the table being read
	rowsSeen := 0 // body rows of it read so far
	for pi := range pages {
		var hs []float64
		var vx []rule
		for _, r := range rules {
			if r.page != pi+1 {
				continue
			}
			if math.Abs(r.y1-r.y2) < 0.01 {
				if !slices.ContainsFunc(hs, func(y float64) bool { return math.Abs(y-r.y1) < 0.01 }) {
					hs = append(hs, r.y1)
				}
			} else {
				vx = append(vx, r)
			}
			if max(r.y1, r.y2) > bottom+0.5 {
				d.TableOverflow++
				d.note("table overflow", name, fmt.Sprintf("page %d", pi+1))
			}
		}
		sort.Float64s(hs)
		// Split the horizontal rules into tables: consecutive rules joined by
		// a vertical rule belong to one table.
		joined := func(a, b float64) bool {
			for _, v := range vx {
				if math.Abs(min(v.y1, v.y2)-a) < 0.01 && math.Abs(max(v.y1, v.y2)-b) < 0.01 {
					return true
				}
			}
			return false
		}
		for i := 0; i < len(hs); {
			j := i
			for j+1 < len(hs) && joined(hs[j], hs[j+1]) {
				j++
			}
			if j == i {
				i++
				continue
			}
			rowsTop, rowsBot := hs[i:j], hs[i+1:j+1]
			// Rows' text, and the cells' lines.
			var rowTexts []string
			for r := range rowsTop {
				cols := map[int][]*tline{}
				var b strings.Builder
				for _, l := range pages[pi] {
					if l.cell >= 0 && l.y > rowsTop[r] && l.y < rowsBot[r] {
						cols[l.cell] = append(cols[l.cell], l)
						b.WriteString(squeeze(l.text()))
					}
				}
				rowTexts = append(rowTexts, b.String())
				for _, ls := range cols {
					for k := 0; k+1 < len(ls); k++ {
						a, z := ls[k], ls[k+1]
						ar, zr := a.g[len(a.g)-1].r, z.g[0].r
						if (isDigit(ar) || ar == '.' || ar == ',') && (isDigit(zr) || zr == '.' || zr == ',' || zr == '%') {
							d.CellNumberSplit++
							d.note("cell number split", name, a.text()+" / "+z.text())
						}
					}
					for _, l := range ls {
						if len(ls) > 1 && nonSpace(l) == 1 && !punct(l.g[0].r) {
							d.Cell1++
							d.note("cell one char", name, l.text())
						}
					}
				}
			}
			// Which table: the one whose header or rows these are.
			for ti < len(tables) && !tableHas(tables[ti], rowTexts) {
				ti++
				rowsSeen = 0
			}
			partial := false // a row taller than a page, split
			for _, rt := range rowTexts {
				if ti < len(tables) && !tableHas(tables[ti], []string{rt}) {
					partial = true
				}
			}
			bodyRows := len(rowTexts)
			header := ti < len(tables) && len(tables[ti].rows) > 0 && len(rowTexts) > 0 && rowTexts[0] == strings.Join(tables[ti].rows[0], "")
			if header {
				bodyRows--
			}
			total := 0
			if ti < len(tables) {
				total = len(tables[ti].rows) - 1
			}
			left := total - rowsSeen
			if partial {
				// counted neither way
			} else if rowsSeen == 0 {
				if bodyRows < min(2, total) {
					d.TableStart++
					d.note("table start", name, fmt.Sprintf("page %d: %d rows", pi+1, bodyRows))
				}
			} else if bodyRows < min(2, left) {
				d.TableCont++
				d.note("table continued", name, fmt.Sprintf("page %d: %d rows", pi+1, bodyRows))
			}
			rowsSeen += bodyRows
			if ti < len(tables) && rowsSeen >= total {
				ti++
				rowsSeen = 0
			}
			// Clearance: the first line below the table on this page.
			yb := hs[j]
			for _, l := range pages[pi] {
				if l.cell < 0 && !l.folio && l.y > yb {
					if top := l.y - l.asc; top-yb < 2 {
						d.TableTouch++
						d.note("table touch", name, fmt.Sprintf("page %d: %.1f pt", pi+1, top-yb))
					}
					break
				}
			}
			i = j + 1
		}
	}
}

func tableHas(t *mdBlock, rows []string) bool {
	for _, r := range rows {
		for _, tr := range t.rows {
			if strings.Join(tr, "") == r {
				return true
			}
		}
	}
	return false
}

// ---- the sweep ------------------------------------------------------------

type sweepDoc struct {
	name    string
	md      []byte
	profile *layout.Profile
}

var sweepFonts = sync.OnceValues(func() (*font.Set, error) { return pdf.LoadFonts(pdf.FontConfig{}) })

// sweepDocs renders every fixture with every built-in template in every
// layout (those the template accepts), as Markdown.
func sweepDocs(t *testing.T) []sweepDoc {
	ins, _ := filepath.Glob("../../fixtures/*.yaml")
	units, _ := filepath.Glob("../../fixtures/batch/*/*.*")
	for _, u := range units {
		if b := filepath.Base(u); b != "batch.yaml" && engine.IsInput(b) {
			ins = append(ins, u)
		}
	}
	var docs []sweepDoc
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, ln := range layout.Names() {
		eng, err := engine.New(engine.Options{Layout: ln})
		if err != nil {
			t.Fatal(err)
		}
		prof, _ := layout.Of(ln)
		for _, in := range ins {
			for _, tpl := range eng.Templates() {
				wg.Add(1)
				go func() {
					defer wg.Done()
					j, err := eng.Prepare(engine.Request{Path: in, Template: tpl.ID, Formats: []string{"md"}})
					if err != nil {
						return // the template does not take this input's period
					}
					res, err := eng.Render(j)
					if err != nil {
						t.Errorf("%s × %s: %v", in, tpl.ID, err)
						return
					}
					mu.Lock()
					docs = append(docs, sweepDoc{fmt.Sprintf("%s×%s×%s", strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)), tpl.ID, ln), res.Markdown, prof})
					mu.Unlock()
				}()
			}
		}
	}
	wg.Wait()
	sort.Slice(docs, func(i, j int) bool { return docs[i].name < docs[j].name })
	return docs
}

// stressDocs are inputs made to break pages: long unit names, a 150-row
// ledger, a cell taller than a page, every unit of the unit list at a line
// end, and a long URL.
func stressDocs(t *testing.T) []sweepDoc {
	var docs []sweepDoc
	src, err := os.ReadFile("../../fixtures/liubeiqiao-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{20, 27, 31, 40} {
		name := strings.Repeat("长", n-7) + "社区联合工会委员会"[:0] + "社区工会联合会"
		name = string([]rune(name)[:n])
		data := strings.ReplaceAll(string(src), "柳背桥社区工会", name)
		j, err := eng.Prepare(engine.Request{Name: "long.yaml", Data: []byte(data), Template: "half-year-summary", Formats: []string{"md"}})
		if err != nil {
			t.Fatalf("unit name of %d: %v", n, err)
		}
		res, err := eng.Render(j)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, sweepDoc{fmt.Sprintf("stress-unit-name-%d", n), res.Markdown, layout.OfficialProfile()})
	}
	// A union's name with 和 inside it: the title breaks after the name,
	// not at the conjunction of the proper name 住房和城乡建设局.
	docs = append(docs, sweepDoc{"stress-unit-name-he", []byte("---\ntitle: 南充市顺庆区住房和城乡建设局机关工会2025年工作汇报\n" +
		"keywords: [南充市顺庆区住房和城乡建设局机关工会, 2025年, 工作汇报]\n---\n\n正文。\n"), layout.OfficialProfile()})
	head := "---\ntitle: 压力测试\nauthor: 测试工会\nkeywords: [测试工会, 2024年, 压力测试]\n---\n\n"
	var b strings.Builder
	b.WriteString(head + "# 一、活动台账\n\n| 序号 | 日期 | 活动名称 | 地点 | 参加人数 | 经费（元） |\n|--:|---|---|---|--:|--:|\n")
	for i := 1; i <= 150; i++ {
		fmt.Fprintf(&b, "| %d | 2024-%02d-%02d | 第%d次职工之家开放日暨%s | 社区党群服务中心%d楼 | %d | %d,%03d.%d0 |\n",
			i, 1+i%12, 1+i%28, i, strings.Repeat("文体", i%4), i%5+1, 10+i*7%300, i%9+1, i*37%1000, i%10)
	}
	b.WriteString("\n本台账共记录活动150项。\n")
	docs = append(docs, sweepDoc{"stress-ledger-150", []byte(b.String()), layout.OfficialProfile()})

	b.Reset()
	b.WriteString(head + "# 一、经费明细\n\n| 序号 | 项目 | 预算（元） | 上年（元） | 本年（元） | 增减（元） | 增减率 | 人均（元） | 备注 |\n|--:|---|--:|--:|--:|--:|--:|--:|---|\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "| %d | 困难职工帮扶救助专项经费第%d项 | 1,234,%03d.50 | 2,028,%03d.00 | 12,345,%03d.75 | -1,000,%03d.25 | 12.5%% | 1234567%d | 按街道总工会%d号文件执行 |\n", i, i, i, i, i, i, i, i)
	}
	b.WriteString("\n表后正文。\n")
	docs = append(docs, sweepDoc{"stress-wide-table", []byte(b.String()), layout.OfficialProfile()})

	b.Reset()
	b.WriteString(head + "# 一、情况说明\n\n正文一段，说明下表。\n\n| 项目 | 说明 |\n|---|---|\n| 甲 | " +
		strings.Repeat("这是一个非常长的单元格，内容超过一页的高度，必须跨页排版而不能压住页码。", 40) + " |\n| 乙 | 短 |\n| 丙 | 短 |\n\n表后正文。\n")
	docs = append(docs, sweepDoc{"stress-tall-cell", []byte(b.String()), layout.OfficialProfile()})

	b.Reset()
	b.WriteString(head)
	for _, u := range model.UnitNames() {
		for k := 20; k <= 28; k++ {
			fmt.Fprintf(&b, "%s共计12%s。\n\n", strings.Repeat("工", k), u)
		}
	}
	docs = append(docs, sweepDoc{"stress-units", []byte(b.String()), layout.OfficialProfile()})

	b.Reset()
	b.WriteString(head + "详见网页https://www.example.org/huibao/reports/2024/first-half/summary-and-plan.html，以及internationalization-and-localization-guidelines的说明，请各基层工会按要求报送材料。\n")
	docs = append(docs, sweepDoc{"stress-latin", []byte(b.String()), layout.OfficialProfile()})
	return docs
}

func layoutDoc(t *testing.T, sd sweepDoc) (*markdown.Document, *pdf.Document, *boxCanvas) {
	fonts, err := sweepFonts()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := markdown.Parse(sd.md)
	if err != nil {
		t.Fatalf("%s: %v", sd.name, err)
	}
	d, err := pdf.Layout(doc, pdf.Options{Fonts: fonts, Profile: sd.profile})
	if err != nil {
		t.Fatalf("%s: %v", sd.name, err)
	}
	c := &boxCanvas{}
	if err := d.Draw(c); err != nil {
		t.Fatal(err)
	}
	return doc, d, c
}

func TestSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("the sweep sets every fixture")
	}
	all := append(sweepDocs(t), stressDocs(t)...)
	var total, fixtures defects
	results := make([]*defects, len(all))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, sd := range all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			doc, d, c := layoutDoc(t, sd)
			results[i] = analyse(sd.name, doc, c, sd.profile)
			if *sweepPoppler || popplerSample[sd.name] {
				fonts, _ := sweepFonts()
				out, err := d.PDF(fonts)
				if err != nil {
					t.Errorf("%s: %v", sd.name, err)
					return
				}
				comparePoppler(t, sd.name, out, c, sd.profile)
			}
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r == nil {
			continue
		}
		total.add(r)
		if !strings.HasPrefix(all[i].name, "stress-") {
			fixtures.add(r)
		}
	}
	if *sweepReport {
		fmt.Printf("== fixtures × templates × layouts\n%s\n\n== with the stress inputs\n%s\n", &fixtures, &total)
		kinds := make([]string, 0, len(total.where))
		for k := range total.where {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			fmt.Printf("-- %s (%d)\n", k, len(total.where[k]))
			for i, w := range total.where[k] {
				if i < 8 {
					fmt.Println("   ", w)
				}
			}
		}
		return
	}
	t.Logf("\n%s", &total)
	fail := func(what string, n int) {
		if n > 0 {
			t.Errorf("%s: %d\n  %s", what, n, strings.Join(first(total.where, what, 10), "\n  "))
		}
	}
	fail("signature alone", total.SignatureAlone)
	fail("signature broken", total.SignatureBroken)
	fail("title", total.TitleBadBreak)
	fail("heading", total.HeadingStranded)
	fail("widow", total.Widows)
	fail("orphan", total.Orphans)
	fail("short last line", total.ShortLast)
	fail("unit split", total.UnitSplit)
	fail("number split", total.NumberSplit)
	fail("cell number split", total.CellNumberSplit)
	fail("cell one char", total.Cell1)
	fail("line start", total.LineStart)
	fail("table start", total.TableStart)
	fail("table continued", total.TableCont)
	fail("table overflow", total.TableOverflow)
	fail("table touch", total.TableTouch)
	fail("unmatched", total.Unmatched)
	if total.MaxStretchEm > maxStretch+1e-6 {
		t.Errorf("largest stretch %.3f em per gap, cap %.2f: %s", total.MaxStretchEm, maxStretch, total.stretchAt)
	}
}

func first(m map[string][]string, k string, n int) []string {
	v := m[k]
	return v[:min(n, len(v))]
}

// popplerSample are the documents whose real PDFs are read back with
// pdftotext -bbox in every run.
var popplerSample = map[string]bool{
	"liubeiqiao-2024-h1×half-year-summary×official":   true,
	"zhangqi-town-2024-h1×h1-summary-h2-plan×compact": true,
	"stress-ledger-150":   true,
	"stress-tall-cell":    true,
	"stress-unit-name-31": true,
	"stress-latin":        true,
}

var (
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>`)
	bboxPage = regexp.MustCompile(`(?s)<page width="[\d.]+" height="[\d.]+">(.*?)</page>`)
)

// comparePoppler reads the real PDF with pdftotext -bbox and checks that
// every body line the canvas recorded is there: same page, same text, same
// left and right edges and top within 0.3 pt. The sweep's counts are then
// counts of what a reader of the PDF sees.
func comparePoppler(t *testing.T, name string, out []byte, c *boxCanvas, p *layout.Profile) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install the Debian package poppler-utils")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "x.pdf")
	if err := os.WriteFile(in, out, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pdftotext", "-bbox", in, filepath.Join(dir, "x.html"))
	if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Fatalf("%s: pdftotext: %v %s", name, err, msg)
	}
	data, err := os.ReadFile(filepath.Join(dir, "x.html"))
	if err != nil {
		t.Fatal(err)
	}
	type w struct {
		x0, y0, x1 float64
		text       string
	}
	var pagesW [][]w
	for _, pg := range bboxPage.FindAllStringSubmatch(string(data), -1) {
		var ws []w
		for _, m := range bboxWord.FindAllStringSubmatch(pg[1], -1) {
			f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
			ws = append(ws, w{f(1), f(2), f(3), html.UnescapeString(m[5])})
		}
		pagesW = append(pagesW, ws)
	}
	if len(pagesW) != c.page {
		t.Errorf("%s: poppler reads %d pages, the canvas drew %d", name, len(pagesW), c.page)
		return
	}
	bad := 0
	for pi, pg := range readPages(c, p) {
		for _, l := range pg {
			if l.folio {
				continue
			}
			// The words poppler finds on this line and within its extent.
			top := l.y - l.asc
			var got strings.Builder
			x0, x1 := math.Inf(1), math.Inf(-1)
			for _, ww := range pagesW[pi] {
				if math.Abs(ww.y0-top) < 0.3 && ww.x0 >= l.x0()-0.3 && ww.x0 <= l.x1() {
					got.WriteString(ww.text)
					x0, x1 = math.Min(x0, ww.x0), math.Max(x1, ww.x1)
				}
			}
			want := squeeze(l.text())
			if squeeze(got.String()) != want || math.Abs(x0-l.x0()) > 0.3 || x1 < l.x1()-0.3 {
				if bad++; bad <= 5 {
					t.Errorf("%s p%d: canvas %q [%.1f, %.1f] at %.1f; pdftotext %q [%.1f, %.1f]", name, pi+1, want, l.x0(), l.x1(), top, got.String(), x0, x1)
				}
			}
		}
	}
}

var sweepShot = flag.String("sweep.shot", "pdf-fixed", "name prefix of the page images TestSweepImages writes with -images (pdf-before on the code before issue 12)")

// TestSweepImages writes a page image of each case the sweep checks, found
// by a text on the page: go test ./engine/pdf -run TestSweepImages -images "$PWD/docs/images".
func TestSweepImages(t *testing.T) {
	if golden.Images() == "" {
		return
	}
	shots := []struct{ doc, text, last, name string }{
		{"liubeiqiao-2024-h2×half-year-summary×official", "", "2025年1月", "signature"},
		{"liubeiqiao-2024-h1×h1-summary-h2-plan×official", "工作计划", "", "title"},
		{"cimian-enterprise-2024×annual-plan×official", "三、主要工作", "", "heading"},
		{"stress-wide-table", "经费明细", "", "wide-table"},
		{"stress-tall-cell", "乙", "", "tall-cell"},
		{"stress-unit-name-31", "", "2024年7月5日", "long-unit-name"},
		{"stress-latin", "详见网页", "", "latin"},
		{"stress-units", "共计12幢", "", "units"},
	}
	all := append(sweepDocs(t), stressDocs(t)...)
	fonts, err := sweepFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range shots {
		i := slices.IndexFunc(all, func(d sweepDoc) bool { return d.name == s.doc })
		if i < 0 {
			t.Fatalf("no document %s", s.doc)
		}
		_, d, c := layoutDoc(t, all[i])
		page := 0
		for _, pg := range readPages(c, all[i].profile) {
			for _, l := range pg {
				if s.text != "" && page == 0 && strings.Contains(squeeze(l.text()), s.text) ||
					s.last != "" && strings.Contains(squeeze(l.text()), s.last) {
					page = l.page
				}
			}
		}
		if page == 0 {
			t.Fatalf("%s: %q not found", s.doc, s.text+s.last)
		}
		out, err := d.PDF(fonts)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "x.pdf")
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		office.PagePNG(t, path, page, 60, filepath.Join(golden.Images(), *sweepShot+"-"+s.name+".png"))
	}
}
