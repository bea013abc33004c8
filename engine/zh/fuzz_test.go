package zh

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// parseNumerals reads Chinese numerals back, independently of how they are
// written: digits, the small units 十百千 (拾佰仟), and the group units 万 and
// 亿, where a group unit straight after another multiplies it (万亿, 亿亿)
// and otherwise takes everything written since the last larger group.
func parseNumerals(s string, upper bool) (uint64, error) {
	ns := &lowerNumerals
	if upper {
		ns = &upperNumerals
	}
	digit := map[string]uint64{}
	for i, d := range ns.digits {
		digit[d] = uint64(i)
	}
	small := map[string]uint64{ns.small[1]: 10, ns.small[2]: 100, ns.small[3]: 1000}
	type term struct {
		v     uint64
		level int
	}
	var terms []term
	var section, d uint64
	hasDigit, afterGroup := false, false
	for _, r := range s {
		c := string(r)
		if v, ok := digit[c]; ok {
			if hasDigit && v != 0 {
				return 0, fmt.Errorf("two digits in a row in %q", s)
			}
			if v != 0 {
				d, hasDigit = v, true
			}
			afterGroup = false
			continue
		}
		if u, ok := small[c]; ok {
			if !hasDigit {
				d = 1
			}
			section += d * u
			d, hasDigit, afterGroup = 0, false, false
			continue
		}
		var level int
		switch c {
		case "万":
			level = 4
		case "亿":
			level = 8
		default:
			return 0, fmt.Errorf("not a numeral: %q in %q", c, s)
		}
		x := section + d
		section, d, hasDigit = 0, 0, false
		if afterGroup {
			last := &terms[len(terms)-1]
			last.v *= uint64(pow10[level])
			last.level += level
			continue
		}
		for len(terms) > 0 && terms[len(terms)-1].level < level {
			x += terms[len(terms)-1].v
			terms = terms[:len(terms)-1]
		}
		terms = append(terms, term{x * uint64(pow10[level]), level})
		afterGroup = true
	}
	total := section + d
	for _, t := range terms {
		total += t.v
	}
	return total, nil
}

func FuzzNumeral(f *testing.F) {
	for _, n := range []int64{0, 1, 10, 15, 101, 1005, 10010000, 100000001, 1 << 62, -1 << 63, 1<<63 - 1} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		s := Numeral(n)
		body, neg := strings.CutPrefix(s, "负")
		if neg != (n < 0) {
			t.Fatalf("Numeral(%d) = %q: sign", n, s)
		}
		got, err := parseNumerals(body, false)
		if err != nil || got != abs64(n) {
			t.Fatalf("Numeral(%d) = %q, reads back as %d (%v)", n, s, got, err)
		}
		if n != 0 && (strings.Contains(body, "零零") || strings.HasSuffix(body, "零") || strings.HasPrefix(body, "零")) {
			t.Fatalf("Numeral(%d) = %q: misplaced 零", n, s)
		}
		if strings.HasPrefix(body, "一十") {
			t.Fatalf("Numeral(%d) = %q: leading 一十", n, s)
		}
		// Digits spells the same number digit by digit.
		var b strings.Builder
		for _, r := range strings.TrimPrefix(Digits(n), "负") {
			b.WriteByte(byte('0' + strings.Index("〇一二三四五六七八九", string(r))/3))
		}
		if want := new(big.Int).Abs(big.NewInt(n)).String(); b.String() != want {
			t.Fatalf("Digits(%d) = %q reads back as %s", n, Digits(n), b.String())
		}
	})
}

// fuzzDecimal builds a decimal of any size from fuzz input.
func fuzzDecimal(coef int64, exp int8) decimal.Decimal {
	return decimal.New(coef, int32(exp%24))
}

// readNumber parses a formatted figure back, with its separators removed.
func readNumber(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		t.Fatalf("%q does not read back: %v", s, err)
	}
	return d
}

