package font

import (
	"encoding/binary"
	"slices"
	"sort"
	"unicode/utf16"
)

// Subset returns a standalone TrueType font holding only what a document
// draws with this face: glyph 0, the glyphs of runes and the components of
// composite ones, renumbered from 1 in the order of the runes, with metrics
// and a character map for those runes only. The document embeds this font
// through gopdf, which then parses, subsets and compresses a few kilobytes
// instead of the whole face — a CJK face's full hmtx and loca (60 KB for
// gbsn00lp, 350 KB for Droid Sans Fallback) went into every PDF before.
//
// Outlines, advance widths, side bearings, vertical metrics and hinting
// programs are copied unchanged, so the page looks the same and text
// extraction (gopdf's ToUnicode map) is unaffected. The result depends only
// on the face and the set of runes.
func (f *Face) Subset(runes []rune) ([]byte, error) {
	if err := f.Load(); err != nil {
		return nil, err
	}
	s := f.sf
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)

	newID := map[int]int{0: 0}
	order := []int{0} // old glyph ids by new id
	add := func(g int) int {
		if id, ok := newID[g]; ok {
			return id
		}
		newID[g] = len(order)
		order = append(order, g)
		return len(order) - 1
	}
	type mapping struct {
		r  rune
		id int
	}
	var cmap []mapping
	for _, r := range rs {
		if g := s.glyph(r); g != 0 {
			cmap = append(cmap, mapping{r, add(g)})
		}
	}
	// Components of composite glyphs, transitively; the queue grows as
	// they are found.
	outlines := make([][]byte, 0, len(order))
	for i := 0; i < len(order); i++ {
		o, err := s.outline(order[i])
		if err != nil {
			return nil, &FileError{Path: f.Path, Msg: err.Error()}
		}
		if comps, ok := components(o); ok && len(comps) > 0 {
			o = slices.Clone(o)
			for _, c := range comps {
				old := int(binary.BigEndian.Uint16(o[c:]))
				if old >= s.numGlyphs {
					return nil, &FileError{Path: f.Path, Msg: errDamaged.Error()}
				}
				binary.BigEndian.PutUint16(o[c:], uint16(add(old)))
			}
		}
		outlines = append(outlines, o)
	}
	n := len(order)

	var glyf []byte
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	for i, o := range outlines {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		glyf = append(glyf, o...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		binary.BigEndian.PutUint16(hmtx[4*i:], uint16(s.advance(order[i])))
		binary.BigEndian.PutUint16(hmtx[4*i+2:], uint16(int16(s.lsb(order[i]))))
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))

	head := patched(s.tables["head"], 54, func(b []byte) {
		binary.BigEndian.PutUint32(b[8:], 0)  // checkSumAdjustment: not kept up to date
		binary.BigEndian.PutUint16(b[50:], 1) // long loca offsets
	})
	hhea := patched(s.tables["hhea"], 36, func(b []byte) { binary.BigEndian.PutUint16(b[34:], uint16(n)) })
	maxp := patched(s.tables["maxp"], 6, func(b []byte) { binary.BigEndian.PutUint16(b[4:], uint16(n)) })
	post := make([]byte, 32)
	copy(post, s.tables["post"])
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
	os2 := s.tables["OS/2"]
	if len(os2) < 78 {
		os2 = make([]byte, 78) // version 0, every field zero: gopdf then uses hhea's metrics
	}

	var m4, m12 []mapping
	for _, m := range cmap {
		if m.r < 0x10000 {
			m4 = append(m4, m)
		} else {
			m12 = append(m12, m)
		}
	}
	seg4 := make([][3]int, 0, len(m4)+1) // start, end, first id
	for _, m := range m4 {
		if k := len(seg4) - 1; k >= 0 && int(m.r) == seg4[k][1]+1 && m.id == seg4[k][2]+int(m.r)-seg4[k][0] {
			seg4[k][1]++
			continue
		}
		seg4 = append(seg4, [3]int{int(m.r), int(m.r), m.id})
	}
	seg4 = append(seg4, [3]int{0xFFFF, 0xFFFF, 0})
	sub4 := format4(seg4)
	var sub12 []byte
	if len(m12) > 0 {
		var groups [][3]int
		for _, m := range m12 {
			if k := len(groups) - 1; k >= 0 && int(m.r) == groups[k][1]+1 && m.id == groups[k][2]+int(m.r)-groups[k][0] {
				groups[k][1]++
				continue
			}
			groups = append(groups, [3]int{int(m.r), int(m.r), m.id})
		}
		sub12 = format12(groups)
	}
	records := 1
	if sub12 != nil {
		records = 2
	}
	cmapT := make([]byte, 4+8*records)
	binary.BigEndian.PutUint16(cmapT[2:], uint16(records))
	binary.BigEndian.PutUint16(cmapT[4:], 3)
	binary.BigEndian.PutUint16(cmapT[6:], 1)
	binary.BigEndian.PutUint32(cmapT[8:], uint32(len(cmapT)))
	if sub12 != nil {
		binary.BigEndian.PutUint16(cmapT[12:], 3)
		binary.BigEndian.PutUint16(cmapT[14:], 10)
		binary.BigEndian.PutUint32(cmapT[16:], uint32(len(cmapT)+len(sub4)))
	}
	cmapT = append(append(cmapT, sub4...), sub12...)

	ps := s.psName
	if ps == "" {
		ps = subsetName(f.Name)[7:]
	}
	tables := map[string][]byte{
		"OS/2": os2, "cmap": cmapT, "glyf": glyf, "head": head, "hhea": hhea,
		"hmtx": hmtx, "loca": loca, "maxp": maxp, "name": nameTable(ps), "post": post,
	}
	for _, tag := range []string{"cvt ", "fpgm", "prep"} { // hinting programs the outlines may call
		if t := s.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	return assemble(tables), nil
}

