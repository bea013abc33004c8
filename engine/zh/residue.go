package zh

import (
	"regexp"
	"strings"
)

// What a finished report must not hold, found by one set of rules for the
// Markdown a template writes (compose's lint) and for the data a cadre
// types (validation), so that text the one accepts the other never refuses.

// Residues are the marks that text/template and fmt leave where a template
// went wrong: an absent value, unclosed braces, a bad printf argument, a
// whole map printed, a zero date.
var Residues = []string{"<no value>", "{{", "}}", "%!", "map[", "0001年"}

// Residue returns the first residue mark in s, or "".
func Residue(s string) string {
	for _, r := range Residues {
		if strings.Contains(s, r) {
			return r
		}
	}
	return ""
}

// Placeholder returns the first placeholder in s — XX, ××, __, an empty
// （） or [] — the marks a drafter leaves for what is still to be filled
// in; "" when there is none. It finds what the regular expression
//
//	XX|xx|××|__|＿＿|\[\s*\]|（\s*）|\(\s*\)
//
// finds (FuzzPlaceholder holds it to that), by a scan: it runs on every
// line of every report and every text a cadre types, and the expression
// was a tenth of a web preview's time.
func Placeholder(s string) string {
	for i := 0; i < len(s); i++ {
		// Every mark starts with an ASCII byte or a UTF-8 lead byte, so a
		// byte scan finds them where a rune scan would.
		var open, close string
		switch s[i] {
		case 'X', 'x', '_':
			if i+1 < len(s) && s[i+1] == s[i] {
				return s[i : i+2]
			}
			continue
		case '[':
			open, close = "[", "]"
		case '(':
			open, close = "(", ")"
		case '\xc3':
			if strings.HasPrefix(s[i:], "××") {
				return s[i : i+len("××")]
			}
			continue
		case '\xef':
			switch {
			case strings.HasPrefix(s[i:], "＿＿"):
				return s[i : i+len("＿＿")]
			case strings.HasPrefix(s[i:], "（"):
				open, close = "（", "）"
			default:
				continue
			}
		default:
			continue
		}
		j := i + len(open)
		for j < len(s) && isRegexpSpace(s[j]) {
			j++
		}
		if strings.HasPrefix(s[j:], close) {
			return s[i : j+len(close)]
		}
	}
	return ""
}

// isRegexpSpace is \s of Go's regular expressions: [\t\n\f\r ].
func isRegexpSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// Numbering patterns of the 一、（一）1.（1） hierarchy at the start of a
// heading or paragraph (GB/T 9704-2012 7.3.3), by level.
var (
	Level1 = regexp.MustCompile(`^([一二三四五六七八九十]+)、`)
	Level2 = regexp.MustCompile(`^（([一二三四五六七八九十]+)）`)
	Level3 = regexp.MustCompile(`^([0-9]+)[.．]`)
	Level4 = regexp.MustCompile(`^（([0-9]+)）`)
)

// LeadingNumber returns the number of the hierarchy s starts with — 一、
// （一） 1. （1） — or "". 1. counts only before Chinese text: 3.5万元 is a
// figure.
func LeadingNumber(s string) string {
	for _, re := range []*regexp.Regexp{Level1, Level2, Level4} {
		if m := re.FindString(s); m != "" {
			return m
		}
	}
	if m := Level3.FindString(s); m != "" {
		if rest := []rune(strings.TrimLeft(s[len(m):], " ")); len(rest) > 0 && IsCJK(rest[0]) && !isPause(rest[0]) {
			return m
		}
	}
	return ""
}

// Opening reports whether r may not begin a line of Chinese text: a pause
// or stop mark, or a closing bracket or quote (GB/T 15834; CLREQ's line
// start rules).
func Opening(r rune) bool {
	return isPause(r) || strings.ContainsRune("）」』”〉》】", r)
}

// Inline is Punct for a text set into a Chinese sentence, as every value a
// report quotes is: a half-width mark at either end is taken as standing
// next to Chinese, so that 红星机械(集团) and 好, both become full width
// wherever a template puts them. Inline(Inline(s)) is Inline(s).
func Inline(s string) string {
	if !hasHalfMark(s) && !strings.ContainsAny(s, " \t") {
		return s
	}
	const guard = "中"
	return strings.TrimSuffix(strings.TrimPrefix(Punct(guard+s+guard), guard), guard)
}
