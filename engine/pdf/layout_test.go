package pdf

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/layout"

	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/pdf/font"
	"github.com/huibao/huibao/internal/golden"
)

// TestGolden compares the recorded drawing of each fixture with its golden
// file (go test -update rewrites them; review the diff).
func TestGolden(t *testing.T) {
	cases := []struct {
		fixture string
		profile *layout.Profile
		golden  string
	}{
		{"liubeiqiao-h1", nil, "testdata/liubeiqiao-h1.official.golden"},
		{"liubeiqiao-h1", layout.CompactProfile(), "testdata/liubeiqiao-h1.compact.golden"},
		{"qiaotou-h1-long", nil, "testdata/qiaotou-h1-long.official.golden"},
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			d, err := Layout(parseFile(t, fixture(c.fixture)), Options{Fonts: testFonts(t), Profile: c.profile})
			if err != nil {
				t.Fatal(err)
			}
			var r Recorder
			if err := d.Draw(&r); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, c.golden, []byte(r.String()))
		})
	}
}

func layoutString(t *testing.T, md string, p *layout.Profile) (*Document, string) {
	t.Helper()
	doc, err := markdown.Parse([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Layout(doc, Options{Fonts: testFonts(t), Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	var r Recorder
	if err := d.Draw(&r); err != nil {
		t.Fatal(err)
	}
	return d, r.String()
}

// TestGrid checks the GB/T 9704 grid: a page of plain ideographs holds
// exactly 22 lines of 28 characters, at the type area's edges and pitch.
func TestGrid(t *testing.T) {
	for _, p := range []*layout.Profile{layout.OfficialProfile(), layout.CompactProfile()} {
		para := strings.Repeat("汇", 2*p.Cols*p.Rows)
		_, rec := layoutString(t, para+"\n", p)
		var lines []string
		var ys, xs []float64
		for _, l := range strings.Split(rec, "\n") {
			if l == "page 2" {
				break
			}
			var x, y, tc float64
			var s string
			if n, _ := fmt.Sscanf(l, "text (%f,%f) tc %f '%s", &x, &y, &tc, &s); n == 4 && strings.HasPrefix(s, "汇") {
				lines = append(lines, strings.TrimSuffix(s, "'"))
				ys = append(ys, y)
				xs = append(xs, x)
			}
		}
		if len(lines) != p.Rows {
			t.Fatalf("%s: %d lines on page 1, want %d", p.Name, len(lines), p.Rows)
		}
		for i, l := range lines {
			want := p.Cols
			if i == 0 {
				want -= 2 // indent
			}
			if n := utf8.RuneCountInString(l); n != want {
				t.Errorf("%s: line %d has %d characters, want %d", p.Name, i+1, n, want)
			}
			if i > 0 && math.Abs(ys[i]-ys[i-1]-p.LinePitch()) > 0.1 { // the recording rounds to 0.1
				t.Errorf("%s: line pitch %.2f, want %.2f", p.Name, ys[i]-ys[i-1], p.LinePitch())
			}
		}
		if span := ys[len(ys)-1] - ys[0]; math.Abs(span-float64(p.Rows-1)*p.LinePitch()) > 0.1 {
			t.Errorf("%s: first to last baseline %.2f, want %.2f", p.Name, span, float64(p.Rows-1)*p.LinePitch())
		}
		if math.Abs(xs[1]-p.Left) > 0.05 || math.Abs(xs[0]-p.Left-2*p.Pitch()) > 0.05 {
			t.Errorf("%s: lines start at %.2f (first %.2f), want %.2f", p.Name, xs[1], xs[0], p.Left)
		}
	}
}

func TestMissingGlyph(t *testing.T) {
	doc, _ := markdown.Parse([]byte("正文有生僻字𠀀和\U0002A6A5。\n"))
	_, err := Layout(doc, Options{Fonts: testFonts(t)})
	var mg *font.MissingGlyphError
	if !errors.As(err, &mg) {
		t.Fatalf("err = %v, want a MissingGlyphError", err)
	}
	want := "字体缺少字形：“𠀀”（U+20000）、“\U0002A6A5”（U+2A6A5） 在“正文”字体（gbsn00lp）和其他已安装的字体中都没有，无法写入 PDF。请改写这些字符，或安装/指定包含它们的 TrueType 字体（如 fonts-lxgw-wenkai 的 LXGWWenKai-Regular.ttf）"
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
}

// TestFallback: Droid Sans Fallback, the heading face, has no digits nor “ ”;
// they come from the next face of the chain, the body 宋体.
func TestFallback(t *testing.T) {
	_, rec := layoutString(t, "# 一、“2024年”工作\n", nil)
	// One baseline for the line, the body face's.
	// 、 before “ gives up (most of) its blank half: CLREQ adjacent punctuation.
	want := "font DroidSansFallbackFull 16\ntext (111.0,118.9) tc -0.21 '一'\ntext (126.7,118.9) tc -7.41 '、'\n" +
		"font gbsn00lp 16\ntext (135.3,118.9) tc -0.21 '“2024'\n" +
		"font DroidSansFallbackFull 16\ntext (182.3,118.9) tc -0.21 '年'\n" +
		"font gbsn00lp 16\ntext (198.1,118.9) tc -0.21 '”'\n" +
		"font DroidSansFallbackFull 16\ntext (213.9,118.9) tc -0.21 '工作'\n"
	if !strings.Contains(rec, want) {
		t.Errorf("recording:\n%s\nwant it to contain\n%s", rec, want)
	}
}

func TestUnsupported(t *testing.T) {
	doc, _ := markdown.Parse([]byte("正文\n\n![图](a.png)\n"))
	_, err := Layout(doc, Options{Fonts: testFonts(t)})
	if err == nil || err.Error() != "3: PDF 不支持 Markdown 元素“图片”，请从模板中去掉它" {
		t.Errorf("err = %v", err)
	}
	doc, _ = markdown.Parse([]byte("<div>\nx\n</div>\n"))
	_, err = Layout(doc, Options{Fonts: testFonts(t)})
	if err == nil || err.Error() != "1: PDF 不支持 Markdown 元素“HTML 块”，请从模板中去掉它" {
		t.Errorf("err = %v", err)
	}
	if _, err := Layout(doc, Options{}); err == nil || err.Error() != "没有加载字体：请先调用 pdf.LoadFonts" {
		t.Errorf("err = %v", err)
	}
}

// TestSignature follows GB/T 9704-2012 7.3.5.2: the union right-indented two
// characters with the date's first character two characters right of the
// union's, unless the date would then pass the union's right edge: then the
// date is right-indented two characters and the union moves left.
func TestSignature(t *testing.T) {
	p := layout.OfficialProfile()
	ch := p.Pitch()
	edge := p.Left + p.AreaW - 2*ch
	cases := []struct {
		name, date string
		nameW      float64 // advance widths as set: ideographs at the pitch, digits half
		dateW      float64
		wantNameX  float64
	}{
		// A 7-character union and a date 6.5 characters wide: the date is longer than the union minus 2.
		{"柳背桥社区工会", "2024年7月5日", 7 * ch, 3*ch + 6*(8+ch-16), edge - (3*ch + 6*(8+ch-16)) - 2*ch},
		// A 14-character union: it is right-indented two characters, the date steps in under it.
		{"中华全国总工会柳背桥社区工会", "2024年7月5日", 14 * ch, 3*ch + 6*(8+ch-16), edge - 14*ch},
	}
	for _, c := range cases {
		_, rec := layoutString(t, "正文。\n\n::: {.signature}\n"+c.name+"\n\n"+c.date+"\n:::\n", nil)
		var nameX, dateX, nameY, dateY float64
		for _, l := range strings.Split(rec, "\n") {
			var x, y, tc float64
			var s string
			if n, _ := fmt.Sscanf(l, "text (%f,%f) tc %f '%s", &x, &y, &tc, &s); n == 4 {
				switch strings.TrimSuffix(s, "'") {
				case c.name:
					nameX, nameY = x, y
				case c.date:
					dateX, dateY = x, y
				}
			}
		}
		if math.Abs(nameX-c.wantNameX) > 0.1 {
			t.Errorf("%s: union at x %.1f, want %.1f", c.name, nameX, c.wantNameX)
		}
		if math.Abs(dateX-nameX-2*ch) > 0.1 {
			t.Errorf("%s: date starts %.1f right of the union, want two characters (%.1f)", c.name, dateX-nameX, 2*ch)
		}
		if dateX+c.dateW > edge+0.1 || nameX+c.nameW > edge+0.1 {
			t.Errorf("%s: the block passes the right indent of two characters", c.name)
		}
		if math.Abs(dateY-nameY-p.LinePitch()) > 0.1 || math.Abs(nameY-(p.Top+2*p.LinePitch()+14.06)) > 0.1 {
			t.Errorf("%s: union at y %.1f, date at %.1f: want one blank line after the text, date on the next line", c.name, nameY, dateY)
		}
	}
}

// TestOnlyDroid: with only fonts-droid-fallback, which has no ASCII digits,
// the error is about the machine's fonts (what to install), not a request
// to rewrite the digits.
func TestOnlyDroid(t *testing.T) {
	needFile(t, heiFile)
	fonts, err := LoadFonts(FontConfig{Title: heiFile, Heading: heiFile, Kaiti: heiFile, Body: heiFile, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := markdown.Parse([]byte("# 十四、2026年工作思路\n"))
	_, err = Layout(doc, Options{Fonts: fonts})
	var mg *font.MissingGlyphError
	if !errors.As(err, &mg) || !mg.Machine() {
		t.Fatalf("err = %v, want a MissingGlyphError of the machine", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "字体缺少常用字符：“2”（U+0032）、“0”（U+0030）、“6”（U+0036）") ||
		!strings.Contains(msg, "fonts-wqy-microhei") || strings.Contains(msg, "改写") {
		t.Errorf("message: %s", msg)
	}
}
