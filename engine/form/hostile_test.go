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
	"github.com/huibao/huibao/engine/model"
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
func rezip(t testing.TB, data []byte, part string, change func(string) string) []byte {
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

// FuzzFormSheet feeds arbitrary XML as the 活动 sheet, or as the shared
// strings, of a real 填报表: however broken, the reader reports (at the
// sheet, or the file), keeps within its limits and never panics. Damaged
// zip bytes are FuzzReadForm's; this one reaches the XML reader.
func FuzzFormSheet(f *testing.F) {
	base, err := form.WriteForm(sample.Liubeiqiao())
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="3"><c r="XFD3" t="s"><v>0</v></c><c r="A3" t="n"><v>45381</v></c></row></sheetData><mergeCells><mergeCell ref="A3:XFD1048576"/></mergeCells></worksheet>`,
		`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet>&a;</worksheet>`,
		`<worksheet><sheetData><row><c><v>1</v></c><c t="s"><v>99999</v></c></row>`,
		`<worksheet><sheetData><row r="0"><c r="A0"/></row><row r="1048577"/></sheetData></worksheet>`,
	} {
		f.Add([]byte(seed), false)
	}
	f.Add([]byte(`<sst><si><t>日期</t></si><si><r><t>活</t></r><r><t>动</t></r><rPh><t>x</t></rPh></si><si><t>_x0007_</t></si></sst>`), true)
	const sheet, strs = "xl/worksheets/sheet5.xml", "xl/sharedStrings.xml"
	// The parts, unpacked once; each run packs them again without
	// compression, which is quick.
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		f.Fatal(err)
	}
	names := make([]string, len(zr.File))
	parts := map[string][]byte{}
	for i, zf := range zr.File {
		rc, _ := zf.Open()
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
		names[i] = zf.Name
	}
	f.Fuzz(func(t *testing.T, xml []byte, shared bool) {
		part := sheet
		if shared {
			part = strs
		}
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, name := range names {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if name == part {
				w.Write(xml)
			} else {
				w.Write(parts[name])
			}
		}
		zw.Close()
		data := out.Bytes()
		r, sm, probs := form.ReadForm("f.xlsx", data)
		if sm == nil || r == nil && len(probs) == 0 {
			t.Fatal("no report and no problem, or no source map")
		}
		for _, p := range probs {
			if p.Pos.File != "f.xlsx" {
				t.Fatalf("problem outside the file: %v", p)
			}
		}
		if r != nil && len(r.Activities) > 20000 {
			t.Fatalf("%d activities read past the limits", len(r.Activities))
		}
	})
}

// TestHugeCell: a sheet whose one cell holds more text than a part may
// unpack to is refused as too big, not called damaged; the same for the
// shared strings.
func TestHugeCell(t *testing.T) {
	base, err := form.WriteForm(sample.Liubeiqiao())
	if err != nil {
		t.Fatal(err)
	}
	huge := strings.Repeat("字", 6<<20) // 18 MB
	tests := []struct{ name, part, want string }{
		{"cell", "xl/worksheets/sheet5.xml", "h.xlsx:活动: 工作表“活动”解压后超过 16 MB，不予读取，这张表的内容没有读入。"},
		{"shared string", "xl/sharedStrings.xml", "h.xlsx: 工作簿里的文字（共享字符串表 xl/sharedStrings.xml）解压后超过 16 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := rezip(t, base, tt.part, func(x string) string {
				if tt.part == "xl/sharedStrings.xml" {
					return strings.Replace(x, "<si><t>", "<si><t>"+huge, 1)
				}
				return strings.Replace(x, "</sheetData>", `<row r="30"><c r="H30" t="inlineStr"><is><t>`+huge+`</t></is></c></row></sheetData>`, 1)
			})
			_, _, probs := form.ReadForm("h.xlsx", data)
			if len(probs) == 0 || !strings.HasPrefix(probs[0].Error(), tt.want) {
				t.Errorf("problems:\n%v\nwant %s…", probs, tt.want)
			}
		})
	}
}

// TestListOverLimit: a table sheet with more rows than its list may hold
// is refused at the sheet before its items are read (ten thousand rows of
// items and their cells' positions took 130 MB), with the count validation
// would give.
func TestListOverLimit(t *testing.T) {
	base, err := form.WriteForm(sample.Liubeiqiao())
	if err != nil {
		t.Fatal(err)
	}
	data := rezip(t, base, "xl/worksheets/sheet6.xml", func(x string) string { // 问题
		var b strings.Builder
		for r := 30; r < 30+model.LimitOf("problems").Items; r++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>问题%d</t></is></c></row>`, r, r, r)
		}
		return strings.Replace(x, "</sheetData>", b.String()+"</sheetData>", 1)
	})
	r, _, probs := form.ReadForm("l.xlsx", data)
	want := "l.xlsx:问题: 字段 problems：存在的问题有 102 项，超过了上限 100 项。"
	if len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), want) || r == nil || len(r.Problems) != 0 || len(r.Activities) == 0 {
		t.Errorf("problems:\n%v\nwant %s…", probs, want)
	}
}
