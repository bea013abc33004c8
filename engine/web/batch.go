package web

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
)

// A batch workspace is a street's folder of units, uploaded from the
// cadre's browser (a folder picker) into its own random-id folder on the
// server: input/ holds the units as uploaded (and as fixed in the form),
// output/ what the batch wrote. The server never reads or writes a path a
// request names.

// workspaces keeps batch workspaces and the state of their runs.
type workspaces struct {
	dir  string
	mu   sync.Mutex
	runs map[string]*runState
}

// batchMeta is a workspace's own record.
type batchMeta struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"` // the folder's name as uploaded
	Created  time.Time `json:"created"`
	Template string    `json:"template"` // the last run's -t; "" for the manifest's or each unit's
}

// runState is the progress of a batch run, for the progress bar.
type runState struct {
	Running  bool         `json:"running"`
	Done     int          `json:"done"`
	Total    int          `json:"total"`
	Finished string       `json:"finished,omitempty"`
	Msg      string       `json:"msg,omitempty"` // why the batch could not run, or its outcome
	Failed   bool         `json:"failed"`
	Units    []unitResult `json:"units,omitempty"`
}

type unitResult struct {
	File    string   `json:"file"`
	Name    string   `json:"name"`
	OK      bool     `json:"ok"`
	Written []string `json:"written,omitempty"`
}

// maxBatchFiles bounds an uploaded folder: a district is a few hundred units.
const maxBatchFiles = 2000

func newWorkspaces(dir string) (*workspaces, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s：%s", dir, diag.OSReason(err))
	}
	return &workspaces{dir: dir, runs: map[string]*runState{}}, nil
}

func (ws *workspaces) path(id string) (string, error) {
	if !idPattern.MatchString(id) {
		return "", errNotFound
	}
	p := filepath.Join(ws.dir, id)
	if _, err := os.Stat(filepath.Join(p, "meta.json")); err != nil {
		return "", errNotFound
	}
	return p, nil
}

func (ws *workspaces) meta(id string) (*batchMeta, string, error) {
	p, err := ws.path(id)
	if err != nil {
		return nil, "", err
	}
	data, err := os.ReadFile(filepath.Join(p, "meta.json"))
	if err != nil {
		return nil, "", err
	}
	var m batchMeta
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, "", err
	}
	return &m, p, nil
}

func (ws *workspaces) saveMeta(p string, m *batchMeta) error {
	data, _ := json.MarshalIndent(m, "", " ")
	return writeFileAtomic(filepath.Join(p, "meta.json"), data)
}

func (ws *workspaces) list() []*batchMeta {
	entries, _ := os.ReadDir(ws.dir)
	var out []*batchMeta
	for _, e := range entries {
		if m, _, err := ws.meta(e.Name()); err == nil {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b *batchMeta) int { return b.Created.Compare(a.Created) })
	return out
}

func (ws *workspaces) run(id string) *runState {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if r, ok := ws.runs[id]; ok {
		c := *r
		c.Units = slices.Clone(r.Units)
		return &c
	}
	return &runState{}
}

func (ws *workspaces) update(id string, f func(*runState)) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	r, ok := ws.runs[id]
	if !ok {
		r = &runState{}
		ws.runs[id] = r
	}
	f(r)
}

func (s *Server) batchList(w http.ResponseWriter, r *http.Request) {
	s.pages.render(w, r, "batches", map[string]any{"Batches": s.batches.list(), "Accept": ".yaml,.yml,.json,.xlsx"})
}

