package form_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/sample"
)

// TestHostileWorkbooks makes the hostile workbooks of fixtures/hostile/
// from the sample 填报表 by changing one part of it, under -update only:
// they are a corpus of damage, kept as they are when the 填报表's layout
// changes (then run it with -update to make them anew): a cell at column XFD
// on a thousand rows (3.5 GB when read by excelize's loader), a value at
// the last row of a sheet, a sheet cut off in the middle, a sheet with a
// DTD, and shared strings cut off. Their expected problems are their .want
// files, run by engine/validate's TestFixturesHostile.
func TestHostileWorkbooks(t *testing.T) {
	if !golden.Update() {
		t.Skip("the hostile workbooks are made with -update")
	}
	base, err := form.WriteForm(sample.Liubeiqiao())
	if err != nil {
		t.Fatal(err)
	}
	const activities, problems, strs = "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml", "xl/sharedStrings.xml"
	var xfd strings.Builder
	for r := 20; r < 1020; r++ {
		fmt.Fprintf(&xfd, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>备注</t></is></c></row>`, r, r)
	}
	cases := []struct {
		name, part string
		change     func(string) string
	}{
		{"sparse-xfd.xlsx", activities, func(x string) string {
			return strings.Replace(x, "</sheetData>", xfd.String()+"</sheetData>", 1)
		}},
		{"last-row.xlsx", problems, func(x string) string {
			return strings.Replace(x, "</sheetData>", `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>最后一行</t></is></c></row></sheetData>`, 1)
		}},
		{"truncated-sheet.xlsx", activities, func(x string) string { return x[:len(x)/2] }},
		{"dtd-sheet.xlsx", activities, func(x string) string {
			return strings.Replace(x, "?>", `?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>`, 1)
		}},
		{"truncated-strings.xlsx", strs, func(x string) string { return x[:len(x)-40] }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden.Check(t, filepath.Join("..", "..", "fixtures", "hostile", c.name), rezip(t, base, c.part, c.change))
		})
	}
}

// rezip copies a workbook with one part changed, reproducibly.
func rezip(t *testing.T, data []byte, part string, change func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			b, found = []byte(change(string(b))), true
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if !found {
		t.Fatalf("no part %s", part)
	}
	zw.Close()
	return out.Bytes()
}
