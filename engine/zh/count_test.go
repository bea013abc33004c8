package zh

import (
	"errors"
	"testing"

	"github.com/huibao/huibao/engine/model"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct{ v, unit, want string }{
		{"152", "人", "152人"},
		{"5", "人次", "5人次"},
		{"24", "户", "24户"},
		{"3", "家", "3家"},
		{"2", "期", "2期"},
		{"18639", "人", "18639人"},
		{"0", "次", "0次"},
		{"5.00", "人次", "5人次"},
		{"1.2", "万人次", "1.2万人次"},
		{"4509.5", "元", "4509.50元"},
		{"123456", "元", "12.35万元"},
		{"12.5", "万元", "12.5万元"},
		{"1.256", "万元", "1.26万元"},
		{"0.32", "平方公里", "0.32平方公里"},
		{"2.50", "小时", "2.5小时"},
		{"91.43", "%", "91.4%"},
		{"100", "%", "100.0%"},
	} {
		got, err := Count(dec(tc.v), tc.unit)
		if err != nil || got != tc.want {
			t.Errorf("Count(%s, %s) = %q, %v; want %q", tc.v, tc.unit, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		v, unit string
		err     error
		msg     string
	}{
		{"1.5", "人", ErrNotWhole, "计数单位的数值必须是整数：1.5人"},
		{"3", "人人", ErrUnknownUnit, "单位不在单位表中：“人人”（可用单位见 docs/template-functions.md 的单位表）"},
		{"3", "", ErrUnknownUnit, "单位不在单位表中：“”（可用单位见 docs/template-functions.md 的单位表）"},
		{"-3", "户", ErrNegative, "数值不能为负：数值为-3"},
	} {
		_, err := Count(dec(tc.v), tc.unit)
		if !errors.Is(err, tc.err) || err.Error() != tc.msg {
			t.Errorf("Count(%s, %s) error %v, want %q", tc.v, tc.unit, err, tc.msg)
		}
	}
}

// TestCountEveryUnit writes a figure with every unit of the table, so a
// unit added to model.Units cannot fall through the kinds.
func TestCountEveryUnit(t *testing.T) {
	for _, u := range model.Units() {
		got, err := Count(dec("12"), u.Name)
		want := "12" + u.Name
		if u.Name == "%" {
			want = "12.0%"
		}
		if err != nil || got != want {
			t.Errorf("Count(12, %s) = %q, %v; want %q", u.Name, got, err, want)
		}
		if got2, err := CountInt(12, u.Name); err != nil || got2 != got {
			t.Errorf("CountInt(12, %s) = %q, %v; want %q", u.Name, got2, err, got)
		}
	}
}

func TestCountInt(t *testing.T) {
	for _, tc := range []struct {
		n          int
		unit, want string
	}{
		{152, "人", "152人"},
		{8, "小时", "8小时"},
		{200000, "元", "20万元"},
		{95, "%", "95.0%"},
	} {
		got, err := CountInt(tc.n, tc.unit)
		if err != nil || got != tc.want {
			t.Errorf("CountInt(%d, %s) = %q, %v; want %q", tc.n, tc.unit, got, err, tc.want)
		}
	}
	if _, err := CountInt(-1, "人"); !errors.Is(err, ErrNegative) {
		t.Errorf("CountInt(-1): %v", err)
	}
	if _, err := CountInt(1, "x"); !errors.Is(err, ErrUnknownUnit) {
		t.Errorf("CountInt(1, x): %v", err)
	}
}

func TestTotalItemize(t *testing.T) {
	if got, err := Total(dec("356"), "人次"); err != nil || got != "共计356人次" {
		t.Errorf("Total = %q, %v", got, err)
	}
	if got, err := Total(dec("4509.5"), "元"); err != nil || got != "共计4509.50元" {
		t.Errorf("Total = %q, %v", got, err)
	}
	if _, err := Total(dec("1"), "x"); !errors.Is(err, ErrUnknownUnit) {
		t.Errorf("Total unit: %v", err)
	}
	for _, tc := range []struct {
		items []Item
		unit  string
		want  string
	}{
		{[]Item{{"困难职工", dec("5")}, {"困难居民", dec("3")}}, "户", "困难职工5户、困难居民3户，共计8户"},
		{[]Item{{"春风行动", dec("2150")}, {"玉树地震", dec("5930")}, {"西南旱区", dec("4943.5")}}, "元", "春风行动2150元、玉树地震5930元、西南旱区4943.50元，共计13023.50元"},
		{[]Item{{"住院会员", dec("8")}}, "人", "住院会员8人"},
		{nil, "人", ""},
	} {
		got, err := Itemize(tc.items, tc.unit)
		if err != nil || got != tc.want {
			t.Errorf("Itemize = %q, %v; want %q", got, err, tc.want)
		}
	}
	if _, err := Itemize([]Item{{"a", dec("1.5")}}, "人"); !errors.Is(err, ErrNotWhole) {
		t.Errorf("Itemize fraction: %v", err)
	}
}
