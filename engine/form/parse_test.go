package form

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/model"
	"github.com/shopspring/decimal"
)

var h1 = model.Period{Year: 2024, Span: "H1"}

func TestParseDate(t *testing.T) {
	cross := model.Period{Start: model.Date{Year: 2023, Month: 12, Day: 1}, End: model.Date{Year: 2024, Month: 5, Day: 31}}
	tests := []struct {
		raw    string
		period model.Period
		want   string // ISO date, or the message
	}{
		{"45381", h1, "2024-03-30"},      // an Excel date
		{"45381.75", h1, "2024-03-30"},   // with a time of day
		{"2024-03-30", h1, "2024-03-30"}, // ISO
		{"2024-3-30", h1, "2024-03-30"},  // one digit
		{"2024.3.30", h1, "2024-03-30"},  // dots
		{"2024/3/30", h1, "2024-03-30"},  // slashes
		{"2024年3月30日", h1, "2024-03-30"}, // Chinese
		{"2024年3月30号", h1, "2024-03-30"}, // colloquial
		{"2024 年 3 月 30 日", h1, "2024-03-30"},
		{"２０２４年３月３０日", h1, "2024-03-30"}, // full-width digits
		{"２０２４．３．３０", h1, "2024-03-30"},
		{" 2024-03-30\u3000", h1, "2024-03-30"}, // outer spaces
		{"20240330", h1, "2024-03-30"},
		{"2024-03-30 00:00:00", h1, "2024-03-30"},
		{"2024-03-30T00:00", h1, "2024-03-30"},
		{"3月30日", h1, "2024-03-30"}, // the year from the period
		{"3月30号", h1, "2024-03-30"},
		{"12月5日", cross, "2023-12-05"}, // the year that puts it in the period
		{"3月30日", cross, "2024-03-30"},
		{"8月1日", cross, "2023-08-01"}, // outside either way: the first year, for validation to report
		{"12月", h1, "2024-12"},        // a month
		{"2024-12", h1, "2024-12"},
		{"2024.12", h1, "2024-12"},
		{"2024/12", h1, "2024-12"},
		{"2024年12月", h1, "2024-12"},
		{"2024-02-30", h1, "日期“2024-02-30”不存在"},
		{"2024.13.1", h1, "日期“2024.13.1”不存在"},
		{"2023年2月29日", h1, "日期“2023年2月29日”不存在"},
		{"3月30日", model.Period{}, "“3月30日”没有年份，而基本信息里也没有填年度"},
		{"2024.1", h1, "“2024.1”看不出是1月还是10月"},
		{"2024.10", h1, "2024-10"},
		{"2024.3", h1, "2024-03"},
		{"2024", h1, "“2024”只有年份，没有月、日"},
		{"100", h1, "“100”不是日期"},
		{"下周一", h1, "“下周一”不是日期"},
		{"二〇二四年三月三十日", h1, "“二〇二四年三月三十日”不是日期"},
		{"2024-03-30x", h1, "“2024-03-30x”不是日期"},
		{"-45381", h1, "“-45381”不是日期"},
		{"1e5", h1, "“1e5”不是日期"},
		{"2024-03-30 08:30", h1, "“2024-03-30 08:30”不是日期"},
	}
	for _, tt := range tests {
		d, msg := parseDate(tt.raw, tt.period, false)
		got := msg
		if msg == "" {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestParseDate1904(t *testing.T) {
	// The 1904 system counts from 1904-01-01: 2024-03-30 is 43919.
	d, msg := parseDate("43919", h1, true)
	if msg != "" || d.String() != "2024-03-30" {
		t.Errorf("1904 serial: %v %q", d, msg)
	}
}

func TestParseDecimal(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"4509.5", "4509.5"},
		{"4509.50", "4509.5"},
		{"4509.4999999999991", "4509.5"}, // binary noise beyond 15 digits
		{"0.30000000000000004", "0.3"},
		{"1.0000000000000002E-3", "0.001"},
		{"0.000123", "0.000123"},
		{"152", "152"},
		{"152.0", "152"},
		{"１５２", "152"},
		{"４５０９．５０", "4509.5"},
		{" 152 ", "152"},
		{"1,234.5", "1234.5"},
		{"12,345,678", "12345678"},
		{"+5", "5"},
		{"-3", "-3"},
		{"－３", "-3"},
		{"1E3", "1000"},
		{"1.5e-2", "0.015"},
		{"0", "0"},
		{"-0", "0"},
		{"123456789012345", "123456789012345"},
		{"152人", "“152人”不是数字"},
		{"二十", "“二十”不是数字"},
		{"1,23", "“1,23”不是数字"},
		{"1.2.3", "“1.2.3”不是数字"},
		{"", "“”不是数字"},
		{"-", "“-”不是数字"},
		{"e", "“e”不是数字"},
		{"1e999999999", "“1e999999999”不是数字"},
		{"1e-999999999", "“1e-999999999”不是数字"},
		{"9999999999999999", "“9999999999999999”太大"},
	}
	// Text a cadre typed is taken exactly, however long.
	if d, msg := parseDecimal("12345678901234.567", false); msg != "" || d.String() != "12345678901234.567" {
		t.Errorf("typed text: %v %q", d, msg)
	}
	for _, tt := range tests {
		d, msg := parseDecimal(tt.raw, true)
		got := msg
		if msg == "" {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("parseDecimal(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestParseInt(t *testing.T) {
	tests := []struct {
		raw  string
		want int
		msg  string
	}{
		{"152", 152, ""},
		{"152.0", 152, ""},
		{"１５２", 152, ""},
		{"1,520", 1520, ""},
		{"20.5", 0, "“20.5”不是整数"},
		{"二十", 0, "“二十”不是数字"},
		{"2000000000", 0, "“2000000000”太大"},
	}
	for _, tt := range tests {
		n, msg := parseInt(tt.raw, true)
		if n != tt.want || msg != tt.msg {
			t.Errorf("parseInt(%q) = %d %q, want %d %q", tt.raw, n, msg, tt.want, tt.msg)
		}
	}
	for raw, want := range map[string]int{"2024": 2024, "2024年": 2024, "２０２４年": 2024} {
		if n, msg := parseYear(raw); n != want || msg != "" {
			t.Errorf("parseYear(%q) = %d %q", raw, n, msg)
		}
	}
	if _, msg := parseYear("今年"); msg != "“今年”不是年份" {
		t.Errorf("parseYear(今年): %q", msg)
	}
}

func TestParseSpan(t *testing.T) {
	for raw, want := range map[string]model.Span{
		"上半年": "H1", "下半年": "H2", "全年": "year", "第一季度": "Q1", "第四季度": "Q4",
		"H1": "H1", "h2": "H2", "YEAR": "year", "q3": "Q3", " 上半年 ": "H1",
		"一季度": "Q1", "全年度": "year", "上半年度": "H1",
		"前半年": "前半年", // kept as typed, for validation to report
	} {
		if got := parseSpan(raw); got != want {
			t.Errorf("parseSpan(%q) = %q, want %q", raw, got, want)
		}
	}
	for _, code := range model.Spans() {
		if got := parseSpan(spanName(code)); got != code {
			t.Errorf("span %s does not survive its Chinese name %s", code, spanName(code))
		}
	}
}

func TestClean(t *testing.T) {
	for raw, want := range map[string]string{
		"  柳背桥社区工会 ":         "柳背桥社区工会",
		"\u3000工会组长培训\u3000": "工会组长培训",
		"\u00a0培训\t\r\n":     "培训",
		"第一行\n第二行":           "第一行\n第二行", // inner line breaks are text
		"南湖 鸳鸯 度假村":          "南湖 鸳鸯 度假村",
		"\ufeff柳背桥":          "柳背桥",
	} {
		if got := clean(raw); got != want {
			t.Errorf("clean(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestNormal(t *testing.T) {
	for raw, want := range map[string]string{
		"经费（元）": "经费", "经费(元)": "经费", " 经 费 ": "经费", "会费收缴（元）": "会费收缴", "日期": "日期",
	} {
		if got := normal(raw); got != want {
			t.Errorf("normal(%q) = %q, want %q", raw, got, want)
		}
	}
}

// FuzzParseDate checks that any cell text either gives a real date, which
// prints and parses back the same, or a message that quotes the text.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"45381", "2024-3-30", "2024.3.30", "2024/3/30", "2024年3月30日", "3月30日",
		"２０２４年３月３０日", "20240330", "2024-12", "12月", "2024.1", "1e5", " 2024-03-30 00:00:00 ", "9999999999"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, raw string, date1904 bool) {
		d, msg := parseDate(raw, h1, date1904)
		if msg != "" {
			if !d.IsZero() {
				t.Fatalf("%q: message %q with date %v", raw, msg, d)
			}
			if utf8.ValidString(raw) && !strings.Contains(msg, clean(raw)) {
				t.Fatalf("%q: message %q does not quote the input", raw, msg)
			}
			return
		}
		back, err := model.ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q: date %v does not round-trip (%v)", raw, d, err)
		}
	})
}

// FuzzParseDecimal checks that any accepted number is a plain decimal that
// reads back as itself, with at most Excel's 15 significant digits.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"4509.5", "4509.50", "0.30000000000000004", "１５２", "1,234.5", "-3", "1E3", "152人", "1e400", ".5", "5."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		d, msg := parseDecimal(raw, true)
		if msg != "" {
			if !d.IsZero() {
				t.Fatalf("%q: message %q with value %v", raw, msg, d)
			}
			return
		}
		if typed, _ := parseDecimal(raw, false); typed.Sub(d).Abs().GreaterThan(d.Abs().Shift(-14)) {
			t.Fatalf("%q: tidied %v is far from typed %v", raw, d, typed)
		}
		back, err := decimal.NewFromString(d.String())
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q: %v does not read back (%v)", raw, d, err)
		}
		digits := strings.TrimLeft(strings.NewReplacer("-", "", ".", "").Replace(d.String()), "0")
		if len(strings.TrimRight(digits, "0")) > maxDigits {
			t.Fatalf("%q: %v has more than %d significant digits", raw, d, maxDigits)
		}
	})
}
