package zh

import (
	"errors"
	"testing"

	"github.com/huibao/huibao/engine/model"
)

func TestPercent(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0.914", "91.4%"},
		{"0.91447368", "91.4%"},
		{"0.9145", "91.5%"}, // half up
		{"0.91449999999", "91.4%"},
		{"0.9", "90.0%"},
		{"1", "100.0%"},
		{"0", "0.0%"},
		{"0.0004", "不足0.1%"},
		{"0.0005", "0.1%"},
		{"1.234", "123.4%"},
		{"-0.111", "-11.1%"},
		{"-0.0004", "0.0%"},
	} {
		if got := Percent(dec(tc.in)); got != tc.want {
			t.Errorf("Percent(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRate(t *testing.T) {
	for _, tc := range []struct{ part, whole, want string }{
		{"139", "152", "91.4%"},
		{"130", "140", "92.9%"},
		{"1", "3", "33.3%"},
		{"2", "3", "66.7%"},
		{"1", "8", "12.5%"},
		{"1", "16", "6.3%"},     // 6.25 → 6.3, half up
		{"183", "2000", "9.2%"}, // 9.15 exactly → 9.2
		{"9149999", "100000000", "9.1%"},
		{"152", "152", "100.0%"},
		{"0", "152", "0.0%"},
		{"1", "10000", "不足0.1%"},
		{"4509.5", "4100", "110.0%"},
		{"-1", "8", "-12.5%"},
	} {
		got, err := Rate(dec(tc.part), dec(tc.whole))
		if err != nil || got != tc.want {
			t.Errorf("Rate(%s, %s) = %q, %v; want %q", tc.part, tc.whole, got, err, tc.want)
		}
	}
	_, err := Rate(dec("3"), dec("0"))
	if !errors.Is(err, ErrZeroBase) || err.Error() != "基数为0，无法计算比率：3/0" {
		t.Errorf("Rate(3, 0): %v", err)
	}
}

func TestChange(t *testing.T) {
	for _, tc := range []struct {
		cur, prev, unit     string
		change, delta, grow string
	}{
		{"152", "140", "人", "较去年同期增加12人，增长8.6%", "增加12人，增长8.6%", "+8.6%"},
		{"24", "27", "户", "较去年同期减少3户，下降11.1%", "减少3户，下降11.1%", "−11.1%"},
		{"5", "5", "人次", "与去年同期持平", "持平", "0.0%"},
		{"5", "0", "人次", "较去年同期增加5人次（去年同期为0）", "增加5人次", NoRate},
		{"0", "0", "人次", "与去年同期持平", "持平", NoRate},
		{"0", "4", "件", "较去年同期减少4件", "减少4件", "−100.0%"}, // base under MinRateBase: no rate
		{"3", "1", "家", "较去年同期增加2家", "增加2家", "+200.0%"},
		{"0", "40", "件", "较去年同期减少40件，下降100.0%", "减少40件，下降100.0%", "−100.0%"},
		{"20", "10", "次", "较去年同期增加10次，增长1倍", "增加10次，增长1倍", "+100.0%"},
		{"60", "20", "人", "较去年同期增加40人，是去年同期的3倍", "增加40人，是去年同期的3倍", "+200.0%"},
		{"206", "20", "人", "较去年同期增加186人，是去年同期的10.3倍", "增加186人，是去年同期的10.3倍", "+930.0%"},
		{"4509.5", "4100", "元", "较去年同期增加409.50元，增长10.0%", "增加409.50元，增长10.0%", "+10.0%"},
		{"4100", "4509.50", "元", "较去年同期减少409.50元，下降9.1%", "减少409.50元，下降9.1%", "−9.1%"},
		{"250000", "200000", "元", "较去年同期增加5万元，增长25.0%", "增加5万元，增长25.0%", "+25.0%"},
		{"404400", "376248", "元", "较去年同期增加2.82万元，增长7.5%", "增加2.82万元，增长7.5%", "+7.5%"},
		{"100010", "100000", "元", "较去年同期增加10元，增长不足0.1%", "增加10元，增长不足0.1%", "0.0%"}, // 0.001万元 rounds to nothing: in 元
		{"12.5", "10", "万元", "较去年同期增加2.5万元，增长25.0%", "增加2.5万元，增长25.0%", "+25.0%"},
		{"1.2", "1", "万人次", "较去年同期增加0.2万人次，增长20.0%", "增加0.2万人次，增长20.0%", "+20.0%"},
		{"10001", "10000", "人", "较去年同期增加1人，增长不足0.1%", "增加1人，增长不足0.1%", "0.0%"},
		{"9999", "10000", "人", "较去年同期减少1人，下降不足0.1%", "减少1人，下降不足0.1%", "0.0%"},
		{"91.4", "88.9", "%", "较去年同期提高2.5个百分点", "提高2.5个百分点", "+2.8%"},
		{"88.9", "91.4", "%", "较去年同期降低2.5个百分点", "降低2.5个百分点", "−2.7%"},
		{"91.42", "91.38", "%", "与去年同期持平", "持平", "0.0%"},
		{"0.35", "0.32", "平方公里", "较去年同期增加0.03平方公里，增长9.4%", "增加0.03平方公里，增长9.4%", "+9.4%"},
	} {
		cur, prev := dec(tc.cur), dec(tc.prev)
		if got, err := Change(cur, prev, tc.unit); err != nil || got != tc.change {
			t.Errorf("Change(%s, %s, %s) = %q, %v; want %q", tc.cur, tc.prev, tc.unit, got, err, tc.change)
		}
		if got, err := Delta(cur, prev, tc.unit); err != nil || got != tc.delta {
			t.Errorf("Delta(%s, %s, %s) = %q, %v; want %q", tc.cur, tc.prev, tc.unit, got, err, tc.delta)
		}
		if got, err := Growth(cur, prev); err != nil || got != tc.grow {
			t.Errorf("Growth(%s, %s) = %q, %v; want %q", tc.cur, tc.prev, got, err, tc.grow)
		}
	}
	for _, tc := range []struct {
		cur, prev, unit string
		err             error
		msg             string
	}{
		{"1.5", "1", "人", ErrNotWhole, "计数单位的数值必须是整数：1.5人"},
		{"1", "0.5", "户", ErrNotWhole, "计数单位的数值必须是整数：0.5户"},
		{"-1", "1", "人", ErrNegative, "数值不能为负：本期数为-1"},
		{"1", "-1", "人", ErrNegative, "数值不能为负：去年同期数为-1"},
		{"1", "1", "斤", ErrUnknownUnit, "单位不在单位表中：“斤”（可用单位见 docs/template-functions.md 的单位表）"},
	} {
		_, err := Change(dec(tc.cur), dec(tc.prev), tc.unit)
		if !errors.Is(err, tc.err) || err.Error() != tc.msg {
			t.Errorf("Change(%s, %s, %s) error %v, want %q", tc.cur, tc.prev, tc.unit, err, tc.msg)
		}
		if _, err := Delta(dec(tc.cur), dec(tc.prev), tc.unit); !errors.Is(err, tc.err) {
			t.Errorf("Delta(%s, %s, %s) error %v", tc.cur, tc.prev, tc.unit, err)
		}
	}
	if _, err := Growth(dec("-1"), dec("1")); !errors.Is(err, ErrNegative) {
		t.Errorf("Growth(-1, 1): %v", err)
	}
	if _, err := Growth(dec("1"), dec("-1")); !errors.Is(err, ErrNegative) {
		t.Errorf("Growth(1, -1): %v", err)
	}
}

func TestChangeFrom(t *testing.T) {
	for _, tc := range []struct {
		cur, prev, unit string
		change, delta   string
	}{
		{"152", "140", "人", "较上年增加12人，增长8.6%", "增加12人，增长8.6%"},
		{"5", "5", "户", "与上年持平", "持平"},
		{"5", "0", "人次", "较上年增加5人次（上年为0）", "增加5人次"},
		{"206", "20", "人", "较上年增加186人，是上年的10.3倍", "增加186人，是上年的10.3倍"},
	} {
		cur, prev := dec(tc.cur), dec(tc.prev)
		if got, err := ChangeFrom(cur, prev, tc.unit, LastYear); err != nil || got != tc.change {
			t.Errorf("ChangeFrom(%s, %s, %s, 上年) = %q, %v; want %q", tc.cur, tc.prev, tc.unit, got, err, tc.change)
		}
		if got, err := DeltaFrom(cur, prev, tc.unit, LastYear); err != nil || got != tc.delta {
			t.Errorf("DeltaFrom(%s, %s, %s, 上年) = %q, %v; want %q", tc.cur, tc.prev, tc.unit, got, err, tc.delta)
		}
	}
}

func TestTableCells(t *testing.T) {
	for _, tc := range []struct {
		cur, prev, unit string
		diff, growth    string
	}{
		{"152", "140", "人", "+12", "+8.6%"},
		{"24", "27", "户", "−3", "−11.1%"},
		{"5", "5", "人次", "0", NoRate}, // base under 10
		{"50", "50", "人次", "0", "0.0%"},
		{"3", "1", "家", "+2", NoRate},
		{"4509.5", "4100", "元", "+409.50", "+10.0%"},
		{"404400", "376248", "元", "+28152", "+7.5%"},
		{"48.6", "39.2", "万元", "+9.4", "+24.0%"},
		{"97.6", "96.8", "%", "+0.8个百分点", NoRate},
		{"96.8", "97.6", "%", "−0.8个百分点", NoRate},
		{"5", "0", "人次", "+5", NoRate},
		{"4.6", "3.6", "万元", "+1.0", "+27.8%"},
		{"12.50", "12.5", "万元", "0", "0.0%"},
	} {
		cur, prev := dec(tc.cur), dec(tc.prev)
		if got, err := Diff(cur, prev, tc.unit); err != nil || got != tc.diff {
			t.Errorf("Diff(%s, %s, %s) = %q, %v; want %q", tc.cur, tc.prev, tc.unit, got, err, tc.diff)
		}
		if got, err := GrowthOf(cur, prev, tc.unit); err != nil || got != tc.growth {
			t.Errorf("GrowthOf(%s, %s, %s) = %q, %v; want %q", tc.cur, tc.prev, tc.unit, got, err, tc.growth)
		}
	}
}

func TestBasisOf(t *testing.T) {
	for _, tc := range []struct {
		p    model.Period
		want Basis
	}{
		{model.Period{Year: 2024, Span: model.Year}, LastYear},
		{model.Period{Year: 2024, Span: model.H1}, SameSpan},
		{model.Period{Year: 2024, Span: model.Q4}, SameSpan},
		{model.Period{Start: model.Date{Year: 2024, Month: 1, Day: 1}, End: model.Date{Year: 2024, Month: 12, Day: 31}}, LastYear},
		{model.Period{Start: model.Date{Year: 2024, Month: 1, Day: 1}, End: model.Date{Year: 2024, Month: 9, Day: 20}}, SameSpan},
	} {
		if got := BasisOf(tc.p); got != tc.want {
			t.Errorf("BasisOf(%+v) = %s, want %s", tc.p, got, tc.want)
		}
	}
}
