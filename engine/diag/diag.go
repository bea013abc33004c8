// Package diag holds positioned problems found in inputs and templates, collected
// into lists so that every problem of a file is reported at once.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Pos is where a problem is: a line and column in a text file, or a sheet and
// cell in a workbook. The zero Pos means "the file as a whole".
type Pos struct {
	File  string
	Line  int // 1-based; 0 when unknown
	Col   int // 1-based; 0 when unknown
	Sheet string
	Cell  string // A1-style reference within Sheet
	// SheetNo is the sheet's place in its workbook, from 1, so that
	// problems list in workbook order; 0 when unknown.
	SheetNo int
}

// String gives file:line:col, file:line, file:工作表!单元格 or just the file.
func (p Pos) String() string {
	file := ShowPath(p.File)
	switch {
	case p.Sheet != "" && p.Cell != "":
		return fmt.Sprintf("%s:%s!%s", file, p.Sheet, p.Cell)
	case p.Sheet != "":
		return fmt.Sprintf("%s:%s", file, p.Sheet)
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return file
}

// ShowPath is a file name as a message shows it. Linux names are bytes: a
// name that is not UTF-8 is most often GBK, from a zip made on a Chinese
// Windows, and reads as that; any other bytes become U+FFFD, so that a
// message is always text.
func ShowPath(path string) string {
	if utf8.ValidString(path) {
		return path
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().String(path); err == nil && utf8.ValidString(s) && !strings.ContainsRune(s, utf8.RuneError) {
		return s
	}
	return strings.ToValidUTF8(path, "\uFFFD")
}

// IsValid reports whether the position names more than the file.
func (p Pos) IsValid() bool { return p.Line > 0 || p.Sheet != "" }

// Severity tells errors, which stop a run, from warnings, which are printed
// and let it go on.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one thing wrong with an input: where, which field, what is wrong
// and what would be right. Msg and Hint are Chinese sentences for the cadre.
type Problem struct {
	Pos      Pos
	Path     string // field path such as activities[3].date; may be empty
	Msg      string // what is wrong
	Hint     string // what would be right; may be empty
	Severity Severity
}

// Error formats the problem the way the CLI prints it:
//
//	file:line:col: 字段 activities[3].date：日期“2024-02-30”不存在。请写成……。
func (p *Problem) Error() string {
	var b strings.Builder
	if p.Pos.File != "" {
		b.WriteString(p.Pos.String())
		b.WriteString(": ")
	}
	if p.Severity == Warning {
		b.WriteString("提醒：")
	}
	if p.Path != "" {
		b.WriteString("字段 ")
		b.WriteString(p.Path)
		b.WriteString("：")
	}
	b.WriteString(sentence(p.Msg))
	if p.Hint != "" {
		b.WriteString(sentence(p.Hint))
	}
	return b.String()
}

// sentence ends s with a full stop unless it already ends with Chinese
// sentence punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if strings.HasSuffix(s, "。") || strings.HasSuffix(s, "？") || strings.HasSuffix(s, "！") {
		return s
	}
	return s + "。"
}

// List collects problems, like go/scanner.ErrorList.
type List []*Problem

// Add appends a problem.
func (l *List) Add(pos Pos, path, msg, hint string) {
	*l = append(*l, &Problem{Pos: pos, Path: path, Msg: msg, Hint: hint})
}

// Warn appends a warning.
func (l *List) Warn(pos Pos, path, msg, hint string) {
	*l = append(*l, &Problem{Pos: pos, Path: path, Msg: msg, Hint: hint, Severity: Warning})
}

// Sort orders problems by file, then position, then path, so that output is
// stable and reads top to bottom.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.SheetNo, b.Pos.SheetNo),
			cmp.Compare(a.Pos.Sheet, b.Pos.Sheet),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			compareCell(a.Pos.Cell, b.Pos.Cell),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Path, b.Path),
		)
	})
}

// compareCell orders A1-style references by row, then column.
func compareCell(a, b string) int {
	ra, ca := splitCell(a)
	rb, cb := splitCell(b)
	return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(len(ca), len(cb)), cmp.Compare(ca, cb))
}

func splitCell(c string) (row int, col string) {
	i := strings.IndexFunc(c, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0, c
	}
	fmt.Sscanf(c[i:], "%d", &row)
	return row, c[:i]
}

// Errors returns the problems of error severity.
func (l List) Errors() List {
	var out List
	for _, p := range l {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns the problems of warning severity.
func (l List) Warnings() List {
	var out List
	for _, p := range l {
		if p.Severity == Warning {
			out = append(out, p)
		}
	}
	return out
}

// Error joins all problems, one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, p := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Err returns the list as an error if it holds any error-severity problem,
// and nil otherwise. Warnings alone are not an error.
func (l List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return errs
}

// AsList extracts a List from err, if it is or wraps one.
func AsList(err error) (List, bool) {
	var l List
	if errors.As(err, &l) {
		return l, true
	}
	return nil, false
}

// SourceMap records where each field of a loaded input came from, by field
// path, so that later stages (validation, templates) can point at the place
// a cadre typed a value.
type SourceMap struct {
	File    string
	pos     map[string]Pos
	slots   map[string]Pos
	invalid map[string]bool
}

// NewSourceMap returns an empty map for file.
func NewSourceMap(file string) *SourceMap {
	return &SourceMap{File: file, pos: map[string]Pos{}}
}

// Set records the position of path.
func (m *SourceMap) Set(path string, p Pos) {
	if m.pos == nil {
		m.pos = map[string]Pos{}
	}
	m.pos[path] = p
}

// SetSlot records where the value of path belongs even when it is empty:
// the cell next to a label in a workbook. Pos falls back to it, so that a
// missing value is reported at the cell to fill in.
func (m *SourceMap) SetSlot(path string, p Pos) {
	if m.slots == nil {
		m.slots = map[string]Pos{}
	}
	m.slots[path] = p
}

// Pos returns the position of path, or its slot, or the position of its
// nearest recorded parent (activities[3].date → activities[3] → activities),
// or the bare file.
func (m *SourceMap) Pos(path string) Pos {
	if m == nil {
		return Pos{}
	}
	for p := path; ; {
		if pos, ok := m.pos[p]; ok {
			return pos
		}
		if pos, ok := m.slots[p]; ok {
			return pos
		}
		q := parent(p)
		if q == p {
			break
		}
		p = q
	}
	return Pos{File: m.File}
}

// Has reports whether path itself was recorded (the field was present in the input).
func (m *SourceMap) Has(path string) bool {
	if m == nil {
		return false
	}
	_, ok := m.pos[path]
	return ok
}

// MarkInvalid records that the value at path could not be read; later
// stages skip it rather than report it a second time as missing.
func (m *SourceMap) MarkInvalid(path string) {
	if m.invalid == nil {
		m.invalid = map[string]bool{}
	}
	m.invalid[path] = true
}

// Invalid reports whether path or one of its parents could not be read.
func (m *SourceMap) Invalid(path string) bool {
	if m == nil || len(m.invalid) == 0 {
		return false
	}
	for p := path; p != ""; p = parent(p) {
		if m.invalid[p] {
			return true
		}
	}
	return false
}

// parent strips the last element of a field path.
func parent(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i <= 0 {
		if p == "" {
			return p
		}
		return ""
	}
	return p[:i]
}
