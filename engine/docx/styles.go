package docx

import (
	"bytes"
	"fmt"
	"strconv"
)

// Style IDs. Word knows a built-in style by its name (Normal, Title,
// heading 1, Body Text, footer) and shows it in the language of its own
// interface: 正文, 标题, 标题 1, 正文文本, 页脚. The styles a cadre applies are
// named in Chinese: 一级标题 … 六级标题, 落款, 称谓, 表格, 表格文字.
//
// pandoc's DOCX writer refers to its styles by these IDs (Title, Heading1,
// BodyText, FirstParagraph, Compact, BlockText, Table) and to custom-style
// names by name, so the same styles.xml is a pandoc reference document; its
// DOCX reader knows headings by the name "heading N" or a style based on
// one, so the Chinese heading styles are based on the built-in ones.
const (
	styleNormal     = "Normal"
	styleTitle      = "Title"
	styleSignature  = "Signature"  // 落款
	styleSalutation = "Salutation" // 称谓
	styleBlock      = "BlockText"
	styleTableText  = "Compact" // 表格文字
	styleTable      = "Table"   // 表格
	styleFooter     = "Footer"
)

// levelNames are the Chinese names of the heading styles by level.
var levelNames = [...]string{"一级标题", "二级标题", "三级标题", "四级标题", "五级标题", "六级标题"}

// levelStyle is the style ID of a heading level (1…6): the Chinese-named
// style, based on Word's built-in heading of the same level.
func levelStyle(level int) string { return "Level" + strconv.Itoa(level) }

// levelRole is the face of a heading level, as in the PDF and GB/T 9704
// 7.3.3: 一、 黑体, （一） 楷体, 1. and （1） 仿宋.
func levelRole(level int) role {
	switch level {
	case 1:
		return roleHeading
	case 2:
		return roleKaiti
	}
	return roleBody
}

// custom is a paragraph style a div names with custom-style that is none
// of ours: like pandoc, the writer adds it, based on 正文, so a cadre can
// restyle those paragraphs in Word.
type custom struct{ id, name string }

