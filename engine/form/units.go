package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/xuri/excelize/v2"
)

// A 多单位填报表 carries several units — a street's communities, typed in by
// the street or gathered from theirs — in one workbook, for huibao batch:
//
//	填表说明   instructions; never read
//	基本信息   what the units share: version, 上级工会, period, report
//	多单位     one row a unit: 单位名称 单位类型 同级党组织 负责人职务 负责人姓名
//	           在册会员 缴费会员 会费收缴（元） 新发展会员, their 上年同期, and
//	           its own 成文日期 if it has one
//	工作指标, 活动, 问题, 计划, 概况
//	           as in the 填报表, with a first column 单位名称 that says
//	           whose each row is
//
// Every unit's report is the shared 基本信息 with its own row of 多单位 and
// its own rows of the tables; its source map points at those cells, and a
// problem of a cell goes to the unit whose row it is on.

// SheetUnits is the sheet of a workbook of several units that lists them.
const SheetUnits = "多单位"

// unitFields are the columns of 多单位, in order.
func unitFields() []field {
	return resolve(
		field{path: "org.name", width: 20, example: "某某社区工会", prompt: "必填：工会的全称，一行一个单位，不要重复。"},
		field{path: "org.type", width: 12, example: "社区工会", prompt: "从下拉列表选择，也可自填。"},
		field{path: "org.party", width: 16, example: "某某社区党委", prompt: "可不填。"},
		field{path: "org.leader.title", width: 12, example: "工会主席", prompt: "可不填。"},
		field{path: "org.leader.name", width: 12, example: "王某", prompt: "可不填。"},
		field{path: "membership.members", width: 10, example: "152", prompt: "在册会员人数（人）。"},
		field{path: "membership.dues_paying", width: 10, example: "139", prompt: "本期缴纳会费的会员人数（人），不超过在册会员。"},
		field{path: "membership.dues_collected", width: 12, example: "4509.50", prompt: "本期收缴会费金额，单位元。"},
		field{path: "membership.new_members", width: 10, example: "12", prompt: "本期新发展会员人数（人），可不填。"},
		field{path: "membership.previous.members", width: 12, example: "140", prompt: "上年同期的在册会员人数（人），可不填。"},
		field{path: "membership.previous.dues_paying", width: 12, example: "130", prompt: "上年同期缴纳会费的会员人数（人），可不填。"},
		field{path: "membership.previous.dues_collected", width: 14, example: "4100", prompt: "上年同期收缴的会费金额，单位元，可不填。"},
		field{path: "report.date", width: 14, example: "", prompt: "这个单位报告的成文日期，可不填：不填时用基本信息里的成文日期。"},
	)
}

// unitColumn is the first column of a table sheet of 多单位填报表.
func unitColumn() field {
	return resolve(field{path: "org.name", width: 20, example: "某某社区工会", prompt: "这一行是哪个单位的：填“多单位”表里的单位名称。"})[0]
}

// sharedFields are the rows of 基本信息 in a 多单位填报表: those of the
// 填报表 that are not a unit's own.
func sharedFields() []field {
	return slices.DeleteFunc(basicFields(), func(fd field) bool {
		return fd.path != "org.parent" && strings.HasPrefix(fd.path, "org.")
	})
}

// withUnit is a table of the 填报表 with 单位名称 first.
func withUnit(t table) table {
	t.fields = append([]field{unitColumn()}, t.fields...)
	return t
}

// Unit is one union of a 多单位填报表.
type Unit struct {
	Report   *model.Report
	Source   *diag.SourceMap // its cells, by its own field paths
	Problems diag.List       // what is wrong with its cells
}

