package docx

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/zh"
)

// Options control Render.
type Options struct {
	// Profile is the page layout; nil is the official one. The engine
	// passes the template's (or --layout's), the same as the PDF writer's.
	Profile *layout.Profile
}

// Render writes doc as a Word document. The output depends only on doc and
// the profile: the same input gives the same bytes.
func Render(doc *markdown.Document, opt Options) ([]byte, error) {
	p := opt.Profile
	if p == nil {
		p = layout.OfficialProfile()
	}
	g := geometryOf(p)
	w := &writer{md: doc, g: &g}
	body, err := w.document()
	if err != nil {
		return nil, err
	}
	return pack([]part{
		{"[Content_Types].xml", contentTypes()},
		{"_rels/.rels", rootRels()},
		{"docProps/core.xml", coreProps(doc.Meta)},
		{"docProps/app.xml", appProps()},
		{"word/document.xml", body},
		{"word/_rels/document.xml.rels", documentRels()},
		{"word/styles.xml", styles(&g, w.customs)},
		{"word/settings.xml", settings()},
		{"word/fontTable.xml", fontTable()},
		{"word/footer1.xml", footer(&g, true)},
		{"word/footer2.xml", footer(&g, false)},
	}, doc.Meta.Issued)
}

// span is inline text in one role; "\n" is a hard line break.
type span struct {
	text string
	role role
}

// ctx is what blocks inherit: the role and style of plain paragraphs, the
// list depth, and whether paragraphs start at the margin.
type ctx struct {
	role     role
	style    string // "" is 正文
	depth    int
	flush    bool // the 主送 line, GB/T 9704 7.3.2
	keepNext bool // a paragraph stays on the page of the next block
}

// para is how one paragraph is set, beyond its style.
type para struct {
	style    string
	role     role // the style's face: runs in another role name theirs
	jc       string
	keepNext bool

	ind                    bool // write w:ind with the fields below
	left, right, firstLine float64
}

type writer struct {
	md      *markdown.Document
	g       *geometry
	b       xmlBuf
	customs []custom
	spans   []span
}

// document writes word/document.xml: the title from the metadata, the
// body's blocks, and the section's page setup. One paragraph or table row
// per line, so the part reads (and diffs) as text.
func (w *writer) document() ([]byte, error) {
	b := &w.b
	b.Grow(len(w.md.Body) * 3)
	b.WriteString(xmlHeader + `<w:document ` + nsW + ` ` + nsR + `><w:body>` + "\n")
	if t := w.md.Meta.Title; t != "" {
		w.paragraph(para{style: styleTitle, role: roleTitle}, []span{{t, roleTitle}})
	}
	for n := w.md.Root.FirstChild(); n != nil; n = n.NextSibling() {
		// The signature never stands on a page of its own: the text's last
		// paragraph goes with it (GB/T 9704 7.3.5).
		div, ok := n.NextSibling().(*markdown.Div)
		c := ctx{role: roleBody, keepNext: ok && div.HasClass("signature")}
		if err := w.block(n, c); err != nil {
			return nil, err
		}
	}
	b.WriteString(sectPr(w.g) + "</w:body></w:document>\n")
	return b.Bytes(), nil
}

// line returns the 1-based source line of a block node, 0 when unknown.
func (w *writer) line(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			off := n.Lines().At(0).Start
			return w.md.BodyLine + strings.Count(string(w.md.Body[:off]), "\n")
		}
	}
	return 0
}

// body is the setting of a plain paragraph in c.
func (w *writer) body(c ctx) para {
	p := para{style: c.style, role: c.role, keepNext: c.keepNext}
	if c.depth > 0 || c.flush && c.style != styleSalutation {
		p.ind = true
		p.left = float64(2 * c.depth)
		p.firstLine = 2
		if c.flush {
			p.firstLine = 0
		}
	}
	return p
}

