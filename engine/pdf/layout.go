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
	keepWithNext bool // do not leave it as the last line of a page
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
	pages   [][]op
	y       float64 // top of the next free line slot
	missing map[font.Role][]rune

	spans    []span
	glyphs   []glyph
	pnGlyphs []glyph // page numbers are set while a paragraph's glyphs are in use
	ends     []int
	sb       strings.Builder
}

// Layout typesets doc: it measures, breaks and places every line once.
func Layout(doc *markdown.Document, opt Options) (*Document, error) {
	if opt.Fonts == nil {
		return nil, NoFontsError{}
	}
	p := opt.Profile
	if p == nil {
		p = layout.OfficialProfile()
	}
	l := &layouter{p: p, fonts: opt.Fonts, md: doc, glyphs: make([]glyph, 0, 512)}
	l.newPage()
	if doc.Meta.Title != "" {
		l.setText([]span{{doc.Meta.Title, font.Title}}, block{role: font.Title, size: p.TitleSize, align: alignCenter})
		l.y += p.LinePitch() // 标题下空一行
	}
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := l.blockNode(n, ctx{role: font.Body}); err != nil {
			return nil, err
		}
	}
	for r := font.Title; r <= font.Body; r++ {
		if rs := l.missing[r]; len(rs) > 0 {
			var names []string
			for _, f := range l.fonts.Chain(r) {
				names = append(names, f.Name)
			}
			return nil, &font.MissingGlyphError{Role: r, Runes: rs, Faces: names}
		}
	}
	return &Document{Meta: doc.Meta, Profile: p, pages: l.pages}, nil
}

func (l *layouter) bottom() float64 { return l.p.Top + l.p.AreaH }

func (l *layouter) newPage() {
	l.pages = append(l.pages, make([]op, 0, 128))
	l.y = l.p.Top
	l.pageNumber()
}

func (l *layouter) pageEmpty() bool { return l.y <= l.p.Top+1e-6 }

// room returns how many more line slots fit on the current page.
func (l *layouter) room() int {
	return int((l.bottom() - l.y + 1e-6) / l.p.LinePitch())
}

// slot returns the top of the next line slot, starting a page when full.
func (l *layouter) slot() float64 {
	if l.room() < 1 {
		l.newPage()
	}
	top := l.y
	l.y += l.p.LinePitch()
	return top
}

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
		l.slot()
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
				x.face, x.w, x.space = f, adv+tracking, r == ' '
				if compressible(r) && adv >= 0.9*size {
					x.half = adv / 2
				}
			}
			g = append(g, x)
		}
		base += len(s.text)
	}
	setBreaks(text, g)
	return text, g
}

func (l *layouter) noteMissing(role font.Role, r rune) {
	if l.missing == nil {
		l.missing = map[font.Role][]rune{}
	}
	if !slices.Contains(l.missing[role], r) {
		l.missing[role] = append(l.missing[role], r)
	}
}

// setText breaks spans into lines and places them in consecutive line slots.
func (l *layouter) setText(spans []span, b block) {
	text, g := l.shape(spans, b.size, b.tracking, l.glyphs[:0])
	l.glyphs = g
	w := l.p.AreaW - b.indentRight
	l.ends = breakLines(g, w-b.indentFirst, w-b.indentRest, b.size, l.ends[:0])
	if b.keepWithNext && !l.pageEmpty() && l.room() < len(l.ends)+1 {
		l.newPage()
	}
	// Every face sits on the baseline the body face would have: the first
	// line's body text touches the type area's top, and faces with a taller
	// ascender (Droid Sans Fallback: 1.04 em) do not sink in their line.
	asc := l.fonts.Chain(font.Body)[0].Ascent() * b.size
	start := 0
	for k, end := range l.ends {
		top := l.slot()
		indent := b.indentRest
		if k == 0 {
			indent = b.indentFirst
		}
		l.placeLine(text, g[start:end], b, l.p.Left+indent, w-indent, top+asc, k == len(l.ends)-1)
		start = end
	}
}

