package book

import (
	"fmt"

	"github.com/huibao/huibao/engine/zh"
	"github.com/shopspring/decimal"
)

// Formulas are written so that a cadre can work in the workbook: rows
// inserted anywhere between a table's header and its 合计 are counted, and
// figures round as the prose rounds them.

// Grown is the range of a column between the header row and the row of the
// formula itself, both exclusive: INDEX(G:G,ROW(G$2)+1):INDEX(G:G,ROW()-1).
// A row inserted anywhere in between — right under the header, or right
// above 合计, where a fixed G3:G8 would leave it out — is in it, in Excel,
// WPS and LibreOffice alike.
func Grown(col string, header int) string {
	return fmt.Sprintf("INDEX(%s:%s,ROW(%s$%d)+1):INDEX(%s:%s,ROW()-1)", col, col, col, header, col, col)
}

// Total is a 合计 over a grown range that counts the rows a filter shows,
// so that filtering 活动台账 by 类别 gives that category's totals:
// SUBTOTAL 109 sums, 103 counts what is not empty.
func Total(fn int, col string, header int) string {
	return fmt.Sprintf("SUBTOTAL(%d,%s)", fn, Grown(col, header))
}

const (
	SumVisible   = 109 // SUBTOTAL's sum of the rows shown
	CountVisible = 103 // SUBTOTAL's count of the non-empty cells shown
)

// Between is a column of another sheet from its header to its 合计 row,
// inclusive, for COUNTIF and SUMIF: rows inserted between the two are in
// it, and neither the header nor 合计 (whose 类别 is empty) matches a
// category.
func Between(sheetName, col string, header, totalRow int) string {
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetName, col, header, col, totalRow)
}

// Comparison is how a figure in a unit is compared with last year, as
// engine/zh compares it in the prose: a share (%) changes in 百分点 and has
// no rate; a count has a rate only from a last-year figure of
// zh.MinRateBase on.
type Comparison struct {
	points  bool
	minBase int
}

func Compared(unit string) Comparison {
	points, minBase, err := zh.Compared(unit)
	if err != nil {
		return Comparison{} // a unit validation let through: compare plainly
	}
	return Comparison{points: points, minBase: minBase}
}

// RateFormula is 同比 of the change in cell diff over last year's figure in
// cell prev: rounded half away from zero to 0.1%, as zh rounds the prose
// (LibreOffice and Excel round the stored binary value of 0.0145 down,
// ROUND to three places rounds it as written); "" while last year is
// unknown, 无 (zh.NoRate) where the prose writes no rate.
func (c Comparison) RateFormula(diff, prev string) string {
	if c.points {
		return fmt.Sprintf(`IF(%s="","","%s")`, prev, zh.NoRate)
	}
	return fmt.Sprintf(`IF(OR(%s="",%s=""),"",IF(%s,"%s",ROUND(%s/%s,3)))`, prev, diff, c.noRate(prev), zh.NoRate, diff, prev)
}

// RateOf is RateFormula for a table without a 增减 column: 同比 of cell
// cur over cell prev.
func (c Comparison) RateOf(cur, prev string) string {
	if c.points {
		return fmt.Sprintf(`IF(OR(%s="",%s=""),"","%s")`, cur, prev, zh.NoRate)
	}
	return fmt.Sprintf(`IF(OR(%s="",%s=""),"",IF(%s,"%s",ROUND((%s-%s)/%s,3)))`, cur, prev, c.noRate(prev), zh.NoRate, cur, prev, prev)
}

func (c Comparison) noRate(prev string) string {
	if c.minBase > 0 {
		return fmt.Sprintf("%s<%d", prev, c.minBase)
	}
	return prev + "=0"
}

// Rate is the value RateFormula gives: nil (empty) without last year's
// figure, zh.NoRate where no rate is written, else the rounded ratio.
func (c Comparison) Rate(cur decimal.Decimal, prev *decimal.Decimal) any {
	switch {
	case prev == nil:
		return nil
	case c.points, prev.IsZero(), prev.LessThan(decimal.NewFromInt(int64(c.minBase))):
		return zh.NoRate
	}
	return cur.Sub(*prev).DivRound(*prev, 3).InexactFloat64()
}

// DiffFormula is 增减: this period less last year, in the figure's own
// decimals, or in 百分点 to one decimal for a share.
func (c Comparison) DiffFormula(cur, prev string, places int) string {
	if c.points {
		places = 1
	}
	return fmt.Sprintf(`IF(OR(%s="",%s=""),"",ROUND(%s-%s,%d))`, cur, prev, cur, prev, places)
}

func (c Comparison) Diff(cur decimal.Decimal, prev *decimal.Decimal, places int) any {
	if prev == nil {
		return nil
	}
	if c.points {
		places = 1
	}
	return cur.Sub(*prev).Round(int32(places)).InexactFloat64()
}

// DiffFormat shows 增减 signed in the figure's format, or in 百分点.
func (c Comparison) DiffFormat(format string) string {
	if c.points {
		return Signed(FmtPoints)
	}
	return Signed(format)
}

// InPoints reports whether the figures change in 百分点: a share.
func (c Comparison) InPoints() bool { return c.points }

// Number formats both workbooks show changes with.
const (
	// FmtPercent is a share or a rate, to one decimal as the prose writes it.
	FmtPercent = `0.0%`
	// FmtPoints is a change of a share, in 百分点 (percentage points).
	FmtPoints = `0.0"个百分点"`
)

// Signed shows a change with its sign as the prose's tables write it:
// +12人, −3.50元 (the minus sign U+2212, zh.Minus), 0人.
func Signed(f string) string { return "+" + f + `;"` + zh.Minus + `"` + f + ";" + f }
