//go:build unix

package font

import (
	"errors"
	"os"
	"syscall"
)

// mapFile maps a font file into memory read-only. A face reads its tables
// and the outlines a document uses, a few hundred kilobytes of files of 5 to
// 20 MB: mapped, only those pages are read from disk, and they stay out of
// the garbage-collected heap (read into it, four faces were 70 MB of live
// heap, which the collector doubles). Faces live as long as the process, so
// the mapping is never undone. A font file replaced while mapped stays
// readable (package managers replace files by renaming); one truncated in
// place would fault, as a binary's own files would.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("不是普通文件（可能是设备或管道）")
	}
	size := fi.Size()
	if size == 0 || size != int64(int(size)) {
		return os.ReadFile(path)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return os.ReadFile(path) // a file system that cannot map
	}
	return data, nil
}
