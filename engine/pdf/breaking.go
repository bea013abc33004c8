package pdf

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/pdf/font"
)

// Break classes of the position after a glyph.
const (
	noBreak uint8 = iota
	canBreak
	mustBreak
)

// glyph is one rune of shaped text.
type glyph struct {
	r     rune
	face  *font.Face
	off   int32   // byte offset of r in the text
	adv   float64 // the face's advance at the size, pt
	w     float64 // advance plus tracking, less any compression, pt
	brk   uint8   // may a line end after this glyph?
	half  float64 // width saved when it ends a line (compressed punctuation)
	space bool
	inner bool // the next glyph belongs to the same grapheme cluster
}

// noStart are marks that may not begin a line.
func noStart(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '）', '」', '』', '”', '’', '》', '〉', '】', '〕', '］', '｝',
		'…', '—', '％', '～', '‰', '℃',
		',', '.', ';', ':', '?', '!', ')', ']', '}', '%':
		return true
	}
	return false
}

// noEnd are marks that may not end a line.
func noEnd(r rune) bool {
	switch r {
	case '（', '「', '『', '“', '‘', '《', '〈', '【', '〔', '［', '｛', '(', '[', '{':
		return true
	}
	return false
}

// compressible are full-width marks whose glyph sits in the left half of the
// em box, so that at a line end they can take half a character.
func compressible(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '）', '」', '』', '”', '’', '》', '〉', '】', '〕':
		return true
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// opening are full-width marks whose glyph sits in the right half of the em
// box: two in a row give half an em away (CLREQ 3.1.6, adjacent punctuation).
func opening(r rune) bool {
	switch r {
	case '（', '「', '『', '“', '‘', '《', '〈', '【', '〔':
		return true
	}
	return false
}

// proseUnits are the measure words of running text that are not units of
// figures: date and time parts, ages, multiples, magnitudes. The units of
// figures come from model's unit list, the one validation and zh read.
var proseUnits = []string{"年", "月", "日", "号", "时", "分", "秒", "天", "周", "周岁", "岁", "个月", "倍", "成", "届", "位", "组", "座",
	"米", "千米", "里", "万", "亿", "万人", "亿元", "户次", "人次"}

// unitList is every unit a number is kept with, longest first so that
// 万人次 wins over 万: the unit list of engine/model, then proseUnits.
var unitList = sync.OnceValue(func() []string {
	var out []string
	for _, u := range append(model.UnitNames(), proseUnits...) {
		if !slices.Contains(out, u) && u != "%" {
			out = append(out, u)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	return out
})

// unitLen returns how many glyphs from g[i] spell a unit, 0 if none: an
// approximate 余 or 多, a magnitude 万 亿 千 百, then a unit of unitList
// (12余场, 3.5万元, 2多万元 are all kept whole).
func unitLen(g []glyph, i int) int {
	j := i
	if j < len(g) && (g[j].r == '余' || g[j].r == '多') {
		j++
	}
	if j < len(g) && strings.ContainsRune("万亿千百", g[j].r) {
		if n := matchUnit(g, j+1); n > 0 {
			return j + 1 - i + n
		}
	}
	if n := matchUnit(g, j); n > 0 {
		return j - i + n
	}
	return 0
}

func matchUnit(g []glyph, i int) int {
	for _, u := range unitList() {
		n := 0
		j := i
		for len(u) > 0 {
			r, size := utf8.DecodeRuneInString(u)
			if j >= len(g) || g[j].r != r {
				n = -1
				break
			}
			u = u[size:]
			j++
			n++
		}
		if n > 0 {
			return n
		}
	}
	return 0
}

// urlBreak reports whether a long Latin word (a URL, a file name) may break
// after g[i]: after / . - _ ? & = when neither neighbour is a digit, so
// that 4509.50 and 2024-07-05 stay whole.
func urlBreak(g []glyph, i int) bool {
	if i == 0 || i+1 >= len(g) || !strings.ContainsRune("/.-_?&=", g[i].r) {
		return false
	}
	a, b := g[i-1].r, g[i+1].r
	return !isDigit(a) && !isDigit(b) && latin(a) && (latin(b) || strings.ContainsRune("/.-_?&=", b))
}

func latin(r rune) bool { return r < 0x2E80 && !unicode.IsSpace(r) && !noStart(r) }

// setBreaks fills glyph.brk for g, shaped from text, with UAX #14 break
// opportunities tailored for Chinese.
func setBreaks(text string, g []glyph) {
	// UAX #14 segments: a break is possible only at a segment's end.
	// (uniseg.Step would also compute word and sentence breaks we don't use.)
	state := -1
	i := 0
	for rest := text; len(rest) > 0 && i < len(g); {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		n := utf8.RuneCountInString(seg)
		for k := i; k < i+n-1 && k < len(g); k++ {
			g[k].brk = noBreak
			// Tailoring must not open a break inside a grapheme cluster.
			if k+1 < len(g) {
				next := g[k+1].r
				g[k].inner = unicode.In(next, unicode.Mn, unicode.Me, unicode.Variation_Selector) || next == 0x200D || g[k].r == 0x200D
			}
		}
		i += n
		if i-1 < len(g) {
			g[i-1].brk = canBreak
			if must {
				g[i-1].brk = mustBreak
			}
		}
	}
	if len(g) > 0 && g[len(g)-1].brk == mustBreak && g[len(g)-1].r != '\n' {
		g[len(g)-1].brk = canBreak // LB3's break at the end of text is ours to place
	}
	for i := 0; i+1 < len(g); i++ {
		a, b := g[i].r, g[i+1].r
		if g[i].brk == mustBreak || g[i].inner {
			continue
		}
		// UAX #14 treats “ ” as ambiguous quotes (QU) and never breaks
		// next to them; in Chinese “ opens and ” closes.
		if a == '”' || a == '’' || b == '“' || b == '‘' {
			g[i].brk = canBreak
		}
		if noStart(b) || noEnd(a) {
			g[i].brk = noBreak
		}
		if g[i].brk == noBreak && urlBreak(g, i) {
			g[i].brk = canBreak
		}
		// A number stays with the unit after it.
		if isDigit(a) && !isDigit(b) && unicode.Is(unicode.Han, b) {
			if n := unitLen(g, i+1); n > 0 {
				for k := i; k < i+n; k++ {
					g[k].brk = noBreak
				}
			}
		}
	}
}

// breakLines splits g into lines, the first at most first wide, the others at
// most rest wide, and appends the index after each line's last glyph to ends.
//
// A line takes as much as fits when its full-width marks are squeezed to
// half width (先挤后推: squeeze in before pushing out); a closing mark at a
// line end is always set half width. em bounds how far ahead a line can
// look. A paragraph's last line is not left with a single character: it
// takes one more piece from the line above, or joins it if squeezing allows.
func breakLines(g []glyph, first, rest, em float64, ends []int) []int {
	base := len(ends)
	width := first
	for start := 0; start < len(g); {
		best := fitLine(g, start, width, em)
		ends = append(ends, best+1)
		start = best + 1
		width = rest
	}
	ends = fixLastLine(g, ends, base, first, rest, em)
	return evenStretch(g, ends, base, first, rest, em)
}

// evenStretch shares a loose line's hole with the line above it: when the
// piece after a line does not fit (a number with its unit, a Latin word),
// the line above gives up pieces to it until the two are about as loose, so
// that no line stretches twice what it needs (the two-line case of a
// total-fit breaker).
func evenStretch(g []glyph, ends []int, base int, first, rest, em float64) []int {
	n := len(ends) - base
	startOf := func(k int) int {
		if k == 0 {
			return 0
		}
		return ends[base+k-1]
	}
	widthOf := func(k int) float64 {
		if k == 0 {
			return first
		}
		return rest
	}
	loose := func(k, start, end int) float64 {
		w, m := lineWidth(g[start:end])
		gaps := 0
		for i := start; i < start+m-1; i++ {
			if stretchable(g[i], g[i+1]) {
				gaps++
			}
		}
		if gaps == 0 {
			return 0
		}
		return max(0, widthOf(k)-w) / float64(gaps) / em
	}
	for k := 1; k < n-1; k++ {
		s0, e0, e1 := startOf(k-1), ends[base+k-1], ends[base+k]
		if g[e0-1].brk == mustBreak || g[e1-1].brk == mustBreak {
			continue
		}
		cur := max(loose(k-1, s0, e0), loose(k, e0, e1))
		if cur < 0.06 {
			continue
		}
		best, bestE := cur, e0
		for e := e0 - 1; e > s0+1; e-- {
			if g[e-1].brk != canBreak {
				continue
			}
			if w, _ := lineWidth(g[e:e1]); w > rest+1e-6 {
				break
			}
			if v := max(loose(k-1, s0, e), loose(k, e, e1)); v < best-1e-9 {
				best, bestE = v, e
			}
		}
		ends[base+k-1] = bestE
	}
	return ends
}

// fitLine returns the index of the last glyph of the longest line from start
// that fits width.
func fitLine(g []glyph, start int, width, em float64) int {
	const eps = 1e-6
	best := -1
	sum, shrink := 0.0, 0.0
	for i := start; i < len(g); i++ {
		sum += g[i].w
		if i == len(g)-1 || g[i].brk != noBreak {
			natural := sum - g[i].half
			if g[i].space {
				natural -= g[i].w
			}
			// A line ending in a closing mark may also be squeezed by up to
			// half a character over its gaps to take the mark in.
			if natural-shrink <= width+g[i].half+eps {
				best = i
			}
		}
		shrink += g[i].half * inner
		// Later glyphs only add width; a compressed mark saves at most em.
		if g[i].brk == mustBreak || sum-shrink-em > width+eps {
			break
		}
	}
	if best < 0 { // nothing breakable fits: cut where the width runs out
		best = start
		for s := g[start].w; best+1 < len(g) && g[best].brk != mustBreak && s+g[best+1].w <= width+eps; best++ {
			s += g[best+1].w
		}
	}
	return best
}

// fixLastLine keeps a paragraph's last line (ends[base:]) from holding a
// single character: it joins the line above when squeezing lets it, else
// the line above gives up its last piece.
func fixLastLine(g []glyph, ends []int, base int, first, rest, em float64) []int {
	n := len(ends) - base
	if n < 2 {
		return ends
	}
	last := ends[n+base-2]
	if chars(g[last:]) > 1 || g[last-1].brk == mustBreak {
		return ends
	}
	prevStart, width := 0, first
	if n > 2 {
		prevStart, width = ends[n+base-3], rest
	}
	if fitLine(g, prevStart, width, em) == len(g)-1 {
		return append(ends[:n+base-2], len(g))
	}
	for b := last - 2; b > prevStart; b-- {
		if g[b].brk != noBreak && g[b].brk != mustBreak && chars(g[prevStart:b+1]) >= 2 {
			if w, _ := lineWidth(g[b+1:]); w <= rest {
				ends[n+base-2] = b + 1
			}
			break
		}
	}
	return ends
}

// chars counts the glyphs of g that are neither punctuation nor space.
func chars(g []glyph) int {
	k := 0
	for _, x := range g {
		if !x.space && x.r != '\n' && !unicode.IsPunct(x.r) {
			k++
		}
	}
	return k
}

// lineWidth is the natural width of g as a line: trailing spaces dropped and
// a closing mark at the end compressed. It returns the glyph count that is
// drawn (without trailing spaces) too.
func lineWidth(g []glyph) (float64, int) {
	n := len(g)
	for n > 0 && (g[n-1].space || g[n-1].r == '\n') {
		n--
	}
	w := 0.0
	for _, x := range g[:n] {
		w += x.w
	}
	if n > 0 {
		w -= g[n-1].half
	}
	return w, n
}

// inner is the share of a mark's blank half that it gives up inside a
// line (at a line end it gives it all). Readers built on poppler (evince,
// okular, pdftotext) split a word where a glyph overlaps the one before it
// by half its width, which breaks copying and searching; 0.9 of the half
// keeps the overlap below that with the body's tracking.
const inner = 0.9

// shrinkable is how much g can be squeezed before its last glyph: half of
// each compressible mark, less what inner keeps.
func shrinkable(g []glyph) float64 {
	s := 0.0
	for _, x := range g[:max(0, len(g)-1)] {
		s += x.half * inner
	}
	return s
}
