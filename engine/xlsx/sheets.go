package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// membership writes 会员情况: this period against the same period last year,
// with the changes and the dues rate as formulas.
func (b *builder) membership() error {
	m := b.r.Membership
	st := b.st
	s := &sheet{
		name: SheetMembership, title: b.titleOf("会员情况"),
		cols:       []column{{min: 14}, {min: 13}, {min: 13}, {min: 13}, {min: 11}},
		freezeRows: 2, repeatRows: 2,
	}
	s.headerRow(st, "项目", "本期", "上年同期", "增减", "同比")
	prev := m.Previous
	type line struct {
		label     string
		cur, last decimal.Decimal
		hasLast   bool
		format    string
	}
	people := fmtUnit("0", "人")
	lines := []line{
		{"在册会员", dec(m.Members), decimal.Zero, prev != nil, people},
		{"缴费会员", dec(m.DuesPaying), decimal.Zero, prev != nil, people},
		{"会费收缴", m.DuesCollected, decimal.Zero, prev != nil, fmtYuan},
		{"新发展会员", dec(m.NewMembers), decimal.Zero, false, people},
	}
	if prev != nil {
		lines[0].last, lines[1].last, lines[2].last = dec(prev.Members), dec(prev.DuesPaying), prev.DuesCollected
	}
	for _, l := range lines {
		n := s.next()
		r := strconv.Itoa(n)
		cells := []cell{
			text(st.ID(book.RoleText, ""), l.label),
			number(st.ID(book.RoleNumber, l.format), l.cur.InexactFloat64(), shown(l.cur, l.format)),
		}
		if l.hasLast {
			cells = append(cells,
				number(st.ID(book.RoleNumber, l.format), l.last.InexactFloat64(), shown(l.last, l.format)),
				b.formula(st.ID(book.RoleNumber, fmtSigned(l.format)), "B"+r+"-C"+r,
					l.cur.Sub(l.last).InexactFloat64(), shown(l.cur.Sub(l.last), l.format)+"+"),
				b.formula(st.ID(book.RoleNumber, fmtPercent), `IF(C`+r+`=0,"",D`+r+`/C`+r+`)`,
					ratio(l.cur.Sub(l.last), l.last), "100.0%"),
			)
		} else {
			cells = append(cells, blank(st.ID(book.RoleNumber, "")), blank(st.ID(book.RoleNumber, "")), blank(st.ID(book.RoleNumber, "")))
		}
		s.add(row{cells: cells})
	}
	// 缴费率: rows 3 and 4 are 在册会员 and 缴费会员.
	n := strconv.Itoa(s.next())
	rate := []cell{
		text(st.ID(book.RoleText, ""), "缴费率"),
		b.formula(st.ID(book.RoleNumber, fmtPercent), `IF(B3=0,"",B4/B3)`, ratio(dec(m.DuesPaying), dec(m.Members)), "100.0%"),
	}
	if prev != nil {
		last := ratio(dec(prev.DuesPaying), dec(prev.Members))
		cur := ratio(dec(m.DuesPaying), dec(m.Members))
		var diff any
		if c, ok := cur.(float64); ok {
			if l, ok := last.(float64); ok {
				diff = c - l
			}
		}
		rate = append(rate,
			b.formula(st.ID(book.RoleNumber, fmtPercent), `IF(C3=0,"",C4/C3)`, last, "100.0%"),
			b.formula(st.ID(book.RoleNumber, fmtSigned(fmtPercent)), `IF(OR(B`+n+`="",C`+n+`=""),"",B`+n+`-C`+n+`)`, diff, "+100.0%"),
			blank(st.ID(book.RoleNumber, "")),
		)
	} else {
		rate = append(rate, blank(st.ID(book.RoleNumber, "")), blank(st.ID(book.RoleNumber, "")), blank(st.ID(book.RoleNumber, "")))
	}
	s.add(row{cells: rate})
	note := "注：缴费率＝缴费会员÷在册会员，由公式计算。"
	if prev != nil {
		note = "注：上年同期为上一年同一期间的数字；增减、同比和缴费率由公式计算，改动数字后自动更新。"
	}
	s.note(st, book.RoleNote, note)
	return b.write(s)
}

