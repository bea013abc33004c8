package engine

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func md(name, data string) Output {
	f, _ := LookupFormat("md")
	return Output{Format: f, Name: name, Data: []byte(data)}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	return string(b)
}

func temporaries(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestWriteAllSwitchFails: when a rename fails after others have been
// done, the files already replaced are put back: the old set, whole.
func TestWriteAllSwitchFails(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("old a"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.md"), []byte("old c"), 0o644)
	calls := 0
	rename = func(from, to string) error {
		if calls++; calls == 3 {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.ENOSPC}
		}
		return os.Rename(from, to)
	}
	defer func() { rename = os.Rename }()
	_, err := WriteAll(dir, []Output{md("a.md", "new a"), md("b.md", "new b"), md("c.md", "new c")})
	if err == nil || !strings.Contains(err.Error(), "磁盘空间不足") || !strings.Contains(err.Error(), "没有写入任何文件") {
		t.Errorf("error: %v", err)
	}
	if got := read(t, filepath.Join(dir, "a.md")) + "|" + read(t, filepath.Join(dir, "c.md")); got != "old a|old c" {
		t.Errorf("after the failed switch: %s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("b.md, new in the failed set, is there: %v", err)
	}
	if tmp := temporaries(t, dir); len(tmp) > 0 {
		t.Errorf("temporaries left: %v", tmp)
	}
}

// TestWriteAllNames: a name too long for the file systems is refused
// before anything is written.
func TestWriteAllNames(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("工", 80) + ".md" // 243 bytes: fits 255, not with the room for moving aside
	_, err := WriteAll(dir, []Output{md("a.md", "a"), md(long, "b")})
	if err == nil || !strings.Contains(err.Error(), "太长") {
		t.Errorf("error: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("files written: %v", entries)
	}
}

// TestWriteAllRecovers: what a killed run left — temporaries, a file moved
// aside and never replaced — is cleaned up by the next run in the folder.
func TestWriteAllRecovers(t *testing.T) {
	dir := t.TempDir()
	dead := 1 << 30 // no such process
	os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s%d-0a0b0c.pdf", tempPrefix, dead)), []byte("half"), 0o644)
	os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s%d.old.x.pdf", tempPrefix, dead)), []byte("old x"), 0o644)
	os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s%d.old.y.pdf", tempPrefix, dead)), []byte("old y"), 0o644)
	os.WriteFile(filepath.Join(dir, "y.pdf"), []byte("new y"), 0o644)
	if _, err := WriteAll(dir, []Output{md("z.md", "z")}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "x.pdf")) + "|" + read(t, filepath.Join(dir, "y.pdf")); got != "old x|new y" {
		t.Errorf("after recovery: %s", got)
	}
	if tmp := temporaries(t, dir); len(tmp) > 0 {
		t.Errorf("temporaries left: %v", tmp)
	}
}

// TestInterrupt: after Interrupt no set is written.
func TestInterrupt(t *testing.T) {
	defer writes.stop.Store(false)
	Interrupt()
	dir := t.TempDir()
	if _, err := WriteAll(dir, []Output{md("a.md", "a")}); err == nil {
		t.Error("WriteAll after Interrupt wrote")
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("files written: %v", entries)
	}
}
