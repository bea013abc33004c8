package pdf

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/pdf/font"
)

// title sets the report's title centred in 2号 小标宋. A title longer than a
// line breaks between its meaningful parts — the union's name, the period,
// the document's name (the keywords of the metadata), or after 及 和 与 暨
// inside the document's name — into lines as even as the parts allow, so
// that no line holds a single character and no word is split. One blank line
// follows; the title keeps with two lines of the text.
func (l *layouter) title(title string, parts []string) {
	p := l.p
	b := block{role: font.Title, size: p.TitleSize, align: alignCenter, keepWithNext: true}
	text, g := l.shape([]span{{title, font.Title}}, b.size, 0, nil)
	ends := titleBreaks(g, titleCandidates(text, g, parts, p.AreaW), p.AreaW, b.size)
	start := 0
	for k, end := range ends {
		l.items = append(l.items, item{kind: itemLine, h: p.LinePitch(), keep: true, text: text, g: g[start:end], b: b,
			x: p.Left, avail: p.AreaW, last: k == len(ends)-1})
		start = end
	}
	l.blank(true) // 标题下空一行
	l.keepLines = 2
}

// orgWords end the name of an organisation inside a longer one: a long
// union's name breaks after them first (中国石油化工股份有限公司 |
// 镇海炼化分公司机关工会委员会).
var orgWords = []string{"公司", "集团", "街道", "社区", "委员会", "联合会", "总工会", "办事处", "管委会"}

func runes(g []glyph) []rune {
	out := make([]rune, len(g))
	for i, x := range g {
		out[i] = x.r
	}
	return out
}

// titleCandidates returns the glyph indices a title line may end after,
// each with a cost: the ends of the parts (when they spell the title) and a
// conjunction 及 和 与 暨 inside one cost nothing; inside a part too wide for
// a line, a break after a word of orgWords costs 1 and any other break UAX
// #14 allows, two characters from the part's ends, 2.
// A title whose parts are unknown may break wherever UAX #14 allows.
func titleCandidates(text string, g []glyph, parts []string, width float64) map[int]int {
	cands := map[int]int{}
	inner := func(from, to int) { // a part from glyph from to glyph to-1
		for i := from + 1; i+2 < to; i++ {
			if g[i].brk == noBreak {
				continue
			}
			cost := 2
			for _, w := range orgWords {
				if n := len([]rune(w)); i+1-n >= from && string(runes(g[i+1-n:i+1])) == w {
					cost = 1 // after a word that ends an organisation's name
				}
			}
			if c, ok := cands[i]; !ok || cost < c {
				cands[i] = cost
			}
		}
	}
	if strings.Join(parts, "") != text || len(parts) < 2 {
		inner(0, len(g))
		return cands
	}
	at := 0
	for k, part := range parts {
		n := len([]rune(part))
		if k < len(parts)-1 {
			cands[at+n-1] = 0
		}
		// A conjunction joins the document's names (工作总结及下半年工作
		//计划); inside the union's name it is part of a proper name
		// (住房和城乡建设局) and no place to break.
		for i := at + 1; k == len(parts)-1 && i+2 < at+n; i++ {
			if strings.ContainsRune("及和与暨", g[i].r) && g[i].brk != noBreak {
				cands[i] = 0
			}
		}
		if w, _ := lineWidth(g[at : at+n]); w > width {
			inner(at, at+n)
		}
		at += n
	}
	return cands
}

