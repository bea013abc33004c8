package web

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/huibao/huibao/engine/diag"
)

// Draft is one report being filled in: what the cadre typed, cell by cell,
// kept as typed (a number written as 152人 stays 152人 until fixed), and
// the template it is for. It is saved as JSON under its random id.
type Draft struct {
	ID       string    `json:"id"`
	Rev      int       `json:"rev"` // counts saves; a save based on an older rev is refused
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	Template string    `json:"template"` // template id; "" until chosen
	// Values holds the single fields by path (org.name,
	// membership.previous.members); Rows the lists, one map a row, by the
	// field's path within the list (date, title; "" for a sentence of
	// problems).
	Values map[string]string              `json:"values"`
	Rows   map[string][]map[string]string `json:"rows"`
	// Source names the file the draft was opened from, if any; Notes are
	// the problems found in it then, shown until the draft is saved.
	Source string    `json:"source,omitempty"`
	Notes  []Problem `json:"notes,omitempty"`
	// Unit links a draft opened from a batch folder to its unit.
	Unit *UnitRef `json:"unit,omitempty"`
}

// UnitRef names a unit of a batch workspace.
type UnitRef struct {
	Batch string `json:"batch"`
	File  string `json:"file"` // the unit's file name in the workspace's input folder
}

// Title names the draft for lists and logs: the union and the period.
func (d *Draft) Title() string {
	name := strings.TrimSpace(d.Values["org.name"])
	if name == "" {
		name = "（未填单位名称）"
	}
	if y := strings.TrimSpace(d.Values["period.year"]); y != "" {
		name += " " + y + "年" + d.Values["period.span"]
	}
	return name
}

// store keeps drafts as files in one folder, each written atomically. Ids
// are random and checked against idPattern before they name a file, so no
// request can name a path.
//
// It remembers the drafts it read or wrote, with their file's size and
// time, and gives them again while the file is unchanged: a preview, a
// check or a save then reads no JSON (a 30-activity draft took a
// millisecond to decode, a tenth of a save and preview). A draft given by
// Get is shared: it must not be changed, only read.
type store struct {
	dir   string
	mu    sync.Mutex
	locks map[string]*sync.Mutex
	known map[string]storedDraft // by id
}

// storedDraft is a draft as read or written, and its file then.
type storedDraft struct {
	d    *Draft
	file fs.FileInfo
}

// same reports whether fi is the file the draft was read from or written
// to: the same file (a write replaces it by another), size and time.
func (k storedDraft) same(fi fs.FileInfo) bool {
	return os.SameFile(k.file, fi) && k.file.Size() == fi.Size() && k.file.ModTime().Equal(fi.ModTime())
}

// maxKnown bounds the drafts a store remembers; beyond it, it forgets
// them all and reads again.
const maxKnown = 1000

var idPattern = regexp.MustCompile(`^[a-z2-7]{26}$`)

// errNotFound is a draft or batch id that names nothing.
var errNotFound = errors.New("not found")

// errStale is a save based on an older revision than the one stored.
var errStale = errors.New("stale revision")

func newStore(dir string) (*store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s：%s", dir, diag.OSReason(err))
	}
	return &store{dir: dir, locks: map[string]*sync.Mutex{}, known: map[string]storedDraft{}}, nil
}

// newID returns a random id: 130 bits, lower-case base32.
func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))[:26]
}

// lock serialises the saves of one id.
func (s *store) lock(id string) func() {
	s.mu.Lock()
	l, ok := s.locks[id]
	if !ok {
		l = &sync.Mutex{}
		s.locks[id] = l
	}
	s.mu.Unlock()
	l.Lock()
	return l.Unlock
}

func (s *store) path(id string) (string, error) {
	if !idPattern.MatchString(id) {
		return "", errNotFound
	}
	return filepath.Join(s.dir, id+".json"), nil
}

