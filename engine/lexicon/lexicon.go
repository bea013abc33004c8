// Package lexicon holds the words reports are written with — what an
// activity is called and done with, how an indicator's name becomes a
// phrase with a verb, how a plan's item meets its target — as data that
// template authors extend without Go: templates/_lexicon.yaml, overridden
// by an author's _lexicon.yaml and a template's own lexicon.yaml in the
// order templates are looked up. engine/prose plans the sentences; this
// package only answers which words.
package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
)

// Roles of the people an activity's participants field counts.
const (
	RoleTake    = "参加" // they took part: counted in 参加活动人次
	RoleServe   = "服务" // they served others (volunteers, staff on a consultation day)
	RoleBenefit = "受益" // they carried the activity to its beneficiaries (a visit, a grant): not written, not counted
)

// Kind is a kind of activity: how it is recognised from its title and how
// a report writes it.
type Kind struct {
	Kind     string   `yaml:"kind"`     // 会议
	Ends     []string `yaml:"ends"`     // title endings: 座谈会
	Starts   []string `yaml:"starts"`   // title beginnings: 慰问
	Contains []string `yaml:"contains"` // words inside the title: 送温暖
	Verb     string   `yaml:"verb"`     // 召开
	Role     string   `yaml:"role"`     // 参加, 服务 or 受益
	Measure  string   `yaml:"measure"`  // 次: in summaries, 召开会议3次
	Noun     string   `yaml:"noun"`     // 会议: in summaries
	Lead     Frame    `yaml:"lead"`     // the predicate: [在{地点}]{动词}{名称}
	Count    Frame    `yaml:"count"`    // the participants: {人数}参加
	Benefit  Frame    `yaml:"benefit"`  // the beneficiaries: 惠及{对象}{受益}
}

// IndicatorRule turns indicator names into phrases with a verb.
type IndicatorRule struct {
	Ends     []string `yaml:"ends"`
	Starts   []string `yaml:"starts"`
	Contains []string `yaml:"contains"`
	Units    []string `yaml:"units"` // only for these units; all when empty
	Verb     string   `yaml:"verb"`  // put before the name: 举办技能培训3期
	Link     *string  `yaml:"link"`  // between name and value: 入会率为97.6%; "" for none
	Zero     Frame    `yaml:"zero"`  // how a value of 0 is written: 未发生{宾语}
}

// Category is how a category is named in a summary sentence.
type Category struct {
	Category string `yaml:"category"`
	Activity string `yaml:"activity"` // 共开展{活动}6次: 学习培训活动
}

// PlanRule joins a plan's item and target into one sentence.
type PlanRule struct {
	Starts     []string `yaml:"starts"`      // the target begins with one of these
	Contains   []string `yaml:"contains"`    // the target contains one of these
	StartsVerb bool     `yaml:"starts_verb"` // the target begins with one of the verbs
	Frame      Frame    `yaml:"frame"`       // {事项}，力争{目标}
}

// Frames are the whole sentences of summaries and groupings.
type Frames struct {
	Summary  Frame `yaml:"summary"`
	Rest     Frame `yaml:"rest"`
	Group    Frame `yaml:"group"`
	Repeat   Frame `yaml:"repeat"`
	Workload Frame `yaml:"workload"`
}

// Lexicon is the words of one template, after overrides.
type Lexicon struct {
	Activities        []Kind          `yaml:"activities"`
	Default           Kind            `yaml:"default"`
	Verbs             []string        `yaml:"verbs"`
	Indicators        []IndicatorRule `yaml:"indicators"`
	IndicatorLink     string          `yaml:"indicator_link"`
	Categories        []Category      `yaml:"categories"`
	Plans             []PlanRule      `yaml:"plans"`
	PlanWithoutTarget Frame           `yaml:"plan_without_target"`
	Frames            Frames          `yaml:"frames"`
}

// The slots each kind of frame may use.
var (
	leadSlots     = []string{"地点", "动词", "名称"}
	countSlots    = []string{"人数"}
	benefitSlots  = []string{"对象", "受益"}
	zeroSlots     = []string{"名称", "宾语"}
	planSlots     = []string{"事项", "目标", "时限"}
	summarySlots  = []string{"期间", "主体", "活动", "次数", "分项", "人次", "受益", "经费"}
	restSlots     = []string{"分项"}
	groupSlots    = []string{"时间", "单位", "谓语"}
	repeatSlots   = []string{"时间", "主体", "次数", "谓语"}
	workloadSlots = []string{"期间词", "主体", "次数", "人次", "受益", "经费"}
	roles         = []string{RoleTake, RoleServe, RoleBenefit}
)

