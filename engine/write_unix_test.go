//go:build unix

package engine

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteAllModes: new files get what the umask allows, a replaced file
// keeps its mode.
func TestWriteAllModes(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	private := filepath.Join(dir, "困难职工.md")
	os.WriteFile(private, []byte("old"), 0o600)
	os.Chmod(private, 0o600)
	if _, err := WriteAll(dir, []Output{md("困难职工.md", "new"), md("new.md", "new")}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]os.FileMode{"困难职工.md": 0o600, "new.md": 0o640} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v (%v)", name, fi.Mode().Perm(), want, err)
		}
	}
}
