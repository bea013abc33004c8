package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindDiv is the node kind of a pandoc fenced div.
var KindDiv = ast.NewNodeKind("Div")

// Div is a pandoc fenced div: `::: {#id .class key=value}` … `:::`.
// Its children are ordinary blocks.
type Div struct {
	ast.BaseBlock
	ID      string
	Classes []string
	Attrs   [][2]string // key=value pairs in source order

	depth int // nested fences seen while parsing
}

// Kind implements ast.Node.
func (n *Div) Kind() ast.NodeKind { return KindDiv }

// HasClass reports whether the div carries the class c.
func (n *Div) HasClass(c string) bool {
	for _, x := range n.Classes {
		if x == c {
			return true
		}
	}
	return false
}

// Attr returns the value of the attribute key (`key=value` in the fence),
// and whether the div has it. pandoc's custom-style names the Word style of
// the div's paragraphs.
func (n *Div) Attr(key string) (string, bool) {
	for _, kv := range n.Attrs {
		if kv[0] == key {
			return kv[1], true
		}
	}
	return "", false
}

// Dump implements ast.Node.
func (n *Div) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID, "Classes": strings.Join(n.Classes, " ")}, nil)
}

// DivExtension returns the goldmark extender for pandoc fenced divs: it
// registers the block parser and an HTML renderer together.
func DivExtension() goldmark.Extender { return divExtension{} }

type divExtension struct{}

func (divExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(divParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(divHTMLRenderer{}, 500)))
}

type divParser struct{}

func (divParser) Trigger() []byte { return []byte{':'} }

func (divParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	attrs, ok := openingFence(line[pos:])
	if !ok {
		return nil, parser.NoChildren
	}
	n := &Div{}
	if !parseAttrs(attrs, n) {
		return nil, parser.NoChildren
	}
	reader.Advance(seg.Len() - 1) // keep the newline, as goldmark's own parsers do
	return n, parser.HasChildren
}

func (divParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*Div)
	line, seg := reader.PeekLine()
	t := bytes.TrimSpace(line)
	if isClosingFence(t) {
		if n.depth > 0 {
			n.depth--
			return parser.Continue | parser.HasChildren
		}
		reader.Advance(seg.Len() - 1)
		return parser.Close
	}
	if _, ok := openingFence(t); ok {
		n.depth++
	}
	return parser.Continue | parser.HasChildren
}

func (divParser) Close(ast.Node, text.Reader, parser.Context) {}
func (divParser) CanInterruptParagraph() bool                 { return true }
func (divParser) CanAcceptIndentedLine() bool                 { return false }

// openingFence reports whether line is `:::` (three or more colons) followed by
// attributes, and returns the attribute text.
func openingFence(line []byte) ([]byte, bool) {
	n := 0
	for n < len(line) && line[n] == ':' {
		n++
	}
	if n < 3 {
		return nil, false
	}
	rest := bytes.TrimSpace(line[n:])
	rest = bytes.TrimSpace(bytes.TrimRight(rest, ":")) // pandoc allows `::: name :::`
	if len(rest) == 0 {
		return nil, false
	}
	return rest, true
}

func isClosingFence(t []byte) bool {
	if len(t) < 3 {
		return false
	}
	for _, c := range t {
		if c != ':' {
			return false
		}
	}
	return true
}

// parseAttrs reads `{#id .class key=value key="a b"}` or a bare class word.
func parseAttrs(a []byte, n *Div) bool {
	s := string(a)
	if !strings.HasPrefix(s, "{") {
		if strings.ContainsAny(s, " \t{}") {
			return false
		}
		n.Classes = append(n.Classes, s)
		return true
	}
	if !strings.HasSuffix(s, "}") {
		return false
	}
	s = strings.TrimSpace(s[1 : len(s)-1])
	for s != "" {
		var tok string
		if i := strings.IndexAny(s, " \t"); i >= 0 {
			tok, s = s[:i], strings.TrimSpace(s[i:])
		} else {
			tok, s = s, ""
		}
		switch {
		case strings.HasPrefix(tok, "#") && len(tok) > 1:
			n.ID = tok[1:]
		case strings.HasPrefix(tok, ".") && len(tok) > 1:
			n.Classes = append(n.Classes, tok[1:])
		case strings.Contains(tok, "="):
			k, v, _ := strings.Cut(tok, "=")
			if strings.HasPrefix(v, `"`) && !(len(v) > 1 && strings.HasSuffix(v, `"`)) {
				end := strings.Index(s, `"`)
				if end < 0 {
					return false
				}
				v, s = v+" "+s[:end+1], strings.TrimSpace(s[end+1:])
			}
			if k == "" {
				return false
			}
			n.Attrs = append(n.Attrs, [2]string{k, strings.Trim(v, `"`)})
		default:
			return false
		}
	}
	return true
}

type divHTMLRenderer struct{}

func (divHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDiv, func(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*Div)
		if !entering {
			_, _ = w.WriteString("</div>\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<div")
		if n.ID != "" {
			_, _ = w.WriteString(` id="` + html.EscapeString(n.ID) + `"`)
		}
		if len(n.Classes) > 0 {
			_, _ = w.WriteString(` class="` + html.EscapeString(strings.Join(n.Classes, " ")) + `"`)
		}
		for _, kv := range n.Attrs {
			_, _ = w.WriteString(` data-` + html.EscapeString(kv[0]) + `="` + html.EscapeString(kv[1]) + `"`)
		}
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	})
}
