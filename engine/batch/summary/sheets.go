package summary

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/huibao/huibao/engine/zh"
)

// main is 汇总表: one row a unit, its figures against last year's, a rank,
// the street's indicators, a 合计.
func (w *writer) main(units []Unit, list []key) *table {
	const (
		members = 2 + iota
		membersLast
		membersRate
		paying
		payingLast
		rate
		rateLast
		rateDiff
		rank
		dues
		duesLast
		duesRate
		newMembers
		acts
		people
		cost
		firstFixed
	)
	cols := []column{
		{name: "序号", min: 5}, {name: "单位", min: 12, max: 36},
		{group: "在册会员（人）", name: "本期", min: 8}, {group: "在册会员（人）", name: "上年同期", min: 8}, {group: "在册会员（人）", name: "同比", min: 8},
		{group: "缴费会员（人）", name: "本期", min: 8}, {group: "缴费会员（人）", name: "上年同期", min: 8},
		{group: "缴费率", name: "本期", min: 8}, {group: "缴费率", name: "上年同期", min: 8}, {group: "缴费率", name: "增减\n（百分点）", min: 9}, {group: "缴费率", name: "排名", min: 6},
		{group: "会费收缴（元）", name: "本期", min: 11}, {group: "会费收缴（元）", name: "上年同期", min: 11}, {group: "会费收缴（元）", name: "同比", min: 8},
		{name: "新发展会员\n（人）", min: 8},
		{group: "活动", name: "次数", min: 6}, {group: "活动", name: "参加人次", min: 8}, {group: "活动", name: "经费\n（元）", min: 11},
	}
	for _, k := range list {
		cols = append(cols, column{group: "主要指标", name: k.name + "\n（" + k.unit + "）", min: 9})
	}
	cols = append(cols, column{name: "备注", min: 12, max: 30, wrap: true})
	t := &table{sheet: Sheet, title: w.opts.Title, cols: cols, filter: true, total: true}

	last := firstRow + len(units) - 1
	totalRow := last + 1
	ref := func(c, r int) string { return col(c) + strconv.Itoa(r) }
	byPeople := book.Compared("人")
	money := book.Compared("元")
	// The columns' decimals, from every unit's figures.
	fixedPlaces := make([]int, len(list))
	for i, k := range list {
		var vals []decimal.Decimal
		for _, u := range units {
			if u.Figures != nil {
				if ind, ok := u.Figures.indicator(k.name); ok && ind.Unit == k.unit {
					vals = append(vals, ind.Value)
				}
			}
		}
		fixedPlaces[i] = decimalsOf(k.unit, vals...)
	}

	// sums adds up the units' figures for the cached totals; a column a
	// unit left empty has no total.
	type sum struct {
		v       decimal.Decimal
		missing bool
	}
	sums := make([]sum, len(cols))
	counting := true // rowOf adds to sums the first time round only
	add := func(c int, d *decimal.Decimal) {
		if !counting {
			return
		}
		if d == nil {
			sums[c].missing = true
			return
		}
		sums[c].v = sums[c].v.Add(*d)
	}
	var rates []decimal.Decimal // for the cached ranks
	rateOf := func(p, m *decimal.Decimal) *decimal.Decimal {
		if p == nil || m == nil || m.IsZero() {
			return nil
		}
		r := p.DivRound(*m, 3)
		return &r
	}
	for _, u := range units {
		if u.Figures == nil {
			continue
		}
		m := u.Figures.Membership
		if r := rateOf(figure(true, dec(m.DuesPaying)), figure(true, dec(m.Members))); r != nil {
			rates = append(rates, *r)
		}
	}
	rankOf := func(r *decimal.Decimal) any {
		if r == nil {
			return nil
		}
		n := 1
		for _, o := range rates {
			if o.GreaterThan(*r) {
				n++
			}
		}
		return n
	}

	rowOf := func(i int) []cell {
		u := units[i]
		n := firstRow + i
		if u.Figures == nil {
			return w.failed(i+1, u, cols)
		}
		r, m := u.Figures, u.Figures.Membership
		prev := m.Previous
		known := func(path string) bool { return prev != nil && u.given(path) }
		cur := map[int]*decimal.Decimal{
			members: figure(true, dec(m.Members)),
			paying:  figure(true, dec(m.DuesPaying)),
			dues:    figure(true, m.DuesCollected),
		}
		lastYear := map[int]*decimal.Decimal{}
		if prev != nil {
			lastYear[membersLast] = figure(true, dec(prev.Members))
			lastYear[payingLast] = figure(known("membership.previous.dues_paying"), dec(prev.DuesPaying))
			lastYear[duesLast] = figure(known("membership.previous.dues_collected"), prev.DuesCollected)
		}
		row := []cell{w.number(book.RoleCenter, "0", float64(i+1), strconv.Itoa(i+1)), w.text(book.RoleText, u.Name)}
		pair := func(c int, cmp book.Comparison, places int, withRate bool) {
			now, before := cur[c], lastYear[c+1]
			add(c, now)
			add(c+1, before)
			row = append(row, w.num(book.RoleNumber, places, now), w.num(book.RoleNumber, places, before))
			if withRate {
				var rate any
				if now != nil {
					rate = cmp.Rate(*now, before)
				}
				row = append(row, w.formula(book.RoleNumber, book.Signed(book.FmtPercent), cmp.RateOf(ref(c, n), ref(c+1, n)), rate, "+100.0%"))
			}
		}
		pair(members, byPeople, 0, true)
		pair(paying, byPeople, 0, false)
		rNow, rLast := rateOf(cur[paying], cur[members]), rateOf(lastYear[payingLast], lastYear[membersLast])
		var diff any
		if rNow != nil && rLast != nil {
			diff = rNow.Sub(*rLast).Shift(2).Round(1).InexactFloat64()
		}
		row = append(row,
			w.formula(book.RoleNumber, book.FmtPercent, rateFormula(ref(paying, n), ref(members, n)), float(rNow), "100.0%"),
			w.formula(book.RoleNumber, book.FmtPercent, rateFormula(ref(payingLast, n), ref(membersLast, n)), float(rLast), "100.0%"),
			w.formula(book.RoleNumber, book.Signed(fixed(1, "")), pointsFormula(ref(rate, n), ref(rateLast, n)), diff, "+10.0"),
			w.formula(book.RoleCenter, "0", fmt.Sprintf(`IF(%s="","",RANK(%s,%s$%d:%s$%d))`, ref(rate, n), ref(rate, n), col(rate), firstRow, col(rate), last), rankOf(rNow), "100"),
		)
		pair(dues, money, 2, true)
		nm := figure(u.given("membership.new_members"), dec(m.NewMembers))
		add(newMembers, nm)
		row = append(row, w.num(book.RoleNumber, 0, nm))
		for c, d := range map[int]decimal.Decimal{acts: dec(r.Activities), people: dec(r.People), cost: r.Cost} {
			add(c, &d)
		}
		row = append(row,
			w.num(book.RoleNumber, 0, figure(true, dec(r.Activities))),
			w.num(book.RoleNumber, 0, figure(true, dec(r.People))),
			w.num(book.RoleNumber, 2, figure(true, r.Cost)),
		)
		for j, k := range list {
			ind, ok := r.indicator(k.name)
			d := figure(ok && ind.Unit == k.unit, ind.Value)
			add(firstFixed+j, d)
			row = append(row, w.num(book.RoleNumber, fixedPlaces[j], d))
		}
		return append(row, w.text(book.RoleWrap, u.Note))
	}
	t.made(len(units), rowOf)
	counting = false

	// 合计: the sum of the units' rows, over a range that takes in rows
	// inserted above it and counts what a filter shows; empty where a unit
	// left the figure empty, and for the shares.
	totals := []cell{w.text(book.RoleTotalLabel, ""), w.text(book.RoleTotalLabel, "合计")}
	total := func(c, places int) cell {
		s := sums[c]
		f := book.Total(book.SumVisible, col(c), headerRow)
		// Empty when some unit's figure is: a sum of some is no total.
		formula := fmt.Sprintf(`IF(COUNT(%s)<COUNT(%s),"",%s)`, book.Grown(col(c), headerRow), book.Grown(col(members), headerRow), f)
		if s.missing {
			return w.formula(book.RoleTotal, fixed(places, ""), formula, nil, "")
		}
		v := s.v.Round(int32(places))
		return w.formula(book.RoleTotal, fixed(places, ""), formula, v.InexactFloat64(), v.StringFixed(int32(places)))
	}
	cached := func(c int) *decimal.Decimal {
		if sums[c].missing {
			return nil
		}
		v := sums[c].v
		return &v
	}
	good := len(units) - len(failedNames(units))
	if good == 0 {
		for c := range sums {
			sums[c].missing = true
		}
	}
	totalRate := func(c int, cmp book.Comparison) cell {
		var v any
		if now := cached(c); now != nil {
			v = cmp.Rate(*now, cached(c+1))
		}
		return w.formula(book.RoleTotal, book.Signed(book.FmtPercent), cmp.RateOf(ref(c, totalRow), ref(c+1, totalRow)), v, "+100.0%")
	}
	totals = append(totals, total(members, 0), total(membersLast, 0), totalRate(members, byPeople), total(paying, 0), total(payingLast, 0))
	rNow, rLast := rateOf(cached(paying), cached(members)), rateOf(cached(payingLast), cached(membersLast))
	var diff any
	if rNow != nil && rLast != nil {
		diff = rNow.Sub(*rLast).Shift(2).Round(1).InexactFloat64()
	}
	totals = append(totals,
		w.formula(book.RoleTotal, book.FmtPercent, rateFormula(ref(paying, totalRow), ref(members, totalRow)), float(rNow), "100.0%"),
		w.formula(book.RoleTotal, book.FmtPercent, rateFormula(ref(payingLast, totalRow), ref(membersLast, totalRow)), float(rLast), "100.0%"),
		w.formula(book.RoleTotal, book.Signed(fixed(1, "")), pointsFormula(ref(rate, totalRow), ref(rateLast, totalRow)), diff, "+10.0"),
		w.text(book.RoleTotalLabel, ""),
		total(dues, 2), total(duesLast, 2), totalRate(dues, money),
		total(newMembers, 0), total(acts, 0), total(people, 0), total(cost, 2),
	)
	var shares []string
	for j, k := range list {
		if u, ok := model.LookupUnit(k.unit); ok && u.Kind == model.Ratio {
			totals = append(totals, w.text(book.RoleTotalLabel, zh.NoRate))
			shares = append(shares, k.name)
			continue
		}
		totals = append(totals, total(firstFixed+j, fixedPlaces[j]))
	}
	t.rows = append(t.rows, append(totals, w.text(book.RoleTotalLabel, "")))

	t.notes = append(t.notes, fmt.Sprintf("注：缴费率＝缴费会员÷在册会员，四舍五入到0.1%%，增减以百分点计，排名按本期缴费率由高到低；同比四舍五入到0.1%%，上年同期不足%d人时不计算（记“%s”）。活动次数、参加人次和经费由各单位填报的活动汇总。空白表示该单位没有填报这一项；有单位没有填报的项目不计合计。",
		zh.MinRateBase, zh.NoRate))
	if len(shares) > 0 {
		t.notes = append(t.notes, "比例指标（"+strings.Join(shares, "、")+"）各单位不能相加，不计合计。")
	}
	if failed := failedNames(units); len(failed) > 0 {
		t.notes = append(t.notes, strings.Join(failed, "、")+"没有生成报告（原因见备注），不计入合计和排名；改正后重新生成汇总表。")
	}
	return t
}

