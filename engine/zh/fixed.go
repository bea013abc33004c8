package zh

import (
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// pow10 holds the powers of ten that fit an int64.
var pow10 = [...]int64{
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
	1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000,
}

// scaled returns |d| rounded half away from zero to places decimals, as the
// integer |d|·10^places, and the sign of d (so -0.004 at two places is 0 and
// not negative). ok is false when the result does not fit an int64.
//
// This is the hot path of every money and count format: it does no
// allocation for the figures a report holds (coefficients of up to 18
// digits); others take decimal's arithmetic.
func scaled(d decimal.Decimal, places int32) (v int64, neg, ok bool) {
	if d.NumDigits() > 18 {
		return bigScaled(d, places)
	}
	c := d.CoefficientInt64()
	if c < 0 {
		neg, c = true, -c
	}
	shift := d.Exponent() + places
	switch {
	case c == 0:
		return 0, false, true
	case shift >= 0:
		if shift > 18 || c > math.MaxInt64/pow10[shift] {
			return bigScaled(d, places)
		}
		v = c * pow10[shift]
	case -shift > 18:
		v = 0 // |c| < 10^18 ≤ half of 10^-shift
	default:
		p := pow10[-shift]
		v = c / p
		if r := c % p; 2*r >= p {
			v++
		}
	}
	return v, neg && v != 0, true
}

// bigScaled is scaled for figures beyond int64 arithmetic.
func bigScaled(d decimal.Decimal, places int32) (v int64, neg, ok bool) {
	r := d.Round(places).Shift(places).Coefficient()
	neg = r.Sign() < 0
	if r.Abs(r); !r.IsInt64() {
		return 0, false, false
	}
	return r.Int64(), neg, true
}

// appendScaled appends the digits of |d| rounded half away from zero to
// places decimals (the integer |d|·10^places) and reports the sign.
func appendScaled(dst []byte, d decimal.Decimal, places int32) ([]byte, bool) {
	if v, neg, ok := scaled(d, places); ok {
		return strconv.AppendInt(dst, v, 10), neg
	}
	r := d.Round(places).Shift(places).Coefficient()
	neg := r.Sign() < 0
	return r.Abs(r).Append(dst, 10), neg
}

// format is how appendNumber lays out a scaled integer.
type format struct {
	places int32 // decimals the digits carry
	trim   bool  // drop trailing fractional zeros (and the point if none remain)
	group  bool  // thousands separators in the integer part
}

// appendNumber appends d rounded half away from zero to f.places decimals,
// laid out by f: "-4509.50", "4,509.5", "12".
func appendNumber(dst []byte, d decimal.Decimal, f format) []byte {
	var buf [40]byte
	digits, neg := appendScaled(buf[:0], d, f.places)
	if neg {
		dst = append(dst, '-')
	}
	return appendDigits(dst, digits, f)
}

// appendDigits lays out the digits of a non-negative scaled integer.
func appendDigits(dst, digits []byte, f format) []byte {
	p := int(f.places)
	var intPart, frac []byte
	var pad [40]byte
	if len(digits) > p {
		intPart, frac = digits[:len(digits)-p], digits[len(digits)-p:]
	} else { // 5 at two places is 0.05
		intPart = []byte{'0'}
		frac = pad[:0]
		for i := len(digits); i < p; i++ {
			frac = append(frac, '0')
		}
		frac = append(frac, digits...)
	}
	if f.group {
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, c)
		}
	} else {
		dst = append(dst, intPart...)
	}
	if f.trim {
		for len(frac) > 0 && frac[len(frac)-1] == '0' {
			frac = frac[:len(frac)-1]
		}
	}
	if len(frac) > 0 {
		dst = append(dst, '.')
		dst = append(dst, frac...)
	}
	return dst
}

// plain formats d exactly as given, without trailing fractional zeros and
// never in scientific notation: 0.32, 4509.5, 18639.
func plain(dst []byte, d decimal.Decimal) []byte {
	places := -d.Exponent()
	if places < 0 {
		places = 0
	}
	return appendNumber(dst, d, format{places: places, trim: true})
}
