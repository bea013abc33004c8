package catalog

// Static checking of templates: the template's files are parsed into
// text/template/parse trees, and the trees are walked against the types of
// the data a template sees (*model.Report as dot), so that a misspelt field,
// an unknown function, a wrong number of arguments or a range over
// something that is not a list is found without any data, with the file,
// line and column of the mistake. The walk follows text/template's own
// evaluation rules (exec.go): the type of dot and of every variable is
// tracked through with, range, if, declarations, assignments, template
// calls and function results; where a type cannot be known (sprig's
// dict/list/get/default results, interface values) checking of that chain
// stops rather than guess.
//
// Trace, at the end of this file, runs a template with every piece of its
// output tagged with the template position that wrote it, so that a finding
// in the generated Markdown can be pointed back at the template.

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/funcs"
	"github.com/huibao/huibao/engine/model"
)

// Analysis is what the static check of a template found.
type Analysis struct {
	// Problems are parse errors, unknown functions, fields and partials,
	// wrong argument counts and types, ranges over non-lists (errors), and
	// optional data used without a with (warnings), sorted by position.
	Problems diag.List
	// Fields are the input fields the template reads, in the order of the
	// input format.
	Fields []Field
	// Methods are the data helpers it calls (.WorkGroups, .Period.IsSpan), sorted.
	Methods []string
}

// Field is one input field a template reads.
type Field struct {
	Expr  string // as a template names it: .Membership.Previous.Members; [] marks each item of a list: .Activities[].Title
	Path  string // the input's field path: membership.previous.members
	Label string // its Chinese name: 去年同期在册会员
}

// String gives ".Org.Name（单位名称）".
func (f Field) String() string {
	if f.Label == "" {
		return f.Expr
	}
	return f.Expr + "（" + f.Label + "）"
}

// Analyze parses the template and its partials and checks them against the
// input model without executing them. It never fails: every problem found
// is in the result.
func (t *Template) Analyze() *Analysis {
	set := t.parseFiles()
	c := newChecker(set)
	if main := set.trees[t.Main]; main != nil {
		root := &vtype{t: reflect.TypeFor[*model.Report](), key: "$"}
		c.instantiate(main, root, "")
	}
	// Partials no call reached are still checked for what needs no types:
	// function names, namespaces, argument counts of known functions.
	names := make([]string, 0, len(set.trees))
	for name := range set.trees {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !c.reached[name] && name != t.Main && !isFileTree(set, name) {
			c.instantiate(set.trees[name], nil, "")
		}
	}
	probs := append(set.probs, c.probs...)
	probs.Sort()
	return &Analysis{Problems: probs, Fields: c.fieldList(), Methods: c.methodList()}
}

// isFileTree reports whether name is a partial file's top-level tree
// (usually only comments and defines), which nothing calls.
func isFileTree(set *fileSet, name string) bool {
	_, ok := set.files[name]
	return ok
}

// ---------------------------------------------------------------------------
// Source files and positions

// srcFile is one template file: its shown name and text, with line starts
// for turning byte offsets into line:col.
type srcFile struct {
	name  string
	text  string
	lines []int // byte offset of each line's start
}

func newSrcFile(name, text string) *srcFile {
	f := &srcFile{name: name, text: text, lines: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	return f
}

// pos turns a byte offset into a position; columns count characters from 1,
// as editors do.
func (f *srcFile) pos(off int) diag.Pos {
	off = min(max(off, 0), len(f.text))
	line := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) // first line after
	start := f.lines[line-1]
	return diag.Pos{File: f.name, Line: line, Col: utf8.RuneCountInString(f.text[start:off]) + 1}
}

// lineText returns line n (1-based) without its newline.
func (f *srcFile) lineText(n int) (string, int) {
	if n < 1 || n > len(f.lines) {
		return "", 0
	}
	start := f.lines[n-1]
	end := len(f.text)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	return f.text[start:end], start
}

// ExecPos converts a position from a text/template execution error (whose
// column counts bytes from 0) into the 1-based character column the static
// check and the rest of huibao use. Positions in files the template does
// not have pass through.
func (t *Template) ExecPos(p diag.Pos) diag.Pos {
	text, ok := t.source(p.File)
	if !ok || p.Line == 0 {
		return p
	}
	f := newSrcFile(p.File, text)
	line, _ := f.lineText(p.Line)
	b := min(max(p.Col, 0), len(line))
	p.Col = utf8.RuneCountInString(line[:b]) + 1
	return p
}

// source returns the text of one of the template's files by shown name.
func (t *Template) source(name string) (string, bool) {
	if name == t.Main {
		return t.text, true
	}
	for _, p := range t.partials {
		if p.Name == name {
			return p.Text, true
		}
	}
	return "", false
}

// FixtureRef is a sample input listed in a template's manifest (fixtures:).
type FixtureRef struct {
	Path string   // to load: the template folder joined with the listed name
	Pos  diag.Pos // where template.yaml lists it
}

// ManifestFixtures returns the inputs the manifest lists for templates
// check, with the place in template.yaml that names each.
func (t *Template) ManifestFixtures() []FixtureRef {
	if len(t.Fixtures) == 0 {
		return nil
	}
	name := path.Join(t.Dir, "template.yaml")
	var f *srcFile
	if t.fsys != nil {
		if b, err := fs.ReadFile(t.fsys, path.Join(t.root, "template.yaml")); err == nil {
			f = newSrcFile(name, string(b))
		}
	}
	var out []FixtureRef
	from := 0
	for _, fx := range t.Fixtures {
		ref := FixtureRef{Path: path.Join(t.Dir, fx), Pos: diag.Pos{File: name}}
		if f != nil {
			if i := strings.Index(f.text[from:], fx); i >= 0 {
				ref.Pos = f.pos(from + i)
				from += i + len(fx)
			}
		}
		out = append(out, ref)
	}
	return out
}

// ---------------------------------------------------------------------------
// Parsing

// fileSet is a template's files parsed into trees, with the defined
// templates merged the way Compile merges them.
type fileSet struct {
	files map[string]*srcFile    // by shown name
	trees map[string]*parse.Tree // templates by name: each file's own tree and every define
	probs diag.List
}