// titleBreaks chooses the line ends of a title: the fewest lines that fit
// width, then the fewest breaks inside a part, then the most even line
// widths (an upper line no longer than the one below wins a tie: a
// trapezoid, not a funnel). No line holds a single character.
func titleBreaks(g []glyph, cands map[int]int, width, em float64) []int {
	if w, _ := lineWidth(g); w <= width+1e-6 {
		return []int{len(g)}
	}
	var idx []int
	for i := range cands {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	for lines := 2; lines <= 5; lines++ {
		if best := bestSplit(g, idx, cands, lines, width); best != nil {
			return best
		}
	}
	return breakLines(g, width, width, em, nil)
}

// bestSplit tries every choice of lines-1 breaks from idx and returns the
// ends of the best one that fits, nil if none does.
func bestSplit(g []glyph, idx []int, cost map[int]int, lines int, width float64) []int {
	var best []int
	bestScore := 0.0
	cur := make([]int, 0, lines)
	var try func(from int)
	try = func(from int) {
		if len(cur) == lines-1 {
			ends := append(append([]int(nil), cur...), len(g))
			lo, hi, score := width, 0.0, 0.0
			start := 0
			var prevW float64
			for k, e := range ends {
				w, _ := lineWidth(g[start:e])
				if w > width+1e-6 || chars(g[start:e]) < 2 {
					return
				}
				lo, hi = min(lo, w), max(hi, w)
				if k > 0 && prevW > w+1e-6 {
					score += 0.01 // a line wider than the one below it
				}
				if k < len(ends)-1 {
					score += 1000 * float64(cost[e-1])
				}
				prevW = w
				start = e
			}
			score += hi - lo
			if best == nil || score < bestScore {
				best, bestScore = ends, score
			}
			return
		}
		for k := from; k < len(idx); k++ {
			cur = append(cur, idx[k]+1)
			try(k + 1)
			cur = cur[:len(cur)-1]
		}
	}
	try(0)
	return best
}

// balancedBreaks breaks g into as few lines as breakLines would, of widths
// as even as the break opportunities allow: the narrowest measure that
// still gives that many lines.
func balancedBreaks(g []glyph, width, em float64) []int {
	ends := breakLines(g, width, width, em, nil)
	if len(ends) < 2 {
		return ends
	}
	lo, hi := 0.0, width
	for range 20 {
		mid := (lo + hi) / 2
		if len(breakLines(g, mid, mid, em, nil)) == len(ends) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return breakLines(g, hi, hi, em, nil)
}

// signature sets the closing block after GB/T 9704-2012 7.3.5.2: one blank
// line below the text, the issuing union right-indented two characters, and
// on the next line the date, its first character two characters right of the
// union's first; if the date would then pass the union's right edge, the date
// is right-indented two characters and the union moves left to keep the
// two-character step. Other paragraphs of the block are right-indented two
// characters. A union's name longer than a line breaks into even lines; the
// date never breaks.
//
// The block never stands alone on a page (7.3.5.5): it keeps with the last
// lines of the text, and the blank line above it goes when that keeps it on
// the text's page.
func (l *layouter) signature(div *markdown.Div) error {
	var paras [][]span
	for ch := div.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if _, ok := ch.(*ast.Paragraph); !ok {
			return &UnsupportedNodeError{Kind: ch.Kind(), Line: l.line(ch)}
		}
		spans, err := l.inlines(ch, font.Body, nil)
		if err != nil {
			return err
		}
		paras = append(paras, spans)
	}
	if len(paras) == 0 {
		return nil
	}
	if n := len(l.items); n > 0 {
		l.items[n-1].keep = true
		l.blank(true)
		l.items[n].optional = true
	}
	pitch := l.p.Pitch()
	size := l.p.BodySize
	b := block{role: font.Body, size: size, tracking: pitch - size, align: alignRight, indentRight: 2 * pitch}
	edge := l.p.AreaW - 2*pitch
	widths := make([]float64, len(paras))
	for i, sp := range paras {
		_, g := l.shape(sp, size, b.tracking, nil)
		widths[i], _ = lineWidth(g)
		if widths[i] > edge { // set in even lines: the widest of them
			ends := balancedBreaks(g, edge, size)
			start := 0
			widths[i] = 0
			for _, e := range ends {
				w, _ := lineWidth(g[start:e])
				widths[i] = max(widths[i], w)
				start = e
			}
		}
	}
	indents := make([]float64, len(paras))
	for i := range indents {
		indents[i] = 2 * pitch
	}
	if len(paras) == 2 {
		nameX := edge - widths[0]
		dateX := nameX + 2*pitch
		if dateX+widths[1] > edge {
			dateX = edge - widths[1]
			nameX = dateX - 2*pitch
		}
		indents[0] = max(0, l.p.AreaW-nameX-widths[0])
		indents[1] = l.p.AreaW - dateX - widths[1]
	}
	for i, sp := range paras {
		if i == len(paras)-1 {
			l.keepLines = 0
		}
		bi := b
		bi.indentRight = indents[i]
		bi.balance = true
		bi.keepWithNext = i < len(paras)-1
		bi.unbreakable = i == len(paras)-1 && len(paras) > 1
		l.setText(sp, bi)
	}
	l.keepLines = 0
	return nil
}