// Parse reads a lexicon file, with the loader's positioned problems (an
// unknown key, a wrong type) and the lexicon's own checks. The source map
// locates its entries for later messages; the lexicon is nil when the file
// could not be read at all.
func Parse(name string, data []byte) (*Lexicon, *diag.SourceMap, diag.List) {
	var l Lexicon
	src, probs := load.Decode(name, data, &l)
	if src == nil {
		return nil, nil, probs
	}
	return &l, src, append(probs, l.check(src)...)
}

// check reports what a lexicon file gets wrong, one problem per entry.
func (l *Lexicon) check(src *diag.SourceMap) diag.List {
	var probs diag.List
	add := func(path, msg, hint string) { probs.Add(src.Pos(path), path, msg, hint) }
	frame := func(path string, f Frame, allowed []string) {
		if f == "" {
			return
		}
		if err := f.check(allowed); err != nil {
			add(path, "句式“"+string(f)+"”："+err.Error(), "空位写成 {名称}；可略去的部分放在 [ ] 里")
		}
	}
	kind := func(path string, k Kind, named bool) {
		if named && strings.TrimSpace(k.Kind) == "" {
			add(path+".kind", "活动种类缺少名称（kind）", "例如 kind: 会议")
		}
		if named && len(k.Ends)+len(k.Starts)+len(k.Contains) == 0 {
			add(path, fmt.Sprintf("活动种类“%s”没有写怎样认出它（ends、starts 或 contains）", k.Kind), "例如 ends: [座谈会, 推进会]")
		}
		if k.Role != "" && !slices.Contains(roles, k.Role) {
			add(path+".role", fmt.Sprintf("不认识的角色“%s”", k.Role), "可选：参加、服务、受益")
		}
		if k.Measure != "" {
			if u, ok := model.LookupUnit(k.Measure); !ok || u.Kind != model.Count {
				add(path+".measure", fmt.Sprintf("量词“%s”不在单位表的计数单位中", k.Measure), "例如 次、期、场、项")
			}
		}
		frame(path+".lead", k.Lead, leadSlots)
		frame(path+".count", k.Count, countSlots)
		frame(path+".benefit", k.Benefit, benefitSlots)
	}
	seen := map[string]int{}
	for i, k := range l.Activities {
		path := fmt.Sprintf("activities[%d]", i+1)
		kind(path, k, true)
		if j, dup := seen[k.Kind]; dup && k.Kind != "" {
			add(path+".kind", fmt.Sprintf("活动种类“%s”重复（第%d项已有）", k.Kind, j), "同一种类只写一次")
		}
		seen[k.Kind] = i + 1
	}
	kind("default", l.Default, false)
	for i, r := range l.Indicators {
		path := fmt.Sprintf("indicators[%d]", i+1)
		if len(r.Ends)+len(r.Starts)+len(r.Contains) == 0 {
			add(path, "指标规则没有写匹配哪些名称（ends、starts 或 contains）", "例如 ends: [合理化建议]")
		}
		for j, u := range r.Units {
			if _, ok := model.LookupUnit(u); !ok {
				add(fmt.Sprintf("%s.units[%d]", path, j+1), fmt.Sprintf("不认识的单位“%s”", u), "单位见 docs/template-functions.md 的单位表")
			}
		}
		frame(path+".zero", r.Zero, zeroSlots)
	}
	for i, c := range l.Categories {
		path := fmt.Sprintf("categories[%d]", i+1)
		if model.CategoryIndex(c.Category) < 0 {
			add(path+".category", fmt.Sprintf("不认识的类别“%s”", c.Category), "可选类别："+strings.Join(model.Categories(), "、"))
		}
	}
	for i, r := range l.Plans {
		path := fmt.Sprintf("plans[%d]", i+1)
		if r.Frame == "" {
			add(path+".frame", "计划规则缺少句式（frame）", "例如 frame: \"{事项}，力争{目标}\"")
		}
		frame(path+".frame", r.Frame, planSlots)
	}
	frame("plan_without_target", l.PlanWithoutTarget, planSlots)
	frame("frames.summary", l.Frames.Summary, summarySlots)
	frame("frames.rest", l.Frames.Rest, restSlots)
	frame("frames.group", l.Frames.Group, groupSlots)
	frame("frames.repeat", l.Frames.Repeat, repeatSlots)
	frame("frames.workload", l.Frames.Workload, workloadSlots)
	return probs
}

