// Package font finds, loads and measures the CJK TrueType fonts of a report by
// role (title, heading, kaiti, body), once per process, for any number of
// concurrently rendered documents.
//
// # Finding fonts
//
// Each role has a chain of faces: the files given in Config first (each must
// have Chinese glyphs), then the system fonts known for that role (Windows
// 方正小标宋/simhei/simkai/simfang/simsun, macOS Songti/STHeiti/Kaiti, and the
// Debian packages in the order of the survey in search.go: WenQuanYi Micro
// Hei for 黑体, AR PL KaitiM GB, UKai and LXGW WenKai for 楷体, AR PL SungtiL GB
// and UMing for the rest), then the body chain, then any other installed
// font. A rune missing from a face is taken from the next face of the chain
// that has it. Set.Notice names the roles whose first face is not of the
// style GB/T 9704 asks for (仿宋 body, 小标宋 title), for the caller to show
// once per run.
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
