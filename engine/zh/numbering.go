package zh

import (
	"fmt"
	"strconv"
)

// Levels is the depth of the official hierarchy: 一、 （一） 1. （1）.
const Levels = 4

// Seq writes the sequence number of item n at a level of the official
// hierarchy (GB/T 9704-2012, 7.3.3): level 1 一、, level 2 （一）, level 3
// 1., level 4 （1）. Parentheses are full width and 1. has no space after
// it, so the heading text follows directly: 1.组织建设.
func Seq(level, n int) (string, error) {
	if level < 1 || level > Levels {
		return "", fmt.Errorf("%w：%d", ErrLevel, level)
	}
	if n < 1 {
		return "", fmt.Errorf("%w：序号从1开始，不能是%d", ErrRange, n)
	}
	switch level {
	case 1:
		return Numeral(int64(n)) + "、", nil
	case 2:
		return "（" + Numeral(int64(n)) + "）", nil
	case 3:
		return strconv.Itoa(n) + ".", nil
	}
	return "（" + strconv.Itoa(n) + "）", nil
}

// Counter numbers the headings of a document as they are written, so that
// sequence numbers come from what is present and are never typed: Next(1)
// gives 一、, Next(2) （一）, Next(2) （二）, Next(1) 二、 and Next(2) （一）
// again, since moving on at one level restarts every deeper level.
//
// The zero Counter is ready to use. Templates hold a *Counter in a variable:
//
//	{{ $n := zh.Counter }}# {{ $n.Next 1 }}主要工作
type Counter struct {
	n [Levels]int
}

// Next moves on to the next item at level and returns its number.
func (c *Counter) Next(level int) (string, error) {
	if level < 1 || level > Levels {
		return "", fmt.Errorf("%w：%d", ErrLevel, level)
	}
	c.n[level-1]++
	clear(c.n[level:])
	return Seq(level, c.n[level-1])
}

// Current returns how many items level has had since it last restarted;
// 0 when none.
func (c *Counter) Current(level int) int {
	if level < 1 || level > Levels {
		return 0
	}
	return c.n[level-1]
}

// Reset starts the numbering over at every level. It returns "" so that a
// template can call it: {{ $n.Reset }}.
func (c *Counter) Reset() string {
	c.n = [Levels]int{}
	return ""
}
