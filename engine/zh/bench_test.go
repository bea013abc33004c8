package zh

import (
	"testing"

	"github.com/huibao/huibao/engine/model"
)

// The functions a batch calls thousands of times: figures, money and dates.

var sink string

func BenchmarkMoney(b *testing.B) {
	d := dec("4509.50")
	b.ReportAllocs()
	for b.Loop() {
		sink = Money(d)
	}
}

func BenchmarkMoneyWan(b *testing.B) {
	d := dec("123456.78")
	b.ReportAllocs()
	for b.Loop() {
		sink = Money(d)
	}
}

func BenchmarkCount(b *testing.B) {
	d := dec("152")
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = Count(d, "人次")
	}
}

func BenchmarkCountInt(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = CountInt(152, "人次")
	}
}

func BenchmarkDate(b *testing.B) {
	d := model.Date{Year: 2024, Month: 6, Day: 12}
	b.ReportAllocs()
	for b.Loop() {
		sink = Date(d)
	}
}

func BenchmarkSpan(b *testing.B) {
	from, to := model.Date{Year: 2023, Month: 12, Day: 22}, model.Date{Year: 2024, Month: 1, Day: 21}
	b.ReportAllocs()
	for b.Loop() {
		sink = Span(from, to, 2024)
	}
}

func BenchmarkChange(b *testing.B) {
	cur, prev := dec("152"), dec("140")
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = Change(cur, prev, "人")
	}
}

func BenchmarkRate(b *testing.B) {
	p, w := dec("139"), dec("152")
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = Rate(p, w)
	}
}

func BenchmarkPunct(b *testing.B) {
	s := "柳背桥社区工会在社区党委的直接领导下,经过一年的努力,成绩可喜。目前社区工会在册会员有152人(缴费139人),共计收费4509.50元。"
	b.ReportAllocs()
	for b.Loop() {
		sink = Punct(s)
	}
}

func BenchmarkPunctClean(b *testing.B) {
	s := "柳背桥社区工会在社区党委的直接领导下，经过一年的努力，成绩可喜。目前社区工会在册会员有152人（缴费139人），共计收费4509.50元。"
	b.ReportAllocs()
	for b.Loop() {
		sink = Punct(s)
	}
}
