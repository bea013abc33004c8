package html

import (
	"slices"
	"testing"
)

// TestTitleParts: a title breaks between the parts its keywords name.
func TestTitleParts(t *testing.T) {
	for _, c := range []struct {
		title    string
		keywords []string
		want     []string
	}{
		{"恒远精密机械有限公司工会2024年上半年工作总结", []string{"恒远精密机械有限公司工会", "2024年上半年", "工作总结"}, []string{"恒远精密机械有限公司工会", "2024年上半年", "工作总结"}},
		{"柳背桥社区工会2024年上半年工作总结及下半年工作计划", []string{"柳背桥社区工会", "2024年上半年", "工作总结"}, []string{"柳背桥社区工会", "2024年上半年", "工作总结", "及下半年工作计划"}},
		{"关于社区工会工作的汇报", []string{"柳背桥社区工会"}, []string{"关于社区工会工作的汇报"}},
		{"", nil, nil},
	} {
		if got := titleParts(c.title, c.keywords); !slices.Equal(got, c.want) {
			t.Errorf("titleParts(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}
