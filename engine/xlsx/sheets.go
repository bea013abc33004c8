package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/huibao/huibao/engine/zh"
	"github.com/shopspring/decimal"
)

// membership writes 会员情况: this period against the same period last year,
// with the changes and the dues rate as formulas. A figure the input does
// not give — last year's dues when only last year's members are known,
// 新发展会员 not reported — is an empty cell, and so is every change
// computed from it.
func (b *builder) membership() error {
	m := b.r.Membership
	st := b.st
	basis := basisHeader(b.r.Period)
	s := &sheet{
		name: SheetMembership, title: b.titleOf("会员情况"),
		cols:       []column{{min: 14}, {min: 13}, {min: 13}, {min: 15}, {min: 11}},
		freezeRows: 2, repeatRows: 2,
	}
	s.headerRow(st, "项目", "本期", basis, "增减", "同比")
	prev := m.Previous
	known := func(path string) bool { return prev != nil && b.given(path) }
	type line struct {
		label, unit string
		cur, last   *decimal.Decimal
		compared    bool // has a 上年同期 at all
	}
	var lines []line
	at := func(ok bool, d decimal.Decimal) *decimal.Decimal {
		if !ok {
			return nil
		}
		return &d
	}
	lines = append(lines,
		line{"在册会员", "人", at(true, dec(m.Members)), nil, true},
		line{"缴费会员", "人", at(true, dec(m.DuesPaying)), nil, true},
		line{"会费收缴", "元", at(true, m.DuesCollected), nil, true},
		line{"新发展会员", "人", at(b.given("membership.new_members"), dec(m.NewMembers)), nil, false},
	)
	if prev != nil {
		lines[0].last = at(true, dec(prev.Members))
		lines[1].last = at(known("membership.previous.dues_paying"), dec(prev.DuesPaying))
		lines[2].last = at(known("membership.previous.dues_collected"), prev.DuesCollected)
	}
	for _, l := range lines {
		r := strconv.Itoa(s.next())
		format := fmtUnit("0", l.unit)
		places := 0
		if l.unit == "元" {
			format, places = fmtYuan, 2
		}
		c := book.Compared(l.unit)
		cells := []cell{text(st.ID(book.RoleText, ""), l.label), b.figure(format, l.cur), b.figure(format, l.last)}
		if !l.compared {
			cells = append(cells, blank(st.ID(book.RoleNumber, "")), blank(st.ID(book.RoleNumber, "")))
			s.add(row{cells: cells})
			continue
		}
		var diff, rate any
		if l.cur != nil {
			diff, rate = c.Diff(*l.cur, l.last, places), c.Rate(*l.cur, l.last)
		}
		cells = append(cells,
			b.formula(st.ID(book.RoleNumber, c.DiffFormat(format)), c.DiffFormula("B"+r, "C"+r, places), diff, "+"+shown(decimal.New(1, 4), format)),
			b.formula(st.ID(book.RoleNumber, fmtSigned(fmtPercent)), c.RateFormula("D"+r, "C"+r), rate, "+100.0%"),
		)
		s.add(row{cells: cells})
	}
	// 缴费率, from rows 3 (在册会员) and 4 (缴费会员): rounded to 0.1% as the
	// prose writes it (zh.Rate), and compared in 百分点.
	n := strconv.Itoa(s.next())
	share := func(paying, members *decimal.Decimal) any {
		if paying == nil || members == nil || members.IsZero() {
			return nil
		}
		return paying.DivRound(*members, 3)
	}
	cur, last := share(lines[1].cur, lines[0].cur), share(lines[1].last, lines[0].last)
	rateOf := func(col string) string {
		return fmt.Sprintf(`IF(OR(%[1]s3="",%[1]s4="",%[1]s3=0),"",ROUND(%[1]s4/%[1]s3,3))`, col)
	}
	var diff, mark any
	if c, ok := cur.(decimal.Decimal); ok {
		if l, ok := last.(decimal.Decimal); ok {
			diff, mark = c.Sub(l).Shift(2).Round(1).InexactFloat64(), zh.NoRate
		}
	}
	s.add(row{cells: []cell{
		text(st.ID(book.RoleText, ""), "缴费率"),
		b.formula(st.ID(book.RoleNumber, fmtPercent), rateOf("B"), float(cur), "100.0%"),
		b.formula(st.ID(book.RoleNumber, fmtPercent), rateOf("C"), float(last), "100.0%"),
		b.formula(st.ID(book.RoleNumber, fmtSigned(fmtPoints)), `IF(OR(B`+n+`="",C`+n+`=""),"",ROUND((B`+n+`-C`+n+`)*100,1))`, diff, "+10.0个百分点"),
		b.formula(st.ID(book.RoleNumber, fmtSigned(fmtPercent)), `IF(OR(B`+n+`="",C`+n+`=""),"","`+zh.NoRate+`")`, mark, zh.NoRate),
	}})
	note := "注：缴费率＝缴费会员÷在册会员，由公式计算，四舍五入到0.1%。"
	if prev != nil {
		note = fmt.Sprintf("注：%s为上一年同一期间的数字；增减、同比和缴费率由公式计算，改动数字后自动更新。同比四舍五入到0.1%%，%s不足%d人时不计算（记“%s”）；缴费率的增减以百分点计。空白的格没有填报，也不计算。",
			basis, basis, zh.MinRateBase, zh.NoRate)
	}
	s.note(st, book.RoleNoteWrapped, note)
	return b.write(s)
}

