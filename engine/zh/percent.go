package zh

import (
	"fmt"
	"math"
	"strconv"

	"github.com/huibao/huibao/engine/model"
	"github.com/shopspring/decimal"
)

// under is how a positive share too small to show at one decimal is written,
// rather than a 0% that reads as "none".
const under = "不足0.1%"

// appendTenths appends a number of tenths of a percent as a percentage:
// 914 → 91.4%, 900 → 90%.
func appendTenths(dst []byte, digits []byte) []byte {
	dst = appendDigits(dst, digits, format{places: 1, trim: true})
	return append(dst, '%')
}

// Percent writes a ratio (0.914 for 91.4%) as a percentage: multiplied by
// 100, rounded half away from zero (四舍五入) to one decimal, with a
// trailing .0 dropped: 0.914 → 91.4%, 0.9 → 90%, 1 → 100%, -0.111 → -11.1%.
// A positive ratio that rounds to 0 is 不足0.1%.
func Percent(r decimal.Decimal) string {
	var buf [48]byte
	digits, neg := appendScaled(buf[:0], r, 3)
	if r.Sign() > 0 && isZeroDigits(digits) {
		return under
	}
	var out [56]byte
	b := out[:0]
	if neg {
		b = append(b, '-')
	}
	return string(appendTenths(b, digits))
}

func isZeroDigits(d []byte) bool { return len(d) == 1 && d[0] == '0' }

// appendTenthsOf appends the digits of |part/whole| in tenths of a percent,
// rounded half away from zero, computed exactly (no intermediate rounding
// that could turn 91.44999… into 91.5), and reports whether the quotient
// is negative and whether it rounds to zero. whole must not be zero.
func appendTenthsOf(dst []byte, part, whole decimal.Decimal) (out []byte, neg, zero bool) {
	neg = part.Sign()*whole.Sign() < 0
	const limit = math.MaxInt64 / 2000 // room for ·1000 and 2r
	if part.IsInteger() && whole.IsInteger() {
		p, _, okp := scaled(part, 0)
		w, _, okw := scaled(whole, 0)
		if okp && okw && p < limit && w < limit {
			q, r := p*1000/w, p*1000%w
			if 2*r >= w {
				q++
			}
			return strconv.AppendInt(dst, q, 10), neg && q != 0, q == 0
		}
	}
	w := whole.Abs()
	q, r := part.Abs().Shift(3).QuoRem(w, 0)
	if r.Add(r).Cmp(w) >= 0 {
		q = q.Add(decimal.NewFromInt(1))
	}
	out, _ = appendScaled(dst, q, 0)
	return out, neg && !q.IsZero(), q.IsZero()
}

// Rate writes part as a share of whole: Rate(139, 152) → 91.4%. It rounds
// as Percent does, from the exact quotient. A whole of 0 is an error.
func Rate(part, whole decimal.Decimal) (string, error) {
	if whole.IsZero() {
		return "", fmt.Errorf("%w：%s/0", ErrZeroBase, plain(nil, part))
	}
	var digits [40]byte
	d, neg, zero := appendTenthsOf(digits[:0], part, whole)
	if zero && part.Sign()*whole.Sign() > 0 {
		return under, nil
	}
	var buf [48]byte
	b := buf[:0]
	if neg {
		b = append(b, '-')
	}
	return string(appendTenths(b, d)), nil
}

// A comparison of a figure with the same span last year.
type comparison struct {
	flat     bool   // equal
	up       bool   // increase
	amount   []byte // |cur - prev| with its unit, or N个百分点
	rate     []byte // 8.6%, 不足0.1%; nil when there is no rate
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
		c.amount = appendNumber(nil, diff.Abs(), format{places: 1, trim: true})
		c.flat = isZeroDigits(c.amount)
		c.amount = append(c.amount, "个百分点"...)
		return c, nil
	}
	if diff.IsZero() {
		c.flat = true
		return c, nil
	}
	if c.amount, err = appendMeasure(nil, diff.Abs(), u); err != nil {
		return c, err
	}
	if prev.IsZero() {
		c.fromZero = true
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

// appendDelta appends the change without reference to last year:
// 增加12人，增长8.6% · 减少3户，下降11.1% · 提高2.5个百分点.
func (c comparison) appendDelta(b []byte) []byte {
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
	if c.rate != nil {
		if c.up {
			b = append(b, "，增长"...)
		} else {
			b = append(b, "，下降"...)
		}
		b = append(b, c.rate...)
	}
	return b
}

// Change writes how a figure compares with the same span last year, as a
// clause of a sentence (the caller writes the figure itself first):
//
//	152, 140 人     → 较去年同期增加12人，增长8.6%
//	24, 27 户       → 较去年同期减少3户，下降11.1%
//	5, 5 人次       → 与去年同期持平
//	5, 0 人次       → 较去年同期增加5人次（去年同期为0）
//	4509.5, 4100 元 → 较去年同期增加409.50元，增长10%
//	91.4, 88.9 %    → 较去年同期提高2.5个百分点
//
// The amount is written as Count writes the unit; the rate is the change
// over last year's figure, rounded as Percent rounds, and 不足0.1% when a
// real change rounds to nothing. Percentages change by 百分点 and have no
// rate. Negative figures, and fractional figures of a counting unit, are
// errors.
func Change(cur, prev decimal.Decimal, unit string) (string, error) {
	c, err := compare(cur, prev, unit)
	if err != nil {
		return "", err
	}
	if c.flat {
		return "与去年同期持平", nil
	}
	b := c.appendDelta(append(make([]byte, 0, 96), "较去年同期"...))
	if c.fromZero {
		b = append(b, "（去年同期为0）"...)
	}
	return string(b), nil
}

// Delta is Change without 较去年同期, for a table's 同比 column or a
// sentence that has already named the comparison: 增加12人，增长8.6%,
// 减少3户，下降11.1%, 持平, 增加5人次 (last year 0: no rate).
func Delta(cur, prev decimal.Decimal, unit string) (string, error) {
	c, err := compare(cur, prev, unit)
	if err != nil {
		return "", err
	}
	if c.flat {
		return "持平", nil
	}
	return string(c.appendDelta(make([]byte, 0, 64))), nil
}

// NoRate is what Growth writes when last year's figure is 0.
const NoRate = "—"

// Growth writes the rate of change alone, signed, for a table column:
// 152, 140 → 8.6%; 24, 27 → -11.1%; equal → 0%; last year 0 → —. It rounds
// as Percent does.
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
	d, neg, _ := appendTenthsOf(digits[:0], cur.Sub(prev), prev)
	var buf [48]byte
	b := buf[:0]
	if neg {
		b = append(b, '-')
	}
	return string(appendTenths(b, d)), nil
}
