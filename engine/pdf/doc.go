// Package pdf typesets a parsed report as an official-document PDF: the
// GB/T 9704-2012 page grid (22 lines × 28 characters on A4), the heading
// hierarchy by font role, ruled tables, and Chinese line breaking.
//
// # Stages
//
//	markdown.Document ─Layout─▶ *Document (pages of positioned runs) ─Draw─▶ Canvas
//
// Layout measures and breaks every line once; Draw replays the result on a
// Canvas: the gopdf canvas for real output (Render), or a Recorder whose text
// dump is golden-tested.
//
// # Use
//
//	fonts, err := pdf.LoadFonts(pdf.FontConfig{}) // once per process; empty fields → system search
//	doc, err := markdown.Parse(src)
//	out, err := pdf.Render(doc, pdf.Options{Fonts: fonts, Profile: layout.OfficialProfile()})
//
// Layout alone gives a *Document whose Draw replays it on any Canvas, such as
// a Recorder for golden tests.
//
// # Line breaking
//
// Break opportunities come from UAX #14 (github.com/rivo/uniseg), tailored for
// Chinese: no ，。、；：？！）」』”… at a line start, no （「『“ at a line end,
// “ ” treated as opening and closing marks, —— and …… never split or moved to a
// line start, a number kept with its unit — every unit of engine/model's unit
// list, which validation and zh read too, with 余 多 and 万 亿 before it and
// the date and time words of running text (12余场, 3.5万元, 2024年) — Latin
// words and numbers whole, and a URL or a long Latin word breakable after
// / . - (not inside 4509.50).
//
// Justification follows CLREQ: adjacent full-width marks give up half an em
// (），”（), a line squeezes its full-width marks before it pushes a
// character down (先挤后推), and a closing mark ends a line at half width. A
// line that must stretch widens the gaps next to Chinese characters, by at
// most maxStretch em each (then every gap, then it is left ragged), and a
// loose line shares its hole with the line above. A paragraph's last line
// holds at least two characters.
//
// # Pages
//
// Layout makes a vertical list of lines, blanks and table rows, each marked
// when the page may not break after it, and paginate cuts it into pages:
// no paragraph leaves a single line at the foot or the head of a page; a
// heading keeps two lines of what follows, through chains of headings; the
// 落款 keeps with the last lines of the text, the blank above it going when
// that keeps them on one page (GB/T 9704 7.3.5.5); a table starts with its
// header and two rows and ends with two rows, repeats its header on each
// page, and splits a row taller than a page between its lines. A title
// longer than a line breaks between its parts (union, period, document
// name) in lines as even as they allow.
//
// Tables: a column of numbers is never narrower than its widest number;
// text columns wrap first, then the table's size steps down by half points
// to the profile's TableMinSize. Rows are whole line slots high, so that
// the text after a table stays on the grid, clear of its bottom rule.
//
// The page number's dashes sit 7 mm below the type area (GB/T 9704 7.5),
// measured from the dash's outline.
//
// # Fonts
//
// engine/pdf/font finds the faces of each role (title 小标宋, heading 黑体,
// kaiti 楷体, body 仿宋) and takes a character a face lacks from the next
// face of the role, then from any installed font; Set.Notice says which
// roles stand in with a face of another style. Characters beyond U+FFFF copy
// and search as themselves: the ToUnicode map gopdf writes is corrected to
// UTF-16 surrogate pairs.
//
// # Tests
//
// TestSweep sets every fixture × template × layout and stress inputs
// (long unit names, a 150-row ledger, a cell taller than a page, every unit
// at a line end, URLs, a table too wide for its numbers) and counts what a
// typesetter would send back, reading the pages as positioned glyphs from a
// recording Canvas and, for a sample, from pdftotext -bbox of the real PDF.
//
// # Output
//
// The same input gives the same bytes: the creation date comes from the
// report's issued date, subset names from font names, and nothing from maps.
package pdf
