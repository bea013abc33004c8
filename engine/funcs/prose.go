package funcs

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/prose"
)

// Prose is the prose namespace: the sentences engine/prose plans, with the
// template's lexicon, at the level of detail the template's budget allows.
// Its functions take the report's own values ({{ prose.Section . $ }}) or,
// in examples and tests, dicts with the same field names.
type Prose struct {
	w    prose.Writer
	data *model.Period // the period of the data, when a plan's .Period is the period planned
}

// NewProse returns the prose namespace's value for a lexicon, a level of
// detail (0 the fullest, see prose.Levels) and the period the data is of
// (nil when it is the report's own .Period). compose binds a new one for
// every render.
func NewProse(lex *lexicon.Lexicon, detail int, data *model.Period) Prose {
	return NewProseFor(nil, lex, detail, data)
}

// NewProseFor is NewProse for one of the renders of a report, at one level
// of detail after another: rn remembers across them what does not depend
// on the level, and finds out how many of the next levels would write the
// same text (prose.Render). rn may be nil.
func NewProseFor(rn *prose.Render, lex *lexicon.Lexicon, detail int, data *model.Period) Prose {
	if lex == nil {
		lex = lexicon.Builtin()
	}
	w := prose.Writer{Lex: lex, Detail: detail}
	if rn != nil {
		w = w.At(rn)
	}
	return Prose{w: w, data: data}
}

