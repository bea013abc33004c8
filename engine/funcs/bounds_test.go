package funcs

import (
	"strings"
	"testing"
	"text/template"
)

// TestDropped: no function that differs between runs or costs by design
// is in the map.
func TestDropped(t *testing.T) {
	m := Map()
	for _, name := range append(dropped, "now", "date", "randAlpha", "uuidv4", "env", "expandenv", "getHostByName") {
		if _, ok := m[name]; ok {
			t.Errorf("%s is in the function map", name)
		}
	}
}

// TestBounded: the functions that could make huge results refuse with an
// error, and ordinary calls are unchanged.
func TestBounded(t *testing.T) {
	tests := []struct{ src, want, err string }{
		{`{{ until 3 }}`, "[0 1 2]", ""},
		{`{{ untilStep 0 10 4 }}`, "[0 4 8]", ""},
		{`{{ seq 3 }}`, "1 2 3", ""},
		{`{{ repeat 3 "甲" }}`, "甲甲甲", ""},
		{`{{ printf "%s-%d" "甲" 1 }}`, "甲-1", ""},
		{`{{ until 200000 }}`, "", "要生成 200000 个数，超过了上限 100000 个"},
		{`{{ untilStep 0 -1000000 -1 }}`, "", "超过了上限"},
		{`{{ seq 1 1 1000000 }}`, "", "超过了上限"},
		{`{{ repeat -1 "a" }}`, "", "repeat 的次数不能是负数"},
		{`{{ printf "%s" (repeat 1048576 "ab") }}`, "", "结果超过了 1 MB"},
		{`{{ $l := list 1 }}{{ range until 20 }}{{ $l = concat $l $l }}{{ end }}`, "", "结果有 131072 项，超过了上限 100000 项"},
	}
	for _, tt := range tests {
		tmpl := template.Must(template.New("x").Funcs(Map()).Parse(tt.src))
		var b strings.Builder
		err := tmpl.Execute(&b, nil)
		switch {
		case tt.err == "" && (err != nil || b.String() != tt.want):
			t.Errorf("%s = %q, %v; want %q", tt.src, b.String(), err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want one with %q", tt.src, err, tt.err)
		}
	}
}