// parseFiles parses the partials (sorted by file name) and then the main
// template, each on its own so that a syntax error in one file does not
// hide problems in the others. Function names are not checked by the
// parser (SkipFuncCheck); the checker reports unknown ones with a position
// and a suggestion.
func (t *Template) parseFiles() *fileSet {
	set := &fileSet{files: map[string]*srcFile{}, trees: map[string]*parse.Tree{}}
	keys := make([]string, 0, len(t.partials))
	for k := range t.partials {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	type file struct{ name, text string }
	var files []file
	for _, k := range keys {
		files = append(files, file{t.partials[k].Name, t.partials[k].Text})
	}
	files = append(files, file{t.Main, t.text})
	fm := funcs.Map()
	for _, fl := range files {
		f := newSrcFile(fl.name, fl.text)
		set.files[fl.name] = f
		tr := parse.New(fl.name)
		tr.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := tr.Parse(fl.text, "", "", trees, fm); err != nil {
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
	unexpectedRe  = regexp.MustCompile(`^unexpected (.+?)(?: in (.*))?$`)
	quotedTokenRe = regexp.MustCompile(`^"(.*)"$|^<(.*)>$|^\{\{(.*)\}\}$`)
)

// blockNames are the Chinese names of block keywords, for messages.
var blockNames = map[string]string{"if": "{{ if }}", "range": "{{ range }}", "with": "{{ with }}", "define": "{{ define }}", "block": "{{ block }}"}

// parseProblem turns a parse error into a problem with a column: text/template
// gives only the line, so the offending token is looked for on that line.
func parseProblem(f *srcFile, err error) *diag.Problem {
	msg := firstLine(err.Error())
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
	switch {
	case strings.HasPrefix(msg, "unterminated quoted string"), strings.HasPrefix(msg, "unterminated raw quoted string"):
		return "引号没有闭合", "文字要写在一对英文双引号里，如 \"人\""
	case strings.HasPrefix(msg, "unterminated character constant"):
		return "单引号没有闭合", "模板里的文字用英文双引号，如 \"人\""
	case msg == "unclosed left paren":
		return "左括号没有对应的右括号", "检查这一处的 ( )"
	case msg == "unexpected right paren":
		return "多余的右括号", "检查这一处的 ( )"
	case msg == "unclosed comment", msg == "comment ends before closing delimiter":
		return "注释没有闭合", "注释写成 {{/* … */}}"
	case strings.HasPrefix(msg, "missing value for"):
		return "{{ }} 里没有内容", "写上要输出的字段或函数，或删去这对 {{ }}"
	case strings.HasPrefix(msg, "bad number syntax"):
		return "数字写法不对：" + strings.TrimPrefix(msg, "bad number syntax: "), "数字写成 152、4509.5"
	case strings.HasPrefix(msg, "multiple definition of template"):
		return "子模板" + strings.TrimPrefix(msg, "multiple definition of template ") + "定义了两次", "同一名称的 {{ define }} 只能写一次"
	}
	if m := unexpectedRe.FindStringSubmatch(msg); m != nil {
		if m[1] == `"}"` {
			return "这里只有一个 }", "{{ }} 要用两个 } 结束：}}"
		}
		return fmt.Sprintf("语法错误：这里不应出现 %s", m[1]), "检查这一处的 {{ }} 写法"
	}
	return explainTemplate(msg)
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

// ---------------------------------------------------------------------------
// Types the checker tracks

// vtype is what the checker knows about a value: its Go type, or for a
// dict built with constant keys the type of each key. A nil *vtype, or one
// with neither, is unknown, and nothing is checked on it.
type vtype struct {
	t    reflect.Type
	keys map[string]*vtype // dict "A" x "R" $: the keys and their values' types
	// dictAt is where the dict was built, for messages about its keys.
	dictAt string
	// key names the value for guard tracking: "$.Membership.Previous".
	// Values that are the same expression share a key, so that an
	// {{ if .Membership.Previous }} guards $.Membership.Previous inside it.
	key string
	// nilable: a pointer read from a field of the data, which may be nil
	// unless a with or if has tested it.
	nilable bool
	// noData: the dot of a partial called without data ({{ template "x" }}).
	noData bool
}

func (v *vtype) known() bool { return v != nil && (v.t != nil || v.keys != nil) }

var (
	typString  = reflect.TypeFor[string]()
	typInt     = reflect.TypeFor[int]()
	typFloat   = reflect.TypeFor[float64]()
	typBool    = reflect.TypeFor[bool]()
	typError   = reflect.TypeFor[error]()
	typMapAny  = reflect.TypeFor[map[string]any]()
	typReport  = reflect.TypeFor[model.Report]()
	modelPkg   = typReport.PkgPath()
	typDate    = reflect.TypeFor[model.Date]()
	typDecimal = reflect.TypeFor[model.Measure]().Field(1).Type // decimal.Decimal, without importing it
)

func typed(t reflect.Type) *vtype {
	if t == nil || t.Kind() == reflect.Interface {
		return nil
	}
	return &vtype{t: t}
}

// signature of a dot type set, for checking a partial once per distinct
// type of its dot.
func (v *vtype) signature() string {
	switch {
	case v == nil:
		return "?"
	case v.noData:
		return "nil"
	case v.keys != nil:
		ks := make([]string, 0, len(v.keys))
		for k := range v.keys {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		var b strings.Builder
		b.WriteString("dict{")
		for _, k := range ks {
			b.WriteString(k + ":" + v.keys[k].signature() + ";")
		}
		b.WriteString("}")
		return b.String()
	case v.t == nil:
		return "?"
	}
	s := v.t.String()
	if v.nilable {
		s += "?"
	}
	return s
}

// describe names a value's type for a template author, in Chinese.
func describe(v *vtype) string {
	switch {
	case v == nil:
		return "未知"
	case v.keys != nil:
		return "dict，有 " + strings.Join(sortedKeys(v.keys), "、")
	case v.t == nil:
		return "未知"
	}
	return describeType(v.t)
}

func describeType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer && t.Elem().PkgPath() == modelPkg {
		t = t.Elem()
	}
	if t == typReport {
		return "报告数据"
	}
	if p, ok := modelPaths()[t]; ok && p.yaml != "" {
		if l := model.Label(p.yaml); l != "" {
			return l
		}
	}
	switch {
	case t == typDate:
		return "日期"
	case t == typDecimal || t.Kind() == reflect.Pointer && t.Elem() == typDecimal:
		return "数值"
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "文字"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "整数"
	case reflect.Float32, reflect.Float64:
		return "小数"
	case reflect.Bool:
		return "真假值"
	case reflect.Slice, reflect.Array:
		return "列表"
	case reflect.Map:
		return "字典"
	}
	return t.String()
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// pathInfo is where a model type sits in the input: its yaml path and how a
// template reaches it.
type pathInfo struct {
	yaml, expr string
	order      int
}

// modelPaths maps each struct type of the input to its first place in the
// input format (breadth first from Report), so that a field read on a
// model.Activity, however reached, is named activities.title.
func modelPaths() map[reflect.Type]pathInfo {
	out := map[reflect.Type]pathInfo{typReport: {}}
	queue := []reflect.Type{typReport}
	order := 0
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		base := out[t]
		for i := range t.NumField() {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if !f.IsExported() || tag == "" || tag == "-" {
				continue
			}
			ft, expr := f.Type, base.expr+"."+f.Name
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				if ft.Kind() == reflect.Slice {
					expr += "[]"
				}
				ft = ft.Elem()
			}
			if ft.Kind() != reflect.Struct || ft.PkgPath() != modelPkg || !hasYAMLFields(ft) {
				continue // model.Date and the like are values, not sections of the input
			}
			if _, seen := out[ft]; seen {
				continue
			}
			order++
			out[ft] = pathInfo{yaml: strings.TrimPrefix(base.yaml+"."+tag, "."), expr: expr, order: order}
			queue = append(queue, ft)
		}
	}
	return out
}

func hasYAMLFields(t reflect.Type) bool {
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("yaml") != "" {
			return true
		}
	}
	return false
}

// inputOrder numbers the input's field paths in document order (depth
// first), for listing the fields a template uses.
func inputOrder() map[string]int {
	out := map[string]int{}
	for i, f := range Fields() {
		out[f.path] = i
	}
	return out
}

// ---------------------------------------------------------------------------
// Function signatures

// sig is what the checker knows about a function or method: its parameter
// types (nil for any), whether it is variadic, and its result.
type sig struct {
	name     string         // as written: zh.Count, IsSpan, printf
	in       []reflect.Type // nil entries accept anything
	variadic bool
	out      reflect.Type // nil: unknown
	bad      string       // why it cannot be called from a template, if it cannot
	usage    string       // "zh.Count 数值 单位", for hints
}

func funcSig(name string, ft reflect.Type, skipRecv bool) *sig {
	s := &sig{name: name, variadic: ft.IsVariadic()}
	first := 0
	if skipRecv {
		first = 1
	}
	for i := first; i < ft.NumIn(); i++ {
		s.in = append(s.in, ft.In(i))
	}
	switch n := ft.NumOut(); {
	case n == 1 || n == 2 && ft.Out(1) == typError:
		s.out = ft.Out(0)
	case n == 2:
		s.bad = fmt.Sprintf("%s 返回两个值，模板里不能调用", name)
	default:
		s.bad = fmt.Sprintf("%s 返回 %d 个值，模板里不能调用", name, n)
	}
	return s
}

// builtins are text/template's own functions, which the function map may
// override.
var builtins = map[string]*sig{
	"and":      {name: "and", in: []reflect.Type{nil, nil}, variadic: true},
	"or":       {name: "or", in: []reflect.Type{nil, nil}, variadic: true},
	"not":      {name: "not", in: []reflect.Type{nil}, out: typBool},
	"len":      {name: "len", in: []reflect.Type{nil}, out: typInt},
	"index":    {name: "index", in: []reflect.Type{nil, nil}, variadic: true},
	"slice":    {name: "slice", in: []reflect.Type{nil, nil}, variadic: true},
	"print":    {name: "print", in: []reflect.Type{nil}, variadic: true, out: typString},
	"printf":   {name: "printf", in: []reflect.Type{typString, nil}, variadic: true, out: typString},
	"println":  {name: "println", in: []reflect.Type{nil}, variadic: true, out: typString},
	"html":     {name: "html", in: []reflect.Type{nil}, variadic: true, out: typString},
	"js":       {name: "js", in: []reflect.Type{nil}, variadic: true, out: typString},
	"urlquery": {name: "urlquery", in: []reflect.Type{nil}, variadic: true, out: typString},
	"eq":       {name: "eq", in: []reflect.Type{nil, nil}, variadic: true, out: typBool},
	"ne":       {name: "ne", in: []reflect.Type{nil, nil}, out: typBool},
	"lt":       {name: "lt", in: []reflect.Type{nil, nil}, out: typBool},
	"le":       {name: "le", in: []reflect.Type{nil, nil}, out: typBool},
	"gt":       {name: "gt", in: []reflect.Type{nil, nil}, out: typBool},
	"ge":       {name: "ge", in: []reflect.Type{nil, nil}, out: typBool},
	"call":     {name: "call", in: []reflect.Type{nil, nil}, variadic: true},
}

// listArgs are the data namespace's filters, which return items of the list
// they are given (so a range over their result is checked like a range over
// the list), and the argument that names a field of those items.
var listArgs = map[string]struct{ list, field int }{
	"data.Sum":          {list: 0, field: 1},
	"data.Top":          {list: 2, field: 1},
	"data.Where":        {list: 2, field: 0},
	"data.WithPrevious": {list: 0, field: -1},
	"data.Between":      {list: 2, field: -1},
}

// ---------------------------------------------------------------------------
// The checker

type checker struct {
	set        *fileSet
	funcs      template.FuncMap
	namespaces map[string]funcs.Namespace
	probs      diag.List
	seen       map[string]bool // problems reported, by position and message
	done       map[string]bool // template instantiations checked: name + dot signature
	active     map[string]bool // instantiations on the call stack (recursion)
	reached    map[string]bool // templates checked at least once with a known dot
	fields     map[string]Field
	methods    map[string]bool
	paths      map[reflect.Type]pathInfo
	fresh      int
}

func newChecker(set *fileSet) *checker {
	c := &checker{
		set:        set,
		funcs:      funcs.Map(),
		namespaces: map[string]funcs.Namespace{},
		seen:       map[string]bool{},
		done:       map[string]bool{},
		active:     map[string]bool{},
		reached:    map[string]bool{},
		fields:     map[string]Field{},
		methods:    map[string]bool{},
		paths:      modelPaths(),
	}
	for _, ns := range funcs.Namespaces() {
		c.namespaces[ns.Name] = ns
	}
	return c
}

func (c *checker) report(p diag.Pos, sev diag.Severity, msg, hint string) {
	k := p.String() + "\x00" + msg
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	c.probs = append(c.probs, &diag.Problem{Pos: p, Msg: msg, Hint: hint, Severity: sev})
}

// instantiate checks a template's body with dot of type dot. A partial is
// checked once per distinct dot type; callSite names the call for messages.
func (c *checker) instantiate(tr *parse.Tree, dot *vtype, callSite string) {
	k := tr.Name + "\x00" + dot.signature()
	if c.done[k] || c.active[k] || tr.Root == nil {
		return
	}
	if dot.known() || dot != nil && dot.noData {
		c.reached[tr.Name] = true
	}
	c.done[k], c.active[k] = true, true
	defer delete(c.active, k)
	f := c.set.files[tr.ParseName]
	if f == nil {
		return
	}
	w := &walker{c: c, f: f, callSite: callSite}
	root := dot
	if dot != nil {
		d := *dot
		d.key = "$"
		root = &d
	}
	w.vars = []variable{{name: "$", v: root}}
	w.list(tr.Root, root)
}

// walker checks one template body.
type walker struct {
	c        *checker
	f        *srcFile
	callSite string     // "file:line:col" of the {{ template }} that called this body
	vars     []variable // in scope, innermost last
	guards   []string   // keys of values known to be non-nil here
}

type variable struct {
	name string
	v    *vtype
}

func (w *walker) errorAt(off int, msg, hint string) {
	w.c.report(w.f.pos(off), diag.Error, msg, hint)
}

// typeError reports a problem that depends on the types of the data; in a
// partial those come from the call, which the hint names.
func (w *walker) typeError(off int, msg, hint string) {
	if w.callSite != "" {
		hint = strings.TrimSuffix(hint, "。")
		if hint != "" {
			hint += "；"
		}
		hint += "调用处：" + w.callSite
	}
	w.c.report(w.f.pos(off), diag.Error, msg, hint)
}

func (w *walker) warnAt(off int, msg, hint string) {
	w.c.report(w.f.pos(off), diag.Warning, msg, hint)
}

func (w *walker) freshKey() string {
	w.c.fresh++
	return "#" + strconv.Itoa(w.c.fresh)
}

func (w *walker) guarded(key string) bool {
	return key != "" && slices.Contains(w.guards, key)
}

func (w *walker) list(l *parse.ListNode, dot *vtype) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		w.node(n, dot)
	}
}

