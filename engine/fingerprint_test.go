package engine

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestBuildID: the build ID read from the executable is the one go tool
// buildid reads.
func TestBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skip("go tool buildid:", err)
	}
	if got, want := buildID(exe), strings.TrimSpace(string(out)); got != want || got == "" {
		t.Errorf("buildID = %q, want %q", got, want)
	}
}
