package web

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/model"
)

// The web form is the 填报表 in a browser: its sections are the 填报表's
// sheets (form.Sections, built from the model's field table), in the order
// and under the names the issue gives, and what is typed is read by
// form.ReadCells, so that both answer in the same words.

// section is a part of the web form.
type section struct {
	ID     string // anchor and target of its problems: basic, activities
	Title  string
	About  string
	Fields []form.Field // single values, one row each
	Lists  []*list      // tables: one row a list item
}

// list is a table of the web form.
type list struct {
	Path   string // activities, org.overview, problems
	Title  string // shown above the table when it shares a section
	About  string
	Fields []form.Field
	Cards  bool // many columns: each row is shown as a card
}

// Key is the field's key within a row: date for activities.date, "" for
// a sentence of problems.
func (l *list) Key(f form.Field) string {
	return strings.TrimPrefix(strings.TrimPrefix(f.Path, l.Path), ".")
}

// titles names the sections as cadres know them; the 概况 sheet goes
// into 基本信息.
var titles = map[string]struct{ id, title string }{
	form.SheetBasic:      {"basic", "基本信息"},
	form.SheetMembership: {"membership", "会员与会费"},
	form.SheetIndicators: {"indicators", "工作指标"},
	form.SheetActivities: {"activities", "活动"},
	form.SheetProblems:   {"problems", "存在的问题"},
	form.SheetPlans:      {"plans", "下步计划"},
}

// hidden are the 填报表's fields the web form sets itself: the format
// version, and the template, chosen at the top of the page.
var hidden = map[string]bool{"version": true, "report.template": true}

// layout is the web form: its sections and, by field path, where each
// field is shown.
type layout struct {
	sections []*section
	lists    map[string]*list           // by path
	fields   map[string]form.Field      // single fields by path
	where    map[string]fieldPlace      // every field path (list fields without index)
	known    map[string]map[string]bool // list path → keys of its rows
}

type fieldPlace struct {
	section *section
	list    *list
	label   string
}

func newLayout() *layout {
	l := &layout{lists: map[string]*list{}, fields: map[string]form.Field{}, where: map[string]fieldPlace{}, known: map[string]map[string]bool{}}
	var basic *section
	for _, fs := range form.Sections() {
		if fs.Sheet == form.SheetOverview {
			lst := &list{Path: fs.List, Title: "单位概况", About: fs.About, Fields: fs.Fields}
			basic.Lists = append(basic.Lists, lst)
			l.addList(basic, lst)
			continue
		}
		t, ok := titles[fs.Sheet]
		if !ok {
			panic("web: the 填报表 has a sheet the web form does not place: " + fs.Sheet)
		}
		s := &section{ID: t.id, Title: t.title, About: fs.About}
		if fs.List == "" {
			for _, f := range fs.Fields {
				if hidden[f.Path] {
					continue
				}
				s.Fields = append(s.Fields, f)
				l.fields[f.Path] = f
				l.where[f.Path] = fieldPlace{section: s, label: f.Label}
				if p := f.Previous; p != nil {
					l.fields[p.Path] = *p
					l.where[p.Path] = fieldPlace{section: s, label: f.Label + "（上年同期）"}
				}
			}
		} else {
			lst := &list{Path: fs.List, Fields: fs.Fields, Cards: len(fs.Fields) > 5}
			s.Lists = append(s.Lists, lst)
			l.addList(s, lst)
		}
		if fs.Sheet == form.SheetBasic {
			basic = s
		}
		l.sections = append(l.sections, s)
	}
	return l
}

func (l *layout) addList(s *section, lst *list) {
	l.lists[lst.Path] = lst
	l.known[lst.Path] = map[string]bool{}
	l.where[lst.Path] = fieldPlace{section: s, list: lst, label: lst.Title}
	for _, f := range lst.Fields {
		l.known[lst.Path][lst.Key(f)] = true
		l.where[f.Path] = fieldPlace{section: s, list: lst, label: f.Label}
	}
}