// indicators writes 工作指标: every figure the report quotes, with its
// change and 同比 as formulas.
func (b *builder) indicators() error {
	st := b.st
	s := &sheet{
		name: SheetIndicators, title: b.titleOf("工作指标"),
		cols: []column{{min: 6}, {min: 10}, {min: 14, max: 30, wrap: true}, {min: 6},
			{min: 10}, {min: 10}, {min: 10}, {min: 9}},
		freezeRows: 2, repeatRows: 2,
	}
	s.headerRow(st, "序号", "类别", "指标", "单位", "本期", "上年同期", "增减", "同比")
	b.indicatorRow = make([]int, len(b.r.Indicators))
	for i, ind := range b.r.Indicators {
		n := s.next()
		b.indicatorRow[i] = n
		r := strconv.Itoa(n)
		format := valueFormat(ind)
		cells := []cell{
			number(st.ID(book.RoleCenter, ""), float64(i+1), strconv.Itoa(i+1)),
			text(st.ID(book.RoleCenter, ""), ind.Category),
			text(st.ID(book.RoleWrap, ""), ind.Name),
			text(st.ID(book.RoleCenter, ""), ind.Unit),
			number(st.ID(book.RoleNumber, format), ind.Value.InexactFloat64(), shown(ind.Value, format)),
		}
		var diff, pct any
		if ind.Previous != nil {
			cells = append(cells, number(st.ID(book.RoleNumber, format), ind.Previous.InexactFloat64(), shown(*ind.Previous, format)))
			diff = ind.Value.Sub(*ind.Previous).InexactFloat64()
			pct = ratio(ind.Value.Sub(*ind.Previous), *ind.Previous)
		} else {
			cells = append(cells, blank(st.ID(book.RoleNumber, format)))
		}
		cells = append(cells,
			b.formula(st.ID(book.RoleNumber, fmtSigned(deltaFormat(ind))), `IF(F`+r+`="","",E`+r+`-F`+r+`)`, diff, shown(ind.Value, format)+"+"),
			b.formula(st.ID(book.RoleNumber, fmtPercent), `IF(OR(F`+r+`="",F`+r+`=0),"",G`+r+`/F`+r+`)`, pct, "100.0%"),
		)
		s.add(row{cells: cells})
	}
	if len(b.r.Indicators) == 0 {
		s.note(st, book.RoleNote, "本期未填报工作指标。")
	} else {
		s.filter = fmt.Sprintf("A2:H%d", s.next()-1)
		s.note(st, book.RoleNote, "注：增减＝本期－上年同期，同比＝增减÷上年同期，均由公式计算；未填上年同期的指标不计算。")
	}
	return b.write(s)
}

