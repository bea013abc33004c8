package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/internal/golden"
)

// report is a real report as the built-in templates wrote it, with a
// table, headings of two levels (the 楷体 of （一）) and a signature, over
// eight pages: a copy kept here, since the engine's golden of the same
// fixture changes with the templates (its activities are no longer
// headings).
const report = "testdata/shixinlu-street-2024.annual-summary.md"

func parseFile(t testing.TB, path string) *markdown.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := markdown.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func parse(t testing.TB, src string) *markdown.Document {
	t.Helper()
	doc, err := markdown.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func render(t testing.TB, doc *markdown.Document, p *layout.Profile) []byte {
	t.Helper()
	out, err := Render(doc, Options{Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// unzip returns the package's parts by name, in the archive's order.
func unzip(t testing.TB, data []byte) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
		names = append(names, f.Name)
	}
	return parts, names
}

// TestGolden compares the document and the styles, one paragraph, row or
// style a line, with testdata: every Markdown element the writer sets, in
// the official profile, and the styles of both profiles.
func TestGolden(t *testing.T) {
	parts, _ := unzip(t, render(t, parseFile(t, "testdata/kitchen.md"), nil))
	golden.Check(t, "testdata/kitchen.document.xml", parts["word/document.xml"])
	golden.Check(t, "testdata/official.styles.xml", parts["word/styles.xml"])
	compact, _ := unzip(t, render(t, parseFile(t, "testdata/kitchen.md"), layout.CompactProfile()))
	golden.Check(t, "testdata/compact.styles.xml", compact["word/styles.xml"])
}

// TestDeterministic: the same document gives the same bytes, and the
// archive's entries carry the report's date.
func TestDeterministic(t *testing.T) {
	doc := parseFile(t, report)
	a, b := render(t, doc, nil), render(t, parseFile(t, report), nil)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	zr, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	for _, f := range zr.File {
		if got := f.Modified.Format("2006-01-02"); got != "2025-01-10" {
			t.Errorf("%s modified %s, want the report's date 2025-01-10", f.Name, got)
		}
	}
}

// TestPackage: every part is well-formed XML, has a content type, and
// every relationship points at a part of the package.
func TestPackage(t *testing.T) {
	parts, names := unzip(t, render(t, parseFile(t, "testdata/kitchen.md"), nil))
	if names[0] != "[Content_Types].xml" {
		t.Errorf("first entry %s, want [Content_Types].xml", names[0])
	}
	for name, b := range parts {
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: %v", name, err)
				break
			}
		}
		if !strings.HasSuffix(name, ".rels") && name != "[Content_Types].xml" &&
			!bytes.Contains(parts["[Content_Types].xml"], []byte(`PartName="/`+name+`"`)) {
			t.Errorf("%s has no content type", name)
		}
	}
	for _, rels := range []struct{ part, dir string }{{"_rels/.rels", ""}, {"word/_rels/document.xml.rels", "word/"}} {
		for _, m := range regexp.MustCompile(`Target="([^"]+)"`).FindAllStringSubmatch(string(parts[rels.part]), -1) {
			if _, ok := parts[rels.dir+m[1]]; !ok {
				t.Errorf("%s points at %s, which is not in the package", rels.part, m[1])
			}
		}
	}
	for _, id := range regexp.MustCompile(`r:id="([^"]+)"`).FindAllStringSubmatch(string(parts["word/document.xml"]), -1) {
		if !bytes.Contains(parts["word/_rels/document.xml.rels"], []byte(`Id="`+id[1]+`"`)) {
			t.Errorf("document.xml refers to %s, which word/_rels/document.xml.rels lacks", id[1])
		}
	}
	core := string(parts["docProps/core.xml"])
	for _, want := range []string{"<dc:title>测试工会2024年上半年工作总结</dc:title>", "<dc:creator>测试工会</dc:creator>",
		"<dc:subject>半年总结</dc:subject>", "<cp:keywords>测试工会; 2024年上半年; 工作总结</cp:keywords>",
		"<dc:language>zh-CN</dc:language>", `<dcterms:created xsi:type="dcterms:W3CDTF">2024-07-05T00:00:00Z</dcterms:created>`} {
		if !strings.Contains(core, want) {
			t.Errorf("docProps/core.xml lacks %s:\n%s", want, core)
		}
	}
	if s := string(parts["word/settings.xml"]); !strings.Contains(s, "<w:evenAndOddHeaders/>") || strings.Contains(s, "embedTrueTypeFonts") {
		t.Errorf("settings: odd and even footers, fonts not embedded:\n%s", s)
	}
}