// rateFormula is 缴费率 from the cells of 缴费会员 and 在册会员, rounded as
// the prose writes it (zh.Rate).
func rateFormula(paying, members string) string {
	return fmt.Sprintf(`IF(OR(%s="",%s="",%s=0),"",ROUND(%s/%s,3))`, paying, members, members, paying, members)
}

// pointsFormula is the change of a share in 百分点.
func pointsFormula(now, before string) string {
	return fmt.Sprintf(`IF(OR(%s="",%s=""),"",ROUND((%s-%s)*100,1))`, now, before, now, before)
}

// float is a figure as a cell value: nil stays nil.
func float(d *decimal.Decimal) any {
	if d == nil {
		return nil
	}
	return d.InexactFloat64()
}

// categories is 分类活动: each unit's activities and participants by
// category, the categories in the order reports take them.
func (w *writer) categories(units []Unit) *table {
	type counts struct{ n, people int }
	per := map[string]map[string]*counts{} // unit → category → counts
	used := map[string]bool{}
	for _, u := range units {
		if u.Figures == nil {
			continue
		}
		m := map[string]*counts{}
		for _, t := range u.Figures.Categories {
			m[t.Category] = &counts{t.N, t.People}
			used[t.Category] = true
		}
		per[u.Name] = m
	}
	if len(used) == 0 {
		return nil
	}
	var cats []string
	for _, c := range model.Categories() {
		if used[c] {
			cats = append(cats, c)
		}
	}
	for _, u := range units {
		if u.Figures == nil {
			continue
		}
		for _, t := range u.Figures.Categories {
			if !used[t.Category] {
				continue
			}
			if !contains(cats, t.Category) {
				cats = append(cats, t.Category)
			}
		}
	}
	cols := []column{{name: "序号", min: 5}, {name: "单位", min: 12, max: 36}}
	for _, c := range cats {
		cols = append(cols, column{group: c, name: "次数", min: 5}, column{group: c, name: "人次", min: 6})
	}
	cols = append(cols, column{group: "合计", name: "次数", min: 6}, column{group: "合计", name: "人次", min: 7}, column{name: "备注", min: 12, max: 30, wrap: true})
	t := &table{sheet: SheetCategories, title: strings.Replace(w.opts.Title, "工作情况汇总表", "各类活动汇总表", 1), cols: cols, filter: true, total: true}
	sums := make([]int, len(cols))
	counting := true // rowOf adds to sums the first time round only
	rowOf := func(i int) []cell {
		u := units[i]
		n := firstRow + i
		if u.Figures == nil {
			return w.failed(i+1, u, cols)
		}
		row := []cell{w.number(book.RoleCenter, "0", float64(i+1), strconv.Itoa(i+1)), w.text(book.RoleText, u.Name)}
		allN, allP := 0, 0
		var ns, ps []string
		for j, c := range cats {
			k := per[u.Name][c]
			if k == nil {
				k = &counts{}
			}
			allN, allP = allN+k.n, allP+k.people
			if counting {
				sums[2+2*j] += k.n
				sums[3+2*j] += k.people
			}
			row = append(row, w.number(book.RoleNumber, "0", float64(k.n), strconv.Itoa(k.n)), w.number(book.RoleNumber, "0", float64(k.people), strconv.Itoa(k.people)))
			ns, ps = append(ns, col(2+2*j)+strconv.Itoa(n)), append(ps, col(3+2*j)+strconv.Itoa(n))
		}
		if counting {
			sums[len(cols)-3] += allN
			sums[len(cols)-2] += allP
		}
		row = append(row,
			w.formula(book.RoleNumber, "0", "SUM("+strings.Join(ns, ",")+")", allN, strconv.Itoa(allN)),
			w.formula(book.RoleNumber, "0", "SUM("+strings.Join(ps, ",")+")", allP, strconv.Itoa(allP)),
			w.text(book.RoleWrap, u.Note))
		return row
	}
	t.made(len(units), rowOf)
	counting = false
	totals := []cell{w.text(book.RoleTotalLabel, ""), w.text(book.RoleTotalLabel, "合计")}
	for c := 2; c < len(cols)-1; c++ {
		totals = append(totals, w.formula(book.RoleTotal, "0", book.Total(book.SumVisible, col(c), headerRow), sums[c], strconv.Itoa(sums[c])))
	}
	t.rows = append(t.rows, append(totals, w.text(book.RoleTotalLabel, "")))
	t.notes = []string{"注：次数为各单位填报的活动项数，人次为参加活动的人数之和。"}
	return t
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// own is 各单位指标: every indicator not on the street's list, one row
// each, with its change and 同比 as the appendix writes them.
func (w *writer) own(units []Unit, own func(key) bool) *table {
	cols := []column{{name: "序号", min: 5}, {name: "单位", min: 12, max: 30, wrap: true}, {name: "类别", min: 9},
		{name: "指标", min: 14, max: 30, wrap: true}, {name: "计量单位", min: 6},
		{name: "本期", min: 9}, {name: "上年同期", min: 9}, {name: "增减", min: 10}, {name: "同比", min: 8}}
	t := &table{sheet: SheetIndicators, title: strings.Replace(w.opts.Title, "工作情况汇总表", "工作指标明细", 1), cols: cols, filter: true}
	basis := "上年同期"
	type at struct{ unit, ind int32 } // a row: the unit's indicator
	var rows []at
	for i, u := range units {
		if u.Figures == nil {
			continue
		}
		if zh.BasisOf(u.Figures.Period) == zh.LastYear {
			basis = "上年"
		}
		for j, ind := range u.Figures.Indicators {
			if own(key{ind.Name, ind.Unit}) {
				rows = append(rows, at{int32(i), int32(j)})
			}
		}
	}
	if len(rows) == 0 {
		return nil
	}
	t.made(len(rows), func(k int) []cell {
		u := units[rows[k].unit]
		ind := u.Figures.Indicators[rows[k].ind]
		n := firstRow + k
		r := strconv.Itoa(n)
		places := decimalsOf(ind.Unit, ind.Value)
		if ind.Previous != nil {
			places = max(places, decimalsOf(ind.Unit, *ind.Previous))
		}
		c := book.Compared(ind.Unit)
		format := fixed(places, "")
		return []cell{
			w.number(book.RoleCenter, "0", float64(k+1), strconv.Itoa(k+1)),
			w.text(book.RoleWrap, u.Name),
			w.text(book.RoleCenter, ind.Category),
			w.text(book.RoleWrap, ind.Name),
			w.text(book.RoleCenter, ind.Unit),
			w.num(book.RoleNumber, places, &ind.Value),
			w.num(book.RoleNumber, places, ind.Previous),
			w.formula(book.RoleNumber, c.DiffFormat(format), c.DiffFormula("F"+r, "G"+r, places), c.Diff(ind.Value, ind.Previous, places), "+"+ind.Value.StringFixed(int32(places))+"个百分点"),
			w.formula(book.RoleNumber, book.Signed(book.FmtPercent), c.RateFormula("H"+r, "G"+r), c.Rate(ind.Value, ind.Previous), "+100.0%"),
		}
	})
	t.cols[6].name = basis
	// No 合计: the indicators are of different things.
	t.notes = []string{fmt.Sprintf("注：汇总表“主要指标”以外的指标，各单位一行一项，可按单位或指标筛选。增减＝本期－%s；同比四舍五入到0.1%%，计数的指标%s不足%d时不计算（记“%s”）；单位为%%的指标增减以百分点计，不计算同比。",
		basis, basis, zh.MinRateBase, zh.NoRate)}
	return t
}