// ledger writes 活动台账: one row per activity in date order, with totals.
func (b *builder) ledger() error {
	st := b.st
	spans := slices.ContainsFunc(b.acts, func(a model.Activity) bool { return a.Span() })
	headers := []string{"序号", "日期"}
	cols := []column{{min: 6}, {min: 16}}
	if spans {
		headers = append(headers, "结束日期")
		cols = append(cols, column{min: 16})
	}
	// 承办单位 only when some activity was run by another unit: a street's
	// roll-up, where each row says which community ran it.
	organizers := slices.ContainsFunc(b.acts, func(a model.Activity) bool { return a.Organizer != "" })
	headers = append(headers, "类别", "活动名称")
	cols = append(cols, column{min: 10}, column{min: 14, max: 26, wrap: true})
	if organizers {
		headers = append(headers, "承办单位")
		cols = append(cols, column{min: 12, max: 20, wrap: true})
	}
	headers = append(headers, "地点", "参加人数", "经费", "内容", "成效")
	cols = append(cols, column{min: 10, max: 20, wrap: true},
		column{min: 10}, column{min: 12}, column{min: 30, max: 44, wrap: true}, column{min: 18, max: 30, wrap: true})
	col := func(h string) string {
		name, _ := excelize.ColumnNumberToName(slices.Index(headers, h) + 1)
		return name
	}
	s := &sheet{name: SheetLedger, title: b.titleOf("活动台账"), cols: cols, freezeRows: 2, repeatRows: 2, landscape: true}
	s.headerRow(st, headers...)
	first := s.next()
	center, wrap := st.ID(book.RoleCenter, ""), st.ID(book.RoleWrap, "")
	count, money := st.ID(book.RoleNumber, "0"), st.ID(book.RoleNumber, fmtYuan)
	for i, a := range b.acts {
		cells := make([]cell, 0, len(headers))
		cells = append(cells, number(center, float64(i+1), strconv.Itoa(i+1)), b.date(a.Date))
		if spans {
			if a.Span() {
				cells = append(cells, b.date(a.EndDate))
			} else {
				cells = append(cells, blank(center))
			}
		}
		cells = append(cells,
			text(center, a.Category),
			text(wrap, a.Title),
		)
		if organizers {
			cells = append(cells, text(wrap, a.Organizer))
		}
		cells = append(cells,
			text(wrap, a.Location),
			number(count, float64(a.Participants), strconv.Itoa(a.Participants)),
			number(money, a.Cost.InexactFloat64(), shown(a.Cost, fmtYuan)),
			text(wrap, a.Content),
			text(wrap, a.Result),
		)
		s.add(row{cells: cells})
	}
	last := s.next() - 1
	b.ledgerFirst, b.ledgerLast = first, last
	b.ledgerCat, b.ledgerTitle, b.ledgerPeople, b.ledgerCost = col("类别"), col("活动名称"), col("参加人数"), col("经费")
	if len(b.acts) == 0 {
		s.note(st, book.RoleNote, "本期未登记活动。")
		return b.write(s)
	}
	s.filter = fmt.Sprintf("A2:%s%d", col("成效"), last)
	rng := func(c string) string { return fmt.Sprintf("%s%d:%s%d", c, first, c, last) }
	totals := make([]cell, len(headers))
	for i := range totals {
		totals[i] = blank(st.ID(book.RoleTotal, ""))
	}
	at := func(h string) int { return slices.Index(headers, h) }
	totals[0] = text(st.ID(book.RoleTotalLabel, ""), "合计")
	totals[at("活动名称")] = b.formula(st.ID(book.RoleTotal, fmtCountOf), "COUNTA("+rng(b.ledgerTitle)+")", len(b.acts), "共100项")
	totals[at("参加人数")] = b.formula(st.ID(book.RoleTotal, "0"), "SUM("+rng(b.ledgerPeople)+")", b.people, strconv.Itoa(b.people))
	totals[at("经费")] = b.formula(st.ID(book.RoleTotal, fmtYuan), "SUM("+rng(b.ledgerCost)+")", b.cost.InexactFloat64(), shown(b.cost, fmtYuan))
	s.add(row{cells: totals})
	return b.write(s)
}