func proseNamespace(lex *lexicon.Lexicon) Namespace {
	ex := func(tmpl, want string) Example { return Example{Template: tmpl, Want: want} }
	const r = `(dict "Org" (dict "Name" "柳背桥社区工会" "Type" "社区工会") "Period" "2024-H1")`
	return Namespace{Name: "prose", Doc: "按词表组织句子：活动、指标、类别汇总、计划（词表见 templates/_lexicon.yaml）", Value: NewProse(lex, 0, nil), Funcs: []Func{
		{Name: "Kind", Args: "活动名称", Doc: "按词表认出活动的种类（会议、培训、慰问走访……），认不出时为“活动”",
			Examples: []Example{ex(`{{ prose.Kind "非公有制企业建会座谈会" }}`, "会议"), ex(`{{ prose.Kind "春节走访慰问困难职工" }}`, "慰问走访")}},
		{Name: "Role", Args: "活动", Doc: "活动的参加人数是什么角色：参加、服务，或“受益”（慰问、发放等活动，参加人数是去做这件事的人，不写进正文、不计入参加活动人次）",
			Examples: []Example{ex(`{{ prose.Role (dict "Title" "工会组长培训") }}`, "参加"), ex(`{{ prose.Role (dict "Title" "走访慰问困难职工") }}`, "受益")}, Reads: []string{"activities.title"}},
		{Name: "Activity", Args: "活动 报告", Doc: "一项活动写成一段：日期、主体（承办单位或本单位）、按种类选的动词和地点、参加人数或受益人、内容和成效",
			Examples: []Example{
				ex(`{{ prose.Activity (dict "Date" "2024-03-30" "Title" "工会组长培训" "Location" "南湖鸳鸯度假村" "Participants" 20 "Result" "收到了很好的效果") `+r+` }}`,
					"3月30日，社区工会在南湖鸳鸯度假村举办工会组长培训，参训20人。收到了很好的效果。"),
				ex(`{{ prose.Activity (dict "Date" "2024-02-05" "Title" "走访慰问困难职工" "Participants" 12 "Beneficiary" "困难职工" "Beneficiaries" 23 "BeneficiaryUnit" "户") `+r+` }}`,
					"2月5日，社区工会走访慰问困难职工，惠及困难职工23户。"),
				ex(`{{ prose.Activity (dict "Date" "2024-05-20" "Title" "劳模沙龙" "Location" "柳背桥社区工会" "Participants" 16) `+r+` }}`,
					"5月20日，社区工会举办劳模沙龙，16人参加。"),
			}, Reads: []string{"activities.date", "activities.end_date", "activities.title", "activities.location", "activities.participants", "activities.content", "activities.result", "activities.organizer", "activities.beneficiary", "activities.beneficiaries", "activities.beneficiary_unit", "period.year", "period.span", "org.type", "org.name"}},
		{Name: "Phrase", Args: "指标", Doc: "指标写成带动词的短语；名称以数字结尾时加“为”；数值为0的只按词表的 zero 句式写（未发生……），否则为空",
			Examples: []Example{
				ex(`{{ prose.Phrase (dict "Name" "技能培训" "Value" 3 "Unit" "期") }}`, "举办技能培训3期"),
				ex(`{{ prose.Phrase (dict "Name" "推荐就业" "Value" 5 "Unit" "人次") }}`, "推荐就业5人次"),
				ex(`{{ prose.Phrase (dict "Name" "职工入会率" "Value" 97.6 "Unit" "%") }}`, "职工入会率为97.6%"),
				ex(`{{ prose.Phrase (dict "Name" "服务指标1" "Value" 166 "Unit" "人次") }}`, "服务指标1为166人次"),
				ex(`{{ prose.Phrase (dict "Name" "发生工伤事故" "Value" 0 "Unit" "起") }}`, "未发生工伤事故"),
			}, Reads: []string{"indicators.name", "indicators.value", "indicators.unit", "indicators.previous"}},
		{Name: "Indicators", Args: "指标列表 报告", Doc: "一组指标写成一句：期间、主体、带动词的短语和同比；全年的报告与上年比；同一宾语不重复",
			Examples: []Example{
				ex(`{{ prose.Indicators (list (dict "Name" "征集合理化建议" "Value" 342 "Unit" "条" "Previous" 300) (dict "Name" "采纳合理化建议" "Value" 118 "Unit" "条" "Previous" 118)) (dict "Org" (dict "Type" "企业工会") "Period" "2024-year") }}`,
					"全年，企业工会征集合理化建议342条，较上年增加42条，增长14.0%；采纳118条，与上年持平。"),
			}, Reads: []string{"indicators.name", "indicators.value", "indicators.unit", "indicators.previous", "period.year", "period.span", "org.type"}},
		{Name: "Section", Args: "类别分组 报告", Doc: "一个类别的段落：.Lead 是指标句（活动多时加一句汇总），.Items 是逐项或典型事例的段落；活动多于当前篇幅允许的条数时只写汇总和典型事例（标为 typical 的优先，其次是同名归并的，再次是覆盖人数多的）",
			Examples: []Example{
				ex(`{{ with prose.Section (dict "Category" "学习培训" "Activities" (list (dict "Date" "2024-02-28" "Title" "会员集中学习" "Participants" 60) (dict "Date" "2024-03-30" "Title" "工会组长培训" "Participants" 20))) `+r+` }}{{ .Lead }}{{ range .Items }}{{ . }}{{ end }}{{ end }}`,
					"上半年，社区工会一是2月28日组织会员集中学习，60人参加；二是3月30日举办工会组长培训，参训20人。"),
			}, Reads: []string{"activities.date", "activities.end_date", "activities.title", "activities.location", "activities.participants", "activities.content", "activities.result", "activities.organizer", "activities.beneficiary", "activities.beneficiaries", "activities.beneficiary_unit", "activities.category", "activities.cost", "activities.typical", "indicators.name", "indicators.value", "indicators.unit", "indicators.previous", "period.year", "period.span", "org.type"}},
		{Name: "Figures", Args: "指标列表 报告", Doc: "同 prose.Indicators，但只写谓语部分，不带期间、主体和句号，由模板自己组句",
			Examples: []Example{ex(`上半年，社区工会{{ prose.Figures (list (dict "Name" "推荐就业" "Value" 5 "Unit" "人次" "Previous" 3) (dict "Name" "慰问困难居民" "Value" 5 "Unit" "户")) (dict "Period" "2024-H1") }}。`, "上半年，社区工会推荐就业5人次，较去年同期增加2人次；慰问困难居民5户。")}, Reads: []string{"indicators.name", "indicators.value", "indicators.unit", "indicators.previous"}},
		{Name: "Workload", Args: "报告 开头 [主体]", Doc: "全文工作量一句：活动次数、参加人次（不含受益类活动的工作人员）、受益人、经费；给出主体时用它（空字符串不写主体）；活动少于两项时为空",
			Examples: []Example{
				ex(`{{ prose.Workload (dict "Org" (dict "Type" "社区工会") "Period" "2024-H1" "Activities" (list (dict "Title" "工会组长培训" "Participants" 20 "Cost" 1600) (dict "Title" "走访慰问困难职工" "Participants" 12 "Beneficiaries" 23 "BeneficiaryUnit" "户"))) "半年来" }}`,
					"半年来，社区工会共组织开展活动2次，参加20人次，惠及23户，投入经费1600元。"),
			}, Reads: []string{"activities.title", "activities.participants", "activities.cost", "activities.organizer", "activities.beneficiary", "activities.beneficiaries", "activities.beneficiary_unit", "org.type"}},
		{Name: "Subject", Args: "报告", Doc: "本单位工会在句中的自称：社区工会、镇工会、机关工会照类型写；企业和事业单位按名称写公司工会、学校工会、医院工会……，名称里看不出时写“本单位工会”；没有类型时写“我会”",
			Examples: []Example{
				ex(`{{ prose.Subject (dict "Org" (dict "Name" "柳背桥社区工会" "Type" "社区工会")) }}`, "社区工会"),
				ex(`{{ prose.Subject (dict "Org" (dict "Name" "恒远精密机械有限公司工会" "Type" "企业工会")) }}`, "公司工会"),
				ex(`{{ prose.Subject (dict "Org" (dict "Name" "青石县第二中学教职工工会" "Type" "事业单位工会")) }}`, "学校工会"),
			}, Reads: []string{"org.type", "org.name"}},
		{Name: "Units", Args: "单位名称列表", Doc: "几个单位的合称：同类的共用后缀，多于三个时写“等N个”",
			Examples: []Example{
				ex(`{{ prose.Units (list "油房街社区工会" "白家巷社区工会" "北湖社区工会") }}`, "油房街、白家巷和北湖社区工会"),
				ex(`{{ prose.Units (list "油房街社区工会" "白家巷社区工会" "北湖社区工会" "丝绸厂社区工会" "柳背桥社区工会") }}`, "油房街、白家巷等五个社区工会"),
			}},
		{Name: "Deadline", Args: "日期 计划的期间", Doc: "计划的完成时限：本年12月写“年底前”，只到月的写“……底前”，其他年份写全",
			Examples: []Example{ex(`{{ prose.Deadline "2024-10" "2024-year" }}`, "10月底前"), ex(`{{ prose.Deadline "2024-12" "2024-H2" }}`, "年底前"), ex(`{{ prose.Deadline "2025-03" "2024-year" }}`, "2025年3月底前")}},
		{Name: "Plan", Args: "计划 计划的期间或报告", Doc: "一项计划写成一句（不带句号）：按目标的样子选连接词（力争、确保、做到），带完成时限（按计划的期间写年份）",
			Examples: []Example{
				ex(`{{ prose.Plan (dict "Item" "继续做好非公有制企业建会工作" "Target" "新建企业工会2家" "Deadline" "2024-12") (dict "Period" "2024-H2") }}`, "继续做好非公有制企业建会工作，力争年底前新建企业工会2家"),
				ex(`{{ prose.Plan (dict "Item" "下大力气做好工会经费的收缴工作" "Target" "会费收缴率达到95%以上" "Deadline" "2024-12") (dict "Period" "2024-H2") }}`, "下大力气做好工会经费的收缴工作，年底前确保会费收缴率达到95%以上"),
				ex(`{{ prose.Plan (dict "Item" "做好困难职工动态管理" "Target" "困难职工档案动态更新") (dict "Period" "2024-H2") }}`, "做好困难职工动态管理，做到困难职工档案动态更新"),
			}, Reads: []string{"plans.category", "plans.item", "plans.target", "plans.deadline"}},
		{Name: "Answer", Args: "计划 报告", Doc: "计划回应的问题（按共有的词配对）：“针对……的问题，”；没有时为空",
			Examples: []Example{
				ex(`{{ $r := dict "Problems" (list "部分会员对困难会员和居民的关爱还不够") "Plans" (list (dict "Item" "做好困难职工动态管理和节日慰问" "Category" "帮扶救助")) }}{{ prose.Answer (index $r.Plans 0) $r }}`,
					"针对部分会员对困难会员和居民的关爱还不够的问题，"),
			}, Reads: []string{"plans.category", "plans.item", "plans.target", "plans.deadline", "problems"}},
		{Name: "Goals", Args: "报告", Doc: "计划的量化目标，每类量度一条，能对上本单位指标的注明现有数（上年为……）",
			Examples: []Example{
				ex(`{{ prose.Goals (dict "Period" "2024-year" "Indicators" (list (dict "Name" "推荐就业" "Value" 5 "Unit" "人次")) "Plans" (list (dict "Category" "就业服务" "Item" "做好就业服务" "Target" "推荐就业不少于10人次"))) | join "；" }}`,
					"推荐就业不少于10人次（目前为5人次）"),
			}, Reads: []string{"plans.category", "plans.item", "plans.target", "plans.deadline", "indicators.name", "indicators.value", "indicators.unit", "indicators.previous", "membership.members", "membership.dues_paying", "membership.new_members"}},
		{Name: "Measures", Args: "报告", Doc: "计划的保障措施：组织领导（党组织、负责人）、经费（会费和重点类别）、督促检查（各项时限、向谁报告）、队伍建设（会员人数）",
			Examples: []Example{
				ex(`{{ range prose.Measures (dict "Org" (dict "Type" "社区工会" "Parent" "石新路街道总工会") "Period" "2024-H2" "Plans" (list (dict "Category" "组织建设" "Item" "建会" "Deadline" "2024-12"))) }}{{ .Title }}；{{ end }}`,
					"加强组织领导；落实经费保障；强化督促检查；加强队伍建设；"),
			}, Reads: []string{"plans.category", "plans.item", "plans.target", "plans.deadline", "org.type", "org.party", "org.parent", "org.leader.title", "org.leader.name", "membership.members", "membership.dues_collected"}},
		{Name: "Attendance", Args: "活动列表", Doc: "参加活动人次：受益类活动（慰问、发放）的参加人数不计入",
			Examples: []Example{ex(`{{ prose.Attendance (list (dict "Title" "工会组长培训" "Participants" 20) (dict "Title" "走访慰问困难职工" "Participants" 12)) }}`, "20")}, Reads: []string{"activities.title", "activities.participants"}},
	}}
}

