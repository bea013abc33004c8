package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/office"
)

// TestPageImages renders the pages shown in the docs. It does nothing
// without -images (go test ./engine/pdf -run TestPageImages -images "$PWD/docs/images").
func TestPageImages(t *testing.T) {
	if golden.Images() == "" {
		return
	}
	shots := []struct {
		fixture, profile string
		page             int
		name             string
	}{
		{"liubeiqiao-h1", "official", 1, "pdf-official-page1"},
		{"liubeiqiao-h1", "official", 3, "pdf-official-signature"},
		{"liubeiqiao-h1", "compact", 1, "pdf-compact-page1"},
		{"qiaotou-h1-long", "official", 30, "pdf-table-continued"},
	}
	for _, s := range shots {
		doc := parseFile(t, fixture(s.fixture))
		p, err := layout.Of(layout.Name(s.profile))
		if err != nil {
			t.Fatal(err)
		}
		out, err := Render(doc, Options{Fonts: testFonts(t), Profile: p})
		if err != nil {
			t.Fatal(err)
		}
		path := writeTemp(t, "x.pdf", out)
		dst := filepath.Join(golden.Images(), s.name)
		office.PagePNG(t, path, s.page, 70, dst+".png")
		if _, err := os.Stat(dst + ".png"); err != nil {
			t.Fatal(err)
		}
	}
}