// assistance writes 帮扶: the indicators and activities of 帮扶救助, when the
// report has any. The indicators come first: the activities run over pages
// and their heading and header row repeat on each page after the first
// they appear on, which must not be a page of indicators under a header of
// activities (spreadsheet programs repeat print titles only from where
// they stand).
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
		s.headerRow(st, "序号", "指标", "单位", "本期", "上年同期", "增减", "同比")
		for k, i := range inds {
			ind := b.r.Indicators[i]
			src := b.indicatorRow[i]
			format := valueFormat(ind)
			var prev, diff, pct any
			if ind.Previous != nil {
				prev = ind.Previous.InexactFloat64()
				diff = ind.Value.Sub(*ind.Previous).InexactFloat64()
				pct = ratio(ind.Value.Sub(*ind.Previous), *ind.Previous)
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
				b.formula(st.ID(book.RoleNumber, fmtSigned(deltaFormat(ind))), orBlank("G"), diff, shown(ind.Value, format)+"+"),
				b.formula(st.ID(book.RoleNumber, fmtPercent), orBlank("H"), pct, "100.0%"),
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
		s.repeatRows = s.headerRow(st, "序号", "日期", "活动名称", "地点", "参加人数", "经费", "内容", "成效")
		first := s.next()
		people, cost := 0, decimal.Zero
		for k, a := range acts {
			people += a.Participants
			cost = cost.Add(a.Cost)
			s.add(row{cells: []cell{
				number(st.ID(book.RoleCenter, ""), float64(k+1), strconv.Itoa(k+1)),
				b.date(a.Date),
				text(st.ID(book.RoleWrap, ""), a.Title),
				text(st.ID(book.RoleWrap, ""), a.Location),
				number(st.ID(book.RoleNumber, "0"), float64(a.Participants), strconv.Itoa(a.Participants)),
				number(st.ID(book.RoleNumber, fmtYuan), a.Cost.InexactFloat64(), shown(a.Cost, fmtYuan)),
				text(st.ID(book.RoleWrap, ""), a.Content),
				text(st.ID(book.RoleWrap, ""), a.Result),
			}})
		}
		last := s.next() - 1
		t := blank(st.ID(book.RoleTotal, ""))
		s.add(row{cells: []cell{
			text(st.ID(book.RoleTotalLabel, ""), "合计"), t,
			b.formula(st.ID(book.RoleTotal, fmtCountOf), fmt.Sprintf("COUNTA(C%d:C%d)", first, last), len(acts), "共100项"),
			t,
			b.formula(st.ID(book.RoleTotal, "0"), fmt.Sprintf("SUM(E%d:E%d)", first, last), people, strconv.Itoa(people)),
			b.formula(st.ID(book.RoleTotal, fmtYuan), fmt.Sprintf("SUM(F%d:F%d)", first, last), cost.InexactFloat64(), shown(cost, fmtYuan)),
			t, t,
		}})
	}
	return b.write(s)
}

