package batch

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

// The state file of a run sits in the output folder, hidden:
// .huibao.batch.json for a whole folder, .huibao.batch.2-of-4.json for
// shard 2 of 4. It is one JSON object a line:
//
//	{"format":"huibao-batch/1","run":"…","shard":"2/4","inputs":[…],"manifest":…}   the header
//	{"file":"beihu.json","key":"…","outputs":[{"name":"北湖社区工会_…pdf","size":123}],"record":"…"}
//	{"file":"xinhua.yaml","failed":"发现 3 处错误"}
//
// A unit's line is appended once its files are in place, so that a run
// killed at any moment leaves a file that tells which units are done (a
// torn last line is ignored). A re-run skips a unit whose line has the same
// key — the hash of its input, of the run's settings and of
// engine.Fingerprint — and whose files are still there with their sizes.
// For `batch merge`, the state file is the shard's partial summary: the
// records of its units, and the header naming the batch.
const (
	stateFormat = "huibao-batch/1"
	statePrefix = ".huibao.batch"
)

// stateName is the state file's name for a shard (the zero Shard: the
// whole folder).
func stateName(s Shard) string {
	if s.Count == 0 {
		return statePrefix + ".json"
	}
	return fmt.Sprintf("%s.%d-of-%d.json", statePrefix, s.Index, s.Count)
}

// header is the first line of a state file.
type header struct {
	Format string `json:"format"`
	// Run is the hash of the settings every unit's files depend on:
	// engine.Fingerprint, the template asked for, the formats.
	Run      string   `json:"run"`
	Shard    string   `json:"shard,omitempty"` // "2/4"
	Template string   `json:"template,omitempty"`
	Formats  []string `json:"formats,omitempty"`
	// Inputs are the file names of every input in the folder, the
	// shard's and the others', so that a merge can tell a missing shard.
	Inputs []string `json:"inputs"`
	// Units are this run's units, in order: a unit's line is named by its
	// file's name, and a unit of a 多单位填报表 by the file's name, # and
	// the unit's name.
	Units    []string      `json:"units"`
	Manifest *manifestCopy `json:"manifest,omitempty"`
	Folder   string        `json:"folder"` // the folder of the inputs
	Given    string        `json:"given"`  // the folder or 多单位填报表 as given to batch
}

// manifestCopy carries batch.yaml into the state file, so that a merge
// reads the same manifest the shards read.
type manifestCopy struct {
	Path string `json:"path"`
	Data []byte `json:"data"`
}

// entry is a unit's line.
type entry struct {
	File    string   `json:"file"`              // the unit: its file's name within the folder (see header.Units)
	Key     string   `json:"key,omitempty"`     // see unitKey
	Outputs []output `json:"outputs,omitempty"` // the files written, in the output folder
	Record  []byte   `json:"record,omitempty"`  // the encoded record (record.go)
	// Failed says why the unit has no report, in a word; the record is
	// then absent, and Name is the union's name (the file's when unreadable).
	Failed string `json:"failed,omitempty"`
	Name   string `json:"name,omitempty"`

	// rec is Record once read or made: kept in the batch's store, not in
	// memory, and put back in the line when it is written.
	rec ref
}

// withRecord is the entry as its line holds it: the record read back
// from the store.
func (e *entry) withRecord(recs *records) (*entry, error) {
	if e.rec == 0 || e.Record != nil {
		return e, nil
	}
	data, err := recs.get(e.rec)
	if err != nil {
		return nil, err
	}
	c := *e
	c.Record = data
	return &c, nil
}

type output struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

// intact reports whether the entry's files are all still in dir with the
// sizes they were written with.
func (e *entry) intact(dir string) bool {
	if len(e.Outputs) == 0 || e.Failed != "" {
		return false
	}
	for _, o := range e.Outputs {
		fi, err := os.Stat(filepath.Join(dir, o.Name))
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != o.Size {
			return false
		}
	}
	return true
}

