package zh

import "testing"

func TestJoin(t *testing.T) {
	for _, tc := range []struct {
		items []string
		conj  string
		want  string
	}{
		{[]string{"A", "B", "C"}, "和", "A、B和C"},
		{[]string{"A", "B"}, "和", "A和B"},
		{[]string{"A"}, "和", "A"},
		{nil, "和", ""},
		{[]string{"A", "", " ", "C"}, "和", "A和C"},
		{[]string{"", "B", ""}, "和", "B"},
		{[]string{"《工会法》", "《职代会条例》", "《厂务公开条例》"}, "及", "《工会法》、《职代会条例》及《厂务公开条例》"},
		{[]string{"物业", "文体中心", "华润超市", "幼儿园"}, "以及", "物业、文体中心、华润超市以及幼儿园"},
	} {
		if got := JoinWith(tc.items, tc.conj); got != tc.want {
			t.Errorf("JoinWith(%q, %q) = %q, want %q", tc.items, tc.conj, got, tc.want)
		}
		if tc.conj == "和" {
			if got := Join(tc.items); got != tc.want {
				t.Errorf("Join(%q) = %q, want %q", tc.items, got, tc.want)
			}
		}
	}
}
