package font

import (
	"fmt"
	"strings"
)

// installHint names what to install when no usable CJK font is found.
const installHint = "请安装中文 TrueType 字体后重试：Debian/Ubuntu 运行 " +
	"“apt-get install fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-droid-fallback fonts-lxgw-wenkai”；" +
	"Windows 请确认 C:\\Windows\\Fonts 中有 simsun.ttc、simhei.ttf、simfang.ttf、simkai.ttf；" +
	"也可以在配置或命令行参数中指定 .ttf 字体文件"

// cffHint says which files to use instead of a CFF-outline font.
const cffHint = "PDF 只能嵌入 TrueType 轮廓的字体，请改用 .ttf 文件，例如 Windows 的 simsun.ttc、simhei.ttf、simfang.ttf、simkai.ttf，" +
	"或 Debian 的 fonts-arphic-gbsn00lp（gbsn00lp.ttf）、fonts-droid-fallback（DroidSansFallbackFull.ttf）、fonts-lxgw-wenkai（LXGWWenKai-Regular.ttf）；" +
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
	for _, r := range e.Runes {
		chars = append(chars, fmt.Sprintf("“%c”（U+%04X）", r, r))
	}
	return fmt.Sprintf("字体缺少字形：%s 在“%s”字体（%s）中都没有，无法写入 PDF。%s",
		strings.Join(chars, "、"), e.Role.Chinese(), strings.Join(e.Faces, "、"),
		"请改写这些字符，或安装/指定包含它们的 TrueType 字体（如 fonts-lxgw-wenkai 的 LXGWWenKai-Regular.ttf）")
}
