package catalog

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"text/template"
	"text/template/parse"
	"time"

	"github.com/huibao/huibao/engine/markdown"
)

// A template is a program, and one from an author's folder may be a
// hostile one. Secure rewrites a parsed template set so that, whatever it
// says, executing it with Run neither lets the data become Markdown
// structure nor takes the machine down:
//
//   - every action that writes a value ends in an escaping function, the
//     way html/template does it, so that no author can forget: a value
//     becomes text in the Markdown (markdown.Escape), in the context of its
//     line — a line break inside a paragraph stays a line break, in a
//     heading or a table row it becomes a space. A function that builds
//     Markdown on purpose returns markdown.Safe;
//   - every range iteration and every call of a template counts as a step,
//     and Run stops the execution, with a Chinese error at the range or the
//     template, when the steps, the depth of template calls, the output or
//     the time exceed the limits below.
//
// The functions Secure inserts are bound by Run and cannot be called from a
// template: they are not in the function map the template is parsed with.

// The limits of one execution. A large street's year (146 activities)
// takes a thousand steps, a depth of five and 45 kilobytes; the limits are
// far above what the input limits allow (2000 activities) and far below
// what hurts.
const (
	MaxSteps  = 200_000
	MaxDepth  = 100
	MaxOutput = 8 << 20
	MaxTime   = 30 * time.Second
	// MaxValue bounds the text one action writes.
	MaxValue = 1 << 20
)

// The names of the inserted functions and of the variable a step is
// declared into; "·" keeps the variable out of any author's reach.
const (
	escapeFunc     = "huibaoEscape"
	escapeLineFunc = "huibaoEscapeLine"
	stepFunc       = "huibaoStep"
	enterFunc      = "huibaoEnter"
	leaveFunc      = "huibaoLeave"
	stepVar        = "$huibao·step"
)

// Secure rewrites the trees of every template of root in place (see
// above). It must be called once, after parsing and before the first Run.
func Secure(root *template.Template) {
	for _, t := range root.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		tr := t.Tree
		secureList(tr, tr.Root, "")
		// Entering and leaving a template bound the depth of calls.
		l := tr.Root
		l.Nodes = append([]parse.Node{guardNode(tr, enterFunc, l.Pos)}, l.Nodes...)
		l.Nodes = append(l.Nodes, guardNode(tr, leaveFunc, l.Pos))
	}
	root.Funcs(template.FuncMap{escapeFunc: escape(markdown.Block), escapeLineFunc: escape(markdown.Line)})
}

// secureList escapes the actions of a list and guards its loops. line is
// the template text written so far on the current line, "" when unknown.
func secureList(tr *parse.Tree, l *parse.ListNode, line string) string {
	if l == nil {
		return line
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			text := string(n.Text)
			if i := strings.LastIndexByte(text, '\n'); i >= 0 {
				line = text[i+1:]
			} else {
				line += text
			}
		case *parse.ActionNode:
			if len(n.Pipe.Decl) > 0 {
				continue // an assignment writes nothing
			}
			fn := escapeFunc
			if t := strings.TrimLeft(line, " \t"); strings.HasPrefix(t, "#") || strings.HasPrefix(t, "|") {
				fn = escapeLineFunc
			}
			n.Pipe.Cmds = append(n.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Pos,
				Args: []parse.Node{parse.NewIdentifier(fn).SetTree(tr).SetPos(n.Pos)}})
		case *parse.IfNode:
			secureList(tr, n.List, line)
			secureList(tr, n.ElseList, line)
		case *parse.WithNode:
			secureList(tr, n.List, line)
			secureList(tr, n.ElseList, line)
		case *parse.RangeNode:
			secureList(tr, n.List, line)
			secureList(tr, n.ElseList, line)
			n.List.Nodes = append([]parse.Node{guardNode(tr, stepFunc, n.Pos)}, n.List.Nodes...)
		case *parse.ListNode:
			line = secureList(tr, n, line)
		}
	}
	return line
}

// guardNode is {{ $huibao·step := fn }}: a call that writes nothing, at pos.
func guardNode(tr *parse.Tree, fn string, pos parse.Pos) parse.Node {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Pipe: &parse.PipeNode{
		NodeType: parse.NodePipe, Pos: pos,
		Decl: []*parse.VariableNode{{NodeType: parse.NodeVariable, Pos: pos, Ident: []string{stepVar}}},
		Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos,
			Args: []parse.Node{parse.NewIdentifier(fn).SetTree(tr).SetPos(pos)}}},
	}}
}

