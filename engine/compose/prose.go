package compose

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/zh"
)

// Prose lint: the constructions an editor at a 街道总工会 strikes in a
// report, each a class of fault that a pattern can catch. Lint runs them on
// every report as warnings (an author's template is not refused for its
// style); huibao's own tests require none in any built-in report.
//
// Each rule names its class as issue 11 numbers them: 1 one frame for every
// activity, 2 people counted in the wrong role, 3 indicator sentences
// without a verb or with the name repeated, 4 wrong collocations and
// places, 5 no summarising at scale, 6 figures, 7 period words and dates,
// 8 plans, 9 placeholders and boilerplate.

// proseRule is one construction that must never appear.
type proseRule struct {
	class int
	need  string         // a text every match contains: the expression runs only where it is
	re    *regexp.Regexp // matched against one paragraph (tables and fences skipped)
	msg   string
	hint  string
	when  func(meta) bool // the rule holds only for such reports; nil: all
}

// meta is what the lint knows of a report from its metadata block.
type meta struct {
	period string // 2024年上半年, 2024年
	kind   string // the template's name: 半年总结, 年度工作计划
}

var annualPeriod = regexp.MustCompile(`^\d{4}年$`)

func (m meta) annual() bool { return annualPeriod.MatchString(m.period) }
func (m meta) h2() bool     { return strings.HasSuffix(m.period, "下半年") }

var proseRules = []proseRule{
	{7, "本期", regexp.MustCompile(`本期`), "写了公文里不用的“本期”", "写“上半年”“全年”“今年以来”（zh.PeriodWord）", nil},
	{7, "去年同期", regexp.MustCompile(`去年同期`), "全年的报告写了“去年同期”", "全年的报告与“上年”比（zh.Basis、zh.Change 带上期间）", meta.annual},
	{7, "年中", regexp.MustCompile(`年中、年终|年中和年终|年中、年底`), "下半年的计划写了“年中”", "下半年的计划只剩年底一次检查", meta.h2},
	{9, "同级党组织", regexp.MustCompile(`同级党组织`), "写了占位的“同级党组织”", "没有填 org.party 时不写党组织（template \"led\"、\"superiors\"）", nil},
	{9, "各类活动", regexp.MustCompile(`各类活动[1一]次`), "只有一项活动却写“各类活动1次”", "活动少于两项时不写工作量一句（prose.Workload）", nil},
	{9, "0", regexp.MustCompile(`(?:^|[^0-9.０-９])0(?:人次|人|户|件|起|家|次|期|场|项|个|名|元|条|处)`), "正文写了为0的数字", "数值为0的指标只进表格，正文不写，或按词表的 zero 写“未发生……”", nil},
	{6, "%", regexp.MustCompile(`(?:，增长|，下降|缴费率|率为)\d+%`), "百分比少了一位小数", "全文百分比一律保留一位小数（11.0%），用 zh.Percent、zh.Rate、zh.Change", nil},
	{6, "下降100", regexp.MustCompile(`下降100(?:\.0)?%`), "写了“下降100%”", "上年有、今年为0的，写“未发生……”或只写减少多少", nil},
	{6, "增长", regexp.MustCompile(`增长\d{3,}(?:\.\d)?%`), "增长一倍以上还写百分比", "翻番以上写“是去年同期的N倍”（zh.Change）", nil},
	{3, "持平", regexp.MustCompile(`相比，[^，。；0-9０-９]*持平`), "“持平”前面没有数量", "写成“慰问困难职工23户，与去年同期持平”（prose.Indicators）", nil},
	{4, "在", regexp.MustCompile(`在(?:本会|工会|[\p{Han}]{0,6}(?:公司|企业|社区|镇|街道|机关)工会|[\p{Han}]{2,8}总工会)(?:开展|举办|召开|组织)`), "活动地点写成了工会自己", "地点是工会本身时不写地点", nil},
	{4, "开展", regexp.MustCompile(`(?:^|[。；]|[一二三四五六七八九十]是)(?:\d+月\d+日(?:至[^，]{1,12})?，?)[^，。；]{0,30}开展[^，。；]{0,20}(?:沙龙|比赛|晚会|讲座|培训班|座谈会|咨询日)(?:[，。；]|$)`), "“开展”搭配不当", "沙龙、比赛、讲座用“举办”，座谈会用“召开”（词表 activities）", nil},
	{2, "人参加。", regexp.MustCompile(`人参加。(?:为|向)\d+(?:名|户|人)`), "受益人数被写成了参加人数", "慰问、发放、助学的对象写在受益数量（beneficiaries）里", nil},
	{1, "人参加。", regexp.MustCompile(`，共\d+人参加。`), "活动段落都是“共N人参加”的老句式", "用 prose.Section、prose.Activity 按活动种类组句", nil},
	{8, "个方面共", regexp.MustCompile(`等(?:两|二|三|2|3)个方面共\d+项工作`), "计划目标写成了“等两个方面共2项工作”", "直接写出各方面的量化目标（prose.Goals）", nil},
	{8, "，目标是", regexp.MustCompile(`，目标是[^，。]+，\d+月底前完成`), "计划事项都是“目标是……，M月底前完成”的同一句式", "用 prose.Plan，按目标的样子连接事项和目标", nil},
}

