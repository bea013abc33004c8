package docx

import (
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/office"
)

// word is a word of pdftotext -bbox, in points from the page's top left.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

func bboxPages(t *testing.T, pdf string) [][]word {
	t.Helper()
	b, err := os.ReadFile(office.WordBoxes(t, pdf))
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	var pages [][]word
	for _, p := range regexp.MustCompile(`(?s)<page [^>]*>(.*?)</page>`).FindAllStringSubmatch(src, -1) {
		var ws []word
		for _, m := range regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>`).FindAllStringSubmatch(p[1], -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			ws = append(ws, word{f(m[1]), f(m[2]), f(m[3]), f(m[4]), html.UnescapeString(m[5])})
		}
		pages = append(pages, ws)
	}
	return pages
}

// TestLibreOffice converts a real report (a street's year, with a table
// that runs over a page) with LibreOffice Writer and reads the PDF back:
// A4, the faces LibreOffice substituted for each role, the margins within
// 1 mm of GB/T 9704's, 22 lines of text on a full page, and the page
// numbers at the right on odd pages and at the left on even ones.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("runs LibreOffice")
	}
	p := layout.OfficialProfile()
	dir := t.TempDir()
	docx := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(docx, render(t, parseFile(t, report), p), 0o644); err != nil {
		t.Fatal(err)
	}
	o, err := office.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pdf := o.DocumentPDF(t, docx)

	var w, h float64
	if m := regexp.MustCompile(`^([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(office.Info(t, pdf)["Page size"]); m != nil {
		w, _ = strconv.ParseFloat(m[1], 64)
		h, _ = strconv.ParseFloat(m[2], 64)
	}
	if math.Abs(w-p.PageW) > 0.5 || math.Abs(h-p.PageH) > 0.5 {
		t.Errorf("page %.2f × %.2f pt, want A4 %.2f × %.2f", w, h, p.PageW, p.PageH)
	}

	fonts := strings.Join(office.Fonts(t, pdf), "\n")
	for role, face := range map[string]string{"仿宋, 小标宋 (AR PL SungtiL GB)": "BousungEG-Light-GB", "黑体 (Droid Sans Fallback)": "DroidSansFallback", "楷体 (AR PL KaitiM GB)": "GBZenKai-Medium"} {
		if !strings.Contains(fonts, face) {
			t.Errorf("no text in %s:\n%s", role, fonts)
		}
	}

	const mm = 72 / 25.4
	pitch := float64(geometryOf(p).linePitch) / 20 // Word's grid: 579 twips
	left, right, top, bottom := p.Left, p.Left+p.AreaW, p.Top, p.Top+p.AreaH
	pages := bboxPages(t, pdf)
	if len(pages) < 8 {
		t.Fatalf("%d pages, want the report's 8 or more", len(pages))
	}
	// Words by the height of their box: the body (3号) is about 1.3 × 16 pt
	// high in these faces, the title (2号) higher, tables (4号) lower.
	bodyBox := 1.3 * p.BodySize
	full, plain := 0, 0
	var cols []float64
	minX, maxX := math.Inf(1), math.Inf(-1)
	for i, ws := range pages {
		var foot []word
		var lines []float64 // the feet of the lines of body text, top down
		table := false
		first := math.Inf(1)
		text, starts, ends := map[float64]string{}, map[float64]bool{}, map[float64]bool{}
		for _, x := range ws {
			switch hgt := x.y1 - x.y0; {
			case x.y0 > bottom:
				foot = append(foot, x)
				continue
			case hgt < 0.95*bodyBox:
				table = true
			case hgt < 1.05*bodyBox:
				k := sort.SearchFloat64s(lines, x.y1-1)
				if k == len(lines) || lines[k] > x.y1+1 {
					lines = append(lines, x.y1)
					sort.Float64s(lines)
					k = sort.SearchFloat64s(lines, x.y1-1)
				}
				text[lines[k]] += x.text
				if x.x0 < left+mm {
					starts[lines[k]] = true
				}
				if x.x1 > right-mm {
					ends[lines[k]] = true
				}
			}
			first = min(first, x.y1)
			minX, maxX = min(minX, x.x0), max(maxX, x.x1)
			if x.y1 > bottom+0.5 {
				t.Errorf("page %d: %q ends at %.1f pt, below the type area (%.1f)", i+1, x.text, x.y1, bottom)
			}
		}
		// LibreOffice sets text at the foot of its exact-height line: the
		// first line's slot starts one pitch above its foot.
		if !table && math.Abs(first-pitch-top) > mm {
			t.Errorf("page %d: first line from %.1f pt, want the top margin %.1f ± 1 mm", i+1, first-pitch, top)
		}
		if len(lines) > p.Rows {
			t.Errorf("page %d: %d lines, more than %d", i+1, len(lines), p.Rows)
		}
		// A line that runs from margin to margin holds 28 characters (a
		// digit or Latin letter is half of one).
		for y, full := range starts {
			if full && ends[y] {
				cols = append(cols, width(text[y]))
			}
		}
		if !table && i < len(pages)-1 {
			// The lines' slots from the first (the title on page 1) to the
			// last: a full page uses all of them. A page that ends early
			// keeps a heading with its text, or the signature together.
			if len(lines) > 0 && int(math.Round((lines[len(lines)-1]-first)/pitch))+1 == p.Rows {
				full++
			}
			plain++
			for k := 1; k < len(lines); k++ {
				if d := lines[k] - lines[k-1]; math.Abs(d-pitch*math.Round(d/pitch)) > 0.3 {
					t.Errorf("page %d: lines %.1f pt apart, off the %.2f pt grid", i+1, d, pitch)
					break
				}
			}
		}
		// "— N —", odd pages at the right, even pages at the left, one 4号
		// character in.
		var num strings.Builder
		x0, x1 := math.Inf(1), math.Inf(-1)
		for _, x := range foot {
			num.WriteString(x.text)
			x0, x1 = min(x0, x.x0), max(x1, x.x1)
		}
		if want := fmt.Sprintf("—%d—", i+1); num.String() != want {
			t.Errorf("page %d: footer %q, want %q", i+1, num.String(), want)
		} else if n := i + 1; n%2 == 1 && math.Abs(x1-(right-p.PageNumSize)) > mm || n%2 == 0 && math.Abs(x0-(left+p.PageNumSize)) > mm {
			t.Errorf("page %d: page number from %.1f to %.1f pt, want one character in from the %s", n, x0, x1, map[bool]string{true: "right", false: "left"}[n%2 == 1])
		}
	}
	if math.Abs(minX-left) > mm || math.Abs(maxX-right) > mm {
		t.Errorf("text from %.1f to %.1f pt, want the margins %.1f and %.1f ± 1 mm", minX, maxX, left, right)
	}
	sort.Float64s(cols)
	if len(cols) < 50 || math.Abs(cols[len(cols)/2]-float64(p.Cols)) > 1 {
		t.Errorf("lines from margin to margin hold %v characters, want %d", cols, p.Cols)
	}
	if full < 2*plain/3 {
		t.Errorf("%d of %d pages without a table use all %d lines", full, plain, p.Rows)
	}
	t.Logf("LibreOffice: %d pages; %d of the %d without a table, but the last, use all %d lines; %d full lines, median %.1f characters; text from %.1f to %.1f pt (margins %.1f, %.1f)",
		len(pages), full, plain, p.Rows, len(cols), cols[len(cols)/2], minX, maxX, left, right)

	if dir := golden.Images(); dir != "" {
		for _, i := range []int{1, 7} {
			office.PagePNG(t, pdf, i, 60, filepath.Join(dir, fmt.Sprintf("docx-libreoffice-%d.png", i)))
		}
	}
}
