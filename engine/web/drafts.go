package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/model"
)

// templateInfo is a template as the pages offer it.
type templateInfo struct {
	ID, Name, Kind, Description, Spans string
	Codes                              string // the spans it accepts, as codes: H1 H2 range
}

func (s *Server) templates() []templateInfo {
	var out []templateInfo
	for _, t := range s.eng.Templates() {
		out = append(out, templateInfo{ID: t.ID, Name: t.Name, Kind: string(t.Kind), Description: t.Description, Spans: t.SpanNames(),
			Codes: strings.Join(t.Spans, " ")})
	}
	return out
}

// spanChoice is a period span as the new-report form offers it.
type spanChoice struct{ Code, Name string }

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	drafts, err := s.drafts.List()
	if err != nil {
		s.internal(w, r, "", err)
		return
	}
	var spans []spanChoice
	for _, sp := range model.Spans() {
		spans = append(spans, spanChoice{string(sp), sp.Name()})
	}
	names := map[string]string{}
	for _, t := range s.templates() {
		names[t.ID] = t.Name
	}
	type row struct {
		ID, Title, Template, Updated, Source string
		Unit                                 *UnitRef
	}
	var rows []row
	for _, d := range drafts {
		rows = append(rows, row{ID: d.ID, Title: d.Title(), Template: names[d.Template], Updated: localTime(d.Updated), Source: d.Source, Unit: d.Unit})
	}
	s.pages.render(w, r, "home", map[string]any{
		"Drafts": rows, "Templates": s.templates(), "OrgTypes": model.OrgTypes(), "Spans": spans,
		"Year": time.Now().Year(), "Accept": ".yaml,.yml,.json,.xlsx",
	})
}

func localTime(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

// createDraft starts a report from the new-report form: unit, period and
// template.
func (s *Server) createDraft(w http.ResponseWriter, r *http.Request) {
	limit(w, r, maxForm)
	if err := r.ParseForm(); err != nil {
		s.badForm(w, r, err)
		return
	}
	d := &Draft{Values: map[string]string{}, Rows: map[string][]map[string]string{}}
	for _, k := range []string{"org.name", "org.type", "period.year", "period.start", "period.end"} {
		if v := strings.TrimSpace(r.PostFormValue(k)); v != "" {
			d.Values[k] = v
		}
	}
	switch span := model.Span(r.PostFormValue("period.span")); {
	case span == "range":
		delete(d.Values, "period.year")
	case span.Valid():
		d.Values["period.span"] = span.Name()
		delete(d.Values, "period.start")
		delete(d.Values, "period.end")
	}
	if key := r.PostFormValue("template"); key != "" {
		t, err := s.eng.LookupTemplate(key)
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, "没有这个报告模板："+key, "请从列表中选择")
			return
		}
		d.Template = t.ID
	}
	if err := s.drafts.Create(d); err != nil {
		s.internal(w, r, "", err)
		return
	}
	http.Redirect(w, r, "/drafts/"+d.ID, http.StatusSeeOther)
}

func (s *Server) badForm(w http.ResponseWriter, r *http.Request, err error) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		s.tooLarge(w, r, mb.Limit)
		return
	}
	s.fail(w, r, http.StatusBadRequest, "提交的内容无法读取", "请刷新页面后再试")
}

// importDraft opens an input file — YAML, JSON or a 填报表 — as a draft,
// read by the CLI's loaders with their limits.
func (s *Server) importDraft(w http.ResponseWriter, r *http.Request) {
	limit(w, r, maxUpload)
	name, data, err := uploaded(r)
	if err != nil {
		s.badUpload(w, r, err)
		return
	}
	d, probs, err := s.draftFromFile(name, data)
	if err != nil {
		w.WriteHeader(http.StatusUnprocessableEntity)
		s.pages.render(w, r, "error", map[string]any{"Status": http.StatusUnprocessableEntity,
			"Msg": "无法打开 " + name, "Problems": probs, "Hint": "请改正后再打开，或新建一份报告"})
		return
	}
	if err := s.drafts.Create(d); err != nil {
		s.internal(w, r, "", err)
		return
	}
	http.Redirect(w, r, "/drafts/"+d.ID, http.StatusSeeOther)
}