// ReadUnits reads a 多单位填报表: one report for each row of 多单位, in
// order, each with the source map of its cells and the problems of its
// cells, and the problems of the workbook as a whole (its structure, the
// shared 基本信息, rows that name no unit). multi is false, and nothing
// read, for a workbook without a 多单位 sheet: a 填报表 of one unit, for
// ReadForm.
func ReadUnits(file string, data []byte) (units []Unit, probs diag.List, multi bool) {
	wb, err := book.Open(data)
	if err != nil {
		return nil, nil, false // ReadForm says what it is
	}
	if !slices.ContainsFunc(wb.Sheets, func(s string) bool { return normal(s) == SheetUnits }) {
		return nil, nil, false
	}
	shared := &reader{file: file, sm: diag.NewSourceMap(file), wb: wb, date1904: wb.Date1904, read: map[string]*book.Sheet{}}
	u := &unitsReader{reader: shared, byName: map[string]int{}, rowOf: map[string]int{}}
	u.read()
	return u.units, u.probs, true
}

// unitsReader reads a 多单位填报表. Its reader's source map and problems
// are switched to a unit's while that unit's cells are read.
type unitsReader struct {
	*reader
	units  []Unit
	byName map[string]int // unit by name, for the rows of the tables
	rowOf  map[string]int // its row on 多单位, 0-based
	shared *model.Report  // 基本信息
}

// as runs fn with the reader recording into unit i's source map and
// problems.
func (u *unitsReader) as(i int, fn func()) {
	sm, probs := u.sm, u.probs
	u.sm, u.probs = u.units[i].Source, u.units[i].Problems
	fn()
	u.units[i].Source, u.units[i].Problems = u.sm, u.probs
	u.sm, u.probs = sm, probs
}

func (u *unitsReader) read() {
	found := map[string]string{}
	var unknown []string
	known := append([]string{SheetUnits}, orderedSheets()...)
	for _, name := range u.wb.Sheets {
		key := normal(name)
		switch {
		case slices.Contains(known, key):
			if prev, dup := found[key]; dup {
				u.probs.Add(u.sheetPos(name), "", fmt.Sprintf("工作表“%s”和“%s”重复", name, prev), "请只保留一个")
				continue
			}
			found[key] = name
		case u.empty(name):
		default:
			unknown = append(unknown, name)
		}
	}
	u.unknownSheets(unknown, found)
	if name, ok := found[SheetMembership]; ok {
		u.probs.Warn(u.sheetPos(name), "", "多单位填报表的会员情况填在“多单位”表里，工作表“"+name+"”没有读入", "请把各单位的会员数字填到“多单位”表中各单位的那一行")
	}
	basic, hasBasic := found[SheetBasic]
	u.shared = &model.Report{}
	if hasBasic {
		u.basic(u.shared, basic)
	} else {
		u.probs.Add(diag.Pos{File: u.file}, "period", "缺少工作表“基本信息”", "请用 huibao init --units 生成的多单位填报表填写，不要删除或改名工作表")
	}
	u.list(found[SheetUnits], basic, hasBasic)
	for _, t := range tables() {
		if name, ok := found[t.sheet]; ok {
			u.table(t, name)
		}
	}
}

