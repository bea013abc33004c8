package prose

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// Section is what a report says about one category of work: a lead
// paragraph (the indicators, and a summary of the activities when they are
// many) and the paragraphs that tell activities. Either may be empty; a
// template writes the category's heading above them.
type Section struct {
	Category string
	Lead     string
	Items    []string
}

// maxList is the length in runes up to which the told activities of a
// category are written as one paragraph, 一是……；二是……, rather than one
// paragraph each.
const maxList = 300

// Section plans the paragraphs of one category: its indicators as a
// sentence of phrases with verbs and comparisons, then its activities —
// each told, or a summary and typical cases (see the package comment).
func (w Writer) Section(g model.Group, r *model.Report) Section {
	s := Section{Category: g.Category}
	when := zh.PeriodWord(r.Period)
	subject := Subject(r)
	if r.Activities != nil && !slices.ContainsFunc(r.Activities, func(a model.Activity) bool { return a.Organizer == "" }) && len(r.Activities) > 0 {
		subject = "各基层工会" // a roll-up: every activity is a unit's
	}
	figures := w.Figures(g.Indicators, r)
	its := items(g.Activities)
	var lead []string
	if figures != "" {
		lead = append(lead, sentence(when+"，"+Subject(r)+figures))
	}
	if len(its) == 0 {
		s.Lead = strings.Join(lead, "")
		return s
	}
	// Tell every item of a small category; summarise one whose items are
	// many, or whose activities are many even when they group into a few
	// (a street's units holding the same few activities).
	if w.flag(func(l Level) bool { return len(its) <= l.List && len(g.Activities) <= 2*l.List }) {
		tells := w.tellAll(its, r, Subject(r), figures == "", w.content())
		s.Lead = strings.Join(lead, "")
		s.Items = tells
		return s
	}
	// Summarise: one sentence for the category, then its typical cases.
	sum := w.summary(g, r, figures == "", when, subject)
	lead = append(lead, sum)
	s.Lead = strings.Join(lead, "")
	// cases(its, n) depends on n only through min(n, len(its)).
	cases := w.cases(its, w.decide(func(l Level) int { return max(0, min(l.Cases, len(its))) }))
	if len(cases) > 0 {
		s.Items = w.tellAll(cases, r, Subject(r), false, w.content())
	}
	var rest []string
	for _, it := range its {
		name := restName(it.first().Title)
		if len(it.acts) > 1 {
			name = restName(titleKey(it.first().Title))
		}
		if !slices.ContainsFunc(cases, func(c item) bool { return c.first().Title == it.first().Title }) && !slices.Contains(rest, name) {
			rest = append(rest, name)
		}
	}
	// Name as many of the rest as the level allows.
	if n := w.decide(func(l Level) int { return min(len(rest), max(l.Rest, 0)) }); n > 0 {
		more := sentence(w.Lex.Frames.Rest.Fill(lexicon.Slots{"分项": strings.Join(rest[:n], "、")}))
		if n := len(s.Items); n > 0 {
			s.Items[n-1] += more
		} else {
			s.Lead += more
		}
	}
	return s
}

// tellAll writes items as paragraphs: one list paragraph (一是……；二是……)
// when there are two to four and they are short enough together, else one
// paragraph each, the first naming the subject when named is true.
func (w Writer) tellAll(its []item, r *model.Report, subject string, named bool, content bool) []string {
	tells := make([]told, len(its))
	total := 0
	for i, it := range its {
		sub := ""
		if named && i == 0 {
			sub = subject
		}
		tells[i] = w.tellItem(it, r, sub, content)
		total += runes(tells[i].item)
	}
	if len(its) >= 2 && len(its) <= 4 && total <= maxList {
		var b strings.Builder
		if named {
			b.WriteString(zh.PeriodWord(r.Period) + "，" + subject)
		}
		for i, t := range tells {
			if i > 0 {
				b.WriteString("；")
			}
			b.WriteString(ordinal(i+1) + "是")
			b.WriteString(w.itemWithoutSubject(its[i], r, content, t))
		}
		b.WriteString("。")
		return []string{b.String()}
	}
	out := make([]string, len(tells))
	for i, t := range tells {
		out[i] = t.paragraph
	}
	return out
}

// itemWithoutSubject is an item of a list: the subject was named before
// the list, so a single activity leaves it out (an organizer stays).
func (w Writer) itemWithoutSubject(it item, r *model.Report, content bool, t told) string {
	if len(it.acts) == 1 {
		return w.tell(it.first(), r, "", content).item
	}
	return t.item
}

// ordinal is 一, 二, … for 一是, 二是.
func ordinal(n int) string { return zh.Numeral(int64(n)) }

// cases chooses at most n typical cases from a category's items by the
// package's rule — the activities marked typical, then the activity most
// units held (told once for all of them), then single activities by the
// people they reached, then other groups — and returns them in date order.
func (w Writer) cases(its []item, n int) []item {
	if n <= 0 {
		return nil
	}
	ranked := slices.Clone(its)
	widest := -1 // the group most units took part in: one case shows the breadth
	for i, it := range its {
		if len(it.acts) > 1 && (widest < 0 || len(it.acts) > len(its[widest].acts)) {
			widest = i
		}
	}
	rank := func(it item) (int, int) {
		switch {
		case it.typical():
			return 0, -w.reach(it)
		case widest >= 0 && it.first().Title == its[widest].first().Title && it.first().Date == its[widest].first().Date:
			return 1, -w.reach(it)
		case len(it.acts) == 1:
			return 2, -w.reach(it)
		}
		return 3, -w.reach(it)
	}
	slices.SortStableFunc(ranked, func(a, b item) int {
		ka, ra := rank(a)
		kb, rb := rank(b)
		if ka != kb {
			return ka - kb
		}
		if ra != rb {
			return ra - rb
		}
		return a.first().Date.Compare(b.first().Date)
	})
	ranked = ranked[:min(n, len(ranked))]
	slices.SortStableFunc(ranked, func(a, b item) int { return a.first().Date.Compare(b.first().Date) })
	return ranked
}

