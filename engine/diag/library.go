package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"syscall"
)

// This file is the one place where messages of the libraries huibao uses
// and of the operating system are put into Chinese: no English reaches a
// cadre. Each library has a table of patterns, tried in order; a pattern's
// message and hint are fmt formats taking its submatches. The style is the
// one of every huibao message: what is wrong, then, in the hint, what
// would be right.

// Library is a source of English messages.
type Library int

const (
	// Cobra is command-line parsing (cobra and pflag).
	Cobra Library = iota + 1
	// YAML is the YAML parser's syntax errors (goccy/go-yaml).
	YAML
	// JSON is encoding/json's syntax errors.
	JSON
	// TemplateParse is text/template's parser; what it does not know is
	// looked up in Template.
	TemplateParse
	// Template is text/template's execution, and the errors of the
	// functions templates call.
	Template
)

type translation struct {
	re   *regexp.Regexp
	msg  string // fmt format with the submatches
	hint string
	// inner is the 1-based submatch that is itself a message of the same
	// library (the error of a function a template calls), translated in
	// turn; its hint is used when the entry has none.
	inner int
}

func (t translation) apply(lib Library, m []string) (string, string) {
	args := make([]any, len(m)-1)
	for i, s := range m[1:] {
		args[i] = s
	}
	hint := t.hint
	if t.inner > 0 {
		// Our own functions' errors are Chinese already and stay as
		// they are; a library's are translated.
		if text, h, ok := Explain(lib, m[t.inner]); ok {
			args[t.inner-1] = text
			if hint == "" {
				hint = h
			}
		}
	}
	return fmt.Sprintf(t.msg, args...), hint
}

// contains matches a message holding s anywhere.
func contains(s string) *regexp.Regexp { return regexp.MustCompile(regexp.QuoteMeta(s)) }