// list reads 多单位: a unit a row, each starting from the shared 基本信息.
func (u *unitsReader) list(sheet, basic string, hasBasic bool) {
	t := table{sheet: SheetUnits, path: "org", fields: unitFields()}
	rows, wide := u.grid(sheet)
	header, cols, gone := u.header(t, sheet, rows)
	if header < 0 {
		if !u.empty(sheet) {
			return // header reported it
		}
		u.probs.Add(u.sheetPos(sheet), "", "“多单位”表里没有单位", "请一行填一个单位：单位名称、在册会员、缴费会员、会费收缴……")
		return
	}
	u.across(sheet, wide, header+1, cols, labelList(t.fields))
	for i := header + 1; i < len(rows); i++ {
		if blankRow(rows[i]) || i == header+1 && isExample(t, rows[i], cols) {
			continue
		}
		name := clean(at(rows, i, cols[0]))
		if name == "" {
			u.probs.Add(u.pos(sheet, max(cols[0], 0), i), "org.name", "这一行没有单位名称", "请填写单位名称，或删去这一行")
			continue
		}
		if prev, dup := u.rowOf[name]; dup {
			u.probs.Add(u.pos(sheet, cols[0], i), "org.name", fmt.Sprintf("单位“%s”出现了两次（另一行是第%d行）", name, prev+1),
				"一个单位只占一行；请删去重复的一行，或改正单位名称")
			continue
		}
		u.rowOf[name] = i
		r := &model.Report{}
		unit := Unit{Report: r, Source: diag.NewSourceMap(u.file)}
		u.units = append(u.units, unit)
		k := len(u.units) - 1
		u.byName[name] = k
		u.as(k, func() {
			if hasBasic {
				// The shared rows, read again into this unit with its
				// own source map; their problems were reported once, for
				// the workbook.
				probs := u.probs
				u.basic(r, basic)
				u.probs = probs
			}
			first := u.pos(sheet, cols[0], i)
			for _, p := range []string{"org", "membership"} {
				u.sm.Set(p, first)
			}
			for _, j := range gone {
				u.sm.MarkInvalid(t.fields[j].path)
			}
			for j, fd := range t.fields {
				if cols[j] < 0 {
					continue
				}
				if v, ok := u.value(fd, fd.path, u.pos(sheet, cols[j], i), at(rows, i, cols[j])); ok {
					fd.of.Set(r, v)
					if strings.HasPrefix(fd.path, "membership.previous.") && !u.sm.Has("membership.previous") {
						u.sm.Set("membership.previous", u.sm.Pos(fd.path))
					}
				}
			}
			for _, p := range []string{"org.leader.title", "org.leader.name"} {
				if u.sm.Has(p) {
					u.sm.Set("org.leader", u.sm.Pos(p))
					break
				}
			}
		})
	}
	if len(u.units) == 0 && u.probs.Err() == nil {
		u.probs.Add(u.sheetPos(sheet), "", "“多单位”表里没有单位", "请一行填一个单位：单位名称、在册会员、缴费会员、会费收缴……")
	}
}

// table reads a table sheet whose first column says whose each row is.
func (u *unitsReader) table(t table, sheet string) {
	tt := withUnit(t)
	rows, wide := u.grid(sheet)
	header, cols, gone := u.header(tt, sheet, rows)
	if header < 0 || cols[0] < 0 {
		return // reported: no header, or no 单位名称 column
	}
	u.across(sheet, wide, header+1, cols, labelList(tt.fields))
	for k := range u.units {
		u.as(k, func() { u.sm.Set(t.path, u.sheetPos(sheet)) })
	}
	items := map[int]int{}
	names := slices.Collect(func(yield func(string) bool) {
		for n := range u.byName {
			if !yield(n) {
				return
			}
		}
	})
	slices.Sort(names)
	for i := header + 1; i < len(rows); i++ {
		if blankRow(rows[i]) || i == header+1 && isExample(tt, rows[i], cols) {
			continue
		}
		name := clean(at(rows, i, cols[0]))
		k, ok := u.byName[name]
		if !ok {
			msg, hint := "这一行没有填单位名称", "请填写“多单位”表里的单位名称，如 "+strings.Join(names[:min(3, len(names))], "、")
			if name != "" {
				msg = fmt.Sprintf("“%s”不是“多单位”表里的单位", name)
				if s := diag.Suggest(name, names); s != "" {
					hint = "是不是“" + s + "”？单位名称要与“多单位”表里的一字不差"
				}
			}
			u.probs.Add(u.pos(sheet, cols[0], i), "", msg, hint)
			continue
		}
		items[k]++
		if items[k] > maxItems {
			continue
		}
		path := fmt.Sprintf("%s[%d]", t.path, items[k])
		u.as(k, func() {
			first := slices.IndexFunc(rows[i], func(c string) bool { return clean(c) != "" })
			u.sm.Set(path, u.pos(sheet, first, i))
			for _, j := range gone {
				u.sm.MarkInvalid(path + strings.TrimPrefix(tt.fields[j].path, t.path))
			}
			if i == header+1 {
				u.exampleLeft(t, sheet, rows[i], i, cols[1:], path)
			}
			t.list().Append(u.units[k].Report, u.item(t, path, func(j int) (diag.Pos, string, bool) {
				c := cols[j+1]
				if c < 0 {
					return diag.Pos{}, "", false
				}
				return u.pos(sheet, c, i), at(rows, i, c), true
			}))
		})
	}
}

