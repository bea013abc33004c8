// Package funcs builds the function map templates run with: sprig's hermetic
// functions plus huibao's namespaces (zh for Chinese report text, data for
// selecting and summing the input, prose for the sentences engine/prose
// plans with the template's lexicon), each function documented in Chinese
// with examples that a test executes.
//
// A namespace is a value whose exported methods are its functions; templates
// call them as {{ zh.Money .Membership.DuesCollected }}, the way Hugo does.
package funcs

import (
	"fmt"
	"reflect"
	"slices"
	"text/template"

	"github.com/Masterminds/sprig/v3"

	"github.com/huibao/huibao/engine/lexicon"
)

// Example is a template snippet and the text it must produce.
type Example struct {
	Template string
	Want     string
}

// Func documents one function of a namespace.
type Func struct {
	Name     string // method name, e.g. Money
	Doc      string // one line in Chinese, for the author's reference
	Args     string // argument synopsis, e.g. "金额"
	Examples []Example
	// Reads lists the input fields (model field paths) the function reads
	// through its arguments, so that templates show names the fields a
	// template depends on also when a prose function reads them for it.
	Reads []string
}

// Namespace is a named group of template functions.
type Namespace struct {
	Name  string // as written in templates: zh, data
	Doc   string // one line in Chinese
	Value any    // its exported methods are the functions
	Funcs []Func // one entry per exported method, in reference order
}

// Namespaces returns huibao's namespaces in reference order, prose with
// the built-in lexicon.
func Namespaces() []Namespace { return namespaces(nil) }

func namespaces(lex *lexicon.Lexicon) []Namespace {
	return []Namespace{zhNamespace(), dataNamespace(), proseNamespace(lex)}
}

// Map returns sprig's hermetic text functions, less those that are not the
// same on every run or are costly and with limits on what the others may
// return (bounds.go), plus one entry per namespace, prose with the built-in
// lexicon.
func Map() template.FuncMap { return MapWith(nil) }

// MapWith is Map with prose using lex (nil: the built-in lexicon). It
// panics if a namespace name clashes with a sprig function: that is a
// programming error, caught by the tests.
func MapWith(lex *lexicon.Lexicon) template.FuncMap {
	m := template.FuncMap{}
	for k, v := range sprig.HermeticTxtFuncMap() {
		m[k] = v
	}
	cachedRegexFuncs(m)
	harden(m)
	for _, ns := range namespaces(lex) {
		if _, dup := m[ns.Name]; dup {
			panic(fmt.Sprintf("funcs: namespace %q clashes with an existing function", ns.Name))
		}
		v := ns.Value
		m[ns.Name] = func() any { return v }
	}
	return m
}

// Methods lists the exported method names of a namespace value, sorted.
func Methods(ns Namespace) []string {
	t := reflect.TypeOf(ns.Value)
	var out []string
	for i := range t.NumMethod() {
		out = append(out, t.Method(i).Name)
	}
	slices.Sort(out)
	return out
}
