package zh

import (
	"errors"
	"fmt"
)

// The kinds of error the formatting functions return. Each message is a
// Chinese phrase a template author reads; the functions wrap them with the
// offending value, so test them with errors.Is.
var (
	ErrUnknownUnit = errors.New("单位不在单位表中")
	ErrNotWhole    = errors.New("计数单位的数值必须是整数")
	ErrNegative    = errors.New("数值不能为负")
	ErrRange       = errors.New("数值超出范围")
	ErrLevel       = errors.New("层次序号只有1至4级")
	ErrZeroBase    = errors.New("基数为0，无法计算比率")
)

func unknownUnit(unit string) error {
	return fmt.Errorf("%w：“%s”（可用单位见 docs/template-functions.md 的单位表）", ErrUnknownUnit, unit)
}

func notWhole(v []byte, unit string) error {
	return fmt.Errorf("%w：%s%s", ErrNotWhole, v, unit)
}

func negative(what string, v []byte) error {
	return fmt.Errorf("%w：%s为%s", ErrNegative, what, v)
}
