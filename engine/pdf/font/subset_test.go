package font

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"

	"github.com/signintech/gopdf"
)

// sameGlyph reports whether glyph a of font x draws what glyph b of font y
// draws: the same bytes, except that a composite's component ids may be
// renumbered, the components themselves being the same.
func sameGlyph(x *sfnt, a int, y *sfnt, b int) bool {
	oa, err1 := x.outline(a)
	ob, err2 := y.outline(b)
	if err1 != nil || err2 != nil {
		return false
	}
	oa, ob = bytes.TrimRight(oa, "\x00"), bytes.TrimRight(ob, "\x00")
	ca, _ := components(oa)
	cb, _ := components(ob)
	if len(oa) != len(ob) || len(ca) != len(cb) {
		return false
	}
	oa, ob = bytes.Clone(oa), bytes.Clone(ob)
	for i := range ca {
		if !sameGlyph(x, int(binary.BigEndian.Uint16(oa[ca[i]:])), y, int(binary.BigEndian.Uint16(ob[cb[i]:]))) {
			return false
		}
		oa[ca[i]], oa[ca[i]+1], ob[cb[i]], ob[cb[i]+1] = 0, 0, 0, 0
	}
	return bytes.Equal(oa, ob)
}

// compositeRune finds a rune whose glyph is composite, if the face has one.
func compositeRune(f *Face) (rune, bool) {
	for r := rune(0x20); r < 0x10000; r++ {
		if g := f.glyph(r); g != 0 {
			if o, err := f.sf.outline(g); err == nil && len(o) >= 2 && int16(binary.BigEndian.Uint16(o)) < 0 {
				return r, true
			}
		}
	}
	return 0, false
}

// TestSubset: gopdf reads the subset a document embeds, and every rune
// drawn maps there to the same outline and width as in the whole face;
// runes not asked for are not in it.
func TestSubset(t *testing.T) {
	text := "柳背桥社区工会2024年上半年工作总结，。、；：？！“”（）——……《》0123456789 aZ%．·"
	for _, fx := range []struct{ path, pkg string }{
		{songFile, "fonts-arphic-gbsn00lp"}, {kaiFile, "fonts-arphic-gkai00mp"}, {heiFile, "fonts-droid-fallback"},
	} {
		readFont(t, fx.path, fx.pkg)
		s, err := Load(Config{Body: fx.path, NoSystem: true})
		if err != nil {
			t.Fatal(err)
		}
		face := s.Chain(Body)[0]
		runes := []rune(text)
		comp, hasComp := compositeRune(face)
		if hasComp {
			runes = append(runes, comp)
		}
		data, err := face.Subset(runes)
		if err != nil {
			t.Fatal(err)
		}
		var sub gopdf.SubsetFontObj
		if err := sub.SetTTFData(data); err != nil {
			t.Fatalf("%s: gopdf cannot read the subset: %v", face.Name, err)
		}
		ours, err := parseSFNT(data, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range runes {
			g := face.glyph(r)
			if g == 0 {
				continue
			}
			g2, err := sub.CharCodeToGlyphIndex(r)
			if err != nil || g2 == 0 {
				t.Errorf("%s: %q not in the subset (%v)", face.Name, r, err)
				continue
			}
			if w := sub.GlyphIndexToPdfWidth(g2); int(w) != face.Advance(r) {
				t.Errorf("%s: %q width %d in the subset, %d in the face", face.Name, r, w, face.Advance(r))
			}
			if !sameGlyph(ours, int(g2), face.sf, g) {
				t.Errorf("%s: %q draws another outline in the subset", face.Name, r)
			}
		}
		if g, err := sub.CharCodeToGlyphIndex('龘'); err == nil && g != 0 {
			t.Errorf("%s: a rune not asked for maps to glyph %d", face.Name, g)
		}
		if ours.numGlyphs > len(runes)+8 {
			t.Errorf("%s: %d glyphs for %d runes", face.Name, ours.numGlyphs, len(runes))
		}
		if hasComp {
			g2, _ := sub.CharCodeToGlyphIndex(comp)
			o, _ := ours.outline(int(g2))
			if offs, ok := components(o); !ok || len(offs) == 0 {
				t.Errorf("%s: composite %q lost its components", face.Name, comp)
			}
		}
	}
}

// TestSubsetSupplementary: a rune beyond the BMP gets a format 12 map,
// which gopdf reads.
func TestSubsetSupplementary(t *testing.T) {
	readFont(t, heiFile, "fonts-droid-fallback")
	s, err := Load(Config{Body: heiFile, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	face := s.Chain(Body)[0]
	var sup rune
	for _, g := range face.sf.supp {
		sup = g.start
		break
	}
	if sup == 0 {
		t.Skip("no supplementary-plane glyph in " + face.Name)
	}
	data, err := face.Subset([]rune{'中', sup})
	if err != nil {
		t.Fatal(err)
	}
	var sub gopdf.SubsetFontObj
	if err := sub.SetTTFData(data); err != nil {
		t.Fatal(err)
	}
	if g, err := sub.CharCodeToGlyphIndex(sup); err != nil || g == 0 {
		t.Errorf("%U: glyph %d, %v", sup, g, err)
	}
}

// FuzzSubset: a damaged font file is refused or subset, never a panic.
func FuzzSubset(f *testing.F) {
	for _, p := range []string{songFile, heiFile} {
		if data, err := os.ReadFile(p); err == nil {
			s, _ := parseSFNT(data, 0)
			// The tables of a real font with the glyf table cut short.
			if s != nil {
				f.Add(data[:min(len(data), 400000)])
			}
		}
	}
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00head\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x36"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parseSFNT(data, 0)
		if err != nil {
			return
		}
		face := &Face{Name: "fuzz", sf: s}
		face.once.Do(func() {})
		face.Subset([]rune("中国工会，1a\U00020000"))
	})
}