func (w *walker) node(n parse.Node, dot *vtype) {
	switch n := n.(type) {
	case *parse.ActionNode:
		w.pipe(n.Pipe, dot, true)
	case *parse.IfNode:
		w.ifNode(n, dot)
	case *parse.RangeNode:
		w.rangeNode(n, dot)
	case *parse.WithNode:
		w.withNode(n, dot)
	case *parse.TemplateNode:
		w.templateNode(n, dot)
	case *parse.ListNode:
		w.list(n, dot)
	}
}

// scope saves the variables and guards in scope; the returned func restores them.
func (w *walker) scope() func() {
	nv, ng := len(w.vars), len(w.guards)
	return func() { w.vars, w.guards = w.vars[:nv], w.guards[:ng] }
}

func (w *walker) ifNode(n *parse.IfNode, dot *vtype) {
	end := w.scope()
	defer end()
	pos, neg := w.condition(n.Pipe, dot)
	mark := len(w.guards)
	w.guards = append(w.guards, pos...)
	w.list(n.List, dot)
	w.guards = append(w.guards[:mark], neg...)
	w.list(n.ElseList, dot)
}

// condition checks an if's pipeline and returns the keys it proves non-nil
// in the then-branch (pos) and in the else-branch (neg).
func (w *walker) condition(p *parse.PipeNode, dot *vtype) (pos, neg []string) {
	v := w.pipe(p, dot, true)
	if len(p.Cmds) != 1 || len(p.Decl) > 0 {
		if v != nil && v.key != "" {
			pos = append(pos, v.key)
		}
		return pos, nil
	}
	return w.truths(p.Cmds[0], dot)
}