// Missing lists what a complete lexicon (the built-in one, after every
// override) must have and l lacks: the default kind's words and every frame.
func (l *Lexicon) Missing() []string {
	var out []string
	need := func(name string, v string) {
		if strings.TrimSpace(v) == "" {
			out = append(out, name)
		}
	}
	need("default.verb", l.Default.Verb)
	need("default.role", l.Default.Role)
	need("default.measure", l.Default.Measure)
	need("default.noun", l.Default.Noun)
	need("default.lead", string(l.Default.Lead))
	need("default.count", string(l.Default.Count))
	need("default.benefit", string(l.Default.Benefit))
	need("indicator_link", l.IndicatorLink)
	need("plan_without_target", string(l.PlanWithoutTarget))
	need("frames.summary", string(l.Frames.Summary))
	need("frames.rest", string(l.Frames.Rest))
	need("frames.group", string(l.Frames.Group))
	need("frames.repeat", string(l.Frames.Repeat))
	need("frames.workload", string(l.Frames.Workload))
	if len(l.Plans) == 0 {
		out = append(out, "plans")
	}
	return out
}

// Merge returns base with over's entries taking precedence: an activity
// kind of the same name replaces base's in its place, new kinds come first;
// indicator and plan rules of over come before base's; verbs are added;
// categories, the default kind's words and frames over gives replace base's.
// Neither argument is changed.
func Merge(base, over *Lexicon) *Lexicon {
	out := *base
	out.Activities = nil
	var fresh []Kind
	replaced := map[string]Kind{}
	for _, k := range over.Activities {
		if slices.ContainsFunc(base.Activities, func(b Kind) bool { return b.Kind == k.Kind }) {
			replaced[k.Kind] = k
		} else {
			fresh = append(fresh, k)
		}
	}
	out.Activities = append(out.Activities, fresh...)
	for _, k := range base.Activities {
		if r, ok := replaced[k.Kind]; ok {
			k = r
		}
		out.Activities = append(out.Activities, k)
	}
	out.Default = mergeKind(base.Default, over.Default)
	out.Verbs = slices.Clone(base.Verbs)
	for _, v := range over.Verbs {
		if !slices.Contains(out.Verbs, v) {
			out.Verbs = append(out.Verbs, v)
		}
	}
	out.Indicators = append(slices.Clone(over.Indicators), base.Indicators...)
	if over.IndicatorLink != "" {
		out.IndicatorLink = over.IndicatorLink
	}
	out.Categories = slices.Clone(base.Categories)
	for _, c := range over.Categories {
		if i := slices.IndexFunc(out.Categories, func(b Category) bool { return b.Category == c.Category }); i >= 0 {
			out.Categories[i] = c
		} else {
			out.Categories = append(out.Categories, c)
		}
	}
	out.Plans = append(slices.Clone(over.Plans), base.Plans...)
	if over.PlanWithoutTarget != "" {
		out.PlanWithoutTarget = over.PlanWithoutTarget
	}
	f, o := &out.Frames, over.Frames
	for _, p := range []struct {
		dst *Frame
		v   Frame
	}{{&f.Summary, o.Summary}, {&f.Rest, o.Rest}, {&f.Group, o.Group}, {&f.Repeat, o.Repeat}, {&f.Workload, o.Workload}} {
		if p.v != "" {
			*p.dst = p.v
		}
	}
	return &out
}

// mergeKind fills the empty words of over from base.
func mergeKind(base, over Kind) Kind {
	if over.Kind == "" {
		over.Kind = base.Kind
	}
	if over.Verb == "" {
		over.Verb = base.Verb
	}
	if over.Role == "" {
		over.Role = base.Role
	}
	if over.Measure == "" {
		over.Measure = base.Measure
	}
	if over.Noun == "" {
		over.Noun = base.Noun
	}
	if over.Lead == "" {
		over.Lead = base.Lead
	}
	if over.Count == "" {
		over.Count = base.Count
	}
	if over.Benefit == "" {
		over.Benefit = base.Benefit
	}
	return over
}

// Core is the part of an activity's title its kind is read from: without a
// trailing 活动 or closing quote and punctuation, so that 社区义务巡逻月活动
// reads as 社区义务巡逻月 and 高温季节“送清凉” as 高温季节“送清凉.
func Core(title string) string {
	t := strings.TrimSpace(title)
	for {
		before := t
		t = strings.TrimRight(t, "”’」』》）)\"'。；，")
		if strings.HasSuffix(t, "活动") && utf8.RuneCountInString(t) > 2 {
			t = strings.TrimSuffix(t, "活动")
		}
		if strings.HasSuffix(t, "工作") && utf8.RuneCountInString(t) > 2 {
			t = strings.TrimSuffix(t, "工作")
		}
		if t == before {
			return t
		}
	}
}

