package zh

import (
	"testing"

	"github.com/huibao/huibao/engine/model"
)

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		date              string
		year              int
		full, in, rel, cn string
	}{
		{"2024-06-12", 2024, "2024年6月12日", "6月12日", "今年6月12日", "二〇二四年六月十二日"},
		{"2024-07-05", 2024, "2024年7月5日", "7月5日", "今年7月5日", "二〇二四年七月五日"},
		{"2023-12-22", 2024, "2023年12月22日", "2023年12月22日", "去年12月22日", "二〇二三年十二月二十二日"},
		{"2025-03", 2024, "2025年3月", "2025年3月", "明年3月", "二〇二五年三月"},
		{"2022-10-31", 2024, "2022年10月31日", "2022年10月31日", "2022年10月31日", "二〇二二年十月三十一日"},
		{"2000-01-01", 2024, "2000年1月1日", "2000年1月1日", "2000年1月1日", "二〇〇〇年一月一日"},
		{"", 2024, "", "", "", ""},
	} {
		d := date(t, tc.date)
		for _, c := range []struct{ name, got, want string }{
			{"Date", Date(d), tc.full},
			{"DateIn", DateIn(d, tc.year), tc.in},
			{"DateRel", DateRel(d, tc.year), tc.rel},
			{"DateCN", DateCN(d), tc.cn},
		} {
			if c.got != c.want {
				t.Errorf("%s(%s, %d) = %q, want %q", c.name, tc.date, tc.year, c.got, c.want)
			}
		}
	}
}

func TestSpan(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		year     int
		want     string
	}{
		{"2024-03-30", "2024-04-02", 2024, "3月30日至4月2日"},
		{"2024-06-03", "2024-06-05", 2024, "6月3日至5日"},
		{"2023-12-22", "2024-01-21", 2024, "去年12月22日至1月21日"},
		{"2024-12-16", "2025-01-10", 2024, "12月16日至2025年1月10日"},
		{"2023-03-01", "2023-04-02", 2024, "2023年3月1日至4月2日"},
		{"2023-12-22", "2024-01-21", 2025, "2023年12月22日至2024年1月21日"},
		{"2022-12-01", "2024-01-05", 2024, "2022年12月1日至2024年1月5日"},
		{"2024-03", "2024-05", 2024, "3月至5月"},
		{"2024-03-05", "2024-05", 2024, "3月5日至5月"},
		{"2024-03-30", "", 2024, "3月30日"},
		{"2024-03-30", "2024-03-30", 2024, "3月30日"},
		{"2023-03-30", "", 2024, "2023年3月30日"},
		{"", "2024-03-30", 2024, "3月30日"},
		{"", "", 2024, ""},
	} {
		if got := Span(date(t, tc.from), date(t, tc.to), tc.year); got != tc.want {
			t.Errorf("Span(%s, %s, %d) = %q, want %q", tc.from, tc.to, tc.year, got, tc.want)
		}
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		p         model.Period
		name, rng string
	}{
		{model.Period{Year: 2024, Span: "H1"}, "2024年上半年", "2024年1月1日至6月30日"},
		{model.Period{Year: 2024, Span: "H2"}, "2024年下半年", "2024年7月1日至12月31日"},
		{model.Period{Year: 2024, Span: "year"}, "2024年", "2024年1月1日至12月31日"},
		{model.Period{Year: 2024, Span: "Q1"}, "2024年第一季度", "2024年1月1日至3月31日"},
		{model.Period{Year: 2024, Span: "Q4"}, "2024年第四季度", "2024年10月1日至12月31日"},
		{model.Period{Start: model.Date{Year: 2024, Month: 3, Day: 1}, End: model.Date{Year: 2024, Month: 8}}, "2024年3月至8月", "2024年3月1日至8月31日"},
		{model.Period{Start: model.Date{Year: 2024, Month: 3, Day: 1}, End: model.Date{Year: 2024, Month: 3, Day: 31}}, "2024年3月", "2024年3月1日至31日"},
		{model.Period{Start: model.Date{Year: 2024, Month: 3, Day: 5}, End: model.Date{Year: 2024, Month: 8, Day: 20}}, "2024年3月5日至8月20日", "2024年3月5日至8月20日"},
		{model.Period{Start: model.Date{Year: 2023, Month: 12, Day: 1}, End: model.Date{Year: 2024, Month: 5, Day: 31}}, "2023年12月至2024年5月", "2023年12月1日至2024年5月31日"},
		{model.Period{}, "", ""},
		{model.Period{Year: 2024, Span: "H3"}, "", ""},
	} {
		if got := PeriodName(tc.p); got != tc.name {
			t.Errorf("PeriodName(%+v) = %q, want %q", tc.p, got, tc.name)
		}
		if got := PeriodRange(tc.p); got != tc.rng {
			t.Errorf("PeriodRange(%+v) = %q, want %q", tc.p, got, tc.rng)
		}
	}
}

func TestPeriodWord(t *testing.T) {
	d := func(y, m, day int) model.Date { return model.Date{Year: y, Month: m, Day: day} }
	for _, tc := range []struct {
		p    model.Period
		want string
	}{
		{model.Period{Year: 2024, Span: model.H1}, "上半年"},
		{model.Period{Year: 2024, Span: model.Year}, "全年"},
		{model.Period{Year: 2024, Span: model.Q3}, "第三季度"},
		{model.Period{Start: d(2024, 1, 1), End: d(2024, 9, 20)}, "今年以来"},
		{model.Period{Start: d(2024, 1, 1), End: d(2024, 12, 31)}, "全年"},
		{model.Period{Start: d(2024, 3, 1), End: d(2024, 8, 31)}, "3月至8月"},
		{model.Period{Start: d(2024, 3, 5), End: d(2024, 8, 20)}, "3月5日至8月20日"},
		{model.Period{}, ""},
	} {
		if got := PeriodWord(tc.p); got != tc.want {
			t.Errorf("PeriodWord(%+v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}