// Kind names an activity's kind by its title.
func (p Prose) Kind(title string) string { return p.w.Lex.KindOf(title).Kind }

// Role is the role of an activity's participants.
func (p Prose) Role(a any) (string, error) {
	x, err := as[model.Activity](a)
	if err != nil {
		return "", err
	}
	return p.w.Role(x), nil
}

// Activity writes one activity as a paragraph.
func (p Prose) Activity(a, r any) (string, error) {
	x, err := as[model.Activity](a)
	if err != nil {
		return "", err
	}
	rep, err := as[model.Report](r)
	if err != nil {
		return "", err
	}
	return p.w.Activity(x, &rep), nil
}

// Phrase writes an indicator as a phrase with a verb.
func (p Prose) Phrase(ind any) (string, error) {
	x, err := as[model.Indicator](ind)
	if err != nil {
		return "", err
	}
	return p.w.Phrase(x), nil
}

// Indicators writes a list of indicators as one sentence.
func (p Prose) Indicators(inds, r any) (string, error) {
	xs, err := as[[]model.Indicator](inds)
	if err != nil {
		return "", err
	}
	rep, err := as[model.Report](r)
	if err != nil {
		return "", err
	}
	return p.w.Indicators(xs, &rep), nil
}

// Section plans a category's paragraphs.
func (p Prose) Section(g, r any) (prose.Section, error) {
	x, err := as[model.Group](g)
	if err != nil {
		return prose.Section{}, err
	}
	rep, err := as[model.Report](r)
	if err != nil {
		return prose.Section{}, err
	}
	return p.w.Section(x, &rep), nil
}