// escape is the function that ends every action writing a value: the value
// printed as text/template prints it, then escaped.
func escape(ctx markdown.Context) func(any) (string, error) {
	return func(v any) (string, error) {
		switch v := v.(type) {
		case markdown.Safe:
			return string(v), nil
		case nil:
			// An absent value: left as text/template writes it, for the
			// lint to find.
			return "<no value>", nil
		}
		s, err := printed(v)
		if err != nil {
			return "", err
		}
		if len(s) > MaxValue {
			return "", &LimitError{fmt.Sprintf("这一处要写出的文字超过 %d MB", MaxValue>>20)}
		}
		return markdown.Escape(s, ctx), nil
	}
}

var (
	errorType    = reflect.TypeFor[error]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// printed is a value as text/template prints it: pointers followed, an
// absent value as <no value>, a String or Error method used.
func printed(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case nil:
		return "<no value>", nil
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() && !rv.Type().Implements(errorType) && !rv.Type().Implements(stringerType) {
		rv = rv.Elem()
	}
	if k := rv.Kind(); k == reflect.Chan || k == reflect.Func {
		return "", fmt.Errorf("can't print value of type %s", rv.Type())
	}
	return fmt.Sprint(rv.Interface()), nil
}

// LimitError is an execution stopped by a limit; its message is Chinese.
type LimitError struct{ Msg string }

func (e *LimitError) Error() string { return e.Msg }

// execution is the state of one Run: the steps taken, the depth of calls,
// when it started and what it wrote.
type execution struct {
	steps, depth int
	start        time.Time
	out          *limitWriter
}

func (x *execution) step() (string, error) {
	x.steps++
	switch {
	case x.steps > MaxSteps:
		return "", &LimitError{fmt.Sprintf("模板运行了 %d 步（循环的次数加上子模板的调用）仍未结束：循环套循环的次数太多，或循环没有尽头", MaxSteps)}
	case x.out.n > MaxOutput:
		return "", &LimitError{fmt.Sprintf("模板写出的内容超过了 %d MB，不像是一份报告：请检查循环", MaxOutput>>20)}
	case x.steps%1024 == 0 && time.Since(x.start) > MaxTime:
		return "", &LimitError{fmt.Sprintf("模板运行超过 %d 秒仍未结束：请检查循环", int(MaxTime.Seconds()))}
	}
	return "", nil
}

func (x *execution) enter() (string, error) {
	if x.depth++; x.depth > MaxDepth {
		return "", &LimitError{fmt.Sprintf("子模板一层套一层地调用，超过了 %d 层：多半是子模板（直接或间接地）调用了自己", MaxDepth)}
	}
	return x.step()
}

func (x *execution) leave() (string, error) {
	x.depth--
	return "", nil
}

// limitWriter counts what is written and refuses to go past MaxOutput.
type limitWriter struct {
	w io.Writer
	n int
}

var errOutput = &LimitError{fmt.Sprintf("模板写出的内容超过了 %d MB，不像是一份报告：请检查循环", MaxOutput>>20)}

func (l *limitWriter) Write(p []byte) (int, error) {
	if l.n+len(p) > MaxOutput+MaxValue {
		return 0, errOutput
	}
	l.n += len(p)
	return l.w.Write(p)
}

// Run executes a template set made safe by Secure against data into w,
// under the limits. Each run has its own count of steps: runs may go on
// concurrently. bind replaces functions of the map for this run only (the
// prose namespace at the level of detail a budget asks for); they must be
// functions the template was parsed with.
func Run(root *template.Template, w io.Writer, data any, bind ...template.FuncMap) error {
	t, err := root.Clone()
	if err != nil {
		return err
	}
	for _, fm := range bind {
		t.Funcs(fm)
	}
	x := &execution{start: time.Now(), out: &limitWriter{w: w}}
	t.Funcs(template.FuncMap{stepFunc: x.step, enterFunc: x.enter, leaveFunc: x.leave})
	err = t.Execute(x.out, data)
	if errors.Is(err, errOutput) {
		// The writer's refusal carries no position: name the template.
		return fmt.Errorf("template: %s: %w", root.Name(), err)
	}
	return err
}
