package vet

// Source positions: a template file's text indexed by line, so that the
// byte offsets text/template/parse records become file:line:col with the
// column counted in characters.

import (
	"sort"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
)

// srcFile is one template file: its shown name and text, with line starts
// for turning byte offsets into line:col.
type srcFile struct {
	name  string
	text  string
	lines []int // byte offset of each line's start
}

// newSrcFile indexes text's line starts.
func newSrcFile(name, text string) *srcFile {
	f := &srcFile{name: name, text: text, lines: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	return f
}

// pos turns a byte offset into a position; columns count characters from 1,
// as editors do.
func (f *srcFile) pos(off int) diag.Pos {
	off = min(max(off, 0), len(f.text))
	line := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) // first line after
	start := f.lines[line-1]
	return diag.Pos{File: f.name, Line: line, Col: utf8.RuneCountInString(f.text[start:off]) + 1}
}

// lineText returns line n (1-based) without its newline.
func (f *srcFile) lineText(n int) (string, int) {
	if n < 1 || n > len(f.lines) {
		return "", 0
	}
	start := f.lines[n-1]
	end := len(f.text)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	return f.text[start:end], start
}
