//go:build unix

package engine

import "syscall"

// flushAll asks the system to write every file's data to the disk.
func flushAll() { syscall.Sync() }