// createBatch stores an uploaded folder as a new workspace. Hidden files,
// Excel's lock files and files in subfolders (the page sends only the
// folder's own files) are not kept.
func (s *Server) createBatch(w http.ResponseWriter, r *http.Request) {
	limit(w, r, maxBatch)
	mr, err := r.MultipartReader()
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "没有收到文件夹", "请先选择放着各单位填报文件的文件夹")
		return
	}
	m := &batchMeta{ID: newID(), Created: time.Now().UTC().Truncate(time.Second)}
	p := filepath.Join(s.batches.dir, m.ID)
	in := filepath.Join(p, "input")
	if err := os.MkdirAll(in, 0o700); err != nil {
		s.internal(w, r, m.ID, err)
		return
	}
	n, err := s.receiveFolder(mr, in, m)
	if err == nil && n == 0 {
		err = errNoFiles
	}
	if err != nil {
		os.RemoveAll(p)
		var mb *http.MaxBytesError
		switch {
		case errors.As(err, &mb):
			s.tooLarge(w, r, mb.Limit)
		case errors.Is(err, errNoFiles):
			s.fail(w, r, http.StatusBadRequest, "文件夹里没有填报文件", "批量处理读取文件夹里的每个 .yaml、.yml、.json 或 .xlsx 文件，一个文件一个单位")
		case errors.Is(err, errUpload):
			s.fail(w, r, http.StatusBadRequest, err.Error(), "请检查文件夹后再试")
		default:
			s.internal(w, r, m.ID, err)
		}
		return
	}
	if m.Name == "" {
		m.Name = "批量" + m.Created.Local().Format("0102-1504")
	}
	if err := s.batches.saveMeta(p, m); err != nil {
		s.internal(w, r, m.ID, err)
		return
	}
	http.Redirect(w, r, "/batches/"+m.ID, http.StatusSeeOther)
}

var (
	errNoFiles = errors.New("no files")
	errUpload  = errors.New("上传的文件夹有问题")
)

func (s *Server) receiveFolder(mr *multipart.Reader, in string, m *batchMeta) (int, error) {
	n := 0
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if part.FormName() == "folder" {
			b, _ := io.ReadAll(io.LimitReader(part, 1000))
			m.Name = strings.TrimSpace(string(b))
			continue
		}
		if part.FormName() != "files" || part.FileName() == "" {
			continue
		}
		name := baseName(part.FileName())
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || !keepable(name) {
			continue
		}
		if n++; n > maxBatchFiles {
			return n, fmt.Errorf("%w：文件超过 %d 个", errUpload, maxBatchFiles)
		}
		f, err := os.OpenFile(filepath.Join(in, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			n-- // the same name from a subfolder: the first is kept
			continue
		}
		if err != nil {
			return n, err
		}
		written, err := io.Copy(f, io.LimitReader(part, engine.MaxInputSize+1))
		f.Close()
		if err != nil {
			return n, err
		}
		if written > engine.MaxInputSize {
			return n, fmt.Errorf("%w：%s 超过 %d MB，不像是填报数据", errUpload, name, engine.MaxInputSize>>20)
		}
	}
}

// keepable are the files a batch folder may hold: inputs and the manifest.
func keepable(name string) bool {
	return engine.IsInput(name) || slices.Contains(batch.ManifestNames, name)
}

func (s *Server) workspace(w http.ResponseWriter, r *http.Request) (*batchMeta, string, bool) {
	m, p, err := s.batches.meta(r.PathValue("id"))
	switch {
	case errors.Is(err, errNotFound):
		s.fail(w, r, http.StatusNotFound, "没有这个批量文件夹", "它可能已被删除；请回到批量处理页面")
		return nil, "", false
	case err != nil:
		s.internal(w, r, r.PathValue("id"), err)
		return nil, "", false
	}
	return m, p, true
}

// unitView is a unit as the batch page lists it.
type unitView struct {
	File     string
	Name     string
	Errors   int
	Warnings int
	Problems []string
}

func (s *Server) batchPage(w http.ResponseWriter, r *http.Request) {
	m, p, ok := s.workspace(w, r)
	if !ok {
		return
	}
	in, out := filepath.Join(p, "input"), filepath.Join(p, "output")
	data := map[string]any{"Batch": m, "Templates": s.templates(), "Run": s.batches.run(m.ID), "Files": listFiles(out)}
	b, err := batch.Prepare(s.eng, in, batch.Options{Template: m.Template, OutDir: out, Jobs: 1})
	if err != nil {
		data["Error"] = engine.Problems(err).Error()
		var e *engine.Error
		if errors.As(err, &e) && e.Msg != "" {
			data["Error"] = e.Msg
		}
		data["ErrorProblems"] = relative(engine.Problems(err), in)
	} else {
		var units []unitView
		good := 0
		for _, u := range b.Units {
			v := unitView{File: filepath.Base(u.Path), Name: u.Name, Errors: len(u.Problems.Errors()), Warnings: len(u.Problems.Warnings())}
			v.Problems = relative(u.Problems, in)
			if u.Err != nil {
				v.Errors++
				v.Problems = append(v.Problems, u.Err.Error())
			}
			if v.Errors == 0 {
				good++
			}
			units = append(units, v)
		}
		data["Units"], data["Good"] = units, good
		data["Notes"] = relative(b.Notes, in)
		data["Ignored"] = b.Ignored
	}
	s.pages.render(w, r, "batch", data)
}

