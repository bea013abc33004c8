package form

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/shopspring/decimal"
	"golang.org/x/text/width"
)

// These parsers read one cell's raw value: the text a cadre typed, or the
// number Excel stored (a date is a serial number, 4509.5 is "4509.5"). They
// return a Chinese message on failure, and never guess: what they accept is
// listed in doc.go.

// clean trims the spaces a cell may carry at either end (ASCII, full-width
// and no-break spaces, line breaks), never any inside.
func clean(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' })
}

// narrow turns full-width digits and signs (２０２４．３．３０, －５) into
// ASCII, leaving Chinese characters alone.
func narrow(s string) string {
	return width.Narrow.String(s)
}

// maxDigits is Excel's precision: a number cell stored with more significant
// digits holds binary noise.
const maxDigits = 15

// longNumber reports whether s has more digits than a number cell keeps, the
// only case where it matters whether the cell is a number or text.
func longNumber(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n > maxDigits
}

var thousands = regexp.MustCompile(`^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$`)

// parseDecimal reads a number: 4509.5, 4509.50, ４５０９．５, 1,234.5, +5,
// -3, 1E3. It refuses units and words (152人, 二十): a number belongs in the
// cell, the unit in its own column. stored says the text is what Excel
// stored for a number cell, whose digits beyond the 15th are binary noise
// (0.1+0.2 is stored as 0.30000000000000004); text typed by a cadre is
// taken exactly.
func parseDecimal(raw string, stored bool) (decimal.Decimal, string) {
	s := strings.ReplaceAll(narrow(clean(raw)), " ", "")
	if thousands.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	if s == "" || !isNumeric(s) {
		return decimal.Zero, "“" + clean(raw) + "”不是数字"
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Exponent() > 20 || d.Exponent() < -40 {
		return decimal.Zero, "“" + clean(raw) + "”不是数字"
	}
	if d.Abs().GreaterThan(decimal.New(1, 15)) {
		return decimal.Zero, "“" + clean(raw) + "”太大"
	}
	if stored {
		d = tidy(d)
	}
	return d, ""
}

// isNumeric accepts the shapes decimal.NewFromString would also take, but
// only those: digits, one point, a sign, an exponent.
func isNumeric(s string) bool {
	digits, points, exps := 0, 0, 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' && exps == 0:
			points++
		case r == 'e' || r == 'E':
			exps++
		case (r == '+' || r == '-') && (i == 0 || s[i-1] == 'e' || s[i-1] == 'E'):
		default:
			return false
		}
	}
	return digits > 0 && points <= 1 && exps <= 1
}

// tidy drops binary noise beyond Excel's 15 significant digits, so that
// 0.30000000000000004 reads as 0.3.
func tidy(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	// mag is where the first significant digit sits: 4509.5 → 4, 0.3 → 0,
	// 0.0123 → -1.
	a, mag := d.Abs(), 0
	if a.GreaterThanOrEqual(decimal.NewFromInt(1)) {
		mag = len(a.Truncate(0).String())
	} else {
		mag = -leadingFractionZeros(a)
	}
	if places := int32(maxDigits - mag); -d.Exponent() > places {
		d = d.Round(places)
	}
	out, err := decimal.NewFromString(d.String())
	if err != nil {
		return d
	}
	return out
}

// leadingFractionZeros counts the zeros between the point and the first
// significant digit of 0 < d < 1: 0.00123 → 2.
func leadingFractionZeros(d decimal.Decimal) int {
	n := 0
	for x := d.Shift(1); x.LessThan(decimal.NewFromInt(1)) && n < 400; x = x.Shift(1) {
		n++
	}
	return n
}

// parseInt reads a whole number; 20.0 is 20, 20.5 is an error.
func parseInt(raw string, stored bool) (int, string) {
	d, msg := parseDecimal(raw, stored)
	if msg != "" {
		return 0, msg
	}
	if !d.Equal(d.Truncate(0)) {
		return 0, "“" + clean(raw) + "”不是整数"
	}
	if d.Abs().GreaterThan(decimal.NewFromInt(1_000_000_000)) {
		return 0, "“" + clean(raw) + "”太大"
	}
	return int(d.IntPart()), ""
}

// parseYear reads 2024 or 2024年.
func parseYear(raw string) (int, string) {
	s := strings.TrimSuffix(narrow(clean(raw)), "年")
	n, msg := parseInt(s, true)
	if msg != "" {
		return 0, "“" + clean(raw) + "”不是年份"
	}
	return n, ""
}

var (
	// 2024-3-30, 2024.3.30, 2024/3/30, 2024年3月30日 (or 号), and with
	// month precision 2024-12, 2024.12, 2024/12, 2024年12月.
	// 2024年12月底 and 2024年12月末 are month precision too, as plans say.
	fullDate = regexp.MustCompile(`^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:[-./月]\s*(\d{1,2})\s*[日号]?|月\s*[底末]?)?$`)
	// 3月30日, 3月30号, 12月, 12月底: the year comes from the period.
	monthDay = regexp.MustCompile(`^(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|[底末])?$`)
	// 年底, 2025年底: December.
	yearEnd = regexp.MustCompile(`^(?:(\d{4})\s*)?年\s*[底末]$`)
	// 2024.1: January, or October typed into a number cell.
	ambiguousMonth = regexp.MustCompile(`^\d{4}\.1$`)
	// 20240330, as some systems export dates.
	compact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	// A time of day that is midnight, as exports append: 00:00:00, T00:00.
	midnight = regexp.MustCompile(`[T ]0{1,2}:00(:00(\.0+)?)?$`)
)

