package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
)

// jsonSyntax checks that a .json file is strict JSON. The YAML parser that
// reads it afterwards (for positions) would accept things JSON does not —
// trailing commas, comments, unquoted keys — and a file named .json should
// open in every other JSON tool too. It returns nil for valid JSON.
func jsonSyntax(name string, data []byte) *diag.Problem {
	text := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(text) {
		return nil // the encoding check reports this
	}
	var v any
	err := json.Unmarshal(text, &v)
	var se *json.SyntaxError
	if err == nil || !errors.As(err, &se) {
		return nil
	}
	off := se.Offset
	msg, hint := explainJSON(se.Error(), text, off)
	if strings.Contains(msg, "多了逗号") {
		// Point at the comma, not at the bracket after it.
		off = int64(bytes.LastIndexByte(text[:max(0, min(int(off)-1, len(text)))], ',')) + 1
	}
	line, col := offsetPos(text, off)
	return &diag.Problem{Pos: diag.Pos{File: name, Line: line, Col: col}, Msg: msg, Hint: hint}
}

// offsetPos turns the byte offset just past an error into a 1-based line
// and rune column of the offending character.
func offsetPos(text []byte, off int64) (line, col int) {
	if off > 0 {
		off-- // json reports the offset after the bad byte
	}
	if off > int64(len(text)) {
		off = int64(len(text))
	}
	before := text[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

func explainJSON(msg string, text []byte, off int64) (string, string) {
	prev := lastNonSpace(text[:max(0, min(int(off)-1, len(text)))])
	switch {
	case (strings.Contains(msg, "looking for beginning of object key string") || strings.Contains(msg, "looking for beginning of value")) && prev == ',':
		return fmt.Sprintf("JSON 格式错误：最后一项后面多了逗号（%s）", msg), "JSON 里列表和对象的最后一项后面不能有逗号，请删去这个逗号"
	case strings.Contains(msg, "looking for beginning of object key string"):
		return fmt.Sprintf("JSON 格式错误：字段名要用双引号括起来（%s）", msg), "例如 \"name\": \"柳背桥社区工会\""
	case strings.Contains(msg, "after object key:value pair"), strings.Contains(msg, "after array element"):
		return fmt.Sprintf("JSON 格式错误：两项之间缺少逗号（%s）", msg), "相邻的两项之间用英文逗号隔开"
	case strings.Contains(msg, "unexpected end of JSON input"):
		return "JSON 格式错误：文件意外结束", "检查 { 和 }、[ 和 ] 是否成对"
	case strings.Contains(msg, "in string literal"):
		return fmt.Sprintf("JSON 格式错误：字符串里有不允许的字符（%s）", msg), "换行要写成 \\n，双引号要写成 \\\""
	}
	return fmt.Sprintf("JSON 格式错误（%s）", msg), "请用 VS Code 等编辑器检查这一处的写法"
}

func lastNonSpace(b []byte) byte {
	s := bytes.TrimRight(b, " \t\r\n")
	if len(s) == 0 {
		return 0
	}
	return s[len(s)-1]
}