// truths returns the keys a command proves non-nil when true and when false:
// .X; and .X .Y; not .X.
func (w *walker) truths(cmd *parse.CommandNode, dot *vtype) (pos, neg []string) {
	if len(cmd.Args) == 0 {
		return nil, nil
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && len(cmd.Args) > 1 {
		switch id.Ident {
		case "and":
			for _, a := range cmd.Args[1:] {
				pos = append(pos, w.argTruths(a, dot)...)
			}
			return pos, nil
		case "not":
			if len(cmd.Args) == 2 {
				return nil, w.argTruths(cmd.Args[1], dot)
			}
		}
		return nil, nil
	}
	if len(cmd.Args) == 1 {
		return w.argTruths(cmd.Args[0], dot), nil
	}
	return nil, nil
}

func (w *walker) argTruths(n parse.Node, dot *vtype) []string {
	if p, ok := n.(*parse.PipeNode); ok && len(p.Cmds) == 1 && len(p.Decl) == 0 {
		pos, _ := w.truths(p.Cmds[0], dot)
		return pos
	}
	if k := w.keyOf(n, dot); k != "" {
		return []string{k}
	}
	return nil
}

// keyOf names a field or variable expression for guard tracking without
// checking it (it has been checked already).
func (w *walker) keyOf(n parse.Node, dot *vtype) string {
	var base string
	var idents []string
	switch n := n.(type) {
	case *parse.DotNode:
		if dot != nil {
			return dot.key
		}
		return ""
	case *parse.FieldNode:
		if dot == nil || dot.key == "" {
			return ""
		}
		base, idents = dot.key, n.Ident
	case *parse.VariableNode:
		v := w.lookup(n.Ident[0])
		if v == nil || v.key == "" {
			return ""
		}
		base, idents = v.key, n.Ident[1:]
	default:
		return ""
	}
	return base + joinFields(idents)
}

func joinFields(idents []string) string {
	if len(idents) == 0 {
		return ""
	}
	return "." + strings.Join(idents, ".")
}

func (w *walker) lookup(name string) *vtype {
	for i := len(w.vars) - 1; i >= 0; i-- {
		if w.vars[i].name == name {
			return w.vars[i].v
		}
	}
	return nil
}

func (w *walker) rangeNode(n *parse.RangeNode, dot *vtype) {
	end := w.scope()
	v := w.pipe(n.Pipe, dot, false)
	var key, elem *vtype
	if v.known() && v.keys == nil {
		t := v.t
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Slice, reflect.Array:
			key, elem = typed(typInt), typed(t.Elem())
		case reflect.Map:
			key, elem = typed(t.Key()), typed(t.Elem())
		case reflect.Chan:
			key, elem = typed(typInt), typed(t.Elem())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			elem = typed(t)
			if len(n.Pipe.Decl) > 1 {
				w.typeError(w.exprStart(n.Pipe.Cmds[0].Args[0]), fmt.Sprintf("range 一个整数时只能有一个变量，这里写了 %d 个", len(n.Pipe.Decl)), "写成 {{ range $i := 数目 }}")
			}
		case reflect.Func:
			// iterator functions: element types are not worth tracking here
		default:
			if len(n.Pipe.Cmds) > 0 {
				arg := n.Pipe.Cmds[len(n.Pipe.Cmds)-1].Args[0]
				w.typeError(w.exprStart(arg), fmt.Sprintf("不能对 %s 使用 range：它是%s，不是列表", exprText(n.Pipe), describe(v)),
					"range 只能用于列表（如 .Activities、.WorkGroups）；要判断有没有值请用 {{ with }} 或 {{ if }}")
			}
		}
	}
	if elem != nil {
		elem.key = w.freshKey()
		elem.nilable = elem.t.Kind() == reflect.Pointer && v.t != nil
	}
	switch len(n.Pipe.Decl) {
	case 1:
		w.declare(n.Pipe.Decl[0], elem)
	case 2:
		w.declare(n.Pipe.Decl[0], key)
		w.declare(n.Pipe.Decl[1], elem)
	}
	w.list(n.List, elem)
	end()
	w.list(n.ElseList, dot)
}

func (w *walker) withNode(n *parse.WithNode, dot *vtype) {
	end := w.scope()
	defer end()
	v := w.pipe(n.Pipe, dot, false)
	inner := v
	if v != nil {
		c := *v
		c.nilable = false
		if c.key == "" {
			c.key = w.freshKey()
		}
		inner = &c
		w.guards = append(w.guards, c.key)
		for _, d := range n.Pipe.Decl {
			w.vars = append(w.vars, variable{name: d.Ident[0], v: inner})
		}
	}
	w.list(n.List, inner)
	if inner != nil {
		w.guards = w.guards[:len(w.guards)-1]
	}
	w.list(n.ElseList, dot)
}

func (w *walker) templateNode(n *parse.TemplateNode, dot *vtype) {
	var arg *vtype
	if n.Pipe == nil {
		arg = &vtype{noData: true}
	} else {
		arg = w.pipe(n.Pipe, dot, true)
	}
	tr := w.c.set.trees[n.Name]
	if tr == nil {
		var names []string
		for name, t := range w.c.set.trees {
			if name != t.ParseName {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		msg := fmt.Sprintf("没有名为“%s”的子模板", n.Name)
		if s := suggestName(n.Name, names); s != "" {
			msg += fmt.Sprintf("，是不是“%s”？", s)
		}
		w.errorAt(int(n.Pos), msg, "子模板用 {{ define \"名称\" }} 定义，公共子模板在 templates/_partials/ 下；已有："+strings.Join(names, "、"))
		return
	}
	w.c.instantiate(tr, arg, w.f.pos(int(n.Pos)).String())
}

// declare introduces a variable ({{ $x := … }}).
func (w *walker) declare(v *parse.VariableNode, t *vtype) {
	if t != nil {
		c := *t
		if c.key == "" {
			c.key = w.freshKey()
		}
		t = &c
	}
	w.vars = append(w.vars, variable{name: v.Ident[0], v: t})
}

// assign updates a variable ({{ $x = … }}): a different type makes it unknown.
func (w *walker) assign(v *parse.VariableNode, t *vtype) {
	for i := len(w.vars) - 1; i >= 0; i-- {
		if w.vars[i].name == v.Ident[0] {
			old := w.vars[i].v
			if old.signature() != t.signature() {
				w.vars[i].v = nil
			} else if old != nil {
				c := *old
				c.key = w.freshKey()
				w.vars[i].v = &c
			}
			return
		}
	}
}

// pipe checks a pipeline and returns the type of its value. decl says
// whether its variables are declared (or assigned) here; range and with
// bind them themselves.
func (w *walker) pipe(p *parse.PipeNode, dot *vtype, decl bool) *vtype {
	if p == nil {
		return nil
	}
	var v *vtype
	for i, cmd := range p.Cmds {
		v = w.command(cmd, dot, v, i > 0)
	}
	if decl {
		for _, d := range p.Decl {
			if p.IsAssign {
				w.assign(d, v)
			} else {
				w.declare(d, v)
			}
		}
	}
	return v
}

// command checks one command of a pipeline. final is the value of the
// previous command, passed as the last argument when has is set.
func (w *walker) command(cmd *parse.CommandNode, dot, final *vtype, has bool) *vtype {
	if len(cmd.Args) == 0 {
		return nil
	}
	args := cmd.Args[1:]
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return w.fieldChain(dot, "", n.Ident, w.segments(n), args, final, has, dot)
	case *parse.ChainNode:
		return w.chain(n, dot, args, final, has)
	case *parse.IdentifierNode:
		return w.call(n, dot, args, final, has)
	case *parse.VariableNode:
		v := w.lookup(n.Ident[0])
		if len(n.Ident) == 1 {
			w.notFunction(n, "变量 "+n.Ident[0]+" 是一个值", args, has, dot)
			return v
		}
		return w.fieldChain(v, n.Ident[0], n.Ident[1:], w.segments(n), args, final, has, dot)
	case *parse.PipeNode:
		v := w.pipe(n, dot, true)
		w.notFunction(n, "括号里的 ("+n.String()+") 是一个值", args, has, dot)
		return v
	case *parse.DotNode:
		w.notFunction(n, ". 是一个值", args, has, dot)
		return dot
	case *parse.NilNode:
		w.errorAt(int(n.Pos), "nil 不能单独作为命令", "要输出空白请直接省略")
		return nil
	default:
		w.notFunction(n, n.String()+" 是一个值", args, has, dot)
		return literal(n)
	}
}

// notFunction reports arguments given to something that is not a function;
// what names it ("“.Org.Name”是字段").
func (w *walker) notFunction(n parse.Node, what string, args []parse.Node, has bool, dot *vtype) {
	for _, a := range args {
		w.arg(a, dot)
	}
	if len(args) > 0 || has {
		w.errorAt(w.exprStart(n), what+"，不是函数，后面不能带参数", "函数写在最前面，如 {{ zh.Money .Membership.DuesCollected }}")
	}
}

// literal returns the type of a constant as text/template gives it to an
// interface parameter.
func literal(n parse.Node) *vtype {
	switch n := n.(type) {
	case *parse.StringNode:
		return typed(typString)
	case *parse.BoolNode:
		return typed(typBool)
	case *parse.NumberNode:
		switch {
		case n.IsInt:
			return typed(typInt)
		case n.IsFloat:
			return typed(typFloat)
		}
	}
	return nil
}

// arg checks an argument and returns its type.
func (w *walker) arg(n parse.Node, dot *vtype) *vtype {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return w.fieldChain(dot, "", n.Ident, w.segments(n), nil, nil, false, dot)
	case *parse.VariableNode:
		v := w.lookup(n.Ident[0])
		if len(n.Ident) == 1 {
			return v
		}
		return w.fieldChain(v, n.Ident[0], n.Ident[1:], w.segments(n), nil, nil, false, dot)
	case *parse.PipeNode:
		return w.pipe(n, dot, true)
	case *parse.IdentifierNode:
		return w.call(n, dot, nil, nil, false)
	case *parse.ChainNode:
		return w.chain(n, dot, nil, nil, false)
	}
	return literal(n)
}

