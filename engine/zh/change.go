package zh

import (
	"strings"

	"github.com/huibao/huibao/engine/model"
	"github.com/shopspring/decimal"
)

// Basis is what this period's figure is compared with: the same span of
// last year (去年同期) for a half-year, a quarter or dates within a year,
// last year as a whole (上年) for a whole year. An annual report that says
// 去年同期 reads as if written by someone who copied a half-year's report.
type Basis int

const (
	SameSpan Basis = iota // 去年同期
	LastYear              // 上年
)

// BasisOf is the basis of comparison of a report on p: 上年 for a whole
// calendar year (span year, or dates from 1 January to 31 December), else
// 去年同期.
func BasisOf(p model.Period) Basis {
	first, last := p.First(), p.Last()
	if first.Month == 1 && first.Day == 1 && last.Month == 12 && last.Day == 31 && first.Year == last.Year {
		return LastYear
	}
	return SameSpan
}

// String names the basis in prose: 去年同期 or 上年.
func (b Basis) String() string {
	if b == LastYear {
		return "上年"
	}
	return "去年同期"
}

// MinRateBase is the smallest last-year count a rate of change is written
// for. A rate on a base of 2 or 9 is noise (1 → 3 is "增长200.0%"); below it
// the change is given as an amount alone: 较去年同期增加2家. It holds for
// counting units; money, quantities and shares have no such floor.
const MinRateBase = 10

// wanYuan is 10万元: a comparison of amounts from this size on is written in
// 万元, the unit Money writes such amounts in, so one sentence never mixes
// 27.04万元 with 19360元.
var wanYuan = decimal.NewFromInt(100000)

// A comparison of a figure with last year's.
type comparison struct {
	flat     bool   // equal (at the precision shown)
	up       bool   // increase
	amount   []byte // |cur - prev| with its unit, or N个百分点
	rate     []byte // 8.6%, 不足0.1%; nil when no rate is written
	times    []byte // 3倍, 10.3倍: cur is at least twice prev
	doubled  bool   // cur is exactly twice prev (at one decimal): 增长1倍
	fromZero bool   // last year was 0, so there is no rate
	ratio    bool   // a percentage, compared in 百分点
}

func compare(cur, prev decimal.Decimal, unit string) (comparison, error) {
	var c comparison
	u, err := lookupUnit(unit)
	if err != nil {
		return c, err
	}
	if cur.Sign() < 0 {
		return c, negative("本期数", plain(nil, cur))
	}
	if prev.Sign() < 0 {
		return c, negative("去年同期数", plain(nil, prev))
	}
	if u.Kind == model.Count && !scaledUnit(unit) {
		for _, v := range []decimal.Decimal{cur, prev} {
			if !v.IsInteger() {
				return c, notWhole(plain(nil, v), unit)
			}
		}
	}
	diff := cur.Sub(prev)
	c.ratio = u.Kind == model.Ratio
	c.up = diff.Sign() > 0
	if c.ratio {
		// Percentages change by 百分点, rounded as percentages are.
		c.amount = appendNumber(nil, diff.Abs(), format{places: 1})
		c.flat = string(c.amount) == "0.0"
		c.amount = append(c.amount, "个百分点"...)
		return c, nil
	}
	if diff.IsZero() {
		c.flat = true
		return c, nil
	}
	if u.Name == "元" && (cur.Cmp(wanYuan) >= 0 || prev.Cmp(wanYuan) >= 0) {
		if w := appendWan(nil, diff.Abs()); string(w) != "0万元" {
			c.amount = w
		}
	}
	if c.amount == nil {
		if c.amount, err = appendMeasure(nil, diff.Abs(), u); err != nil {
			return c, err
		}
	}
	if prev.IsZero() {
		c.fromZero = true
		return c, nil
	}
	if u.Kind == model.Count && !scaledUnit(unit) && prev.LessThan(decimal.NewFromInt(MinRateBase)) {
		return c, nil
	}
	if c.up && cur.Cmp(prev.Add(prev)) >= 0 {
		// From 100% growth on, 倍 reads better than a percentage:
		// 是去年同期的3倍, 是上年的10.3倍; exactly twice is 增长1倍.
		t := appendTimes(nil, cur, prev)
		if string(t) == "2" {
			c.doubled = true
		} else {
			c.times = append(t, "倍"...)
		}
		return c, nil
	}
	var digits [40]byte
	if d, _, zero := appendTenthsOf(digits[:0], diff, prev); zero {
		c.rate = []byte(under)
	} else {
		c.rate = appendTenths(make([]byte, 0, 16), d)
	}
	return c, nil
}