// KindOf recognises an activity's kind from its title: the kind whose
// ending, beginning or inner word matches the longest part of the title
// (its Core), the earlier kind on a tie, else the default. The result has
// every word filled, from the default where the kind gives none.
func (l *Lexicon) KindOf(title string) Kind {
	core := Core(title)
	plain := strings.Trim(core, "“”‘’「」《》")
	best, score := -1, 0
	for i, k := range l.Activities {
		s := 0
		for _, e := range k.Ends {
			if strings.HasSuffix(core, e) || strings.HasSuffix(plain, e) {
				s = max(s, 2*utf8.RuneCountInString(e)+1) // an ending says most
			}
		}
		for _, e := range k.Starts {
			if strings.HasPrefix(plain, e) {
				s = max(s, 2*utf8.RuneCountInString(e))
			}
		}
		for _, e := range k.Contains {
			if strings.Contains(plain, e) {
				s = max(s, 2*utf8.RuneCountInString(e)-1)
			}
		}
		if s > score {
			best, score = i, s
		}
	}
	if best < 0 {
		return mergeKind(Kind{}, l.Default)
	}
	return mergeKind(l.Default, l.Activities[best])
}

// StartsWithVerb reports whether text begins with one of the verbs, so
// that it is already a verb phrase: 走访慰问困难职工, 推荐就业. It returns
// the verb.
func (l *Lexicon) StartsWithVerb(text string) (string, bool) {
	best := ""
	t := strings.TrimLeft(text, "“‘「《")
	for _, v := range l.Verbs {
		if strings.HasPrefix(t, v) && len(v) > len(best) {
			best = v
		}
	}
	return best, best != ""
}

// HasVerb reports whether text contains one of the verbs of two or more
// characters before its end: 督促整改安全隐患 does; 职工书屋藏书 does not, nor
// 技能培训, whose 培训 is a noun there.
func (l *Lexicon) HasVerb(text string) bool {
	return slices.ContainsFunc(l.Verbs, func(v string) bool {
		i := strings.Index(text, v)
		return utf8.RuneCountInString(v) >= 2 && i >= 0 && i+len(v) < len(text)
	})
}

// IndicatorRuleOf finds the rule for an indicator's name and unit; ok is
// false when none matches.
func (l *Lexicon) IndicatorRuleOf(name, unit string) (IndicatorRule, bool) {
	for _, r := range l.Indicators {
		if len(r.Units) > 0 && !slices.Contains(r.Units, unit) {
			continue
		}
		hit := slices.ContainsFunc(r.Ends, func(e string) bool { return strings.HasSuffix(name, e) }) ||
			slices.ContainsFunc(r.Starts, func(e string) bool { return strings.HasPrefix(name, e) }) ||
			slices.ContainsFunc(r.Contains, func(e string) bool { return strings.Contains(name, e) })
		if hit {
			return r, true
		}
	}
	return IndicatorRule{}, false
}

// CategoryActivity names a category's activities in a summary sentence:
// 学习培训活动; the category and 活动 when the lexicon does not say.
func (l *Lexicon) CategoryActivity(category string) string {
	for _, c := range l.Categories {
		if c.Category == category && c.Activity != "" {
			return c.Activity
		}
	}
	if strings.HasSuffix(category, "活动") {
		return category
	}
	return category + "活动"
}

// PlanFrame is the frame that joins a plan's item with its target ("" for
// none).
func (l *Lexicon) PlanFrame(target string) Frame {
	if strings.TrimSpace(target) == "" {
		return l.PlanWithoutTarget
	}
	for _, r := range l.Plans {
		hit := slices.ContainsFunc(r.Starts, func(e string) bool { return strings.HasPrefix(target, e) }) ||
			slices.ContainsFunc(r.Contains, func(e string) bool { return strings.Contains(target, e) })
		if r.StartsVerb {
			_, v := l.StartsWithVerb(target)
			hit = hit || v
		}
		if len(r.Starts)+len(r.Contains) == 0 && !r.StartsVerb {
			hit = true // the catch-all rule
		}
		if hit {
			return r.Frame
		}
	}
	return "{事项}，{目标}[，{时限}完成]"
}
