package xlsx

import (
	"fmt"

	"github.com/huibao/huibao/engine/zh"
	"github.com/shopspring/decimal"
)

// Formulas are written so that a cadre can work in the workbook: rows
// inserted anywhere between a table's header and its 合计 are counted, and
// figures round as the prose rounds them.

// grown is the range of a column between the header row and the row of the
// formula itself, both exclusive: INDEX(G:G,ROW(G$2)+1):INDEX(G:G,ROW()-1).
// A row inserted anywhere in between — right under the header, or right
// above 合计, where a fixed G3:G8 would leave it out — is in it, in Excel,
// WPS and LibreOffice alike.
func grown(col string, header int) string {
	return fmt.Sprintf("INDEX(%s:%s,ROW(%s$%d)+1):INDEX(%s:%s,ROW()-1)", col, col, col, header, col, col)
}

// total is a 合计 over a grown range that counts the rows a filter shows,
// so that filtering 活动台账 by 类别 gives that category's totals:
// SUBTOTAL 109 sums, 103 counts what is not empty.
func total(fn int, col string, header int) string {
	return fmt.Sprintf("SUBTOTAL(%d,%s)", fn, grown(col, header))
}

const (
	sumVisible   = 109
	countVisible = 103
)

// between is a column of another sheet from its header to its 合计 row,
// inclusive, for COUNTIF and SUMIF: rows inserted between the two are in
// it, and neither the header nor 合计 (whose 类别 is empty) matches a
// category.
func between(sheetName, col string, header, totalRow int) string {
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetName, col, header, col, totalRow)
}

// comparison is how a figure in a unit is compared with last year, as
// engine/zh compares it in the prose: a share (%) changes in 百分点 and has
// no rate; a count has a rate only from a last-year figure of
// zh.MinRateBase on.
type comparison struct {
	points  bool
	minBase int
}

func compared(unit string) comparison {
	points, minBase, err := zh.Compared(unit)
	if err != nil {
		return comparison{} // a unit validation let through: compare plainly
	}
	return comparison{points: points, minBase: minBase}
}

// rateFormula is 同比 of the change in cell diff over last year's figure in
// cell prev: rounded half away from zero to 0.1%, as zh rounds the prose
// (LibreOffice and Excel round the stored binary value of 0.0145 down,
// ROUND to three places rounds it as written); "" while last year is
// unknown, 无 (zh.NoRate) where the prose writes no rate.
func (c comparison) rateFormula(diff, prev string) string {
	if c.points {
		return fmt.Sprintf(`IF(%s="","","%s")`, prev, zh.NoRate)
	}
	return fmt.Sprintf(`IF(OR(%s="",%s=""),"",IF(%s,"%s",ROUND(%s/%s,3)))`, prev, diff, c.noRate(prev), zh.NoRate, diff, prev)
}

func (c comparison) noRate(prev string) string {
	if c.minBase > 0 {
		return fmt.Sprintf("%s<%d", prev, c.minBase)
	}
	return prev + "=0"
}

// rate is the value rateFormula gives: nil (empty) without last year's
// figure, zh.NoRate where no rate is written, else the rounded ratio.
func (c comparison) rate(cur decimal.Decimal, prev *decimal.Decimal) any {
	switch {
	case prev == nil:
		return nil
	case c.points, prev.IsZero(), prev.LessThan(decimal.NewFromInt(int64(c.minBase))):
		return zh.NoRate
	}
	return cur.Sub(*prev).DivRound(*prev, 3).InexactFloat64()
}

// diffFormula is 增减: this period less last year, in the figure's own
// decimals, or in 百分点 to one decimal for a share.
func (c comparison) diffFormula(cur, prev string, places int) string {
	if c.points {
		places = 1
	}
	return fmt.Sprintf(`IF(OR(%s="",%s=""),"",ROUND(%s-%s,%d))`, cur, prev, cur, prev, places)
}

func (c comparison) diff(cur decimal.Decimal, prev *decimal.Decimal, places int) any {
	if prev == nil {
		return nil
	}
	if c.points {
		places = 1
	}
	return cur.Sub(*prev).Round(int32(places)).InexactFloat64()
}

// diffFormat shows 增减 signed in the figure's format, or in 百分点.
func (c comparison) diffFormat(format string) string {
	if c.points {
		return fmtSigned(fmtPoints)
	}
	return fmtSigned(format)
}
