package font

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// sfnt is a standalone TrueType font, read for what measuring and
// subsetting need: the table directory, metrics, the character map and the
// glyph locations. Glyph outlines stay in data and are copied out only for
// the glyphs a document uses. Every read is bounds-checked: font files come
// from the user's configuration.
type sfnt struct {
	tables map[string][]byte // slices of the font file

	upem      int
	numGlyphs int
	nHMetrics int
	longLoca  bool
	glyf      []byte
	loca      []byte
	hmtx      []byte

	bmp  []uint16 // BMP rune → glyph id; 0 = missing
	supp []group  // runes beyond the BMP, sorted
	// ascent and descent in font units, chosen as gopdf chooses them for
	// the FontDescriptor (OS/2 win metrics when typo metrics are set,
	// else hhea), so that the baseline we place is the one readers use.
	ascent, descent int
	psName          string // PostScript name (name ID 6), for the subset's name table
}

// group maps runes start..end to glyphs glyph..glyph+end-start.
type group struct {
	start, end rune
	glyph      int
}

func u16(b []byte, off int) (int, bool) {
	if off < 0 || off+2 > len(b) {
		return 0, false
	}
	return int(binary.BigEndian.Uint16(b[off:])), true
}

func i16(b []byte, off int) (int, bool) {
	v, ok := u16(b, off)
	return int(int16(v)), ok
}

func u32(b []byte, off int) (int, bool) {
	if off < 0 || off+4 > len(b) {
		return 0, false
	}
	return int(binary.BigEndian.Uint32(b[off:])), true
}

// errDamaged is the reason for a font whose tables contradict themselves.
var errDamaged = fmt.Errorf("字体表已损坏")

// parseSFNT reads the TrueType face whose table directory is at dir in
// data (0 for a .ttf; a collection's face elsewhere, see trueTypeFace). A
// font without glyf (CFF outlines) or without a Unicode character map is
// refused.
func parseSFNT(data []byte, dir int) (*sfnt, error) {
	n, ok := u16(data, dir+4)
	if !ok || dir+12+16*n > len(data) {
		return nil, fmt.Errorf("字体表目录越界，文件已损坏")
	}
	s := &sfnt{tables: make(map[string][]byte, n)}
	for i := range n {
		rec := data[dir+12+16*i:]
		o, l := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if o < 0 || l < 0 || o+l > len(data) {
			return nil, fmt.Errorf("字体表 %q 越界，文件已损坏", rec[:4])
		}
		s.tables[string(rec[:4])] = data[o : o+l : o+l]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca"} {
		if s.tables[tag] == nil {
			return nil, fmt.Errorf("缺少字体表 %s，文件已损坏或不是完整的 TrueType 字体", tag)
		}
	}
	if s.tables["glyf"] == nil {
		return nil, fmt.Errorf("没有 TrueType 字形表（glyf）。%s", cffHint)
	}
	head, hhea := s.tables["head"], s.tables["hhea"]
	s.glyf, s.loca, s.hmtx = s.tables["glyf"], s.tables["loca"], s.tables["hmtx"]
	var ok1, ok2, ok3, ok4 bool
	s.upem, ok1 = u16(head, 18)
	locFormat, ok2 := i16(head, 50)
	s.numGlyphs, ok3 = u16(s.tables["maxp"], 4)
	s.nHMetrics, ok4 = u16(hhea, 34)
	if !ok1 || !ok2 || !ok3 || !ok4 || s.upem < 16 || s.numGlyphs == 0 || s.nHMetrics == 0 ||
		s.nHMetrics > s.numGlyphs || len(s.hmtx) < 4*s.nHMetrics+2*(s.numGlyphs-s.nHMetrics) {
		return nil, errDamaged
	}
	s.longLoca = locFormat == 1
	if (s.longLoca && len(s.loca) < 4*(s.numGlyphs+1)) || (!s.longLoca && len(s.loca) < 2*(s.numGlyphs+1)) {
		return nil, errDamaged
	}
	s.ascent, _ = i16(hhea, 4)
	s.descent, _ = i16(hhea, 6)
	if os2 := s.tables["OS/2"]; os2 != nil {
		typoAsc, ok1 := i16(os2, 68)
		typoDesc, ok2 := i16(os2, 70)
		winAsc, ok3 := u16(os2, 74)
		winDesc, ok4 := u16(os2, 76)
		if ok1 && ok2 && ok3 && ok4 {
			if typoAsc != 0 {
				s.ascent = winAsc
			}
			if typoDesc != 0 {
				if s.descent < 0 {
					s.descent = -winDesc
				} else {
					s.descent = winDesc
				}
			}
		}
	}
	if err := s.parseCmap(); err != nil {
		return nil, err
	}
	s.psName = postScriptName(s.tables["name"])
	return s, nil
}

// advance is glyph g's advance width in font units.
func (s *sfnt) advance(g int) int {
	if g >= s.nHMetrics {
		g = s.nHMetrics - 1
	}
	v, _ := u16(s.hmtx, 4*g)
	return v
}

// lsb is glyph g's left side bearing in font units.
func (s *sfnt) lsb(g int) int {
	if g < s.nHMetrics {
		v, _ := i16(s.hmtx, 4*g+2)
		return v
	}
	v, _ := i16(s.hmtx, 4*s.nHMetrics+2*(g-s.nHMetrics))
	return v
}

