package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/huibao/huibao/engine/diag"
)

// TemplateError turns an error from text/template (parse or execution) into
// a positioned Chinese problem: file:line:col, the <.Field> context, what is
// wrong and a hint. Errors that are not template errors pass through.
func TemplateError(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := diag.AsList(err); ok {
		return err
	}
	return diag.List{TemplateProblem(err)}
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