// WriteUnits writes a 多单位填报表: with no reports the empty workbook of
// huibao init --units, with them the same filled in, which ReadUnits reads
// back to the same reports. The reports share 基本信息: the first one's
// period, report and 上级工会.
func WriteUnits(reports []*model.Report) ([]byte, error) {
	f := excelize.NewFile()
	defer book.Close(f)
	if err := f.SetDefaultFont(font); err != nil {
		return nil, err
	}
	w := &writer{f: f, styles: map[string]int{}, units: reports, multi: true}
	if len(reports) > 0 {
		w.r = reports[0]
	}
	steps := []func() error{w.guide, w.basic, w.unitList}
	for _, t := range tables() {
		steps = append(steps, func() error { return w.table(withUnit(t)) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("form: writing the 多单位填报表: %w", err)
		}
	}
	w.unlockDefault()
	if w.err != nil {
		return nil, fmt.Errorf("form: writing the 多单位填报表: %w", w.err)
	}
	props := book.Props{Title: "工会工作数据填报表（多单位）", Subject: "huibao 多单位填报表", Date: blankFormDate()}
	if w.r != nil {
		props.Title = w.r.Org.Parent + "各单位数据填报表"
		props.Creator = w.r.Org.Parent
		props.Date = w.r.IssueDate()
	}
	return book.Save(f, props)
}

// unitList writes 多单位: a table of the units' own rows.
func (w *writer) unitList() error {
	return w.table(table{sheet: SheetUnits, path: "org", about: "一行一个单位：单位名称、会员和会费。", fields: unitFields()})
}

// unitRows are the rows of a table sheet of a 多单位填报表: every unit's
// items, each with the unit's name first; 多单位 itself is a row a unit.
func (w *writer) unitRows(t table) [][]any {
	var out [][]any
	for _, r := range w.units {
		if t.sheet == SheetUnits {
			values := make([]any, len(t.fields))
			for j, fd := range t.fields {
				values[j] = cellValue(fd, r)
			}
			out = append(out, values)
			continue
		}
		own := t
		own.fields = t.fields[1:]
		for _, values := range rowsOf(r, own) {
			out = append(out, append([]any{r.Org.Name}, values...))
		}
	}
	return out
}

// unitsGuideText is 填表说明 of a 多单位填报表: the 填报表's, with what is
// different about it.
func unitsGuideText() []string {
	lines := guideText()
	lines[0] = "工会工作数据填报表（多单位） · 填表说明"
	lines[1] = "本表一次填写多个单位（如一个街道的各社区工会）的数据，用于 huibao batch 为每个单位生成报告，并生成比较各单位的汇总表和上级工会的汇总报告。"
	var out []string
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "基本信息："):
			out = append(out, "基本信息：各单位共同的信息——上级工会、年度、期间、报告模板和成文日期。",
				"多单位：一行一个单位——单位名称（必填，不要重复）、单位类型、负责人，本期和上年同期的会员、会费。")
			continue
		case strings.HasPrefix(l, "会员情况："):
			out = append(out, "工作指标、活动、问题、计划、概况：第一列“单位名称”写这一行是哪个单位的，要与“多单位”表里的单位名称一字不差；其余各列与单个单位的填报表相同。")
			continue
		case strings.HasPrefix(l, "填好后保存为"):
			l = "填好后保存为 .xlsx 文件，运行 huibao batch 文件名.xlsx 检查并为每个单位生成报告，另生成汇总表和汇总报告。"
		}
		out = append(out, l)
	}
	return out
}