// relative prints problems with file names relative to the workspace's
// input folder: the cadre's own file names, not the server's paths.
func relative(l diag.List, dir string) []string {
	var out []string
	for _, p := range l {
		q := *p
		if rel, err := filepath.Rel(dir, q.Pos.File); err == nil && !strings.HasPrefix(rel, "..") {
			q.Pos.File = rel
		}
		out = append(out, q.Error())
	}
	return out
}

func listFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

// runBatch starts the batch in the background; the page follows its
// progress through batchStatus.
func (s *Server) runBatch(w http.ResponseWriter, r *http.Request) {
	m, p, ok := s.workspace(w, r)
	if !ok {
		return
	}
	limit(w, r, maxForm)
	if err := r.ParseForm(); err != nil {
		s.badForm(w, r, err)
		return
	}
	m.Template = ""
	if key := r.PostFormValue("template"); key != "" {
		t, err := s.eng.LookupTemplate(key)
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, "没有这个报告模板："+key, "请从列表中选择")
			return
		}
		m.Template = t.ID
	}
	started := false
	s.batches.update(m.ID, func(st *runState) {
		if !st.Running {
			*st = runState{Running: true}
			started = true
		}
	})
	if !started {
		s.fail(w, r, http.StatusConflict, "这个批量正在生成", "请等它完成")
		return
	}
	if err := s.batches.saveMeta(p, m); err != nil {
		s.batches.update(m.ID, func(st *runState) { st.Running = false })
		s.internal(w, r, m.ID, err)
		return
	}
	go s.runWorkspace(m, p)
	if wantsJSON(r) {
		writeJSON(w, http.StatusAccepted, s.batches.run(m.ID))
		return
	}
	http.Redirect(w, r, "/batches/"+m.ID, http.StatusSeeOther)
}

func (s *Server) runWorkspace(m *batchMeta, p string) {
	in, out := filepath.Join(p, "input"), filepath.Join(p, "output")
	start := time.Now()
	b, err := batch.Prepare(s.eng, in, batch.Options{Template: m.Template, OutDir: out,
		Progress: func(done, total int) {
			s.batches.update(m.ID, func(st *runState) { st.Done, st.Total = done, total })
		},
		Unit: func(u *batch.Unit) {
			res := unitResult{File: filepath.Base(u.Path), Name: u.Name, OK: !u.Failed()}
			for _, w := range u.Written {
				res.Written = append(res.Written, filepath.Base(w))
			}
			s.batches.update(m.ID, func(st *runState) { st.Units = append(st.Units, res) })
		},
	})
	if err == nil {
		good := 0
		for _, u := range b.Units {
			if !u.Failed() {
				good++
			}
		}
		s.batches.update(m.ID, func(st *runState) { st.Total = good })
		b.Run()
	}
	s.batches.update(m.ID, func(st *runState) {
		st.Running = false
		st.Finished = time.Now().Local().Format("15:04:05")
		switch {
		case err != nil:
			st.Failed, st.Msg = true, "没有运行："+err.Error()
		case b.Failed():
			st.Failed, st.Msg = true, "有单位没有生成，汇总报告也没有生成；请看各单位的问题"
		default:
			st.Msg = "全部生成"
		}
	})
	s.log.Printf("批量 %s（%s）：%s，用时 %s", m.ID, m.Name, s.batches.run(m.ID).Msg, time.Since(start).Round(time.Millisecond))
}

func (s *Server) batchStatus(w http.ResponseWriter, r *http.Request) {
	m, p, ok := s.workspace(w, r)
	if !ok {
		return
	}
	st := s.batches.run(m.ID)
	writeJSON(w, http.StatusOK, map[string]any{"run": st, "files": listFiles(filepath.Join(p, "output"))})
}

// batchFile serves one output file, by a name found in the output folder.
func (s *Server) batchFile(w http.ResponseWriter, r *http.Request) {
	_, p, ok := s.workspace(w, r)
	if !ok {
		return
	}
	name := r.PathValue("name")
	dir := filepath.Join(p, "output")
	if !slices.Contains(listFiles(dir), name) {
		s.fail(w, r, http.StatusNotFound, "没有这个文件："+name, "")
		return
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		s.internal(w, r, r.PathValue("id"), err)
		return
	}
	serveFile(w, name, data, true)
}

