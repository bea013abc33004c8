package vet

// Calls: namespace functions (zh.Money), functions of the map and
// text/template's builtins, sprig's dict with constant keys, the data
// filters that return items of the list they are given, and the arity and
// argument types of every call.

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/huibao/huibao/engine/funcs"
)

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
		if f.Name == name {
			w.c.recordReads(f.Reads)
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
	if t == typSpan && pt.Kind() == reflect.String {
		// .Period.Span was text before it had a type of its own.
		hint = "期间代码（H1、year…）不是文字：要中文名用 zh.SpanName .Period.Span，要代码本身用 printf \"%s\" .Period.Span"
	}
	got := describe(v)
	if n != nil {
		got = n.String() + " 是" + got
	} else {
		got = "传来的是" + got
	}
	w.typeError(at, fmt.Sprintf("%s应是%s，%s", what, describeType(pt), got), hint)
}
