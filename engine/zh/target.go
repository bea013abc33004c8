package zh

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/model"
)

// Target is a quantified plan target read from its text: 新建企业工会2家,
// 推荐就业不少于10人次, 会费收缴率达到95%以上, 全年不少于四次.
type Target struct {
	Object  string          // what is counted: 新建企业工会, 推荐就业, 会费收缴率, 全年
	Value   decimal.Decimal // 2, 10, 95, 4
	Unit    string          // 家, 人次, %, 次: a unit of model.Units
	AtLeast bool            // 不少于, 以上, 达到, 至少, 超过, 不低于
	AtMost  bool            // 以内, 以下, 不超过, 控制在
}

// bounds are the words that make a target a floor or a ceiling, and are
// not part of what is counted.
var (
	floorWords   = []string{"不少于", "不低于", "不小于", "至少", "达到", "超过", "提高到", "增加到", "增至", "达"}
	ceilingWords = []string{"不超过", "不多于", "不高于", "控制在", "低于", "少于"}
	floorAfter   = []string{"以上", "及以上"}
	ceilingAfter = []string{"以内", "以下", "之内"}
)

// chineseDigit values the numerals a target may be written in: 四次, 两期.
var chineseDigit = map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// ParseTarget reads the last figure of a plan target with its unit and
// bound: the words before it, less the bound, are its Object. It reads
// Arabic figures (2, 95.5) and small Chinese ones (四, 十二, 两); ok is
// false when the target has no figure with a unit of model.Units (困难职工
// 档案动态更新).
func ParseTarget(s string) (t Target, ok bool) {
	s = strings.TrimSpace(s)
	best := -1
	var bestEnd int
	var bestVal decimal.Decimal
	var bestUnit string
	for i := 0; i < len(s); {
		val, end, isNum := targetNumber(s, i)
		if !isNum {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		if unit := unitAt(s[end:]); unit != "" {
			best, bestEnd, bestVal, bestUnit = i, end+len(unit), val, unit
		}
		i = end
	}
	if best < 0 {
		return Target{}, false
	}
	t = Target{Value: bestVal, Unit: bestUnit}
	before := strings.TrimSpace(s[:best])
	after := s[bestEnd:]
	for _, w := range floorWords {
		if strings.HasSuffix(before, w) {
			before, t.AtLeast = strings.TrimSuffix(before, w), true
			break
		}
	}
	for _, w := range ceilingWords {
		if strings.HasSuffix(before, w) {
			before, t.AtMost = strings.TrimSuffix(before, w), true
			break
		}
	}
	for _, w := range floorAfter {
		if strings.HasPrefix(after, w) {
			t.AtLeast = true
		}
	}
	for _, w := range ceilingAfter {
		if strings.HasPrefix(after, w) {
			t.AtMost = true
		}
	}
	t.Object = strings.TrimRight(before, "，、 为是")
	return t, true
}

// targetNumber reads an Arabic or Chinese figure at s[i:].
func targetNumber(s string, i int) (decimal.Decimal, int, bool) {
	j := i
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' && j > i) {
		j++
	}
	if j > i {
		d, err := decimal.NewFromString(strings.TrimRight(s[i:j], "."))
		return d, j, err == nil
	}
	var total, cur int64
	seen := false
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if v, ok := chineseDigit[r]; ok {
			cur, seen = v, true
		} else if r == '十' {
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur, seen = 0, true
		} else if r == '百' && seen {
			total += cur * 100
			cur = 0
		} else {
			break
		}
		j += n
	}
	if !seen {
		return decimal.Zero, i, false
	}
	return decimal.NewFromInt(total + cur), j, true
}

// unitAt is the longest unit of model.Units that s begins with.
func unitAt(s string) string {
	best := ""
	for _, u := range model.UnitNames() {
		if strings.HasPrefix(s, u) && len(u) > len(best) {
			best = u
		}
	}
	return best
}

// Reached reports whether a figure already meets the target: at least the
// target's value for a floor (不少于10人次 against 12), or one with no bound
// (新建企业工会2家 against 3). A ceiling is never reached in advance.
func (t Target) Reached(v decimal.Decimal) bool {
	if t.AtMost {
		return false
	}
	return v.GreaterThanOrEqual(t.Value)
}

// MeasuredBy finds the figure of a report a plan target is measured by,
// so that a plan's goal can be set against the unit's own indicators and a
// target the unit has already met is noticed: for 缴费率 or 收缴率 in %, the
// dues rate; for new members (会员 with 发展 or 新), membership.new_members;
// otherwise the indicator of the same unit whose name the target's object
// contains, is contained in or ends (培训不少于4期 and 举办职工技能培训), or
// shares most words with (at least two).
// name is what the figure is called, value its value in the target's unit.
func MeasuredBy(t Target, r *model.Report) (name string, value decimal.Decimal, ok bool) {
	obj := t.Object
	m := r.Membership
	switch {
	case t.Unit == "%" && (strings.Contains(obj, "缴费率") || strings.Contains(obj, "收缴率")) && m.Members > 0:
		rate := decimal.NewFromInt(int64(m.DuesPaying)).Mul(decimal.NewFromInt(100)).Div(decimal.NewFromInt(int64(m.Members))).Round(1)
		return "会费收缴率", rate, true
	case (t.Unit == "人" || t.Unit == "名") && strings.Contains(obj, "会员") && (strings.Contains(obj, "发展") || strings.Contains(obj, "新")) && m.NewMembers > 0:
		return "新发展会员", decimal.NewFromInt(int64(m.NewMembers)), true
	}
	ob := hanPairs(obj)
	best, score := -1, 1
	for i, ind := range r.Indicators {
		if ind.Unit != t.Unit {
			continue
		}
		s := 0
		for k := range hanPairs(ind.Name) {
			if ob[k] && !genericPairs[k] {
				s++
			}
		}
		n := utf8.RuneCountInString(obj)
		if n >= 4 && (strings.Contains(obj, ind.Name) || strings.Contains(ind.Name, obj)) || n >= 2 && strings.HasSuffix(ind.Name, obj) {
			s += 10
		}
		if s > score {
			best, score = i, s
		}
	}
	if best < 0 {
		return "", decimal.Zero, false
	}
	return r.Indicators[best].Name, r.Indicators[best].Value, true
}

// genericPairs are the pairs of characters too common in union work to
// match a target with an indicator by.
var genericPairs = map[string]bool{"工会": true, "工作": true, "开展": true, "组织": true, "活动": true, "职工": true, "会员": true, "企业": true}

// hanPairs are the pairs of adjacent Han characters of s.
func hanPairs(s string) map[string]bool {
	out := map[string]bool{}
	var prev rune
	for _, r := range s {
		if unicode.Is(unicode.Han, r) && unicode.Is(unicode.Han, prev) {
			out[string([]rune{prev, r})] = true
		}
		prev = r
	}
	return out
}

// Frequency reports a target that says how often rather than how much —
// 每季一次, 全年不少于四次 — which reads only after its item and measures
// nothing a report counts.
func (t Target) Frequency() bool {
	for _, w := range []string{"每", "全年", "年内", "按时", "按季", "按月", "逐月"} {
		if strings.HasPrefix(t.Object, w) || strings.Contains(t.Object, w) && w == "每" {
			return true
		}
	}
	return false
}
