package load

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
)

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	dateType    = reflect.TypeFor[model.Date]()
)

// decodeText reads YAML or JSON (JSON is YAML's flow style, so one parser
// with positions serves both) into a report.
func decodeText(name string, data []byte) (*model.Report, *diag.SourceMap, diag.List) {
	if KindOf(name) == JSON {
		if p := jsonSyntax(name, data); p != nil {
			return nil, nil, diag.List{p}
		}
	}
	var r model.Report
	src, probs := Decode(name, data, &r)
	if src == nil {
		return nil, nil, probs
	}
	return &r, src, probs
}

// Decode reads YAML or JSON text into v, a pointer to a struct whose fields
// carry yaml tags, with the same positioned Chinese problems as input files:
// unknown keys with a suggestion, wrong types, duplicate keys. It is used for
// inputs and for template manifests. The source map is nil when the text
// could not be parsed at all.
func Decode(name string, data []byte, v any) (*diag.SourceMap, diag.List) {
	text, probs := toUTF8(name, data)
	if probs.Err() != nil {
		return nil, probs
	}
	if p := tooMany(name, text); p != nil {
		return nil, append(probs, p)
	}
	tokens := lexer.Tokenize(string(text))
	if p := tooDeep(name, tokens); p != nil {
		return nil, append(probs, p)
	}
	file, err := parse(tokens)
	if err != nil {
		return nil, append(probs, syntaxProblem(name, err))
	}
	d := &decoder{file: name, src: diag.NewSourceMap(name)}
	var root ast.Node
	for _, doc := range file.Docs {
		if doc.Body == nil {
			continue
		}
		if _, ok := doc.Body.(*ast.DirectiveNode); ok {
			continue // %YAML 1.2 before the ---: says which YAML, is no data
		}
		if root != nil {
			d.errs.Add(d.nodePos(doc.Body), "", "文件里有不止一份数据（出现了第二个“---”分隔的文档）", "一个文件只写一份数据")
			break
		}
		root = doc.Body
	}
	if root == nil {
		msg := "文件是空的"
		if len(bytes.TrimSpace(text)) > 0 {
			msg = "文件里只有注释，没有数据"
		}
		d.errs.Add(diag.Pos{File: name}, "", msg, "可以用 huibao init 生成一份带说明的样例来填写")
		return nil, append(probs, d.errs...)
	}
	d.decode(root, reflect.ValueOf(v).Elem(), "")
	return d.src, append(probs, d.errs...)
}

// parse parses the tokens; a panic of the parser on a text it was not
// written for is a syntax error like any other.
func parse(tokens token.Tokens) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parser: %v", r)
		}
	}()
	return parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
}

// syntaxProblem turns a parser error into a positioned Chinese problem.
func syntaxProblem(name string, err error) *diag.Problem {
	p := &diag.Problem{Pos: diag.Pos{File: name}}
	msg := err.Error()
	var se *yaml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Message
		if se.Token != nil && se.Token.Position != nil {
			p.Pos.Line, p.Pos.Col = se.Token.Position.Line, se.Token.Position.Column
		}
	}
	p.Msg, p.Hint = explainSyntax(strings.ReplaceAll(msg, "\t", "Tab"))
	return p
}

// explainSyntax gives the Chinese reading of the parser's message.
func explainSyntax(msg string) (string, string) {
	text, hint, _ := diag.Explain(diag.YAML, msg)
	return "格式错误：" + text, hint
}

type decoder struct {
	file string
	src  *diag.SourceMap
	errs diag.List
}

// fail records a problem with the value at path and marks the path invalid,
// so that validation does not report it again as missing.
func (d *decoder) fail(n ast.Node, path, msg, hint string) {
	d.errs.Add(d.nodePos(n), path, msg, hint)
	d.src.MarkInvalid(path)
}

func (d *decoder) pos(n ast.Node) diag.Pos {
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return diag.Pos{File: d.file}
	}
	return diag.Pos{File: d.file, Line: tk.Position.Line, Col: tk.Position.Column}
}

// nodePos is where a reader would look for a value: a mapping's first key,
// not its first colon.
func (d *decoder) nodePos(n ast.Node) diag.Pos {
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 {
		return d.pos(m.Values[0].Key)
	}
	return d.pos(n)
}

// unwrap strips tags and anchors; aliases are refused, since they are rare
// in hand-written data and expanding them invites abuse.
func (d *decoder) unwrap(n ast.Node, path string) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		case *ast.AliasNode:
			d.fail(n, path, "不支持 YAML 引用（*名称）", "请把引用的内容直接写出来")
			return nil
		case *ast.MappingValueNode:
			return &ast.MappingNode{BaseNode: v.BaseNode, Start: v.Start, Values: []*ast.MappingValueNode{v}}
		default:
			return n
		}
	}
}

