package diag

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the candidate a mistyped s most likely meant, or "" when
// none is close: a candidate that contains s or is contained in it (文体 →
// 文体活动), else the nearest by edit distance when the distance is small
// enough to be a typo (actvities → activities).
func Suggest(s string, candidates []string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if utf8.RuneCountInString(s) >= 2 {
		// Of the candidates that contain s or are contained in it, take the
		// one closest in length: 人次次 → 人次, not 人.
		best, bestD := "", 1<<30
		for _, c := range candidates {
			if strings.Contains(c, s) || strings.Contains(s, c) {
				if d := abs(len(c) - len(s)); d < bestD {
					best, bestD = c, d
				}
			}
		}
		if best != "" {
			return best
		}
	}
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	limit := max(1, utf8.RuneCountInString(best)/3)
	if !isASCII(s) {
		// One different character in a two-character Chinese word is a
		// different word (公顷 is not 公里): no floor of one for CJK.
		limit = utf8.RuneCountInString(best) / 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
