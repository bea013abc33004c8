//go:build unix

package engine

import (
	"errors"
	"syscall"
)

// alive reports whether a process with the id runs (or may: one of
// another user's answers EPERM).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
