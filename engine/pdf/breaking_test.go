package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// fakeGlyphs shapes text with a 1-unit em: wide characters 1, others ½,
// full-width closing marks compressible by ½.
func fakeGlyphs(text string) []glyph {
	var g []glyph
	for i, r := range text {
		w := 0.5
		if uniseg.StringWidth(string(r)) == 2 || r == '“' || r == '”' || r == '—' || r == '…' {
			w = 1
		}
		x := glyph{r: r, off: int32(i), w: w, space: r == ' '}
		if compressible(r) && w == 1 {
			x.half = 0.5
		}
		g = append(g, x)
	}
	setBreaks(text, g)
	return g
}

func breakString(text string, width float64) string {
	g := fakeGlyphs(text)
	ends := breakLines(g, width, width, 1, nil)
	var lines []string
	start := 0
	for _, e := range ends {
		lines = append(lines, text[g[start].off:int(g[e-1].off)+len(string(g[e-1].r))])
		start = e
	}
	return strings.Join(lines, "|")
}

func TestBreakLines(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width float64
		want  string
	}{
		{"plain ideographs fill lines", "一二三四五六七八九十", 4, "一二三四|五六七八|九十"},
		{"a comma is squeezed in rather than starting a line", "一二三四五，六七", 5, "一二三四五，|六七"},
		{"too much to squeeze: the line breaks earlier", "一二三四五六，七", 5, "一二三四五|六，七"},
		{"pushed out when squeezing is not enough", "一二三”。四", 3, "一二|三”。|四"},
		{"no ？ ！ at a line start", "一二三四？五六七八！", 4, "一二三|四？五六|七八！"},
		{"no opening bracket at a line end", "一二三（四五）", 4, "一二三|（四五）"},
		{"a break before “ and after ” (UAX #14 allows neither)", "一二三“四五”六", 4, "一二三|“四五”|六"},
		{"“ may start a line, ” may not", "一二三“四”", 3, "一二三|“四”"},
		{"a number stays with its unit; no single character on the last line", "共计152人次参加", 5, "共计|152人次|参加"},
		{"units of the unit list: 幢 公顷 千克 间", "计12幢楼3公顷地5千克米8间房", 3.5, "计12幢|楼3公顷|地5千克|米8间房"},
		{"approximate and scaled units: 余场 多万元", "办了12余场花2多万元", 4, "办了|12余场花|2多万元"},
		{"a paragraph's last line takes a second character", "一二三四五六七八九", 4, "一二三四|五六七|八九"},
		{"a URL breaks after / and . but not inside 4509.50", "见www.example.org/a/b 4509.50", 5, "见www.|example.|org/a/b |4509.50"},
		{"adjacent marks take one and a half em", "一二三），四五", 4, "一二三），|四五"},
		{"a number stays with 元", "收取会费4509.50元", 6, "收取会费|4509.50元"},
		{"a date keeps 年 月 日 with their numbers", "今年2024年12月31日开会", 4, "今年|2024年|12月31日|开会"},
		{"no break before or inside ——", "一二三四——五", 5, "一二三|四——五"},
		{"no break before or inside ……", "一二三四……五", 5, "一二三|四……五"},
		{"Latin words stay whole", "开设WiFi学习专区", 3, "开设|WiFi学|习专区"},
		{"Latin words break at spaces", "open the door", 4, "open the |door"},
		{"a hard break", "一二\n三四", 10, "一二\n|三四"},
		{"an unbreakable run longer than the line is cut", "abcdefghij", 2, "abcd|efgh|ij"},
	}
	for _, c := range cases {
		if got := breakString(c.text, c.width); got != c.want {
			t.Errorf("%s: %q in %g:\n got %s\nwant %s", c.name, c.text, c.width, got, c.want)
		}
	}
}

// TestUAX14Shortfalls documents what plain UAX #14 does and the tailoring undoes.
func TestUAX14Shortfalls(t *testing.T) {
	canBreakAfter := func(s, prefix string) bool {
		state, pos := -1, 0
		for rest := s; len(rest) > 0; {
			var c string
			var b int
			c, rest, b, state = uniseg.StepString(rest, state)
			pos += len(c)
			if pos == len(prefix) {
				return b&uniseg.MaskLine != uniseg.LineDontBreak
			}
		}
		return false
	}
	if !canBreakAfter("12次", "12") {
		t.Error("uniseg no longer breaks between a number and its unit: the tailoring may be redundant")
	}
	if canBreakAfter("造“文明", "造") {
		t.Error("uniseg now breaks before “: the tailoring may be redundant")
	}
	if !canBreakAfter("一——", "一") {
		t.Error("uniseg no longer breaks before ——")
	}
	g := fakeGlyphs("12次")
	if g[1].brk != noBreak {
		t.Error("tailored: 12|次 must not break")
	}
}

func TestLineWidth(t *testing.T) {
	g := fakeGlyphs("一二，")
	if w, n := lineWidth(g); w != 2.5 || n != 3 {
		t.Errorf("lineWidth = %g, %d; want 2.5 (comma compressed), 3", w, n)
	}
	g = fakeGlyphs("ab  ")
	if w, n := lineWidth(g); w != 1 || n != 2 {
		t.Errorf("lineWidth = %g, %d; want 1 (spaces dropped), 2", w, n)
	}
}

// FuzzBreakLines: lines cover the text in order, never end or start with a
// forbidden mark unless the line is a forced cut, and fit their width.
func FuzzBreakLines(f *testing.F) {
	f.Add("柳背桥社区工会在社区党委的直接领导下，共收取会费4509.50元。", 5.0)
	f.Add("打造“文明和谐社区”——而努力奋斗……WiFi 12次（一）", 3.0)
	f.Add("a\nb  c\u0301d👍🏽e", 1.5)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width < 1 || width > 100 || len(text) > 2000 {
			return
		}
		g := fakeGlyphs(text)
		ends := breakLines(g, width, width, 1, nil)
		prev := 0
		for _, e := range ends {
			if e <= prev || e > len(g) {
				t.Fatalf("ends %v not increasing within %d glyphs", ends, len(g))
			}
			line := g[prev:e]
			w, _ := lineWidth(line)
			forced := line[len(line)-1].brk == noBreak && e != len(g) || line[len(line)-1].brk == mustBreak
			if !forced && w > width+line[len(line)-1].half+1e-6 && len(line) > 1 {
				// Allowed only when a single unbreakable piece is wider than the line.
				if longestPiece(line) <= width {
					t.Fatalf("line %q is %g wide, over %g", string(runesOf(line)), w, width)
				}
			}
			if !forced && e < len(g) && (noStart(g[e].r) || noEnd(g[e-1].r)) && g[e-1].r != '\n' {
				t.Fatalf("break between %q and %q", g[e-1].r, g[e].r)
			}
			prev = e
		}
		if len(g) > 0 && prev != len(g) {
			t.Fatalf("lines end at %d of %d glyphs", prev, len(g))
		}
	})
}

func runesOf(g []glyph) []rune {
	var rs []rune
	for _, x := range g {
		rs = append(rs, x.r)
	}
	return rs
}