// summary is a category's summary sentence: 上半年，各基层工会共开展学习培训
// 活动12次，其中组织集中学习3次、举办培训5期、讲座4场，参加826人次，投入经费
// 1.2万元。named false leaves out the period and subject (the indicators'
// sentence before it named them).
func (w Writer) summary(g model.Group, r *model.Report, named bool, when, subject string) string {
	type kindCount struct {
		kind lexicon.Kind
		n    int
	}
	var kinds []kindCount
	cost := decimal.Zero
	for _, a := range g.Activities {
		k := w.kindOf(a.Title)
		if i := slices.IndexFunc(kinds, func(c kindCount) bool { return c.kind.Kind == k.Kind }); i >= 0 {
			kinds[i].n++
		} else {
			kinds = append(kinds, kindCount{k, 1})
		}
		cost = cost.Add(a.Cost)
	}
	slices.SortStableFunc(kinds, func(a, b kindCount) int { return b.n - a.n })
	var parts []string
	if len(kinds) > 1 {
		for _, c := range kinds[:min(4, len(kinds))] {
			if c.kind.Kind == w.Lex.Default.Kind {
				continue
			}
			parts = append(parts, c.kind.Verb+c.kind.Noun+count(c.n, c.kind.Measure))
		}
	}
	slots := lexicon.Slots{
		"活动": w.Lex.CategoryActivity(g.Category),
		"次数": count(len(g.Activities), "次"),
		"分项": strings.Join(parts, "、"),
		"受益": w.benefits(g.Activities),
	}
	if named {
		slots["期间"], slots["主体"] = when, subject
	}
	if n := w.Attendance(g.Activities); n > 0 {
		slots["人次"] = count(n, "人次")
	}
	if cost.IsPositive() {
		slots["经费"] = zh.Money(cost)
	}
	return sentence(w.Lex.Frames.Summary.Fill(slots))
}

// benefits sums the beneficiaries of activities by unit: 惠及一线职工等1121人、
// 困难职工23户.
func (w Writer) benefits(acts []model.Activity) string {
	type sum struct {
		unit string
		n    int
		who  []string
	}
	var sums []sum
	for _, a := range acts {
		if a.Beneficiaries <= 0 {
			continue
		}
		u := a.BeneficiaryUnit
		if u == "" {
			u = "人"
		}
		i := slices.IndexFunc(sums, func(s sum) bool { return s.unit == u })
		if i < 0 {
			sums = append(sums, sum{unit: u})
			i = len(sums) - 1
		}
		sums[i].n += a.Beneficiaries
		if who := strings.TrimSpace(a.Beneficiary); who != "" && !slices.Contains(sums[i].who, who) {
			sums[i].who = append(sums[i].who, who)
		}
	}
	if len(sums) == 0 {
		return ""
	}
	var parts []string
	for _, s := range sums {
		who := ""
		switch {
		case len(s.who) > 1:
			who = s.who[0] + "等" // 惠及一线职工等6430人次: not 一线职工、职工6430人次
		case len(s.who) == 1:
			who = s.who[0]
		}
		parts = append(parts, who+count(s.n, s.unit))
	}
	return "惠及" + strings.Join(parts, "、")
}

// Workload is the report's sentence on all its activities: 半年来，社区工会
// 共组织开展活动7次，参加334人次，投入经费5550元。since is how the sentence
// opens (半年来, 一年来, 今年以来), subject who did them when it is not the
// report's union ("" to leave it out). A report of fewer than two
// activities has no such sentence; a roll-up's activities are its units'.
func (w Writer) Workload(r *model.Report, since string, subject ...string) string {
	if len(r.Activities) < 2 {
		return ""
	}
	switch {
	case len(subject) > 0:
	case !slices.ContainsFunc(r.Activities, func(a model.Activity) bool { return a.Organizer == "" }):
		subject = []string{"各基层工会"}
	default:
		subject = []string{Subject(r)}
	}
	cost := decimal.Zero
	for _, a := range r.Activities {
		cost = cost.Add(a.Cost)
	}
	slots := lexicon.Slots{"期间词": since, "主体": subject[0], "次数": count(len(r.Activities), "次"), "受益": w.benefits(r.Activities)}
	if n := w.Attendance(r.Activities); n > 0 {
		slots["人次"] = count(n, "人次")
	}
	if cost.IsPositive() {
		slots["经费"] = zh.Money(cost)
	}
	return sentence(w.Lex.Frames.Workload.Fill(slots))
}

// restName is an activity's title in a list of names: without a trailing
// 活动 (此外，还开展了……等活动), its quotation marks kept in pairs.
func restName(title string) string {
	t := strings.TrimSpace(title)
	if s := strings.TrimSuffix(t, "活动"); s != "" && strings.Count(s, "“") == strings.Count(s, "”") {
		t = s
	}
	return t
}
