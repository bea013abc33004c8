package vet

// The entry point: Analyze, what it returns, and the checker's state for
// one template.

import (
	"reflect"
	"slices"
	"text/template"

	"github.com/huibao/huibao/engine/catalog"
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
func Analyze(t *catalog.Template) *Analysis {
	set := parseFiles(t.Sources())
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

// checker is the state of one Analyze: what has been checked and found.
// Each template body is walked by a walker of its own (walk.go).
type checker struct {
	set        *fileSet
	funcs      template.FuncMap
	namespaces map[string]funcs.Namespace
	probs      diag.List
	seen       map[string]bool  // problems reported, by position and message
	done       map[string]bool  // template instantiations checked: name + dot signature
	active     map[string]bool  // instantiations on the call stack (recursion)
	reached    map[string]bool  // templates checked at least once with a known dot
	fields     map[string]Field // input fields read, by field path
	methods    map[string]bool  // data helpers called, as .Period.IsSpan
	fresh      int              // last key handed out to a value with no name of its own (walker.freshKey)
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
	}
	for _, ns := range funcs.Namespaces() {
		c.namespaces[ns.Name] = ns
	}
	return c
}

// report records a problem once: a partial checked for several callers
// would otherwise repeat what it finds at the same place.
func (c *checker) report(p diag.Pos, sev diag.Severity, msg, hint string) {
	k := p.String() + "\x00" + msg
	if c.seen[k] {
		return
	}
	c.seen[k] = true
	c.probs = append(c.probs, &diag.Problem{Pos: p, Msg: msg, Hint: hint, Severity: sev})
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