// minSerial is 1950-01-01: a smaller number in a date cell is a number typed
// there by mistake, not a date of a union's work.
const minSerial = 18264

// dateHint is what a date may look like.
const dateHint = "请写成 2024-03-30、2024.3.30、2024/3/30 或 2024年3月30日"

// parseDate reads a date cell: an Excel date (a serial number), or text in
// one of the forms of dateHint, or 3月30日 with the year from the period.
// Month-precision forms (2024-12, 2024年12月, 12月) give a Date with Day 0.
func parseDate(raw string, p model.Period, date1904 bool) (model.Date, string) {
	s := narrow(clean(raw))
	s = midnight.ReplaceAllString(s, "")
	bad := "“" + clean(raw) + "”不是日期"
	var y, m, d int
	switch {
	case compact.MatchString(s):
		sub := compact.FindStringSubmatch(s)
		y, m, d = atoi(sub[1]), atoi(sub[2]), atoi(sub[3])
	case ambiguousMonth.MatchString(s):
		// 2024.10 typed into a number cell is stored as 2024.1, so this
		// may be January or October.
		return model.Date{}, "“" + clean(raw) + "”看不出是1月还是10月"
	case fullDate.MatchString(s):
		sub := fullDate.FindStringSubmatch(s)
		y, m = atoi(sub[1]), atoi(sub[2])
		if sub[3] != "" {
			d = atoi(sub[3])
		}
		// 2024.12 is month precision; 2024.1 was refused above.
	case yearEnd.MatchString(s):
		sub := yearEnd.FindStringSubmatch(s)
		m = 12
		if sub[1] != "" {
			y = atoi(sub[1])
			break
		}
		var ok bool
		if y, ok = yearIn(p, m, 0); !ok {
			return model.Date{}, "“" + clean(raw) + "”没有年份，而基本信息里也没有填年度"
		}
	case monthDay.MatchString(s):
		sub := monthDay.FindStringSubmatch(s)
		m = atoi(sub[1])
		if sub[2] != "" {
			d = atoi(sub[2])
		}
		var ok bool
		if y, ok = yearIn(p, m, d); !ok {
			return model.Date{}, "“" + clean(raw) + "”没有年份，而基本信息里也没有填年度"
		}
	case isNumeric(s) && !strings.ContainsAny(s, "+-eE"):
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return model.Date{}, bad
		}
		if f >= 1900 && f < 3000 && f == float64(int(f)) {
			return model.Date{}, "“" + clean(raw) + "”只有年份，没有月、日"
		}
		date, ok := book.FromSerial(f, date1904)
		if !ok || f < minSerial {
			return model.Date{}, bad
		}
		y, m, d = date.Year, date.Month, date.Day
	default:
		return model.Date{}, bad
	}
	out := model.Date{Year: y, Month: m, Day: d}
	if _, err := model.ParseDate(out.String()); err != nil || m == 0 {
		if y > 2999 {
			return model.Date{}, bad // a number far past any date
		}
		return model.Date{}, "日期“" + clean(raw) + "”不存在"
	}
	return out, ""
}

// yearIn picks the year of a date written without one: of the years the
// period touches, the one that puts the date inside the period, else the
// period's first year. A period from 2023-12-01 to 2024-05-31 reads 12月5日
// as 2023 and 3月30日 as 2024.
func yearIn(p model.Period, month, day int) (int, bool) {
	if p.Year == 0 && p.Start.IsZero() {
		return 0, false
	}
	first, last := p.First(), p.Last()
	for y := first.Year; y <= last.Year && y > 0; y++ {
		d := model.Date{Year: y, Month: month, Day: day}
		probe := d
		if day == 0 {
			probe.Day = 1
		}
		if probe.Day <= model.DaysIn(y, month) && (p.Contains(probe) || day == 0 && p.Contains(d.MonthEnd())) {
			return y, true
		}
	}
	return first.Year, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// parseSpan reads 期间: the Chinese names of the dropdown (上半年 …), their
// common variants (一季度, 全年度) or the codes of the YAML input (H1 …).
// Anything else is kept as typed, for validation to report with the list of
// spans.
func parseSpan(raw string) model.Span {
	s := narrow(clean(raw))
	for _, span := range model.Spans() {
		if s == span.Name() || strings.EqualFold(s, string(span)) {
			return span
		}
	}
	variants := map[string]model.Span{
		"年度": model.Year, "全年度": model.Year, "一季度": model.Q1, "二季度": model.Q2, "三季度": model.Q3, "四季度": model.Q4,
		"上半年度": model.H1, "下半年度": model.H2,
	}
	if span, ok := variants[s]; ok {
		return span
	}
	return model.Span(s)
}

// spanName is the Chinese name the 填报表 shows for a span, or its code as
// typed when it is not one.
func spanName(span model.Span) string {
	if n := span.Name(); n != "" {
		return n
	}
	return string(span)
}