// runKey hashes what every unit's files depend on besides its input.
func runKey(eng *engine.Engine, template string, formats []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%q\n%q\n", eng.Fingerprint(), template, formats)
	return hex.EncodeToString(h.Sum(nil))
}

// unitKey hashes a unit's input with the run's key.
func unitKey(run string, data []byte) string {
	h := sha256.New()
	io.WriteString(h, run)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// state is a state file being read or written.
type state struct {
	header  header
	entries map[string]*entry // by file name; the last line wins
	order   []string          // file names in the order of their lines
}

// readState reads the state file at path, putting the records in recs.
// A file that does not exist is an empty state; torn or unknown lines are
// skipped.
func readState(path string, recs *records) (*state, error) {
	st := &state{entries: map[string]*entry{}}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	first := true
	for sc.Scan() {
		line := sc.Bytes()
		if first {
			first = false
			if err := json.Unmarshal(line, &st.header); err != nil || st.header.Format != stateFormat {
				return nil, fmt.Errorf("不是 huibao 批量处理的记录文件，或是其他版本写的")
			}
			continue
		}
		var e entry
		if json.Unmarshal(line, &e) != nil || e.File == "" {
			continue
		}
		if e.Record != nil {
			if e.rec, err = recs.put(e.Record); err != nil {
				return nil, err
			}
			e.Record = nil
		}
		if _, ok := st.entries[e.File]; !ok {
			st.order = append(st.order, e.File)
		}
		st.entries[e.File] = &e
	}
	if first {
		return nil, fmt.Errorf("记录文件是空的")
	}
	return st, sc.Err()
}

// journal appends a run's lines to its state file.
type journal struct {
	mu   sync.Mutex
	f    *os.File
	path string
	recs *records
	err  error
}

// openJournal starts the state file of a run in dir: the header and the
// lines of units already known (skipped, failed) are written to a new file
// that replaces the old one, then lines are appended as units finish.
func openJournal(dir, name string, h header, known []*entry, recs *records) (*journal, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// Named as engine.WriteAll names its temporaries (.huibao-PID-…), so
	// that the next run clears it if this one is killed before the rename.
	tmp, err := os.CreateTemp(dir, fmt.Sprintf(".huibao-%d-*.json", os.Getpid()))
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, name)
	// Line by line, the records read back one at a time: the lines of
	// 10,000 units are 100 MB.
	w := bufio.NewWriterSize(tmp, 256<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = enc.Encode(h)
	for _, e := range known {
		if err != nil {
			break
		}
		if e, err = e.withRecord(recs); err == nil {
			err = enc.Encode(e)
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	// The handle still writes to the renamed file; O_APPEND is not needed
	// since only this process writes it, through this handle.
	return &journal{f: tmp, path: path, recs: recs}, nil
}

// add appends a unit's line. A failure to write is kept and reported once,
// at close: the reports themselves are written.
func (j *journal) add(e *entry) {
	if j == nil {
		return
	}
	e, err := e.withRecord(j.recs)
	var line []byte
	if err == nil {
		line, err = json.Marshal(e)
	}
	if err != nil {
		j.mu.Lock()
		j.err = cmpErr(j.err, err)
		j.mu.Unlock()
		return
	}
	line = append(line, '\n')
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Write(line); err != nil {
		j.err = cmpErr(j.err, err)
	}
}

func (j *journal) close() error {
	if j == nil {
		return nil
	}
	err := j.f.Close()
	if j.err != nil {
		return j.err
	}
	return err
}

func cmpErr(old, err error) error {
	if old != nil {
		return old
	}
	return err
}

// stateError names a state file that cannot be read or written.
func stateError(path string, err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Sprintf("批量处理记录文件 %s %s", path, diag.OSReason(err))
	}
	return fmt.Sprintf("批量处理记录文件 %s 无法使用：%v", path, err)
}
