package catalog

import (
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

var templateMessages = []struct {
	re   *regexp.Regexp
	msg  string // fmt with the submatches
	hint string
}{
	{regexp.MustCompile(`^function "(.*?)" not defined$`), "没有名为“%s”的函数",
		"中文函数在 zh 名字空间里（如 zh.Money），数据函数在 data 里；函数一览见 docs/template-functions.md"},
	{regexp.MustCompile(`^can't evaluate field (\S+) in type (\S+)$`), "字段“%s”不存在（在 %s 中）",
		"字段名区分大小写，如 .Membership.Members；可用字段见 huibao templates show"},
	{regexp.MustCompile(`^map has no entry for key "(.*?)"$`), "没有“%s”这一项", "检查 dict 或数据里的键名"},
	{regexp.MustCompile(`^nil pointer evaluating \S+$`), "引用的这一项在输入里没有填写（是空的）",
		"可选的数据要先判断：{{ with .Membership.Previous }}…{{ end }}"},
	{regexp.MustCompile(`^error calling (\S+): (.*)$`), "调用 %s 出错：%s", ""},
	{regexp.MustCompile(`^wrong type for value; expected (\S+); got (\S+)$`), "参数类型不对：需要 %s，实际是 %s", "检查传给函数的参数"},
	{regexp.MustCompile(`^wrong number of args for (\S+): want (\d+) got (\d+)$`), "函数 %s 的参数个数不对：需要 %s 个，实际 %s 个", "函数用法见 docs/template-functions.md"},
	{regexp.MustCompile(`^unexpected EOF$`), "模板意外结束", "检查 {{ if }}、{{ range }}、{{ with }}、{{ define }} 是否都有对应的 {{ end }}"},
	{regexp.MustCompile(`^unexpected (.*) in (.*)$`), "语法错误：%s 出现在 %s 中", "检查这一处的 {{ }} 写法"},
	{regexp.MustCompile(`^unexpected (.*)$`), "语法错误：意外的 %s", "检查这一处的 {{ }} 写法，以及 {{ end }} 是否多余"},
	{regexp.MustCompile(`^no such template "(.*?)"$`), "没有名为“%s”的子模板", "公共子模板在 templates/_partials/ 下，用 {{ define \"名称\" }} 定义"},
	{regexp.MustCompile(`^template: no template "(.*?)" associated with template "(.*?)"$`), "没有名为“%s”的子模板", "公共子模板在 templates/_partials/ 下"},
	{regexp.MustCompile(`^undefined variable "(.*?)"$`), "变量“%s”没有定义", "变量要先用 {{ $x := … }} 定义，且只在定义它的块内有效"},
	{regexp.MustCompile(`^range can't iterate over (.*)$`), "不能对 %s 使用 range", "range 只能用于列表"},
}

// ExplainTemplate gives a text/template message, without its "template:
// NAME:LINE:COL:" prefix, in Chinese with a hint; an unknown one is passed
// on after "模板错误：".
func ExplainTemplate(msg string) (string, string) {
	for _, t := range templateMessages {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return fmt.Sprintf(t.msg, args...), t.hint
		}
	}
	return "模板错误：" + msg, ""
}
