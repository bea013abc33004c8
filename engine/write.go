package engine

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/huibao/huibao/engine/diag"
)

// WriteAll writes a report's files into dir as one set. What it
// guarantees:
//
//   - Nothing is written unless every name can be: each must fit the file
//     systems' 255 bytes (with room for the temporaries below), and none
//     may be a folder.
//   - Each file is first written to a temporary file in dir and flushed to
//     the disk; only when all are written are they renamed over the old
//     files, one after another, and the folder flushed. A file being
//     replaced is first moved aside (.huibao-PID.old.NAME), so that when a
//     rename fails the files already replaced are put back: the folder then
//     holds the old set, untouched, and no temporary.
//   - A run stopped by Ctrl+C or SIGTERM (cmd/huibao calls Interrupt) does
//     not start another set, drops a set whose files are still being
//     written, and finishes one being renamed, before it exits.
//   - A run killed outright (kill -9, a power cut) may leave temporaries,
//     and, if killed during the renames, which take milliseconds, a set of
//     some new and some old files. The next WriteAll in that folder removes
//     the temporaries of processes that are gone and puts back files moved
//     aside but not replaced.
//   - New files get the permissions the umask allows (0644 under the usual
//     022); a replaced file keeps its own.
func WriteAll(dir string, outs []Output) ([]string, error) { return writeSet(dir, outs, true) }

// WriteAllUnflushed is WriteAll without flushing each file and the folder
// to the disk as it goes, which costs a few milliseconds a file: for a
// batch writing thousands of sets, which calls Flush once at its end.
// Everything WriteAll guarantees about interruption holds; a power cut
// before Flush may lose the sets written since the last one.
func WriteAllUnflushed(dir string, outs []Output) ([]string, error) {
	return writeSet(dir, outs, false)
}

// Flush flushes the files written to the disk (see WriteAllUnflushed).
func Flush() { flushAll() }

func writeSet(dir string, outs []Output, flush bool) ([]string, error) {
	if !writes.begin() {
		return nil, newError(OutputError, "已中断，没有写入文件", nil, nil)
	}
	defer writes.end()
	written, err := writeAll(dir, outs, flush)
	if err != nil {
		return written, newError(OutputError, err.Error(), nil, err)
	}
	return written, nil
}

// maxName is the longest file name WriteAll writes, in bytes: 255, the
// limit of ext4, NTFS and APFS, less the room a file moved aside takes.
const maxName = 255 - len(".huibao-4294967295.old.")

// longName refuses, when a job is prepared, a report whose file names
// would be longer than WriteAll writes, so that validate says what
// generate would: the union's name is within its 50 characters, but a
// character outside the Basic Multilingual Plane takes 4 bytes, and a
// template's doc_name adds its own.
func longName(j *Job) diag.List {
	ext := 0
	for _, f := range j.Formats {
		ext = max(ext, len(f.Ext))
	}
	stem := j.Stem()
	n := len(stem) + ext
	if n <= maxName {
		return nil
	}
	var probs diag.List
	probs.Add(j.Source.Pos("org.name"), "org.name",
		fmt.Sprintf("单位名称用在报告的文件名里，文件名“%s”有 %d 字节，超过了文件系统能用的 %d 字节", stem, n, maxName),
		fmt.Sprintf("请用更短的规范简称（一个汉字占 3 字节，生僻字和表情符号占 4 字节），或换用报告名（%s）较短的模板", j.Template.DocName))
	return probs
}

// tempPrefix starts the name of every file WriteAll writes before the
// final one; the next run knows them by it.
const tempPrefix = ".huibao-"

func writeAll(dir string, outs []Output, flush bool) ([]string, error) {
	for _, o := range outs {
		if n := len(o.Name); n > maxName {
			return nil, fmt.Errorf("文件名 %s 太长（%d 字节），文件系统最多允许 255 字节，没有写入任何文件。请缩短单位名称或报告名", o.Name, n)
		}
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("无法创建输出文件夹 %s：%s", dir, diag.OSReason(err))
	}
	recover1(dir)
	// Refuse before writing anything if a target cannot be replaced.
	for _, o := range outs {
		if fi, err := os.Lstat(filepath.Join(dir, o.Name)); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("无法写入 %s：同名的文件夹已经存在", filepath.Join(dir, o.Name))
		}
	}
	temps := make([]string, len(outs))
	drop := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for i, o := range outs {
		if writes.stopped() {
			drop()
			return nil, fmt.Errorf("已中断，没有写入 %s", filepath.Join(dir, o.Name))
		}
		t, err := writeTemp(dir, o, flush)
		if err != nil {
			drop()
			return nil, err
		}
		temps[i] = t
	}
	// The switch: every target is moved aside, then replaced; a failure
	// puts back what was replaced.
	type done struct{ final, aside string }
	var switched []done
	undo := func() {
		for k := len(switched) - 1; k >= 0; k-- {
			d := switched[k]
			if d.aside != "" {
				os.Rename(d.aside, d.final)
			} else {
				os.Remove(d.final)
			}
		}
	}
	for i, o := range outs {
		final := filepath.Join(dir, o.Name)
		aside := ""
		if _, err := os.Lstat(final); err == nil {
			aside = filepath.Join(dir, fmt.Sprintf("%s%d.old.%s", tempPrefix, os.Getpid(), o.Name))
			if err := os.Rename(final, aside); err != nil {
				undo()
				drop()
				return nil, fmt.Errorf("无法替换 %s：%s，没有写入任何文件", final, diag.OSReason(err))
			}
		}
		if err := rename(temps[i], final); err != nil {
			if aside != "" {
				os.Rename(aside, final)
			}
			undo()
			drop()
			return nil, fmt.Errorf("无法写入 %s：%s，没有写入任何文件", final, diag.OSReason(err))
		}
		temps[i] = ""
		switched = append(switched, done{final, aside})
	}
	var written []string
	for _, d := range switched {
		if d.aside != "" {
			os.Remove(d.aside)
		}
		written = append(written, d.final)
	}
	if flush {
		syncDir(dir)
	}
	return written, nil
}

