package load

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/huibao/huibao/engine/diag"
)

// toUTF8 returns data as UTF-8 text. UTF-8 (with or without BOM) passes
// through; UTF-16 with a BOM (Windows Notepad's "Unicode") is decoded; text
// that is not UTF-8 but decodes cleanly as GB18030 — the GBK files Chinese
// Windows writes by default — is decoded with a warning. Anything else is
// refused: guessing would put garbled characters into a report.
func toUTF8(name string, data []byte) ([]byte, diag.List) {
	var probs diag.List
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder()
		out, _, err := transform.Bytes(dec, data)
		if err != nil || !utf8.Valid(out) {
			probs.Add(diag.Pos{File: name}, "", "文件是 UTF-16 编码，但内容无法解读", "请用记事本或 VS Code 另存为“UTF-8”编码")
			return nil, probs
		}
		return out, probs
	}
	if utf8.Valid(data) {
		return data, probs
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err == nil && utf8.Valid(out) && !bytes.ContainsRune(out, utf8.RuneError) && hasHan(out) {
		probs.Warn(diag.Pos{File: name}, "", "文件是 GBK（国标）编码，已按 GBK 读取",
			"建议用记事本或 VS Code 另存为“UTF-8”编码，以免其他软件读错")
		return out, probs
	}
	line, col := firstInvalid(data)
	probs.Add(diag.Pos{File: name, Line: line, Col: col}, "", "文件不是 UTF-8 编码，也不是 GBK 编码，无法读取其中的文字",
		"请用记事本或 VS Code 打开后另存为“UTF-8”编码")
	return nil, probs
}

func hasHan(b []byte) bool {
	for _, r := range string(b) {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// firstInvalid finds the line and column of the first byte that is not UTF-8.
func firstInvalid(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[n:]
	}
	return line, col
}