var translations = map[Library][]translation{
	Cobra: {
		{regexp.MustCompile(`^unknown command "(.*?)" for "(.*?)"`), "没有“%s”这个命令（%s）", "", 0},
		{regexp.MustCompile(`^unknown flag: (.*)$`), "没有 %s 这个选项", "", 0},
		{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)$`), "没有 -%s 这个选项（%s）", "", 0},
		{regexp.MustCompile(`^flag needs an argument: '(.)' in (.*)$`), "选项 -%s 后面要写一个值", "", 0},
		{regexp.MustCompile(`^flag needs an argument: (.*)$`), "选项 %s 后面要写一个值", "", 0},
		{regexp.MustCompile(`^bad flag syntax: (.*)$`), "选项的写法不对：%s", "", 0},
		{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "需要 %s 个参数，实际给了 %s 个", "", 0},
		{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "至少需要 %s 个参数，实际给了 %s 个", "", 0},
		{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "最多接受 %s 个参数，实际给了 %s 个", "", 0},
		{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "需要 %s 到 %s 个参数，实际给了 %s 个", "", 0},
		{regexp.MustCompile(`^invalid argument "(.*?)" for "(.*?)" flag: .*(?:invalid syntax|value out of range)$`), "选项 %[2]s 的值“%[1]s”无效（要写一个整数）", "", 0},
		{regexp.MustCompile(`^invalid argument "(.*?)" for "(.*?)" flag: (.*)$`), "选项 %[2]s 的值“%[1]s”无效", "", 0},
	},
	YAML: {
		{contains("'Tab' that cannot start any token"), "这里有制表符（Tab）", "缩进只能用空格，不能用 Tab 键", 0},
		{contains("cannot start any token"), "这里有不能出现在开头的字符", "值以 @、`、%、* 等符号开头时请给整个值加上引号", 0},
		{contains("mapping value is not allowed"), "这一行多了一个冒号，或缩进不对", "值里含有“: ”时请给整个值加上引号；同一层的字段要对齐", 0},
		{contains("could not find expected ':'"), "缺少冒号", "每个字段写成“名称: 值”，冒号后面要有一个空格", 0},
		{contains("did not find expected key"), "缩进不一致", "同一层的字段要左对齐，子字段比上一层多缩进两个空格", 0},
		{contains("unexpected key name"), "缩进不一致或缺少冒号", "同一层的字段要左对齐，每个字段写成“名称: 值”", 0},
		{contains("found unknown escape character"), "引号里有不认识的转义字符（\\）", "去掉反斜杠，或改用单引号", 0},
		{contains("could not find end character of double-quoted text"), "双引号没有配对", "检查这一行的引号是否成对", 0},
		{contains("could not find end character of single-quoted text"), "单引号没有配对", "检查这一行的引号是否成对", 0},
		{contains("sequence end token ']' not found"), "方括号没有配对", "检查“[”是否有对应的“]”", 0},
		{contains("could not find flow mapping end token '}'"), "花括号没有配对", "检查“{”是否有对应的“}”", 0},
		{contains("tab character cannot use as a map key directly"), "这里有制表符（Tab）", "缩进只能用空格，不能用 Tab 键", 0},
	},
	JSON: {
		{contains("looking for beginning of object key string"), "字段名要用双引号括起来", "例如 \"name\": \"柳背桥社区工会\"", 0},
		{contains("after object key:value pair"), "两项之间缺少逗号", "相邻的两项之间用英文逗号隔开", 0},
		{contains("after array element"), "两项之间缺少逗号", "相邻的两项之间用英文逗号隔开", 0},
		{contains("unexpected end of JSON input"), "文件意外结束", "检查 { 和 }、[ 和 ] 是否成对", 0},
		{contains("in string literal"), "字符串里有不允许的字符", "换行要写成 \\n，双引号要写成 \\\"", 0},
	},
	TemplateParse: {
		{regexp.MustCompile(`^unterminated (?:raw )?quoted string`), "引号没有闭合", "文字要写在一对英文双引号里，如 \"人\"", 0},
		{regexp.MustCompile(`^unterminated character constant`), "单引号没有闭合", "模板里的文字用英文双引号，如 \"人\"", 0},
		{regexp.MustCompile(`^unclosed left paren$`), "左括号没有对应的右括号", "检查这一处的 ( )", 0},
		{regexp.MustCompile(`^unexpected right paren$`), "多余的右括号", "检查这一处的 ( )", 0},
		{regexp.MustCompile(`^(?:unclosed comment|comment ends before closing delimiter)$`), "注释没有闭合", "注释写成 {{/* … */}}", 0},
		{regexp.MustCompile(`^missing value for`), "{{ }} 里没有内容", "写上要输出的字段或函数，或删去这对 {{ }}", 0},
		{regexp.MustCompile(`^bad number syntax: (.*)$`), "数字写法不对：%s", "数字写成 152、4509.5", 0},
		{regexp.MustCompile(`^multiple definition of template (.*)$`), "子模板%s定义了两次", "同一名称的 {{ define }} 只能写一次", 0},
		{regexp.MustCompile(`^unexpected "}"(?: in .*)?$`), "这里只有一个 }", "{{ }} 要用两个 } 结束：}}", 0},
		{regexp.MustCompile(`^unexpected (.+?)(?: in (.*))?$`), "语法错误：这里不应出现 %[1]s", "检查这一处的 {{ }} 写法", 0},
	},
	Template: {
		{regexp.MustCompile(`^function "(.*?)" not defined$`), "没有名为“%s”的函数",
			"中文函数在 zh 名字空间里（如 zh.Money），数据函数在 data 里；函数一览见 docs/template-functions.md", 0},
		{regexp.MustCompile(`^can't evaluate field (\S+) in type (\S+)$`), "字段“%s”不存在（在 %s 中）",
			"字段名区分大小写，如 .Membership.Members；可用字段见 huibao templates show", 0},
		{regexp.MustCompile(`^map has no entry for key "(.*?)"$`), "没有“%s”这一项", "检查 dict 或数据里的键名", 0},
		{regexp.MustCompile(`^nil pointer evaluating \S+$`), "引用的这一项在输入里没有填写（是空的）",
			"可选的数据要先判断：{{ with .Membership.Previous }}…{{ end }}", 0},
		{regexp.MustCompile(`^error calling (\S+): (.*)$`), "调用 %s 出错：%s", "", 2},
		{regexp.MustCompile(`^wrong type for value; expected (\S+); got (\S+)$`), "参数类型不对：需要 %s，实际是 %s", "检查传给函数的参数", 0},
		{regexp.MustCompile(`^wrong number of args for (\S+): want (\d+) got (\d+)$`), "函数 %s 的参数个数不对：需要 %s 个，实际 %s 个", "函数用法见 docs/template-functions.md", 0},
		{regexp.MustCompile(`^incompatible types for comparison`), "比较的两个值类型不同，不能比较",
			"eq、ne、lt 等两边要同是文字或同是数字：数字写成 3，文字写成 \"3\"", 0},
		{regexp.MustCompile(`^invalid type for comparison$`), "这种值不能比较大小", "lt、le、gt、ge 只能比较数字或文字", 0},
		{regexp.MustCompile(`^\{\{(break|continue)\}\} outside \{\{range\}\}$`), "{{ %s }} 只能写在 {{ range }} 里", "把它移到 {{ range }} 和 {{ end }} 之间，或删去", 0},
		{regexp.MustCompile(`^too many declarations in range$`), "range 最多声明两个变量", "写成 {{ range $i, $a := .Activities }} 或 {{ range $a := .Activities }}", 0},
		{regexp.MustCompile(`^unclosed action`), "{{ 没有用 }} 结束", "检查这一处的 {{ }} 是否成对", 0},
		{regexp.MustCompile(`^unrecognized character in action: (.*)$`), "{{ }} 里有不认识的字符 %s", "{{ }} 里只能写字段、函数、变量和英文标点；中文标点请写在 {{ }} 外面", 0},
		{regexp.MustCompile(`^unexpected EOF$`), "模板意外结束", "检查 {{ if }}、{{ range }}、{{ with }}、{{ define }} 是否都有对应的 {{ end }}", 0},
		{regexp.MustCompile(`^unexpected (.*) in (.*)$`), "语法错误：%s 出现在 %s 中", "检查这一处的 {{ }} 写法", 0},
		{regexp.MustCompile(`^unexpected (.*)$`), "语法错误：意外的 %s", "检查这一处的 {{ }} 写法，以及 {{ end }} 是否多余", 0},
		{regexp.MustCompile(`^no such template "(.*?)"$`), "没有名为“%s”的子模板", "公共子模板在 templates/_partials/ 下，用 {{ define \"名称\" }} 定义", 0},
		{regexp.MustCompile(`^template: no template "(.*?)" associated with template "(.*?)"$`), "没有名为“%s”的子模板", "公共子模板在 templates/_partials/ 下", 0},
		{regexp.MustCompile(`^undefined variable "(.*?)"$`), "变量“%s”没有定义", "变量要先用 {{ $x := … }} 定义，且只在定义它的块内有效", 0},
		{regexp.MustCompile(`^range can't iterate over (.*)$`), "不能对 %s 使用 range", "range 只能用于列表", 0},
		{regexp.MustCompile(`^exceeded maximum template depth \((\d+)\)$`), "子模板一层套一层地调用，超过了 %s 层", "多半是子模板（直接或间接地）调用了自己", 0},
		{regexp.MustCompile(`^can't print value of type (\S+)$`), "不能把 %s 类型的值写进报告", "请引用它的具体字段", 0},
		{contains("index out of range"), "列表里没有这一项（列表是空的或不够长）", "取列表的某一项前先判断，如 {{ with .Problems }}{{ index . 0 }}{{ end }}", 0},
	},
}

