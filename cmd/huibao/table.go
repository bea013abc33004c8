package main

import (
	"io"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/text/width"
)

// writeTable prints rows as columns aligned for a terminal, where a Chinese
// character takes two cells (text/tabwriter counts it as one, so Chinese
// names push their rows out of line). The last column is not padded.
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}

// displayWidth is the number of terminal cells s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// flagTable lists a command's options for its help, aligned like
// writeTable (pflag's own FlagUsages counts a Chinese character as one
// column, so "--templates 文件夹" pushes its description out of line).
func flagTable(fs *pflag.FlagSet) string {
	var rows [][]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name, usage := pflag.UnquoteUsage(f)
		left := "    "
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", "
		}
		left += "--" + f.Name
		if name != "" && f.Value.Type() != "bool" {
			left += " " + name
		}
		rows = append(rows, []string{"  " + left, usage})
	})
	var b strings.Builder
	writeTable(&b, rows)
	return strings.TrimRight(b.String(), "\n")
}
