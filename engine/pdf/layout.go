package pdf

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/pdf/font"
	"github.com/huibao/huibao/engine/zh"
)

// Options control Layout and Render.
type Options struct {
	Fonts *font.Set // required; load once per process with LoadFonts
	// Profile is the page layout; nil is the official one. The engine
	// passes the template's (or --layout's): the Markdown's metadata does
	// not choose it.
	Profile *layout.Profile
}

type opKind uint8

const (
	opText opKind = iota
	opLine
)

// op is one drawing operation of a page.
type op struct {
	kind   opKind
	face   *font.Face
	size   float64
	x, y   float64 // text: left edge and baseline; line: start
	x2, y2 float64 // line: end
	tc     float64 // text: tracking; line: width
	text   string
}

// Document is a report laid out on pages, ready to draw.
type Document struct {
	Meta    markdown.Meta
	Profile *layout.Profile
	pages   [][]op
}

// Pages returns the page count.
func (d *Document) Pages() int { return len(d.pages) }

// Draw replays the layout on c.
func (d *Document) Draw(c Canvas) error {
	for _, ops := range d.pages {
		if err := c.AddPage(); err != nil {
			return err
		}
		for i := range ops {
			o := &ops[i]
			var err error
			if o.kind == opText {
				err = c.Text(o.face, o.size, o.x, o.y, o.tc, o.text)
			} else {
				err = c.Line(o.x, o.y, o.x2, o.y2, o.tc)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

type align uint8

const (
	alignJustify align = iota // left, every line but the last spread to the right edge
	alignLeft
	alignCenter
	alignRight
)

// span is inline text in one font role.
type span struct {
	text string
	role font.Role
}

// block describes how a run of text is set.
type block struct {
	role         font.Role // the role whose first face sets the baseline
	size         float64
	tracking     float64
	indentFirst  float64
	indentRest   float64
	indentRight  float64
	align        align
	keepWithNext bool // a heading: keep with two lines of what follows
	balance      bool // break into lines of even length (headings, the 落款)
	unbreakable  bool // one line whatever its width (the date of the 落款)
}

// ctx is the setting blocks inherit: the role of plain text and list depth.
type ctx struct {
	role  font.Role
	depth int
	flush bool // paragraphs start at the margin: the 主送 line, GB/T 9704 7.3.2
}

type layouter struct {
	p       *layout.Profile
	fonts   *font.Set
	md      *markdown.Document
	items   []item // the document as a vertical list, before pagination
	pages   [][]op
	missing map[font.Role][]rune

	// keepLines is how many lines after a heading must still stay on its
	// page: a heading keeps two lines of what follows, through chains of
	// headings.
	keepLines int

	spans    []span
	pnGlyphs []glyph // page numbers
	sb       strings.Builder
}

// Layout typesets doc: it measures and breaks every line once, makes a
// vertical list of lines, blanks and table rows that records where a page
// may not break, breaks the list into pages and places every line.
func Layout(doc *markdown.Document, opt Options) (*Document, error) {
	if opt.Fonts == nil {
		return nil, NoFontsError{}
	}
	p := opt.Profile
	if p == nil {
		p = layout.OfficialProfile()
	}
	l := &layouter{p: p, fonts: opt.Fonts, md: doc}
	if doc.Meta.Title != "" {
		l.title(doc.Meta.Title, doc.Meta.Keywords)
	}
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := l.blockNode(n, ctx{role: font.Body}); err != nil {
			return nil, err
		}
	}
	for r := font.Title; r <= font.Body; r++ {
		if rs := l.missing[r]; len(rs) > 0 {
			var names []string
			for _, f := range l.fonts.Own(r) {
				names = append(names, f.Name)
			}
			return nil, &font.MissingGlyphError{Role: r, Runes: rs, Faces: names}
		}
	}
	l.draw(l.paginate())
	return &Document{Meta: doc.Meta, Profile: p, pages: l.pages}, nil
}

func (l *layouter) bottom() float64 { return l.p.Top + l.p.AreaH }

func (l *layouter) emit(o op) {
	pg := &l.pages[len(l.pages)-1]
	*pg = append(*pg, o)
}

// line returns the 1-based source line of a block node, 0 when unknown.
func (l *layouter) line(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			off := n.Lines().At(0).Start
			return l.md.BodyLine + strings.Count(string(l.md.Body[:off]), "\n")
		}
	}
	return 0
}

func (l *layouter) blockNode(n ast.Node, c ctx) error {
	p := l.p
	pitch := p.Pitch()
	body := block{role: c.role, size: p.BodySize, tracking: pitch - p.BodySize,
		indentFirst: float64(2+2*c.depth) * pitch, indentRest: float64(2*c.depth) * pitch}
	if c.flush {
		body.indentFirst = body.indentRest
	}
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		spans, err := l.inlines(n, c.role, l.spans[:0])
		if err != nil {
			return err
		}
		l.spans = spans
		l.setText(spans, body)
	case *ast.Heading:
		role := font.Body
		switch n.Level {
		case 1:
			role = font.Heading
		case 2:
			role = font.Kaiti
		}
		spans, err := l.inlines(n, role, l.spans[:0])
		if err != nil {
			return err
		}
		l.spans = spans
		b := body
		b.role, b.keepWithNext = role, true
		l.setText(spans, b)
	case *ast.List:
		i := n.Start
		if i == 0 {
			i = 1
		}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			marker := "·"
			if n.IsOrdered() {
				marker = strconv.Itoa(i) + string(n.Marker) + " "
				i++
			}
			if err := l.listItem(item, marker, c); err != nil {
				return err
			}
		}
	case *east.Table:
		return l.table(n)
	case *markdown.Div:
		if n.HasClass("signature") {
			return l.signature(n)
		}
		c.flush = c.flush || n.HasClass("salutation")
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if err := l.blockNode(ch, c); err != nil {
				return err
			}
		}
	case *ast.Blockquote:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if err := l.blockNode(ch, ctx{role: font.Kaiti, depth: c.depth}); err != nil {
				return err
			}
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			s := strings.TrimRight(string(seg.Value(l.md.Body)), "\r\n")
			b := body
			b.align, b.indentFirst, b.indentRest = alignLeft, body.indentRest, body.indentRest
			l.setText([]span{{s, c.role}}, b)
		}
	case *ast.ThematicBreak:
		l.blank(false)
	default:
		return &UnsupportedNodeError{Kind: n.Kind(), Line: l.line(n)}
	}
	return nil
}