// styles is word/styles.xml for a geometry, with the custom styles met.
func styles(g *geometry, customs []custom) []byte {
	var b xmlBuf
	b.WriteString(xmlHeader + `<w:styles ` + nsW + `>` + "\n")
	lineExact := fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, g.linePitch)
	noIndent := `<w:ind w:firstLine="0" w:firstLineChars="0"/>`
	size := func(hp int) string { return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp) }
	// Plain runs: no bold, no italic, black. LibreOffice gives its own
	// heading and title styles bold and larger type unless told otherwise.
	plain := `<w:b w:val="0"/><w:bCs w:val="0"/><w:i w:val="0"/><w:iCs w:val="0"/><w:color w:val="000000"/>`
	// Text on the grid is set g.scale percent wide (see geometryOf); text off
	// it (the title, tables, the page number) at full width.
	gridScale := fmt.Sprintf(`<w:w w:val="%d"/>`, g.scale)
	fullScale := `<w:w w:val="100"/>`
	offGrid := `<w:snapToGrid w:val="0"/>`

	// Defaults: 3号 仿宋, Chinese, on the grid.
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr>%s%s<w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>%s</w:pPr></w:pPrDefault></w:docDefaults>`+"\n",
		rFonts(roleBody), size(g.body), lineExact)

	// 正文: justified, first line indented two characters, exact line
	// spacing on the grid; Chinese line breaking (kinsoku), punctuation
	// compressed at a line's start, no widow control (every page has its 22
	// lines, as in the PDF), no automatic space between Chinese and Latin.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:default="1" w:styleId="%s"><w:name w:val="Normal"/><w:qFormat/>`+
		`<w:pPr><w:widowControl w:val="0"/><w:kinsoku/><w:overflowPunct/><w:topLinePunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid/>%s<w:ind w:firstLine="%d" w:firstLineChars="200"/><w:jc w:val="both"/></w:pPr>`+
		`<w:rPr>%s%s%s%s</w:rPr></w:style>`,
		styleNormal, lineExact, g.chars(2), rFonts(roleBody), plain, gridScale, size(g.body))
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)

	// 标题: 2号 小标宋, centred, one blank line below.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="Title"/><w:basedOn w:val="%s"/><w:next w:val="%s"/><w:uiPriority w:val="10"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/><w:keepLines/>%s<w:spacing w:before="0" w:after="%d" w:line="%d" w:lineRule="exact"/>%s<w:jc w:val="center"/></w:pPr>`+
		`<w:rPr>%s%s%s%s</w:rPr></w:style>`,
		styleTitle, styleNormal, styleNormal, offGrid, g.linePitch, g.linePitch, noIndent, rFonts(roleTitle), plain, fullScale, size(g.title))

	// Headings: Word's built-in heading N carries the look and the outline
	// level (the navigation pane); N级标题 is based on it.
	for i, name := range levelNames {
		level := i + 1
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="%s"/><w:next w:val="%s"/><w:uiPriority w:val="9"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:keepLines/>%s<w:outlineLvl w:val="%d"/></w:pPr><w:rPr>%s%s%s</w:rPr></w:style>`,
			level, level, styleNormal, styleNormal, lineExact, i, rFonts(levelRole(level)), plain, size(g.body))
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Heading%d"/><w:next w:val="%s"/><w:qFormat/>`+
			`<w:pPr><w:outlineLvl w:val="%d"/></w:pPr></w:style>`,
			levelStyle(level), name, level, styleNormal, i)
	}

	// 落款: one blank line below the text (contextual spacing drops it
	// between the block's own paragraphs), right-aligned, two characters in
	// from the right; the writer adjusts the date's indent (GB/T 9704
	// 7.3.5.2). Kept on one page.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="落款"/><w:basedOn w:val="%s"/><w:next w:val="%s"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="0" w:line="%d" w:lineRule="exact"/><w:ind w:right="%d" w:rightChars="200" w:firstLine="0" w:firstLineChars="0"/><w:contextualSpacing/><w:jc w:val="right"/></w:pPr></w:style>`,
		styleSignature, styleNormal, styleNormal, g.linePitch, g.linePitch, g.chars(2))
	// 称谓: the greeting or 主送 line, flush left (GB/T 9704 7.3.2).
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="称谓"/><w:basedOn w:val="%s"/><w:next w:val="%s"/><w:qFormat/>`+
		`<w:pPr>%s<w:jc w:val="left"/></w:pPr></w:style>`,
		styleSalutation, styleNormal, styleNormal, noIndent)

	// pandoc's paragraph styles, set as 正文.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="%s"/><w:qFormat/></w:style>`, styleNormal)
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="FirstParagraph"><w:name w:val="First Paragraph"/><w:basedOn w:val="%s"/><w:next w:val="BodyText"/><w:qFormat/></w:style>`, styleNormal)
	// Block quotes in 楷体, as in the PDF.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="Block Text"/><w:basedOn w:val="%s"/><w:qFormat/><w:rPr>%s</w:rPr></w:style>`,
		styleBlock, styleNormal, rFonts(roleKaiti))

	// 表格文字: the table size (4号 in the official profile), off the grid,
	// at the PDF's table line height.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="表格文字"/><w:basedOn w:val="%s"/><w:qFormat/>`+
		`<w:pPr>%s<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>%s<w:jc w:val="left"/></w:pPr><w:rPr>%s%s</w:rPr></w:style>`,
		styleTableText, styleNormal, offGrid, g.tableLine, noIndent, fullScale, size(g.table))
	// 页脚: the page number, 4号.
	fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="footer"/><w:basedOn w:val="%s"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>`+
		`<w:pPr>%s<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>%s</w:pPr><w:rPr>%s%s</w:rPr></w:style>`,
		styleFooter, styleNormal, offGrid, tw(float64(g.num)/2*1.2), noIndent, fullScale, size(g.num))

	// Tables: 普通表格 (Word's default), and 表格 with every rule, cells
	// padded as in the PDF, the header row centred in 黑体 and repeated on
	// every page, rows never split across pages.
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	rule := func(side string) string {
		return `<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
	}
	fmt.Fprintf(&b, `<w:style w:type="table" w:styleId="%s"><w:name w:val="表格"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>`+
		`<w:pPr>%s</w:pPr><w:tblPr><w:jc w:val="center"/><w:tblBorders>%s%s%s%s%s%s</w:tblBorders>`+
		`<w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar></w:tblPr>`+
		`<w:trPr><w:cantSplit/></w:trPr><w:tcPr><w:vAlign w:val="center"/></w:tcPr>`+
		`<w:tblStylePr w:type="firstRow"><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr>%s</w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr></w:tblStylePr></w:style>`,
		styleTable, noIndent, rule("top"), rule("left"), rule("bottom"), rule("right"), rule("insideH"), rule("insideV"),
		g.cellY, g.cellX, g.cellY, g.cellX, rFonts(roleHeading))

	for _, c := range customs {
		b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + c.id + `"><w:name w:val="`)
		b.esc(c.name)
		b.WriteString(`"/><w:basedOn w:val="` + styleNormal + `"/><w:qFormat/></w:style>`)
	}
	b.WriteString(`</w:styles>`)
	// One style a line, so that the part reads (and diffs) as text.
	return bytes.ReplaceAll(b.Bytes(), []byte("</w:style>"), []byte("</w:style>\n"))
}
