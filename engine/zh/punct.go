package zh

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// fullWidth maps the half-width marks Punct converts to their full-width
// forms; 0 for any other rune. The full stop is not among them: 3.5,
// www.gov.cn and 1. 2. all use it, and a Chinese sentence typed with a
// half-width stop is rare.
func fullWidth(r rune) rune {
	switch r {
	case ',':
		return '，'
	case ';':
		return '；'
	case ':':
		return '：'
	case '(':
		return '（'
	case ')':
		return '）'
	case '!':
		return '！'
	case '?':
		return '？'
	}
	return 0
}

// IsCJK reports whether r belongs to Chinese text: ideographs, CJK symbols
// and punctuation, full-width forms, and the curly quotes “”‘’ that Chinese
// prose uses.
func IsCJK(r rune) bool {
	switch {
	case r < 0x2018:
		return false
	case r <= 0x201D:
		return true
	case r >= 0x2E80 && r <= 0x9FFF, // radicals, CJK punctuation, kana, unified ideographs
		r >= 0xF900 && r <= 0xFAFF,   // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,   // compatibility forms
		r >= 0xFF00 && r <= 0xFFEF,   // full-width forms
		r >= 0x20000 && r <= 0x3FFFF: // extensions B and on
		return true
	}
	return false
}

// isPause reports whether r is full-width punctuation that a second mark
// may not follow (，，  。。  ，。).
func isPause(r rune) bool {
	switch r {
	case '，', '、', '；', '：', '。', '？', '！':
		return true
	}
	return false
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' }

// transparent reports whether r is skipped when looking for the text next
// to a mark: blanks and Markdown's * of emphasis.
func transparent(r rune) bool { return isBlank(r) || r == '*' }

// urlPattern finds URLs and bare www. addresses; they end at white space or
// at the first Chinese character.
var urlPattern = regexp.MustCompile(`(?i)(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>"“”‘’\x{2E80}-\x{9FFF}\x{FF00}-\x{FFEF}]*`)

// text is a string cut into runes, with what Punct needs to know of each.
type text struct {
	rs   []rune
	off  []int  // byte offset of each rune, and len(s) at the end
	prot []bool // inside a URL, a code span or a link destination
	conv []bool // a half-width mark to convert
	pair []int  // index of the matching parenthesis, or -1
	// The nearest rune before and after each rune that is not transparent,
	// on the same line; -1 when there is none.
	before, after []int
	cjkSum        []int // cjkSum[k]: runes in rs[:k] that are, or become, Chinese
}

func newText(s string) *text {
	n := utf8.RuneCountInString(s)
	ints := make([]int, 5*n+2) // one allocation for the five tables
	flags := make([]bool, 2*n)
	t := &text{
		rs:     make([]rune, 0, n),
		off:    ints[0 : 0 : n+1],
		cjkSum: ints[n+1 : 2*n+2],
		pair:   ints[2*n+2 : 3*n+2],
		before: ints[3*n+2 : 4*n+2],
		after:  ints[4*n+2 : 5*n+2],
		prot:   flags[:n],
		conv:   flags[n:],
	}
	for i, r := range s {
		t.rs = append(t.rs, r)
		t.off = append(t.off, i)
	}
	t.off = append(t.off, len(s))
	t.protect(s)
	t.pairParens()
	t.neighbours()
	t.decide()
	return t
}

// index returns the rune index of a byte offset.
func (t *text) index(byteOff int) int {
	lo, hi := 0, len(t.rs)
	for lo < hi {
		m := (lo + hi) / 2
		if t.off[m] < byteOff {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (t *text) protectBytes(from, to int) {
	for i := t.index(from); i < len(t.rs) && t.off[i] < to; i++ {
		t.prot[i] = true
	}
}

// protect marks what Punct must leave alone: URLs, `code spans` and the
// destination of a Markdown link [text](dest).
func (t *text) protect(s string) {
	var urls [][]int
	if strings.Contains(s, "://") || hasWWW(s) {
		urls = urlPattern.FindAllStringIndex(s, -1)
	}
	for _, m := range urls {
		end := m[1]
		// A URL typed in prose is often followed by the sentence's own mark.
		open := strings.Contains(s[m[0]:end], "(")
		for end > m[0] {
			c := s[end-1]
			if strings.IndexByte(",.;:!?", c) >= 0 || (c == ')' && !open) {
				end--
				continue
			}
			break
		}
		t.protectBytes(m[0], end)
	}
	rs := t.rs
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '`':
			n := 1
			for i+n < len(rs) && rs[i+n] == '`' {
				n++
			}
			if j := closingTicks(rs, i+n, n); j >= 0 {
				for k := i; k < j+n; k++ {
					t.prot[k] = true
				}
				i = j + n - 1
			} else {
				i += n - 1
			}
		case rs[i] == '(' && i > 0 && rs[i-1] == ']':
			if end := linkEnd(rs, i); end > i {
				for k := i; k <= end; k++ {
					t.prot[k] = true
				}
				i = end
			}
		}
	}
}

// maxLink bounds the length of a link destination, so that text full of
// ]( cannot make Punct slow.
const maxLink = 2048

// linkEnd finds the parenthesis closing a link destination opened at i, or
// -1. A destination ends at white space.
func linkEnd(rs []rune, i int) int {
	depth := 0
	for k := i; k < len(rs) && k-i < maxLink; k++ {
		switch rs[k] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return k
			}
		case ' ', '\t', '\n':
			return -1
		}
	}
	return -1
}

