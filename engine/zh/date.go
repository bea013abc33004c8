package zh

import (
	"strconv"

	"github.com/huibao/huibao/engine/model"
)

// appendDate appends 2024年6月12日, or 6月12日 without the year, or 2024年12月
// for a month-precision date. Months and days carry no leading zero
// (GB/T 9704-2012 7.3.5.1: 月、日不编虚位).
func appendDate(dst []byte, d model.Date, withYear bool) []byte {
	if withYear {
		dst = strconv.AppendInt(dst, int64(d.Year), 10)
		dst = append(dst, "年"...)
	}
	dst = strconv.AppendInt(dst, int64(d.Month), 10)
	dst = append(dst, "月"...)
	if d.HasDay() {
		dst = strconv.AppendInt(dst, int64(d.Day), 10)
		dst = append(dst, "日"...)
	}
	return dst
}

// Date writes a date in full: 2024年6月12日; 2024年12月 for a
// month-precision date; "" for the zero Date. This is also the 成文日期 of
// GB/T 9704-2012, which writes it in Arabic digits.
func Date(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	var buf [32]byte
	return string(appendDate(buf[:0], d, true))
}

// DateIn writes a date as a report of year writes it: without the year when
// it is the report's (6月12日), in full otherwise (2023年12月22日).
func DateIn(d model.Date, year int) string {
	if d.IsZero() {
		return ""
	}
	var buf [32]byte
	return string(appendDate(buf[:0], d, d.Year != year))
}

// relYear names a year relative to the report's: 今年, 去年, 明年, or "".
func relYear(y, year int) string {
	switch y - year {
	case 0:
		return "今年"
	case -1:
		return "去年"
	case 1:
		return "明年"
	}
	return ""
}

// DateRel writes a date relative to the report's year, the way the seeds
// open a paragraph: 今年3月30日, 去年12月22日, 明年3月; other years in full.
func DateRel(d model.Date, year int) string {
	if d.IsZero() {
		return ""
	}
	var buf [40]byte
	rel := relYear(d.Year, year)
	return string(appendDate(append(buf[:0], rel...), d, rel == ""))
}

// Span writes the days from one date to another in a report of year:
//
//	3月30日至4月2日           both in the report's year
//	6月3日至5日               within one month
//	去年12月22日至1月21日      from last year into the report's
//	12月16日至2025年1月10日    from the report's year into a later one
//	2023年3月1日至4月2日       both in another year
//	2023年12月1日至2025年1月5日 anything else, in full
//
// A zero or equal end date gives the single date, as DateIn does.
func Span(from, to model.Date, year int) string {
	if to.IsZero() || to == from {
		return DateIn(from, year)
	}
	if from.IsZero() {
		return DateIn(to, year)
	}
	var buf [64]byte
	b := buf[:0]
	switch {
	case from.Year == to.Year:
		b = appendDate(b, from, from.Year != year)
		b = append(b, "至"...)
		if from.Month == to.Month && from.HasDay() && to.HasDay() {
			b = strconv.AppendInt(b, int64(to.Day), 10)
			b = append(b, "日"...)
		} else {
			b = appendDate(b, to, false)
		}
	case from.Year == year-1 && to.Year == year:
		b = append(b, "去年"...)
		b = appendDate(b, from, false)
		b = append(b, "至"...)
		b = appendDate(b, to, false)
	case from.Year == year && to.Year > year:
		// Running into next year: the report's own year goes without saying,
		// the other is written out (12月16日至2025年1月10日).
		b = appendDate(b, from, false)
		b = append(b, "至"...)
		b = appendDate(b, to, true)
	default:
		b = appendDate(b, from, true)
		b = append(b, "至"...)
		b = appendDate(b, to, true)
	}
	return string(b)
}

// DateCN writes a date in Chinese numerals, the older 成文日期 style that
// some units still use for 庄重 documents: 二〇二四年七月五日.
func DateCN(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	b := appendDigitsCN(make([]byte, 0, 48), int64(d.Year))
	b = append(b, "年"...)
	b = appendNumerals(b, uint64(d.Month), &lowerNumerals)
	b = append(b, "月"...)
	if d.HasDay() {
		b = appendNumerals(b, uint64(d.Day), &lowerNumerals)
		b = append(b, "日"...)
	}
	return string(b)
}

// PeriodName names a period the way titles do: 2024年上半年, 2024年下半年,
// 2024年第一季度, and 2024年 for a whole year (so a title reads
// 2024年工作总结). A period given by dates is named by them: 2024年3月至8月
// when it runs over whole months, else 2024年3月5日至8月20日. "" when the
// period is empty.
func PeriodName(p model.Period) string {
	if p.Start.IsZero() {
		name := p.Span.Name()
		if name == "" || p.Year == 0 {
			return ""
		}
		if p.Span == model.Year {
			name = ""
		}
		return strconv.Itoa(p.Year) + "年" + name
	}
	first, last := p.First(), p.Last()
	if first.Day == 1 && last == last.MonthEnd() {
		first.Day, last.Day = 0, 0
		if first == last {
			return Date(first)
		}
	}
	return Span(first, last, 0)
}

// PeriodRange writes the first to the last day of a period:
// 2024年1月1日至6月30日; "" when the period is empty or its span unknown.
func PeriodRange(p model.Period) string {
	if p.Start.IsZero() {
		if !p.Span.Valid() || p.Year == 0 {
			return ""
		}
	}
	return Span(p.First(), p.Last(), 0)
}

// PeriodWord names a period inside a sentence, without its year, the way a
// report of that period refers to it: 上半年, 下半年, 全年, 第三季度; for a
// period given by dates, 今年以来 when it starts on 1 January, else its
// months (3月至8月) or days (3月5日至8月20日). Reports write 上半年新发展会员
// 12人, never the jargon 本期. "" when the period is empty.
func PeriodWord(p model.Period) string {
	if p.Start.IsZero() {
		return p.Span.Name()
	}
	first, last := p.First(), p.Last()
	if first.Month == 1 && first.Day == 1 {
		if last.Month == 12 && last.Day == 31 && last.Year == first.Year {
			return "全年"
		}
		return "今年以来"
	}
	if first.Day == 1 && last == last.MonthEnd() {
		first.Day, last.Day = 0, 0
		if first == last {
			return DateIn(first, first.Year)
		}
	}
	return Span(first, last, first.Year)
}