func (w *writer) block(n ast.Node, c ctx) error {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		spans, err := w.inlines(n, c.role, w.spans[:0])
		if err != nil {
			return err
		}
		w.spans = spans
		w.paragraph(w.body(c), spans)
	case *ast.Heading:
		level := min(max(n.Level, 1), len(levelNames))
		r := levelRole(level)
		spans, err := w.inlines(n, r, w.spans[:0])
		if err != nil {
			return err
		}
		w.spans = spans
		w.paragraph(para{style: levelStyle(level), role: r}, spans)
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
			if err := w.listItem(item, marker, c); err != nil {
				return err
			}
		}
	case *east.Table:
		return w.table(n)
	case *markdown.Div:
		if s, ok := n.Attr("custom-style"); ok && s != "" {
			c.style = w.styleNamed(s)
		}
		if n.HasClass("signature") {
			if c.style == "" {
				c.style = styleSignature
			}
			return w.signature(n, c.style)
		}
		if n.HasClass("salutation") {
			c.flush = true
			if c.style == "" {
				c.style = styleSalutation
			}
		}
		keep := c.keepNext
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			c.keepNext = keep && ch.NextSibling() == nil
			if err := w.block(ch, c); err != nil {
				return err
			}
		}
	case *ast.Blockquote:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if err := w.block(ch, ctx{role: roleKaiti, style: styleBlock, depth: c.depth}); err != nil {
				return err
			}
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			s := strings.TrimRight(string(seg.Value(w.md.Body)), "\r\n")
			p := w.body(c)
			p.ind, p.left, p.firstLine, p.jc = true, float64(2*c.depth), 0, "left"
			w.paragraph(p, []span{{s, c.role}})
		}
	case *ast.ThematicBreak:
		w.paragraph(w.body(c), nil)
	default:
		return &UnsupportedNodeError{Kind: n.Kind(), Line: w.line(n)}
	}
	return nil
}

// styleNamed returns the ID of the style a custom-style names: one of ours
// by its Chinese name, else a new style of that name based on 正文.
func (w *writer) styleNamed(name string) string {
	switch name {
	case "落款":
		return styleSignature
	case "称谓":
		return styleSalutation
	case "正文":
		return styleNormal
	case "表格文字":
		return styleTableText
	}
	for i, n := range levelNames {
		if n == name {
			return levelStyle(i + 1)
		}
	}
	for _, c := range w.customs {
		if c.name == name {
			return c.id
		}
	}
	id := "Custom" + strconv.Itoa(len(w.customs)+1)
	w.customs = append(w.customs, custom{id: id, name: name})
	return id
}

func (w *writer) listItem(item ast.Node, marker string, c ctx) error {
	first := true
	for ch := item.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			spans := w.spans[:0]
			if first {
				spans = append(spans, span{marker, c.role})
			}
			spans, err := w.inlines(ch, c.role, spans)
			if err != nil {
				return err
			}
			w.spans = spans
			p := w.body(ctx{role: c.role, style: c.style, depth: c.depth})
			p.ind, p.left, p.firstLine = true, float64(2*c.depth), 2
			w.paragraph(p, spans)
			first = false
		default:
			if err := w.block(ch, ctx{role: c.role, style: c.style, depth: c.depth + 1}); err != nil {
				return err
			}
		}
	}
	return nil
}

// inlines appends the text of n's inline children to spans. Bold is set in
// the heading face (黑体), emphasis in 楷体, as in the PDF.
func (w *writer) inlines(n ast.Node, r role, spans []span) ([]span, error) {
	var err error
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch c := ch.(type) {
		case *ast.Text:
			spans = append(spans, span{string(c.Segment.Value(w.md.Body)), r})
			if c.HardLineBreak() {
				spans = append(spans, span{"\n", r})
			}
		case *ast.String:
			spans = append(spans, span{string(c.Value), r})
		case *ast.Emphasis:
			inner := roleKaiti
			if c.Level >= 2 {
				inner = roleHeading
				if r == roleTitle {
					inner = roleTitle
				}
			}
			if spans, err = w.inlines(c, inner, spans); err != nil {
				return nil, err
			}
		case *ast.CodeSpan, *ast.Link:
			if spans, err = w.inlines(c, r, spans); err != nil {
				return nil, err
			}
		case *ast.AutoLink:
			spans = append(spans, span{string(c.Label(w.md.Body)), r})
		default:
			return nil, &UnsupportedNodeError{Kind: ch.Kind(), Line: w.line(n)}
		}
	}
	return spans, nil
}

