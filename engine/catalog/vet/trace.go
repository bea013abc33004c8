package vet

// Tracing output back to the template: Trace runs a template with every
// piece of its output tagged with the template position that wrote it, so
// that a finding in the generated Markdown can be pointed back at the
// template; ExecPos puts execution errors in the same columns.

import (
	"bytes"
	"sort"
	"strconv"
	"text/template/parse"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/diag"
)

// Traced is a template's output with, for every byte, the template
// position that wrote it.
type Traced struct {
	Out   []byte
	marks []traceMark // by output offset
	sites []traceSite
}

// traceMark says that the output from out on was written by sites[site].
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
func Trace(t *catalog.Template, data any) (*Traced, error) {
	files := map[string]*srcFile{}
	for _, s := range t.Sources() {
		files[s.Name] = newSrcFile(s.Name, s.Text)
	}
	// Trees of its own: instrument rewrites them, and Compile's are shared.
	root, err := t.Parse()
	if err != nil {
		return nil, execError(t, err)
	}
	catalog.Secure(root)
	tr := &Traced{}
	for _, tm := range root.Templates() {
		if tm.Tree == nil || files[tm.Tree.ParseName] == nil {
			continue
		}
		tr.instrument(tm.Tree.Root, files[tm.Tree.ParseName])
	}
	var raw bytes.Buffer
	if err := catalog.Run(root, &raw, data); err != nil {
		return nil, execError(t, err)
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

// execError positions a parse or execution error of t as t.ExecPos does.
func execError(t *catalog.Template, err error) error {
	p := catalog.TemplateProblem(err)
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
