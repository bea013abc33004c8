package form_test

import (
	"testing"

	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/internal/sample"
	"github.com/xuri/excelize/v2"
)

// TestValidationPointsAtCells: the semantic checks of engine/validate find
// the cell of every field they report through the SourceMap, so a cadre who
// fills the 填报表 is told 活动!A4, not a YAML line.
func TestValidationPointsAtCells(t *testing.T) {
	data := edit(t, sample.Liubeiqiao(), func(f *excelize.File) {
		must(t, f.SetCellValue("会员情况", "B3", 160))     // dues_paying > members (152)
		must(t, f.SetCellStr("活动", "A4", "2024年8月1日")) // outside 2024 H1
		must(t, f.SetCellStr("活动", "D5", "文体"))        // not a category
		must(t, f.SetCellStr("工作指标", "C6", "人次次"))     // not a unit
		must(t, f.SetCellValue("活动", "F6", -3))        // negative participants
		must(t, f.SetCellStr("基本信息", "B3", ""))        // no union name
		must(t, f.SetCellStr("活动", "C7", ""))          // no title
		must(t, f.SetCellStr("工作指标", "C8", ""))        // no unit
	})
	r, src, probs := form.ReadForm("柳背桥.xlsx", data)
	if len(probs) > 0 {
		t.Fatalf("reading: %v", probs)
	}
	got := map[string]bool{}
	for _, p := range validate.Report(r, src) {
		got[p.Pos.String()] = true
		t.Log(p.Error())
	}
	for _, want := range []string{
		"柳背桥.xlsx:会员情况!B3",
		"柳背桥.xlsx:活动!A4",
		"柳背桥.xlsx:活动!D5",
		"柳背桥.xlsx:工作指标!C6",
		"柳背桥.xlsx:活动!F6",
		"柳背桥.xlsx:基本信息!B3", // missing values: the cell to fill in,
		"柳背桥.xlsx:活动!C7",   // not the sheet or the row's first cell
		"柳背桥.xlsx:工作指标!C8",
	} {
		if !got[want] {
			t.Errorf("no problem reported at %s", want)
		}
	}
}
