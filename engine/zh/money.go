package zh

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// wanFen is 10万元 in 分: from this amount on, Money writes 万元.
const wanFen = 100000 * 100

// Money writes an amount of 元 the way a report quotes it:
//
//	2150      → 2150元       whole amounts without decimals
//	4943.5    → 4943.50元    others with both 角 and 分
//	123456.78 → 12.35万元    from 10万元 on, in 万元 rounded to 0.01万元
//	300000    → 30万元       … with trailing zeros dropped
//
// Rounding is half away from zero (四舍五入), to the 分 and, in 万元, to the
// 百元. The switch is decided on the amount rounded to the 分, so 99999.999
// is 10万元.
func Money(d decimal.Decimal) string {
	var buf [48]byte
	return string(appendMoney(buf[:0], d))
}

func appendMoney(dst []byte, d decimal.Decimal) []byte {
	if v, _, ok := scaled(d, 2); ok && v < wanFen {
		return appendYuan(dst, d)
	}
	return appendWan(dst, d)
}

// appendYuan appends the amount in 元: whole, or with two decimals.
func appendYuan(dst []byte, d decimal.Decimal) []byte {
	var buf [40]byte
	digits, neg := appendScaled(buf[:0], d, 2)
	if neg {
		dst = append(dst, '-')
	}
	n := len(digits)
	switch {
	case n == 1 && digits[0] == '0':
		dst = append(dst, '0')
	case n > 2 && digits[n-1] == '0' && digits[n-2] == '0':
		dst = append(dst, digits[:n-2]...)
	default:
		dst = appendDigits(dst, digits, format{places: 2})
	}
	return append(dst, "元"...)
}

// appendWan appends the amount in 万元, to two decimals at most.
func appendWan(dst []byte, d decimal.Decimal) []byte {
	var buf [40]byte
	digits, neg := appendScaled(buf[:0], d, -2)
	if neg {
		dst = append(dst, '-')
	}
	dst = appendDigits(dst, digits, format{places: 2, trim: true})
	return append(dst, "万元"...)
}

// Yuan writes an amount in 元 whatever its size, whole or with two
// decimals: 123456.78元. For tables and appendices that must show every 分.
func Yuan(d decimal.Decimal) string {
	var buf [48]byte
	return string(appendYuan(buf[:0], d))
}

// Wan writes an amount in 万元 whatever its size, rounded to 0.01万元
// with trailing zeros dropped: 4509.5 → 0.45万元, 1500000 → 150万元.
func Wan(d decimal.Decimal) string {
	var buf [48]byte
	return string(appendWan(buf[:0], d))
}

// Amount writes an amount for a table column: two decimals and thousands
// separators, no unit (the column header says 元): 4,509.50, 2,150.00.
func Amount(d decimal.Decimal) string {
	var buf [48]byte
	return string(appendNumber(buf[:0], d, format{places: 2, group: true}))
}

// Grouped writes a number with thousands separators, keeping the decimals
// it has: 18639 → 18,639, 1234.5 → 1,234.5. Prose does not group figures
// (GB/T 15835: 四位以内不分节, and 18639人 reads better than 18,639人);
// tables may.
func Grouped(d decimal.Decimal) string {
	places := -d.Exponent()
	if places < 0 {
		places = 0
	}
	var buf [48]byte
	return string(appendNumber(buf[:0], d, format{places: places, trim: true, group: true}))
}

// maxCapitalFen bounds Capital: amounts below 1万亿元 (10^12元), written
// with 亿 as the largest unit.
const maxCapitalFen = 100000000000000

// Capital writes an amount in 大写金额 for appendices and vouchers, by the
// rules of 《正确填写票据和结算凭证的基本规定》:
//
//   - digits 零壹贰叁肆伍陆柒捌玖 and units 拾佰仟万亿元角分, always 壹拾
//     (never a bare 拾 that a forger could prefix);
//   - one 零 for any run of zeros between non-zero digits (陆仟零柒元);
//   - 零 after 元 when the 元 digit is 0 and 角 is not (壹仟陆佰捌拾元零叁角
//     贰分), and always when 角 is 0 and 分 is not (叁佰贰拾伍元零肆分);
//   - 整 after 元 or 角 when there are no 分 (伍角整), never after 分;
//   - no 零元 before 角 or 分 of an amount under one 元 (伍角整), and
//     零元整 for nothing.
//
// The amount is first rounded to the 分 (half away from zero). Negative
// amounts and amounts of 1万亿元 or more are errors.
func Capital(d decimal.Decimal) (string, error) {
	v, neg, ok := scaled(d, 2)
	if neg {
		return "", negative("金额", plain(nil, d))
	}
	if !ok || v >= maxCapitalFen {
		return "", fmt.Errorf("%w：大写金额须小于1万亿元，不能是%s", ErrRange, plain(nil, d))
	}
	if v == 0 {
		return "零元整", nil
	}
	yuan, jiao, fen := v/100, v/10%10, v%10
	b := make([]byte, 0, 96)
	if yuan > 0 {
		b = appendNumerals(b, uint64(yuan), &upperNumerals)
		b = append(b, "元"...)
	}
	digit := upperNumerals.digits
	switch {
	case jiao == 0 && fen == 0:
		b = append(b, "整"...)
	case jiao == 0:
		if yuan > 0 {
			b = append(b, "零"...)
		}
		b = append(b, digit[fen]+"分"...)
	default:
		if yuan > 0 && yuan%10 == 0 {
			b = append(b, "零"...)
		}
		b = append(b, digit[jiao]+"角"...)
		if fen == 0 {
			b = append(b, "整"...)
		} else {
			b = append(b, digit[fen]+"分"...)
		}
	}
	return string(b), nil
}
