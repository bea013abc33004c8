package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
)

// Error turns an error of t's parse or execution into a positioned
// Chinese problem: file:line:col, the <.Field> context, what is wrong and
// a hint. text/template's column (bytes from 0) becomes the 1-based
// character column of the static check and the rest of huibao, so that
// generate, batch and templates check point at the same place. Errors
// that are problems already pass through.
func (t *Template) Error(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := diag.AsList(err); ok {
		return err
	}
	p := TemplateProblem(err)
	if m := templatePos.FindStringSubmatch(firstLine(err.Error())); m != nil && m[3] != "" {
		p.Pos = t.ExecPos(p.Pos)
	}
	return diag.List{p}
}

// ExecPos converts a position from a text/template execution error (whose
// column counts bytes from 0) into the 1-based character column the static
// check and the rest of huibao use. Positions in files the template does
// not have pass through.
func (t *Template) ExecPos(p diag.Pos) diag.Pos {
	if p.Line == 0 {
		return p
	}
	for _, s := range t.Sources() {
		if s.Name != p.File {
			continue
		}
		line := ""
		if lines := strings.Split(s.Text, "\n"); p.Line <= len(lines) {
			line = lines[p.Line-1]
		}
		b := min(max(p.Col, 0), len(line))
		p.Col = utf8.RuneCountInString(line[:b]) + 1
		return p
	}
	return p
}

// text/template writes "template: NAME:LINE:COL: …" or "template: NAME:LINE: …".
var templatePos = regexp.MustCompile(`^template: (.+?):(\d+)(?::(\d+))?: (.*)$`)

// TemplateProblem parses a text/template error into a problem.
func TemplateProblem(err error) *diag.Problem {
	msg := err.Error()
	p := &diag.Problem{}
	// Execution errors may wrap: take the innermost positioned part.
	if m := templatePos.FindStringSubmatch(firstLine(msg)); m != nil {
		p.Pos.File = m[1]
		p.Pos.Line, _ = strconv.Atoi(m[2])
		p.Pos.Col, _ = strconv.Atoi(m[3])
		msg = m[4]
	}
	ctx := ""
	if m := executing.FindStringSubmatch(msg); m != nil {
		ctx, msg = m[1], m[2]
	}
	var le *LimitError
	if errors.As(err, &le) {
		// A limit of Run: said in Chinese already, at the loop or template
		// that went too far; the guard's own name means nothing to an author.
		p.Msg, p.Hint = le.Msg, "模板的每个 range 和 template 都计入运行的步数；请检查这里的循环和子模板调用"
		return p
	}
	p.Msg, p.Hint = ExplainTemplate(msg)
	if ctx != "" {
		p.Msg = fmt.Sprintf("在 %s 处：%s", ctx, p.Msg)
	}
	return p
}

var executing = regexp.MustCompile(`^executing ".*?" at <(.*?)>: (.*)$`)

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// ExplainTemplate gives a text/template message, without its "template:
// NAME:LINE:COL:" prefix, in Chinese with a hint (diag's table).
func ExplainTemplate(msg string) (string, string) {
	text, hint, _ := diag.Explain(diag.Template, msg)
	return text, hint
}
