package pdf

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

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
	w     float64 // advance plus tracking, pt
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

// units are the measure words and units a number is kept with, longest first
// where one is the prefix of another.
var units = [...]string{
	"平方公里", "平方米", "万人次", "人次", "户次", "万元", "亿元", "余人", "余次", "余户", "余家", "余元", "余件", "余名",
	"多人", "多次", "多户", "多家", "公里", "小时", "课时", "周岁", "个月",
	"人", "次", "户", "家", "元", "个", "件", "期", "场", "项", "名", "年", "月", "日", "号", "天", "岁", "万", "亿",
	"册", "本", "份", "条", "所", "支", "队", "届", "批", "篇", "台", "辆", "吨", "米", "周", "套", "座", "間", "处", "位", "组", "分", "时", "秒", "倍", "成", "里",
}

// unitLen returns how many glyphs from g[i] spell a unit, 0 if none.
func unitLen(g []glyph, i int) int {
	for _, u := range units {
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
// em is the size of a full-width character, bounding how far a line may be
// squeezed to take in a compressed closing mark.
func breakLines(g []glyph, first, rest, em float64, ends []int) []int {
	const eps = 1e-6
	width := first
	for start := 0; start < len(g); {
		best := -1
		sum := 0.0
		for i := start; i < len(g); i++ {
			sum += g[i].w
			if i == len(g)-1 || g[i].brk != noBreak {
				natural := sum - g[i].half
				if g[i].space {
					natural -= g[i].w
				}
				// A compressed closing mark may be squeezed in: the line then
				// shrinks by at most the half character it saved.
				if natural <= width+g[i].half+eps {
					best = i
				}
			}
			// Later glyphs only add width; a compressed mark saves at most em.
			if g[i].brk == mustBreak || sum-em > width+eps {
				break
			}
		}
		if best < 0 { // nothing breakable fits: cut where the width runs out
			best = start
			for s := g[start].w; best+1 < len(g) && g[best].brk != mustBreak && s+g[best+1].w <= width+eps; best++ {
				s += g[best+1].w
			}
		}
		ends = append(ends, best+1)
		start = best + 1
		width = rest
	}
	return ends
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
