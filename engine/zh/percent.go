package zh

import (
	"fmt"
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// under is how a positive share too small to show at one decimal is written,
// rather than a 0% that reads as "none".
const under = "不足0.1%"

// appendTenths appends a number of tenths of a percent as a percentage,
// always with its one decimal: 914 → 91.4%, 900 → 90.0%. Statistical
// bulletins keep one decimal throughout a document (增长7.8%……增长11.0%),
// so that figures of one kind look alike (GB/T 15835 同类别同形式).
func appendTenths(dst []byte, digits []byte) []byte {
	dst = appendDigits(dst, digits, format{places: 1})
	return append(dst, '%')
}

// Percent writes a ratio (0.914 for 91.4%) as a percentage: multiplied by
// 100 and rounded half away from zero (四舍五入) to one decimal, which is
// always written: 0.914 → 91.4%, 0.9 → 90.0%, 1 → 100.0%, -0.111 → -11.1%.
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
