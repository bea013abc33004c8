package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestCrashCode: a panic in a run ends it with the internal-error code and
// a Chinese sentence first, never the usage code.
func TestCrashCode(t *testing.T) {
	var b strings.Builder
	code := func() (code int) {
		defer crash(&b, &code)
		panic("boom")
	}()
	if code != 3 || !strings.HasPrefix(b.String(), "错误：程序内部出错，这不是输入的问题") {
		t.Errorf("exit %d\n%s", code, b.String())
	}
}

// TestSupervisor: the parent turns the child's ends into the program's
// exit codes: the child's usage code to 2, a crash of the Go runtime (exit
// 2) or a kill to 3 with a Chinese sentence, a signal to 130, anything
// else as it is.
func TestSupervisor(t *testing.T) {
	tests := []struct {
		script string
		want   int
		says   string
	}{
		{"exit 0", 0, ""},
		{"exit 1", 1, ""},
		{"exit 64", 2, ""},
		{"exit 2", 3, "Go 运行时崩溃"},
		{"kill -KILL $$", 3, "程序被系统终止（信号 9），可能是内存不够"},
		{"kill -TERM $$", 130, ""},
		{"exit 130", 130, ""},
	}
	for _, tt := range tests {
		f, err := os.CreateTemp(t.TempDir(), "stderr")
		if err != nil {
			t.Fatal(err)
		}
		code := parentCode(exec.Command("sh", "-c", tt.script).Run(), f)
		f.Close()
		said, _ := os.ReadFile(f.Name())
		if code != tt.want || !strings.Contains(string(said), tt.says) || tt.says == "" && len(said) > 0 {
			t.Errorf("%s: exit %d, want %d; said %q", tt.script, code, tt.want, said)
		}
	}
}
