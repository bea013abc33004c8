package font

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// installHint names what to install when no usable CJK font is found.
const installHint = "请安装中文 TrueType 字体后重试：Debian/Ubuntu 运行 " +
	"“apt-get install fonts-arphic-gbsn00lp fonts-arphic-uming fonts-arphic-gkai00mp fonts-arphic-ukai fonts-wqy-microhei fonts-lxgw-wenkai”；" +
	"Windows 请确认 C:\\Windows\\Fonts 中有 simsun.ttc、simhei.ttf、simfang.ttf、simkai.ttf；" +
	"也可以在配置或命令行参数中指定 .ttf 字体文件"

// cffHint says which files to use instead of a CFF-outline font.
const cffHint = "PDF 只能嵌入 TrueType 轮廓的字体，请改用 .ttf 文件，例如 Windows 的 simsun.ttc、simhei.ttf、simfang.ttf、simkai.ttf，" +
	"或 Debian 的 fonts-arphic-gbsn00lp（gbsn00lp.ttf）、fonts-wqy-microhei（wqy-microhei.ttc）、fonts-lxgw-wenkai（LXGWWenKai-Regular.ttf）；" +
	"Noto CJK 与思源（Source Han）字体均为 CFF 轮廓，不能使用"

// NoCJKFontError says that a role found no face with Chinese glyphs.
type NoCJKFontError struct {
	Role    Role
	Skipped []string // files looked at and why they were not used
}

func (e *NoCJKFontError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "没有找到可用于“%s”的中文字体。%s。", e.Role.Chinese(), installHint)
	if len(e.Skipped) > 0 {
		b.WriteString("未能使用的字体文件：")
		b.WriteString(strings.Join(e.Skipped, "；"))
	}
	return b.String()
}

// FileError is a font file that cannot be used, with the reason in Chinese.
type FileError struct {
	Path string
	Msg  string
}

func (e *FileError) Error() string { return fmt.Sprintf("字体文件 %s %s", e.Path, e.Msg) }

// MissingGlyphError lists runes that no face of a role's chain can draw.
type MissingGlyphError struct {
	Role  Role
	Runes []rune
	Faces []string // the faces tried
}

func (e *MissingGlyphError) Error() string {
	var chars []string
	common := true
	for _, r := range e.Runes {
		chars = append(chars, fmt.Sprintf("“%c”（U+%04X）", r, r))
		common = common && Common(r)
	}
	if common { // the fonts are incomplete, not the text unusual
		return fmt.Sprintf("字体缺少常用字符：%s 在“%s”字体（%s）和其他已安装的字体中都没有，无法写入 PDF。%s",
			strings.Join(chars, "、"), e.Role.Chinese(), strings.Join(e.Faces, "、"), installHint)
	}
	return fmt.Sprintf("字体缺少字形：%s 在“%s”字体（%s）和其他已安装的字体中都没有，无法写入 PDF。%s",
		strings.Join(chars, "、"), e.Role.Chinese(), strings.Join(e.Faces, "、"),
		"请改写这些字符，或安装/指定包含它们的 TrueType 字体（如 fonts-lxgw-wenkai 的 LXGWWenKai-Regular.ttf）")
}

// Common reports whether r is a character every Chinese font set must
// have: printable ASCII, or a character of GB 2312 (hanzi of both levels,
// marks, full-width forms).
func Common(r rune) bool {
	if r >= 0x20 && r < 0x7F {
		return true
	}
	_, ok := gb2312(r)
	return ok
}

// Machine reports whether the missing characters are the machine's
// fault (its fonts lack common characters) rather than the text's.
func (e *MissingGlyphError) Machine() bool {
	for _, r := range e.Runes {
		if !Common(r) {
			return false
		}
	}
	return true
}

// gb2312 encodes r in GB 2312 (EUC-CN): GBK's two-byte codes whose bytes
// are both in 0xA1–0xFE; ok is false for a character outside it.
func gb2312(r rune) ([]byte, bool) {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(b) != 2 || b[0] < 0xA1 || b[0] == 0xFF || b[1] < 0xA1 || b[1] == 0xFF {
		return nil, false
	}
	return b, true
}