func (l *layouter) listItem(item ast.Node, marker string, c ctx) error {
	first := true
	for ch := item.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			spans := l.spans[:0]
			if first {
				spans = append(spans, span{marker, c.role})
			}
			spans, err := l.inlines(ch, c.role, spans)
			if err != nil {
				return err
			}
			l.spans = spans
			pitch := l.p.Pitch()
			l.setText(spans, block{role: c.role, size: l.p.BodySize, tracking: pitch - l.p.BodySize,
				indentFirst: float64(2+2*c.depth) * pitch, indentRest: float64(2*c.depth) * pitch})
			first = false
		default:
			if err := l.blockNode(ch, ctx{role: c.role, depth: c.depth + 1}); err != nil {
				return err
			}
		}
	}
	return nil
}

// inlines appends the text of n's inline children to spans. Bold is set in
// the heading face (黑体), emphasis in kaiti, as Chinese documents do.
func (l *layouter) inlines(n ast.Node, role font.Role, spans []span) ([]span, error) {
	var err error
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch c := ch.(type) {
		case *ast.Text:
			spans = append(spans, span{string(c.Segment.Value(l.md.Body)), role})
			if c.HardLineBreak() {
				spans = append(spans, span{"\n", role})
			}
		case *ast.String:
			spans = append(spans, span{string(c.Value), role})
		case *ast.Emphasis:
			r := font.Kaiti
			if c.Level >= 2 {
				r = font.Heading
				if role == font.Title {
					r = font.Title
				}
			}
			if spans, err = l.inlines(c, r, spans); err != nil {
				return nil, err
			}
		case *ast.CodeSpan, *ast.Link:
			if spans, err = l.inlines(c, role, spans); err != nil {
				return nil, err
			}
		case *ast.AutoLink:
			spans = append(spans, span{string(c.Label(l.md.Body)), role})
		default:
			return nil, &UnsupportedNodeError{Kind: ch.Kind(), Line: l.line(n)}
		}
	}
	return spans, nil
}