// check validates what a draft sends: only the form's own fields, within
// the 填报表's limits.
func (l *layout) check(values map[string]string, rows map[string][]map[string]string) error {
	for k := range values {
		if _, ok := l.fields[k]; !ok {
			return fmt.Errorf("表单里没有字段“%s”", k)
		}
	}
	for p, rs := range rows {
		keys, ok := l.known[p]
		if !ok {
			return fmt.Errorf("表单里没有表格“%s”", p)
		}
		if len(rs) > maxRows {
			return fmt.Errorf("表格“%s”超过 %d 行", p, maxRows)
		}
		for _, r := range rs {
			for k := range r {
				if !keys[k] {
					return fmt.Errorf("表格“%s”里没有“%s”这一列", p, k)
				}
			}
		}
	}
	return nil
}

// maxRows bounds a table of the web form, like the 填报表's sheets.
const maxRows = 10000

// formFile names the web form in problems' positions.
const formFile = "网页表单"

// reading is a draft read as a 填报表: the report, where its fields are,
// the problems of reading it, and which row of the page each list item
// came from (empty rows are skipped, as the 填报表 skips them).
type reading struct {
	report *model.Report
	source *diag.SourceMap
	probs  diag.List
	rowOf  map[string]int // activities[2] → 3: the item's row on the page
}

// read reads a draft by the 填报表's rules.
func (l *layout) read(d *Draft) *reading {
	rd := &reading{rowOf: map[string]int{}}
	values := map[string]string{"version": strconv.Itoa(model.Version)}
	for k, v := range d.Values {
		if _, ok := l.fields[k]; ok && strings.TrimSpace(v) != "" {
			values[k] = v
		}
	}
	items := map[string]int{}
	for path, lst := range l.lists {
		n := 0
		for i, row := range d.Rows[path] {
			if blank(row) {
				continue
			}
			n++
			item := fmt.Sprintf("%s[%d]", path, n)
			rd.rowOf[item] = i + 1
			for _, f := range lst.Fields {
				key := lst.Key(f)
				if v := row[key]; strings.TrimSpace(v) != "" {
					values[item+strings.TrimPrefix(f.Path, path)] = v
				}
			}
		}
		items[path] = n
	}
	if d.Template != "" {
		values["report.template"] = d.Template
	}
	rd.report, rd.source, rd.probs = form.ReadCells(form.Cells{File: formFile, Values: values, Items: items, Pos: func(p string) diag.Pos {
		return diag.Pos{File: formFile, Sheet: l.sectionOf(p), Cell: l.describe(rd.target(p))}
	}})
	return rd
}