// segments returns the byte offset of each .Name of a field, variable
// (after the $name) or chain node. The parser positions a multi-field node
// at its second field, so the start is worked back from there.
func (w *walker) segments(n parse.Node) []int {
	var idents []string
	start := int(n.Position())
	switch n := n.(type) {
	case *parse.FieldNode:
		idents = n.Ident
		if len(idents) > 1 {
			start -= 1 + len(idents[0])
		}
	case *parse.VariableNode:
		idents = n.Ident[1:]
		if len(idents) > 0 {
			start -= len(n.Ident[0])
		}
		start += len(n.Ident[0])
	case *parse.ChainNode:
		idents = n.Field
	}
	offs := make([]int, len(idents))
	for i, id := range idents {
		offs[i] = start
		start += 1 + len(id)
	}
	return offs
}

// exprStart is where an argument begins in the source.
func (w *walker) exprStart(n parse.Node) int {
	switch n := n.(type) {
	case *parse.FieldNode:
		return w.segments(n)[0]
	case *parse.VariableNode:
		if len(n.Ident) > 1 {
			return w.segments(n)[0] - len(n.Ident[0])
		}
	case *parse.ChainNode:
		return w.exprStart(n.Node)
	case *parse.PipeNode:
		p := int(n.Pos)
		for q := p - 1; q >= 0 && q < len(w.f.text); q-- {
			switch w.f.text[q] {
			case ' ', '\t', '\n', '\r':
				continue
			case '(':
				return q
			}
			break
		}
		return p
	}
	return int(n.Position())
}

func exprText(p *parse.PipeNode) string {
	return strings.TrimSpace(p.String())
}

// chain checks (pipeline).Field, and namespace calls such as zh.Money,
// which the parser gives as a chain on the identifier zh.
func (w *walker) chain(n *parse.ChainNode, dot *vtype, args []parse.Node, final *vtype, has bool) *vtype {
	if id, ok := n.Node.(*parse.IdentifierNode); ok {
		if ns, ok := w.c.namespaces[id.Ident]; ok {
			return w.nsCall(ns, id, n, dot, args, final, has)
		}
	}
	base := w.arg(n.Node, dot)
	expr := n.Node.String()
	if _, ok := n.Node.(*parse.PipeNode); ok {
		expr = "(" + expr + ")"
	}
	if _, ok := n.Node.(*parse.NilNode); ok {
		w.errorAt(int(n.Node.Position()), "nil 没有字段", "")
		return nil
	}
	return w.fieldChain(base, expr, n.Field, w.segments(n), args, final, has, dot)
}

// nsCall checks a call of a namespace function: zh.Count .Value "人".
func (w *walker) nsCall(ns funcs.Namespace, id *parse.IdentifierNode, n *parse.ChainNode, dot *vtype, args []parse.Node, final *vtype, has bool) *vtype {
	name := n.Field[0]
	full := ns.Name + "." + name
	start := int(id.Pos)
	m, ok := reflect.TypeOf(ns.Value).MethodByName(name)
	if !ok {
		for _, a := range args {
			w.arg(a, dot)
		}
		msg := fmt.Sprintf("%s 里没有“%s”这个函数", ns.Name, name)
		if other := w.c.nsOwning(name); other != "" {
			msg += fmt.Sprintf("，是不是“%s.%s”？", other, name)
		} else if s := suggestName(name, funcs.Methods(ns)); s != "" {
			msg += fmt.Sprintf("，是不是“%s”？", s)
		}
		w.errorAt(start, msg, ns.Name+" 的函数一览见 docs/template-functions.md")
		return nil
	}
	s := funcSig(full, m.Type, true)
	for _, f := range ns.Funcs {
		if f.Name == name && f.Args != "" && f.Args != "（无）" {
			s.usage = full + " " + f.Args
		}
	}
	rest := n.Field[1:]
	var a []parse.Node
	var fin *vtype
	var h bool
	if len(rest) == 0 {
		a, fin, h = args, final, has
	}
	res, types := w.checkCall(s, start, a, fin, h, dot)
	if la, ok := listArgs[full]; ok && len(rest) == 0 {
		res = w.listResult(full, la.list, la.field, a, types, fin, h, res)
	}
	if len(rest) == 0 {
		return res
	}
	return w.fieldChain(res, full, rest, w.segments(n)[1:], args, final, has, dot)
}

// nsExample is a call of a namespace's first function, for hints.
func nsExample(ns funcs.Namespace) string {
	if len(ns.Funcs) == 0 {
		return ns.Name + ".函数名"
	}
	for _, f := range ns.Funcs {
		for _, ex := range f.Examples {
			if e := strings.TrimSpace(ex.Template); strings.HasPrefix(e, "{{ ") && strings.HasSuffix(e, " }}") && strings.Count(e, "{{") == 1 {
				return strings.TrimSuffix(strings.TrimPrefix(e, "{{ "), " }}")
			}
		}
	}
	return ns.Name + "." + ns.Funcs[0].Name
}

