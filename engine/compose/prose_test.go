package compose

import (
	"os"
	"path/filepath"
	"regexp/syntax"
	"strings"
	"testing"
)

// TestProseRulesCatch: each class of fault the prose lint knows, as the
// built-in reports wrote it before issue 11, is found.
func TestProseRulesCatch(t *testing.T) {
	head := func(period string) string {
		return "---\ntitle: \"x\"\nsubject: \"半年总结\"\nkeywords: [\"某工会\", \"" + period + "\", \"工作总结\"]\n---\n\n"
	}
	for _, tc := range []struct {
		class  string
		period string
		body   string
	}{
		{"第1类", "2024年上半年", strings.Repeat("3月30日，社区工会在南湖鸳鸯度假村开展工会组长培训，共20人参加。就如何开展工作进行了讲解。\n\n", 5)},
		{"第2类", "2024年上半年", "8月16日，企业工会开展“金秋助学”助学金发放，共8人参加。为8名困难职工子女发放助学金。\n"},
		{"第3类", "2024年上半年", "上半年，企业工会合理化建议342条。与去年同期相比，慰问困难职工持平。\n"},
		{"第3类", "2024年上半年", "上半年，企业工会征集合理化建议342条、采纳合理化建议118条。\n"},
		{"第4类", "2024年上半年", "5月6日，企业工会在公司工会开展劳模座谈会，共20人参加。\n"},
		{"第4类", "2024年上半年", "5月6日，社区工会开展劳模沙龙，16人参加。\n"},
		{"第5类", "2024年上半年", "# 一、主要工作\n\n" + strings.Repeat("## （一）第94项组织建设活动\n\n活动。\n\n", 1) + func() string {
			var b strings.Builder
			for _, n := range []string{"二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"} {
				b.WriteString("## （" + n + "）某项活动\n\n活动。\n\n")
			}
			return b.String()
		}()},
		{"第6类", "2024年上半年", "与去年同期相比，在册会员增加42人，增长3.3%，培训增加2期，增长11%。\n"},
		{"第6类", "2024年上半年", "会费收入27.04万元，较去年同期增加19360元。\n"},
		{"第6类", "2024年上半年", "法律援助较去年同期减少4件，下降100%。\n"},
		{"第6类", "2024年上半年", "推荐就业较去年同期增加186人，增长930.0%。\n"},
		{"第7类", "2024年上半年", "本期新发展会员12人。\n"},
		{"第7类", "2024年", "与去年同期相比，在册会员增加42人，增长3.3%。\n"},
		{"第7类", "2024年下半年", "年中、年终向社区党委报告计划执行情况。\n"},
		{"第8类", "2024年", "全年计划重点抓好维权服务和劳动竞赛等两个方面共2项工作。\n"},
		{"第8类", "2024年", strings.Repeat("（一）做好建会工作，目标是新建企业工会2家，12月底前完成。\n\n", 1)},
		{"第9类", "2024年", "认真落实同级党组织的工作部署。\n"},
		{"第9类", "2024年上半年", "半年来，社区工会共组织开展各类活动1次。\n"},
		{"第9类", "2024年上半年", "# 一、存在的问题\n\n（一）会员参与不够。\n\n# 二、下半年打算\n\n继续做好建会工作。\n"},
		{"第9类", "2024年上半年", "上半年，社区工会法律援助0件，较去年同期减少4件。\n"},
	} {
		md := []byte(head(tc.period) + tc.body)
		found := false
		for _, p := range lintProse(md) {
			if strings.Contains(p.Msg, tc.class) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s not found in %q:\n%v", tc.class, tc.body, lintProse(md))
		}
	}
}

// TestProseGoldens runs the prose lint over every report the tests keep
// (every fixture with every template that accepts it, the roll-up): none
// may have a finding. TestGolden checks the same as it renders; this test
// reads the committed files, so that the lint's rules are checked against
// every golden even when a rule changes without a render.
func TestProseGoldens(t *testing.T) {
	files, _ := filepath.Glob("../testdata/golden/*.md")
	more, _ := filepath.Glob("../batch/testdata/*.md")
	files = append(files, more...)
	if len(files) < 30 {
		t.Fatalf("%d golden reports", len(files))
	}
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if probs := lintProse(md); len(probs) > 0 {
			t.Errorf("%s:\n%v", f, probs)
		}
	}
}

// TestProseRulesNeed: the text a rule needs before its expression runs is
// in every match of the expression, so that the shortcut finds what the
// expression alone found.
func TestProseRulesNeed(t *testing.T) {
	var contains func(re *syntax.Regexp, need string) bool
	contains = func(re *syntax.Regexp, need string) bool {
		switch re.Op {
		case syntax.OpLiteral:
			return re.Flags&syntax.FoldCase == 0 && strings.Contains(string(re.Rune), need)
		case syntax.OpCapture, syntax.OpPlus:
			return contains(re.Sub[0], need)
		case syntax.OpRepeat:
			return re.Min >= 1 && contains(re.Sub[0], need)
		case syntax.OpAlternate:
			for _, s := range re.Sub {
				if !contains(s, need) {
					return false
				}
			}
			return true
		case syntax.OpConcat:
			for _, s := range re.Sub {
				if contains(s, need) {
					return true
				}
			}
		}
		return false
	}
	for _, r := range proseRules {
		re, err := syntax.Parse(r.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if r.need == "" || !contains(re, r.need) {
			t.Errorf("rule %q: not every match holds %q", r.re, r.need)
		}
	}
}
