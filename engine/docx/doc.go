// Package docx writes a parsed report as the Word file cadres edit and
// submit: WordprocessingML laid out after GB/T 9704-2012, from the same
// *markdown.Document and layout profile the PDF writer takes.
//
// # The document
//
//   - Page: A4, the profile's margins (official: top 37 mm, bottom 35 mm,
//     left 28 mm, right 26 mm), a document grid of Rows lines × Cols
//     characters (w:docGrid linesAndChars; official: linePitch 579,
//     charSpace -842, the pitch of 15.79 pt that puts 28 characters of 3号
//     in 156 mm), odd and even footers with "— N —" in 4号, odd pages at
//     the right and even pages at the left, one character in.
//   - Styles, named as Word shows them in Chinese: 正文 (Normal) in 仿宋 3号,
//     justified, first line indented two characters, exact line spacing on
//     the grid, Chinese line breaking (kinsoku) and punctuation compression;
//     标题 (Title) in 小标宋 2号, centred; 一级标题 … 六级标题, based on Word's
//     heading 1 … 6 so that the navigation pane and pandoc know them as
//     headings, in 黑体, 楷体 and 仿宋 as GB/T 9704 7.3.3 says; 称谓 flush left;
//     落款 right-aligned two characters in, with the date placed as the PDF
//     places it (7.3.5.2); 表格 with every rule, the header row repeated on
//     each page, no row split across pages; 表格文字 in 4号.
//   - Fonts are named, never embedded, with w:eastAsia set and a
//     substitute in the font table: 仿宋_GB2312 (仿宋), 楷体_GB2312 (楷体), 黑体,
//     方正小标宋简体 (宋体). The roles are the PDF writer's: title, heading,
//     kaiti, body.
//   - docProps from the metadata: title, author (the issuing union),
//     subject, keywords, language, and the report's date as the creation
//     date and the archive's file times, so the same input gives the same
//     bytes.
//
// The styles are also a pandoc reference document (Reference, written by
// huibao init 公文参考.docx): pandoc refers to its styles by ID (Title,
// Heading1, BodyText, Compact, Table), which these styles use, and to the
// Markdown's custom-style names (落款, 称谓) by name.
//
// LibreOffice (7.4, Debian 12's) gives a character wider than the grid's
// pitch two cells of the grid, and 3号 (16 pt) is wider than the official
// pitch (15.79 pt): text on the grid is therefore set 98 % wide (w:w), which
// LibreOffice then sets 28 to a line as Word does, and indents are written
// in whole cells as well as in characters.
//
// # Stages
//
//	markdown.Document ─writer─▶ word/document.xml ─pack─▶ .docx (zip)
//	layout.Profile ─geometryOf─▶ page setup, grid, styles.xml
//
// The body is written one paragraph or table row a line, so that it reads
// and diffs as text: testdata/*.document.xml and *.styles.xml are the
// goldens (go test ./engine/docx -update). Real readers check the rest:
// pandoc reads the file back (engine's TestDOCXReadBack), LibreOffice
// Writer lays it out and pdftotext measures the pages (TestLibreOffice).
//
// # Why encoding/xml and archive/zip
//
// The Go libraries that write DOCX were compared. unioffice is paid;
// gooxml (its former open version) and fumiama/go-docx are AGPL;
// yunkeweb/go-word is LGPL. Of the MIT ones, gomutex/godocx is
// unmaintained (its fork ubavic/godocx needs Go 1.26 and the module proxy
// lists no version of it), mmonterroca/docxgo is a beta, and
// SamYue1/go-docx a port in progress. Each starts from a bundled Word
// template (Calibri, theme colours, a hundred latent styles) that huibao
// would replace whole, and none was needed for what is not WordprocessingML
// itself: what huibao writes is a dozen fixed parts and about twenty kinds
// of element, whose order and values GB/T 9704 and the grid decide, and
// its output must be byte-for-byte the same for the same input (the
// archive's times, the parts' order). Writing the markup directly, with
// encoding/xml escaping the text and archive/zip packing the parts, keeps
// every element in view and under test, costs no dependency, and is fast:
// a few milliseconds for a 5-page report, a fraction of what the PDF
// writer takes (BenchmarkRender in both packages).
package docx