// shape turns spans into glyphs of the given size, each rune in the first
// face of its role that has it.
func (l *layouter) shape(spans []span, size, tracking float64, g []glyph) (string, []glyph) {
	l.sb.Reset()
	for _, s := range spans {
		l.sb.WriteString(s.text)
	}
	text := l.sb.String()
	base := 0
	for _, s := range spans {
		for j, r := range s.text {
			x := glyph{r: r, off: int32(base + j), brk: canBreak}
			switch r {
			case '\n':
			default:
				if unicode.IsControl(r) { // a tab or a stray control character: a space
					r = ' '
				}
				f, ok := l.fonts.Pick(s.role, r)
				if !ok {
					l.noteMissing(s.role, r) // Layout fails; keep the glyph so breaks line up
					break
				}
				adv := float64(f.Advance(r)) * size / 1000
				x.face, x.adv, x.w, x.space = f, adv, adv+tracking, r == ' '
				if compressible(r) && adv >= 0.9*size {
					x.half = adv / 2
				}
			}
			g = append(g, x)
		}
		base += len(s.text)
	}
	compressAdjacent(g, size)
	setBreaks(text, g)
	return text, g
}

// compressAdjacent sets adjacent full-width punctuation in half an em less
// (CLREQ 3.1.6): a closing mark before another mark, and an opening mark
// after another opening one, give up their blank half, so that ），and ”（
// take one and a half em, not two. Inside a line the blank half goes short
// of the whole by the factor inner (see there).
func compressAdjacent(g []glyph, size float64) {
	full := func(x glyph) bool { return x.adv >= 0.9*size }
	for i := 0; i+1 < len(g); i++ {
		a, b := &g[i], g[i+1]
		if !full(*a) || !full(b) {
			continue
		}
		switch {
		case a.half > 0 && (compressible(b.r) || opening(b.r) || noStart(b.r) && unicode.IsPunct(b.r)):
			a.w -= a.half * inner
			a.half = 0
		case opening(a.r) && opening(b.r):
			a.w -= a.adv / 2 * inner
		}
	}
}

func (l *layouter) noteMissing(role font.Role, r rune) {
	if l.missing == nil {
		l.missing = map[font.Role][]rune{}
	}
	if !slices.Contains(l.missing[role], r) {
		l.missing[role] = append(l.missing[role], r)
	}
}

// setText breaks spans into lines and appends them to the vertical list,
// with the places a page may not break: after a paragraph's first line and
// before its last (no orphan, no widow), inside a heading, and between a
// heading and two lines of what follows.
func (l *layouter) setText(spans []span, b block) {
	text, g := l.shape(spans, b.size, b.tracking, nil)
	w := l.p.AreaW - b.indentRight
	var ends []int
	switch {
	case b.unbreakable:
		ends = []int{len(g)}
	case b.balance:
		ends = balancedBreaks(g, w-b.indentFirst, b.size)
	default:
		ends = breakLines(g, w-b.indentFirst, w-b.indentRest, b.size, nil)
	}
	n := len(ends)
	start := 0
	for k, end := range ends {
		indent := b.indentRest
		if k == 0 {
			indent = b.indentFirst
		}
		it := item{kind: itemLine, h: l.p.LinePitch(), text: text, g: g[start:end], b: b,
			x: l.p.Left + indent, avail: w - indent, last: k == n-1}
		switch {
		case b.keepWithNext:
			it.keep = true
		case k == 0 && n > 1, k == n-2: // no orphan, no widow
			it.keep = true
		}
		if !b.keepWithNext && l.keepLines > 0 {
			if l.keepLines > 1 {
				it.keep = true
			}
			l.keepLines--
		}
		l.items = append(l.items, it)
		start = end
	}
	if b.keepWithNext {
		l.keepLines = 2
	}
}