func blank(row map[string]string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// splitItem splits a path into a list item and the rest: activities[3].date
// is activities, 3, .date; ok is false for a path outside lists.
func splitItem(path string) (list string, n int, rest string, ok bool) {
	i := strings.IndexByte(path, '[')
	j := strings.IndexByte(path, ']')
	if i <= 0 || j < i {
		return "", 0, "", false
	}
	n, err := strconv.Atoi(path[i+1 : j])
	if err != nil {
		return "", 0, "", false
	}
	return path[:i], n, path[j+1:], true
}

// target turns a problem's field path into the page's: list items are
// numbered by their row on the page, blank rows included.
func (rd *reading) target(path string) string {
	list, n, rest, ok := splitItem(path)
	if !ok {
		return path
	}
	if row, ok := rd.rowOf[list+"["+strconv.Itoa(n)+"]"]; ok {
		return list + "[" + strconv.Itoa(row) + "]" + rest
	}
	return path
}

// sectionOf names the section a field path is in.
func (l *layout) sectionOf(path string) string {
	if p, ok := l.place(path); ok {
		return p.section.Title
	}
	return ""
}

func (l *layout) place(path string) (fieldPlace, bool) {
	bare := path
	if list, _, rest, ok := splitItem(path); ok {
		bare = list + rest
	}
	for p := bare; p != ""; {
		if pl, ok := l.where[p]; ok {
			return pl, true
		}
		i := strings.LastIndex(p, ".")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	first, _, _ := strings.Cut(bare, ".")
	switch first {
	case "org", "period", "report", "version":
		return fieldPlace{section: l.sections[0]}, true
	case "membership":
		return fieldPlace{section: l.section("membership")}, true
	}
	return fieldPlace{}, false
}

func (l *layout) section(id string) *section {
	for _, s := range l.sections {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// describe says where a page path is, as a cadre reads the page: 活动 第3行
// 日期.
func (l *layout) describe(path string) string {
	pl, ok := l.place(path)
	if !ok {
		return ""
	}
	parts := []string{pl.section.Title}
	if pl.list != nil && pl.list.Title != "" {
		parts = append(parts, pl.list.Title)
	}
	if _, n, _, ok := splitItem(path); ok {
		parts = append(parts, "第"+strconv.Itoa(n)+"行")
	}
	if pl.label != "" && pl.label != pl.list.titleOrEmpty() {
		parts = append(parts, pl.label)
	}
	return strings.Join(parts, " ")
}

func (l *list) titleOrEmpty() string {
	if l == nil {
		return ""
	}
	return l.Title
}

// Problem is a problem as the page shows it: next to its field (Target,
// a field path of the page, or a section id, or "template") and in the
// list at the top (Where).
type Problem struct {
	Target  string `json:"target"`
	Where   string `json:"where"`
	Text    string `json:"text"` // what is wrong and what would be right, in the CLI's words
	Warning bool   `json:"warning,omitempty"`
}

// problem converts a positioned problem of the draft.
func (l *layout) problem(rd *reading, p *diag.Problem) Problem {
	target := rd.target(p.Path)
	if target == "" {
		target = "template"
	}
	q := *p
	q.Pos, q.Path, q.Severity = diag.Pos{}, "", diag.Error
	return Problem{Target: target, Where: l.describe(target), Text: l.words(q.Error(), target), Warning: p.Severity == diag.Warning}
}

// checked is what a draft's check found: the problems as the page shows
// them, and the job, ready to render, when there are none.
type checked struct {
	Problems []Problem `json:"problems"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	job      *engine.Job
	err      error // why there is no job: the engine's error
}

// checkDraft reads the draft and prepares it for its template (or, before
// one is chosen, validates it as a summary), for the formats asked.
func (s *Server) checkDraft(d *Draft, formats []string) *checked {
	rd := s.layout.read(d)
	req := engine.Request{Report: rd.report, Source: rd.source, Template: d.Template, Formats: formats}
	if d.Template == "" {
		req.Check = engine.ForValidate
	}
	job, err := s.eng.Prepare(req)
	all := append(diag.List{}, rd.probs...)
	var msg string
	if err != nil {
		var e *engine.Error
		if errors.As(err, &e) {
			all = append(all, e.Problems...)
			msg = e.Msg
			if m, ok := s.unfitText(err, rd.report.Period); ok {
				msg = m
			}
		} else {
			msg = err.Error()
		}
	} else {
		all = append(all, job.Warnings...)
	}
	all.Sort()
	c := &checked{Problems: []Problem{}}
	for _, p := range dedupe(all) {
		q := s.layout.problem(rd, p)
		c.Problems = append(c.Problems, q)
		if q.Warning {
			c.Warnings++
		} else {
			c.Errors++
		}
	}
	if msg != "" {
		c.Problems = append(c.Problems, Problem{Target: "template", Where: "报告模板", Text: msg + "。"})
		c.Errors++
	}
	switch {
	case err != nil:
		c.err = err
	case rd.probs.Err() != nil:
		c.err = fmt.Errorf("有 %d 处内容没有读入", len(rd.probs.Errors()))
	case d.Template == "":
		c.err = errors.New("还没有选择报告模板")
	default:
		c.job = job
	}
	return c
}

// dedupe drops a problem listed twice (a warning of the data that Prepare
// repeats with its error).
func dedupe(l diag.List) diag.List {
	seen := map[string]bool{}
	var out diag.List
	for _, p := range l {
		k := p.Error()
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// draftOf makes a draft's cells of a report read from a file.
func draftOf(r *model.Report, l *layout) *Draft {
	values, items := form.CellsOf(r)
	d := &Draft{Values: map[string]string{}, Rows: map[string][]map[string]string{}, Template: r.Report.Template}
	for k, v := range values {
		if _, ok := l.fields[k]; ok {
			d.Values[k] = v
		}
	}
	for path, lst := range l.lists {
		for i := 1; i <= items[path]; i++ {
			row := map[string]string{}
			prefix := fmt.Sprintf("%s[%d]", path, i)
			for _, f := range lst.Fields {
				if v, ok := values[prefix+strings.TrimPrefix(f.Path, path)]; ok {
					row[lst.Key(f)] = v
				}
			}
			d.Rows[path] = append(d.Rows[path], row)
		}
	}
	return d
}
