package load

import (
	"fmt"

	"github.com/goccy/go-yaml/token"

	"github.com/huibao/huibao/engine/diag"
)

// MaxItems bounds the pieces of a YAML or JSON file — lines, list entries,
// keys, brackets — checked before the parser sees it: the parser keeps about
// a kilobyte per piece, so that a file of "a,a,a,…" would take gigabytes.
// A large street's year (146 activities) has 2 800; the largest input the
// list limits allow (2000 activities, 500 indicators…) some 45 000.
const MaxItems = 100_000

// tooMany refuses a text of more than MaxItems pieces, counted by a quick
// scan: each non-blank line, and each flow bracket, comma and "- " or ": "
// outside quotes and comments. The count errs high (a comma in a plain
// Chinese sentence counts), never low.
func tooMany(name string, text []byte) *diag.Problem {
	if n, line := items(text, MaxItems); n > MaxItems {
		return &diag.Problem{Pos: diag.Pos{File: name, Line: line},
			Msg:  fmt.Sprintf("文件里的项目太多（到第 %d 行已超过 %d 个）", line, MaxItems),
			Hint: "一个单位一期的填报数据不会有这么多项；请确认选对了文件"}
	}
	return nil
}

// items counts the pieces of text, stopping past limit; line is where
// the count stopped.
func items(text []byte, limit int) (n, line int) {
	line = 1
	blank := true
	var quote byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
			if !blank {
				n++
			}
			line++
			blank = true
			continue
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' && i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n'):
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			if i == 0 || !isWord(text[i-1]) {
				quote = c
			}
		case c == '[' || c == ']' || c == '{' || c == '}' || c == ',':
			n++
		case (c == '-' || c == ':') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\r'):
			n++
		}
		if c != ' ' && c != '\t' && c != '\r' {
			blank = false
		}
		if n > limit {
			return n, line
		}
	}
	return n, line
}

func isWord(c byte) bool {
	return c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// tooDeep refuses text nested deeper than MaxDepth, at the token that goes
// too deep. The depth counts flow brackets ([ and {) and block levels, a
// block level being a new indentation of a key or of a "- " entry: - - - x
// is three levels, as is a: {b: [x]}.
func tooDeep(name string, tokens token.Tokens) *diag.Problem {
	flow := 0
	var block []int // columns of the open block levels, increasing
	for i, tk := range tokens {
		if tk.Position == nil {
			continue
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
			continue
		case token.SequenceEntryType, token.MappingKeyType:
			if flow > 0 {
				continue
			}
			block = indent(block, tk.Position.Column)
		case token.MappingValueType:
			if flow > 0 || i == 0 || tokens[i-1].Position == nil {
				continue
			}
			block = indent(block, tokens[i-1].Position.Column)
		default:
			continue
		}
		if len(block)+flow > MaxDepth {
			return &diag.Problem{Pos: diag.Pos{File: name, Line: tk.Position.Line, Col: tk.Position.Column},
				Msg:  fmt.Sprintf("嵌套层数太多：到这里已超过 %d 层", MaxDepth),
				Hint: "填报数据最多嵌套四五层（如 org.overview 的一项）；请检查这里的缩进和括号是否写错"}
		}
	}
	return nil
}

// indent records a block level at column col: levels indented deeper are
// closed, and col opens one unless it is open already.
func indent(block []int, col int) []int {
	for len(block) > 0 && block[len(block)-1] > col {
		block = block[:len(block)-1]
	}
	if len(block) == 0 || block[len(block)-1] < col {
		block = append(block, col)
	}
	return block
}