// uploaded reads the one file of a multipart form, by its base name.
func uploaded(r *http.Request) (string, []byte, error) {
	f, fh, err := r.FormFile("file")
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return "", nil, err
	}
	return baseName(fh.Filename), data, nil
}

// baseName is a file name sent by a browser without any folder, whichever
// separator it uses.
func baseName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	return filepath.Base("/" + name)
}

func (s *Server) badUpload(w http.ResponseWriter, r *http.Request, err error) {
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		s.tooLarge(w, r, mb.Limit)
	case errors.Is(err, http.ErrMissingFile):
		s.fail(w, r, http.StatusBadRequest, "没有选择文件", "请先选择一个 .yaml、.json 或 .xlsx 文件")
	default:
		s.fail(w, r, http.StatusBadRequest, "上传的文件无法读取", "请重新选择文件再试")
	}
}

// draftFromFile reads an input file into a new draft. The problems are the
// file's, in the CLI's words and positions; the draft keeps them as notes.
// The error means nothing could be read.
func (s *Server) draftFromFile(name string, data []byte) (*Draft, diag.List, error) {
	if !engine.IsInput(name) {
		return nil, diag.List{{Pos: diag.Pos{File: name}, Msg: fmt.Sprintf("不认识的文件类型“%s”", filepath.Ext(name)),
			Hint: "请选择 .yaml、.yml、.json 或 .xlsx（填报表）文件"}}, errors.New("not an input")
	}
	j, err := s.eng.Prepare(engine.Request{Name: name, Data: data, Check: engine.DataOnly})
	var probs diag.List
	if err != nil {
		probs = engine.Problems(err)
	} else {
		probs = j.Warnings
	}
	if j == nil || j.Report == nil {
		return nil, probs, errors.New("unreadable")
	}
	d := draftOf(j.Report, s.layout)
	d.Source = name
	if d.Template != "" {
		if t, err := s.eng.LookupTemplate(d.Template); err == nil {
			d.Template = t.ID
		} else {
			probs = append(probs, &diag.Problem{Pos: j.Source.Pos("report.template"), Path: "report.template",
				Msg: fmt.Sprintf("没有找到模板“%s”", d.Template), Hint: "请在页面上方选择报告模板"})
			d.Template = ""
		}
	}
	for _, p := range probs {
		q := *p
		q.Pos = diag.Pos{}
		target := p.Path
		d.Notes = append(d.Notes, Problem{Target: target, Where: p.Pos.String(), Text: s.layout.words((&q).Error(), target), Warning: p.Severity == diag.Warning})
	}
	return d, probs, nil
}

// formatInfo is an output format as the download list shows it.
type formatInfo struct{ Name, Ext, Desc string }

func formatList() []formatInfo {
	var out []formatInfo
	for _, f := range engine.Formats() {
		out = append(out, formatInfo{f.Name, f.Ext, f.Desc})
	}
	return out
}

func (s *Server) draft(w http.ResponseWriter, r *http.Request) (*Draft, bool) {
	d, err := s.drafts.Get(r.PathValue("id"))
	switch {
	case errors.Is(err, errNotFound):
		s.fail(w, r, http.StatusNotFound, "没有这份草稿", "它可能已被删除；请回到首页从草稿列表打开")
		return nil, false
	case err != nil:
		s.internal(w, r, r.PathValue("id"), err)
		return nil, false
	}
	return d, true
}

func (s *Server) editor(w http.ResponseWriter, r *http.Request) {
	d, ok := s.draft(w, r)
	if !ok {
		return
	}
	c := s.checked(d)
	rows := map[string][]map[string]string{}
	for p := range s.layout.lists {
		rows[p] = d.Rows[p]
		if len(rows[p]) == 0 && p != "org.overview" {
			rows[p] = []map[string]string{{}} // one empty row to start typing in
		}
	}
	s.pages.render(w, r, "editor", map[string]any{
		"Draft": d, "Title": d.Title(), "Sections": s.layout.sections, "Rows": rows, "Templates": s.templates(),
		"Formats": formatList(), "Check": c, "Spans": model.Spans(),
	})
}

// saveRequest is what the page sends on every change.
type saveRequest struct {
	Rev          int                            `json:"rev"`
	Template     string                         `json:"template"`
	Values       map[string]string              `json:"values"`
	Rows         map[string][]map[string]string `json:"rows"`
	DismissNotes bool                           `json:"dismissNotes"`
}

