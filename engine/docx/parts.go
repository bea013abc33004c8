package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/huibao/huibao/engine/markdown"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR       = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

// xmlBuf builds an XML part. Markup is written as it is; text and
// attribute values from the document go through esc.
type xmlBuf struct{ bytes.Buffer }

// esc writes s escaped for text or a double-quoted attribute value.
func (b *xmlBuf) esc(s string) { _ = xml.EscapeText(b, []byte(s)) }

// part is one file of the package.
type part struct {
	name string
	data []byte
}

// pack zips the parts in order. Every entry has the same modification time
// (the report's date, else 1980-01-01), so the same document gives the same
// bytes.
func pack(parts []part, date time.Time) ([]byte, error) {
	if date.IsZero() || date.Year() < 1980 {
		date = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: date})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// contentTypes is [Content_Types].xml.
func contentTypes() []byte {
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	var b xmlBuf
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + wml + `document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="` + wml + `styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="` + wml + `settings+xml"/>` +
		`<Override PartName="/word/fontTable.xml" ContentType="` + wml + `fontTable+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="` + wml + `footer+xml"/>` +
		`<Override PartName="/word/footer2.xml" ContentType="` + wml + `footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
	return b.Bytes()
}

const relsNS = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
const relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

// rootRels is _rels/.rels.
func rootRels() []byte {
	return []byte(xmlHeader + `<Relationships ` + relsNS + `>` +
		`<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + relType + `extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)
}

// Relationship IDs of document.xml.
const (
	ridStyles     = "rId1"
	ridSettings   = "rId2"
	ridFontTable  = "rId3"
	ridFooterOdd  = "rId4"
	ridFooterEven = "rId5"
)

// documentRels is word/_rels/document.xml.rels.
func documentRels() []byte {
	return []byte(xmlHeader + `<Relationships ` + relsNS + `>` +
		`<Relationship Id="` + ridStyles + `" Type="` + relType + `styles" Target="styles.xml"/>` +
		`<Relationship Id="` + ridSettings + `" Type="` + relType + `settings" Target="settings.xml"/>` +
		`<Relationship Id="` + ridFontTable + `" Type="` + relType + `fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="` + ridFooterOdd + `" Type="` + relType + `footer" Target="footer1.xml"/>` +
		`<Relationship Id="` + ridFooterEven + `" Type="` + relType + `footer" Target="footer2.xml"/>` +
		`</Relationships>`)
}

// sectPr is the page setup: A4, the profile's margins, the footers, and
// the document grid of Rows lines × Cols characters.
func sectPr(g *geometry) string {
	return fmt.Sprintf(`<w:sectPr><w:footerReference w:type="even" r:id="%s"/><w:footerReference w:type="default" r:id="%s"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`<w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="%d" w:charSpace="%d"/></w:sectPr>`,
		ridFooterEven, ridFooterOdd, g.pageW, g.pageH, g.top, g.right, g.bottom, g.left, g.header, g.footer, g.linePitch, g.charSpace)
}

// footer is a footer with the page number "— N —" (GB/T 9704 7.5: 4号,
// odd pages at the right, even pages at the left, one character in).
func footer(g *geometry, odd bool) []byte {
	side, jc := "left", "left"
	if odd {
		side, jc = "right", "right"
	}
	var b xmlBuf
	b.WriteString(xmlHeader + `<w:ftr ` + nsW + ` ` + nsR + `>`)
	fmt.Fprintf(&b, `<w:p><w:pPr><w:pStyle w:val="%s"/><w:ind w:%s="%d"/><w:jc w:val="%s"/></w:pPr>`, styleFooter, side, g.num*10, jc)
	b.WriteString(`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`)
	return b.Bytes()
}

// settings is word/settings.xml: odd and even footers, Word's Chinese line
// breaking with the punctuation lists for zh-CN, punctuation compressed,
// fonts not embedded (Word's default when embedTrueTypeFonts is absent).
func settings() []byte {
	const (
		// Characters that may not begin a line, and that may not end one:
		// Word's own lists for Simplified Chinese.
		notFirst = `!%),.:;&gt;?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠`
		notLast  = `$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥`
	)
	return []byte(xmlHeader + `<w:settings ` + nsW + `>` +
		`<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
		`<w:characterSpacingControl w:val="compressPunctuation"/>` +
		`<w:noLineBreaksAfter w:lang="zh-CN" w:val="` + notLast + `"/>` +
		`<w:noLineBreaksBefore w:lang="zh-CN" w:val="` + notFirst + `"/>` +
		`<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:useFELayout/>` +
		`<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="zh-CN" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`)
}

// coreProps is docProps/core.xml from the metadata: title, author (the
// issuing union), subject (the template), keywords, language, and the
// report's date as the creation and modification date, so the same input
// gives the same bytes.
func coreProps(m markdown.Meta) []byte {
	var b xmlBuf
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(tag, v string) {
		if v == "" {
			return
		}
		b.WriteString("<" + tag + ">")
		b.esc(v)
		b.WriteString("</" + tag + ">")
	}
	elem("dc:title", m.Title)
	elem("dc:subject", m.Subject)
	elem("dc:creator", m.Author)
	elem("cp:keywords", strings.Join(m.Keywords, "; "))
	lang := m.Lang
	if lang == "" {
		lang = "zh-CN"
	}
	elem("dc:language", lang)
	elem("cp:lastModifiedBy", m.Author)
	if !m.Issued.IsZero() {
		d := m.Issued.Format("2006-01-02") + "T00:00:00Z"
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + d + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + d + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

// appProps is docProps/app.xml.
func appProps() []byte {
	return []byte(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>huibao</Application></Properties>`)
}
