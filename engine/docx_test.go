package engine_test

import (
	"archive/zip"
	"encoding/json"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/office"
)

// TestDOCXReadBack reads huibao's Word files back with pandoc's DOCX reader
// and its Markdown with pandoc's Markdown reader: the title, the headings
// with their levels, the paragraphs, the tables cell by cell and every
// character of the text must be the same. Between them the reports have
// a salutation, two heading levels, a table and the signature.
func TestDOCXReadBack(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Fatal("pandoc is needed (Debian package pandoc)")
	}
	eng, _ := engine.New(engine.Options{})
	for _, c := range []struct{ fixture, template string }{
		{"liubeiqiao-2024-h1.yaml", "汇报材料"},
		{"shixinlu-street-2024.yaml", "年度总结"},
		{"zhangqi-town-2024-h1.yaml", "h1-summary-h2-plan"},
	} {
		res := render(t, eng, engine.Request{Path: "../fixtures/" + c.fixture, Template: c.template, Formats: []string{"md", "docx"}})
		dir := t.TempDir()
		md, docx := filepath.Join(dir, "r.md"), filepath.Join(dir, "r.docx")
		os.WriteFile(md, res.Outputs[0].Data, 0o644)
		os.WriteFile(docx, res.Outputs[1].Data, 0o644)
		want, got := pandocBlocks(t, md, "markdown"), pandocBlocks(t, docx, "docx")
		if len(want) < 10 {
			t.Fatalf("%s: pandoc reads only %d blocks from the Markdown", c.fixture, len(want))
		}
		kinds := map[string]int{}
		for _, l := range want {
			k, _, _ := strings.Cut(l, " ")
			kinds[k[:1]+map[bool]string{true: "itle"}[k == "Title"]]++
		}
		t.Logf("%s %s: title, %d headings, %d paragraphs, %d tables", c.fixture, c.template, kinds["H"], kinds["P"], kinds["T"])
		if kinds["Title"] != 1 {
			t.Errorf("%s: no title", c.fixture)
		}
		for i := range max(len(want), len(got)) {
			var w, g string
			if i < len(want) {
				w = want[i]
			}
			if i < len(got) {
				g = got[i]
			}
			if w != g {
				t.Errorf("%s %s: block %d of the DOCX as pandoc reads it:\n got %s\nwant %s (from the Markdown)", c.fixture, c.template, i+1, g, w)
				break
			}
		}
	}
}

