package validate

import "testing"

// TestInvisible: the first character that shows nothing is named with its
// place, and the count says how many there are, so that one round of
// fixing removes them all.
func TestInvisible(t *testing.T) {
	for _, c := range []struct {
		in    string
		lines bool
		want  string
	}{
		{"工会组长培训", false, ""},
		{"培训\u0007班", false, "里有看不见的控制字符 U+0007（第 3 个字符）"},
		{"培训\u0007班\u202e\u200b", false, "里有看不见的控制字符 U+0007（第 3 个字符），一共有 3 个看不见的字符"},
		{"南湖\n度假村", false, "里有换行（第 3 个字符）：这一项只能写一行"},
		{"第一行\n第二行\u200b", true, "里有看不见的零宽字符 U+200B（第 8 个字符）"},
		{"a\u200bb\nc", false, "里有看不见的零宽字符 U+200B（第 2 个字符）"},
		{"乱\uFFFD码", false, "里有乱码字符“\uFFFD”（第 2 个字符）"},
		{"\u202e\tx", false, "里有看不见的改变文字方向的控制字符 U+202E（第 1 个字符），一共有 2 个看不见的字符"},
	} {
		if got, _ := invisible(c.in, c.lines); got != c.want {
			t.Errorf("invisible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
