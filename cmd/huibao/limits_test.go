package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/model"
)

// limitsTable is the README's table of the input's limits, from the field
// table and model's limits.
func limitsTable() string {
	var b strings.Builder
	b.WriteString("| 字段 | 名称 | 上限 |\n|---|---|---|\n")
	for _, f := range model.Fields() {
		l := model.LimitOf(f.Path)
		var parts []string
		if l.Items > 0 {
			parts = append(parts, fmt.Sprintf("%d 项", l.Items))
		}
		if l.Chars > 0 {
			each := ""
			if l.Items > 0 {
				each = "每项 "
			}
			parts = append(parts, fmt.Sprintf("%s%d 字", each, l.Chars))
		}
		if len(parts) == 0 {
			continue
		}
		if l.Lines {
			parts = append(parts, "可换行")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.Path, f.Label, strings.Join(parts, "，"))
	}
	return b.String()
}

// TestLimitsTable: the README's table of limits is model's, row for row.
func TestLimitsTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := limitsTable(); !strings.Contains(string(readme), want) {
		t.Errorf("README.md's table of limits is not model's; it should read:\n%s", want)
	}
}
