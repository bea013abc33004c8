package prose

import (
	"regexp"
	"slices"
	"strings"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// Role is the role the people an activity's participants field counts
// play, by the activity's kind: 参加, 服务 or 受益.
func (w Writer) Role(a model.Activity) string { return w.kindOf(a.Title).Role }

// Attendance is the people who took part in the activities: participants
// of activities whose kind has them take part or serve. Those who carried
// a visit or a grant to its beneficiaries are not 参加活动人次.
func (w Writer) Attendance(acts []model.Activity) int {
	n := 0
	for _, a := range acts {
		if w.Role(a) != lexicon.RoleBenefit {
			n += a.Participants
		}
	}
	return n
}

// place is where an activity took place, as the sentence writes it; ""
// when there is nothing worth saying: no location, a location that is the
// union itself (在公司工会开展……), or one the title already says
// (在辖区新成立企业走访新成立企业).
func place(a model.Activity, r *model.Report) string {
	loc := strings.TrimSpace(a.Location)
	if loc == "" {
		return ""
	}
	for _, self := range nonEmpty(r.Org.Name, a.Organizer, r.Org.Type) {
		if loc == self || strings.HasSuffix(loc, "工会") && (strings.HasSuffix(self, loc) || strings.HasSuffix(loc, self)) {
			return ""
		}
	}
	if n := commonRun(loc, a.Title); n >= 4 && 2*n >= runes(loc) {
		return ""
	}
	return loc
}

// predicate is what the activity did: 在社区会议室召开非公有制企业建会座谈会,
// 组织会员到广安邓小平故里开展红色教育参观学习. withPlace false leaves the
// place out (grouped activities took place in several).
func (w Writer) predicate(a model.Activity, r *model.Report, k lexicon.Kind, withPlace bool) string {
	title := strings.TrimSpace(a.Title)
	verb := k.Verb
	if _, ok := w.Lex.StartsWithVerb(title); ok {
		verb = ""
	}
	s := lexicon.Slots{"动词": verb, "名称": title}
	if withPlace {
		s["地点"] = place(a, r)
	}
	return k.Lead.Fill(s)
}

// people are the count and beneficiary clauses of an activity: 参训20人,
// 惠及困难职工23户. Participants of a kind whose people carry the activity to
// beneficiaries are not written.
func (w Writer) people(k lexicon.Kind, participants int, who string, beneficiaries int, unit string) []string {
	var out []string
	if participants > 0 && k.Role != lexicon.RoleBenefit {
		out = append(out, k.Count.Fill(lexicon.Slots{"人数": count(participants, "人")}))
	}
	who = strings.TrimSpace(who)
	if beneficiaries > 0 || who != "" {
		if unit == "" {
			unit = "人"
		}
		n := ""
		if beneficiaries > 0 {
			n = count(beneficiaries, unit)
		}
		out = append(out, k.Benefit.Fill(lexicon.Slots{"对象": who, "受益": n}))
	}
	return out
}

// when writes an activity's date or dates in a report of year.
func when(a model.Activity, year int) string {
	if a.Span() {
		return zh.Span(a.Date, a.EndDate, year)
	}
	return zh.DateIn(a.Date, year)
}

// told is an activity written two ways: as a paragraph of its own, and as
// an item of a list (一是……).
type told struct {
	paragraph string
	item      string
}

// tell writes one activity. subject is who did it when the sentence names
// them ("" leaves them out: the paragraph before named them).
func (w Writer) tell(a model.Activity, r *model.Report, subject string, content bool) told {
	k := w.kindOf(a.Title)
	date := when(a, r.Period.YearOf())
	if o := strings.TrimSpace(a.Organizer); o != "" {
		subject = o
	}
	lead := subject + w.predicate(a, r, k, true)
	clauses := w.people(k, a.Participants, a.Beneficiary, a.Beneficiaries, a.BeneficiaryUnit)
	var detail []string
	if content {
		detail = nonEmpty(clause(a.Content), clause(a.Result))
	}
	first := strings.Join(append([]string{lead}, clauses...), "，")
	para := date + "，" + first + "。"
	if len(detail) > 0 {
		para += strings.Join(detail, "，") + "。"
	}
	item := date + first
	if len(detail) > 0 {
		item += "，" + strings.Join(detail, "，")
	}
	return told{paragraph: para, item: item}
}

// Activity writes one activity as a paragraph: 3月30日，社区工会在南湖鸳鸯度
// 假村举办工会组长培训，参训20人。就如何……进行了讲解和讨论，收到了很好的效果。
// The subject is the activity's organizer, else the report's union.
func (w Writer) Activity(a model.Activity, r *model.Report) string {
	return w.tell(a, r, Subject(r), w.content()).paragraph
}

// item is what a category tells as one: an activity, or the activities of
// one title.
type item struct {
	acts []model.Activity // in date order
}

func (it item) first() model.Activity { return it.acts[0] }

// typical reports whether the cadre marked any of its activities typical.
func (it item) typical() bool {
	return slices.ContainsFunc(it.acts, func(a model.Activity) bool { return a.Typical })
}

// organizers are the distinct organizers of its activities, in order.
func (it item) organizers() []string {
	var out []string
	for _, a := range it.acts {
		if o := strings.TrimSpace(a.Organizer); o != "" && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}

// reach is how many people its activities reached: participants who took
// part or served, plus beneficiaries.
func (w Writer) reach(it item) int {
	n := 0
	for _, a := range it.acts {
		if w.Role(a) != lexicon.RoleBenefit {
			n += a.Participants
		}
		n += a.Beneficiaries
	}
	return n
}

// ordinalPrefix is the 第二期, 第3次 a cadre puts before a title done again.
var ordinalPrefix = regexp.MustCompile(`^第[0-9一二三四五六七八九十]+(?:期|次|批|轮|场)`)

// titleKey is what activities of one title share: the title's Core without
// a leading 第二期.
func titleKey(title string) string {
	k := lexicon.Core(title)
	if s := ordinalPrefix.ReplaceAllString(k, ""); s != "" {
		k = s
	}
	return k
}

// items groups a category's activities by title (titleKey), in the order
// of each title's first date.
func items(acts []model.Activity) []item {
	sorted := slices.Clone(acts)
	slices.SortStableFunc(sorted, func(a, b model.Activity) int { return a.Date.Compare(b.Date) })
	var out []item
	index := map[string]int{}
	for _, a := range sorted {
		key := titleKey(a.Title)
		if i, ok := index[key]; ok {
			out[i].acts = append(out[i].acts, a)
			continue
		}
		index[key] = len(out)
		out = append(out, item{acts: []model.Activity{a}})
	}
	return out
}

// tellItem writes an item: a single activity as tell does, a group as one
// sentence — 3月至5月，油房街、白家巷等12个社区工会先后召开非公企业建会座谈会，
// 218人次参加会议.
func (w Writer) tellItem(it item, r *model.Report, subject string, content bool) told {
	if len(it.acts) == 1 {
		return w.tell(it.first(), r, subject, content)
	}
	a := it.first()
	k := w.kindOf(a.Title)
	year := r.Period.YearOf()
	span := monthSpan(it.acts, year)
	a.Title = ordinalPrefix.ReplaceAllString(strings.TrimSpace(a.Title), "") // the group is all of them, not 第三期
	pred := w.predicate(a, r, k, false)
	participants, beneficiaries := 0, 0
	unit, who := "", ""
	for _, x := range it.acts {
		participants += x.Participants
		beneficiaries += x.Beneficiaries
		if unit == "" {
			unit = x.BeneficiaryUnit
		}
		if who == "" {
			who = strings.TrimSpace(x.Beneficiary)
		}
	}
	var lead string
	orgs := it.organizers()
	if len(orgs) >= 2 {
		lead = w.Lex.Frames.Group.Fill(lexicon.Slots{"时间": span, "单位": Units(orgs), "谓语": pred})
	} else {
		if len(orgs) == 1 {
			subject = orgs[0]
		}
		lead = w.Lex.Frames.Repeat.Fill(lexicon.Slots{"时间": span, "主体": subject, "次数": zh.Times(len(it.acts)), "谓语": pred})
	}
	clauses := w.people(k, 0, who, beneficiaries, unit)
	if participants > 0 && k.Role != lexicon.RoleBenefit {
		clauses = append([]string{k.Count.Fill(lexicon.Slots{"人数": count(participants, "人次")})}, clauses...)
	}
	first := strings.Join(append([]string{lead}, clauses...), "，")
	t := told{paragraph: first + "。", item: strings.Replace(first, "，", "", 1)}
	// One of them told in a few words: the one that reached most people.
	if ex := w.example(it, r, content); ex != "" {
		lead := "其中，"
		if strings.HasPrefix(ex, "一次") {
			lead = "其中"
		}
		t.paragraph += lead + ex + "。"
		t.item += "，其中" + ex
	}
	return t
}

// example tells the activity of a group that reached most people, as its
// organizer (or, when one union held them all, its place), people and
// content: 园民社区工会参训86人，围绕岗位技能开展理论授课和实操训练; 在红梅
// 社区辖区小微企业指导4家企业建会. "" when content is not told or there is
// none.
func (w Writer) example(it item, r *model.Report, content bool) string {
	if !content {
		return ""
	}
	best := -1
	for i, a := range it.acts {
		if clause(a.Content) == "" && clause(a.Result) == "" {
			continue
		}
		if best < 0 || w.reach(item{acts: it.acts[i : i+1]}) > w.reach(item{acts: it.acts[best : best+1]}) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	a := it.acts[best]
	k := w.kindOf(a.Title)
	who := strings.TrimSpace(a.Organizer)
	if who == "" {
		if p := place(a, r); p != "" {
			who = "在" + p
		}
	}
	people := strings.Join(w.people(k, a.Participants, a.Beneficiary, a.Beneficiaries, a.BeneficiaryUnit), "，")
	detail := nonEmpty(clause(a.Content), clause(a.Result))
	if people == "" {
		// 西星印务有限公司工会走访慰问困难职工14户: the content goes on the subject.
		return who + strings.Join(detail, "，")
	}
	if who == "" {
		return "一次" + strings.Join(append([]string{people}, detail...), "，") // 其中一次30人参加，……
	}
	if strings.HasPrefix(who, "在") {
		people = "，" + people // 在红梅社区，9人参加
	}
	parts := append([]string{who + people}, detail...)
	return strings.Join(parts, "，")
}

// monthSpan writes the months a group of activities ran over: 3月, 3月至5月,
// 去年12月至2月.
func monthSpan(acts []model.Activity, year int) string {
	first, last := acts[0].Date, acts[0].Date
	for _, a := range acts {
		end := a.Date
		if a.Span() {
			end = a.EndDate
		}
		if a.Date.Before(first) {
			first = a.Date
		}
		if end.After(last) {
			last = end
		}
	}
	f, l := model.Date{Year: first.Year, Month: first.Month}, model.Date{Year: last.Year, Month: last.Month}
	if f == l {
		return zh.DateIn(f, year)
	}
	return zh.Span(f, l, year)
}

// Units names several unions the way a report does: 油房街社区工会和白家巷
// 社区工会 when they share nothing; 油房街、白家巷和北湖社区工会 when they
// share the end of their names (their type, or 村工会); 油房街、白家巷等12个
// 社区工会 for more than three.
func Units(names []string) string {
	suffix := ""
	for _, t := range model.OrgTypes() {
		if len(t) > len(suffix) && !slices.ContainsFunc(names, func(n string) bool { return !strings.HasSuffix(n, t) || n == t }) {
			suffix = t
		}
	}
	if c := commonSuffix(names); strings.HasSuffix(c, "工会") && len(c) > len(suffix) {
		suffix = c
	}
	short := make([]string, len(names))
	for i, n := range names {
		short[i] = strings.TrimSuffix(n, suffix)
		if short[i] == "" {
			suffix, short = "", slices.Clone(names)
			break
		}
	}
	switch {
	case len(names) > 3 && suffix != "":
		return short[0] + "、" + short[1] + "等" + zh.Measure(len(names), "个") + suffix
	case len(names) > 3:
		return names[0] + "、" + names[1] + "等" + zh.Measure(len(names), "个") + "单位"
	case suffix != "":
		return zh.Join(short) + suffix
	}
	return zh.Join(names)
}

// commonSuffix is the longest end all names share.
func commonSuffix(names []string) string {
	if len(names) == 0 {
		return ""
	}
	s := []rune(names[0])
	for _, n := range names[1:] {
		r := []rune(n)
		k := 0
		for k < len(s) && k < len(r) && s[len(s)-1-k] == r[len(r)-1-k] {
			k++
		}
		s = s[len(s)-k:]
	}
	return string(s)
}
