package batch

import (
	"fmt"
	"os"
	"runtime"
	"sync"
)

// records keeps the units' encoded records (record.go) while a batch runs:
// a few kilobytes a unit, 90 MB for 10,000 units, read back one at a time
// when the 汇总表 and the roll-up are built and the state file is
// rewritten. Up to spillAbove bytes they stay in memory; beyond, all of
// them go to a temporary file (in os.TempDir, so TMPDIR places it), which
// is removed at once where the system allows an open file to be (Unix), or
// when the batch is done with it. Memory then no longer grows with the
// number of units but by the few words of a ref each.
type records struct {
	mu    sync.Mutex
	mem   [][]byte // while in memory: the records, by ref
	offs  []int64  // once spilled: where each record starts in f, and where f ends
	f     *os.File
	path  string // of f, while it still has a name to remove
	size  int64  // bytes held
	err   error  // the first failure to spill or read; sticky
	spill int64  // spillAbove, or a test's
	clean runtime.Cleanup
}

// spillAbove is the size of the records kept in memory: some 2,000
// units. A variable only so that tests can make small batches spill.
var spillAbove int64 = 16 << 20

// ref is a record in the store: its number from 1; 0 is none.
type ref int32

func newRecords() *records { return &records{spill: spillAbove} }

// put stores a record.
func (s *records) put(data []byte) (ref, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, s.err
	}
	if s.f == nil && s.size+int64(len(data)) > s.spill {
		if s.err = s.toFile(); s.err != nil {
			return 0, s.err
		}
	}
	s.size += int64(len(data))
	if s.f == nil {
		s.mem = append(s.mem, data)
		return ref(len(s.mem)), nil
	}
	end := s.offs[len(s.offs)-1]
	if _, err := s.f.WriteAt(data, end); err != nil {
		s.err = fmt.Errorf("batch: spilling records: %w", err)
		return 0, s.err
	}
	s.offs = append(s.offs, end+int64(len(data)))
	return ref(len(s.offs) - 1), nil
}

// toFile moves the records held in memory to a temporary file, in order,
// so that the refs handed out stay good.
func (s *records) toFile() error {
	f, err := os.CreateTemp("", "huibao-records-*")
	if err != nil {
		return fmt.Errorf("batch: spilling records: %w", err)
	}
	if os.Remove(f.Name()) != nil {
		s.path = f.Name() // Windows: removed when closed
	}
	s.f = f
	// A batch prepared and never run (the web page's look at a folder)
	// does not close its store: the file goes when the batch does.
	s.clean = runtime.AddCleanup(s, func(c closer) { c.close() }, closer{f, s.path})
	s.offs = make([]int64, 1, len(s.mem)+1)
	for _, d := range s.mem {
		end := s.offs[len(s.offs)-1]
		if _, err := f.WriteAt(d, end); err != nil {
			return fmt.Errorf("batch: spilling records: %w", err)
		}
		s.offs = append(s.offs, end+int64(len(d)))
	}
	s.mem = nil
	return nil
}

// get reads a record back. The slice is not to be changed.
func (s *records) get(r ref) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.err != nil:
		return nil, s.err
	case r < 1 || s.f == nil && int(r) > len(s.mem) || s.f != nil && int(r) >= len(s.offs):
		return nil, fmt.Errorf("batch: no record %d", r)
	case s.f == nil:
		return s.mem[r-1], nil
	}
	data := make([]byte, s.offs[r]-s.offs[r-1])
	if _, err := s.f.ReadAt(data, s.offs[r-1]); err != nil {
		return nil, fmt.Errorf("batch: reading a spilled record back: %w", err)
	}
	return data, nil
}

// close drops the records and their file.
func (s *records) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f != nil {
		s.clean.Stop()
		closer{s.f, s.path}.close()
	}
	s.mem, s.offs, s.f = nil, nil, nil
	s.err = fmt.Errorf("batch: records read after the batch was done")
}

// closer closes a spill file and removes it if it still has a name.
type closer struct {
	f    *os.File
	path string
}

func (c closer) close() {
	c.f.Close()
	if c.path != "" {
		os.Remove(c.path)
	}
}
