package funcs

import (
	"slices"
	"strings"
	"testing"
	"text/template"
)

// TestExamples runs every registered example and checks that each exported
// method of a namespace is documented with at least one example, and that no
// documentation names a method that does not exist.
func TestExamples(t *testing.T) {
	fm := Map()
	for _, ns := range Namespaces() {
		var documented []string
		for _, f := range ns.Funcs {
			documented = append(documented, f.Name)
			if f.Doc == "" {
				t.Errorf("%s.%s: no description", ns.Name, f.Name)
			}
			if len(f.Examples) == 0 {
				t.Errorf("%s.%s: no example", ns.Name, f.Name)
			}
			for _, ex := range f.Examples {
				tmpl, err := template.New("ex").Funcs(fm).Option("missingkey=error").Parse(ex.Template)
				if err != nil {
					t.Errorf("%s.%s: parse %q: %v", ns.Name, f.Name, ex.Template, err)
					continue
				}
				var b strings.Builder
				if err := tmpl.Execute(&b, nil); err != nil {
					t.Errorf("%s.%s: execute %q: %v", ns.Name, f.Name, ex.Template, err)
					continue
				}
				if got := b.String(); got != ex.Want {
					t.Errorf("%s.%s: %s\n got %q\nwant %q", ns.Name, f.Name, ex.Template, got, ex.Want)
				}
			}
		}
		slices.Sort(documented)
		if methods := Methods(ns); !slices.Equal(methods, documented) {
			t.Errorf("namespace %s: methods %v, documented %v", ns.Name, methods, documented)
		}
	}
}

func TestCachedRegex(t *testing.T) {
	fm := Map()
	tests := []struct{ src, want string }{
		{`{{ regexMatch "(培训|讲座)$" "工会组长培训" }}`, "true"},
		{`{{ regexMatch "(培训|讲座)$" "拔河比赛" }}`, "false"},
		{`{{ regexMatch "(" "x" }}`, "false"},
		{`{{ regexReplaceAll "[。，]+$" "效果很好。" "" }}`, "效果很好"},
		{`{{ mustRegexReplaceAll "a+" "baaad" "x" }}`, "bxd"},
	}
	for _, tt := range tests {
		tmpl := template.Must(template.New("x").Funcs(fm).Parse(tt.src))
		var b strings.Builder
		if err := tmpl.Execute(&b, nil); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s = %q, want %q", tt.src, b.String(), tt.want)
		}
	}
	if err := template.Must(template.New("x").Funcs(fm).Parse(`{{ mustRegexMatch "(" "x" }}`)).Execute(&strings.Builder{}, nil); err == nil {
		t.Error("mustRegexMatch with a bad pattern: no error")
	}
}