// writeTemp writes one output to a new temporary file in dir, flushed to
// the disk, with the permissions the final file is to have.
func writeTemp(dir string, o Output, flush bool) (string, error) {
	var rnd [6]byte
	rand.Read(rnd[:])
	name := filepath.Join(dir, fmt.Sprintf("%s%d-%s%s", tempPrefix, os.Getpid(), hex.EncodeToString(rnd[:]), o.Format.Ext))
	// 0666 less the umask, as any program's new file; a file replaced
	// keeps its mode (a report kept 0600 stays 0600).
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return "", fmt.Errorf("无法在 %s 写文件：%s", dir, diag.OSReason(err))
	}
	final := filepath.Join(dir, o.Name)
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", fmt.Errorf("写文件 %s 失败：%s", final, diag.OSReason(err))
	}
	if fi, err := os.Stat(final); err == nil && fi.Mode().IsRegular() {
		if err := f.Chmod(fi.Mode().Perm()); err != nil {
			return fail(err)
		}
	}
	if _, err := f.Write(o.Data); err != nil {
		return fail(err)
	}
	if err := flushFile(f, flush); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("写文件 %s 失败：%s", final, diag.OSReason(err))
	}
	return name, nil
}

// flushFile flushes f to the disk when asked to.
func flushFile(f *os.File, flush bool) error {
	if !flush {
		return nil
	}
	return f.Sync()
}

// rename is os.Rename; a test makes it fail.
var rename = os.Rename

// syncDir flushes a folder's entries to the disk, where the system can.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// recovered lists the folders recover1 has looked at in this process.
var recovered sync.Map

// recover1 cleans up after runs that were killed while writing into dir,
// once per folder and process: temporaries of processes that are gone are
// removed, and a file moved aside whose replacement never came is put back.
func recover1(dir string) {
	if _, seen := recovered.LoadOrStore(dir, true); seen {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, tempPrefix)
		if !ok || e.IsDir() {
			continue
		}
		// .huibao-PID.old.NAME is NAME moved aside; .huibao-PID-RANDOM.EXT
		// a temporary.
		pidText, tail, aside := strings.Cut(rest, ".old.")
		if !aside {
			pidText, _, _ = strings.Cut(rest, "-")
		}
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 {
			continue
		}
		if pid == os.Getpid() && !stale(e) || pid != os.Getpid() && alive(pid) {
			continue
		}
		path := filepath.Join(dir, name)
		if !aside {
			os.Remove(path)
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, tail)); err != nil {
			os.Rename(path, filepath.Join(dir, tail))
		} else {
			os.Remove(path)
		}
	}
}

// stale reports whether a temporary of this very process is an hour old:
// one left by an earlier process that had the same id.
func stale(e fs.DirEntry) bool {
	fi, err := e.Info()
	return err == nil && time.Since(fi.ModTime()) > time.Hour
}

// writes is the state of the process's writing, shared by every WriteAll
// because a signal is the process's: whether Interrupt was called, and the
// sets being written.
var writes writing

type writing struct {
	stop    atomic.Bool
	mu      sync.Mutex
	pending sync.WaitGroup
}

func (w *writing) begin() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stop.Load() {
		return false
	}
	w.pending.Add(1)
	return true
}

func (w *writing) end()          { w.pending.Done() }
func (w *writing) stopped() bool { return w.stop.Load() }

// Interrupt stops the writing of the process, for a signal: no WriteAll
// starts after it, sets whose files are being written are dropped, and a
// set being renamed is finished. It returns when no set is being written;
// then the process may exit without leaving a temporary or half a set.
func Interrupt() {
	writes.mu.Lock()
	writes.stop.Store(true)
	writes.mu.Unlock()
	writes.pending.Wait()
}
