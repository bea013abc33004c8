package pdf

import (
	"bytes"
	"fmt"
	"html"
	imgpng "image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/internal/office"
)

func TestPDFReaders(t *testing.T) {
	cases := []struct {
		fixture  string
		minPages int
		maxPages int
		meta     map[string]string
	}{
		{"liubeiqiao-h1", 3, 3, map[string]string{
			"Title": "柳背桥社区工会2024年上半年工作总结", "Author": "柳背桥社区工会", "Subject": "半年总结",
			"Keywords": "柳背桥社区工会; 2024年上半年; 工作总结", "Creator": "huibao",
			"CreationDate": "Thu Jul  4 16:00:00 2024 UTC", "ModDate": "Thu Jul  4 16:00:00 2024 UTC",
			"Page size": "595.28 x 841.89 pts (A4)", "Encrypted": "no",
		}},
		{"qiaotou-h1-long", 8, 60, map[string]string{"Title": "桥头社区工会2024年上半年工作总结"}},
	}
	for _, c := range cases {
		t.Run(c.fixture, func(t *testing.T) {
			doc := parseFile(t, fixture(c.fixture))
			out := render(t, doc, nil)
			path := writeTemp(t, c.fixture+".pdf", out)

			info := office.Info(t, path)
			for k, v := range c.meta {
				if info[k] != v {
					t.Errorf("pdfinfo %s = %q, want %q", k, info[k], v)
				}
			}
			pages, _ := strconv.Atoi(info["Pages"])
			if pages < c.minPages || pages > c.maxPages {
				t.Errorf("pdfinfo Pages = %d, want %d..%d", pages, c.minPages, c.maxPages)
			}

			// Every font embedded as a subset with a ToUnicode map.
			fonts := office.Fonts(t, path)
			if len(fonts) == 0 {
				t.Fatal("pdffonts lists no font")
			}
			for _, l := range fonts {
				f := strings.Fields(l)
				if !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(f[0]) || !strings.Contains(l, "CID TrueType") ||
					f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
					t.Errorf("pdffonts: not an embedded TrueType subset with ToUnicode: %s", l)
				}
			}

			// Reading order, as a reader copies text: -layout mode puts a
			// mark compressed into its neighbour's box (CLREQ adjacent
			// punctuation, “）。”) on a line of its own.
			text := run(t, "pdftotext", path, "-")
			checkText(t, doc.Meta.Title, text, c.fixture)
			checkBBox(t, path, layout.OfficialProfile())
			if c.fixture == "qiaotou-h1-long" {
				// The 120-row table runs over several pages, its header on each.
				if n := strings.Count(text, "活动名称"); n < 4 {
					t.Errorf("table header appears %d times, want it on each of ≥ 4 pages", n)
				}
			}
			if c.fixture == "liubeiqiao-h1" {
				checkNumbersRight(t, path, []string{"35", "20", "46", "180", "25", "306"})
			}

			// The same input gives the same bytes, also when rendered concurrently.
			var wg sync.WaitGroup
			outs := make([][]byte, 4)
			for i := range outs {
				wg.Add(1)
				go func() { defer wg.Done(); outs[i] = render(t, doc, nil) }()
			}
			wg.Wait()
			for i := range outs {
				if !bytes.Equal(outs[i], out) {
					t.Fatalf("render %d differs from the first (%d vs %d bytes)", i, len(outs[i]), len(out))
				}
			}
		})
	}
}

// checkText: content in order, nothing lost, no forbidden mark at a line start.
func checkText(t *testing.T, title, text, name string) {
	t.Helper()
	// Page numbers interrupt paragraphs that run across pages.
	flat := strings.Join(strings.Fields(regexp.MustCompile(`(?m)^\s*— \d+ —\s*$`).ReplaceAllString(text, "")), "")
	src, _ := os.ReadFile(fixture(name))
	body := string(src[bytes.Index(src, []byte("\n---\n"))+5:])
	// Every paragraph and heading of the source appears, in order.
	pos := strings.Index(flat, title)
	if pos < 0 {
		t.Fatalf("title %q not in the text", title)
	}
	for _, l := range strings.Split(body, "\n") {
		l = strings.TrimLeft(l, "#- ")
		if l == "" || strings.HasPrefix(l, "|") || strings.HasPrefix(l, ":::") {
			continue
		}
		l = strings.ReplaceAll(l, "**", "")
		l = strings.Join(strings.Fields(l), "")
		i := strings.Index(flat[pos:], l)
		if i < 0 {
			t.Errorf("not found in order in pdftotext output: %q", l)
			continue
		}
		pos += i + len(l)
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		r := []rune(l)[0]
		if noStart(r) && !strings.HasPrefix(l, "— ") {
			t.Errorf("line starts with %q: %s", r, l)
		}
		if last := []rune(l)[len([]rune(l))-1]; noEnd(last) {
			t.Errorf("line ends with %q: %s", last, l)
		}
	}
}

