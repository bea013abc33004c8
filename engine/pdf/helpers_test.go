package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/huibao/huibao/engine/layout"

	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/pdf/font"
)

// Debian font files the tests use, so that results do not depend on what
// else a machine has installed. CI installs these packages.
const (
	songFile = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
	kaiFile  = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"
	heiFile  = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	wenkai   = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
)

var fontPackages = map[string]string{
	songFile: "fonts-arphic-gbsn00lp", kaiFile: "fonts-arphic-gkai00mp",
	heiFile: "fonts-droid-fallback", wenkai: "fonts-lxgw-wenkai",
}

func needFile(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s is missing: install the Debian package %s", path, fontPackages[path])
	}
}

var loadTestFonts = sync.OnceValues(func() (*font.Set, error) {
	return LoadFonts(FontConfig{Title: songFile, Heading: heiFile, Kaiti: kaiFile, Body: songFile, NoSystem: true})
})

// testFonts is the fixed font set of the tests: 宋 for title and body,
// Droid Sans Fallback (a 黑体) for headings, AR PL Kaiti for 楷体.
func testFonts(t testing.TB) *font.Set {
	t.Helper()
	for _, f := range []string{songFile, kaiFile, heiFile} {
		needFile(t, f)
	}
	s, err := loadTestFonts()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func parseFile(t testing.TB, name string) *markdown.Document {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := markdown.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// fixtures are the report sources shared with the markdown package.
func fixture(name string) string { return filepath.Join("..", "markdown", "testdata", name+".md") }

func render(t testing.TB, doc *markdown.Document, p *layout.Profile) []byte {
	t.Helper()
	out, err := Render(doc, Options{Fonts: testFonts(t), Profile: p})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// run runs a program (the layout checker; the poppler readers are in
// internal/office) and returns its standard output. Anything it says on
// standard error fails the test.
func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	var stdout, stderr strings.Builder
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s %v complained:\n%s", name, args, stderr.String())
	}
	return stdout.String()
}
