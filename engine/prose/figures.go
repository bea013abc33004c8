package prose

import (
	"strings"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// Phrase writes an indicator as a phrase with a verb, without its
// comparison: 推荐就业5人次 (the name is a verb phrase), 举办技能培训3期 (the
// lexicon gives the verb), 职工入会率为97.6% (a link), 指标1为166人次 (a
// name ending in a digit never runs into its figure). A value of 0 is
// written only by a rule's zero frame (未发生工伤事故); otherwise Phrase
// returns "", and the figure is left to the tables.
func (w Writer) Phrase(ind model.Indicator) string {
	verb, object := w.split(ind)
	if ind.Value.IsZero() {
		if rule, ok := w.Lex.IndicatorRuleOf(ind.Name, ind.Unit); ok && rule.Zero != "" {
			return rule.Zero.Fill(lexicon.Slots{"名称": ind.Name, "宾语": object})
		}
		return ""
	}
	return verb + object + w.link(ind) + figure(ind.Value, ind.Unit)
}

// split divides an indicator's name into its verb — the one it starts
// with, or the lexicon's — and the rest: 征集 + 合理化建议.
func (w Writer) split(ind model.Indicator) (verb, object string) {
	name := strings.TrimSpace(ind.Name)
	if v, ok := w.Lex.StartsWithVerb(name); ok {
		return v, strings.TrimPrefix(name, v)
	}
	if rule, ok := w.Lex.IndicatorRuleOf(name, ind.Unit); ok && !w.Lex.HasVerb(name) {
		return rule.Verb, name
	}
	return "", name
}

// link is the word between an indicator's name and its figure.
func (w Writer) link(ind model.Indicator) string {
	name := strings.TrimSpace(ind.Name)
	if endsWithDigit(name) {
		return "为"
	}
	if _, ok := w.Lex.StartsWithVerb(name); ok {
		return ""
	}
	for _, l := range []string{"达到", "为", "是", "达", "到", "至"} {
		if strings.HasSuffix(name, l) {
			return "" // 职工书屋藏书达到3200册: the name has its link
		}
	}
	rule, ok := w.Lex.IndicatorRuleOf(name, ind.Unit)
	if !ok && w.Lex.HasVerb(name) {
		return "" // 督促整改安全隐患145处: a verb inside the name
	}
	switch {
	case ok && rule.Link != nil:
		return *rule.Link
	case ok && rule.Verb != "":
		return ""
	case ok:
		return "" // a name ending with its verb: 困难职工建档24人
	}
	return w.Lex.IndicatorLink
}

// Figures writes a category's indicators as the predicate of one sentence,
// each phrase with its comparison with last year where that is known:
// 推荐就业5人次，较去年同期增加2人次；慰问困难居民5户，同比减少1户. A phrase
// whose object repeats the one before drops it: 征集合理化建议186条，采纳97条.
// The caller writes the period and subject before it; "" when no indicator
// has anything to say.
func (w Writer) Figures(inds []model.Indicator, r *model.Report) string {
	basis := zh.BasisOf(r.Period)
	var parts, zeros []string
	compared := false
	prevObject := ""
	for _, ind := range inds {
		phrase := w.Phrase(ind)
		if phrase == "" {
			continue
		}
		if ind.Value.IsZero() {
			zeros = append(zeros, phrase) // 未发生工伤事故: said last
			continue
		}
		verb, object := w.split(ind)
		switch {
		case ind.Value.IsZero() || verb == "" || prevObject == "":
		case object == prevObject:
			phrase = verb + figure(ind.Value, ind.Unit) // 征集合理化建议211条，采纳125条
		case runes(prevObject) >= 4 && strings.HasSuffix(object, prevObject):
			// 采纳实施合理化建议 after 征集合理化建议: 采纳实施125条.
			phrase = verb + strings.TrimSuffix(object, prevObject) + figure(ind.Value, ind.Unit)
		}
		prevObject = object
		if ind.Previous != nil && !ind.Value.IsZero() {
			var cmp string
			var err error
			if !compared {
				cmp, err = zh.ChangeFrom(ind.Value, *ind.Previous, ind.Unit, basis)
			} else {
				cmp, err = zh.DeltaFrom(ind.Value, *ind.Previous, ind.Unit, basis)
				switch {
				case basis == zh.LastYear && cmp == "持平":
					cmp = "与上年持平"
				case basis == zh.LastYear:
					cmp = "比上年" + cmp
				default:
					cmp = "同比" + cmp
				}
			}
			if err == nil {
				if w.flag(func(l Level) bool { return l.Short }) {
					cmp = short(cmp)
				}
				phrase += "，" + cmp
				compared = true
			}
		}
		parts = append(parts, phrase)
	}
	sep := "，"
	if compared {
		sep = "；"
	}
	return strings.Join(append(parts, zeros...), sep)
}

// Indicators writes a category's indicators as a whole sentence, opening
// with the period and the subject: 上半年，社区工会推荐就业5人次，较去年同期增
// 加2人次。"" when there is nothing to say.
func (w Writer) Indicators(inds []model.Indicator, r *model.Report) string {
	f := w.Figures(inds, r)
	if f == "" {
		return ""
	}
	return sentence(zh.PeriodWord(r.Period) + "，" + Subject(r) + f)
}

// short keeps a comparison's rate and drops the amount before it, when
// there is a rate: 较上年增加12人，增长8.6% → 较上年增长8.6%; 同比增加20人，
// 是去年同期的3倍 → 同比是去年同期的3倍 reads badly, so 倍 keeps its amount.
func short(cmp string) string {
	head, rate, ok := strings.Cut(cmp, "，")
	if !ok || !strings.HasPrefix(rate, "增长") && !strings.HasPrefix(rate, "下降") || strings.Contains(rate, "倍") {
		return cmp
	}
	for _, verb := range []string{"增加", "减少"} {
		if i := strings.Index(head, verb); i >= 0 {
			return head[:i] + rate
		}
	}
	return cmp
}
