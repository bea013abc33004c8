package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
	// Into an empty struct: the syntax is checked in full, and nothing of
	// a huge list is kept.
	err := json.Unmarshal(text, new(struct{}))
	var se *json.SyntaxError
	if err == nil || !errors.As(err, &se) {
		return nil
	}
	off := se.Offset
	if c := commentBefore(text, off); c >= 0 {
		line, col := offsetPos(text, int64(c)+1)
		return &diag.Problem{Pos: diag.Pos{File: name, Line: line, Col: col},
			Msg: "JSON 文件里不能写注释（// 或 /* */）", Hint: "请删去注释；需要说明时改用 YAML 格式（.yaml），YAML 可以用 # 写注释"}
	}
	if r, at := runeAt(text, off); r == '“' || r == '”' || r == '‘' || r == '’' {
		line, col := offsetPos(text, int64(at)+1)
		return &diag.Problem{Pos: diag.Pos{File: name, Line: line, Col: col},
			Msg: fmt.Sprintf("JSON 里用了中文引号“%c”", r), Hint: "JSON 的字段名和文字要用英文双引号 \" 括起来；文字内容里的中文引号不受影响"}
	}
	if r, _ := runeAt(text, off); (r == ']' || r == '}') && lastNonSpace(text[:max(0, min(int(off)-1, len(text)))]) == ',' {
		// A comma before a closing bracket: point at the comma, not at the
		// bracket after it.
		off = int64(bytes.LastIndexByte(text[:max(0, min(int(off)-1, len(text)))], ',')) + 1
		line, col := offsetPos(text, off)
		return &diag.Problem{Pos: diag.Pos{File: name, Line: line, Col: col},
			Msg: "JSON 格式错误：最后一项后面多了逗号", Hint: "JSON 里列表和对象的最后一项后面不能有逗号，请删去这个逗号"}
	}
	m, hint, _ := diag.Explain(diag.JSON, se.Error())
	line, col := offsetPos(text, off)
	return &diag.Problem{Pos: diag.Pos{File: name, Line: line, Col: col}, Msg: "JSON 格式错误：" + m, Hint: hint}
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

func lastNonSpace(b []byte) byte {
	s := bytes.TrimRight(b, " \t\r\n")
	if len(s) == 0 {
		return 0
	}
	return s[len(s)-1]
}

// commentBefore returns the byte offset of a // or /* comment that starts,
// outside any string, before off; or -1.
func commentBefore(text []byte, off int64) int {
	inString, escaped := false, false
	for i := 0; i < len(text) && int64(i) < off+1; i++ {
		c := text[i]
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && c == '/' && i+1 < len(text) && (text[i+1] == '/' || text[i+1] == '*'):
			return i
		}
	}
	return -1
}

// runeAt returns the rune that contains the byte just before off (where
// encoding/json stopped), and its byte offset.
func runeAt(text []byte, off int64) (rune, int) {
	i := int(off) - 1
	if i < 0 || i >= len(text) {
		return utf8.RuneError, 0
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	r, _ := utf8.DecodeRune(text[i:])
	return r, i
}