// outline returns glyph g's bytes in glyf (empty for a blank glyph).
func (s *sfnt) outline(g int) ([]byte, error) {
	if g < 0 || g >= s.numGlyphs {
		return nil, errDamaged
	}
	var start, end int
	if s.longLoca {
		start, _ = u32(s.loca, 4*g)
		end, _ = u32(s.loca, 4*g+4)
	} else {
		a, _ := u16(s.loca, 2*g)
		b, _ := u16(s.loca, 2*g+2)
		start, end = 2*a, 2*b
	}
	if start > end || end > len(s.glyf) {
		return nil, errDamaged
	}
	return s.glyf[start:end:end], nil
}

// parseCmap reads the best Unicode subtable: format 12 (full repertoire)
// when the font has one, else format 4 (BMP).
func (s *sfnt) parseCmap() error {
	cmap := s.tables["cmap"]
	n, ok := u16(cmap, 2)
	if !ok {
		return errDamaged
	}
	best, bestRank := -1, 0
	for i := range n {
		pid, ok1 := u16(cmap, 4+8*i)
		eid, ok2 := u16(cmap, 6+8*i)
		off, ok3 := u32(cmap, 8+8*i)
		if !ok1 || !ok2 || !ok3 {
			return errDamaged
		}
		format, ok := u16(cmap, off)
		if !ok {
			continue
		}
		rank := 0
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			rank = 3
		case format == 4 && pid == 3 && eid == 1:
			rank = 2
		case format == 4 && pid == 0:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return fmt.Errorf("没有 Unicode 字符映射表（cmap），不能用于中文")
	}
	s.bmp = make([]uint16, 0x10000)
	sub := cmap[best:]
	if bestRank == 3 {
		return s.cmap12(sub)
	}
	return s.cmap4(sub)
}

func (s *sfnt) set(r rune, g int) {
	if g <= 0 || g >= s.numGlyphs {
		return
	}
	if r < 0x10000 {
		s.bmp[r] = uint16(g)
	}
}

func (s *sfnt) cmap4(sub []byte) error {
	segX2, ok := u16(sub, 6)
	if !ok || segX2%2 != 0 || 16+4*segX2 > len(sub) {
		return errDamaged
	}
	seg := segX2 / 2
	ends, starts, deltas, ranges := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	next := 0 // segments are sorted and disjoint: each rune is read once at most
	for i := range seg {
		end, _ := u16(sub, ends+2*i)
		start, _ := u16(sub, starts+2*i)
		delta, _ := u16(sub, deltas+2*i)
		ro, _ := u16(sub, ranges+2*i)
		start = max(start, next)
		if start > end {
			continue
		}
		next = end + 1
		for c := start; c <= end && c != 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				gi, ok := u16(sub, ranges+2*i+ro+2*(c-start))
				if !ok {
					return errDamaged
				}
				if gi != 0 {
					g = (gi + delta) & 0xFFFF
				}
			}
			s.set(rune(c), g)
		}
	}
	return nil
}

func (s *sfnt) cmap12(sub []byte) error {
	n, ok := u32(sub, 12)
	if !ok || n > (len(sub)-16)/12 {
		return errDamaged
	}
	next := 0 // of the BMP: each rune is read once at most
	for i := range n {
		start, _ := u32(sub, 16+12*i)
		end, _ := u32(sub, 20+12*i)
		g, _ := u32(sub, 24+12*i)
		if start > end || end > 0x10FFFF {
			continue
		}
		if end >= 0x10000 {
			lo := max(start, 0x10000)
			s.supp = append(s.supp, group{rune(lo), rune(end), g + lo - start})
		}
		for c := max(start, next); c <= min(end, 0xFFFF); c++ {
			s.set(rune(c), g+c-start)
		}
		next = max(next, min(end, 0xFFFF)+1)
	}
	slices.SortFunc(s.supp, func(a, b group) int { return int(a.start - b.start) })
	return nil
}

// glyph returns the glyph id of r, 0 when the font lacks it.
func (s *sfnt) glyph(r rune) int {
	if r >= 0 && r < 0x10000 {
		return int(s.bmp[r])
	}
	i, found := slices.BinarySearchFunc(s.supp, r, func(g group, r rune) int {
		switch {
		case r < g.start:
			return 1
		case r > g.end:
			return -1
		}
		return 0
	})
	if !found {
		return 0
	}
	g := s.supp[i].glyph + int(r-s.supp[i].start)
	if g >= s.numGlyphs {
		return 0
	}
	return g
}

// postScriptName reads name ID 6 (Windows UTF-16 or Mac Roman), "" when
// absent.
func postScriptName(name []byte) string {
	count, ok1 := u16(name, 2)
	strs, ok2 := u16(name, 4)
	if !ok1 || !ok2 {
		return ""
	}
	for i := range count {
		rec := 6 + 12*i
		pid, _ := u16(name, rec)
		id, _ := u16(name, rec+6)
		l, _ := u16(name, rec+8)
		off, ok := u16(name, rec+10)
		if !ok || id != 6 || strs+off+l > len(name) {
			continue
		}
		raw := name[strs+off : strs+off+l]
		var out []byte
		for j, b := range raw {
			if pid == 3 && j%2 == 0 {
				continue // the high byte of a UTF-16 code unit of an ASCII name
			}
			if b > ' ' && b < 0x7f {
				out = append(out, b)
			}
		}
		if len(out) > 0 {
			return string(out)
		}
	}
	return ""
}