// patched returns a copy of t, at least size bytes long, changed by fix.
func patched(t []byte, size int, fix func([]byte)) []byte {
	b := make([]byte, max(len(t), size))
	copy(b, t)
	fix(b)
	return b
}

// components returns the offsets of the glyph indices of a composite
// glyph's components; ok is false for a damaged glyph.
func components(o []byte) (offs []int, ok bool) {
	nc, ok := i16(o, 0)
	if !ok || nc >= 0 {
		return nil, true
	}
	const (
		argWords  = 0x0001
		hasScale  = 0x0008
		more      = 0x0020
		xyScale   = 0x0040
		twoByTwo  = 0x0080
		maxComps  = 1024
		headerLen = 10
	)
	p := headerLen
	for range maxComps {
		flags, ok := u16(o, p)
		if !ok || p+4 > len(o) {
			return nil, false
		}
		offs = append(offs, p+2)
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&hasScale != 0:
			p += 2
		case flags&xyScale != 0:
			p += 4
		case flags&twoByTwo != 0:
			p += 8
		}
		if flags&more == 0 {
			return offs, p <= len(o)
		}
	}
	return nil, false
}

// format4 writes a cmap format 4 subtable from segments of consecutive
// runes mapped to consecutive glyphs (idDelta only), the last 0xFFFF.
func format4(segs [][3]int) []byte {
	n := len(segs)
	b := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(b[0:], 4)
	be.PutUint16(b[2:], uint16(len(b)))
	be.PutUint16(b[6:], uint16(2*n))
	sr, es := 2, 0
	for sr*2 <= 2*n {
		sr *= 2
		es++
	}
	be.PutUint16(b[8:], uint16(sr))
	be.PutUint16(b[10:], uint16(es))
	be.PutUint16(b[12:], uint16(2*n-sr))
	ends, starts, deltas := 14, 16+2*n, 16+4*n // idRangeOffsets stay 0
	for i, s := range segs {
		be.PutUint16(b[ends+2*i:], uint16(s[1]))
		be.PutUint16(b[starts+2*i:], uint16(s[0]))
		delta := s[2] - s[0]
		if s[0] == 0xFFFF {
			delta = 1 // maps 0xFFFF to glyph 0
		}
		be.PutUint16(b[deltas+2*i:], uint16(delta&0xFFFF)) // modulo 65536, as readers add it
	}
	return b
}

// format12 writes a cmap format 12 subtable from sequential groups.
func format12(groups [][3]int) []byte {
	b := make([]byte, 16+12*len(groups))
	be := binary.BigEndian
	be.PutUint16(b[0:], 12)
	be.PutUint32(b[4:], uint32(len(b)))
	be.PutUint32(b[12:], uint32(len(groups)))
	for i, g := range groups {
		be.PutUint32(b[16+12*i:], uint32(g[0]))
		be.PutUint32(b[20+12*i:], uint32(g[1]))
		be.PutUint32(b[24+12*i:], uint32(g[2]))
	}
	return b
}

// nameTable writes a name table with the PostScript name only, which
// gopdf requires.
func nameTable(ps string) []byte {
	u := utf16.Encode([]rune(ps))
	b := make([]byte, 18, 18+2*len(u))
	be := binary.BigEndian
	be.PutUint16(b[2:], 1)  // count
	be.PutUint16(b[4:], 18) // string offset
	be.PutUint16(b[6:], 3)  // Windows
	be.PutUint16(b[8:], 1)  // Unicode BMP
	be.PutUint16(b[10:], 0x409)
	be.PutUint16(b[12:], 6) // PostScript name
	be.PutUint16(b[14:], uint16(2*len(u)))
	for _, c := range u {
		b = be.AppendUint16(b, c)
	}
	return b
}

// assemble writes the table directory and the tables, sorted by tag,
// each 4-byte aligned, with their checksums.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 0
	for t, b := range tables {
		tags = append(tags, t)
		size += (len(b) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	out := make([]byte, 12+16*n, 12+16*n+size)
	be := binary.BigEndian
	be.PutUint32(out, tagTrueType)
	be.PutUint16(out[4:], uint16(n))
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	be.PutUint16(out[6:], uint16(16*sr))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*(n-sr)))
	for i, t := range tags {
		b := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		be.PutUint32(rec[4:], checksum(b))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(b)))
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
