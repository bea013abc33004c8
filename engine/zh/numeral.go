package zh

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// numerals is a set of Chinese digit characters and the units that go with
// them: the everyday 一二三 with 十百千, or the banking 壹贰叁 with 拾佰仟.
type numerals struct {
	digits [10]string
	small  [4]string // "", 十, 百, 千
	// short writes 十五 and 十万 rather than 一十五, 一十万 when 十 leads the
	// whole number. Banking figures never do, so that nothing can be added
	// in front of 拾.
	short bool
}

var (
	lowerNumerals = numerals{
		digits: [10]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
		small:  [4]string{"", "十", "百", "千"},
		short:  true,
	}
	upperNumerals = numerals{
		digits: [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
		small:  [4]string{"", "拾", "佰", "仟"},
	}
	// groupUnits name the groups of four digits: 万 is 10^4, 亿 10^8, 万亿
	// 10^12 and 亿亿 10^16, enough for any int64.
	groupUnits = [...]string{"", "万", "亿", "万亿", "亿亿"}
)

// appendNumerals appends u in Chinese numerals. Zeros follow the reading
// rule: one 零 stands for any run of zeros between non-zero digits, also
// across a group boundary (一亿零一万, 一千零五, 十万零七百), and trailing zeros
// are not read (一千二百).
func appendNumerals(dst []byte, u uint64, ns *numerals) []byte {
	if u == 0 {
		return append(dst, ns.digits[0]...)
	}
	var g [5]int
	k := 0
	for ; u > 0; k++ {
		g[k] = int(u % 10000)
		u /= 10000
	}
	started, zero := false, false
	for i := k - 1; i >= 0; i-- {
		v := g[i]
		if v == 0 {
			zero = zero || started
			continue
		}
		if zero || (started && v < 1000) {
			dst = append(dst, ns.digits[0]...)
		}
		zero = false
		dst = appendGroup(dst, v, ns, !started && ns.short)
		dst = append(dst, groupUnits[i]...)
		started = true
	}
	return dst
}

// appendGroup appends one group of four digits, 1..9999.
func appendGroup(dst []byte, v int, ns *numerals, leading bool) []byte {
	d := [4]int{v / 1000, v / 100 % 10, v / 10 % 10, v % 10}
	started, zero := false, false
	for j, x := range d {
		if x == 0 {
			zero = zero || started
			continue
		}
		if zero {
			dst = append(dst, ns.digits[0]...)
			zero = false
		}
		pos := 3 - j
		if !(x == 1 && pos == 1 && !started && leading) {
			dst = append(dst, ns.digits[x]...)
		}
		dst = append(dst, ns.small[pos]...)
		started = true
	}
	return dst
}

// abs64 returns |n| as an unsigned integer, which also holds |MinInt64|.
func abs64(n int64) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}

// Numeral writes n in Chinese numerals as it is read: 3 → 三, 10 → 十,
// 15 → 十五, 110 → 一百一十, 1005 → 一千零五, 20000 → 二万, -3 → 负三.
func Numeral(n int64) string {
	var buf [96]byte
	b := buf[:0]
	if n < 0 {
		b = append(b, "负"...)
	}
	return string(appendNumerals(b, abs64(n), &lowerNumerals))
}

// yearDigits are the characters of a year written digit by digit.
var yearDigits = [10]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Digits writes n digit by digit, the way years are read: 2024 → 二〇二四.
func Digits(n int64) string {
	var buf [64]byte
	return string(appendDigitsCN(buf[:0], n))
}

func appendDigitsCN(dst []byte, n int64) []byte {
	if n < 0 {
		dst = append(dst, "负"...)
	}
	var d [20]byte
	for _, c := range strconv.AppendUint(d[:0], abs64(n), 10) {
		dst = append(dst, yearDigits[c-'0']...)
	}
	return dst
}

// Ordinal writes an ordinal word in Chinese numerals: 1 → 第一, 12 → 第十二.
// GB/T 15835 lists such words (第一书记, 第二季度) among the fixed phrases
// written in Chinese.
func Ordinal(n int64) string { return "第" + Numeral(n) }

// smallCount is the largest count Measure and Times write in Chinese.
const smallCount = 10

// Measure writes a small count with its measure word in Chinese numerals,
// the way fixed phrases are written (进行了一次培训, 推荐了两名劳模): 1..10
// in Chinese with 两 for 2; other counts in Arabic digits (12次), since
// GB/T 15835 wants counts that are figures in Arabic.
func Measure(n int, word string) string {
	if n < 1 || n > smallCount {
		return strconv.Itoa(n) + word
	}
	switch n {
	case 2:
		return "两" + word
	case 10:
		return "十" + word
	}
	return lowerNumerals.digits[n] + word
}

// Times writes how often something happened: 1 → 一次, 2 → 两次, 12 → 12次.
func Times(n int) string { return Measure(n, "次") }

// Number writes d in Arabic digits exactly as given, with no thousands
// separators (prose does not group four-digit figures) and no trailing
// fractional zeros: 18639, 0.32.
func Number(d decimal.Decimal) string {
	var buf [48]byte
	return string(plain(buf[:0], d))
}