func FuzzMoney(f *testing.F) {
	for _, c := range []struct {
		coef int64
		exp  int8
	}{{450950, -2}, {2150, 0}, {49435, -1}, {12345678, -2}, {9999999, -2}, {99999995, -3}, {3, 5}, {-40950, -2}, {1, -3}, {1<<63 - 1, -4}} {
		f.Add(c.coef, c.exp)
	}
	f.Fuzz(func(t *testing.T, coef int64, exp int8) {
		d := fuzzDecimal(coef, exp)
		fen := d.Round(2)

		m := Money(d)
		if num, ok := strings.CutSuffix(m, "万元"); ok {
			if fen.Abs().LessThan(decimal.NewFromInt(100000)) {
				t.Fatalf("Money(%s) = %q: 万元 below 10万", d, m)
			}
			if v := readNumber(t, num); !v.Shift(4).Equal(d.Round(-2)) {
				t.Fatalf("Money(%s) = %q, want %s万", d, m, d.Round(-2).Shift(-4))
			}
			if strings.Contains(num, ".") && strings.HasSuffix(num, "0") {
				t.Fatalf("Money(%s) = %q: trailing zero", d, m)
			}
		} else {
			num, ok := strings.CutSuffix(m, "元")
			if !ok {
				t.Fatalf("Money(%s) = %q: no unit", d, m)
			}
			if !fen.Abs().LessThan(decimal.NewFromInt(100000)) {
				t.Fatalf("Money(%s) = %q: 元 from 10万", d, m)
			}
			if v := readNumber(t, num); !v.Equal(fen) {
				t.Fatalf("Money(%s) = %q, want %s", d, m, fen)
			}
			if i := strings.IndexByte(num, '.'); i >= 0 && (len(num)-i != 3 || strings.HasSuffix(num, ".00")) {
				t.Fatalf("Money(%s) = %q: decimals", d, m)
			}
			if y := Yuan(d); y != m {
				t.Fatalf("Yuan(%s) = %q, Money %q", d, y, m)
			}
		}

		a := Amount(d)
		if v := readNumber(t, a); !v.Equal(fen) {
			t.Fatalf("Amount(%s) = %q", d, a)
		}
		checkGroups(t, a)
		g := Grouped(d)
		if v := readNumber(t, g); !v.Equal(d) {
			t.Fatalf("Grouped(%s) = %q", d, g)
		}
		checkGroups(t, g)

		c, err := Capital(d)
		switch {
		case fen.Sign() < 0:
			if err == nil {
				t.Fatalf("Capital(%s) = %q, want an error", d, c)
			}
		case fen.GreaterThanOrEqual(decimal.New(1, 12)):
			if err == nil {
				t.Fatalf("Capital(%s) = %q, want an error", d, c)
			}
		default:
			if err != nil {
				t.Fatalf("Capital(%s): %v", d, err)
			}
			if v := readCapital(t, c); !v.Equal(fen) {
				t.Fatalf("Capital(%s) = %q reads back as %s", d, c, v)
			}
		}
	})
}

// checkGroups checks the thousands separators of a figure.
func checkGroups(t *testing.T, s string) {
	t.Helper()
	intPart, _, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	groups := strings.Split(intPart, ",")
	for i, g := range groups {
		if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
			t.Fatalf("%q: bad grouping", s)
		}
	}
}

// readCapital reads a 大写金额 back and checks its form.
func readCapital(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	if s == "零元整" {
		return decimal.Zero
	}
	if strings.Contains(s, "零零") || strings.HasPrefix(s, "零") || strings.HasPrefix(s, "拾") {
		t.Fatalf("%q: misplaced 零 or bare 拾", s)
	}
	hasFen := strings.HasSuffix(s, "分")
	if hasFen == strings.HasSuffix(s, "整") {
		t.Fatalf("%q: 整 and 分", s)
	}
	rest := strings.TrimSuffix(s, "整")
	var yuan uint64
	if i := strings.Index(rest, "元"); i >= 0 {
		var err error
		if yuan, err = parseNumerals(rest[:i], true); err != nil || yuan == 0 {
			t.Fatalf("%q: %v", s, err)
		}
		rest = rest[i+len("元"):]
	}
	if r, ok := strings.CutPrefix(rest, "零"); ok {
		if yuan == 0 {
			t.Fatalf("%q: 零 without 元", s)
		}
		rest = r
	}
	upper := func(c string) int64 {
		for i, d := range upperNumerals.digits {
			if d == c {
				return int64(i)
			}
		}
		t.Fatalf("%q: %q is no digit", s, c)
		return 0
	}
	var jiao, fen int64
	for rest != "" {
		r, n := utf8.DecodeRuneInString(rest)
		unit, m := utf8.DecodeRuneInString(rest[n:])
		switch unit {
		case '角':
			jiao = upper(string(r))
		case '分':
			fen = upper(string(r))
		default:
			t.Fatalf("%q: unexpected %q", s, rest)
		}
		rest = rest[n+m:]
	}
	return decimal.NewFromUint64(yuan).Add(decimal.New(jiao, -1)).Add(decimal.New(fen, -2))
}

