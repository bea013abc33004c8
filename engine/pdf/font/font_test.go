package font

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

const (
	songFile = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
	kaiFile  = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"
	heiFile  = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	wqyFile  = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	wenkai   = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
)

func readFont(t testing.TB, path, pkg string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: install the Debian package %s", err, pkg)
	}
	return b
}

// makeTTC packs standalone TrueType fonts into a collection, as simsun.ttc is.
func makeTTC(fonts ...[]byte) []byte {
	head := 12 + 4*len(fonts)
	out := make([]byte, head)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		base := len(out)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(base))
		n := int(binary.BigEndian.Uint16(f[4:]))
		dirLen := 12 + 16*n
		dir := append([]byte(nil), f[:dirLen]...)
		tables := base + dirLen
		var body []byte
		for k := 0; k < n; k++ {
			rec := dir[12+16*k:]
			o, l := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			binary.BigEndian.PutUint32(rec[8:], uint32(tables+len(body)))
			body = append(body, f[o:o+l]...)
			for len(body)%4 != 0 {
				body = append(body, 0)
			}
		}
		out = append(append(out, dir...), body...)
	}
	return out
}

func TestTTC(t *testing.T) {
	song := readFont(t, songFile, "fonts-arphic-gbsn00lp")
	kai := readFont(t, kaiFile, "fonts-arphic-gkai00mp")
	ttc := filepath.Join(t.TempDir(), "pair.ttc")
	if err := os.WriteFile(ttc, makeTTC(song, kai), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(Config{Body: ttc + "#1", Kaiti: ttc, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	body, kaiti := s.Chain(Body)[0], s.Chain(Kaiti)[0]
	if body.Name != "pair#1" || kaiti.Name != "pair" {
		t.Errorf("names %q %q", body.Name, kaiti.Name)
	}
	// Face 1 is the kaiti: compare a glyph id and advance with the file itself.
	want, err := Load(Config{Body: kaiFile, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	k := want.Chain(Body)[0]
	for _, r := range "中国工会，“”1a" {
		if body.glyph(r) != k.glyph(r) || body.Advance(r) != k.Advance(r) {
			t.Errorf("%q: face #1 glyph %d adv %d, gkai00mp glyph %d adv %d", r, body.glyph(r), body.Advance(r), k.glyph(r), k.Advance(r))
		}
	}
	if _, err := Load(Config{Body: ttc + "#2", NoSystem: true}); err == nil ||
		!strings.HasSuffix(err.Error(), "是含 2 个字体的字体集（.ttc），没有第 2 个（从 0 数起）") {
		t.Errorf("err = %v", err)
	}
}

func TestRefusedFormats(t *testing.T) {
	dir := t.TempDir()
	otf := filepath.Join(dir, "NotoSansCJK-Regular.otf")
	os.WriteFile(otf, append([]byte("OTTO"), make([]byte, 64)...), 0o644)
	ttcCFF := filepath.Join(dir, "NotoSansCJK.ttc")
	cff := append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), append([]byte("OTTO"), make([]byte, 64)...)...)
	os.WriteFile(ttcCFF, cff, 0o644)
	txt := filepath.Join(dir, "readme.ttf")
	os.WriteFile(txt, []byte("this is not a font at all"), 0o644)
	cases := []struct{ path, want string }{
		{otf, "字体文件 " + otf + " 是 CFF 轮廓的 OpenType 字体。" + cffHint},
		{ttcCFF, "字体文件 " + ttcCFF + " 中的这个字体是 CFF 轮廓。" + cffHint},
		{txt, "字体文件 " + txt + " 不是 TrueType 字体（.ttf 或 .ttc）"},
		{filepath.Join(dir, "none.ttf"), "字体文件 " + filepath.Join(dir, "none.ttf") + " 无法读取：文件或文件夹不存在"},
		{songFile + "#x", "字体文件 " + songFile + " 后面的“#x”不是字体序号：字体集（.ttc）中的字体从 0 数起，写作 gbsn00lp.ttf#0、gbsn00lp.ttf#1……"},
		{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "字体文件 /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf 没有中文字形，不能用作“正文”字体：请指定含中文的 TrueType 字体，例如 simfang.ttf、simsun.ttc 或 gbsn00lp.ttf"},
	}
	for _, c := range cases {
		_, err := Load(Config{Body: c.path, NoSystem: true})
		var fe *FileError
		if !errors.As(err, &fe) || err.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.path, err, c.want)
		}
	}
}

func TestNoCJKFont(t *testing.T) {
	_, err := Load(Config{NoSystem: true})
	want := "没有找到可用于“标题”的中文字体。" + installHint + "。"
	var ne *NoCJKFontError
	if !errors.As(err, &ne) || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if !strings.Contains(want, "fonts-arphic-gbsn00lp") || !strings.Contains(want, "simhei.ttf") {
		t.Error("the hint must name the Debian packages and the Windows fonts")
	}
}

func TestChains(t *testing.T) {
	readFont(t, heiFile, "fonts-droid-fallback")
	readFont(t, songFile, "fonts-arphic-gbsn00lp")
	s, err := Load(Config{Heading: heiFile, Body: songFile, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range s.Chain(Heading) {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); got != "DroidSansFallbackFull gbsn00lp" {
		t.Errorf("heading chain %q", got)
	}
	// Droid Sans Fallback lacks “ ” — … and digits: Pick falls back to the 宋体.
	for _, r := range "“”—…1" {
		if f, ok := s.Pick(Heading, r); !ok || f.Name != "gbsn00lp" {
			t.Errorf("Pick(Heading, %q) = %v", r, f)
		}
	}
	if f, _ := s.Pick(Heading, '中'); f.Name != "DroidSansFallbackFull" {
		t.Errorf("Pick(Heading, 中) = %v", f)
	}
	if _, ok := s.Pick(Heading, 0x20000); ok {
		t.Error("U+20000 should be missing")
	}
	if !strings.HasPrefix(s.Chain(Body)[0].Family, "") || len(s.Chain(Body)[0].Family) < 8 || s.Chain(Body)[0].Family[6] != '+' {
		t.Errorf("subset name %q", s.Chain(Body)[0].Family)
	}
}

// TestSystemSearch finds the Debian fonts by role on this machine.
func TestSystemSearch(t *testing.T) {
	for _, f := range []struct{ path, pkg string }{{songFile, "fonts-arphic-gbsn00lp"}, {kaiFile, "fonts-arphic-gkai00mp"}, {wqyFile, "fonts-wqy-microhei"}} {
		readFont(t, f.path, f.pkg)
	}
	s, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	first := map[Role]string{}
	for r := Title; r < numRoles; r++ {
		first[r] = s.Chain(r)[0].Path
	}
	want := map[Role]string{Title: songFile, Heading: wqyFile, Kaiti: kaiFile, Body: songFile}
	for r, p := range want {
		if first[r] != p {
			t.Errorf("%s: first face %s, want %s (unless a Windows font is installed)", r, first[r], p)
		}
	}
}

func FuzzTrueTypeFace(f *testing.F) {
	song, err := os.ReadFile(songFile)
	if err == nil {
		f.Add(song[:4096], 0)
		f.Add(makeTTC(song, song)[:4096], 1)
	}
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x14\x00\x00\x00\x20"), 1)
	f.Add([]byte("OTTO\x00\x00"), 0)
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		dir, err := trueTypeFace(data, index)
		if err == nil && (dir+12 > len(data) || binary.BigEndian.Uint32(data[dir:]) != tagTrueType && binary.BigEndian.Uint32(data[dir:]) != tagTrue) {
			t.Fatalf("accepted %d bytes without a TrueType header at %d", len(data), dir)
		}
		if err == nil {
			parseSFNT(data, dir)
		}
	})
}

// TestNotice: on Debian the body and title are set in a 宋体 (no free 仿宋
// or 小标宋 covers simplified Chinese), and one sentence says so; faces
// given by the user count as chosen.
func TestNotice(t *testing.T) {
	readFont(t, wqyFile, "fonts-wqy-microhei")
	s, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := "提示：没有找到公文要求的字体，PDF 用了替代字体：标题应为小标宋，用了 gbsn00lp（宋体）；正文应为仿宋，用了 gbsn00lp（宋体）。" +
		"装好这些字体（或用 --font-title、--font-heading、--font-kaiti、--font-body 指定字体文件）后重新生成即可。"
	if got := s.Notice(); got != want {
		t.Errorf("notice:\n got %s\nwant %s", got, want)
	}
	s, err = Load(Config{Title: songFile, Body: songFile})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Notice(); got != "" {
		t.Errorf("notice with chosen fonts: %s", got)
	}
}

// TestAnyInstalledFont: a character no face of the role has comes from
// any installed font — 𠮷 (U+20BB7) from LXGW WenKai, digits for Droid
// Sans Fallback from the body face.
func TestAnyInstalledFont(t *testing.T) {
	readFont(t, wenkai, "fonts-lxgw-wenkai")
	s, err := Load(Config{Heading: heiFile})
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := s.Pick(Body, 0x20BB7); !ok || f.Name != "LXGWWenKai-Regular" {
		t.Errorf("Pick(Body, 𠮷) = %v, %v", f, ok)
	}
	if f, ok := s.Pick(Heading, '2'); !ok || f.Name == "DroidSansFallbackFull" {
		t.Errorf("Pick(Heading, 2) = %v, %v", f, ok)
	}
	var names []string
	for _, f := range s.Own(Heading) {
		names = append(names, f.Name)
	}
	if len(names) == 0 || names[0] != "DroidSansFallbackFull" {
		t.Errorf("heading chain %v", names)
	}
}

func TestCommon(t *testing.T) {
	for _, r := range "2aZ中国，“啊齄" {
		if !Common(r) {
			t.Errorf("Common(%q) = false", r)
		}
	}
	for _, r := range "𠮷\u4DB5€" {
		if Common(r) {
			t.Errorf("Common(%q) = true", r)
		}
	}
}