// appendTimes appends cur/prev rounded half away from zero to one decimal,
// a trailing .0 dropped: 3, 10.3. prev must be positive.
func appendTimes(dst []byte, cur, prev decimal.Decimal) []byte {
	q, r := cur.Shift(1).QuoRem(prev, 0)
	if r.Add(r).Cmp(prev) >= 0 {
		q = q.Add(decimal.NewFromInt(1))
	}
	digits, _ := appendScaled(nil, q, 0)
	return appendDigits(dst, digits, format{places: 1, trim: true})
}

// appendDelta appends the change: 增加12人，增长8.6% · 减少3户，下降11.1% ·
// 提高2.5个百分点 · 增加20家，是上年的3倍 · 增加5家，增长1倍.
func (c comparison) appendDelta(b []byte, basis Basis) []byte {
	switch {
	case c.ratio && c.up:
		b = append(b, "提高"...)
	case c.ratio:
		b = append(b, "降低"...)
	case c.up:
		b = append(b, "增加"...)
	default:
		b = append(b, "减少"...)
	}
	b = append(b, c.amount...)
	switch {
	case c.doubled:
		b = append(b, "，增长1倍"...)
	case c.times != nil:
		b = append(b, "，是"...)
		b = append(b, basis.String()...)
		b = append(b, "的"...)
		b = append(b, c.times...)
	case c.rate != nil && c.up:
		b = append(b, "，增长"...)
		b = append(b, c.rate...)
	case c.rate != nil:
		b = append(b, "，下降"...)
		b = append(b, c.rate...)
	}
	return b
}

// Change writes how a figure compares with the same span last year, as a
// clause of a sentence (the caller writes the figure itself first):
//
//	152, 140 人       → 较去年同期增加12人，增长8.6%
//	24, 27 户         → 较去年同期减少3户，下降11.1%
//	5, 5 人次         → 与去年同期持平
//	5, 0 人次         → 较去年同期增加5人次（去年同期为0）
//	3, 1 家           → 较去年同期增加2家          (base under MinRateBase)
//	60, 20 人         → 较去年同期增加40人，是去年同期的3倍
//	40, 20 人         → 较去年同期增加20人，增长1倍
//	4509.5, 4100 元   → 较去年同期增加409.50元，增长10.0%
//	404400, 376248 元 → 较去年同期增加2.82万元，增长7.5%   (万元 like the figure)
//	91.4, 88.9 %      → 较去年同期提高2.5个百分点
//
// The amount is written as Count writes the unit, except that amounts of
// 元 are written in 万元 when either figure reaches 10万元, as Money writes
// such a figure; the rate is the change over last year's figure, rounded
// as Percent rounds, 不足0.1% when a real change rounds to nothing, and 倍
// from twice last year's figure on. Percentages change by 百分点 and have
// no rate. Negative figures, and fractional figures of a counting unit, are
// errors. ChangeFrom compares with another basis.
func Change(cur, prev decimal.Decimal, unit string) (string, error) {
	return ChangeFrom(cur, prev, unit, SameSpan)
}

// ChangeFrom is Change against basis: 较上年增加12人，增长8.6%; 与上年持平.
func ChangeFrom(cur, prev decimal.Decimal, unit string, basis Basis) (string, error) {
	c, err := compare(cur, prev, unit)
	if err != nil {
		return "", err
	}
	if c.flat {
		return "与" + basis.String() + "持平", nil
	}
	b := c.appendDelta(append(append(make([]byte, 0, 96), "较"...), basis.String()...), basis)
	if c.fromZero {
		b = append(b, "（"...)
		b = append(b, basis.String()...)
		b = append(b, "为0）"...)
	}
	return string(b), nil
}

// Delta is Change without 较去年同期, for a sentence that has already named
// the comparison (与去年同期相比，在册会员增加12人，增长8.6%): 减少3户，
// 下降11.1%; 持平; 增加5人次 (last year 0: no rate); 增加20人，是去年同期的
// 3倍. DeltaFrom names another basis in the 倍 clause.
func Delta(cur, prev decimal.Decimal, unit string) (string, error) {
	return DeltaFrom(cur, prev, unit, SameSpan)
}