// paragraph writes one w:p: its properties where they differ from the
// style, then one run per stretch of text in one role.
func (w *writer) paragraph(p para, spans []span) {
	b := &w.b
	b.WriteString("<w:p>")
	if p.style != "" || p.keepNext || p.ind || p.jc != "" {
		b.WriteString("<w:pPr>")
		if p.style != "" {
			b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
		}
		if p.keepNext {
			b.WriteString(`<w:keepNext/>`)
		}
		if p.ind {
			w.indent(p.left, p.right, p.firstLine)
		}
		if p.jc != "" {
			b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
		}
		b.WriteString("</w:pPr>")
	}
	for i := 0; i < len(spans); {
		s := spans[i]
		if s.text == "\n" {
			b.WriteString("<w:r><w:br/></w:r>")
			i++
			continue
		}
		b.WriteString("<w:r>")
		if s.role != p.role {
			b.WriteString("<w:rPr>" + rFonts(s.role) + "</w:rPr>")
		}
		b.WriteString("<w:t")
		j := i
		var text strings.Builder
		for ; j < len(spans) && spans[j].role == s.role && spans[j].text != "\n"; j++ {
			text.WriteString(spans[j].text)
		}
		t := clean(text.String())
		if t != strings.TrimSpace(t) || strings.Contains(t, "  ") {
			b.WriteString(` xml:space="preserve"`)
		}
		b.WriteString(">")
		b.esc(t)
		b.WriteString("</w:t></w:r>")
		i = j
	}
	b.WriteString("</w:p>\n")
}

// indent writes w:ind in characters (the *Chars attributes, which Word
// reads on the grid) and in twips (for readers that ignore them). No style
// indents left or right, so only the first line's indent, which 正文 sets,
// is written when zero.
func (w *writer) indent(left, right, first float64) {
	b := &w.b
	b.WriteString("<w:ind")
	attr := func(name string, chars float64) {
		b.WriteString(" w:" + name + `="` + strconv.Itoa(w.g.chars(chars)) + `" w:` + name + `Chars="` + strconv.Itoa(int(chars*100+0.5)) + `"`)
	}
	if left != 0 {
		attr("left", left)
	}
	if right != 0 {
		attr("right", right)
	}
	attr("firstLine", first)
	b.WriteString("/>")
}

// clean turns tabs and other control characters into spaces, as the PDF
// writer does: XML 1.0 cannot carry most of them.
func clean(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// width is the width of s in characters of its size: a Chinese character
// or full-width mark is one, anything else (digits, Latin) half, as the
// grid sets them (w:balanceSingleByteDoubleByteWidth).
func width(s string) float64 {
	n := 0.0
	for _, r := range s {
		if wideRune(r) {
			n++
		} else {
			n += 0.5
		}
	}
	return n
}

// wideRune reports whether r is set full width: Chinese characters, marks
// and the dashes and dots set with them.
func wideRune(r rune) bool {
	return zh.IsCJK(r) || r == '—' || r == '…' || r == '·'
}

// signature sets the closing block after GB/T 9704-2012 7.3.5.2, as the
// PDF does: one blank line below the text, the union right-indented two
// characters, the date on the next line with its first character two
// characters right of the union's first; if the date would then pass the
// union's right edge, the date is right-indented two characters and the
// union moves left to keep the two-character step. The block is kept on
// one page.
func (w *writer) signature(div *markdown.Div, style string) error {
	var paras [][]span
	for ch := div.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if _, ok := ch.(*ast.Paragraph); !ok {
			return &UnsupportedNodeError{Kind: ch.Kind(), Line: w.line(ch)}
		}
		spans, err := w.inlines(ch, roleBody, nil)
		if err != nil {
			return err
		}
		paras = append(paras, spans)
	}
	if len(paras) == 0 {
		return nil
	}
	right := make([]float64, len(paras))
	for i := range right {
		right[i] = 2
	}
	if len(paras) == 2 {
		text := func(sp []span) string {
			var s strings.Builder
			for _, x := range sp {
				s.WriteString(x.text)
			}
			return s.String()
		}
		w0, w1 := width(text(paras[0])), width(text(paras[1]))
		cols := float64(w.g.width) / w.g.pitch
		edge := cols - 2
		nameX := edge - w0
		dateX := nameX + 2
		if dateX+w1 > edge {
			dateX = edge - w1
			nameX = dateX - 2
		}
		right[0] = cols - nameX - w0
		right[1] = cols - dateX - w1
	}
	for i, sp := range paras {
		p := para{style: style, role: roleBody, ind: true, right: right[i]}
		if style != styleSignature { // a custom-style of the template's own, based on 正文
			p.jc = "right"
		}
		w.paragraph(p, sp)
	}
	return nil
}
