package vet

// Fields: reading .Name on a value by text/template's rules (a method, a
// struct field, a map key), warning where optional data is read without a
// with, recording the input fields and data helpers a template uses, and
// where the input's types sit, read from engine/model's field table.

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/huibao/huibao/engine/model"
)

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

// recordField notes that the template reads field sf of owner, by the
// field's place in the input, so that .Activities[].Title is one field
// however the template reached the activity.
func (c *checker) recordField(owner reflect.Type, sf reflect.StructField) {
	p, ok := inputModel().sections[owner]
	tag, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
	if !ok || tag == "" || tag == "-" {
		return
	}
	yp := strings.TrimPrefix(p.yaml+"."+tag, ".")
	c.fields[yp] = Field{Expr: p.expr + "." + sf.Name, Path: yp, Label: model.Label(yp)}
}

// recordReads notes the input fields a namespace function reads through
// its arguments (a prose function reading the activities of .WorkGroups).
func (c *checker) recordReads(paths []string) {
	for _, p := range paths {
		if f, ok := model.LookupField(p); ok {
			c.fields[p] = Field{Expr: f.Expr, Path: p, Label: f.Label}
		}
	}
}

// recordMethod notes a data helper the template calls on a type of the
// input (.WorkGroups, .Period.IsSpan).
func (c *checker) recordMethod(owner reflect.Type, name string) {
	for owner.Kind() == reflect.Pointer {
		owner = owner.Elem()
	}
	if p, ok := inputModel().sections[owner]; ok {
		c.methods[p.expr+"."+name] = true
	}
}

// fieldList lists the fields read, in input order, leaving out a section
// (.Membership) when fields within it (.Membership.Members) are listed.
func (c *checker) fieldList() []Field {
	order := inputModel().order
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

// section is where a struct type of the input sits: the field path of its
// place and how a template reaches it (.Activities[] for each activity).
type section struct {
	yaml, expr string
}

// inputTypes is what the checker knows of the input's shape.
type inputTypes struct {
	// sections places each struct type of the input where the input
	// format has it first, so that a field read on a model.Activity,
	// however reached, is named activities.title.
	sections map[reflect.Type]section
	// order numbers the field paths in the order of the input format, for
	// listing the fields a template reads.
	order map[string]int
}

// inputModel is walkModel's result, made once: the model's types do not
// change while the program runs.
var inputModel = sync.OnceValue(walkModel)

// walkModel reads the input's shape from engine/model's field table (the
// module's one walk of the model): the field paths in the order of the input
// format, and where each section (a group of fields, or the items of a
// list) sits. A struct type met in several places is placed at the
// shallowest, the earliest among equals.
func walkModel() inputTypes {
	in := inputTypes{sections: map[reflect.Type]section{typReport: {}}, order: map[string]int{}}
	depth := map[reflect.Type]int{typReport: 0}
	for i, f := range model.Fields() {
		in.order[f.Path] = i
		if f.Kind != model.KindGroup && f.Kind != model.KindList {
			continue
		}
		t, place := f.Type, section{yaml: f.Path, expr: f.Expr}
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			if t.Kind() == reflect.Slice {
				place.expr += "[]"
			}
			t = t.Elem()
		}
		d := strings.Count(f.Path, ".") + 1
		if dd, seen := depth[t]; !seen || d < dd {
			depth[t], in.sections[t] = d, place
		}
	}
	return in
}