// fallback is what a library's message the table does not know becomes.
// Only templates keep the original, for their author: it is all there is to
// go on, and the author, unlike the cadre, writes Go templates.
var fallback = map[Library]struct{ msg, hint string }{
	YAML:          {"这一处的写法不对", "请对照 huibao init 生成的样例检查这一行的写法"},
	JSON:          {"这一处的写法不对", "请用 VS Code 等编辑器检查这一处的写法"},
	TemplateParse: {"模板错误：%s", ""},
	Template:      {"模板错误：%s", ""},
}

// Translate returns the Chinese for an English message of lib.
func Translate(lib Library, msg string) string {
	s, _, _ := Explain(lib, msg)
	return s
}

// Explain is Translate with the hint, and whether the table knew the
// message. A message it does not know gets the library's fallback wording
// (command-line messages are kept as they are: each is a gap to fill).
func Explain(lib Library, msg string) (text, hint string, ok bool) {
	msg = strings.TrimSpace(msg)
	for _, t := range translations[lib] {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			text, hint = t.apply(lib, m)
			return text, hint, true
		}
	}
	if lib == TemplateParse {
		return Explain(Template, msg)
	}
	if f, ok := fallback[lib]; ok {
		if strings.Contains(f.msg, "%s") {
			return fmt.Sprintf(f.msg, msg), f.hint, false
		}
		return f.msg, f.hint, false
	}
	return msg, "", false
}

