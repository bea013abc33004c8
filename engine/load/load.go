// Package load reads a cadre's input file — YAML, JSON or the XLSX 填报表 —
// into the data model, recording where every field came from and reporting
// every structural problem (syntax, types, unknown keys) at once.
package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/model"
)

// MaxSize is the largest workbook accepted, and MaxTextSize the largest
// YAML or JSON file: a half-year of one union's data is a few kilobytes, a
// large street's year with every field at its limit well under a megabyte.
// Anything bigger is the wrong file, and parsing it would take memory in
// proportion (a YAML parser keeps some 60 bytes per byte of text).
const (
	MaxSize     = 32 << 20
	MaxTextSize = 4 << 20
)

// MaxDepth bounds how deeply a YAML or JSON file may nest: the input format
// needs four levels (org.overview[1].name), manifests fewer. Deeper nesting
// is refused before parsing, whose memory grows with its square.
const MaxDepth = 16

// Kind is an input format, chosen by file extension.
type Kind int

const (
	Unknown Kind = iota
	YAML
	JSON
	XLSX
)

// KindOf returns the input kind of a file name.
func KindOf(name string) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return YAML
	case ".json":
		return JSON
	case ".xlsx":
		return XLSX
	}
	return Unknown
}

// File reads and decodes the input at path. The returned list holds every
// problem found, errors and warnings (a GBK file read as GBK is a warning);
// the report is nil only when nothing could be read at all. Semantic checks
// (dates within the period, dues_paying ≤ members) are engine/validate's.
func File(path string) (*model.Report, *diag.SourceMap, diag.List) {
	limit := int64(MaxTextSize)
	if KindOf(path) == XLSX {
		limit = MaxSize
	}
	data, msg, hint := ReadFile(path, limit)
	if msg != "" {
		var errs diag.List
		errs.Add(diag.Pos{File: path}, "", msg, hint)
		return nil, nil, errs
	}
	return Bytes(path, data)
}

// Units reads the file at path when it is a 多单位填报表 (engine/form), a
// workbook of several units: a report for each, with its source map and
// the problems of its cells, and the problems of the workbook as a whole.
// ok is false for any other input, which File reads as one report (and
// whose problems, a file that cannot be read among them, File reports).
func Units(path string) (units []form.Unit, probs diag.List, ok bool) {
	if KindOf(path) != XLSX {
		return nil, nil, false
	}
	data, msg, _ := ReadFile(path, MaxSize)
	if msg != "" {
		return nil, nil, false
	}
	return form.ReadUnits(path, data)
}

// ReadFile reads an input file of at most limit bytes. Only regular files
// are read — a device such as /dev/zero would never end, and opening a
// named pipe waits for a writer forever — and only through the limit,
// whatever the file system says its size is. A refusal is a Chinese
// message and hint.
func ReadFile(path string, limit int64) (data []byte, msg, hint string) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, readError(err), "请检查文件路径是否写对"
	}
	if msg := notRegular(info); msg != "" {
		return nil, msg, "请给出一个 .yaml、.yml、.json 或 .xlsx 文件"
	}
	if info.Size() > limit {
		msg, hint := tooLarge(info.Size(), limit)
		return nil, msg, hint
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(err), "请检查文件路径是否写对"
	}
	defer f.Close()
	// The file may have been swapped since Stat: check what was opened.
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, "不是普通文件，不能作为输入", "请给出一个 .yaml、.yml、.json 或 .xlsx 文件"
	}
	data, err = io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, readError(err), "请检查文件是否完好"
	}
	if int64(len(data)) > limit {
		msg, hint := tooLarge(int64(len(data)), limit)
		return nil, msg, hint
	}
	return data, "", ""
}

// notRegular says what a file that is not a regular file is, or "".
func notRegular(info fs.FileInfo) string {
	m := info.Mode()
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "这是一个文件夹，不是文件"
	case m&fs.ModeNamedPipe != 0:
		return "这是一个管道（FIFO），不是普通文件，不能作为输入"
	case m&fs.ModeSocket != 0:
		return "这是一个套接字，不是普通文件，不能作为输入"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "这是一个设备文件，不是普通文件，不能作为输入"
	}
	return "不是普通文件，不能作为输入"
}

func tooLarge(size, limit int64) (msg, hint string) {
	return fmt.Sprintf("文件太大（%s），不像是填报数据", sizeText(size)),
		fmt.Sprintf("请确认选对了文件；这类输入文件不能超过 %s", sizeText(limit))
}

// sizeText writes a byte count the way a cadre reads it: 3.2 MB, 800 KB.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		tenths := (n*10 + 1<<20 - 1) >> 20 // rounded up: just over the limit must not read as equal to it
		if tenths%10 == 0 {
			return fmt.Sprintf("%d MB", tenths/10)
		}
		return fmt.Sprintf("%d.%d MB", tenths/10, tenths%10)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<10-1)>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// Bytes decodes data as the input named name, choosing the format by the
// name's extension.
func Bytes(name string, data []byte) (*model.Report, *diag.SourceMap, diag.List) {
	if k := KindOf(name); k != Unknown {
		limit := int64(MaxTextSize)
		if k == XLSX {
			limit = MaxSize
		}
		if int64(len(data)) > limit {
			msg, hint := tooLarge(int64(len(data)), limit)
			var errs diag.List
			errs.Add(diag.Pos{File: name}, "", msg, hint)
			return nil, nil, errs
		}
	}
	switch KindOf(name) {
	case YAML, JSON:
		return decodeText(name, data)
	case XLSX:
		return decodeWorkbook(name, data)
	}
	var errs diag.List
	errs.Add(diag.Pos{File: name}, "", fmt.Sprintf("不认识的文件类型“%s”", filepath.Ext(name)),
		"输入文件应为 .yaml、.yml、.json 或 .xlsx（填报表）")
	return nil, nil, errs
}

func readError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限读取这个文件"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil && strings.Contains(pe.Err.Error(), "directory") {
		return "这是一个文件夹，不是文件"
	}
	return "无法读取文件：" + diag.OSReason(err)
}