// hasWWW reports whether s holds www. in any case, without the cost of
// lower-casing Chinese text.
func hasWWW(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if s[i]|0x20 == 'w' && s[i+1]|0x20 == 'w' && s[i+2]|0x20 == 'w' && s[i+3] == '.' {
			return true
		}
	}
	return false
}

// closingTicks finds the next run of exactly n backticks from i, or -1.
func closingTicks(rs []rune, i, n int) int {
	for i < len(rs) {
		if rs[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

// pairParens matches the half-width parentheses outside protected text.
func (t *text) pairParens() {
	var stack []int
	for i, r := range t.rs {
		t.pair[i] = -1
		if t.prot[i] {
			continue
		}
		switch r {
		case '(':
			stack = append(stack, i)
		case ')':
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				t.pair[o], t.pair[i] = i, o
			}
		}
	}
}

// cjk reports whether the rune at i is, or is about to become, Chinese.
func (t *text) cjk(i int) bool {
	return i >= 0 && i < len(t.rs) && (t.conv[i] || IsCJK(t.rs[i]))
}

func (t *text) digit(i int) bool {
	return i >= 0 && i < len(t.rs) && t.rs[i] >= '0' && t.rs[i] <= '9'
}

// neighbours finds, for each rune, the nearest runes around it that are not
// transparent: blanks, and Markdown's * of emphasis, so that **重点**: is
// seen as Chinese. They stop at a line break.
func (t *text) neighbours() {
	last := -1
	for i, r := range t.rs {
		t.before[i] = last
		switch {
		case r == '\n':
			last = -1
		case !transparent(r):
			last = i
		}
	}
	last = -1
	for i := len(t.rs) - 1; i >= 0; i-- {
		t.after[i] = last
		switch r := t.rs[i]; {
		case r == '\n':
			last = -1
		case !transparent(r):
			last = i
		}
	}
}

// countCJK brings cjkSum up to date with the marks decided so far.
func (t *text) countCJK() {
	for i := range t.rs {
		t.cjkSum[i+1] = t.cjkSum[i]
		if t.cjk(i) {
			t.cjkSum[i+1]++
		}
	}
}

// decide marks the half-width marks that stand in Chinese prose. A mark
// turned full-width is Chinese context for its neighbours, so the marking
// sweeps back and forth until nothing changes; that makes Punct idempotent.
func (t *text) decide() {
	n := len(t.rs)
	for pass, changed := 0, true; changed; pass++ {
		changed = false
		t.countCJK()
		for j := range n {
			i := j
			if pass%2 == 1 {
				i = n - 1 - j
			}
			r := t.rs[i]
			if t.conv[i] || t.prot[i] || fullWidth(r) == 0 || !t.inProse(i) {
				continue
			}
			t.conv[i] = true
			if p := t.pair[i]; p >= 0 {
				t.conv[p] = true
			}
			changed = true
		}
	}
}

// inProse reports whether the half-width mark at i stands in Chinese prose.
func (t *text) inProse(i int) bool {
	p, n := t.before[i], t.after[i]
	switch t.rs[i] {
	case ':':
		// 12:30 and 1:500 stay; 如下: and 电话:8888 do not.
		return t.cjk(p) || (t.cjk(n) && !t.digit(p))
	case '!':
		if i+1 < len(t.rs) && t.rs[i+1] == '[' { // Markdown image
			return false
		}
	case '(', ')':
		if o := t.pair[i]; o >= 0 {
			// A pair is Chinese when anything in it, or either side of
			// it, is: 会员(member) and (1)组织 both become full width.
			open, close := min(i, o), max(i, o)
			return t.cjkSum[close] > t.cjkSum[open+1] || t.cjk(t.before[open]) || t.cjk(t.after[close])
		}
	}
	return t.cjk(p) || t.cjk(n)
}

// Punct normalises the punctuation of Chinese prose: a half-width , ; : ( )
// ! or ? next to Chinese text (or inside parentheses holding it) becomes
// ， ； ： （ ） ！ ？, and blanks between full-width punctuation and the text
// around it go. Numbers (4,509.50, 12:30, 1:500, 3.5), dates (2024-03-30),
// Latin text (Hello, world), URLs, `code` and Markdown link destinations are
// left alone, as are blanks at the start or end of a line. Punct(Punct(s))
// is Punct(s).
func Punct(s string) string {
	if !hasHalfMark(s) && !strings.ContainsAny(s, " \t") {
		return s
	}
	t := newText(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(t.rs); i++ {
		r := t.rs[i]
		switch {
		case t.conv[i]:
			b.WriteRune(fullWidth(r))
		case isBlank(r):
			hi := i
			for hi+1 < len(t.rs) && isBlank(t.rs[hi+1]) {
				hi++
			}
			if !t.dropBlanks(i, hi) {
				for k := i; k <= hi; k++ {
					b.WriteRune(t.rs[k])
				}
			}
			i = hi
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasHalfMark(s string) bool { return strings.ContainsAny(s, ",;:()!?") }

// isFullMark reports whether the rune at i is, or becomes, full-width
// punctuation.
func (t *text) isFullMark(i int) bool {
	if i < 0 || i >= len(t.rs) {
		return false
	}
	if t.conv[i] {
		return true
	}
	switch t.rs[i] {
	case '，', '、', '；', '：', '。', '？', '！', '（', '）':
		return true
	}
	return false
}

// dropBlanks reports whether the run of blanks lo..hi sits between
// full-width punctuation and other text on one line, outside protected
// text.
func (t *text) dropBlanks(lo, hi int) bool {
	p, n := lo-1, hi+1
	if p < 0 || n >= len(t.rs) || t.rs[p] == '\n' || t.rs[n] == '\n' || t.prot[p] || t.prot[n] || t.prot[lo] {
		return false
	}
	return t.isFullMark(p) || t.isFullMark(n)
}

// PunctKind tells the kinds of punctuation problem apart.
type PunctKind int

const (
	HalfWidth PunctKind = iota // a half-width mark in Chinese prose
	Doubled                    // two marks in a row: ，， 。。 ，。
)

// PunctIssue is one punctuation problem in a text.
type PunctIssue struct {
	Offset int // byte offset in the text
	Kind   PunctKind
	Text   string // the mark, or both marks
	Want   string // the full-width mark; "" for Doubled
}

// Message says what is wrong, in Chinese.
func (p PunctIssue) Message() string {
	if p.Kind == Doubled {
		return "标点重复：“" + p.Text + "”"
	}
	return "中文里用了半角标点“" + p.Text + "”，应为“" + p.Want + "”"
}

// CheckPunct finds the punctuation problems of Chinese prose, in order: each
// half-width mark that Punct would convert, and each pair of pause or stop
// marks in a row (，， 。。 ，。 、、 — counting marks Punct would convert;
// ？！ and ！？ are allowed). Lints use it to point at the place.
func CheckPunct(s string) []PunctIssue {
	t := newText(s)
	var out []PunctIssue
	last := -1 // index of the previous non-blank rune
	for i, r := range t.rs {
		if t.conv[i] {
			out = append(out, PunctIssue{Offset: t.off[i], Kind: HalfWidth, Text: string(r), Want: string(fullWidth(r))})
		}
		if isBlank(r) {
			continue
		}
		if last >= 0 && t.rs[last] != '\n' {
			a, b := t.effective(last), t.effective(i)
			if isPause(a) && isPause(b) && !(a == '？' && b == '！') && !(a == '！' && b == '？') {
				out = append(out, PunctIssue{Offset: t.off[last], Kind: Doubled, Text: string(a) + string(b)})
			}
		}
		last = i
	}
	return out
}

// effective returns the rune at i as Punct would write it.
func (t *text) effective(i int) rune {
	if t.conv[i] {
		return fullWidth(t.rs[i])
	}
	return t.rs[i]
}

// Clause turns a sentence a cadre typed into a clause that a template can
// join with "，" and close with "。": Punct's full-width marks, surrounding
// blanks trimmed, and no trailing 。；，、：！？ (the template adds its own).
// 收到了很好的效果。 → 收到了很好的效果.
func Clause(s string) string {
	s = strings.TrimSpace(Punct(strings.TrimSpace(s)))
	for {
		t := strings.TrimRight(s, " \t\n")
		for _, m := range []string{"。", "；", "，", "、", "：", "！", "？", "…"} {
			t = strings.TrimSuffix(t, m)
		}
		if t == s {
			return s
		}
		s = t
	}
}
