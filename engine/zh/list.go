package zh

import "strings"

// Join joins the items of a list the way prose lists them: 、 between items
// and 和 before the last: A、B和C; A和B; A. Empty items are left out, so a
// missing value cannot leave 、、 behind.
func Join(items []string) string { return JoinWith(items, "和") }

// JoinWith is Join with another word before the last item: 及, 或, 以及.
func JoinWith(items []string, conj string) string {
	n, size := 0, 0
	for _, s := range items {
		if strings.TrimSpace(s) != "" {
			n++
			size += len(s) + len("、")
		}
	}
	var b strings.Builder
	b.Grow(size + len(conj))
	i := 0
	for _, s := range items {
		if strings.TrimSpace(s) == "" {
			continue
		}
		switch {
		case i == 0:
		case i == n-1:
			b.WriteString(conj)
		default:
			b.WriteString("、")
		}
		b.WriteString(s)
		i++
	}
	return b.String()
}
