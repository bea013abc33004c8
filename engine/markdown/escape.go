package markdown

import (
	"strings"
	"unicode/utf8"
)

// Safe is Markdown made on purpose — by a template function that builds
// structure — which Escape passes through unchanged. Everything else a
// template writes from its data is text.
type Safe string

// Context is where escaped text lands, which decides what becomes of a
// line break in it.
type Context int

const (
	// Block text is a paragraph's: a line break stays a line break inside
	// the paragraph (a Markdown hard break, backslash and newline).
	Block Context = iota
	// Line text is a heading's or a table cell's, which end at the line's
	// end: a line break becomes a space.
	Line
)

// Escape makes s text in Markdown, for CommonMark, goldmark and pandoc's
// Markdown alike: it can neither start a block (a heading, a list, a quote,
// a fenced div, a table row) nor make an inline element (emphasis, a link,
// an image, raw HTML, code, math, a citation, a footnote, an entity). The
// characters that could are escaped with a backslash, where they could
// act; line breaks become hard breaks (Block) or spaces (Line); control
// characters, which no report holds, are dropped. Text without any of
// these comes back unchanged, so that the Markdown of ordinary data reads
// as typed.
func Escape(s string, ctx Context) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !needsEscape(s) {
		return s
	}
	// Control characters (\r of a Windows line end among them) go first,
	// so that what follows is looked at as it will stand.
	s = strings.Map(func(r rune) rune {
		if control(r) {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	start := true  // at the start of a line of the output
	blank := false // after a blank in the output
	for i := 0; i < len(s); {
		if start && (s[i] == ' ' || s[i] == '\t') {
			i++ // blanks at a line's start would indent it into code
			continue
		}
		if start {
			if n := lineStart(&b, s[i:], i > 0); n > 0 {
				i += n
				start = false
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			// A run of line breaks, with blanks between, is one break: a
			// blank line would end the paragraph.
			j := i + 1
			for j < len(s) && (s[j] == '\n' || s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if b.Len() > 0 && j < len(s) {
				if ctx == Line {
					b.WriteByte(' ')
					blank = true
				} else {
					hardBreak(&b)
					start = true
				}
			}
			i = j
			continue
		case strings.ContainsRune("\\`*_[]<|$~^@&{}", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '!' && i+1 < len(s) && s[i+1] == '[':
			// ![ would be an image were the [ not escaped; escaped too, it
			// is not taken for Chinese prose's ！ either.
			b.WriteString(`\!`)
		case r == '#' && (start || blank):
			b.WriteString(`\#`)
		default:
			b.WriteRune(r)
		}
		blank = r == ' ' || r == '\t'
		if !blank {
			start = false
		}
		i += n
	}
	return b.String()
}

// hardBreak ends a line inside a paragraph: the blanks before it go, and
// a backslash (the data's, escaped) is kept from the break's backslash by a
// space, which goldmark needs to see the break.
func hardBreak(b *strings.Builder) {
	s := strings.TrimRight(b.String(), " \t")
	b.Reset()
	b.WriteString(s)
	if strings.HasSuffix(s, `\`) {
		b.WriteByte(' ')
	}
	b.WriteString("\\\n")
}

// lineStart escapes what would open a block at the start of a line: > = :
// + or - (a list item, a thematic break, a setext underline, a table's
// delimiter row after a line break: cont) and a list
// number (1. 12) a. iv) (a) (@)) before a blank. It writes the
// escaped beginning of rest and returns the bytes of rest it wrote, 0 when
// there is nothing to escape there.
func lineStart(b *strings.Builder, rest string, cont bool) int {
	c := rest[0]
	switch c {
	case '>', '=', ':':
		b.WriteByte('\\')
		b.WriteByte(c)
		return 1
	case '-', '+':
		// A list item, a thematic break, a setext underline; on a line of
		// its own inside the text, also a table's delimiter row (-: under
		// the line before makes it a table's header). At the text's start,
		// +7 and -5 stay as they are: a figure in a table cell.
		if cont || blankAfter(rest, 1) || rest[1] == c {
			b.WriteByte('\\')
			b.WriteByte(c)
			return 1
		}
		return 0
	case '(':
		if j := strings.IndexByte(rest, ')'); j > 0 && !strings.ContainsAny(rest[:j], " \t\n") && blankAfter(rest, j+1) {
			b.WriteString(`\(`)
			return 1
		}
		return 0
	}
	j := 0
	for j < len(rest) && j < 10 && isAlnum(rest[j]) {
		j++
	}
	// A number at the very end is left alone: templates write 1. and
	// (一) with functions and go on with text.
	if j > 0 && j+1 < len(rest) && (rest[j] == '.' || rest[j] == ')') && blankAfter(rest, j+1) {
		b.WriteString(rest[:j])
		b.WriteByte('\\')
		b.WriteByte(rest[j])
		return j + 1
	}
	return 0
}

// control reports whether Escape drops r: a control character other than
// the line break and the tab.
func control(r rune) bool {
	return r < ' ' && r != '\n' && r != '\t' || r == 0x7F || r >= 0x80 && r <= 0x9F
}

func blankAfter(s string, i int) bool {
	return i >= len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// needsEscape reports whether Escape might change s: it holds a
// character Escape acts on, or starts with one that may open a block.
func needsEscape(s string) bool {
	if s != "" && (isAlnum(s[0]) || strings.IndexByte(">=:-+( \t", s[0]) >= 0) {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c == 0x7F || strings.IndexByte("\\`*_[]<|$~^@&{}#!", c) >= 0 {
			return true
		}
		if c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F { // C1 controls
			return true
		}
	}
	return false
}

// Unescape removes Markdown's backslash escapes of ASCII punctuation: the
// text a value written with Escape (in Line context) stands for.
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
