// Package summary writes the 汇总表 of a batch: the workbook in which a
// street cadre compares its communities.
//
// # Sheets
//
//	汇总表     one row a unit: 在册会员, 缴费会员, 缴费率 and 会费收缴, each
//	           this period against 上年同期 with 同比 (缴费率 in 百分点) and
//	           the unit's rank by 缴费率 (排名); 新发展会员; 活动次数,
//	           参加人次 and 经费; the street's own list of indicators, one
//	           column each (Options.Indicators); 备注, which says in a word
//	           why a unit has no figures; a 合计 row
//	分类活动   one row a unit: 次数 and 人次 of each category of activity
//	各单位指标 every other indicator of every unit, one row each — 单位,
//	           指标, 本期, 上年同期, 增减, 同比 — rather than a sparse column
//	           for each (12 units with 4 indicators of their own made seven
//	           pages of empty cells)
//
// # Figures
//
// A figure a unit did not give is an empty cell, never 0: 新发展会员 not
// reported, last year's dues not known (Unit.Given). Changes and 同比 are
// formulas that compare as engine/zh compares in the prose — a count
// without a rate on a last-year figure under 10, a share in 百分点 — and
// rates round as the prose rounds them (engine/xlsx/book's formulas). The
// 合计 row sums the units over ranges that take in rows inserted above it,
// counting the rows a filter shows (SUBTOTAL); a total of a figure that some
// unit did not give is left empty, as is any total of shares. A unit that
// failed its checks keeps its row, empty but for its 备注, and is left out
// of the totals and the ranking.
//
// # Look
//
// Like the report appendix (engine/xlsx): a title row (wrapped for a long
// union name), two header rows — a figure's name over 本期, 上年同期, 同比 —
// numbers as numbers with fixed decimals, the headers and the unit names
// frozen, an auto-filter, column widths fitted to the Chinese text, and A4
// landscape pages one page wide, or, for a wider table, with 序号 and 单位
// repeated on every page across; the title and the headers repeat on every
// page down, and 第 N 页，共 M 页 is in the footer. The notes, wrapped
// across the first page's columns, keep a line to spare.
//
// # Reproducible output
//
// The workbook is stamped with Options.Date, never the clock (engine/xlsx/book).
package summary

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
)

// Sheet names of the workbook, in order.
const (
	Sheet           = "汇总表"
	SheetCategories = "分类活动"
	SheetIndicators = "各单位指标"
)

// Unit is one row of the tables.
type Unit struct {
	Name   string        // 单位: the union's name, or the file's when unreadable
	Report *model.Report // nil when the unit failed its checks, or when Figures are given
	// Figures are what the tables read of Report, when a batch of
	// thousands keeps only these (FiguresOf); nil to take them from Report.
	Figures *Figures
	// Given reports whether the unit's input gave a field (by path:
	// membership.new_members), where the model holds 0 for one not given;
	// nil means every field was given.
	Given func(path string) bool
	Note  string // 备注: why the unit has no figures, in a word; may be empty
}

func (u Unit) given(path string) bool { return u.Given == nil || u.Given(path) }

// Figures are what the tables show of a unit's report: a few hundred
// bytes, where the report with its activities' text is tens of kilobytes.
type Figures struct {
	Period     model.Period
	Membership model.Membership
	Indicators []model.Indicator
	Activities int             // how many
	People     int             // their participants
	Cost       decimal.Decimal // their cost
	Categories []Tally         // the activities by category, in order of first appearance
}

// Tally is the activities of one category.
type Tally struct {
	Category  string
	N, People int
}

// FiguresOf keeps of a report what the tables show.
func FiguresOf(r *model.Report) *Figures {
	f := &Figures{Period: r.Period, Membership: r.Membership, Indicators: r.Indicators,
		Activities: len(r.Activities), People: r.TotalParticipants(), Cost: r.TotalCost()}
	for _, a := range r.Activities {
		i := 0
		for i < len(f.Categories) && f.Categories[i].Category != a.Category {
			i++
		}
		if i == len(f.Categories) {
			f.Categories = append(f.Categories, Tally{Category: a.Category})
		}
		f.Categories[i].N++
		f.Categories[i].People += a.Participants
	}
	return f
}

// indicator is the unit's indicator of that name, as model.Report.Indicator.
func (f *Figures) indicator(name string) (model.Indicator, bool) {
	for _, ind := range f.Indicators {
		if ind.Name == name {
			return ind, true
		}
	}
	return model.Indicator{}, false
}

