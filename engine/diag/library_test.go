package diag

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"testing"
)

// TestOSReason: the system's errors a cadre meets are said in Chinese, and
// none lets English through, however it is wrapped.
func TestOSReason(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "没有权限"},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "磁盘空间不足"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.ENAMETOOLONG}, "文件名太长"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, "文件或文件夹不存在"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "磁盘是只读的"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.ELOOP}, "链接套链接太多层，或链接指向自己"},
		{syscall.Errno(200), "系统错误（错误号 200）"},
		{errors.New("some library's English"), "系统无法完成这个操作"},
	}
	for _, tt := range tests {
		if got := OSReason(tt.err); got != tt.want {
			t.Errorf("OSReason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if got := OSError(&fs.PathError{Op: "write", Path: "报告.pdf", Err: syscall.ENOSPC}); got != "无法写入 报告.pdf：磁盘空间不足" {
		t.Errorf("OSError = %q", got)
	}
}

// TestExplainTemplate: text/template's messages a template author meets
// most are Chinese, with a hint; an unknown one keeps its text for the
// author (the fallback).
func TestExplainTemplate(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"error calling eq: incompatible types for comparison: string and int", "调用 eq 出错：比较的两个值类型不同，不能比较"},
		{"{{break}} outside {{range}}", "{{ break }} 只能写在 {{ range }} 里"},
		{"{{continue}} outside {{range}}", "{{ continue }} 只能写在 {{ range }} 里"},
		{"too many declarations in range", "range 最多声明两个变量"},
		{"unclosed action started at report.md.tmpl:3", "{{ 没有用 }} 结束"},
		{"unrecognized character in action: U+FF0C '，'", "{{ }} 里有不认识的字符 U+FF0C '，'"},
		{"exceeded maximum template depth (100)", "子模板一层套一层地调用，超过了 100 层"},
		{"something new", "模板错误：something new"},
	} {
		got, hint, _ := Explain(Template, c.msg)
		if got != c.want {
			t.Errorf("Explain(%q) = %q, want %q", c.msg, got, c.want)
		}
		if hint == "" && c.msg != "something new" {
			t.Errorf("Explain(%q): no hint", c.msg)
		}
	}
}