// placeLine emits the runs of one line of width at most avail starting at x.
func (l *layouter) placeLine(text string, g []glyph, b block, x, avail, baseline float64, last bool) {
	natural, n := lineWidth(g)
	if n == 0 {
		return
	}
	extra, all := 0.0, false
	if natural > avail && n > 1 || b.align == alignJustify && !last && n > 1 && g[len(g)-1].brk != mustBreak {
		// Justify (or squeeze in a closing mark, 挤进) by spreading the
		// difference over the gaps next to Chinese characters, so that
		// numbers and Latin words keep their natural spacing; a line with
		// no such gap spreads it over every gap.
		gaps := 0
		for i := range n - 1 {
			if stretchable(g[i], g[i+1]) {
				gaps++
			}
		}
		if gaps == 0 {
			gaps, all = n-1, true
		}
		extra = (avail - natural) / float64(gaps)
		natural = avail
	}
	switch b.align {
	case alignCenter:
		x += (avail - natural) / 2
	case alignRight:
		x += avail - natural
	}
	l.emitRuns(text, g[:n], b.size, x, baseline, b.tracking, extra, all)
}

// emitRuns emits g as one text op per run of glyphs in the same face and
// with the same spacing after them: extra widens the gaps that may stretch
// (every gap when all is set).
func (l *layouter) emitRuns(text string, g []glyph, size, x, baseline, tracking, extra float64, all bool) {
	gap := func(i int) float64 {
		if i < len(g)-1 && (all || stretchable(g[i], g[i+1])) {
			return extra
		}
		return 0
	}
	runX, run := x, 0
	for i := range g {
		e := gap(i)
		x += g[i].w + e
		// The last glyph's spacing shows nowhere: it joins its run.
		if i == len(g)-1 || g[i+1].face != g[i].face || i+1 < len(g)-1 && gap(i+1) != e {
			end := int(g[i].off) + utf8.RuneLen(g[i].r)
			l.emit(op{kind: opText, face: g[run].face, size: size, x: runX, y: baseline,
				tc: tracking + gap(run), text: text[g[run].off:end]})
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

// signature sets the closing block after GB/T 9704-2012 7.3.5.2: one blank
// line below the text, the issuing union right-indented two characters, and
// on the next line the date, its first character two characters right of the
// union's first; if the date would then pass the union's right edge, the date
// is right-indented two characters and the union moves left to keep the
// two-character step. Other paragraphs of the block are right-indented two
// characters.
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
	if l.room() < len(paras)+1 {
		l.newPage()
	} else if !l.pageEmpty() {
		l.slot()
	}
	pitch := l.p.Pitch()
	size := l.p.BodySize
	b := block{role: font.Body, size: size, tracking: pitch - size, align: alignRight, indentRight: 2 * pitch}
	widths := make([]float64, len(paras))
	for i, sp := range paras {
		_, g := l.shape(sp, size, b.tracking, l.glyphs[:0])
		widths[i], _ = lineWidth(g)
		l.glyphs = g
	}
	indents := make([]float64, len(paras))
	for i := range indents {
		indents[i] = 2 * pitch
	}
	if len(paras) == 2 {
		edge := l.p.AreaW - 2*pitch
		nameX := edge - widths[0]
		dateX := nameX + 2*pitch
		if dateX+widths[1] > edge {
			dateX = edge - widths[1]
			nameX = dateX - 2*pitch
		}
		indents[0] = l.p.AreaW - nameX - widths[0]
		indents[1] = l.p.AreaW - dateX - widths[1]
	}
	for i, sp := range paras {
		bi := b
		bi.indentRight = indents[i]
		l.setText(sp, bi)
	}
	return nil
}

// pageNumber adds "— N —" in 4号 below the type area of the current page:
// odd pages at the right, even at the left, each one character in.
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
	asc := l.fonts.Chain(font.Body)[0].Ascent() * size
	l.emitRuns(text, g[:n], size, x, l.bottom()+p.PageNumGap+asc, 0, 0, false)
}