// Subject is how the union names itself in a sentence.
func (p Prose) Subject(r any) (string, error) {
	rep, err := as[model.Report](r)
	if err != nil {
		return "", err
	}
	return prose.Subject(&rep), nil
}

// Workload writes the report's sentence on all its activities.
func (p Prose) Workload(r any, since string, subject ...string) (string, error) {
	rep, err := as[model.Report](r)
	if err != nil {
		return "", err
	}
	return p.w.Workload(&rep, since, subject...), nil
}

// Figures writes indicators as the predicate of a sentence.
func (p Prose) Figures(inds, r any) (string, error) {
	xs, err := as[[]model.Indicator](inds)
	if err != nil {
		return "", err
	}
	rep, err := as[model.Report](r)
	if err != nil {
		return "", err
	}
	return p.w.Figures(xs, &rep), nil
}

// Units names several unions together.
func (p Prose) Units(names ...any) (string, error) {
	s, err := texts(names)
	if err != nil {
		return "", err
	}
	return prose.Units(s), nil
}

// Deadline writes a plan's deadline.
func (p Prose) Deadline(d, planned any) (string, error) {
	x, err := date(d, true)
	if err != nil {
		return "", err
	}
	per, err := period(planned)
	if err != nil {
		return "", err
	}
	return prose.Deadline(x, per), nil
}

// Plan writes one plan item, its deadline read in the period planned for:
// the period itself, or the report's.
func (p Prose) Plan(pl, planned any) (string, error) {
	x, err := as[model.Plan](pl)
	if err != nil {
		return "", err
	}
	per, err := period(planned)
	if err != nil {
		rep, rerr := as[model.Report](planned)
		if rerr != nil {
			return "", err
		}
		per = rep.Period
	}
	return p.w.Plan(x, per), nil
}