type word struct {
	x0, y0, x1, y1 float64
	text           string
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>`)
var pageRE = regexp.MustCompile(`(?s)<page width="[\d.]+" height="([\d.]+)">(.*?)</page>`)

// checkBBox measures the text with pdftotext -bbox: left edge, top, right
// edge (a closing mark compressed at a line end keeps its full advance in the
// reader's box, half a character past the edge), and the line pitch. Top and
// pitch are taken from words one em high (the 宋 and 楷 faces); the 黑体's
// box is taller (ascender 1.04 em) and starts 2.6 pt higher on the same baseline.
func checkBBox(t *testing.T, path string, p *layout.Profile) {
	t.Helper()
	data, err := os.ReadFile(office.WordBoxes(t, path))
	if err != nil {
		t.Fatal(err)
	}
	left, right, top := math.Inf(1), 0.0, math.Inf(1)
	for _, pg := range pageRE.FindAllStringSubmatch(string(data), -1) {
		var ys []float64
		for _, m := range wordRE.FindAllStringSubmatch(pg[2], -1) {
			f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
			w := word{f(1), f(2), f(3), f(4), html.UnescapeString(m[5])}
			if w.y0 > p.Top+p.AreaH { // the page number
				continue
			}
			left = math.Min(left, w.x0)
			r := w.x1
			if last := []rune(w.text)[len([]rune(w.text))-1]; compressible(last) {
				r -= p.BodySize / 2
			}
			right = math.Max(right, r)
			// Words 1 em high: the 宋 and 楷 faces at body size, whose tops
			// sit on the grid (the 黑体's taller box and table text do not).
			if h := w.y1 - w.y0; math.Abs(h-p.BodySize) < 0.5 {
				ys = append(ys, w.y0)
				top = math.Min(top, w.y0)
			} else if math.Abs(h-p.TitleSize) < 0.5 {
				top = math.Min(top, w.y0)
			}
		}
		sort.Float64s(ys)
		for i := 1; i < len(ys); i++ {
			if d := ys[i] - ys[i-1]; d > 1 && d < 60 {
				k := math.Round(d / p.LinePitch())
				if math.Abs(d-k*p.LinePitch()) > 0.05 {
					t.Errorf("lines %.2f apart, not on the %.2f pt grid", d, p.LinePitch())
				}
			}
		}
	}
	check := func(what string, got, want float64) {
		if math.Abs(got-want) > 0.3 {
			t.Errorf("%s = %.1f pt, want %.1f", what, got, want)
		}
	}
	check("left edge", left, p.Left)
	check("right edge", right, p.Left+p.AreaW)
	check("top", top, p.Top)
}

// checkNumbersRight: numbers in a --: column share one right edge.
func checkNumbersRight(t *testing.T, path string, nums []string) {
	t.Helper()
	data, _ := os.ReadFile(office.WordBoxes(t, path))
	edges := map[string]float64{}
	for _, m := range wordRE.FindAllStringSubmatch(string(data), -1) {
		x1, _ := strconv.ParseFloat(m[3], 64)
		edges[m[5]] = x1
	}
	want := edges[nums[0]]
	for _, n := range nums {
		if x, ok := edges[n]; !ok || math.Abs(x-want) > 0.1 {
			t.Errorf("number %s ends at %.1f (found %v), want %.1f like %s", n, x, ok, want, nums[0])
		}
	}
	if p := layout.OfficialProfile(); want < p.Left+p.AreaW-14 || want > p.Left+p.AreaW {
		t.Errorf("numbers end at %.1f, want just inside the table's right rule %.1f", want, p.Left+p.AreaW)
	}
}

// TestLayoutCheckScript runs the project's independent checker,
// shared/tools/pdf-layout-check.py, when the shared folder is beside the repo.
func TestLayoutCheckScript(t *testing.T) {
	script, _ := filepath.Abs("../../../shared/tools/pdf-layout-check.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("shared/tools not beside the repository (%v)", err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 not found: install the Debian package python3")
	}
	out := render(t, parseFile(t, fixture("qiaotou-h1-long")), nil)
	path := writeTemp(t, "long.pdf", out)
	res := run(t, "python3", script, office.WordBoxes(t, path))
	var left, right, top float64
	var pages int
	if _, err := fmtSscanf(res, &left, &right, &top, &pages); err != nil {
		t.Fatalf("checker output %q: %v", res, err)
	}
	// Top: a page that opens with a 一、 heading in Droid Sans Fallback
	// reports that face's taller box (ascender 1.04 em), 2.6 pt above the
	// baseline grid the ink sits on; GB/T 9704 allows 37 ± 1 mm.
	if math.Abs(left-79.4) > 0.3 || top < 36*72/25.4 || top > 104.9+0.3 {
		t.Errorf("checker: %s", res)
	}
	// The checker counts a compressed closing mark at a line end at its full
	// advance: the right edge it reports is at most half a character out.
	if right < 521.3 || right > 521.6+8.3 {
		t.Errorf("checker: %s", res)
	}
	if strings.Contains(res, "LINESTART") {
		t.Errorf("checker found lines starting with forbidden marks:\n%s", res)
	}
}

// TestCompactProfile measures the compact profile's type area.
func TestCompactProfile(t *testing.T) {
	doc := parseFile(t, fixture("liubeiqiao-h1"))
	out, err := Render(doc, Options{Fonts: testFonts(t), Profile: layout.CompactProfile()})
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "compact.pdf", out)
	p := layout.CompactProfile()
	checkBBox(t, path, p)
	if n := office.Info(t, path)["Pages"]; n != "2" {
		t.Errorf("compact pages = %s, want 2", n)
	}
}

func fmtSscanf(s string, left, right, top *float64, pages *int) (int, error) {
	return fmt.Sscanf(s, "left=%f right=%f top=%f pages=%d", left, right, top, pages)
}

// TestBeyondBMP: a character beyond U+FFFF (𠮷, from LXGW WenKai) copies and
// searches as itself, not as "₻" (the first four hex digits of its code).
func TestBeyondBMP(t *testing.T) {
	needFile(t, wenkai)
	fonts, err := LoadFonts(FontConfig{Body: songFile + string(filepath.ListSeparator) + wenkai, Title: songFile, Heading: heiFile, Kaiti: kaiFile, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := markdown.Parse([]byte("吉祥的“𠮷”字。\n"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(doc, Options{Fonts: fonts})
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "bmp.pdf", out)
	text := run(t, "pdftotext", path, "-")
	if !strings.Contains(text, "吉祥的“𠮷”字") {
		t.Errorf("pdftotext: %q", text)
	}
	// pdfinfo finds every object: the cross-reference table was moved with them.
	if office.Info(t, path)["Pages"] != "1" {
		t.Error("pdfinfo cannot read the file")
	}
}

// TestPageNumberDash measures the page number's dashes in the rendered page:
// GB/T 9704-2012 7.5 puts them (一字线) 7 mm below the type area.
func TestPageNumberDash(t *testing.T) {
	for _, p := range []*layout.Profile{layout.OfficialProfile(), layout.CompactProfile()} {
		out := render(t, parseFile(t, fixture("liubeiqiao-h1")), p)
		path := writeTemp(t, "pn.pdf", out)
		const dpi = 150
		png := filepath.Join(t.TempDir(), "p1.png")
		office.PagePNG(t, path, 1, dpi, png)
		f, err := os.Open(png)
		if err != nil {
			t.Fatal(err)
		}
		img, err := imgpng.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		px := func(pt float64) int { return int(pt * dpi / 72) }
		bottom := p.Top + p.AreaH
		// Page 1 is odd: the number is at the right; its first dash starts
		// about 4 characters in from the right edge of the type area.
		x0, x1 := px(p.Left+p.AreaW-5*p.PageNumSize), px(p.Left+p.AreaW-p.PageNumSize)
		var rows []int
		for y := px(bottom); y < px(p.PageH); y++ {
			for x := x0; x < x1; x++ {
				if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
					rows = append(rows, y)
					break
				}
			}
		}
		if len(rows) == 0 {
			t.Fatalf("%s: no ink below the type area", p.Name)
		}
		// The dash is the thin run of rows nearest the type area.
		first, last := rows[0], rows[0]
		for _, y := range rows[1:] {
			if y == last+1 {
				last = y
			}
		}
		mid := float64(first+last) / 2 * 72 / dpi
		if got, want := (mid-bottom)*25.4/72, p.PageNumGap*25.4/72; math.Abs(got-want) > 0.3 {
			t.Errorf("%s: dash %.1f mm below the type area, want %.1f", p.Name, got, want)
		}
	}
}