// blank adds an empty line slot; keep holds it to what follows.
func (l *layouter) blank(keep bool) {
	l.items = append(l.items, item{kind: itemBlank, h: l.p.LinePitch(), keep: keep})
}

// placeLine emits the runs of one line of width at most avail starting at x.
// A line too long for avail squeezes its full-width marks (up to half each);
// a justified line shorter than avail widens the gaps next to Chinese
// characters, by at most maxStretch em each, then every gap, and sets the
// rest of the line ragged rather than open holes.
func (l *layouter) placeLine(text string, g []glyph, b block, x, avail, baseline float64, last bool) {
	natural, n := lineWidth(g)
	if n == 0 {
		return
	}
	adj := make([]float64, n)
	switch {
	case natural > avail+1e-6:
		if s := shrinkable(g[:n]); s > 0 {
			f := min(1, (natural-avail)/s)
			for i := range n - 1 {
				adj[i] = -g[i].half * inner * f
			}
			natural -= s * f
		}
		if natural > avail+1e-6 { // the rest over the gaps (挤进 of a closing mark)
			gaps := 0
			for i := range n - 1 {
				if !g[i].inner {
					gaps++
				}
			}
			if gaps > 0 {
				per := (natural - avail) / float64(gaps)
				for i := range n - 1 {
					if !g[i].inner {
						adj[i] -= per
					}
				}
				natural = avail
			}
		}
	case b.align == alignJustify && !last && n > 1 && g[len(g)-1].brk != mustBreak:
		extra := avail - natural
		gaps := 0
		for i := range n - 1 {
			if stretchable(g[i], g[i+1]) {
				gaps++
			}
		}
		all := gaps == 0 || extra/float64(gaps) > maxStretch*b.size
		if all {
			gaps = 0
			for i := range n - 1 {
				if !g[i].inner {
					gaps++
				}
			}
		}
		if gaps == 0 {
			break
		}
		per := min(extra/float64(gaps), maxStretch*b.size)
		for i := range n - 1 {
			if all && !g[i].inner || stretchable(g[i], g[i+1]) {
				adj[i] = per
				natural += per
			}
		}
	}
	switch b.align {
	case alignCenter:
		x += (avail - natural) / 2
	case alignRight:
		x += avail - natural
	}
	l.emitRuns(text, g[:n], adj, b.size, x, baseline)
}

// maxStretch caps justification: no gap between two characters widens by
// more than this many em.
const maxStretch = 0.25

// emitRuns emits g as one text op per run of glyphs in the same face and
// with the same spacing after them; adj adds to each glyph's spacing.
func (l *layouter) emitRuns(text string, g []glyph, adj []float64, size, x, baseline float64) {
	tc := func(i int) float64 { return g[i].w - g[i].adv + adj[i] }
	runX, run := x, 0
	for i := range g {
		x += g[i].w + adj[i]
		// The last glyph's spacing shows nowhere: it joins its run.
		if i == len(g)-1 || g[i+1].face != g[i].face || i+1 < len(g)-1 && tc(i+1) != tc(i) {
			end := int(g[i].off) + utf8.RuneLen(g[i].r)
			l.emit(op{kind: opText, face: g[run].face, size: size, x: runX, y: baseline,
				tc: tc(run), text: text[g[run].off:end]})
			runX, run = x, i+1
		}
	}
}

// stretchable reports whether justification may widen the gap between two
// glyphs: a gap next to a Chinese character or mark may, one inside a
// number, a Latin word or a grapheme cluster may not.
func stretchable(a, b glyph) bool {
	return !a.inner && (wide(a.r) || wide(b.r))
}

// wide reports whether r is set on the full-width grid of Chinese text:
// what zh counts as Chinese, and the dashes and dots set with it.
func wide(r rune) bool {
	return zh.IsCJK(r) || r == '—' || r == '…' || r == '·'
}