// decode fills v from node n. path is the field path being decoded.
func (d *decoder) decode(n ast.Node, v reflect.Value, path string) {
	n = d.unwrap(n, path)
	if n == nil {
		return
	}
	if path != "" {
		d.src.Set(path, d.nodePos(n))
	}
	if _, null := n.(*ast.NullNode); null {
		return // absent value: the field keeps its zero value; validation decides
	}
	switch t := v.Type(); {
	case t == decimalType:
		d.decodeDecimal(n, v, path)
	case t == dateType:
		d.decodeDate(n, v, path)
	case t.Kind() == reflect.Pointer:
		elem := reflect.New(t.Elem())
		d.decode(n, elem.Elem(), path)
		v.Set(elem)
	case t.Kind() == reflect.String:
		s, ok := scalarText(n)
		if !ok {
			d.fail(n, path, fmt.Sprintf("应为一段文字，实际是%s", describe(n)), "")
			return
		}
		v.SetString(strings.TrimSpace(s))
	case t.Kind() == reflect.Int:
		d.decodeInt(n, v, path)
	case t.Kind() == reflect.Bool:
		d.decodeBool(n, v, path)
	case t.Kind() == reflect.Struct:
		d.decodeStruct(n, v, path)
	case t.Kind() == reflect.Slice:
		d.decodeSlice(n, v, path)
	default:
		panic(fmt.Sprintf("load: model field of unsupported type %s at %s", t, path))
	}
}

func (d *decoder) decodeStruct(n ast.Node, v reflect.Value, path string) {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		d.fail(n, path, fmt.Sprintf("应为一组“名称: 值”，实际是%s", describe(n)),
			fmt.Sprintf("可写的字段有：%s", strings.Join(fieldNames(v.Type()), "、")))
		return
	}
	seen := map[string]ast.Node{}
	for _, kv := range m.Values {
		key, _ := scalarText(d.unwrap(kv.Key, path))
		key = strings.TrimSpace(key)
		if first, dup := seen[key]; dup {
			d.errs.Add(d.pos(kv.Key), join(path, key), fmt.Sprintf("字段重复：第%d行已经写过“%s”", d.pos(first).Line, key), "请删去其中一处，只保留正确的值")
			continue
		}
		seen[key] = kv.Key
		i := fieldIndex(v.Type(), key)
		if i < 0 {
			d.unknownKey(kv.Key, v.Type(), path, key)
			continue
		}
		d.decode(kv.Value, v.Field(i), join(path, key))
	}
}

func (d *decoder) unknownKey(k ast.Node, t reflect.Type, path, key string) {
	names := fieldNames(t)
	hint := fmt.Sprintf("这一级可写的字段有：%s", strings.Join(names, "、"))
	s := diag.Suggest(key, names)
	if s == "" {
		// A Chinese key is usually the field's Chinese name: 在册会员 → members.
		for _, n := range names {
			if l := model.Label(join(path, n)); l != "" && (l == key || strings.TrimSuffix(key, "（元）") == l) {
				s = n
			}
		}
	}
	if s != "" {
		hint = fmt.Sprintf("是不是“%s”", s)
		if l := model.Label(join(path, s)); l != "" && l != key {
			hint += "（" + l + "）"
		}
		hint += "？"
		if !isASCII(key) {
			hint += "字段名要用英文，"
		}
		hint += "这一级可写的字段有：" + strings.Join(names, "、")
		// The value was most likely meant for s: do not report s as missing.
		d.src.MarkInvalid(join(path, s))
	}
	where := "顶层"
	if path != "" {
		where = path + " 下"
	}
	d.errs.Add(d.pos(k), join(path, key), fmt.Sprintf("%s没有“%s”这个字段", where, key), hint)
}

func (d *decoder) decodeSlice(n ast.Node, v reflect.Value, path string) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		d.fail(n, path, fmt.Sprintf("应为列表，实际是%s", describe(n)), "列表的每一项另起一行，以“- ”开头")
		return
	}
	if limit := model.LimitOf(path).Items; limit > 0 && len(seq.Values) > limit {
		d.fail(n, path, fmt.Sprintf("%s有 %d 项，超过了上限 %d 项", label(path), len(seq.Values), limit),
			"一份报告用不了这么多；请确认选对了文件，或把数据分成几份")
		return
	}
	s := reflect.MakeSlice(v.Type(), len(seq.Values), len(seq.Values))
	for i, item := range seq.Values {
		d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i+1))
	}
	v.Set(s)
}

func (d *decoder) decodeBool(n ast.Node, v reflect.Value, path string) {
	if b, ok := n.(*ast.BoolNode); ok {
		v.SetBool(b.Value)
		return
	}
	d.fail(n, path, fmt.Sprintf("应为 true 或 false，实际是%s", describe(n)), "")
}

var plainInt = regexp.MustCompile(`^[+-]?[0-9]+$`)
var wrongDecimalPoint = regexp.MustCompile(`^[0-9]+[、．。，][0-9]+$`)
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