// nsOwning names another namespace that has a function called name.
func (c *checker) nsOwning(name string) string {
	for _, ns := range funcs.Namespaces() {
		if slices.Contains(funcs.Methods(ns), name) {
			return ns.Name
		}
	}
	return ""
}

// listResult types the result of a data filter as the list it was given,
// and checks the field name it is given against the items.
func (w *walker) listResult(full string, list, field int, args []parse.Node, types []*vtype, final *vtype, has bool, res *vtype) *vtype {
	at := func(i int) *vtype {
		if i < len(types) {
			return types[i]
		}
		if has && i == len(types) {
			return final
		}
		return nil
	}
	lt := at(list)
	var elem reflect.Type
	if lt.known() && lt.keys == nil {
		t := lt.t
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			elem = t.Elem()
		}
	}
	if field >= 0 && field < len(args) && elem != nil {
		if sn, ok := args[field].(*parse.StringNode); ok {
			base := elem
			for base.Kind() == reflect.Pointer {
				base = base.Elem()
			}
			if base.Kind() == reflect.Struct {
				if _, ok := base.FieldByName(sn.Text); !ok {
					msg := fmt.Sprintf("%s 的第 %d 个参数：%s没有“%s”这个字段", full, field+1, describeType(base), sn.Text)
					if s := suggestName(sn.Text, structNames(base, false)); s != "" {
						msg += fmt.Sprintf("，是不是“%s”？", s)
					}
					w.typeError(int(sn.Pos), msg, "可用字段："+strings.Join(structNames(base, false), "、"))
				}
			}
		}
	}
	if full == "data.Sum" || elem == nil {
		return res
	}
	return &vtype{t: reflect.SliceOf(elem)}
}

// call checks a function call: printf "%d" 3, dict "A" ., len .Problems.
func (w *walker) call(id *parse.IdentifierNode, dot *vtype, args []parse.Node, final *vtype, has bool) *vtype {
	name := id.Ident
	if ns, ok := w.c.namespaces[name]; ok {
		if len(args) > 0 || has {
			for _, a := range args {
				w.arg(a, dot)
			}
			w.errorAt(int(id.Pos), fmt.Sprintf("%s 是一组函数的名字，不能直接调用", name), fmt.Sprintf("要写成 %s.函数名，如 %s", name, nsExample(ns)))
		}
		return typed(reflect.TypeOf(ns.Value))
	}
	if name == "dict" {
		return w.dict(id, dot, args, has)
	}
	if fn, ok := w.c.funcs[name]; ok {
		s := funcSig(name, reflect.TypeOf(fn), false)
		res, _ := w.checkCall(s, int(id.Pos), args, final, has, dot)
		return res
	}
	if b, ok := builtins[name]; ok {
		return w.builtin(b, id, dot, args, final, has)
	}
	for _, a := range args {
		w.arg(a, dot)
	}
	msg := fmt.Sprintf("没有名为“%s”的函数", name)
	hint := "中文函数在 zh 里（如 zh.Money），数据函数在 data 里；函数一览见 docs/template-functions.md"
	if ns := w.c.nsOwning(name); ns != "" {
		msg += fmt.Sprintf("，是不是“%s.%s”？", ns, name)
	} else if s := suggestName(name, w.c.funcNames()); s != "" {
		msg += fmt.Sprintf("，是不是“%s”？", s)
	}
	w.errorAt(int(id.Pos), msg, hint)
	return nil
}

func (c *checker) funcNames() []string {
	var out []string
	for k := range c.funcs {
		out = append(out, k)
	}
	for k := range builtins {
		out = append(out, k)
	}
	for _, ns := range funcs.Namespaces() {
		for _, m := range funcs.Methods(ns) {
			out = append(out, ns.Name+"."+m)
		}
	}
	slices.Sort(out)
	return out
}

// builtin checks a call of one of text/template's own functions, typing
// the results it can: index of a list, and/or of one type, len, not, eq….
func (w *walker) builtin(s *sig, id *parse.IdentifierNode, dot *vtype, args []parse.Node, final *vtype, has bool) *vtype {
	var types []*vtype
	switch s.name {
	case "and":
		// and stops at the first false argument: each later one may rely
		// on the earlier ones, as in and .Membership.Previous .Membership.Previous.Members.
		mark := len(w.guards)
		for _, a := range args {
			types = append(types, w.arg(a, dot))
			w.guards = append(w.guards, w.argTruths(a, dot)...)
		}
		w.guards = w.guards[:mark]
		w.arity(s, int(id.Pos), len(args), has)
	default:
		_, types = w.checkCall(s, int(id.Pos), args, final, has, dot)
	}
	if has {
		types = append(types, final)
	}
	switch s.name {
	case "and", "or":
		if len(types) == 0 || !types[0].known() {
			return nil
		}
		for _, t := range types[1:] {
			if t.signature() != types[0].signature() {
				return nil
			}
		}
		return &vtype{t: types[0].t, keys: types[0].keys}
	case "len":
		if len(types) == 1 && types[0].known() && types[0].keys == nil {
			t := types[0].t
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			switch t.Kind() {
			case reflect.Slice, reflect.Array, reflect.Map, reflect.String, reflect.Chan, reflect.Interface:
			default:
				w.typeError(w.exprStart(args[0]), fmt.Sprintf("len 只能用于列表、文字或字典，%s 是%s", args[0].String(), describe(types[0])), "")
			}
		}
	case "index":
		if len(types) == 0 {
			return nil
		}
		v := types[0]
		for i, k := range args[1:] {
			if !v.known() {
				return nil
			}
			if v.keys != nil {
				sn, ok := k.(*parse.StringNode)
				if !ok {
					return nil
				}
				v = v.keys[sn.Text]
				continue
			}
			t := v.t
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			switch t.Kind() {
			case reflect.Slice, reflect.Array, reflect.Map:
				v = typed(t.Elem())
			case reflect.String:
				v = typed(reflect.TypeFor[byte]())
			default:
				w.typeError(w.exprStart(args[0]), fmt.Sprintf("index 只能用于列表或字典，%s 是%s", args[0].String(), describe(types[0])), "")
				_ = i
				return nil
			}
		}
		return v
	}
	return typed(s.out)
}

// dict checks sprig's dict and, when every key is a constant, returns a map
// type that knows its keys, so that a partial reading .A.Title is checked
// against the type given for "A".
func (w *walker) dict(id *parse.IdentifierNode, dot *vtype, args []parse.Node, has bool) *vtype {
	types := make([]*vtype, len(args))
	for i, a := range args {
		types[i] = w.arg(a, dot)
	}
	if has {
		return nil
	}
	if len(args)%2 != 0 {
		w.errorAt(int(id.Pos), fmt.Sprintf("dict 的参数要成对（键 值 键 值……），这里有 %d 个", len(args)), "例如 dict \"A\" . \"R\" $")
		return &vtype{t: typMapAny}
	}
	keys := map[string]*vtype{}
	for i := 0; i < len(args); i += 2 {
		sn, ok := args[i].(*parse.StringNode)
		if !ok {
			return &vtype{t: typMapAny}
		}
		keys[sn.Text] = types[i+1]
	}
	return &vtype{t: typMapAny, keys: keys, dictAt: w.f.pos(int(id.Pos)).String()}
}

// arity reports a wrong number of arguments; n counts the written ones,
// has adds the pipeline's value.
func (w *walker) arity(s *sig, at int, n int, has bool) bool {
	got := n
	if has {
		got++
	}
	want := len(s.in)
	piped := ""
	if has {
		piped = "（含管道 | 传来的 1 个）"
	}
	hint := ""
	if s.usage != "" {
		hint = "用法：" + s.usage
	}
	switch {
	case s.variadic && got < want-1:
		w.errorAt(at, fmt.Sprintf("%s 至少需要 %d 个参数，这里只有 %d 个%s", s.name, want-1, got, piped), hint)
		return false
	case !s.variadic && got != want:
		w.errorAt(at, fmt.Sprintf("%s 需要 %d 个参数，这里给了 %d 个%s", s.name, want, got, piped), hint)
		return false
	}
	return true
}