// Options describe the workbook.
type Options struct {
	Title string     // the printed title, e.g. 石新路街道总工会2024年上半年各单位工作情况汇总表
	Org   string     // who makes it: page header and document author
	Date  model.Date // stamped on the document, for reproducible bytes
	// Indicators is the street's own list of indicators, by name, each a
	// column of 汇总表. Without one, every indicator at least half of the
	// units report (and two at least) is on it. The units' other
	// indicators go to 各单位指标.
	Indicators []string

	// noCache writes formulas without their computed values, so that a
	// test can prove a spreadsheet program computes them from the formulas.
	noCache bool
}

// Workbook builds the 汇总表.
func Workbook(units []Unit, opts Options) ([]byte, error) {
	f := excelize.NewFile()
	defer book.Close(f)
	if err := f.SetDefaultFont(book.Font); err != nil {
		return nil, err
	}
	w := &writer{f: f, opts: opts, st: book.NewStyles(f)}
	units = slices.Clone(units)
	for i, u := range units {
		if u.Figures == nil && u.Report != nil {
			units[i].Figures = FiguresOf(u.Report)
		}
	}
	fixed, own := indicatorList(units, opts.Indicators)
	for _, t := range []*table{w.main(units, fixed), w.categories(units), w.own(units, own)} {
		if t == nil {
			continue
		}
		if err := w.write(t); err != nil {
			return nil, fmt.Errorf("汇总表生成失败：%v", err)
		}
	}
	if err := w.st.Err(); err != nil {
		return nil, fmt.Errorf("汇总表生成失败：%v", err)
	}
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: ptr(true)}); err != nil {
		return nil, err
	}
	return book.Save(f, book.Props{Title: opts.Title, Subject: "汇总表", Creator: opts.Org, Date: opts.Date})
}

type writer struct {
	f      *excelize.File
	opts   Options
	st     *book.Styles
	sheets int
}

// key is an indicator by name and unit.
type key struct{ name, unit string }

// indicatorList splits the indicators that appear into the street's list,
// one column each, and the units' own. names is the street's list by name;
// without it an indicator at least half the units report (two at least) is
// on it. A name on the list is counted in the unit most units report it in.
func indicatorList(units []Unit, names []string) (fixed []key, own func(key) bool) {
	good := 0
	count := map[key]int{}
	var order []key
	for _, u := range units {
		if u.Figures == nil {
			continue
		}
		good++
		for _, ind := range u.Figures.Indicators {
			k := key{ind.Name, ind.Unit}
			if count[k] == 0 {
				order = append(order, k)
			}
			count[k]++
		}
	}
	in := map[key]bool{}
	if names != nil {
		for _, n := range names {
			best := key{}
			for _, k := range order {
				if k.name == n && count[k] > count[best] {
					best = k
				}
			}
			if best.name != "" && !in[best] {
				in[best] = true
				fixed = append(fixed, best)
			}
		}
	} else {
		for _, k := range order {
			if count[k] >= 2 && 2*count[k] >= good {
				in[k] = true
				fixed = append(fixed, k)
			}
		}
	}
	return fixed, func(k key) bool { return !in[k] }
}

// decimalsOf is how many decimals a column of figures needs: 2 for 元, as
// many as the figures have otherwise (at most 4).
func decimalsOf(unit string, vals ...decimal.Decimal) int {
	if unit == "元" {
		return 2
	}
	n := 0
	for _, v := range vals {
		if !v.Equal(v.Truncate(0)) {
			n = max(n, min(int(-v.Exponent()), 4))
		}
	}
	return n
}

func dec(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

// figure is a unit's figure for a cell, or nil when it has none.
func figure(ok bool, d decimal.Decimal) *decimal.Decimal {
	if !ok {
		return nil
	}
	return &d
}

// num writes a figure, or an empty cell.
func (w *writer) num(role book.Role, places int, d *decimal.Decimal) cell {
	format := fixed(places, "")
	if d == nil {
		return w.blank(role, format)
	}
	return w.number(role, format, d.InexactFloat64(), d.StringFixed(int32(places)))
}

// failed is the row of a unit without figures: its name, empty cells and
// its 备注.
func (w *writer) failed(n int, u Unit, cols []column) []cell {
	row := []cell{w.number(book.RoleCenter, "0", float64(n), fmt.Sprint(n)), w.text(book.RoleText, u.Name)}
	for range cols[2 : len(cols)-1] {
		row = append(row, w.blank(book.RoleNumber, ""))
	}
	return append(row, w.text(book.RoleWrap, u.Note))
}

// failedNames lists the units without figures.
func failedNames(units []Unit) []string {
	var out []string
	for _, u := range units {
		if u.Figures == nil {
			out = append(out, u.Name)
		}
	}
	return out
}