// saveResponse is the draft's new revision and its check.
type saveResponse struct {
	Rev   int    `json:"rev"`
	Saved string `json:"saved"`
	*checked
}

func (s *Server) saveDraft(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	limit(w, r, maxSave)
	var req saveRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.badForm(w, r, err)
		return
	}
	if err := s.layout.check(req.Values, req.Rows); err != nil {
		s.fail(w, r, http.StatusBadRequest, "提交的内容不对："+err.Error(), "请刷新页面后再试")
		return
	}
	if req.Template != "" {
		t, err := s.eng.LookupTemplate(req.Template)
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, "没有这个报告模板："+req.Template, "请从列表中选择")
			return
		}
		req.Template = t.ID
	}
	d, err := s.drafts.Update(id, req.Rev, func(d *Draft) error {
		d.Template, d.Values, d.Rows = req.Template, req.Values, req.Rows
		if d.Values == nil {
			d.Values = map[string]string{}
		}
		if d.Rows == nil {
			d.Rows = map[string][]map[string]string{}
		}
		if req.DismissNotes {
			d.Notes = nil
		}
		return nil
	})
	switch {
	case errors.Is(err, errNotFound):
		s.fail(w, r, http.StatusNotFound, "没有这份草稿", "它可能已被删除；请回到首页")
		return
	case errors.Is(err, errStale):
		writeJSON(w, http.StatusConflict, map[string]any{"error": "这份草稿已在别的窗口里改过，这次的修改没有保存",
			"hint": "请刷新页面，在最新的内容上再改", "rev": d.Rev})
		return
	case err != nil:
		s.internal(w, r, id, err)
		return
	}
	writeJSON(w, http.StatusOK, saveResponse{Rev: d.Rev, Saved: d.Updated.Local().Format("15:04:05"), checked: s.checked(d)})
}

func (s *Server) checkHandler(w http.ResponseWriter, r *http.Request) {
	d, ok := s.draft(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, saveResponse{Rev: d.Rev, Saved: d.Updated.Local().Format("15:04:05"), checked: s.checked(d)})
}

// preview is the report as an HTML page, for the preview pane; while the
// draft has problems, a page saying so.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	d, ok := s.draft(w, r)
	if !ok {
		return
	}
	out, c, err := s.rendered(d, "html")
	if err != nil {
		s.notReady(w, r, d, c, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(out.Data)
}

func (s *Server) previewPDF(w http.ResponseWriter, r *http.Request) {
	d, ok := s.draft(w, r)
	if !ok {
		return
	}
	out, c, err := s.rendered(d, "pdf")
	if err != nil {
		s.notReady(w, r, d, c, err)
		return
	}
	serveFile(w, out.Name, out.Data, false)
}

// notReady answers a preview or download that cannot be made.
func (s *Server) notReady(w http.ResponseWriter, r *http.Request, d *Draft, c *checked, err error) {
	status := http.StatusConflict
	msg, hint := "还不能生成报告", "请先按表单中标出的提示修改"
	switch {
	case c != nil && c.job == nil && d.Template == "":
		msg, hint = "还没有选择报告模板", "请在页面上方选择报告模板"
	case c != nil && c.job == nil:
		msg = fmt.Sprintf("还有 %d 处问题，改好后才能生成报告", c.Errors)
	case engine.Kind(err) == engine.InputError:
		msg, hint = err.Error(), "请修改表单后再试"
	default:
		status = http.StatusInternalServerError
		msg, hint = "生成报告时出错："+err.Error(), "这多半是模板或本机字体的问题；请把运行 huibao serve 的窗口里的信息发给维护者"
		s.log.Printf("错误 草稿 %s：%v", d.ID, err)
	}
	w.WriteHeader(status)
	data := map[string]any{"Status": status, "Msg": msg, "Hint": hint, "Inline": r.URL.Query().Has("inline")}
	if c != nil {
		data["Checked"] = c.Problems
	}
	s.pages.render(w, r, "error", data)
}

// download serves one file of the draft: a report format, the data as
// YAML (kind yaml) or as a 填报表 (kind form).
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	d, ok := s.draft(w, r)
	if !ok {
		return
	}
	kind := r.PathValue("kind")
	switch kind {
	case "yaml", "form":
		rd := s.layout.read(d)
		name := dataName(rd.report, d)
		var data []byte
		var err error
		if kind == "yaml" {
			data = encodeYAML(rd.report, rd.probs)
			name += ".yaml"
		} else {
			data, err = form.WriteForm(rd.report)
			name += "_填报表.xlsx"
		}
		if err != nil {
			s.internal(w, r, d.ID, err)
			return
		}
		serveFile(w, name, data, true)
		return
	}
	if _, err := engine.LookupFormat(kind); err != nil {
		s.fail(w, r, http.StatusNotFound, "没有这种下载格式："+kind, "")
		return
	}
	out, c, err := s.rendered(d, kind)
	if err != nil {
		s.notReady(w, r, d, c, err)
		return
	}
	serveFile(w, out.Name, out.Data, true)
}

