// Package prose plans the sentences of a report: which activities are told
// in full and which are summed up, how an activity's kind chooses its verb
// and the role of the people it counts, how an indicator's name becomes a
// phrase with a verb and its comparison with last year, how a plan's item
// meets its target and the problem it answers. The words come from a
// lexicon (engine/lexicon), the figures from engine/zh; templates call it
// through the prose namespace of engine/funcs and keep the document's
// structure: headings are categories, never activities.
//
// # Summarising at scale
//
// A category's activities are first grouped: activities with the same
// title (its lexicon.Core) become one item, told as 油房街、白家巷等12个社区
// 工会先后召开……, or 先后3次开展…… when one unit repeated it. When a category
// has no more items than the Detail allows, each is told; otherwise the
// category gets a summary sentence (how many activities of which kinds, how
// many took part, whom they reached, what they cost) and then its typical
// cases, chosen by one rule: the activities the cadre marked typical, then
// the activity the most units held (told once, with the one of them that
// reached most people as its example), then single activities by the
// people they reached (participants of kinds whose people take part or
// serve, plus beneficiaries), then other groups, the earlier on a tie;
// cases are told in date order. Detail 0 is the fullest; each
// level up tells fewer items and cases (see Levels), so that a template's
// page or character budget is met by summarising, never by cutting text.
package prose

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// Level is how much of a category a report tells at one level of detail.
type Level struct {
	List    int  // tell every item when a category has no more than this many
	Cases   int  // otherwise, a summary and at most this many typical cases
	Rest    int  // name at most this many of the remaining items (此外，还开展了……)
	Content bool // tell a case's content and result, not only what, when and who
	Short   bool // compare indicators by their rate alone (较上年增长8.6%), the amount left to the tables
}

// Levels are the levels of detail, fullest first. A template's budget
// moves down this list until the report fits.
var Levels = []Level{
	{List: 4, Cases: 3, Rest: 6, Content: true},
	{List: 3, Cases: 2, Rest: 4, Content: true},
	{List: 2, Cases: 2, Rest: 0, Content: true},
	{List: 1, Cases: 1, Rest: 0, Content: true},
	{List: 1, Cases: 1, Rest: 0, Content: false},
	{List: 1, Cases: 1, Rest: 0, Content: false, Short: true},
	{List: 0, Cases: 0, Rest: 0, Content: false, Short: true},
}

// Writer writes a report's sentences with one lexicon at one level of
// detail. Its zero Detail is the fullest.
type Writer struct {
	Lex    *lexicon.Lexicon
	Detail int
	rn     *Render // nil: nothing remembered, no probe (see At)
}

// Subject is how a union names itself in a sentence, as the seeds do:
// its type where that is what people say (社区工会, 镇工会, 机关工会; 镇总工会
// when its name says 总工会); an
// enterprise's or institution's union by what its name says it is (公司工会,
// 学校工会, 医院工会), 本单位工会 when the name says nothing the table knows;
// 我会 without a type.
func Subject(r *model.Report) string {
	t := strings.TrimSpace(r.Org.Type)
	if t == "" {
		return "我会"
	}
	i := slices.IndexFunc(selfNames, func(s selfName) bool { return s.typ == t })
	if i < 0 {
		return t
	}
	name := strings.TrimSuffix(strings.TrimSpace(r.Org.Name), "工会")
	for _, w := range selfNames[i].words {
		if strings.Contains(name, w[0]) {
			return w[1]
		}
	}
	return selfNames[i].otherwise
}

type selfName struct {
	typ       string
	words     [][2]string // a word of the name, and what the union calls itself
	otherwise string
}

// selfNames are the union types whose name is not what a union of that
// type calls itself (no one writes 企业工会共组织开展活动9次): the first
// word of the union's name found in words gives the name, otherwise the
// fallback. Order matters: 卫生院 before 医院.
var selfNames = []selfName{
	{"企业工会", [][2]string{{"公司", "公司工会"}, {"集团", "集团工会"}, {"厂", "厂工会"}, {"银行", "行工会"}, {"酒店", "酒店工会"}, {"商场", "商场工会"}}, "企业工会"},
	{"事业单位工会", [][2]string{{"幼儿园", "幼儿园工会"}, {"小学", "学校工会"}, {"中学", "学校工会"}, {"学校", "学校工会"}, {"大学", "学校工会"}, {"学院", "学院工会"},
		{"卫生院", "卫生院工会"}, {"医院", "医院工会"}, {"中心", "中心工会"}, {"研究所", "所工会"}, {"图书馆", "馆工会"}, {"博物馆", "馆工会"}}, "本单位工会"},
	// A town's or street's union named 总工会 says so (白沙镇总工会: 镇总工会有在册会员…).
	{"镇工会", [][2]string{{"镇总", "镇总工会"}}, "镇工会"},
	{"乡镇工会", [][2]string{{"镇总", "镇总工会"}, {"乡总", "乡总工会"}}, "乡镇工会"},
	{"街道工会", [][2]string{{"街道总", "街道总工会"}}, "街道工会"},
}

// count writes a whole number with its unit: 20人. A unit outside the table
// (the lexicon's check prevents it) falls back to digits and the unit.
func count(n int, unit string) string {
	s, err := zh.CountInt(n, unit)
	if err != nil {
		return strconv.Itoa(n) + unit
	}
	return s
}

func figure(v decimal.Decimal, unit string) string {
	s, err := zh.Count(v, unit)
	if err != nil {
		return zh.Number(v) + unit
	}
	return s
}

// runes counts the characters of s.
func runes(s string) int { return utf8.RuneCountInString(s) }

// clause is a cadre's sentence as a clause: full-width punctuation, no
// closing mark.
func clause(s string) string { return zh.Clause(s) }

// sentence closes a clause with 。 unless it is empty.
func sentence(s string) string {
	if s == "" {
		return ""
	}
	return s + "。"
}

// endsWithDigit reports whether s ends in a digit, which a figure written
// after it would run into: 指标1 + 166人次.
func endsWithDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}

// commonRun is the length in runes of the longest run a and b share.
func commonRun(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	best := 0
	for i := range ra {
		for j := range rb {
			k := 0
			for i+k < len(ra) && j+k < len(rb) && ra[i+k] == rb[j+k] {
				k++
			}
			best = max(best, k)
		}
	}
	return best
}

// bigrams are the pairs of adjacent Han characters of s, for matching
// problems with plans and targets with indicators by the words they share.
func bigrams(s string) map[string]bool {
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

// common words say nothing about what two phrases are about.
var common = map[string]bool{"工作": true, "开展": true, "进一步": true, "工会": true, "组织": true, "活动": true, "加强": true, "做好": true, "继续": true, "不够": true, "部分": true, "还不": true, "存在": true, "有待": true, "提高": true, "不足": true, "会员": true, "职工": true, "社区": true, "单位": true, "建设": true, "情况": true, "方面": true, "管理": true, "会工": true, "会会": true}

// shared counts the meaningful bigrams a and b have in common.
func shared(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] && !common[k] {
			n++
		}
	}
	return n
}

// nonEmpty keeps the non-empty strings.
func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(slices.Clone(ss), func(s string) bool { return s == "" })
}