func (d *decoder) decodeInt(n ast.Node, v reflect.Value, path string) {
	text, isNum := numberText(n)
	if isNum && plainInt.MatchString(text) {
		i, err := strconv.ParseInt(text, 10, 64)
		if err == nil && i >= -1<<31 && i < 1<<31 {
			v.SetInt(i)
			return
		}
		d.fail(n, path, fmt.Sprintf("数字 %s 太大", text), "请核对这个数")
		return
	}
	if isNum && plainNumber.MatchString(text) {
		d.fail(n, path, fmt.Sprintf("应为整数，实际是小数 %s", text), "人数、户数、次数等只能是整数")
		return
	}
	d.fail(n, path, fmt.Sprintf("应为整数，实际是%s", describe(n)), numberHint(n, intExample(path)))
}

func (d *decoder) decodeDecimal(n ast.Node, v reflect.Value, path string) {
	text, isNum := numberText(n)
	if isNum && plainNumber.MatchString(text) {
		v.Set(reflect.ValueOf(decimal.RequireFromString(text)))
		return
	}
	d.fail(n, path, fmt.Sprintf("应为数字，实际是%s", describe(n)), numberHint(n, "4509.50"))
}

func (d *decoder) decodeDate(n ast.Node, v reflect.Value, path string) {
	s, ok := scalarText(n)
	s = strings.TrimSpace(s)
	if !ok {
		d.fail(n, path, fmt.Sprintf("应为日期，实际是%s", describe(n)), "日期写成 2024-03-30 的形式")
		return
	}
	date, err := model.ParseDate(s)
	if err != nil {
		msg, hint := dateProblem(s)
		d.fail(n, path, msg, hint)
		return
	}
	v.Set(reflect.ValueOf(date))
}

// dateProblem says what is wrong with a date that did not parse, and what
// to do: check a date that does not exist, or rewrite one that is not
// written as a date.
func dateProblem(s string) (msg, hint string) {
	const check = "请核对这个日期"
	var y, m, dd int
	if n, _ := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &dd); n == 3 {
		switch {
		case m < 1 || m > 12:
			return fmt.Sprintf("“%s”不是有效日期：没有%d月", s, m), check
		case dd < 1 || dd > model.DaysIn(y, m):
			return fmt.Sprintf("“%s”不是有效日期：%d年%d月没有%d日", s, y, m, dd), check
		}
	}
	return fmt.Sprintf("“%s”不是日期，或写法不对", s), "日期写成 2024-03-30 的形式（只到月份时写 2024-12）"
}

// intExample is a plausible value for an integer field, for hints: the
// field table's example.
func intExample(path string) string {
	if f, ok := model.LookupField(path); ok && f.Example != "" {
		return f.Example
	}
	return "152"
}

// numberHint explains the usual reasons a number was not read as one.
func numberHint(n ast.Node, example string) string {
	s, ok := scalarText(n)
	switch {
	case !ok:
		return "请填写一个数，如 " + example
	case strings.ContainsAny(s, "０１２３４５６７８９"):
		return "请把全角数字改成半角数字，如 " + example
	case wrongDecimalPoint.MatchString(strings.TrimSpace(s)):
		return "小数点要用半角的“.”，如 " + example
	case strings.ContainsAny(s, "零〇一二两三四五六七八九十百千"):
		return "请用阿拉伯数字，如 " + example
	case strings.ContainsAny(s, "元人户次个家万"):
		return "只填数字，不要带单位，如 " + example
	case strings.Contains(s, ","), strings.Contains(s, "，"):
		return "数字中不要加千分位逗号，如 " + example
	case plainNumber.MatchString(strings.TrimSpace(s)):
		return "数字不要加引号，如 " + example
	}
	return "请填写一个数，如 " + example
}

// scalarText returns the text of a scalar node as typed.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return strings.TrimRight(v.Value.Value, "\n"), true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	case *ast.NullNode:
		return "", true
	}
	return "", false
}

// numberText returns the literal of a numeric node, and whether it was one.
func numberText(n ast.Node) (string, bool) {
	switch n.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		return n.GetToken().Value, true
	}
	return "", false
}

// describe names what a node is, for "应为…，实际是…" messages.
func describe(n ast.Node) string {
	switch v := n.(type) {
	case *ast.MappingNode:
		return "一组字段"
	case *ast.SequenceNode:
		return "一个列表"
	case *ast.BoolNode:
		return fmt.Sprintf("真假值“%s”", v.GetToken().Value)
	case *ast.IntegerNode, *ast.FloatNode:
		return fmt.Sprintf("数字 %s", v.GetToken().Value)
	}
	if s, ok := scalarText(n); ok {
		if len([]rune(s)) > 20 {
			s = string([]rune(s)[:20]) + "…"
		}
		return fmt.Sprintf("文字“%s”", s)
	}
	return "无法识别的内容"
}

// label names a field in a message: its Chinese name, else its path.
func label(path string) string {
	if l := model.Label(path); l != "" {
		return "“" + l + "”"
	}
	return path
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func fieldIndex(t reflect.Type, key string) int {
	for i := range t.NumField() {
		if tagName(t.Field(i)) == key {
			return i
		}
	}
	return -1
}

func fieldNames(t reflect.Type) []string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	for i := range t.NumField() {
		out = append(out, tagName(t.Field(i)))
	}
	return out
}

func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
