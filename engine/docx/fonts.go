package docx

import "fmt"

// role is what a font is used for, named as the PDF writer's font roles
// (engine/pdf/font): title, heading, kaiti, body. One role per Word font.
type role uint8

const (
	roleTitle role = iota
	roleHeading
	roleKaiti
	roleBody
)

// face is the Word font of a role: its name, and the name Word substitutes
// when the machine lacks it (w:altName in the font table). Fonts are named,
// never embedded: a cadre's Windows has 仿宋, 楷体, 黑体 and 宋体; machines
// set up for official documents also have the GB2312 faces and 方正小标宋.
type face struct{ name, alt string }

var faces = [...]face{
	roleTitle:   {"方正小标宋简体", "宋体"},
	roleHeading: {"黑体", ""},
	roleKaiti:   {"楷体_GB2312", "楷体"},
	roleBody:    {"仿宋_GB2312", "仿宋"},
}

// rFonts is the w:rFonts element setting every script of a run in the
// role's face: digits and Latin letters are set in the Chinese face, as in
// the PDF; the hint sends ambiguous characters (— … “ ”) to the East Asian
// slot, full width.
func rFonts(r role) string {
	n := faces[r].name
	return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:eastAsia="%s" w:hAnsi="%s" w:cs="%s" w:hint="eastAsia"/>`, n, n, n, n)
}

// fontTable is word/fontTable.xml: the faces with their substitutes, all
// GB2312 (charset 86).
func fontTable() []byte {
	var b xmlBuf
	b.WriteString(xmlHeader + `<w:fonts ` + nsW + `>`)
	font := func(name, alt, family, pitch string) {
		b.WriteString(`<w:font w:name="` + name + `">`)
		if alt != "" {
			b.WriteString(`<w:altName w:val="` + alt + `"/>`)
		}
		b.WriteString(`<w:charset w:val="86"/><w:family w:val="` + family + `"/><w:pitch w:val="` + pitch + `"/></w:font>`)
	}
	for r, f := range faces {
		if role(r) == roleTitle {
			font(f.name, f.alt, "auto", "variable")
		} else {
			font(f.name, f.alt, "modern", "fixed")
		}
	}
	font("仿宋", "FangSong", "modern", "fixed")
	font("楷体", "KaiTi", "modern", "fixed")
	font("宋体", "SimSun", "auto", "variable")
	b.WriteString(`</w:fonts>`)
	return b.Bytes()
}
