package vet

// Parsing a template's files, and parse errors: text/template reports a
// syntax error with a line only, so the offending token or the unclosed
// block is looked for in the text to give it a column, and the message is
// put in Chinese with a hint.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/funcs"
)

// fileSet is a template's files parsed into trees, with the defined
// templates merged the way catalog's Parse merges them.
type fileSet struct {
	files map[string]*srcFile    // by shown name
	trees map[string]*parse.Tree // templates by name: each file's own tree and every define
	probs diag.List
}

// parseFiles parses a template's sources in the order catalog's Parse
// does (partials, then the main template), each on its own so that a
// syntax error in one file does not hide problems in the others. It cannot
// use Parse itself: text/template stops at the first error and checks
// function names while parsing, with a line only. Here the parser skips
// that (SkipFuncCheck), and the checker reports unknown functions with a
// position and a suggestion.
func parseFiles(srcs []catalog.Source) *fileSet {
	set := &fileSet{files: map[string]*srcFile{}, trees: map[string]*parse.Tree{}}
	fm := funcs.Map()
	for _, src := range srcs {
		f := newSrcFile(src.Name, src.Text)
		set.files[src.Name] = f
		tr := parse.New(src.Name)
		tr.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := tr.Parse(src.Text, "", "", trees, fm); err != nil {
			set.probs = append(set.probs, parseProblem(f, err))
			continue
		}
		names := make([]string, 0, len(trees))
		for name := range trees {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			nt := trees[name]
			// As text/template's AddParseTree: a later non-empty definition
			// replaces an earlier one; an empty one does not.
			if old := set.trees[name]; old != nil && parse.IsEmptyTree(nt.Root) && !parse.IsEmptyTree(old.Root) {
				continue
			}
			set.trees[name] = nt
		}
	}
	return set
}

// action is one {{ … }} of a file, found by scanAction for locating parse
// errors, which text/template reports with a line only.
type action struct {
	start, end int    // offset of "{{" and just past "}}" (len(text) if unclosed)
	body       string // the text between the delimiters, trim markers and spaces removed
	word       string // its first word: if, range, end, else, template, …
	closed     bool
	unmatched  bool // an end or else with no open block
}

// scanActions splits text into its actions, skipping quoted strings and
// comments inside them, and returns the block openers left open at the end.
func scanActions(text string) (acts []action, open []action) {
	var stack []action
	i := 0
	for {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			break
		}
		a := action{start: i + j, end: len(text)}
		k := a.start + 2
		if strings.HasPrefix(text[k:], "- ") || strings.HasPrefix(text[k:], "-\t") || strings.HasPrefix(text[k:], "-\n") {
			k++
		}
		bodyStart := k
		rest := strings.TrimLeft(text[k:], " \t\r\n")
		if strings.HasPrefix(rest, "/*") {
			c := strings.Index(rest, "*/")
			if c >= 0 {
				k = len(text) - len(rest) + c + 2
			} else {
				k = len(text)
			}
		}
	scan:
		for k < len(text) {
			switch text[k] {
			case '"', '\'':
				q := text[k]
				k++
				for k < len(text) && text[k] != q && text[k] != '\n' {
					if text[k] == '\\' {
						k++
					}
					k++
				}
				k++
			case '`':
				e := strings.IndexByte(text[k+1:], '`')
				if e < 0 {
					k = len(text)
					break scan
				}
				k += e + 2
			case '}':
				if strings.HasPrefix(text[k:], "}}") {
					a.closed, a.end = true, k+2
					break scan
				}
				k++
			default:
				k++
			}
		}
		bodyEnd := min(k, len(text))
		a.body = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text[bodyStart:bodyEnd]), "-"))
		a.word = firstWord(a.body)
		switch a.word {
		case "if", "range", "with", "define", "block":
			stack = append(stack, a)
		case "end":
			if len(stack) == 0 {
				a.unmatched = true
			} else {
				stack = stack[:len(stack)-1]
			}
		case "else":
			a.unmatched = len(stack) == 0
		}
		acts = append(acts, a)
		if !a.closed {
			break
		}
		i = a.end
	}
	return acts, stack
}

func firstWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool {
		return !(r == '_' || r == '$' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	if end < 0 {
		return s
	}
	return s[:end]
}

var (
	parseErrRe    = regexp.MustCompile(`^template: (.+?):(\d+): (.*)$`)
	badCharRe     = regexp.MustCompile(`^(?:bad character|unrecognized character in action:) U\+[0-9A-F]+ '(.*)'$`)
	unclosedRe    = regexp.MustCompile(`^unclosed action(?: started at .*:(\d+))?$`)
	quotedTokenRe = regexp.MustCompile(`^"(.*)"$|^<(.*)>$|^\{\{(.*)\}\}$`)
)

// blockNames are the Chinese names of block keywords, for messages.
var blockNames = map[string]string{"if": "{{ if }}", "range": "{{ range }}", "with": "{{ with }}", "define": "{{ define }}", "block": "{{ block }}"}

// parseProblem turns a parse error into a problem with a column: text/template
// gives only the line, so the offending token is looked for on that line.
func parseProblem(f *srcFile, err error) *diag.Problem {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	line := 0
	if m := parseErrRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[2])
		msg = m[3]
	}
	msg = strings.TrimPrefix(msg, "template: ")
	acts, open := scanActions(f.text)
	p := &diag.Problem{Pos: diag.Pos{File: f.name, Line: line}}
	at := func(off int) { p.Pos = f.pos(off) }
	const blocksHint = "检查 {{ if }}、{{ range }}、{{ with }}、{{ define }} 是否都有对应的 {{ end }}"
	switch m := unclosedRe.FindStringSubmatch(msg); {
	case m != nil:
		p.Msg, p.Hint = "这个 {{ 没有对应的 }}", "每个 {{ 都要用 }} 结束"
		for _, a := range acts {
			if !a.closed {
				at(a.start)
			}
		}
		return p
	case msg == "unexpected EOF":
		p.Msg, p.Hint = "模板意外结束", blocksHint
		if len(open) > 0 {
			a := open[len(open)-1]
			at(a.start)
			p.Msg = fmt.Sprintf("这个 %s 没有对应的 {{ end }}", blockNames[a.word])
		}
		return p
	case badCharRe.MatchString(msg):
		ch := badCharRe.FindStringSubmatch(msg)[1]
		p.Msg = fmt.Sprintf("{{ }} 里不能有“%s”", ch)
		p.Hint = "中文和标点要写在 {{ }} 外面；当作文字用时写在英文双引号里，如 \"人\""
		if off, ok := locateToken(f, acts, line, ch); ok {
			at(off)
			for _, a := range acts {
				if off > a.start && off < a.end && (!a.closed || f.pos(a.end).Line > line) {
					// The action runs on past this line: its }} is missing.
					at(a.start)
					p.Msg = fmt.Sprintf("这个 {{ 没有用 }} 结束，后面的“%s”被当成了模板代码", ch)
					p.Hint = "在这一处 {{ … 的末尾补上 }}"
				}
			}
		}
		return p
	case msg == "unexpected {{end}}" || msg == "unexpected {{else}}":
		word := strings.Trim(msg[len("unexpected "):], "{}")
		p.Msg, p.Hint = fmt.Sprintf("多余的 {{ %s }}", word), blocksHint
		if word == "else" {
			p.Msg = "{{ else }} 不在 {{ if }}、{{ with }} 或 {{ range }} 之内"
		}
		for _, a := range acts {
			if a.word == word && f.pos(a.start).Line == line {
				at(a.start)
				if a.unmatched {
					break
				}
			}
		}
		return p
	}
	p.Msg, p.Hint = explainParse(msg)
	if off, ok := locateToken(f, acts, line, tokenOf(msg)); ok {
		at(off)
	}
	return p
}

// explainParse gives a parse error message in Chinese.
func explainParse(msg string) (string, string) {
	text, hint, _ := diag.Explain(diag.TemplateParse, msg)
	return text, hint
}

// tokenOf extracts the token a parse error names: "}" in `unexpected "}"
// in operand`, $y in `undefined variable "$y"`.
func tokenOf(msg string) string {
	if i := strings.IndexAny(msg, "\"<{"); i >= 0 {
		rest := msg[i:]
		if j := strings.Index(rest, " in "); j >= 0 {
			rest = rest[:j]
		}
		if m := quotedTokenRe.FindStringSubmatch(rest); m != nil {
			return strings.TrimSpace(m[1] + m[2] + m[3])
		}
	}
	switch {
	case strings.HasPrefix(msg, "unterminated quoted string"):
		return `"`
	case strings.HasPrefix(msg, "unterminated raw quoted string"):
		return "`"
	case msg == "unclosed left paren":
		return "("
	case msg == "unexpected right paren":
		return ")"
	}
	return ""
}

// locateToken finds tok inside an action on the line, or else the first
// action starting on the line.
func locateToken(f *srcFile, acts []action, line int, tok string) (int, bool) {
	text, start := f.lineText(line)
	if text == "" && start == 0 && line != 1 {
		return 0, false
	}
	inAction := func(off int) bool {
		for _, a := range acts {
			if off >= a.start+2 && off < a.end {
				return true
			}
		}
		return false
	}
	if tok != "" {
		for i := 0; i+len(tok) <= len(text); {
			k := strings.Index(text[i:], tok)
			if k < 0 {
				break
			}
			if inAction(start + i + k) {
				return start + i + k, true
			}
			i += k + 1
		}
	}
	for _, a := range acts {
		if a.start >= start && a.start < start+len(text)+1 {
			return a.start, true
		}
	}
	return 0, false
}
