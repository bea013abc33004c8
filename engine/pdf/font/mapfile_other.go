//go:build !unix

package font

import "os"

// mapFile reads a font file (see mapfile_unix.go for the mapped version).
func mapFile(path string) ([]byte, error) { return os.ReadFile(path) }
