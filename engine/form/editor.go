package form

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
)

// The 填报表 without the workbook (editor.go; cells.go is about what Excel stores): the same sheets, fields, prompts and
// dropdowns, and the same reading of what was typed, for an editor that
// shows them another way (huibao serve's web form). What a cadre types in
// either is read by the same code and answered in the same words.

// Section is a sheet of the 填报表 as another editor shows it.
type Section struct {
	Sheet string // 基本信息, 活动: the sheet's name
	// List is the list the sheet holds, one item a row (activities,
	// org.overview, problems); "" for a sheet of single values.
	List   string
	About  string // one line on what the sheet is for, as 填表说明 says it
	Fields []Field
}

// Field is one value of a section: a row of a key–value sheet or a column
// of a table sheet.
type Field struct {
	Path     string // the model's field: org.name, activities.date; problems for a sentence of its own
	Label    string // the header or row label: 经费（元）
	Kind     model.Kind
	Required bool     // must be filled whenever its section or row is
	Prompt   string   // the input message the 填报表 shows
	Example  string   // a typical value as typed
	Choices  []string // the dropdown (span by its Chinese names); nil for none
	Strict   bool     // only the dropdown's values are accepted
	// Previous is the 上年同期 value of a 会员情况 row; nil for none.
	Previous *Field
}

// Sections lists the sheets a cadre fills in, in workbook order.
func Sections() []Section {
	out := []Section{
		{Sheet: SheetBasic, About: "单位、期间和报告本身的信息。", Fields: exported(basicFields())},
		{Sheet: SheetMembership, About: "会员人数和会费，本期与上年同期。", Fields: exported(membershipFields())},
	}
	for _, t := range tables() {
		out = append(out, Section{Sheet: t.sheet, List: t.path, About: t.about, Fields: exported(t.fields)})
	}
	return out
}

func exported(fields []field) []Field {
	out := make([]Field, len(fields))
	for i, fd := range fields {
		out[i] = exportField(fd)
		if !strings.HasPrefix(fd.path, "membership.") {
			continue
		}
		if p, ok := previous(fd); ok {
			pf := exportField(p)
			pf.Label = "上年同期"
			out[i].Previous = &pf
		}
	}
	return out
}

func exportField(fd field) Field {
	return Field{Path: fd.path, Label: fd.label, Kind: fd.kind, Required: fd.of.Required, Prompt: fd.prompt,
		Example: fd.example, Choices: fd.list, Strict: fd.strict}
}

// Cells is what a cadre typed into a 填报表 held elsewhere, cell by cell.
type Cells struct {
	File string // names the input in messages
	// Values holds the text of each filled cell by field path, list items
	// numbered from 1 and without empty rows: org.name,
	// membership.previous.members, activities[2].date, problems[3].
	Values map[string]string
	// Items is the number of items of each list: activities: 3.
	Items map[string]int
	// Pos says where the editor shows a field path; it is asked for every
	// field, item and section (org, activities[2], activities).
	Pos func(path string) diag.Pos
}

// ReadCells reads cells as ReadForm reads a workbook's: every value parsed
// by the rules of its column, each problem at the position Pos gives with
// the field path, and the SourceMap filled the same way, so that
// validation finds every field, and every empty required one, where the
// editor shows it.
//
// One difference: 会员情况 counts as filled in only when one of its cells
// is. A web form always shows the section, where a workbook may have the
// sheet removed, and a plan need not report membership.
func ReadCells(c Cells) (*model.Report, *diag.SourceMap, diag.List) {
	rd := &reader{file: c.File, sm: diag.NewSourceMap(c.File)}
	r := &model.Report{}
	for _, p := range []string{"org", "period", "report"} {
		rd.sm.Set(p, c.Pos(p))
	}
	// Values first, then dates, which may be written without a year and
	// take it from the period (as basic reads its sheet).
	for _, dates := range []bool{false, true} {
		for _, fd := range basicFields() {
			if isDate(fd.kind) != dates {
				continue
			}
			rd.period = r.Period
			if v, ok := rd.value(fd, fd.path, c.Pos(fd.path), c.Values[fd.path]); ok {
				fd.of.Set(r, v)
			}
		}
	}
	rd.period = r.Period
	for _, p := range []string{"org.leader.title", "org.leader.name"} {
		if rd.sm.Has(p) {
			rd.sm.Set("org.leader", rd.sm.Pos(p))
			break
		}
	}
	for _, fd := range membershipFields() {
		if v, ok := rd.value(fd, fd.path, c.Pos(fd.path), c.Values[fd.path]); ok {
			fd.of.Set(r, v)
			rd.sm.Set("membership", c.Pos("membership"))
		}
		if pfd, ok := previous(fd); ok {
			if v, ok := rd.value(pfd, pfd.path, c.Pos(pfd.path), c.Values[pfd.path]); ok {
				pfd.of.Set(r, v)
				rd.sm.Set("membership", c.Pos("membership"))
				if !rd.sm.Has("membership.previous") {
					rd.sm.Set("membership.previous", rd.sm.Pos(pfd.path))
				}
			}
		}
	}
	for _, t := range tables() {
		rd.sm.Set(t.path, c.Pos(t.path))
		list := t.list()
		n := min(c.Items[t.path], maxItems)
		for i := 1; i <= n; i++ {
			path := fmt.Sprintf("%s[%d]", t.path, i)
			rd.sm.Set(path, c.Pos(path))
			list.Append(r, rd.item(t, path, func(j int) (diag.Pos, string, bool) {
				p := path + strings.TrimPrefix(t.fields[j].path, t.path)
				return c.Pos(p), c.Values[p], true
			}))
		}
		if c.Items[t.path] > maxItems {
			rd.probs.Add(c.Pos(t.path), t.path, fmt.Sprintf("“%s”超过 %d 行，后面的不再读入", t.sheet, maxItems), "请检查是否有大量无用的行")
		}
	}
	return r, rd.sm, rd.probs
}

// CellsOf is what a 填报表 of r shows, as text: the inverse of ReadCells,
// for an editor that opens an input file. Empty cells are left out.
func CellsOf(r *model.Report) (values map[string]string, items map[string]int) {
	values, items = map[string]string{}, map[string]int{}
	put := func(path string, fd field, holder any) {
		if s := cellText(cellValue(fd, holder)); s != "" {
			values[path] = s
		}
	}
	for _, fd := range basicFields() {
		put(fd.path, fd, r)
	}
	for _, fd := range membershipFields() {
		if r.Membership == (model.Membership{}) {
			break // not reported (a plan): empty, not zeros
		}
		put(fd.path, fd, r)
		if pfd, ok := previous(fd); ok {
			put(pfd.path, pfd, r)
		}
	}
	for _, t := range tables() {
		list := t.list()
		all := list.Items(r)
		items[t.path] = len(all)
		for i, item := range all {
			path := fmt.Sprintf("%s[%d]", t.path, i+1)
			for _, fd := range t.fields {
				p := path + strings.TrimPrefix(fd.path, t.path)
				if list.Kind == model.KindTextList {
					if s := *item.(*string); s != "" {
						values[p] = s
					}
					continue
				}
				put(p, fd, item)
			}
		}
	}
	return values, items
}

// cellText is the text of a value as cellValue types it.
func cellText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case decimal.Decimal:
		return v.String()
	case model.Date:
		return v.String()
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}
