package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/xlsx"
	"github.com/huibao/huibao/engine/zh"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// TestSameFiguresAsProse renders fixtures through the engine, Markdown and
// appendix from one Render, and checks that the figures the prose quotes
// are the numbers the workbook holds: membership, dues, and every
// indicator the prose names, each with the value the workbook stores in
// its row of 工作指标.
func TestSameFiguresAsProse(t *testing.T) {
	e, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"liubeiqiao-2024-h1.yaml", "liubeiqiao-2024-h2.yaml", "shixinlu-street-2024.yaml", "tianyun-2024-h1.yaml"} {
		t.Run(name, func(t *testing.T) {
			j, err := e.Prepare(engine.Request{Path: filepath.Join("../../fixtures", name), Formats: []string{"md", "xlsx"}})
			if err != nil {
				t.Fatal(engine.Problems(err))
			}
			res, err := e.Render(j)
			if err != nil {
				t.Fatal(err)
			}
			outs := res.Outputs
			var md string
			var book []byte
			for _, o := range outs {
				switch o.Format.Name {
				case "md":
					md = string(o.Data)
				case "xlsx":
					book = o.Data
				}
			}
			f, err := excelize.OpenReader(bytes.NewReader(book), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			num := func(sheet, cell string) decimal.Decimal {
				v, _ := f.GetCellValue(sheet, cell)
				d, err := decimal.NewFromString(v)
				if err != nil {
					t.Fatalf("%s!%s = %q", sheet, cell, v)
				}
				return d
			}
			r := j.Report
			m := r.Membership
			members, dues := num(xlsx.SheetMembership, "B3"), num(xlsx.SheetMembership, "B5")
			if !members.Equal(decimal.NewFromInt(int64(m.Members))) || !dues.Equal(m.DuesCollected) {
				t.Errorf("workbook: %s members, %s 元; model: %d, %s", members, dues, m.Members, m.DuesCollected)
			}
			if m.Members > 0 && !strings.Contains(md, strconv.Itoa(m.Members)) {
				t.Errorf("the prose does not quote the %d members the workbook holds", m.Members)
			}
			if !m.DuesCollected.IsZero() && !strings.Contains(md, zh.Money(dues)) {
				t.Errorf("the prose does not quote the dues %s the workbook holds", zh.Money(dues))
			}
			quoted := 0
			for i, ind := range r.Indicators {
				row := strconv.Itoa(i + 3)
				if v, _ := f.GetCellValue(xlsx.SheetIndicators, "C"+row); v != ind.Name {
					t.Fatalf("工作指标!C%s = %q, want %q", row, v, ind.Name)
				}
				value := num(xlsx.SheetIndicators, "E"+row)
				if !value.Equal(ind.Value) {
					t.Errorf("%s: workbook %s, model %s", ind.Name, value, ind.Value)
				}
				if !strings.Contains(md, ind.Name) {
					continue // the prose need not quote every indicator
				}
				figure, err := zh.Count(value, ind.Unit)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(md, figure) {
					t.Errorf("the prose names %s but not the workbook's figure %s", ind.Name, figure)
				}
				quoted++
			}
			if len(r.Indicators) > 0 && quoted == 0 {
				t.Error("the prose quotes no indicator at all")
			}
		})
	}
}

// TestPartlyKnownLastYear: a cadre who knows only last year's members
// gets a workbook that says nothing of last year's dues — no 0人, no
// 0.00元, no change computed from them — and nothing of new members not
// reported: the engine tells the appendix which fields the input gave.
func TestPartlyKnownLastYear(t *testing.T) {
	e, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../fixtures/liubeiqiao-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	yaml := strings.Replace(string(data), "previous: {members: 140, dues_paying: 130, dues_collected: 4100}", "previous: {members: 140}", 1)
	yaml = strings.Replace(yaml, "  new_members: 12\n", "", 1)
	if yaml == string(data) {
		t.Fatal("the fixture changed; the test no longer edits it")
	}
	j, err := e.Prepare(engine.Request{Name: "部分.yaml", Data: []byte(yaml), Formats: []string{"xlsx"}})
	if err != nil {
		t.Fatal(engine.Problems(err))
	}
	res, err := e.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(res.Outputs[0].Data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, cell := range []string{"C4", "D4", "E4", "C5", "D5", "E5", "B6", "C7", "D7", "E7"} {
		if v, _ := f.GetCellValue(xlsx.SheetMembership, cell); v != "" {
			t.Errorf("会员情况!%s = %q, want empty", cell, v)
		}
	}
	for cell, want := range map[string]string{"C3": "140", "D3": "12", "E3": "0.086", "B4": "139"} {
		if v, _ := f.GetCellValue(xlsx.SheetMembership, cell); v != want {
			t.Errorf("会员情况!%s = %q, want %s", cell, v, want)
		}
	}
}
