package form

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
)

// unknownSheets speaks of the sheets the layout does not know. A sheet
// that looks like one of the form's, renamed while the form's own is
// missing (活动情况 for 活动), is an error: its data would be lost. Any
// other is the cadre's own (notes, a draft, last year's figures) and is
// left alone with a notice.
func (rd *reader) unknownSheets(names []string, found map[string]string) {
	var missing []string
	for _, s := range orderedSheets() {
		if _, ok := found[s]; !ok {
			missing = append(missing, s)
		}
	}
	for _, name := range names {
		if s := diag.Suggest(normal(name), missing); s != "" {
			rd.probs.Add(rd.sheetPos(name), "", fmt.Sprintf("填报表缺少工作表“%s”，而有一个不认识的工作表“%s”", s, name),
				"是不是“"+s+"”改了名？请改回“"+s+"”，否则其中的内容不会读入")
			continue
		}
		rd.probs.Warn(rd.sheetPos(name), "", fmt.Sprintf("工作表“%s”不是填报表的一部分，没有读入", name),
			"自己的笔记可以留着；要写进报告的内容请填到"+strings.Join(orderedSheets()[1:], "、")+"中对应的表里")
	}
}

// missingColumns reports, once at the header, the columns a table sheet
// needs and lacks: every required one, and an optional one whose header
// seems renamed over data. A renamed header is one error there, not one at
// every row whose cell now seems empty; the returned fields are marked
// unreadable on every row, so that validation keeps quiet about them.
// unknown are the columns with a header the layout does not know; those
// taken for renamed ones are removed from it.
func (rd *reader) missingColumns(t table, sheet string, header int, cols []int, unknown map[int]string) []int {
	// A header is taken for a renamed one when it is like the column's
	// name (活动地点 for 地点); failing that, when a required column lacks
	// and exactly one unknown header is left, it is that one.
	type rename struct {
		col  int
		name string
	}
	renamed := map[int]rename{} // by field
	guess := func(j int, like bool) {
		cs := slices.Sorted(maps.Keys(unknown))
		var names []string
		for _, c := range cs {
			names = append(names, normal(unknown[c]))
		}
		k := -1
		if like {
			k = slices.Index(names, diag.Suggest(normal(t.fields[j].label), names))
		} else if len(cs) == 1 && t.fields[j].of.Required {
			k = 0
		}
		if k >= 0 {
			renamed[j] = rename{cs[k], clean(unknown[cs[k]])}
			delete(unknown, cs[k])
		}
	}
	for _, like := range []bool{true, false} {
		for j := range t.fields {
			if _, done := renamed[j]; cols[j] < 0 && !done {
				guess(j, like)
			}
		}
	}
	var gone []int
	for j, fd := range t.fields {
		if cols[j] >= 0 {
			continue
		}
		rn, ok := renamed[j]
		switch {
		case ok:
			rd.probs.Add(rd.pos(sheet, rn.col, header), fd.path,
				fmt.Sprintf("表头“%s”不是“%s”的列名，而这张表缺少“%s”列", rn.name, sheet, fd.label),
				"是不是把“"+fd.label+"”改了名？请把表头改回“"+fd.label+"”；表头不能改动，否则这一列不会读入")
		case fd.of.Required:
			rd.probs.Add(rd.pos(sheet, 0, header), fd.path,
				fmt.Sprintf("“%s”缺少“%s”列", sheet, fd.label),
				"“"+sheet+"”的列是："+labels(t.fields)+"；请补上这一列的表头，不要删除或改动表头")
		default:
			continue
		}
		gone = append(gone, j)
	}
	return gone
}

// distinctive reports whether an example is text no cadre would type as
// it stands (a place, a sentence): left in a row, it shows that the row is
// the example half typed over. Short examples (推荐就业, 学习培训, 20) may be
// real data.
func distinctive(fd field) bool {
	return !isNumber(fd.kind) && !isDate(fd.kind) && fd.list == nil && utf8.RuneCountInString(fd.example) >= 6
}

// exampleLeft reports the cells of a row that still hold the grey
// example, when the row is the example half typed over: at the example's
// place, with a distinctive example text left in it. Every example value
// left is an error, so that none becomes data; the fields are marked
// unreadable. It reports whether it found any.
func (rd *reader) exampleLeft(t table, sheet string, row []string, i int, cols []int, path string) bool {
	var left []int
	mark := false
	for j, fd := range t.fields {
		if cols[j] < 0 || fd.example == "" || cols[j] >= len(row) || !sameAsExample(fd, clean(row[cols[j]])) {
			continue
		}
		left = append(left, j)
		mark = mark || distinctive(fd)
	}
	if !mark {
		return false
	}
	for _, j := range left {
		fd := t.fields[j]
		p := path + strings.TrimPrefix(fd.path, t.path)
		rd.probs.Add(rd.pos(sheet, cols[j], i), p, fmt.Sprintf("这一格还是示例“%s”，不是本单位的数据", fd.example),
			"灰色的示例行不会读入；请把这一格改成实际内容，或清空")
		rd.sm.MarkInvalid(p)
	}
	return true
}