// figure is a number cell, or an empty one for a figure not given.
func (b *builder) figure(format string, d *decimal.Decimal) cell {
	if d == nil {
		return blank(b.st.ID(book.RoleNumber, format))
	}
	return number(b.st.ID(book.RoleNumber, format), d.InexactFloat64(), shown(*d, format))
}

// float is a ratio as a cell value: nil stays nil.
func float(v any) any {
	if d, ok := v.(decimal.Decimal); ok {
		return d.InexactFloat64()
	}
	return v
}

// basisHeader names last year's column as the prose names the basis: 上年
// for a whole year, 上年同期 otherwise.
func basisHeader(p model.Period) string {
	if zh.BasisOf(p) == zh.LastYear {
		return "上年"
	}
	return "上年同期"
}

// indicators writes 工作指标: every figure the report quotes, with its
// change and 同比 as formulas that compare as the prose does: a share (%)
// in 百分点 and without a rate, a count without a rate on a last-year
// figure under zh.MinRateBase. There is no sheet without indicators.
func (b *builder) indicators() error {
	if len(b.r.Indicators) == 0 {
		return nil
	}
	st := b.st
	basis := basisHeader(b.r.Period)
	s := &sheet{
		name: SheetIndicators, title: b.titleOf("工作指标"),
		cols: []column{{min: 6}, {min: 10}, {min: 14, max: 30, wrap: true}, {min: 6},
			{min: 10}, {min: 10}, {min: 12}, {min: 9}},
		freezeRows: 2, repeatRows: 2,
	}
	s.headerRow(st, "序号", "类别", "指标", "单位", "本期", basis, "增减", "同比")
	b.indicatorRow = make([]int, len(b.r.Indicators))
	points := false
	for i, ind := range b.r.Indicators {
		n := s.next()
		b.indicatorRow[i] = n
		r := strconv.Itoa(n)
		format, places := valueFormat(ind)
		c := book.Compared(ind.Unit)
		points = points || c.InPoints()
		s.add(row{cells: []cell{
			number(st.ID(book.RoleCenter, ""), float64(i+1), strconv.Itoa(i+1)),
			text(st.ID(book.RoleCenter, ""), ind.Category),
			text(st.ID(book.RoleWrap, ""), ind.Name),
			text(st.ID(book.RoleCenter, ""), ind.Unit),
			b.figure(format, &ind.Value),
			b.figure(format, ind.Previous),
			b.formula(st.ID(book.RoleNumber, c.DiffFormat(format)), c.DiffFormula("E"+r, "F"+r, places),
				c.Diff(ind.Value, ind.Previous, places), "+"+shown(ind.Value, format)+"个百分点"),
			b.formula(st.ID(book.RoleNumber, fmtSigned(fmtPercent)), c.RateFormula("G"+r, "F"+r), c.Rate(ind.Value, ind.Previous), "+100.0%"),
		}})
	}
	s.filter = fmt.Sprintf("A2:H%d", s.next()-1)
	note := fmt.Sprintf("注：增减＝本期－%s，同比＝增减÷%s，均由公式计算，同比四舍五入到0.1%%；未填%s的指标不计算，计数的指标%s不足%d时不计算同比（记“%s”）。",
		basis, basis, basis, basis, zh.MinRateBase, zh.NoRate)
	if points {
		note += "单位为%的指标，增减以百分点计，不计算同比。"
	}
	s.note(st, book.RoleNoteWrapped, note)
	return b.write(s)
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
	key := func(d model.Date) int { return (d.Year*100+d.Month)*100 + d.Day }
	byDate := func(a, b model.Activity) int { return key(a.Date) - key(b.Date) }
	if slices.IsSortedFunc(in, byDate) {
		// A roll-up's are, and a copy of its hundred thousand would be
		// 25 MB: the appendix only reads them.
		return in
	}
	out := slices.Clone(in)
	slices.SortStableFunc(out, byDate)
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

// valueFormat is how an indicator's figures are shown, and with how many
// decimals: money with two, other figures with as many as the data has.
func valueFormat(ind model.Indicator) (string, int) {
	if u, ok := model.LookupUnit(ind.Unit); ok && u.Kind == model.Money {
		return fmtFixed(2), 2
	}
	n := decimals(ind.Value)
	if ind.Previous != nil {
		n = max(n, decimals(*ind.Previous))
	}
	return fmtFixed(n), n
}

// decimals counts the decimals a value needs: 0.32 → 2, 5 → 0, 4509.50 → 1.
func decimals(d decimal.Decimal) int {
	n := 0
	for x := d.Abs(); !x.Equal(x.Truncate(0)) && n < 6; x = x.Shift(1) {
		n++
	}
	return n
}

func dec(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

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
