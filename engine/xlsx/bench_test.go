package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
	"testing"

	"github.com/huibao/huibao/internal/sample"
)

// BenchmarkAppendix measures the appendix of a street-sized report: 150
// activities and 40 indicators, charts included.
func BenchmarkAppendix(b *testing.B) {
	r := sample.Large(150)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Appendix(r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStraightforward is the yardstick the issue quotes: the same
// figures written cell by cell with excelize's ordinary API and saved with
// its defaults. It shares the machine's load with BenchmarkAppendix, so the
// ratio of the two is the figure to read.
func BenchmarkStraightforward(b *testing.B) {
	r := sample.Large(150)
	var grid []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		grid = append(grid, excelize.Border{Type: side, Color: "7F7F7F", Style: 1})
	}
	b.ReportAllocs()
	for b.Loop() {
		f := excelize.NewFile()
		style, _ := f.NewStyle(&excelize.Style{Border: grid, Alignment: &excelize.Alignment{WrapText: true}})
		_ = f.SetSheetName("Sheet1", SheetLedger)
		for i, a := range r.Activities {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			_ = f.SetSheetRow(SheetLedger, cell, &[]any{i + 1, a.Date.Time(), a.Category, a.Title, a.Location,
				a.Participants, a.Cost.InexactFloat64(), a.Content, a.Result})
			last, _ := excelize.CoordinatesToCellName(9, i+2)
			_ = f.SetCellStyle(SheetLedger, cell, last, style)
		}
		_, _ = f.NewSheet(SheetIndicators)
		for i, ind := range r.Indicators {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			row := []any{i + 1, ind.Category, ind.Name, ind.Unit, ind.Value.InexactFloat64()}
			if ind.Previous != nil {
				row = append(row, ind.Previous.InexactFloat64())
			}
			_ = f.SetSheetRow(SheetIndicators, cell, &row)
			_ = f.SetCellFormula(SheetIndicators, fmt.Sprintf("G%d", i+2), fmt.Sprintf("E%d-F%d", i+2, i+2))
		}
		if _, err := f.WriteToBuffer(); err != nil {
			b.Fatal(err)
		}
		_ = f.Close()
	}
}