// Get reads a draft. The draft is shared with other callers: read it,
// do not change it (Update gives a copy to change).
func (s *store) Get(id string) (*Draft, error) {
	p, err := s.path(id)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	k, ok := s.known[id]
	s.mu.Unlock()
	if ok && k.same(fi) {
		return k.d, nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var d Draft
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("草稿文件 %s 已损坏：%v", p, err)
	}
	if d.ID != id {
		return nil, fmt.Errorf("草稿文件 %s 的内容属于另一个草稿", p)
	}
	s.remember(&d, fi)
	return &d, nil
}

// remember keeps d as the draft of the file fi, unless a later revision
// is known: a Get that read the file before a save replaced it must not
// put the old draft back.
func (s *store) remember(d *Draft, fi fs.FileInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if k, ok := s.known[d.ID]; ok && k.d.Rev > d.Rev {
		return
	}
	if len(s.known) >= maxKnown {
		clear(s.known)
	}
	s.known[d.ID] = storedDraft{d: d, file: fi}
}

// forget drops what the store remembers of a draft.
func (s *store) forget(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.known, id)
}

// Create stores a new draft under a new id.
func (s *store) Create(d *Draft) error {
	d.ID = newID()
	d.Rev = 1
	d.Created = time.Now().UTC().Truncate(time.Second)
	d.Updated = d.Created
	return s.write(d.clone()) // the caller keeps d, and may change it
}

// Update applies change to the stored draft, if rev is its revision (or
// rev is 0: the server's own change), and stores it with the next
// revision.
func (s *store) Update(id string, rev int, change func(*Draft) error) (*Draft, error) {
	unlock := s.lock(id)
	defer unlock()
	d, err := s.Get(id)
	if err != nil {
		return nil, err
	}
	if rev != 0 && rev != d.Rev {
		return d, errStale
	}
	d = d.clone()
	if err := change(d); err != nil {
		return nil, err
	}
	d.Rev++
	d.Updated = time.Now().UTC().Truncate(time.Second)
	return d, s.write(d)
}

// Delete removes a draft.
func (s *store) Delete(id string) error {
	p, err := s.path(id)
	if err != nil {
		return err
	}
	unlock := s.lock(id)
	defer unlock()
	s.forget(id)
	if err := os.Remove(p); errors.Is(err, fs.ErrNotExist) {
		return errNotFound
	} else if err != nil {
		return err
	}
	return nil
}

// List reads every draft, the latest changed first. Files that are not
// drafts are skipped.
func (s *store) List() ([]*Draft, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	var out []*Draft
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !idPattern.MatchString(id) {
			continue
		}
		if d, err := s.Get(id); err == nil {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *Draft) int { return b.Updated.Compare(a.Updated) })
	return out, nil
}

// write stores d atomically: a temporary file in the same folder, synced,
// then renamed over the old one, so that a crash leaves the old draft or
// the new one, never half of either.
func (s *store) write(d *Draft) error {
	p, err := s.path(d.ID)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(d, "", " ")
	if err != nil {
		return err
	}
	s.forget(d.ID)
	if err := writeFileAtomic(p, data); err != nil {
		return err
	}
	if fi, err := os.Stat(p); err == nil {
		s.remember(d, fi)
	}
	return nil
}

// clone is a copy of d whose maps and lists can be changed without
// changing d's.
func (d *Draft) clone() *Draft {
	c := *d
	c.Values = maps.Clone(d.Values)
	if d.Rows != nil {
		c.Rows = make(map[string][]map[string]string, len(d.Rows))
		for k, rows := range d.Rows {
			cr := make([]map[string]string, len(rows))
			for i, r := range rows {
				cr[i] = maps.Clone(r)
			}
			c.Rows[k] = cr
		}
	}
	c.Notes = slices.Clone(d.Notes)
	if d.Unit != nil {
		u := *d.Unit
		c.Unit = &u
	}
	return &c
}

// writeFileAtomic writes data to path through a synced temporary file in
// the same folder and a rename.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
