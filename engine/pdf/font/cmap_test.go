package font

import (
	"testing"

	"github.com/signintech/gopdf"
)

// TestCmapAgreesWithGopdf: the glyph our tables measure is the glyph gopdf
// draws, for every rune the font maps. A disagreement would put a width
// under one glyph and ink from another.
func TestCmapAgreesWithGopdf(t *testing.T) {
	for _, f := range []struct{ path, pkg string }{
		{songFile, "fonts-arphic-gbsn00lp"}, {kaiFile, "fonts-arphic-gkai00mp"}, {heiFile, "fonts-droid-fallback"},
	} {
		data := readFont(t, f.path, f.pkg)
		s, err := Load(Config{Body: f.path, NoSystem: true})
		if err != nil {
			t.Fatal(err)
		}
		face := s.Chain(Body)[0]
		var sub gopdf.SubsetFontObj
		if err := sub.SetTTFData(data); err != nil {
			t.Fatal(err)
		}
		bad := 0
		for r := rune(0); r < 0x10000; r++ {
			g := face.glyph(r)
			if g == 0 {
				continue
			}
			g2, err := sub.CharCodeToGlyphIndex(r)
			if err != nil || int(g2) != g {
				if bad++; bad <= 5 {
					t.Errorf("%s: U+%04X: our glyph %d, gopdf's %d (%v)", face.Name, r, g, g2, err)
				}
			}
		}
	}
}
