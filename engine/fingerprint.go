package engine

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
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
// Go build ID the linker writes into the executable, a hash of everything
// it was built from — read from the file's first pages, not hashed whole
// (21 MB: 15 to 50 ms at every batch). When no build ID is found, the
// executable's size and modification time stand in.
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
		if id := buildID(exe); id != "" {
			fmt.Fprintf(h, "build %s\n", id)
		} else if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "exe %q %d %d\n", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil))
})

// buildID reads the Go build ID of an executable: the ELF note
// .note.go.buildid, or the marker the linker writes near the start of the
// text on other systems. "" when there is none.
func buildID(exe string) string {
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 16 && string(data[12:16]) == "Go\x00\x00" {
				return strings.TrimRight(string(data[16:]), "\x00")
			}
		}
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	const marker = "\xff Go build ID: \""
	i := bytes.Index(head, []byte(marker))
	if i < 0 {
		return ""
	}
	rest := head[i+len(marker):]
	if j := bytes.IndexByte(rest, '"'); j > 0 {
		return string(rest[:j])
	}
	return ""
}
