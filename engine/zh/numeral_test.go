package zh

import (
	"math"
	"testing"
)

func TestNumeral(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "零"},
		{1, "一"},
		{3, "三"},
		{10, "十"},
		{11, "十一"},
		{15, "十五"},
		{20, "二十"},
		{99, "九十九"},
		{100, "一百"},
		{101, "一百零一"},
		{110, "一百一十"},
		{115, "一百一十五"},
		{1000, "一千"},
		{1005, "一千零五"},
		{1010, "一千零一十"},
		{1100, "一千一百"},
		{2024, "二千零二十四"},
		{10000, "一万"},
		{10001, "一万零一"},
		{10010, "一万零一十"},
		{12000, "一万二千"},
		{100000, "十万"},
		{100700, "十万零七百"},
		{107000, "十万七千"},
		{110000, "十一万"},
		{1100000, "一百一十万"},
		{10010000, "一千零一万"},
		{100000000, "一亿"},
		{100000001, "一亿零一"},
		{100010000, "一亿零一万"},
		{123456789, "一亿二千三百四十五万六千七百八十九"},
		{1000000000000, "一万亿"},
		{-3, "负三"},
		{-15, "负十五"},
		{math.MaxInt64, "九百二十二亿亿三千三百七十二万亿零三百六十八亿五千四百七十七万五千八百零七"},
		{math.MinInt64, "负九百二十二亿亿三千三百七十二万亿零三百六十八亿五千四百七十七万五千八百零八"},
	} {
		if got := Numeral(tc.n); got != tc.want {
			t.Errorf("Numeral(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestDigits(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{2024, "二〇二四"},
		{2000, "二〇〇〇"},
		{1949, "一九四九"},
		{0, "〇"},
		{-12, "负一二"},
	} {
		if got := Digits(tc.n); got != tc.want {
			t.Errorf("Digits(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestOrdinalMeasureTimes(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Ordinal(1), "第一"},
		{Ordinal(12), "第十二"},
		{Ordinal(20), "第二十"},
		{Times(1), "一次"},
		{Times(2), "两次"},
		{Times(3), "三次"},
		{Times(10), "十次"},
		{Times(11), "11次"},
		{Times(0), "0次"},
		{Measure(2, "名"), "两名"},
		{Measure(4, "期"), "四期"},
		{Measure(24, "人"), "24人"},
		{Measure(-1, "人"), "-1人"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"18639", "18639"},
		{"0.32", "0.32"},
		{"4509.50", "4509.5"},
		{"1e3", "1000"},
		{"-2.50", "-2.5"},
		{"0", "0"},
		{"0.0001", "0.0001"},
	} {
		if got := Number(dec(tc.in)); got != tc.want {
			t.Errorf("Number(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