// charts writes 统计图表: activities per category, and every indicator's
// 同比 (this period against the same period last year), as tables of
// formulas over the other sheets and as native bar charts drawn from those
// tables. The indicators are charted by their 同比, not by their figures:
// a street's indicators run from 4 个 to 12360 人次 in a dozen units, and on
// one axis of figures all but the largest would be invisible. The bars run
// across the page, so that Chinese names read as lines of text.
func (b *builder) charts() error {
	st := b.st
	cats := categoriesOf(b.acts)
	var compared []int
	for i, ind := range b.r.Indicators {
		if ind.Previous != nil && !ind.Previous.IsZero() {
			compared = append(compared, i)
		}
	}
	if len(cats) == 0 && len(compared) == 0 {
		return nil
	}
	s := &sheet{
		name: SheetCharts, title: b.titleOf("统计图表"),
		cols:      []column{{min: 14, max: 34}, {min: 10}, {min: 10}, {min: 12}, {min: 9}, {min: 3}},
		landscape: true, repeatRows: 1,
		// excelize anchors charts assuming rows of the default 15 points;
		// rows of that height keep the charts the size asked for.
		rowHeight: 15, onePage: true,
	}
	heading := func(t string) int { return s.note(st, book.RoleHeading, t) }
	const chartCol = "G"
	free := 0 // the first row below the last chart
	place := func(top int, c *excelize.Chart) {
		at := max(top, free)
		s.charts = append(s.charts, placedChart{at: chartCol + strconv.Itoa(at), chart: c})
		free = at + (int(c.Dimension.Height)+19)/20 + 2 // rows of 20 px, and a gap
	}
	num := 0
	if len(cats) > 0 {
		num++
		top := heading(chineseNumber(num) + "、各类活动统计")
		s.headerRow(st, "类别", "活动次数", "参加人数", "经费")
		ledger := func(col string) string {
			return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetLedger, col, b.ledgerFirst, col, b.ledgerLast)
		}
		first, most := s.next(), 0
		type sums struct {
			n, people int
			cost      decimal.Decimal
		}
		per := make(map[string]*sums, len(cats))
		for _, a := range b.acts {
			t := per[a.Category]
			if t == nil {
				t = &sums{}
				per[a.Category] = t
			}
			t.n, t.people, t.cost = t.n+1, t.people+a.Participants, t.cost.Add(a.Cost)
		}
		for _, c := range cats {
			n, people, cost := per[c].n, per[c].people, per[c].cost
			most = max(most, n)
			r := strconv.Itoa(s.next())
			s.add(row{cells: []cell{
				text(st.ID(book.RoleCenter, ""), c),
				b.formula(st.ID(book.RoleNumber, "0"), fmt.Sprintf("COUNTIF(%s,A%s)", ledger(b.ledgerCat), r), n, strconv.Itoa(n)),
				b.formula(st.ID(book.RoleNumber, "0"), fmt.Sprintf("SUMIF(%s,A%s,%s)", ledger(b.ledgerCat), r, ledger(b.ledgerPeople)), people, strconv.Itoa(people)),
				b.formula(st.ID(book.RoleNumber, fmtYuan), fmt.Sprintf("SUMIF(%s,A%s,%s)", ledger(b.ledgerCat), r, ledger(b.ledgerCost)), cost.InexactFloat64(), shown(cost, fmtYuan)),
			}})
		}
		last := s.next() - 1
		sum := func(col string) string { return fmt.Sprintf("SUM(%s%d:%s%d)", col, first, col, last) }
		s.add(row{cells: []cell{
			text(st.ID(book.RoleTotalLabel, ""), "合计"),
			b.formula(st.ID(book.RoleTotal, "0"), sum("B"), len(b.acts), strconv.Itoa(len(b.acts))),
			b.formula(st.ID(book.RoleTotal, "0"), sum("C"), b.people, strconv.Itoa(b.people)),
			b.formula(st.ID(book.RoleTotal, fmtYuan), sum("D"), b.cost.InexactFloat64(), shown(b.cost, fmtYuan)),
		}})
		place(top, barChart("各类活动次数", series(SheetCharts, "B", first-1, first, last, "4472C4"),
			SheetCharts, first, last, "0", excelize.ChartAxis{MajorUnit: step(float64(most))}))
		s.add(row{})
	}
	if len(compared) > 0 {
		num++
		top := heading(chineseNumber(num) + "、主要指标同比")
		s.headerRow(st, "指标", "单位", "本期", "上年同期", "同比")
		first := s.next()
		for _, i := range compared {
			ind := b.r.Indicators[i]
			src := b.indicatorRow[i]
			ref := func(col string) string { return fmt.Sprintf("'%s'!%s%d", SheetIndicators, col, src) }
			format := valueFormat(ind)
			s.add(row{cells: []cell{
				b.formula(st.ID(book.RoleText, ""), ref("C"), ind.Name, ind.Name),
				b.formula(st.ID(book.RoleCenter, ""), ref("D"), ind.Unit, ind.Unit),
				b.formula(st.ID(book.RoleNumber, format), ref("E"), ind.Value.InexactFloat64(), shown(ind.Value, format)),
				b.formula(st.ID(book.RoleNumber, format), ref("F"), ind.Previous.InexactFloat64(), shown(*ind.Previous, format)),
				b.formula(st.ID(book.RoleNumber, fmtPercent), ref("H"), ratio(ind.Value.Sub(*ind.Previous), *ind.Previous), "-100.0%"),
			}})
		}
		last := s.next() - 1
		place(top, barChart("主要指标同比增减", series(SheetCharts, "E", first-1, first, last, "4472C4"),
			SheetCharts, first, last, fmtPercent, excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}}))
	}
	return b.write(s)
}

// series is one data column of a chart; the header cell names it.
func series(sheetName, col string, header, first, last int, color string) excelize.ChartSeries {
	return excelize.ChartSeries{
		Name:   fmt.Sprintf("'%s'!$%s$%d", sheetName, col, header),
		Values: fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetName, col, first, col, last),
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
	}
}

