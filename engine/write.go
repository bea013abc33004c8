package engine

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/huibao/huibao/engine/diag"
)

// WriteAll writes outputs into dir atomically: every file is first written
// to a temporary file in dir, and only when all are written are they renamed
// into place. On failure nothing is left behind, and files from an earlier
// run are untouched.
func WriteAll(dir string, outs []Output) ([]string, error) {
	written, err := writeAll(dir, outs)
	if err != nil {
		return written, newError(OutputError, err.Error(), nil, err)
	}
	return written, nil
}

func writeAll(dir string, outs []Output) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建输出文件夹 %s：%s", dir, diag.OSReason(err))
	}
	// Refuse before writing anything if a target cannot be replaced, so that
	// a failure does not leave some files new and others old.
	for _, o := range outs {
		if fi, err := os.Stat(filepath.Join(dir, o.Name)); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("无法写入 %s：同名的文件夹已经存在", filepath.Join(dir, o.Name))
		}
	}
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, o := range outs {
		f, err := os.CreateTemp(dir, ".huibao-*"+o.Format.Ext)
		if err != nil {
			cleanup()
			return nil, fmt.Errorf("无法在 %s 写文件：%s", dir, diag.OSReason(err))
		}
		temps = append(temps, f.Name())
		_, werr := f.Write(o.Data)
		cerr := f.Close()
		if werr != nil || cerr != nil {
			cleanup()
			return nil, fmt.Errorf("写文件 %s 失败：%s", filepath.Join(dir, o.Name), diag.OSReason(firstErr(werr, cerr)))
		}
	}
	var written []string
	for i, o := range outs {
		final := filepath.Join(dir, o.Name)
		if err := os.Rename(temps[i], final); err != nil {
			cleanup()
			return written, fmt.Errorf("无法写入 %s：%s", final, diag.OSReason(err))
		}
		os.Chmod(final, 0o644)
		temps[i] = ""
		written = append(written, final)
	}
	return written, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
