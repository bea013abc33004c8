package xlsx

import (
	"fmt"
	"strconv"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// chartRows is the most bars one chart draws: a street's 40 indicators on
// one chart (or one forced page) are unreadable, so they are charted 15 at
// a time, each chart on a page of its own beside its table.
const chartRows = 15

// charts writes 统计图表: activities per category, and the 同比 of every
// indicator the prose gives a rate, as tables of formulas over the other
// sheets and as native bar charts drawn from those tables. The indicators
// are charted by their 同比, not by their figures: a street's indicators
// run from 4 个 to 12360 人次 in a dozen units, and on one axis of figures
// all but the largest would be invisible. The bars run across the page, so
// that Chinese names read as lines of text; each table with its chart
// starts a page.
func (b *builder) charts() error {
	st := b.st
	cats := categoriesOf(b.acts)
	var compared []int
	for i, ind := range b.r.Indicators {
		if _, ok := rateOf(ind); ok {
			compared = append(compared, i)
		}
	}
	if len(cats) == 0 && len(compared) == 0 {
		return nil
	}
	s := &sheet{
		name: SheetCharts, title: b.titleOf("统计图表"),
		cols:      []column{{min: 14, max: 30, wrap: true}, {min: 10}, {min: 10}, {min: 12}, {min: 9}, {min: 3}},
		landscape: true, repeatRows: 1,
		// excelize anchors charts assuming rows of the default 15 points;
		// rows of that height keep the charts the size asked for.
		rowHeight: 15,
	}
	heading := func(t string) int {
		if s.count > 0 {
			s.add(row{})
			s.breaks = append(s.breaks, s.next())
		}
		return s.note(st, book.RoleHeading, t)
	}
	const chartCol = "G"
	place := func(top int, c *excelize.Chart) {
		s.charts = append(s.charts, placedChart{at: chartCol + strconv.Itoa(top), chart: c})
		// The rows below the chart are kept free, so the next block's page
		// break falls after it.
		for end := top + (int(c.Dimension.Height)+19)/20 + 1; s.next() <= end; {
			s.add(row{})
		}
	}
	num := 0
	if len(cats) > 0 {
		num++
		top := heading(chineseNumber(num) + "、各类活动统计")
		s.headerRow(st, "类别", "活动次数", "参加人数", "经费")
		ledger := func(col string) string { return book.Between(SheetLedger, col, ledgerHeader, b.ledgerTotal) }
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
		header := first - 1
		s.add(row{cells: []cell{
			text(st.ID(book.RoleTotalLabel, ""), "合计"),
			b.formula(st.ID(book.RoleTotal, "0"), book.Total(book.SumVisible, "B", header), len(b.acts), strconv.Itoa(len(b.acts))),
			b.formula(st.ID(book.RoleTotal, "0"), book.Total(book.SumVisible, "C", header), b.people, strconv.Itoa(b.people)),
			b.formula(st.ID(book.RoleTotal, fmtYuan), book.Total(book.SumVisible, "D", header), b.cost.InexactFloat64(), shown(b.cost, fmtYuan)),
		}})
		place(top, barChart("各类活动次数", series(SheetCharts, "B", first-1, first, last, "4472C4"),
			SheetCharts, first, last, "0", excelize.ChartAxis{MajorUnit: step(float64(most))}))
	}
	for k := 0; k < len(compared); k += chartRows {
		ids := compared[k:min(k+chartRows, len(compared))]
		num++
		part := ""
		if len(compared) > chartRows {
			part = "（" + chineseNumber(k/chartRows+1) + "）"
		}
		top := heading(chineseNumber(num) + "、主要指标同比" + part)
		s.headerRow(st, "指标", "单位", "本期", basisHeader(b.r.Period), "同比")
		first, low := s.next(), 0.0
		for _, i := range ids {
			ind := b.r.Indicators[i]
			src := b.indicatorRow[i]
			ref := func(col string) string { return fmt.Sprintf("'%s'!%s%d", SheetIndicators, col, src) }
			format, _ := valueFormat(ind)
			rate, _ := rateOf(ind)
			low = min(low, rate)
			s.add(row{cells: []cell{
				b.formula(st.ID(book.RoleWrap, ""), ref("C"), ind.Name, ind.Name),
				b.formula(st.ID(book.RoleCenter, ""), ref("D"), ind.Unit, ind.Unit),
				b.formula(st.ID(book.RoleNumber, format), ref("E"), ind.Value.InexactFloat64(), shown(ind.Value, format)),
				b.formula(st.ID(book.RoleNumber, format), ref("F"), ind.Previous.InexactFloat64(), shown(*ind.Previous, format)),
				b.formula(st.ID(book.RoleNumber, fmtSigned(fmtPercent)), ref("H"), rate, "−100.0%"),
			}})
		}
		last := s.next() - 1
		axis := excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}}
		if low >= 0 {
			// Bars from 0: an axis starting at 16.8% would make +17.1%
			// look twice +16.9%.
			axis.Minimum = ptr(0.0)
		}
		place(top, barChart("主要指标同比增减"+part, series(SheetCharts, "E", first-1, first, last, "4472C4"),
			SheetCharts, first, last, fmtSigned(fmtPercent), axis))
	}
	return b.write(s)
}

// rateOf is an indicator's 同比 as the prose gives it, and whether the
// prose gives one: last year's figure known and not 0, not a share, and
// not a count under zh.MinRateBase.
func rateOf(ind model.Indicator) (float64, bool) {
	v, ok := book.Compared(ind.Unit).Rate(ind.Value, ind.Previous).(float64)
	return v, ok
}

// series is one data column of a chart; the header cell names it.
func series(sheetName, col string, header, first, last int, color string) excelize.ChartSeries {
	return excelize.ChartSeries{
		Name:   fmt.Sprintf("'%s'!$%s$%d", sheetName, col, header),
		Values: fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetName, col, first, col, last),
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
		// The value at the bar's outer end, clear of the category names
		// at the axis, on either side of zero.
		DataLabelPosition: excelize.ChartDataLabelsPositionOutsideEnd,
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
		// A bar of 22 px a category, so that two lines of a long name fit
		// beside it, and room for the title and the axis.
		Dimension: excelize.ChartDimension{Width: 560, Height: uint(max(240, 90+22*n))},
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