// checkCall checks the arguments of a call against a signature and returns
// the result type and the argument types.
func (w *walker) checkCall(s *sig, at int, args []parse.Node, final *vtype, has bool, dot *vtype) (*vtype, []*vtype) {
	types := make([]*vtype, len(args))
	for i, a := range args {
		types[i] = w.arg(a, dot)
	}
	if !w.arity(s, at, len(args), has) {
		return typed(s.out), types
	}
	if s.bad != "" {
		w.errorAt(at, s.bad, "")
		return nil, types
	}
	for i, a := range args {
		w.checkArg(s, i, a, types[i], w.exprStart(a))
	}
	if has {
		w.checkArg(s, len(args), nil, final, at)
	}
	return typed(s.out), types
}

func (s *sig) param(i int) reflect.Type {
	if s.variadic && i >= len(s.in)-1 {
		if t := s.in[len(s.in)-1]; t != nil {
			return t.Elem()
		}
		return nil
	}
	if i < len(s.in) {
		return s.in[i]
	}
	return nil
}

// checkArg checks one argument against its parameter, by the rules of
// text/template's evalArg: constants must suit the parameter's kind, other
// values must be assignable (one pointer step allowed).
func (w *walker) checkArg(s *sig, i int, n parse.Node, v *vtype, at int) {
	pt := s.param(i)
	if pt == nil || pt.Kind() == reflect.Interface {
		return
	}
	what := fmt.Sprintf("%s 的第 %d 个参数", s.name, i+1)
	if n == nil {
		what = fmt.Sprintf("%s 的第 %d 个参数（管道 | 传来的值）", s.name, i+1)
	}
	hint := ""
	if s.usage != "" {
		hint = "用法：" + s.usage
	}
	switch c := n.(type) {
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		ok := false
		switch k := pt.Kind(); {
		case k == reflect.String:
			_, ok = c.(*parse.StringNode)
		case k == reflect.Bool:
			_, ok = c.(*parse.BoolNode)
		case k >= reflect.Int && k <= reflect.Int64:
			nn, isNum := c.(*parse.NumberNode)
			ok = isNum && nn.IsInt
		case k >= reflect.Uint && k <= reflect.Uintptr:
			nn, isNum := c.(*parse.NumberNode)
			ok = isNum && nn.IsUint
		case k == reflect.Float32 || k == reflect.Float64:
			nn, isNum := c.(*parse.NumberNode)
			ok = isNum && nn.IsFloat
		case k == reflect.Pointer || k == reflect.Map || k == reflect.Slice || k == reflect.Func || k == reflect.Chan:
			_, ok = c.(*parse.NilNode)
		}
		if !ok {
			w.errorAt(at, fmt.Sprintf("%s应是%s，这里写的是 %s", what, describeType(pt), n.String()), hint)
		}
		return
	}
	if !v.known() {
		return
	}
	t := v.t
	if v.keys != nil {
		t = typMapAny
	}
	if t.AssignableTo(pt) ||
		t.Kind() == reflect.Pointer && t.Elem().AssignableTo(pt) ||
		reflect.PointerTo(t).AssignableTo(pt) {
		return
	}
	got := describe(v)
	if n != nil {
		got = n.String() + " 是" + got
	} else {
		got = "传来的是" + got
	}
	w.typeError(at, fmt.Sprintf("%s应是%s，%s", what, describeType(pt), got), hint)
}

// fieldChain checks .A.B.C on recv; the last name gets the arguments.
// recvExpr is how recv is written ("" for dot), for messages.
func (w *walker) fieldChain(recv *vtype, recvExpr string, idents []string, offs []int, args []parse.Node, final *vtype, has bool, dot *vtype) *vtype {
	for i, name := range idents {
		var a []parse.Node
		var fin *vtype
		var h bool
		if i == len(idents)-1 {
			a, fin, h = args, final, has
		}
		recv = w.field(recv, recvExpr, name, offs[i], a, fin, h, dot)
		recvExpr += "." + name
	}
	return recv
}

// recvName describes a receiver in a message: ".Membership（会员情况）" or
// "这里的 .（活动）".
func recvName(expr string, v *vtype) string {
	if expr == "" {
		return "这里的 .（" + describe(v) + "）"
	}
	return expr + "（" + describe(v) + "）"
}

// field checks one .Name on recv, by text/template's evalField rules: a
// method of the value (or of its pointer), else a struct field, else a map
// key.
func (w *walker) field(recv *vtype, recvExpr, name string, at int, args []parse.Node, final *vtype, has bool, dot *vtype) *vtype {
	if recv != nil && recv.noData {
		w.typeError(at, fmt.Sprintf("调用这个子模板时没有传入数据，不能取“%s”", name), "调用时把数据传进来：{{ template \"名称\" . }}")
		recv = nil
	}
	if !recv.known() {
		for _, a := range args {
			w.arg(a, dot)
		}
		return nil
	}
	key := ""
	if recv.key != "" {
		key = recv.key + "." + name
	}
	if recv.keys != nil {
		v, ok := recv.keys[name]
		if !ok {
			for _, a := range args {
				w.arg(a, dot)
			}
			msg := fmt.Sprintf("%s没有“%s”这一项", recvName(recvExpr, recv), name)
			if s := suggestName(name, sortedKeys(recv.keys)); s != "" {
				msg += fmt.Sprintf("，是不是“%s”？", s)
			}
			hint := "这个 dict 在 " + recv.dictAt + " 建立"
			if w.callSite != "" && recvExpr == "" {
				hint = "传入的 dict 在 " + recv.dictAt + " 建立"
			}
			w.errorAt(at, msg, hint)
			return nil
		}
		if len(args) > 0 || has {
			w.notFunction(nodeAt(at), "“"+recvExpr+"."+name+"”是 dict 里的一项", args, has, dot)
		}
		if v == nil {
			return nil
		}
		c := *v
		c.key = key
		return &c
	}
	t := recv.t
	if t.Kind() == reflect.Interface {
		return nil
	}
	mt := t
	if mt.Kind() != reflect.Pointer {
		mt = reflect.PointerTo(t)
	}
	display := recvExpr + "." + name
	if m, ok := mt.MethodByName(name); ok {
		if t.Kind() == reflect.Pointer && recv.nilable && !w.guarded(recv.key) {
			if _, byValue := t.Elem().MethodByName(name); byValue {
				w.nilWarning(at, recvExpr, recv)
			}
		}
		w.c.recordMethod(t, name)
		s := funcSig(display, m.Type, true)
		res, _ := w.checkCall(s, at, args, final, has, dot)
		if res != nil {
			res.key = key
		}
		return res
	}
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	switch base.Kind() {
	case reflect.Struct:
		sf, ok := base.FieldByName(name)
		if ok && sf.IsExported() {
			if t.Kind() == reflect.Pointer && recv.nilable && !w.guarded(recv.key) {
				w.nilWarning(at, recvExpr, recv)
			}
			if len(args) > 0 || has {
				w.notFunction(nodeAt(at), "“"+display+"”是字段", args, has, dot)
			}
			w.c.recordField(base, sf)
			res := typed(sf.Type)
			if res != nil {
				res.key = key
				res.nilable = sf.Type.Kind() == reflect.Pointer
			}
			return res
		}
		for _, a := range args {
			w.arg(a, dot)
		}
		names := structNames(base, true)
		what := "字段"
		if len(structNames(base, false)) == 0 {
			what = "方法" // zh.Counter: only methods
		}
		msg := fmt.Sprintf("%s没有“%s”这个%s", recvName(recvExpr, recv), name, what)
		hint := "可用的有：" + strings.Join(names, "、")
		if s := suggestName(name, names); s != "" {
			msg += fmt.Sprintf("，是不是“%s”？", s)
			hint = ""
		}
		w.typeError(at, msg, hint)
		return nil
	case reflect.Map:
		if typString.AssignableTo(base.Key()) {
			if len(args) > 0 || has {
				w.notFunction(nodeAt(at), "“"+display+"”是字典里的一项", args, has, dot)
			}
			res := typed(base.Elem())
			if res != nil {
				res.key = key
			}
			return res
		}
	}
	for _, a := range args {
		w.arg(a, dot)
	}
	w.typeError(at, fmt.Sprintf("%s是%s，没有“%s”这个字段", recvName(recvExpr, recv), describe(recv), name), "")
	return nil
}

