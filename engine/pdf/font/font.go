package font

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/huibao/huibao/engine/diag"
)

// Role is what a font is used for in an official document.
type Role int

// The roles, in the order of GB/T 9704: 标题 小标宋, 一级标题 黑体, 二级标题 楷体, 正文 仿宋.
const (
	Title Role = iota
	Heading
	Kaiti
	Body
	numRoles
)

var roleNames = [numRoles]string{"title", "heading", "kaiti", "body"}
var roleChinese = [numRoles]string{"标题", "黑体标题", "楷体", "正文"}

// String gives the English role name used in recordings and flags.
func (r Role) String() string { return roleNames[r] }

// Chinese gives the role name a cadre reads.
func (r Role) Chinese() string { return roleChinese[r] }

// Config names font files by role. Each field is a list of paths separated by
// the OS path-list separator (":" on Linux and macOS, ";" on Windows); a path
// ending in "#N" picks face N (from 0) of a .ttc collection. Empty fields are
// filled by the system search.
type Config struct {
	Title, Heading, Kaiti, Body string
	// Dirs are extra folders searched before the system font folders.
	Dirs []string
	// NoSystem limits the chains to the configured files (used by tests
	// that must not depend on what the machine has installed).
	NoSystem bool
}

func (c Config) paths(r Role) []string {
	v := [numRoles]string{c.Title, c.Heading, c.Kaiti, c.Body}[r]
	var out []string
	for _, p := range filepath.SplitList(v) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Set is the loaded fonts of every role. It is safe for concurrent use by any
// number of documents.
type Set struct {
	chains [numRoles][]*Face
	own    [numRoles]int // the faces of the role's chain before any installed font
}

// Chain returns the faces of a role, first choice first: the configured
// files, the system fonts known for the role, the body's, then any other
// installed font.
func (s *Set) Chain(r Role) []*Face { return s.chains[r] }

// Own returns the faces of a role's chain before the other installed
// fonts, for messages.
func (s *Set) Own(r Role) []*Face { return s.chains[r][:s.own[r]] }

// Pick returns the first face of the role's chain that has r.
func (s *Set) Pick(role Role, r rune) (*Face, bool) {
	for _, f := range s.chains[role] {
		if f.Has(r) {
			return f, true
		}
	}
	return nil, false
}

// Face is one TrueType face, parsed at most once.
type Face struct {
	Name   string // short name for recordings and messages, e.g. gbsn00lp
	Path   string
	Index  int    // face index in a collection
	Family string // the subset font name in the PDF, e.g. ZQKDPA+gbsn00lp

	style  string // 宋体, 黑体…: its style, for the substitute notice; "" unknown
	chosen bool   // given in Config
	badIdx string // a "#x" suffix that is not a face number

	once sync.Once
	err  error

	sf      *sfnt    // the parsed font: metrics, character map, glyph locations
	adv     []uint16 // glyph id → advance in 1/1000 em, as gopdf writes /W
	ascent  float64  // ascender in em, as gopdf writes /Ascent
	descent float64  // descender in em (negative)
}

func newFace(path string) *Face {
	idx := 0
	bad := ""
	if i := strings.LastIndex(path, "#"); i >= 0 && !strings.ContainsAny(path[i:], `/\`) {
		if n, err := strconv.Atoi(path[i+1:]); err == nil && n >= 0 {
			path, idx = path[:i], n
		} else if ext := strings.ToLower(filepath.Ext(path[:i])); ext == ".ttc" || ext == ".ttf" || ext == ".otf" {
			path, bad = path[:i], path[i:]
		}
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if idx > 0 {
		name += "#" + strconv.Itoa(idx)
	}
	return &Face{Name: name, Path: path, Index: idx, Family: subsetName(name), badIdx: bad}
}

// subsetName gives a PDF subset font name: six capital letters from a hash of
// the name (stable, so output is byte-identical), '+', and the ASCII of name.
func subsetName(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	v := h.Sum32()
	var b strings.Builder
	for i := 0; i < 6; i++ {
		b.WriteByte(byte('A' + v%26))
		v /= 26
	}
	b.WriteByte('+')
	for _, r := range name {
		if r < 128 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Load parses the face if it was not parsed yet and returns why it cannot be used.
func (f *Face) Load() error {
	f.once.Do(func() { f.err = f.load() })
	return f.err
}

func (f *Face) load() error {
	if f.badIdx != "" {
		return &FileError{Path: f.Path, Msg: fmt.Sprintf("后面的“%s”不是字体序号：字体集（.ttc）中的字体从 0 数起，写作 %s#0、%s#1……", f.badIdx, filepath.Base(f.Path), filepath.Base(f.Path))}
	}
	data, err := mapFile(f.Path)
	if err != nil {
		return &FileError{Path: f.Path, Msg: "无法读取：" + diag.OSReason(err)}
	}
	dir, err := trueTypeFace(data, f.Index)
	if err != nil {
		return &FileError{Path: f.Path, Msg: err.Error()}
	}
	sf, err := parseSFNT(data, dir)
	if err != nil {
		return &FileError{Path: f.Path, Msg: err.Error()}
	}
	upem := float64(sf.upem)
	f.ascent, f.descent = float64(sf.ascent)/upem, float64(sf.descent)/upem
	f.adv = make([]uint16, sf.numGlyphs)
	for g := range f.adv {
		f.adv[g] = uint16(sf.advance(g) * 1000 / sf.upem)
	}
	f.sf = sf
	return nil
}

// glyph returns the glyph id of r, 0 when the face lacks it.
func (f *Face) glyph(r rune) int {
	if f.Load() != nil {
		return 0
	}
	return f.sf.glyph(r)
}

// InkY returns the bottom and top of r's outline in em above the baseline
// (0, 0 for a rune without ink or missing).
func (f *Face) InkY(r rune) (lo, hi float64) {
	g := f.glyph(r)
	if g == 0 {
		return 0, 0
	}
	o, err := f.sf.outline(g)
	if err != nil || len(o) < 10 {
		return 0, 0
	}
	upem := float64(f.sf.upem)
	return float64(int16(binary.BigEndian.Uint16(o[4:]))) / upem, float64(int16(binary.BigEndian.Uint16(o[8:]))) / upem
}

// Has reports whether the face can draw r.
func (f *Face) Has(r rune) bool { return f.glyph(r) != 0 }

// Advance returns the advance width of r in 1/1000 em (0 when missing).
func (f *Face) Advance(r rune) int {
	g := f.glyph(r)
	if g <= 0 || g >= len(f.adv) {
		return 0
	}
	return int(f.adv[g])
}

// Ascent returns the ascender in em, the value PDF readers use for the top of a line.
func (f *Face) Ascent() float64 { _ = f.Load(); return f.ascent }

// Descent returns the descender in em (negative).
func (f *Face) Descent() float64 { _ = f.Load(); return f.descent }

// Load finds and loads the fonts of every role. Configured files must load;
// system fonts that cannot be used are skipped. Each role must end up with at
// least one face that has Chinese glyphs, else a *NoCJKFontError says what to
// install.
func Load(c Config) (*Set, error) {
	s := &Set{}
	byPath := map[string]*Face{}
	face := func(p string) *Face {
		key := p
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if real, err := filepath.EvalSymlinks(key); err == nil {
			key = real
		}
		if f, ok := byPath[key]; ok {
			return f
		}
		f := newFace(p)
		byPath[key] = f
		return f
	}
	var found map[string]string
	if !c.NoSystem {
		found = scan(append(append([]string(nil), c.Dirs...), systemDirs()...))
	}
	var own [numRoles][]*Face
	for r := Role(0); r < numRoles; r++ {
		for _, p := range c.paths(r) {
			f := face(p)
			if err := f.Load(); err != nil {
				return nil, err
			}
			if !f.Has('中') || !f.Has('国') {
				return nil, &FileError{Path: f.Path, Msg: fmt.Sprintf("没有中文字形，不能用作“%s”字体：请指定含中文的 TrueType 字体，例如 %s", r.Chinese(), example[r])}
			}
			f.chosen = true
			own[r] = append(own[r], f)
		}
		for _, cand := range candidates[r] {
			if p, ok := found[strings.ToLower(cand.file)]; ok {
				f := face(p)
				if f.style == "" {
					f.style = cand.style
				}
				own[r] = append(own[r], f)
			}
		}
	}
	// Any other installed font, for a character no face of a role has: the
	// faces of every role first, then the other files in name order.
	var rest []*Face
	for r := Role(0); r < numRoles; r++ {
		rest = append(rest, own[r]...)
	}
	var others []string
	for _, p := range found {
		others = append(others, p)
	}
	slices.Sort(others)
	for _, p := range others {
		rest = append(rest, face(p))
	}
	for r := Role(0); r < numRoles; r++ {
		chain := append([]*Face(nil), own[r]...)
		if r != Body {
			chain = append(chain, own[Body]...)
		}
		// Keep the usable faces, once each, and check Chinese coverage.
		seen := map[*Face]bool{}
		var skipped []string
		hasCJK := false
		for _, f := range chain {
			if seen[f] {
				continue
			}
			seen[f] = true
			if !hasCJK { // faces after the first Chinese one load when a rune needs them
				if err := f.Load(); err != nil {
					skipped = append(skipped, err.Error())
					continue
				}
			}
			if f.Has('中') {
				hasCJK = true
			}
			s.chains[r] = append(s.chains[r], f)
		}
		if !hasCJK {
			return nil, &NoCJKFontError{Role: r, Skipped: skipped}
		}
		s.own[r] = len(s.chains[r])
		for _, f := range rest {
			if !seen[f] {
				seen[f] = true
				s.chains[r] = append(s.chains[r], f)
			}
		}
	}
	return s, nil
}

// example names fonts to give for a role in messages.
var example = [numRoles]string{
	Title:   "方正小标宋简体.ttf 或 simhei.ttf",
	Heading: "simhei.ttf 或 wqy-microhei.ttc",
	Kaiti:   "simkai.ttf 或 gkai00mp.ttf",
	Body:    "simfang.ttf、simsun.ttc 或 gbsn00lp.ttf",
}

// Notice says, in one Chinese sentence, which roles are set in a face of
// another style than GB/T 9704 asks for (仿宋 body, 小标宋 title, 黑体 and
// 楷体 headings) because no such face was found; "" when none is. Faces
// given in Config count as chosen.
func (s *Set) Notice() string {
	var parts []string
	for r := Role(0); r < numRoles; r++ {
		f := s.chains[r][0]
		if f.chosen || f.style == wanted[r] {
			continue
		}
		style := f.style
		if style == "" {
			style = "其他字体"
		}
		parts = append(parts, fmt.Sprintf("%s应为%s，用了 %s（%s）", r.Chinese(), wanted[r], f.Name, style))
	}
	if len(parts) == 0 {
		return ""
	}
	return "提示：没有找到公文要求的字体，PDF 用了替代字体：" + strings.Join(parts, "；") +
		"。装好这些字体（或用 --font-title、--font-heading、--font-kaiti、--font-body 指定字体文件）后重新生成即可。"
}

// wanted is the face style GB/T 9704 sets each role in.
var wanted = [numRoles]string{Title: "小标宋", Heading: "黑体", Kaiti: "楷体", Body: "仿宋"}

// String names the face for messages: file name and path.
func (f *Face) String() string { return fmt.Sprintf("%s（%s）", f.Name, f.Path) }
