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
	// TemplateParse is text/template's parser.
	TemplateParse
	// TemplateExec is text/template's execution, and the errors of the
	// functions templates call.
	TemplateExec
)

type translation struct {
	re   *regexp.Regexp
	msg  string // fmt format with the submatches
	hint string
}

func (t translation) apply(m []string) (string, string) {
	args := make([]any, len(m)-1)
	for i, s := range m[1:] {
		args[i] = s
	}
	return fmt.Sprintf(t.msg, args...), t.hint
}

var translations = map[Library][]translation{
	Cobra: {
		{regexp.MustCompile(`^unknown command "(.*?)" for "(.*?)"`), "没有“%s”这个命令（%s）", ""},
		{regexp.MustCompile(`^unknown flag: (.*)$`), "没有 %s 这个选项", ""},
		{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)$`), "没有 -%s 这个选项（%s）", ""},
		{regexp.MustCompile(`^flag needs an argument: '(.)' in (.*)$`), "选项 -%s 后面要写一个值", ""},
		{regexp.MustCompile(`^flag needs an argument: (.*)$`), "选项 %s 后面要写一个值", ""},
		{regexp.MustCompile(`^bad flag syntax: (.*)$`), "选项的写法不对：%s", ""},
		{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "需要 %s 个参数，实际给了 %s 个", ""},
		{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "至少需要 %s 个参数，实际给了 %s 个", ""},
		{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "最多接受 %s 个参数，实际给了 %s 个", ""},
		{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "需要 %s 到 %s 个参数，实际给了 %s 个", ""},
		{regexp.MustCompile(`^invalid argument "(.*?)" for "(.*?)" flag: .*(?:invalid syntax|value out of range)$`), "选项 %[2]s 的值“%[1]s”无效（要写一个整数）", ""},
		{regexp.MustCompile(`^invalid argument "(.*?)" for "(.*?)" flag: (.*)$`), "选项 %[2]s 的值“%[1]s”无效", ""},
	},
}

// Translate returns the Chinese for an English message of lib. A message
// the table does not know is returned as it is, so that nothing is lost;
// each such case is a gap in the table to fill.
func Translate(lib Library, msg string) string {
	s, _, _ := Explain(lib, msg)
	return s
}

// Explain is Translate with the hint, and whether the table knew the
// message.
func Explain(lib Library, msg string) (text, hint string, ok bool) {
	msg = strings.TrimSpace(msg)
	for _, t := range translations[lib] {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			text, hint = t.apply(m)
			return text, hint, true
		}
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
	why := osReason(err)
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

// osReason is why a file operation failed.
func osReason(err error) string {
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
		}
		return "系统错误（错误号 " + fmt.Sprint(int(errno)) + "）"
	}
	return "无法完成（" + err.Error() + "）"
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
