package xlsx

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// ledgerHeader is the row of 活动台账's column headers.
const ledgerHeader = 2

// ledger writes 活动台账: one row per activity in date order, with a 合计
// row of SUBTOTAL formulas over ranges that grow (formula.go), so that rows
// a cadre inserts are counted and filtering by 类别 gives that category's
// totals. There is no sheet without activities.
func (b *builder) ledger() error {
	if len(b.acts) == 0 {
		return nil
	}
	st := b.st
	has := func(f func(model.Activity) bool) bool { return slices.ContainsFunc(b.acts, f) }
	spans := has(func(a model.Activity) bool { return a.Span() })
	// 承办单位 only when some activity was run by another unit: a street's
	// roll-up, where each row says which community ran it.
	organizers := has(func(a model.Activity) bool { return a.Organizer != "" })
	// 受益 when some activity says whom it served, apart from who took part.
	served := has(func(a model.Activity) bool { return a.Beneficiary != "" || a.Beneficiaries > 0 })
	headers := []string{"序号", "日期"}
	cols := []column{{min: 6}, {min: 16}}
	if spans {
		headers = append(headers, "结束日期")
		cols = append(cols, column{min: 16})
	}
	headers = append(headers, "类别", "活动名称")
	cols = append(cols, column{min: 10}, column{min: 14, max: 26, wrap: true})
	if organizers {
		headers = append(headers, "承办单位")
		cols = append(cols, column{min: 12, max: 20, wrap: true})
	}
	headers = append(headers, "地点", "参加人数")
	cols = append(cols, column{min: 10, max: 20, wrap: true}, column{min: 10})
	if served {
		headers = append(headers, "受益对象", "受益数量")
		cols = append(cols, column{min: 10, max: 16, wrap: true}, column{min: 10})
	}
	headers = append(headers, "经费", "内容", "成效")
	cols = append(cols, column{min: 12}, column{min: 30, max: 44, wrap: true}, column{min: 18, max: 30, wrap: true})
	col := func(h string) string {
		name, _ := excelize.ColumnNumberToName(slices.Index(headers, h) + 1)
		return name
	}
	s := &sheet{name: SheetLedger, title: b.titleOf("活动台账"), cols: cols, freezeRows: ledgerHeader, repeatRows: ledgerHeader, landscape: true}
	s.headerRow(st, headers...)
	center, wrap := st.ID(book.RoleCenter, ""), st.ID(book.RoleWrap, "")
	count, money := st.ID(book.RoleNumber, "0"), st.ID(book.RoleNumber, fmtYuan)
	// The rows are made on demand (sheet.generate); the styles they use
	// are made here, in the order the rows use them, since a style's
	// number is the order it was first asked for.
	unit := "" // the one unit of 受益数量, "" when they differ
	for _, a := range b.acts {
		b.date(a.Date)
		if spans && a.Span() {
			b.date(a.EndDate)
		}
		if served && a.Beneficiaries > 0 {
			u := beneficiaryUnit(a)
			switch unit {
			case "":
				unit = u
			case u, "-":
			default:
				unit = "-"
			}
			st.ID(book.RoleNumber, fmtUnit("0", u))
		}
	}
	s.generate(len(b.acts), func(i int) row {
		a := &b.acts[i]
		cells := make([]cell, 0, len(headers))
		cells = append(cells, number(center, float64(i+1), strconv.Itoa(i+1)), b.date(a.Date))
		if spans {
			if a.Span() {
				cells = append(cells, b.date(a.EndDate))
			} else {
				cells = append(cells, blank(center))
			}
		}
		cells = append(cells, text(center, a.Category), text(wrap, a.Title))
		if organizers {
			cells = append(cells, text(wrap, a.Organizer))
		}
		cells = append(cells, text(wrap, a.Location), number(count, float64(a.Participants), strconv.Itoa(a.Participants)))
		if served {
			cells = append(cells, text(wrap, a.Beneficiary))
			if a.Beneficiaries > 0 {
				f := fmtUnit("0", beneficiaryUnit(*a))
				cells = append(cells, number(st.ID(book.RoleNumber, f), float64(a.Beneficiaries), shown(dec(a.Beneficiaries), f)))
			} else {
				cells = append(cells, blank(count))
			}
		}
		cells = append(cells,
			number(money, a.Cost.InexactFloat64(), shown(a.Cost, fmtYuan)),
			text(wrap, a.Content),
			text(wrap, a.Result),
		)
		return row{cells: cells}
	})
	last := s.next() - 1
	b.ledgerTotal = last + 1
	b.ledgerCat, b.ledgerPeople, b.ledgerCost = col("类别"), col("参加人数"), col("经费")
	s.filter = fmt.Sprintf("A%d:%s%d", ledgerHeader, col("成效"), last)
	totals := make([]cell, len(headers))
	for i := range totals {
		totals[i] = blank(st.ID(book.RoleTotal, ""))
	}
	at := func(h string) int { return slices.Index(headers, h) }
	totals[0] = text(st.ID(book.RoleTotalLabel, ""), "合计")
	totals[at("活动名称")] = b.formula(st.ID(book.RoleTotal, fmtCountOf), book.Total(book.CountVisible, col("活动名称"), ledgerHeader), len(b.acts), "共100项")
	totals[at("参加人数")] = b.formula(st.ID(book.RoleTotal, "0"), book.Total(book.SumVisible, b.ledgerPeople, ledgerHeader), b.people, strconv.Itoa(b.people))
	if served && unit != "" && unit != "-" {
		n := 0
		for _, a := range b.acts {
			n += a.Beneficiaries
		}
		f := fmtUnit("0", unit)
		totals[at("受益数量")] = b.formula(st.ID(book.RoleTotal, f), book.Total(book.SumVisible, col("受益数量"), ledgerHeader), n, shown(dec(n), f))
	}
	totals[at("经费")] = b.formula(st.ID(book.RoleTotal, fmtYuan), book.Total(book.SumVisible, b.ledgerCost, ledgerHeader), b.cost.InexactFloat64(), shown(b.cost, fmtYuan))
	s.add(row{cells: totals})
	s.note(st, book.RoleNote, "注：合计由公式计算，在合计行上方插入的行也计入；按类别等筛选后，合计只计显示的行。")
	return b.write(s)
}

