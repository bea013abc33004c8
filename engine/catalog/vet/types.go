package vet

// The types the checker tracks: what is known about a value (its Go type,
// a dict's keys, whether it may be nil), and how a type is named to a
// template author.

import (
	"reflect"
	"slices"
	"strings"

	"github.com/huibao/huibao/engine/model"
)

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
	typSpan    = reflect.TypeFor[model.Span]()
	typDecimal = reflect.TypeFor[model.Measure]().Field(1).Type // decimal.Decimal, without importing it
)

// typed is a value of Go type t; an interface type says nothing about the
// value, so it is unknown.
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

// describeType names a Go type for a template author: a section of the
// input by its Chinese label, other types by their kind.
func describeType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer && t.Elem().PkgPath() == modelPkg {
		t = t.Elem()
	}
	if t == typReport {
		return "报告数据"
	}
	if p, ok := inputModel().sections[t]; ok && p.yaml != "" {
		if l := model.Label(p.yaml); l != "" {
			return l
		}
	}
	switch {
	case t == typDate:
		return "日期"
	case t == typSpan:
		return "期间代码"
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

// sortedKeys returns a map's keys in order, for stable messages.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// pathInfo is where a model type sits in the input: its yaml path and how a