// pandocBlocks reads a file with pandoc and returns its title and its
// blocks, one line each: "H1 text", "P text", "T cell|cell/cell|cell".
// Divs are opened: the DOCX has none, its custom styles are paragraphs.
func pandocBlocks(t *testing.T, path, from string) []string {
	t.Helper()
	out, err := exec.Command("pandoc", "-f", from, "-t", "json", path).Output()
	if err != nil {
		t.Fatalf("pandoc -f %s %s: %v", from, path, err)
	}
	var doc struct {
		Meta   map[string]any `json:"meta"`
		Blocks []any          `json:"blocks"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var lines []string
	if title, ok := doc.Meta["title"].(map[string]any); ok {
		lines = append(lines, "Title "+stringify(title["c"]))
	}
	var walk func(blocks []any)
	walk = func(blocks []any) {
		for _, b := range blocks {
			b := b.(map[string]any)
			c := b["c"]
			switch b["t"] {
			case "Header":
				h := c.([]any)
				lines = append(lines, "H"+strings.TrimSuffix(strings.TrimSuffix(jsonString(h[0]), ".0"), "\n")+" "+stringify(h[2]))
			case "Para", "Plain":
				lines = append(lines, "P "+stringify(c))
			case "Div":
				walk(c.([]any)[1].([]any))
			case "Table":
				// [attr, caption, colspecs, head, bodies, foot]; head and
				// foot are [attr, rows], a body [attr, n, head rows, rows],
				// a row [attr, cells], a cell [attr, align, rows, cols, blocks].
				tb := c.([]any)
				var rows []any
				rows = append(rows, tb[3].([]any)[1].([]any)...)
				for _, body := range tb[4].([]any) {
					bd := body.([]any)
					rows = append(rows, bd[2].([]any)...)
					rows = append(rows, bd[3].([]any)...)
				}
				var rs []string
				for _, r := range rows {
					var cells []string
					for _, cell := range r.([]any)[1].([]any) {
						cells = append(cells, stringify(cell.([]any)[4]))
					}
					rs = append(rs, strings.Join(cells, "|"))
				}
				lines = append(lines, "T "+strings.Join(rs, "/"))
			default:
				lines = append(lines, "? "+jsonString(b["t"]))
			}
		}
	}
	walk(doc.Blocks)
	return lines
}

// stringify is the text of pandoc inlines or blocks.
func stringify(v any) string {
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			switch x["t"] {
			case "Str":
				b.WriteString(x["c"].(string))
			case "Space":
				b.WriteString(" ")
			case "SoftBreak":
			case "LineBreak":
				b.WriteString("\n")
			case "Code", "Math":
				b.WriteString(x["c"].([]any)[1].(string))
			case "Quoted": // pandoc's Markdown reader makes “…” a quotation
				open, close := "“", "”"
				if x["c"].([]any)[0].(map[string]any)["t"] == "SingleQuote" {
					open, close = "‘", "’"
				}
				b.WriteString(open)
				walk(x["c"].([]any)[1])
				b.WriteString(close)
			case "Link", "Image", "Span":
				walk(x["c"].([]any)[1])
			default:
				walk(x["c"])
			}
		}
	}
	walk(v)
	return b.String()
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}

// TestPandocReference converts a report's Markdown with pandoc and the
// reference document huibao init writes: the title is printed once, with
// no second signature (pandoc's Author and Date paragraphs) under it; the
// salutation and signature divs get 称谓 and 落款; the page setup, grid and
// footers are huibao's.
func TestPandocReference(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Fatal("pandoc is needed (Debian package pandoc)")
	}
	eng, _ := engine.New(engine.Options{})
	res := render(t, eng, engine.Request{Path: "../fixtures/liubeiqiao-2024-h1.yaml", Template: "汇报材料", Formats: []string{"md"}})
	ref, err := engine.Blank("公文参考.docx")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	md, refPath, out := filepath.Join(dir, "r.md"), filepath.Join(dir, "公文参考.docx"), filepath.Join(dir, "r.docx")
	os.WriteFile(md, res.Outputs[0].Data, 0o644)
	os.WriteFile(refPath, ref[0].Data, 0o644)
	for _, args := range [][]string{{md, "-o", out}, {md, "--reference-doc", refPath, "-o", out}} {
		if b, err := exec.Command("pandoc", args...).CombinedOutput(); err != nil {
			t.Fatalf("pandoc %v: %v\n%s", args, err, b)
		}
		doc := unzipPart(t, out, "word/document.xml")
		for _, style := range []string{"Author", "Date"} {
			if strings.Contains(doc, `<w:pStyle w:val="`+style+`" />`) {
				t.Errorf("pandoc %v prints the metadata's %s under the title", args[1:], style)
			}
		}
		if n := strings.Count(doc, "柳背桥社区工会2024年上半年工作汇报"); n != 1 {
			t.Errorf("pandoc %v: the title %d times", args[1:], n)
		}
		if len(args) == 3 {
			continue
		}
		h1 := strings.Count("\n"+string(res.Outputs[0].Data), "\n# ")
		for style, n := range map[string]int{"Signature": 2, "Salutation": 1, "Title": 1, "Heading1": h1} {
			if got := strings.Count(doc, `<w:pStyle w:val="`+style+`" />`); got != n {
				t.Errorf("with the reference document: %d paragraphs in %s, want %d", got, style, n)
			}
		}
		if !strings.Contains(doc, `w:linePitch="579"`) || !strings.Contains(doc, `<w:footerReference`) {
			t.Errorf("the reference document's page setup is lost:\n%.400s", doc[strings.LastIndex(doc, "<w:sectPr"):])
		}
	}
}

func unzipPart(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDOCXImages, with -images DIR, lays a street's annual report out twice,
// as huibao's Word file in LibreOffice Writer and as huibao's PDF, and
// writes three pages side by side (the Word file left, the PDF right) as
// DIR/docx-vs-pdf-{first,table,last}.png: the first page, the page where
// the table starts, and the last page with the signature.
func TestDOCXImages(t *testing.T) {
	if golden.Images() == "" {
		t.Skip("only with -images DIR")
	}
	eng, _ := engine.New(engine.Options{})
	res := render(t, eng, engine.Request{Path: "../fixtures/shixinlu-street-2024.yaml", Template: "年度总结", Formats: []string{"pdf", "docx"}})
	dir := t.TempDir()
	pdf, docx := filepath.Join(dir, "report.pdf"), filepath.Join(dir, "report.docx")
	os.WriteFile(pdf, res.Outputs[0].Data, 0o644)
	os.WriteFile(docx, res.Outputs[1].Data, 0o644)
	o, err := office.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	word := o.DocumentPDF(t, docx)
	pick := func(path string) map[string]int {
		pages := strings.Split(office.Text(t, path), "\f")
		table := 1
		for i, p := range pages {
			if regexp.MustCompile(`(?m)^\s*指标\s{2,}\S`).MatchString(p) { // the table's header row
				table = i + 1
				break
			}
		}
		last := len(pages)
		if strings.TrimSpace(pages[last-1]) == "" { // pdftotext ends with a form feed
			last--
		}
		return map[string]int{"first": 1, "table": table, "last": last}
	}
	wp, pp := pick(word), pick(pdf)
	if wp["table"] == 1 || pp["table"] == 1 {
		t.Fatalf("no table found after page 1: Word %v, PDF %v", wp, pp)
	}
	for _, name := range []string{"first", "table", "last"} {
		a, b := filepath.Join(dir, "w.png"), filepath.Join(dir, "p.png")
		office.PagePNG(t, word, wp[name], 60, a)
		office.PagePNG(t, pdf, pp[name], 60, b)
		sideBySide(t, filepath.Join(golden.Images(), "docx-vs-pdf-"+name+".png"), a, b)
	}
}

// sideBySide writes the PNG images srcs next to each other, on grey, into out.
func sideBySide(t *testing.T, out string, srcs ...string) {
	t.Helper()
	var imgs []image.Image
	w, h := 0, 0
	for _, s := range srcs {
		f, err := os.Open(s)
		if err != nil {
			t.Fatal(err)
		}
		im, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		imgs = append(imgs, im)
		w += im.Bounds().Dx() + 12
		h = max(h, im.Bounds().Dy())
	}
	canvas := image.NewRGBA(image.Rect(0, 0, w-12, h))
	draw.Draw(canvas, canvas.Bounds(), image.NewUniform(color.Gray{160}), image.Point{}, draw.Src)
	x := 0
	for _, im := range imgs {
		draw.Draw(canvas, image.Rect(x, 0, x+im.Bounds().Dx(), im.Bounds().Dy()), im, im.Bounds().Min, draw.Src)
		x += im.Bounds().Dx() + 12
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, canvas); err != nil {
		t.Fatal(err)
	}
}
