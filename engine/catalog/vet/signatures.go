package vet

// Function signatures: what the checker knows about a function or method
// it can see called, from the function map and the namespaces by
// reflection, and from tables for text/template's builtins and the data
// namespace's list filters.

import (
	"fmt"
	"reflect"
)

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

// funcSig reads a signature from a function's type; skipRecv drops the
// receiver of a method expression.
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

// param is the type of the i-th argument (nil: anything), the last
// parameter of a variadic function taking every argument from there on.
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
