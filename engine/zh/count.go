package zh

import (
	"strconv"
	"strings"

	"github.com/huibao/huibao/engine/model"
	"github.com/shopspring/decimal"
)

// lookupUnit finds a unit in model.Units, the one unit table.
func lookupUnit(unit string) (model.Unit, error) {
	u, ok := model.LookupUnit(unit)
	if !ok {
		return model.Unit{}, unknownUnit(unit)
	}
	return u, nil
}

// scaledUnit reports whether a unit carries its own 万 (万元, 万人次), so
// that its figures may have decimals even when the unit counts things:
// 1.2万人次. This is the one piece of measure-word knowledge beyond
// model.UnitKind that the helpers need.
func scaledUnit(unit string) bool { return strings.HasPrefix(unit, "万") }

// Count writes a figure with its unit, the way GB/T 15835 wants counts and
// measures in prose: in Arabic digits, no thousands separator, the unit
// straight after the number.
//
//	152 人        → 152人        counts (人, 人次, 户, 家, 期 …) must be whole
//	1.2 万人次     → 1.2万人次    a unit with 万 may have decimals
//	4509.5 元     → 4509.50元    money as Money writes it (万元 from 10万)
//	12.5 万元     → 12.5万元     already in 万元: to 0.01, zeros dropped
//	0.32 平方公里  → 0.32平方公里  quantities exactly as given
//	91.43 %       → 91.4%        percentages to one decimal, as Percent
//
// The unit must be in model.Units; a negative figure is an error (input
// figures never are; a change is written with Change).
func Count(v decimal.Decimal, unit string) (string, error) {
	var buf [64]byte
	b, err := appendCount(buf[:0], v, unit)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func appendCount(dst []byte, v decimal.Decimal, unit string) ([]byte, error) {
	u, err := lookupUnit(unit)
	if err != nil {
		return nil, err
	}
	if v.Sign() < 0 {
		return nil, negative("数值", plain(nil, v))
	}
	return appendMeasure(dst, v, u)
}

// appendMeasure appends a non-negative figure with a known unit.
func appendMeasure(dst []byte, v decimal.Decimal, u model.Unit) ([]byte, error) {
	switch u.Kind {
	case model.Count:
		if !scaledUnit(u.Name) && !v.IsInteger() {
			return nil, notWhole(plain(nil, v), u.Name)
		}
		dst = plain(dst, v)
	case model.Money:
		if u.Name == "元" {
			return appendMoney(dst, v), nil
		}
		dst = appendNumber(dst, v, format{places: 2, trim: true})
	case model.Ratio:
		dst = appendNumber(dst, v, format{places: 1})
	default:
		dst = plain(dst, v)
	}
	return append(dst, u.Name...), nil
}

// CountInt is Count for a whole number, with no decimal arithmetic: the
// common case of 152人.
func CountInt(n int, unit string) (string, error) {
	u, err := lookupUnit(unit)
	if err != nil {
		return "", err
	}
	if n < 0 {
		return "", negative("数值", strconv.AppendInt(nil, int64(n), 10))
	}
	if u.Kind != model.Count && u.Kind != model.Quantity {
		return Count(decimal.NewFromInt(int64(n)), unit)
	}
	var buf [48]byte
	return string(append(strconv.AppendInt(buf[:0], int64(n), 10), unit...)), nil
}

// Total writes a sum with 共计 before it: 共计356人次. The table row that
// shows the same sum is labelled 合计 and holds just Count's figure.
func Total(sum decimal.Decimal, unit string) (string, error) {
	buf := make([]byte, 0, 48)
	b, err := appendCount(append(buf, "共计"...), sum, unit)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Item is a named figure of a breakdown.
type Item struct {
	Name  string
	Value decimal.Decimal
}

// Itemize writes the parts of a figure and their total, all in one unit:
// 困难职工5户、困难居民3户，共计8户. A single item has no total. The sum is
// exact decimal arithmetic.
func Itemize(items []Item, unit string) (string, error) {
	var b []byte
	sum := decimal.Zero
	var err error
	for i, it := range items {
		if i > 0 {
			b = append(b, "、"...)
		}
		b = append(b, it.Name...)
		if b, err = appendCount(b, it.Value, unit); err != nil {
			return "", err
		}
		sum = sum.Add(it.Value)
	}
	if len(items) > 1 {
		b = append(b, "，共计"...)
		if b, err = appendCount(b, sum, unit); err != nil {
			return "", err
		}
	}
	return string(b), nil
}
