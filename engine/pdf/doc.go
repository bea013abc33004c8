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
// line start, a number kept with its unit (12次, 4509.50元), Latin words and
// numbers whole. A line may end in a full-width closing mark compressed to half
// width, squeezing the line by up to half a character (挤进) rather than pushing
// a character down. Every line but a paragraph's last is justified by spacing
// out all characters (PDF Tc), not just spaces.
//
// # Output
//
// The same input gives the same bytes: the creation date comes from the
// report's issued date, subset names from font names, and nothing from maps.
package pdf