// TestGeometry: the page setup of both profiles, and that Word's grid
// holds the profile's lines and characters.
func TestGeometry(t *testing.T) {
	for _, c := range []struct {
		p                                         *layout.Profile
		top, right, bottom, left, pitch, space, w int
	}{
		// GB/T 9704: top 37 mm, right 26 mm, bottom 35 mm, left 28 mm.
		{layout.OfficialProfile(), 2098, 1474, 1984, 1587, 579, -842, 98},
		{layout.CompactProfile(), 1417, 1513, 1740, 1513, 360, 0, 100},
	} {
		g := geometryOf(c.p)
		got := []int{g.top, g.right, g.bottom, g.left, g.linePitch, g.charSpace, g.scale}
		want := []int{c.top, c.right, c.bottom, c.left, c.pitch, c.space, c.w}
		if !equal(got, want) {
			t.Errorf("%s: top right bottom left linePitch charSpace scale = %v, want %v", c.p.Name, got, want)
		}
		if g.pageW != 11906 || g.pageH != 16838 {
			t.Errorf("%s: page %d × %d twips, want A4 11906 × 16838", c.p.Name, g.pageW, g.pageH)
		}
		// Word: floor(height / linePitch) lines, floor(width / pitch) characters.
		if lines := (g.pageH - g.top - g.bottom) / g.linePitch; lines != c.p.Rows {
			t.Errorf("%s: %d lines fit, want %d", c.p.Name, lines, c.p.Rows)
		}
		pitch := (c.p.BodySize + float64(g.charSpace)/4096) * 20
		if chars := int(float64(g.width) / pitch); chars != c.p.Cols {
			t.Errorf("%s: %d characters fit, want %d", c.p.Name, chars, c.p.Cols)
		}
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSignature: the union right-indented, the date two characters right
// of its first character, or, when that would pass the union's right edge,
// right-indented two characters with the union moved left (GB/T 9704
// 7.3.5.2), as the PDF sets it.
func TestSignature(t *testing.T) {
	for _, c := range []struct{ union, date, want string }{
		{"柳背桥社区工会", "2024年7月5日", `w:right="945" w:rightChars="300"|w:right="630" w:rightChars="200"`},
		{"某工会", "2024年12月31日", `w:right="2520" w:rightChars="800"|w:right="630" w:rightChars="200"`},
		{"石新路街道总工会办公室", "2024年1月1日", `w:right="630" w:rightChars="200"|w:right="1575" w:rightChars="500"`},
	} {
		doc := parse(t, "::: {.signature}\n"+c.union+"\n\n"+c.date+"\n:::\n")
		parts, _ := unzip(t, render(t, doc, nil))
		var got []string
		for _, m := range regexp.MustCompile(`<w:ind ([^/]*) w:firstLine="0" w:firstLineChars="0"/>`).FindAllStringSubmatch(string(parts["word/document.xml"]), -1) {
			got = append(got, m[1])
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%s / %s: indents %q, want %q", c.union, c.date, strings.Join(got, "|"), c.want)
		}
	}
}

// TestUnsupported: Markdown the writer cannot set is an error naming the
// line, never dropped content.
func TestUnsupported(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"---\ntitle: 甲\n---\n\n正文\n\n![图](a.png)\n", "7: Word 文档不支持 Markdown 元素“图片”，请从模板中去掉它"},
		{"正文\n\n<div>\nx\n</div>\n", "3: Word 文档不支持 Markdown 元素“HTML 块”，请从模板中去掉它"},
		{"正文<b>粗</b>\n", "1: Word 文档不支持 Markdown 元素“HTML 标签”，请从模板中去掉它"},
	} {
		_, err := Render(parse(t, c.src), Options{})
		var u *UnsupportedNodeError
		if !errors.As(err, &u) || err.Error() != c.want {
			t.Errorf("%q: err = %v, want %s", c.src, err, c.want)
		}
	}
}

// TestReference: the pandoc reference document has every style pandoc
// refers to by ID and the custom-style names of the templates' divs.
func TestReference(t *testing.T) {
	b, err := Reference(layout.OfficialProfile())
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, b)
	styles := string(parts["word/styles.xml"])
	for _, id := range []string{"Normal", "Title", "Heading1", "Heading2", "Heading3", "BodyText", "FirstParagraph", "Compact", "BlockText", "Table", "Footer"} {
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("no style %s", id)
		}
	}
	for _, name := range []string{"落款", "称谓", "一级标题", "二级标题", "表格", "表格文字"} {
		if !strings.Contains(styles, `<w:name w:val="`+name+`"/>`) {
			t.Errorf("no style named %s", name)
		}
	}
	if !bytes.Contains(parts["word/document.xml"], []byte("--reference-doc")) {
		t.Error("the reference document does not say how to use it")
	}
	if again, _ := Reference(layout.OfficialProfile()); !bytes.Equal(b, again) {
		t.Error("the reference document differs from one call to the next")
	}
}

// TestEmpty: a document with no title and no body is still a document.
func TestEmpty(t *testing.T) {
	parts, _ := unzip(t, render(t, parse(t, ""), nil))
	if !bytes.Contains(parts["word/document.xml"], []byte("<w:sectPr>")) {
		t.Error("no section properties")
	}
}