func FuzzPercent(f *testing.F) {
	for _, c := range []struct{ part, whole int64 }{{139, 152}, {1, 16}, {183, 2000}, {1, 10000}, {0, 5}, {5, 0}, {-3, 7}} {
		f.Add(c.part, c.whole, int8(0))
	}
	f.Fuzz(func(t *testing.T, part, whole int64, exp int8) {
		p, w := fuzzDecimal(part, exp), decimal.NewFromInt(whole)
		s, err := Rate(p, w)
		if whole == 0 {
			if err == nil {
				t.Fatalf("Rate(%s, 0) = %q, want an error", p, s)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		// exact = 100·p/w; the figure shown must be it rounded half away
		// from zero to one decimal: |shown − exact| ≤ 0.05, with a tie
		// going away from zero.
		exact := new(big.Rat).Mul(p.Rat(), big.NewRat(100, whole))
		if s == under {
			if exact.Sign() <= 0 || exact.Cmp(big.NewRat(1, 20)) >= 0 {
				t.Fatalf("Rate(%s, %d) = %s for %s%%", p, whole, s, exact.FloatString(6))
			}
			return
		}
		num, ok := strings.CutSuffix(s, "%")
		if !ok || !strings.Contains(num, ".") || len(num)-strings.Index(num, ".") != 2 {
			t.Fatalf("Rate(%s, %d) = %q", p, whole, s)
		}
		shown := readNumber(t, num).Rat()
		diff := new(big.Rat).Sub(shown, exact)
		half := big.NewRat(1, 20)
		if c := new(big.Rat).Abs(diff).Cmp(half); c > 0 || (c == 0 && new(big.Rat).Abs(shown).Cmp(new(big.Rat).Abs(exact)) < 0) {
			t.Fatalf("Rate(%s, %d) = %q, exact %s%%", p, whole, s, exact.FloatString(6))
		}
		// Percent of the same ratio, when it is exact, agrees with Rate.
		if r := p.Rat(); true {
			ratio := new(big.Rat).Quo(r, new(big.Rat).SetInt64(whole))
			if ratio.IsInt() || isFiniteDecimal(ratio.Denom()) {
				d, _ := decimal.NewFromString(ratio.FloatString(40))
				if got := Percent(d); got != s {
					t.Fatalf("Percent(%s) = %q, Rate(%s, %d) = %q", d, got, p, whole, s)
				}
			}
		}
		// Growth and Change tell increases from decreases.
		cur, prev := decimal.NewFromInt(abs(part)), decimal.NewFromInt(abs(whole))
		ch, err := Change(cur, prev, "人")
		if err != nil {
			t.Fatal(err)
		}
		switch cur.Cmp(prev) {
		case 1:
			rated := strings.Contains(ch, "，增长") || strings.Contains(ch, "倍")
			if !strings.HasPrefix(ch, "较去年同期增加") || (prev.IntPart() >= MinRateBase) != rated {
				t.Fatalf("Change(%s, %s) = %q", cur, prev, ch)
			}
		case -1:
			if !strings.HasPrefix(ch, "较去年同期减少") || (prev.IntPart() >= MinRateBase) != strings.Contains(ch, "，下降") {
				t.Fatalf("Change(%s, %s) = %q", cur, prev, ch)
			}
		default:
			if ch != "与去年同期持平" {
				t.Fatalf("Change(%s, %s) = %q", cur, prev, ch)
			}
		}
		g, err := Growth(cur, prev)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := Rate(cur.Sub(prev), prev)
		switch {
		case want == under || want == "-"+under || want == "0.0%":
			want = "0.0%"
		case strings.HasPrefix(want, "-"):
			want = Minus + want[1:]
		default:
			want = "+" + want
		}
		if g != want {
			t.Fatalf("Growth(%s, %s) = %q, Rate of the change %q", cur, prev, g, want)
		}
	})
}

func abs(n int64) int64 {
	if n < 0 {
		if n == -1<<63 {
			return 1<<63 - 1
		}
		return -n
	}
	return n
}

// isFiniteDecimal reports whether 1/d has a finite decimal expansion.
func isFiniteDecimal(d *big.Int) bool {
	x := new(big.Int).Set(d)
	for _, p := range []int64{2, 5} {
		bp := big.NewInt(p)
		m := new(big.Int)
		for {
			q, r := new(big.Int).QuoRem(x, bp, m)
			if r.Sign() != 0 {
				break
			}
			x = q
		}
	}
	return x.Cmp(big.NewInt(1)) == 0
}

func FuzzPunct(f *testing.F) {
	for _, s := range []string{
		"柳背桥社区工会在社区党委的直接领导下,经过一年的努力,成绩可喜。",
		"(一)进一步完善(a,b)制度:12:30,4,509.50元!",
		"见https://x.cn/a?b=1,c=2,请查看[说明](https://x.cn/(a)),`a,b`中,文",
		"Hello, world! f(x),y 人 , 参加  ,\n(第二行)",
		"中(a),b))((中,,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		p := Punct(s)
		if q := Punct(p); q != p {
			t.Fatalf("Punct not idempotent:\n s %q\n p %q\n q %q", s, p, q)
		}
		for _, issue := range CheckPunct(p) {
			if issue.Kind == HalfWidth {
				t.Fatalf("Punct(%q) = %q still has %+v", s, p, issue)
			}
		}
		// Punct only changes the width of marks and drops blanks.
		if norm(p) != norm(s) {
			t.Fatalf("Punct(%q) = %q changed the text", s, p)
		}
		n := 0
		for _, issue := range CheckPunct(s) {
			if issue.Kind == HalfWidth {
				n++
			}
		}
		if changed := countChanged(s, p); changed != n {
			t.Fatalf("Punct(%q) = %q converted %d marks, CheckPunct found %d", s, p, changed, n)
		}
	})
}

// norm maps the full-width marks to half width and drops blanks.
func norm(s string) string {
	return strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		for _, h := range ",;:()!?" {
			if fullWidth(h) == r {
				return h
			}
		}
		return r
	}, s)
}

// countChanged counts the marks Punct turned full-width.
func countChanged(s, p string) int {
	count := func(x string) int {
		n := 0
		for _, r := range x {
			if fullWidth(r) != 0 {
				n++
			}
		}
		return n
	}
	return count(s) - count(p)
}

// placeholderRe is what Placeholder finds, as the regular expression it
// replaced.
var placeholderRe = regexp.MustCompile(`XX|xx|××|__|＿＿|\[\s*\]|（\s*）|\(\s*\)`)

// FuzzPlaceholder: Placeholder finds what the expression finds, in any
// bytes.
func FuzzPlaceholder(f *testing.F) {
	for _, s := range []string{"", "XX", "Xx", "请填写XX社区", "x_x__", "××", "×", "＿＿", "＿ ＿", "[]", "[ \t]", "[\v]", "（）", "（ \n ）", "（a）",
		"( )", "(\f\r)", "(", "[", "（", "\xc3××", "\xef（）", "活动于（  ）举办", "([ ])", "第一（ ）项[", "\xff(  )"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Placeholder(s), placeholderRe.FindString(s); got != want {
			t.Fatalf("Placeholder(%q) = %q, the expression finds %q", s, got, want)
		}
	})
}
