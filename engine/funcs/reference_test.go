package funcs

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/huibao/huibao/internal/golden"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// TestReference keeps the template author's reference in step with the
// code: with -update it rewrites the file, otherwise it fails when the
// committed file differs from Reference().
func TestReference(t *testing.T) {
	path := filepath.Join("..", "..", filepath.FromSlash(ReferencePath))
	golden.Check(t, path, []byte(Reference()))
}

// TestReferenceTables parses the reference as GFM and checks that each
// namespace table has one row of five cells per function, so no example
// breaks the table.
func TestReferenceTables(t *testing.T) {
	src := []byte(Reference())
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	var tables []*east.Table
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if tb, ok := n.(*east.Table); ok && entering {
			tables = append(tables, tb)
		}
		return ast.WalkContinue, nil
	})
	var want []int
	for _, ns := range Namespaces() {
		if len(ns.Funcs) > 0 {
			want = append(want, len(ns.Funcs))
		}
	}
	if len(tables) != len(want)+1 { // the namespaces and the unit table
		t.Fatalf("%d tables, want %d", len(tables), len(want)+1)
	}
	for i, n := range want {
		rows := 0
		for r := tables[i].FirstChild(); r != nil; r = r.NextSibling() {
			if _, ok := r.(*east.TableRow); !ok {
				continue
			}
			rows++
			cells := 0
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				cells++
			}
			if cells != 5 {
				t.Errorf("table %d row %d: %d cells", i, rows, cells)
			}
		}
		if rows != n {
			t.Errorf("table %d: %d rows, want %d", i, rows, n)
		}
	}
	for _, ns := range Namespaces() {
		for _, f := range ns.Funcs {
			if !strings.Contains(string(src), "`"+ns.Name+"."+f.Name+"`") {
				t.Errorf("%s.%s missing from the reference", ns.Name, f.Name)
			}
		}
	}
}
