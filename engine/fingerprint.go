package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/pdf/font"
)

// ReadInput reads an input file as Prepare does — regular files only,
// through the size limit of its kind — for a caller that needs its bytes
// (batch hashes them to tell an unchanged unit) and then prepares them with
// Request.Name and Request.Data. A refusal is an InputError naming the file.
func ReadInput(path string) ([]byte, error) {
	limit := int64(load.MaxTextSize)
	if load.KindOf(path) == load.XLSX {
		limit = load.MaxSize
	}
	data, msg, hint := load.ReadFile(path, limit)
	if msg != "" {
		var probs diag.List
		probs.Add(diag.Pos{File: path}, "", msg, hint)
		return nil, &Error{Kind: InputError, Problems: probs}
	}
	return data, nil
}

// Fingerprint identifies everything besides a report's input and request
// that its files depend on: this program, the template set (every file of
// every template folder, built-in ones included), the page layout and the
// fonts. Two runs with the same fingerprint make the same bytes from the
// same input; batch keys its re-runs on it. Fonts are named by path, face
// index, size and modification time, not read; when they cannot be loaded
// the reason stands in for them.
func (e *Engine) Fingerprint() string {
	e.fpOnce.Do(func() {
		h := sha256.New()
		fmt.Fprintf(h, "program %s\ntemplates %s\nlayout %q\n", programID(), e.catalog.Fingerprint(), e.layout)
		fonts, err := e.res.Fonts()
		if err != nil {
			fmt.Fprintf(h, "fonts: %v\n", err)
		} else {
			for r := font.Title; r <= font.Body; r++ {
				for _, f := range fonts.Chain(r) {
					var size, mtime int64
					if fi, err := os.Stat(f.Path); err == nil {
						size, mtime = fi.Size(), fi.ModTime().UnixNano()
					}
					fmt.Fprintf(h, "font %d %q #%d %d %d\n", r, f.Path, f.Index, size, mtime)
				}
			}
		}
		e.fp = hex.EncodeToString(h.Sum(nil))
	})
	return e.fp
}

// programID identifies this build of huibao: its module version and the
// hash of its executable, so that any rebuild that changes the program
// changes it.
var programID = sync.OnceValue(func() string {
	h := sha256.New()
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(h, "%s %s\n", bi.Main.Path, bi.Main.Version)
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				fmt.Fprintf(h, "%s=%s\n", s.Key, s.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	return hex.EncodeToString(h.Sum(nil))
})
