package vet

// The walker: one template body walked by text/template's own evaluation
// rules (exec.go), tracking the type of dot and of every variable through
// if, range, with, declarations, assignments and template calls, and
// which optional values an if or with has tested.

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/huibao/huibao/engine/diag"
)

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