// Answer names the problem a plan answers.
func (p Prose) Answer(pl, r any) (string, error) {
	x, err := as[model.Plan](pl)
	if err != nil {
		return "", err
	}
	rep, err := as[model.Report](r)
	if err != nil {
		return "", err
	}
	return p.w.Answer(x, &rep), nil
}

// Goals lists the plans' quantified targets.
func (p Prose) Goals(r any) ([]string, error) {
	rep, err := as[model.Report](r)
	if err != nil {
		return nil, err
	}
	planned := rep.Period
	if p.data != nil {
		rep.Period = *p.data
	}
	return p.w.Goals(&rep, planned), nil
}

// Measures writes a plan's 保障措施.
func (p Prose) Measures(r any) ([]prose.Measure, error) {
	rep, err := as[model.Report](r)
	if err != nil {
		return nil, err
	}
	planned := rep.Period
	if p.data != nil {
		rep.Period = *p.data
	}
	return p.w.Measures(&rep, planned), nil
}

// Attendance counts the people who took part.
func (p Prose) Attendance(acts any) (int, error) {
	xs, err := as[[]model.Activity](acts)
	if err != nil {
		return 0, err
	}
	return p.w.Attendance(xs), nil
}

// as converts a template argument to a model value: the value itself, a
// pointer to it, or a dict (or list of dicts) with its field names, as
// examples and tests write them.
func as[T any](v any) (T, error) {
	var out T
	rv := reflect.ValueOf(&out).Elem()
	if err := assign(rv, v); err != nil {
		return out, err
	}
	return out, nil
}

var (
	typeDate    = reflect.TypeFor[model.Date]()
	typePeriod  = reflect.TypeFor[model.Period]()
	typeDecimal = reflect.TypeFor[decimal.Decimal]()
	typeSpan    = reflect.TypeFor[model.Span]()
)

// assign stores v in dst, converting dicts to structs field by field.
func assign(dst reflect.Value, v any) error {
	if v == nil {
		return nil
	}
	src := reflect.ValueOf(v)
	for src.Kind() == reflect.Pointer || src.Kind() == reflect.Interface {
		if src.IsNil() {
			return nil
		}
		if src.Type().AssignableTo(dst.Type()) {
			dst.Set(src)
			return nil
		}
		src = src.Elem()
	}
	if src.Type().AssignableTo(dst.Type()) {
		dst.Set(src)
		return nil
	}
	switch dst.Type() {
	case typeDate:
		d, err := date(v, true)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(d))
		return nil
	case typePeriod:
		p, err := period(v)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(p))
		return nil
	case typeDecimal:
		d, err := number(v)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(d))
		return nil
	case typeSpan:
		if s, ok := v.(string); ok {
			dst.SetString(s)
			return nil
		}
	}
	switch dst.Kind() {
	case reflect.Pointer:
		elem := reflect.New(dst.Type().Elem())
		if err := assign(elem.Elem(), v); err != nil {
			return err
		}
		dst.Set(elem)
		return nil
	case reflect.Int:
		n, err := integer(v)
		if err != nil {
			return err
		}
		dst.SetInt(int64(n))
		return nil
	case reflect.String:
		if s, ok := v.(string); ok {
			dst.SetString(s)
			return nil
		}
	case reflect.Bool:
		if b, ok := v.(bool); ok {
			dst.SetBool(b)
			return nil
		}
	case reflect.Slice:
		if src.Kind() == reflect.Slice {
			out := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
			for i := range src.Len() {
				if err := assign(out.Index(i), src.Index(i).Interface()); err != nil {
					return err
				}
			}
			dst.Set(out)
			return nil
		}
	case reflect.Struct:
		if m, ok := v.(map[string]any); ok {
			for k, val := range m {
				f := dst.FieldByName(k)
				if !f.IsValid() || !f.CanSet() {
					return fmt.Errorf("%s没有“%s”这个字段", describeModel(dst.Type()), k)
				}
				if err := assign(f, val); err != nil {
					return fmt.Errorf("%s：%w", k, err)
				}
			}
			return nil
		}
	}
	return badArg(v, describeModel(dst.Type()))
}

// describeModel names a model type in messages.
func describeModel(t reflect.Type) string {
	switch strings.TrimPrefix(t.String(), "model.") {
	case "Activity":
		return "活动"
	case "[]model.Activity":
		return "活动列表"
	case "Indicator":
		return "指标"
	case "[]model.Indicator":
		return "指标列表"
	case "Plan":
		return "计划"
	case "Report":
		return "报告（即 $）"
	case "Group":
		return "类别分组（.WorkGroups 的一项）"
	}
	return t.String()
}
