package catalog

import (
	"path"
	"strings"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
)

// FixtureRef is a sample input listed in a template's manifest (fixtures:).
type FixtureRef struct {
	Path string   // to load: the template folder joined with the listed name
	Pos  diag.Pos // where template.yaml lists it
}

// ManifestFixtures returns the inputs the manifest lists for templates
// check, with the place in template.yaml that names each: the first
// occurrence of each name after the previous one's, so that the same name
// listed twice is found twice.
func (t *Template) ManifestFixtures() []FixtureRef {
	if len(t.Fixtures) == 0 {
		return nil
	}
	name := path.Join(t.Dir, "template.yaml")
	var text string
	var ok bool
	if t.fsys != nil {
		if b, err := readFile(t.fsys, path.Join(t.root, "template.yaml")); err == nil {
			text, ok = string(b), true
		}
	}
	var out []FixtureRef
	from := 0
	for _, fx := range t.Fixtures {
		ref := FixtureRef{Path: path.Join(t.Dir, fx), Pos: diag.Pos{File: name}}
		if ok {
			if i := strings.Index(text[from:], fx); i >= 0 {
				ref.Pos = textPos(name, text, from+i)
				from += i + len(fx)
			}
		}
		out = append(out, ref)
	}
	return out
}

// textPos turns a byte offset of text into a position, the column counted
// in characters from 1 as editors (and the static check) count it.
func textPos(file, text string, off int) diag.Pos {
	before := text[:off]
	start := strings.LastIndexByte(before, '\n') + 1
	return diag.Pos{File: file, Line: strings.Count(before, "\n") + 1, Col: utf8.RuneCountInString(before[start:]) + 1}
}