// nodeAt is a stand-in node for notFunction's position.
func nodeAt(off int) parse.Node { return &parse.DotNode{Pos: parse.Pos(off)} }

func (w *walker) nilWarning(at int, expr string, v *vtype) {
	what := expr
	if what == "" {
		what = "."
	}
	w.warnAt(at, fmt.Sprintf("“%s”（%s）可能为空，请先用 with 判断", what, describe(v)),
		fmt.Sprintf("例如 {{ with %s }}…{{ end }}；输入里没有填写时，这里会出错", what))
}

// structNames lists a struct's exported fields and, with methods, the
// methods of its pointer: the names a template may write after it.
func structNames(t reflect.Type, methods bool) []string {
	var out []string
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && !f.Anonymous {
			out = append(out, f.Name)
		}
	}
	if methods {
		pt := reflect.PointerTo(t)
		for i := range pt.NumMethod() {
			out = append(out, pt.Method(i).Name)
		}
	}
	return out
}

// suggestName is diag.Suggest plus one swap of neighbouring letters, the
// commonest typo in field names (Titel → Title), which an edit distance of
// two hides.
func suggestName(s string, names []string) string {
	if x := diag.Suggest(s, names); x != "" {
		return x
	}
	for _, n := range names {
		if len(n) != len(s) {
			continue
		}
		for i := 0; i+1 < len(s); i++ {
			if s[i] != n[i] {
				if s[i] == n[i+1] && s[i+1] == n[i] && s[i+2:] == n[i+2:] {
					return n
				}
				break
			}
		}
	}
	return ""
}

func (c *checker) recordField(owner reflect.Type, sf reflect.StructField) {
	p, ok := c.paths[owner]
	tag, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
	if !ok || tag == "" || tag == "-" {
		return
	}
	yp := strings.TrimPrefix(p.yaml+"."+tag, ".")
	c.fields[yp] = Field{Expr: p.expr + "." + sf.Name, Path: yp, Label: model.Label(yp)}
}

func (c *checker) recordMethod(owner reflect.Type, name string) {
	for owner.Kind() == reflect.Pointer {
		owner = owner.Elem()
	}
	if p, ok := c.paths[owner]; ok {
		c.methods[p.expr+"."+name] = true
	}
}

// fieldList lists the fields read, in input order, leaving out a section
// (.Membership) when fields within it (.Membership.Members) are listed.
func (c *checker) fieldList() []Field {
	order := inputOrder()
	out := make([]Field, 0, len(c.fields))
	for p, f := range c.fields {
		inner := false
		for q := range c.fields {
			if strings.HasPrefix(q, p+".") {
				inner = true
				break
			}
		}
		if !inner {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b Field) int { return order[a.Path] - order[b.Path] })
	return out
}

func (c *checker) methodList() []string {
	return sortedKeys(c.methods)
}

// ---------------------------------------------------------------------------
// Tracing output back to the template

// Traced is a template's output with, for every byte, the template
// position that wrote it.
type Traced struct {
	Out   []byte
	marks []traceMark // by output offset
	sites []traceSite
}

type traceMark struct{ out, site int }

// traceSite is an output-writing node: text, copied verbatim, or an action.
type traceSite struct {
	file *srcFile
	off  int
	text bool
}

// Pos returns the template position that wrote output byte off: the exact
// character for template text, the action for values.
func (tr *Traced) Pos(off int) diag.Pos {
	i := sort.Search(len(tr.marks), func(i int) bool { return tr.marks[i].out > off }) - 1
	if i < 0 {
		return diag.Pos{}
	}
	m := tr.marks[i]
	s := tr.sites[m.site]
	if s.text {
		return s.file.pos(s.off + off - m.out)
	}
	return s.file.pos(s.off)
}

// Trace executes the template against data as Compile and Execute do, with
// every text and action tagged, and returns the output (identical to an
// untraced run) with the positions that wrote it. Execution errors are
// positioned problems, with character columns.
func (t *Template) Trace(data any) (*Traced, error) {
	root := template.New(t.Main).Funcs(funcs.Map()).Option("missingkey=error")
	files := map[string]*srcFile{t.Main: newSrcFile(t.Main, t.text)}
	for _, k := range sortedKeys(t.partials) {
		p := t.partials[k]
		files[p.Name] = newSrcFile(p.Name, p.Text)
		if _, err := root.New(p.Name).Parse(p.Text); err != nil {
			return nil, t.execError(err)
		}
	}
	if _, err := root.Parse(t.text); err != nil {
		return nil, t.execError(err)
	}
	tr := &Traced{}
	for _, tm := range root.Templates() {
		if tm.Tree == nil || files[tm.Tree.ParseName] == nil {
			continue
		}
		tr.instrument(tm.Tree.Root, files[tm.Tree.ParseName])
	}
	var raw bytes.Buffer
	if err := root.Execute(&raw, data); err != nil {
		return nil, t.execError(err)
	}
	b := raw.Bytes()
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != 0 {
			out = append(out, b[i])
			continue
		}
		j := bytes.IndexByte(b[i:], 1)
		id, _ := strconv.Atoi(string(b[i+1 : i+j]))
		tr.marks = append(tr.marks, traceMark{out: len(out), site: id})
		i += j
	}
	tr.Out = out
	return tr, nil
}

func (t *Template) execError(err error) error {
	p := TemplateProblem(err)
	p.Pos = t.ExecPos(p.Pos)
	return diag.List{p}
}

// instrument prefixes every text with a marker and puts one before every
// action that writes output. A marker is NUL, the site number and SOH,
// bytes that template output never otherwise holds.
func (tr *Traced) instrument(l *parse.ListNode, f *srcFile) {
	if l == nil {
		return
	}
	mark := func(off int, text bool) []byte {
		tr.sites = append(tr.sites, traceSite{file: f, off: off, text: text})
		return []byte("\x00" + strconv.Itoa(len(tr.sites)-1) + "\x01")
	}
	var nodes []parse.Node
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			n.Text = append(mark(int(n.Pos), true), n.Text...)
		case *parse.ActionNode:
			if len(n.Pipe.Decl) == 0 {
				nodes = append(nodes, &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: mark(int(n.Pos), false)})
			}
		case *parse.IfNode:
			tr.instrument(n.List, f)
			tr.instrument(n.ElseList, f)
		case *parse.RangeNode:
			tr.instrument(n.List, f)
			tr.instrument(n.ElseList, f)
		case *parse.WithNode:
			tr.instrument(n.List, f)
			tr.instrument(n.ElseList, f)
		case *parse.ListNode:
			tr.instrument(n, f)
		}
		nodes = append(nodes, n)
	}
	l.Nodes = nodes
}