// OSError words an error of the file system in Chinese: what could not be
// done to which file, and why. Errors that are not the system's are
// returned as their text.
func OSError(err error) string {
	if err == nil {
		return ""
	}
	why := OSReason(err)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s %s：%s", osOp(pe.Op), pe.Path, why)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return fmt.Sprintf("无法把 %s 改名为 %s：%s", le.Old, le.New, why)
	}
	return why
}

// OSReason is why a file operation failed, in Chinese: 没有权限, 磁盘空间不足.
func OSReason(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, fs.ErrExist):
		return "已经存在"
	case errors.As(err, &errno):
		switch errno {
		case syscall.ENOSPC:
			return "磁盘空间不足"
		case syscall.EDQUOT:
			return "超出了磁盘配额"
		case syscall.ENAMETOOLONG:
			return "文件名太长"
		case syscall.EISDIR:
			return "这是一个文件夹，不是文件"
		case syscall.ENOTDIR:
			return "路径中有一段不是文件夹"
		case syscall.EROFS:
			return "磁盘是只读的"
		case syscall.EIO:
			return "磁盘读写出错"
		case syscall.EMFILE, syscall.ENFILE:
			return "同时打开的文件太多"
		case syscall.EXDEV:
			return "不能跨磁盘移动文件"
		case syscall.ENOTEMPTY:
			return "文件夹不是空的"
		case syscall.EBUSY:
			return "文件正被占用"
		case syscall.ELOOP:
			return "链接套链接太多层，或链接指向自己"
		case syscall.ENXIO, syscall.ENODEV:
			return "设备不存在或没有连接"
		case syscall.ETXTBSY:
			return "文件正被一个程序运行着"
		case syscall.EFBIG:
			return "文件超过了系统允许的大小"
		case syscall.EINVAL:
			return "文件名或路径里有系统不接受的字符"
		case syscall.EAGAIN, syscall.EINTR:
			return "系统暂时无法完成，请再试一次"
		}
		return "系统错误（错误号 " + fmt.Sprint(int(errno)) + "）"
	}
	// An error of no known kind: its English text is no help to a cadre.
	return "系统无法完成这个操作"
}

// osOp names a file operation in Chinese, as the start of a sentence.
func osOp(op string) string {
	switch op {
	case "open":
		return "无法打开"
	case "read":
		return "无法读取"
	case "write":
		return "无法写入"
	case "close":
		return "无法保存"
	case "mkdir":
		return "无法创建文件夹"
	case "stat", "lstat":
		return "无法访问"
	case "remove", "unlinkat":
		return "无法删除"
	case "rename":
		return "无法改名"
	case "chmod":
		return "无法设置权限"
	case "createtemp":
		return "无法在这里写文件"
	case "readdirent", "readdir", "opendir":
		return "无法读取文件夹"
	}
	return "无法处理"
}