// DeltaFrom is Delta against basis.
func DeltaFrom(cur, prev decimal.Decimal, unit string, basis Basis) (string, error) {
	c, err := compare(cur, prev, unit)
	if err != nil {
		return "", err
	}
	if c.flat {
		return "持平", nil
	}
	return string(c.appendDelta(make([]byte, 0, 64), basis)), nil
}

// NoRate is what a table's rate column shows when no rate is written:
// last year's figure is 0, or under MinRateBase, or the figure is itself a
// percentage (its change is in the 增减 column, in 百分点).
const NoRate = "—"

// Minus is the minus sign of table cells: U+2212, not the hyphen of ASCII.
const Minus = "−"

// Growth writes the rate of change for a table's 增长率 column, signed and
// to one decimal: 152, 140 → +8.6%; 24, 27 → −11.1%; equal → 0.0%; last
// year 0 → —. It rounds as Percent does. With a unit (GrowthOf) it follows
// the prose: — for a count on a base under MinRateBase and for a share.
func Growth(cur, prev decimal.Decimal) (string, error) {
	if cur.Sign() < 0 {
		return "", negative("本期数", plain(nil, cur))
	}
	if prev.Sign() < 0 {
		return "", negative("去年同期数", plain(nil, prev))
	}
	if prev.IsZero() {
		return NoRate, nil
	}
	var digits [40]byte
	d, neg, zero := appendTenthsOf(digits[:0], cur.Sub(prev), prev)
	var buf [48]byte
	b := buf[:0]
	switch {
	case neg:
		b = append(b, Minus...)
	case !zero:
		b = append(b, '+')
	}
	return string(appendTenths(b, d)), nil
}

// GrowthOf is Growth for a figure in unit, written only where the prose
// writes a rate: — for a share (%), and for a count whose last-year figure
// is under MinRateBase.
func GrowthOf(cur, prev decimal.Decimal, unit string) (string, error) {
	u, err := lookupUnit(unit)
	if err != nil {
		return "", err
	}
	g, err := Growth(cur, prev)
	if err != nil {
		return "", err
	}
	if u.Kind == model.Ratio || u.Kind == model.Count && !scaledUnit(unit) && prev.LessThan(decimal.NewFromInt(MinRateBase)) {
		return NoRate, nil
	}
	return g, nil
}

// Diff writes the change for a table's 增减 column, signed, in the unit the
// column's figures are in and with as many decimals as they carry: 152, 140
// 人 → +12; 24, 27 户 → −3; equal → 0; 4.6, 3.6 万元 → +1.0; 4509.5, 4100 元
// → +409.50; a share changes in 百分点: 97.6, 96.8 % → +0.8个百分点.
func Diff(cur, prev decimal.Decimal, unit string) (string, error) {
	u, err := lookupUnit(unit)
	if err != nil {
		return "", err
	}
	if cur.Sign() < 0 {
		return "", negative("本期数", plain(nil, cur))
	}
	if prev.Sign() < 0 {
		return "", negative("去年同期数", plain(nil, prev))
	}
	diff := cur.Sub(prev)
	var num []byte
	switch {
	case u.Kind == model.Ratio:
		num = appendNumber(nil, diff.Abs(), format{places: 1})
	case u.Name == "元":
		num = []byte(Yuan(diff.Abs()))
		num = num[:len(num)-len("元")]
	default:
		// As many decimals as the figures carry: 4.6, 3.6 万元 → +1.0.
		places := max(-cur.Exponent(), -prev.Exponent(), 0)
		num = appendNumber(nil, diff.Abs(), format{places: places})
	}
	var b []byte
	switch {
	case strings.Trim(string(num), "0.") == "":
		num = []byte("0")
	case diff.Sign() < 0:
		b = append(b, Minus...)
	default:
		b = append(b, '+')
	}
	b = append(b, num...)
	if u.Kind == model.Ratio {
		b = append(b, "个百分点"...)
	}
	return string(b), nil
}

// Compared reports how a unit's figures are compared, for writers of tables
// and workbooks that must say what the prose says: InPoints for a share
// (its change is in 百分点 and it has no rate), and the smallest last-year
// figure a rate is written for (0: any positive one).
func Compared(unit string) (inPoints bool, minBase int, err error) {
	u, err := lookupUnit(unit)
	if err != nil {
		return false, 0, err
	}
	if u.Kind == model.Ratio {
		return true, 0, nil
	}
	if u.Kind == model.Count && !scaledUnit(unit) {
		return false, MinRateBase, nil
	}
	return false, 0, nil
}