// barChart is a chart of one series in bars across the page, categories
// from column A read top to bottom in the table's order, each bar labelled
// with its value in the number format label. values sets the value axis's
// step or number format.
func barChart(title string, ser excelize.ChartSeries, sheetName string, first, last int, label string, values excelize.ChartAxis) *excelize.Chart {
	ser.Categories = fmt.Sprintf("'%s'!$A$%d:$A$%d", sheetName, first, last)
	chartFont := excelize.Font{Family: book.Font, Size: 9, Color: "404040"}
	values.Font, values.MajorGridLines = chartFont, true
	n := last - first + 1
	return &excelize.Chart{
		Type:       excelize.Bar,
		Series:     []excelize.ChartSeries{ser},
		VaryColors: ptr(false),
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: book.Font, Size: 12, Bold: true}}}},
		Legend:     excelize.ChartLegend{Position: "none"}, // the title says what the one series is
		// A bar of 18 px a category, and room for the title and the axis.
		Dimension: excelize.ChartDimension{Width: 520, Height: uint(max(240, 90+18*n))},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: label}},
		// The category axis lists the first row on top, its labels at the
		// left edge even where a bar runs below zero.
		XAxis:  excelize.ChartAxis{Font: chartFont, ReverseOrder: true, TickLabelPosition: excelize.ChartTickLabelLow},
		YAxis:  values,
		Format: excelize.GraphicOptions{OffsetX: 4, OffsetY: 4, AltText: title},
	}
}

// step is the distance between value-axis gridlines: whole numbers for
// small counts (no 0.5 人), the program's choice otherwise.
func step(top float64) float64 {
	if top <= 10 {
		return 1
	}
	return 0
}

// date is a real date cell shown as 2024年3月30日 (or 2024年12月).
func (b *builder) date(d model.Date) cell {
	if d.IsZero() {
		return blank(b.st.ID(book.RoleCenter, ""))
	}
	format := fmtDate
	if !d.HasDay() {
		format = fmtMonth
	}
	return number(b.st.ID(book.RoleCenter, format), float64(book.Serial(d)), dateName(d))
}

// activitiesByDate returns the activities in date order, ties in input order.
func activitiesByDate(in []model.Activity) []model.Activity {
	out := slices.Clone(in)
	key := func(d model.Date) int { return (d.Year*100+d.Month)*100 + d.Day }
	slices.SortStableFunc(out, func(a, b model.Activity) int { return key(a.Date) - key(b.Date) })
	return out
}

// categoriesOf lists the categories the activities use: the canonical ones
// in canonical order, then any others in order of appearance.
func categoriesOf(acts []model.Activity) []string {
	var out []string
	for _, c := range model.Categories() {
		if slices.ContainsFunc(acts, func(a model.Activity) bool { return a.Category == c }) {
			out = append(out, c)
		}
	}
	for _, a := range acts {
		if !slices.Contains(out, a.Category) {
			out = append(out, a.Category)
		}
	}
	return out
}

// valueFormat is how an indicator's figures are shown: money with two
// decimals, other figures with as many decimals as the data has.
func valueFormat(ind model.Indicator) string {
	if u, ok := model.LookupUnit(ind.Unit); ok && u.Kind == model.Money {
		return fmtFixed(2)
	}
	n := decimals(ind.Value)
	if ind.Previous != nil {
		n = max(n, decimals(*ind.Previous))
	}
	return fmtFixed(n)
}

func deltaFormat(ind model.Indicator) string { return valueFormat(ind) }

// decimals counts the decimals a value needs: 0.32 → 2, 5 → 0, 4509.50 → 1.
func decimals(d decimal.Decimal) int {
	n := 0
	for x := d.Abs(); !x.Equal(x.Truncate(0)) && n < 6; x = x.Shift(1) {
		n++
	}
	return n
}

func dec(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

// ratio is a/b as a cell value, or nil (an empty cell) when b is zero.
func ratio(a, b decimal.Decimal) any {
	if b.IsZero() {
		return nil
	}
	return a.DivRound(b, 16).InexactFloat64()
}

// shown approximates the text a number shows with its format, for sizing:
// the digits with the format's decimals, then its unit.
func shown(d decimal.Decimal, format string) string {
	places := 0
	if i := strings.IndexByte(format, '.'); i >= 0 {
		places = strings.Count(format[i:], "0")
	}
	unit := ""
	if i := strings.IndexByte(format, '"'); i >= 0 {
		unit = strings.Trim(format[i:], `"`)
	}
	return d.StringFixed(int32(places)) + unit
}

// chineseNumber gives 一, 二, 三 … for block headings.
func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n <= 10 {
		return digits[n]
	}
	return strconv.Itoa(n)
}