// batchZip serves every output file in one zip.
func (s *Server) batchZip(w http.ResponseWriter, r *http.Request) {
	m, p, ok := s.workspace(w, r)
	if !ok {
		return
	}
	dir := filepath.Join(p, "output")
	files := listFiles(dir)
	if len(files) == 0 {
		s.fail(w, r, http.StatusNotFound, "还没有生成任何文件", "请先运行批量生成")
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": m.Name + "_生成结果.zip"}))
	zw := zip.NewWriter(w)
	for _, name := range files {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		hdr := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now(), NonUTF8: false}
		if zf, err := zw.CreateHeader(hdr); err == nil {
			io.Copy(zf, f)
		}
		f.Close()
	}
	zw.Close()
}

// openUnit opens a unit's file as a draft linked to it.
func (s *Server) openUnit(w http.ResponseWriter, r *http.Request) {
	m, p, ok := s.workspace(w, r)
	if !ok {
		return
	}
	name := r.PathValue("name")
	in := filepath.Join(p, "input")
	if !slices.Contains(listFiles(in), name) || !engine.IsInput(name) {
		s.fail(w, r, http.StatusNotFound, "批量文件夹里没有这个文件："+name, "")
		return
	}
	data, err := os.ReadFile(filepath.Join(in, name))
	if err != nil {
		s.internal(w, r, m.ID, err)
		return
	}
	d, probs, err := s.draftFromFile(name, data)
	if err != nil {
		w.WriteHeader(http.StatusUnprocessableEntity)
		s.pages.render(w, r, "error", map[string]any{"Status": http.StatusUnprocessableEntity,
			"Msg": "无法在表单中打开 " + name, "Problems": probs, "Hint": "这个文件需要先在 Excel 或文本编辑器里改好，再重新上传文件夹"})
		return
	}
	d.Unit = &UnitRef{Batch: m.ID, File: name}
	if d.Template == "" {
		d.Template = m.Template
	}
	if err := s.drafts.Create(d); err != nil {
		s.internal(w, r, m.ID, err)
		return
	}
	http.Redirect(w, r, "/drafts/"+d.ID, http.StatusSeeOther)
}

// returnToBatch writes a draft opened from a batch unit back over the
// unit's file, in the file's own format.
func (s *Server) returnToBatch(w http.ResponseWriter, r *http.Request) {
	d, ok := s.draft(w, r)
	if !ok {
		return
	}
	if d.Unit == nil {
		s.fail(w, r, http.StatusBadRequest, "这份草稿不是从批量文件夹打开的", "")
		return
	}
	_, p, err := s.batches.meta(d.Unit.Batch)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "批量文件夹已不存在", "可以在草稿页下载数据，重新放进文件夹")
		return
	}
	in := filepath.Join(p, "input")
	if !slices.Contains(listFiles(in), d.Unit.File) {
		s.fail(w, r, http.StatusNotFound, "批量文件夹里已没有 "+d.Unit.File, "")
		return
	}
	rd := s.layout.read(d)
	if n := len(rd.probs.Errors()); n > 0 {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("表单里有 %d 处内容没有读入，没有保存回批量文件夹", n), "请先按表单上的提示改好")
		return
	}
	var data []byte
	switch strings.ToLower(filepath.Ext(d.Unit.File)) {
	case ".json":
		data = encodeJSON(rd.report)
	case ".xlsx":
		data, err = form.WriteForm(rd.report)
	default:
		data = encodeYAML(rd.report, nil)
	}
	if err == nil {
		err = writeFileAtomic(filepath.Join(in, d.Unit.File), data)
	}
	if err != nil {
		s.internal(w, r, d.ID, err)
		return
	}
	http.Redirect(w, r, "/batches/"+d.Unit.Batch, http.StatusSeeOther)
}

func (s *Server) deleteBatch(w http.ResponseWriter, r *http.Request) {
	m, p, ok := s.workspace(w, r)
	if !ok {
		return
	}
	if s.batches.run(m.ID).Running {
		s.fail(w, r, http.StatusConflict, "这个批量正在生成，不能删除", "请等它完成")
		return
	}
	if err := os.RemoveAll(p); err != nil {
		s.internal(w, r, m.ID, err)
		return
	}
	http.Redirect(w, r, "/batches", http.StatusSeeOther)
}