// proseLimits are the counts beyond which a report reads as a list, not a
// summary (class 5): level-2 headings under one level-1 heading, and
// activity paragraphs of one frame.
const (
	maxSubheadings = 12
	maxSameFrame   = 4
)

// metaOf reads the period and template name from the metadata block.
func metaOf(lines []string) meta {
	var m meta
	for _, l := range lines[:BodyStart(lines)] {
		if v, ok := strings.CutPrefix(l, "subject: "); ok {
			m.kind = strings.Trim(v, `"`)
		}
		if v, ok := strings.CutPrefix(l, "keywords: ["); ok {
			if parts := strings.Split(v, ", "); len(parts) >= 2 {
				m.period = strings.Trim(parts[1], `"`)
			}
		}
	}
	return m
}

// lintProse finds the constructions of proseRules, the lone （一）, the
// repeated object of an indicator sentence and the counts of class 5 and 1.
func lintProse(md []byte) diag.List {
	var probs diag.List
	lines := strings.Split(string(md), "\n")
	m := metaOf(lines)
	warn := func(i, class int, msg, hint, line string) {
		probs.Warn(diag.Pos{Line: i + 1, Col: 1}, "", fmt.Sprintf("%s（第%d类）：%s", msg, class, excerpt(line)), hint)
	}
	var rules []proseRule // those that hold for this report
	for _, r := range proseRules {
		if r.when == nil || r.when(m) {
			rules = append(rules, r)
		}
	}
	sub, sameFrame := 0, 0
	var lone = -1 // the line of a （一） not yet followed by （二）
	for i := BodyStart(lines); i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "|") || strings.HasPrefix(line, ":::") {
			continue
		}
		text := strings.TrimLeft(line, "# ")
		switch level := headingLevel(line); {
		case level == 1 || zh.Level1.MatchString(text):
			if lone >= 0 {
				warn(lone, 9, "只有一项却编了“（一）”", "只有一项时不编号", lines[lone])
			}
			lone, sub = -1, 0
		case strings.HasPrefix(text, "（一）"):
			lone = i
			if level == 2 {
				sub++
			}
		case strings.HasPrefix(text, "（二）"):
			lone = -1
			if level == 2 {
				sub++
			}
		case level == 2:
			sub++
			if sub == maxSubheadings+1 {
				warn(i, 5, fmt.Sprintf("一个部分下有%d个以上的小标题，像是一项项活动", maxSubheadings), "标题是工作类别；活动多时用 prose.Section 概括", line)
			}
		}
		for _, r := range rules {
			if !strings.Contains(text, r.need) || !r.re.MatchString(text) {
				continue
			}
			if r.class == 1 { // warned once, when too many paragraphs have it
				if sameFrame++; sameFrame == maxSameFrame+1 {
					warn(i, 1, r.msg, r.hint, line)
				}
				continue
			}
			warn(i, r.class, r.msg, r.hint, line)
		}
		if obj := repeatedObject(text); obj != "" {
			warn(i, 3, "同一句里指标名称重复“"+obj+"”", "后一项省去重复的宾语：征集合理化建议342条、采纳118条（prose.Indicators）", line)
		}
		if mixedMoney(text) {
			warn(i, 6, "同一句里混用万元和元", "同一句的金额用同一单位（zh.Change 按数额大小统一）", line)
		}
	}
	if lone >= 0 {
		warn(lone, 9, "只有一项却编了“（一）”", "只有一项时不编号", lines[lone])
	}
	return probs
}

// objectBeforeFigure is a run of Chinese characters written right before a
// figure: the object of an indicator's phrase.
var objectBeforeFigure = regexp.MustCompile(`([\p{Han}“”]{5,})\d`)

// repeatedObject finds, in one sentence, two phrases in a row whose objects
// end alike over five characters or more while their verbs differ: 征集合理
// 化建议342条、采纳合理化建议118条. It returns the repeated part.
func repeatedObject(text string) string {
	bound := func(s string) []rune {
		for _, w := range []string{"不少于", "不低于", "达到", "超过", "至少", "增加到", "为"} {
			s = strings.TrimSuffix(s, w)
		}
		return []rune(s)
	}
	for _, sent := range strings.Split(text, "。") {
		ms := objectBeforeFigure.FindAllStringSubmatch(sent, -1)
		for k := 1; k < len(ms); k++ {
			a, b := bound(ms[k-1][1]), bound(ms[k][1])
			n := 0
			for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
				n++
			}
			if n >= 5 && n < len(a) && n < len(b) {
				return string(a[len(a)-n:])
			}
		}
	}
	return ""
}

var (
	wanFigure  = regexp.MustCompile(`\d万元`)
	yuanFigure = regexp.MustCompile(`\d元`)
)

// mixedMoney reports a clause of comparison that writes one amount in 万元
// and another in 元: 会费收入27.04万元……增加19360元.
func mixedMoney(text string) bool {
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '。' || r == '；' }) {
		if wanFigure.MatchString(sent) && yuanFigure.MatchString(sent) &&
			(strings.Contains(sent, "增加") || strings.Contains(sent, "减少")) {
			return true
		}
	}
	return false
}