// dataName names the draft's data files: 单位名_期间_填报数据.
func dataName(r *model.Report, d *Draft) string {
	if r.Org.Name == "" || r.Period.Year == 0 && r.Period.Start.IsZero() {
		return "草稿" + d.ID[:6]
	}
	return engine.FileStem(r.Org.Name, r.Period, "填报数据")
}

// serveFile sends a file under its name, as a download or to show.
func serveFile(w http.ResponseWriter, name string, data []byte, attachment bool) {
	disp := "inline"
	if attachment {
		disp = "attachment"
	}
	ctype := mime.TypeByExtension(filepath.Ext(name))
	switch filepath.Ext(name) {
	case ".md", ".yaml":
		ctype = "text/plain; charset=utf-8"
	case ".xlsx":
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".docx":
		ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType(disp, map[string]string{"filename": name}))
	http.ServeContent(w, &http.Request{}, name, time.Time{}, bytes.NewReader(data))
}

func (s *Server) deleteDraft(w http.ResponseWriter, r *http.Request) {
	err := s.drafts.Delete(r.PathValue("id"))
	switch {
	case errors.Is(err, errNotFound):
		s.fail(w, r, http.StatusNotFound, "没有这份草稿", "")
		return
	case err != nil:
		s.internal(w, r, r.PathValue("id"), err)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// The cache holds, per draft revision and template, the check and the
// files rendered, so that the preview after a save, or a download after a
// preview, does not prepare the same data again.
type cacheKey struct {
	id       string
	rev      int
	template string
	format   string // "" for the check
}

type cached struct {
	check *checked
	out   *engine.Output
	err   error
}

const cacheSize = 256

func (s *Server) cacheGet(k cacheKey) (*cached, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.cache[k]
	return c, ok
}

func (s *Server) cachePut(k cacheKey, c *cached) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.cache[k]; !ok {
		s.order = append(s.order, k)
	}
	s.cache[k] = c
	for len(s.order) > cacheSize {
		delete(s.cache, s.order[0])
		s.order = s.order[1:]
	}
}

// turn waits for a turn to check or render (Server.work); the function
// it returns ends the turn.
func (s *Server) turn() func() {
	s.work <- struct{}{}
	return func() { <-s.work }
}

// checked is the draft's check, made once per revision.
func (s *Server) checked(d *Draft) *checked {
	k := cacheKey{d.ID, d.Rev, d.Template, ""}
	if c, ok := s.cacheGet(k); ok {
		return c.check
	}
	defer s.turn()()
	if c, ok := s.cacheGet(k); ok { // made while this waited
		return c.check
	}
	c := s.checkDraft(d, nil)
	s.cachePut(k, &cached{check: c})
	return c
}

// rendered is one file of the draft's report, made once per revision.
func (s *Server) rendered(d *Draft, format string) (*engine.Output, *checked, error) {
	c := s.checked(d)
	if c.job == nil {
		return nil, c, c.err
	}
	k := cacheKey{d.ID, d.Rev, d.Template, format}
	if hit, ok := s.cacheGet(k); ok {
		return hit.out, c, hit.err
	}
	defer s.turn()()
	if hit, ok := s.cacheGet(k); ok {
		return hit.out, c, hit.err
	}
	f, err := engine.LookupFormat(format)
	if err != nil {
		return nil, c, err
	}
	job := *c.job
	job.Formats = []*engine.Format{f}
	res, err := s.eng.Render(&job)
	var out *engine.Output
	if err == nil {
		out = &res.Outputs[0]
	}
	s.cachePut(k, &cached{out: out, err: err})
	return out, c, err
}
