// Package font finds, loads and measures the CJK TrueType fonts of a report by
// role (title, heading, kaiti, body), once per process, for any number of
// concurrently rendered documents.
//
// # Finding fonts
//
// Each role has a chain of faces: the files given in Config first, then the
// system fonts known for that role (Windows simhei/simkai/simfang/simsun,
// macOS Songti/STHeiti/Kaiti, the Debian packages fonts-arphic-gbsn00lp,
// fonts-arphic-gkai00mp, fonts-lxgw-wenkai and fonts-droid-fallback), then the
// body chain. A rune missing from a face is taken from the next face of the
// chain that has it.
//
// # Formats
//
// gopdf embeds TrueType outlines only. A TrueType collection (.ttc) is split
// here into a standalone face ("simsun.ttc#1" picks the second face); a font
// with CFF outlines (Noto CJK, Source Han, most .otf) is refused with a message
// that names a TrueType file to use instead.
//
// # Cost
//
// Configured and first-choice faces are parsed when the Set is loaded;
// fallback faces when a rune first needs them. Advance widths are kept in a
// flat table per face, so measuring a rune is two slice reads.
package font
