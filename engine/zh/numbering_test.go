package zh

import (
	"errors"
	"testing"
)

func TestSeq(t *testing.T) {
	for _, tc := range []struct {
		level, n int
		want     string
	}{
		{1, 1, "一、"},
		{1, 10, "十、"},
		{1, 11, "十一、"},
		{1, 12, "十二、"},
		{1, 21, "二十一、"},
		{2, 1, "（一）"},
		{2, 12, "（十二）"},
		{3, 1, "1."},
		{3, 12, "12."},
		{4, 1, "（1）"},
		{4, 12, "（12）"},
	} {
		got, err := Seq(tc.level, tc.n)
		if err != nil || got != tc.want {
			t.Errorf("Seq(%d, %d) = %q, %v; want %q", tc.level, tc.n, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		level, n int
		err      error
		msg      string
	}{
		{0, 1, ErrLevel, "层次序号只有1至4级：0"},
		{5, 1, ErrLevel, "层次序号只有1至4级：5"},
		{1, 0, ErrRange, "数值超出范围：序号从1开始，不能是0"},
	} {
		_, err := Seq(tc.level, tc.n)
		if !errors.Is(err, tc.err) || err.Error() != tc.msg {
			t.Errorf("Seq(%d, %d) error %v, want %q", tc.level, tc.n, err, tc.msg)
		}
	}
}

func TestCounter(t *testing.T) {
	var c Counter
	var got []string
	for _, level := range []int{1, 2, 2, 3, 4, 4, 3, 2, 1, 2, 3, 1} {
		s, err := c.Next(level)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	want := []string{"一、", "（一）", "（二）", "1.", "（1）", "（2）", "2.", "（三）", "二、", "（一）", "1.", "三、"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d: got %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
	if c.Current(1) != 3 || c.Current(2) != 0 || c.Current(9) != 0 {
		t.Errorf("Current: %d %d", c.Current(1), c.Current(2))
	}
	for range 10 {
		c.Next(2)
	}
	if s, _ := c.Next(2); s != "（十一）" {
		t.Errorf("eleventh: %q", s)
	}
	if c.Reset() != "" || c.Current(1) != 0 {
		t.Error("Reset did not reset")
	}
	if s, _ := c.Next(1); s != "一、" {
		t.Errorf("after reset: %q", s)
	}
	if _, err := c.Next(5); !errors.Is(err, ErrLevel) {
		t.Errorf("level 5: %v", err)
	}
}