// beneficiaryUnit is the unit of an activity's beneficiaries: 人 unless
// it says otherwise.
func beneficiaryUnit(a model.Activity) string {
	if a.BeneficiaryUnit != "" {
		return a.BeneficiaryUnit
	}
	return "人"
}

// assistance writes 帮扶: the indicators and activities of 帮扶救助, when the
// report has any. The indicators come first: the activities run over pages
// and their heading and header row repeat on each page after the first
// they appear on, which must not be a page of indicators under a header of
// activities (spreadsheet programs repeat print titles only from where
// they stand). The indicators refer to 工作指标; the activities are a copy
// of 活动台账's, with a 合计 that counts rows inserted above it.
func (b *builder) assistance() error {
	st := b.st
	var inds []int
	for i, ind := range b.r.Indicators {
		if ind.Category == AssistanceCategory {
			inds = append(inds, i)
		}
	}
	var acts []model.Activity
	for _, a := range b.acts {
		if a.Category == AssistanceCategory {
			acts = append(acts, a)
		}
	}
	if len(inds) == 0 && len(acts) == 0 {
		return nil
	}
	s := &sheet{
		name: SheetAssistance, title: b.titleOf("帮扶救助情况"),
		cols: []column{{min: 6}, {min: 16, max: 26, wrap: true}, {min: 14, max: 26, wrap: true}, {min: 10, max: 20, wrap: true},
			{min: 10}, {min: 12}, {min: 30, max: 44, wrap: true}, {min: 18, max: 30, wrap: true}},
		landscape: true,
	}
	heading := func(t string) { s.note(st, book.RoleHeading, t) }
	ref := func(col string, r int) string { return fmt.Sprintf("'%s'!%s%d", SheetIndicators, col, r) }
	num := 0
	if len(inds) > 0 {
		num++
		heading(chineseNumber(num) + "、帮扶救助指标")
		s.headerRow(st, "序号", "指标", "单位", "本期", basisHeader(b.r.Period), "增减", "同比")
		for k, i := range inds {
			ind := b.r.Indicators[i]
			src := b.indicatorRow[i]
			format, places := valueFormat(ind)
			c := book.Compared(ind.Unit)
			var prev any
			if ind.Previous != nil {
				prev = ind.Previous.InexactFloat64()
			}
			orBlank := func(col string) string {
				return fmt.Sprintf(`IF(%s="","",%s)`, ref(col, src), ref(col, src))
			}
			s.add(row{cells: []cell{
				number(st.ID(book.RoleCenter, ""), float64(k+1), strconv.Itoa(k+1)),
				b.formula(st.ID(book.RoleWrap, ""), ref("C", src), ind.Name, ind.Name),
				b.formula(st.ID(book.RoleCenter, ""), ref("D", src), ind.Unit, ind.Unit),
				b.formula(st.ID(book.RoleNumber, format), ref("E", src), ind.Value.InexactFloat64(), shown(ind.Value, format)),
				b.formula(st.ID(book.RoleNumber, format), orBlank("F"), prev, shown(ind.Value, format)),
				b.formula(st.ID(book.RoleNumber, c.DiffFormat(format)), orBlank("G"), c.Diff(ind.Value, ind.Previous, places), "+"+shown(ind.Value, format)+"个百分点"),
				b.formula(st.ID(book.RoleNumber, fmtSigned(fmtPercent)), orBlank("H"), c.Rate(ind.Value, ind.Previous), "+100.0%"),
			}})
		}
		if len(acts) > 0 {
			s.add(row{})
		}
	}
	if len(acts) > 0 {
		num++
		// The activities run over pages: their heading and header repeat,
		// under the sheet's title when nothing stands between.
		s.repeatFrom = s.next()
		if len(inds) == 0 {
			s.repeatFrom = 1
		}
		heading(chineseNumber(num) + "、帮扶救助活动")
		header := s.headerRow(st, "序号", "日期", "活动名称", "地点", "参加人数", "经费", "内容", "成效")
		s.repeatRows = header
		people, cost := 0, decimal.Zero
		for _, a := range acts {
			people += a.Participants
			cost = cost.Add(a.Cost)
			b.date(a.Date) // its style, before the rows are made (ledger)
		}
		s.generate(len(acts), func(k int) row {
			a := acts[k]
			return row{cells: []cell{
				number(st.ID(book.RoleCenter, ""), float64(k+1), strconv.Itoa(k+1)),
				b.date(a.Date),
				text(st.ID(book.RoleWrap, ""), a.Title),
				text(st.ID(book.RoleWrap, ""), a.Location),
				number(st.ID(book.RoleNumber, "0"), float64(a.Participants), strconv.Itoa(a.Participants)),
				number(st.ID(book.RoleNumber, fmtYuan), a.Cost.InexactFloat64(), shown(a.Cost, fmtYuan)),
				text(st.ID(book.RoleWrap, ""), a.Content),
				text(st.ID(book.RoleWrap, ""), a.Result),
			}}
		})
		t := blank(st.ID(book.RoleTotal, ""))
		s.add(row{cells: []cell{
			text(st.ID(book.RoleTotalLabel, ""), "合计"), t,
			b.formula(st.ID(book.RoleTotal, fmtCountOf), book.Total(book.CountVisible, "C", header), len(acts), "共100项"),
			t,
			b.formula(st.ID(book.RoleTotal, "0"), book.Total(book.SumVisible, "E", header), people, strconv.Itoa(people)),
			b.formula(st.ID(book.RoleTotal, fmtYuan), book.Total(book.SumVisible, "F", header), cost.InexactFloat64(), shown(cost, fmtYuan)),
			t, t,
		}})
		s.note(st, book.RoleNote, "注：帮扶救助活动摘自活动台账；合计由公式计算，在合计行上方插入的行也计入。")
	}
	return b.write(s)
}
