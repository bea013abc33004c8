// Package unitgen makes batch folders of realistic, varied units for the
// scale benchmark and the batch tests: communities, enterprises and organs
// (机关) of very different sizes, with and without last year's figures,
// activities across every category, their own indicators, problems and
// plans, written as YAML, JSON and the XLSX 填报表 — not N copies of five.
//
// The same (n, seed) always gives the same files. Every unit passes
// validate for the half-year-summary template.
//
//	go run ./internal/cmd/unitgen -n 1000 -o /tmp/units
package unitgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/model"
)

// Street is the union the generated batch is rolled up for (batch.yaml).
const Street = "滨江街道总工会"

// Options choose what Write makes.
type Options struct {
	N    int    // units
	Seed uint64 // the same seed gives the same files
	// XLSX is the share of units written as 填报表 workbooks (0.03 when
	// zero; negative for none): slow to read, as in life.
	XLSX float64
	// JSON is the share of units written as JSON (0.15 when zero; negative for none).
	JSON float64
}

// Write makes opts.N unit files and a batch.yaml in dir, which it creates.
// It returns the paths of the unit files.
func Write(dir string, opts Options) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	share := func(v, def float64) float64 {
		if v == 0 {
			return def
		}
		return max(v, 0)
	}
	xlsx, js := share(opts.XLSX, 0.03), share(opts.JSON, 0.15)
	manifest := "# 生成的批量样例（internal/unitgen）：汇总报告以滨江街道总工会的名义写。\n" +
		"org:\n  name: " + Street + "\n  type: 街道总工会\n  parent: 顺庆区总工会\n  party: 滨江街道党工委\n" +
		"  leader: {title: 街道总工会主席, name: 李建华}\nreport:\n  date: 2024-07-12\n"
	if err := os.WriteFile(filepath.Join(dir, "batch.yaml"), []byte(manifest), 0o644); err != nil {
		return nil, err
	}
	var paths []string
	for i, r := range Units(opts.N, opts.Seed) {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(i)+1<<32))
		kind, ext := rng.Float64(), ".yaml"
		var data []byte
		var err error
		switch {
		case kind < xlsx:
			ext = ".xlsx"
			data, err = form.WriteForm(r)
		case kind < xlsx+js:
			ext = ".json"
			data, err = JSON(r)
		default:
			data = YAML(r)
		}
		if err != nil {
			return nil, fmt.Errorf("unit %d: %w", i, err)
		}
		p := filepath.Join(dir, fmt.Sprintf("unit-%05d%s", i, ext))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Units makes n reports of 2024 H1, all different.
func Units(n int, seed uint64) []*model.Report {
	names := uniqueNames(n, seed)
	out := make([]*model.Report, n)
	for i := range out {
		g := &gen{rng: rand.New(rand.NewPCG(seed, uint64(i)))}
		out[i] = g.unit(names[i])
	}
	return out
}

type gen struct{ rng *rand.Rand }

func (g *gen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }
func (g *gen) chance(p float64) bool   { return g.rng.Float64() < p }
func (g *gen) between(lo, hi int) int  { return lo + g.rng.IntN(hi-lo+1) }

// logNormal gives a size around median with a long tail, clamped.
func (g *gen) logNormal(median float64, sigma float64, lo, hi int) int {
	v := int(math.Round(median * math.Exp(sigma*g.rng.NormFloat64())))
	return min(max(v, lo), hi)
}

// kind of unit, by share: most are communities.
type orgKind struct {
	share      float64
	typ        string
	suffix     string // of the name
	party      string // of the party organisation, after the name's stem
	median     float64
	lo, hi     int
	duesPerMem float64 // 元 per member and half-year
	places     []string
}

var orgKinds = []orgKind{
	{0.62, "社区工会", "社区工会", "社区党委", 150, 25, 900, 30,
		[]string{"社区会议室", "社区文化活动室", "社区党群服务中心", "社区广场", "辖区各小区", "社区服务中心"}},
	{0.26, "企业工会", "有限公司工会", "有限公司党支部", 220, 15, 4000, 60,
		[]string{"公司会议室", "职工之家", "生产车间", "公司培训中心", "职工食堂", "厂区广场"}},
	{0.08, "机关工会", "机关工会", "机关党委", 80, 12, 400, 90,
		[]string{"机关会议室", "机关职工之家", "机关活动中心", "单位会议室"}},
	{0.04, "楼宇工会", "商务楼宇工会", "楼宇党支部", 120, 20, 800, 45,
		[]string{"楼宇党群服务站", "楼宇会议室", "楼宇大厅", "楼宇职工驿站"}},
}

var nameStems = []string{
	"柳", "桥", "北", "湖", "南", "山", "清", "水", "丝", "绸", "油", "房", "白", "家", "巷", "东", "西", "河",
	"新", "华", "建", "设", "和", "平", "兴", "隆", "长", "春", "安", "康", "金", "星", "明", "光", "红", "旗",
	"文", "化", "富", "民", "翠", "竹", "松", "林", "桂", "花", "青", "石", "龙", "凤", "鹤", "云", "阳", "泉",
	"永", "乐", "顺", "庆", "嘉", "陵", "滨", "江", "锦", "绣", "天", "成", "玉", "溪", "梅", "园", "荷", "塘",
}

var enterpriseTrades = []string{"机械", "纺织", "食品", "建材", "物流", "电子", "化工", "印务", "医药", "家具", "汽配", "环保"}
var organs = []string{"区教育局", "区卫生健康局", "区住房和城乡建设局", "区市场监督管理局", "区人力资源和社会保障局",
	"区交通运输局", "区民政局", "区司法局", "区文化广电旅游局", "区税务局", "区自然资源局", "区水务局"}

// uniqueNames gives n distinct union names: a two-character stem from the
// table (5,184 of them) and, past that, a numbered 分会-like second stem.
func uniqueNames(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 0))
	stems := len(nameStems) * len(nameStems)
	perm := rng.Perm(stems)
	out := make([]string, n)
	for i := range out {
		k := perm[i%stems]
		stem := nameStems[k/len(nameStems)] + nameStems[k%len(nameStems)]
		if i >= stems {
			stem += nameStems[(i/stems)%len(nameStems)] + "苑"
		}
		out[i] = stem
	}
	return out
}

func (g *gen) kind() orgKind {
	v := g.rng.Float64()
	for _, k := range orgKinds {
		if v < k.share {
			return k
		}
		v -= k.share
	}
	return orgKinds[0]
}

var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"}
var given = []string{"秀英", "建国", "丽", "红梅", "志强", "永红", "小平", "海燕", "国华", "晓东", "玉兰", "文斌", "春燕", "德明", "静"}

func (g *gen) unit(stem string) *model.Report {
	k := g.kind()
	name := stem + k.suffix
	party := stem + k.party
	switch k.typ {
	case "企业工会":
		trade := g.pick(enterpriseTrades)
		name = stem + trade + k.suffix
		party = stem + trade + k.party
	case "机关工会":
		name = g.pick(organs) + stem + "分局" + k.suffix
		party = strings.TrimSuffix(name, k.suffix) + k.party
	}
	r := &model.Report{
		Version: 1,
		Org:     model.Org{Name: name, Type: k.typ, Parent: Street},
		Period:  model.Period{Year: 2024, Span: model.H1},
		Report:  model.ReportInfo{Template: "half-year-summary", Date: model.Date{Year: 2024, Month: 7, Day: g.between(1, 10)}},
	}
	if g.chance(0.8) {
		r.Org.Party = party
	}
	if g.chance(0.85) {
		r.Org.Leader = model.Person{Title: "工会主席", Name: g.pick(surnames) + g.pick(given)}
	}
	members := g.logNormal(k.median, 0.7, k.lo, k.hi)
	paying := members - g.rng.IntN(max(members/8, 1)+1)
	dues := decimal.NewFromFloat(float64(paying) * k.duesPerMem * (0.9 + 0.2*g.rng.Float64())).Round(2)
	r.Membership = model.Membership{Members: members, DuesPaying: paying, DuesCollected: dues}
	if g.chance(0.7) {
		r.Membership.NewMembers = g.between(0, max(members/10, 1))
	}
	withPrevious := g.chance(0.6)
	if withPrevious {
		pm := max(members-g.between(-members/10, members/8), 1)
		pp := min(pm, max(paying-g.between(-paying/10, paying/8), 0))
		r.Membership.Previous = &model.MembershipBase{Members: pm, DuesPaying: pp,
			DuesCollected: decimal.NewFromFloat(float64(pp) * k.duesPerMem * (0.85 + 0.2*g.rng.Float64())).Round(0)}
	}
	if k.typ == "社区工会" && g.chance(0.3) {
		r.Org.Overview = []model.Measure{
			{Name: "辖区面积", Value: decimal.NewFromFloat(0.1 + 2*g.rng.Float64()).Round(2), Unit: "平方公里"},
			{Name: "居民", Value: decimal.NewFromInt(int64(g.between(3000, 30000))), Unit: "人"},
		}
	}
	// Bigger unions do more; a few do very little.
	acts := g.logNormal(4+math.Sqrt(float64(members))/2, 0.5, 1, 60)
	if g.chance(0.05) {
		acts = g.between(1, 2)
	}
	r.Activities = g.activities(acts, members, k)
	r.Indicators = g.indicators(g.between(1, 10), members, withPrevious)
	for range g.between(0, 4) {
		p := g.pick(problemPool)
		if !containsStr(r.Problems, p) {
			r.Problems = append(r.Problems, p)
		}
	}
	for range g.between(0, 6) {
		p := g.plan()
		dup := false
		for _, q := range r.Plans {
			dup = dup || q.Item == p.Item
		}
		if !dup {
			r.Plans = append(r.Plans, p)
		}
	}
	return r
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// activity patterns by category: title, content and result with a
// placeholder N for a number, and a participants range.
type pattern struct {
	category        string
	title           string
	content, result string
	lo, hi          int  // participants
	cost            bool // usually costs money
}

// seasons are the months an activity belongs to; others happen in any month.
var seasons = map[string][2]int{
	"春节送温暖走访慰问": {1, 2}, "迎新春职工趣味运动会": {1, 2}, "庆三八女职工健康讲座": {3, 3},
	"学习贯彻全国两会精神宣讲会": {3, 4}, "春风行动就业援助专场": {2, 4}, "庆五一职工文艺汇演": {4, 5},
	"夏送清凉慰问一线职工": {6, 6},
}

var patterns = []pattern{
	{"组织建设", "非公有制企业建会座谈会", "召集辖区N家非公有制企业负责人宣讲工会法和建会流程", "推动企业建立工会组织", 8, 30, false},
	{"组织建设", "工会委员会换届选举", "按照工会章程召开会员大会，选举产生新一届工会委员会", "工会组织建设进一步规范", 20, 200, false},
	{"组织建设", "新会员入会仪式", "为N名新会员发放会员证并开展入会教育", "增强了会员的归属感", 10, 60, true},
	{"学习培训", "工会干部业务培训", "邀请上级工会讲师讲解工会财务管理和会员管理实务", "工会干部履职能力得到提升", 10, 60, true},
	{"学习培训", "职工技能提升培训班", "围绕岗位技能开展理论授课和实操训练，共培训N课时", "职工技能水平明显提高", 15, 120, true},
	{"学习培训", "学习贯彻全国两会精神宣讲会", "组织会员集中学习政府工作报告和全国两会精神", "会员思想认识进一步统一", 20, 150, false},
	{"维权服务", "劳动法律咨询日活动", "联合律师事务所为职工解答劳动合同、工资支付等法律问题N个", "职工依法维权意识增强", 15, 100, false},
	{"维权服务", "集体协商要约行动", "指导辖区企业开展工资集体协商，签订集体合同N份", "职工合法权益得到保障", 6, 40, false},
	{"帮扶救助", "春节送温暖走访慰问", "走访慰问困难职工和困难会员N户，送去慰问金和米油等慰问品", "困难职工感受到了工会组织的温暖", 4, 20, true},
	{"帮扶救助", "金秋助学摸底登记", "对困难职工子女入学情况进行摸底登记，建立助学台账N份", "为后续助学帮扶打下基础", 3, 12, false},
	{"帮扶救助", "夏送清凉慰问一线职工", "为高温下坚守岗位的一线职工送去防暑降温用品N份", "一线职工感受到了关怀", 5, 30, true},
	{"就业服务", "春风行动就业援助专场", "联合人社部门组织N家企业提供就业岗位", "为求职人员搭建了就业平台", 40, 300, true},
	{"就业服务", "灵活就业人员入会服务", "为快递员、外卖配送员等新就业形态劳动者提供入会和政策咨询服务", "新就业形态劳动者入会意愿增强", 10, 80, false},
	{"文体活动", "迎新春职工趣味运动会", "组织拔河、跳绳、托球跑等N个项目的比赛", "丰富了职工的业余文化生活", 30, 300, true},
	{"文体活动", "庆五一职工文艺汇演", "职工自编自演歌舞、朗诵、小品等节目N个", "营造了团结和谐的良好氛围", 50, 400, true},
	{"文体活动", "全民健身登山活动", "组织会员开展健身登山，全程约N公里", "增强了会员体质和凝聚力", 20, 150, true},
	{"劳动竞赛", "岗位技能比武", "围绕主要工种开展技能比武，设N个比赛项目", "在职工中形成比学赶超的良好氛围", 20, 200, true},
	{"劳动竞赛", "安全生产知识竞赛", "组织N支代表队参加安全生产知识竞赛", "职工安全意识进一步提高", 20, 120, true},
	{"女职工工作", "庆三八女职工健康讲座", "邀请医院专家讲解女性常见病防治和保健知识", "女职工自我保健意识增强", 20, 150, true},
	{"女职工工作", "女职工权益保护专项检查", "对辖区N家企业女职工特殊劳动保护落实情况开展检查", "女职工特殊权益得到保障", 4, 20, false},
	{"共建共治", "社区志愿服务日活动", "组织会员志愿者开展义务理发、家电维修等便民服务N项", "为群众办实事受到欢迎", 15, 120, true},
	{"共建共治", "文明城市创建环境整治", "组织会员清理卫生死角N处，劝导不文明行为", "辖区环境面貌明显改善", 15, 150, false},
	{"安全生产", "安全隐患排查整治", "会同有关单位对重点场所开展安全隐患排查，整改隐患N处", "消除了一批安全隐患", 6, 40, false},
	{"安全生产", "消防应急疏散演练", "组织职工开展消防应急疏散和灭火器使用演练", "职工应急处置能力得到提升", 30, 400, true},
	{"自身建设", "职工之家建设", "添置图书和健身器材N件，完善职工之家功能", "职工之家成为职工的温馨家园", 5, 30, true},
	{"自身建设", "工会经费审查", "经费审查委员会对上年度工会经费收支情况进行审查", "工会经费管理更加规范", 3, 10, false},
}

func (g *gen) activities(n, members int, k orgKind) []model.Activity {
	out := make([]model.Activity, 0, n)
	used := map[string]int{}
	for range n {
		p := patterns[g.rng.IntN(len(patterns))]
		title := p.title
		if used[title]++; used[title] > 1 {
			title = fmt.Sprintf("第%s期%s", []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[min(used[title], 10)], title)
		}
		month := g.between(1, 6)
		if m, ok := seasons[p.title]; ok {
			month = g.between(m[0], m[1])
		}
		day := g.between(1, model.DaysIn(2024, month))
		parts := min(g.between(p.lo, p.hi), max(members, p.lo))
		a := model.Activity{
			Date: model.Date{Year: 2024, Month: month, Day: day}, Title: title, Category: p.category,
			Location: g.pick(k.places), Participants: parts,
			Content: strings.ReplaceAll(p.content, "N", strconv.Itoa(g.between(2, 40))),
			Result:  p.result,
		}
		if g.chance(0.1) && day < 20 {
			a.EndDate = model.Date{Year: 2024, Month: month, Day: day + g.between(1, 8)}
		}
		if p.cost && g.chance(0.7) {
			a.Cost = decimal.NewFromInt(int64(g.between(2, 200) * 50))
		}
		out = append(out, a)
	}
	return out
}

type indicatorPattern struct {
	name, unit, category string
	perHundred           float64 // typical value per 100 members
}

var indicatorPool = []indicatorPattern{
	{"推荐就业", "人次", "就业服务", 3},
	{"慰问困难职工", "户", "帮扶救助", 4},
	{"看望住院会员", "人", "帮扶救助", 3},
	{"困难职工建档", "人", "帮扶救助", 10},
	{"发放慰问金", "元", "帮扶救助", 1500},
	{"开展劳动法律咨询", "次", "维权服务", 2},
	{"调解劳动争议", "件", "维权服务", 1},
	{"签订集体合同", "份", "维权服务", 1},
	{"指导建立非公企业工会", "家", "组织建设", 1},
	{"发展新会员", "人", "组织建设", 6},
	{"参加志愿者服务", "人次", "共建共治", 20},
	{"排查整改安全隐患", "处", "安全生产", 5},
	{"举办技能培训", "期", "学习培训", 1},
	{"培训职工", "人次", "学习培训", 30},
	{"征集合理化建议", "条", "劳动竞赛", 8},
	{"女职工专项体检", "人", "女职工工作", 15},
	{"职工书屋新增图书", "册", "自身建设", 40},
	{"会费收缴率", "%", "组织建设", 0},
}

func (g *gen) indicators(n, members int, withPrevious bool) []model.Indicator {
	perm := g.rng.Perm(len(indicatorPool))
	out := make([]model.Indicator, 0, n)
	for _, i := range perm[:min(n, len(indicatorPool))] {
		p := indicatorPool[i]
		var v decimal.Decimal
		if p.unit == "%" {
			v = decimal.NewFromFloat(80 + 20*g.rng.Float64()).Round(1)
		} else {
			base := max(p.perHundred*float64(members)/100*(0.5+g.rng.Float64()), 1)
			v = decimal.NewFromInt(int64(math.Round(base)))
		}
		ind := model.Indicator{Name: p.name, Value: v, Unit: p.unit, Category: p.category}
		if withPrevious && g.chance(0.6) {
			f := decimal.NewFromFloat(0.7 + 0.6*g.rng.Float64())
			prev := v.Mul(f).Round(0)
			if p.unit == "%" {
				prev = v.Sub(decimal.NewFromFloat(5 * g.rng.Float64())).Round(1)
			}
			ind.Previous = &prev
		}
		out = append(out, ind)
	}
	return out
}

var problemPool = []string{
	"部分会员对工会工作了解不多，参与活动的积极性还不够高",
	"工会经费来源单一，开展活动的经费不足",
	"工会干部多为兼职，精力投入有限，业务能力有待提高",
	"新就业形态劳动者流动性大，入会和服务覆盖还不够",
	"职工之家活动阵地面积较小，设施比较陈旧",
	"维权服务手段比较单一，主动发现问题的能力不足",
	"活动形式比较传统，对青年职工的吸引力不强",
	"部分非公有制企业建会意愿不强，建会工作推进较慢",
}

var planPool = []model.Plan{
	{Category: "组织建设", Item: "继续做好非公有制企业建会工作", Target: "新建企业工会2家"},
	{Category: "组织建设", Item: "推进新就业形态劳动者入会"},
	{Category: "学习培训", Item: "举办工会干部业务培训班", Target: "培训不少于30人次"},
	{Category: "维权服务", Item: "深化工资集体协商"},
	{Category: "帮扶救助", Item: "做好困难职工动态管理和节日慰问"},
	{Category: "帮扶救助", Item: "开展金秋助学活动"},
	{Category: "就业服务", Item: "举办就业援助专场招聘会", Target: "提供岗位不少于100个"},
	{Category: "文体活动", Item: "组织职工参加街道职工运动会", Target: "参赛不少于30人"},
	{Category: "劳动竞赛", Item: "开展岗位练兵和技能比武"},
	{Category: "女职工工作", Item: "开展女职工健康体检"},
	{Category: "共建共治", Item: "常态化开展志愿服务活动"},
	{Category: "安全生产", Item: "开展安全生产月活动"},
	{Category: "自身建设", Item: "加强职工之家建设"},
}

func (g *gen) plan() model.Plan {
	p := planPool[g.rng.IntN(len(planPool))]
	if g.chance(0.6) {
		p.Deadline = model.Date{Year: 2024, Month: g.between(8, 12)}
	}
	return p
}

// YAML writes r the way the fixtures are written by hand.
func YAML(r *model.Report) []byte {
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# %s %d年上半年（internal/unitgen 生成）\nversion: 1\norg:\n  name: %s\n  type: %s\n  parent: %s\n", r.Org.Name, r.Period.Year, r.Org.Name, r.Org.Type, r.Org.Parent)
	if r.Org.Party != "" {
		w("  party: %s\n", r.Org.Party)
	}
	if r.Org.Leader.Name != "" {
		w("  leader: {title: %s, name: %s}\n", r.Org.Leader.Title, r.Org.Leader.Name)
	}
	if len(r.Org.Overview) > 0 {
		w("  overview:\n")
		for _, m := range r.Org.Overview {
			w("    - {name: %s, value: %s, unit: %s}\n", m.Name, m.Value, m.Unit)
		}
	}
	w("period: {year: %d, span: %s}\nreport:\n  template: %s\n  date: %s\n", r.Period.Year, r.Period.Span, r.Report.Template, r.Report.Date)
	m := r.Membership
	w("membership:\n  members: %d\n  dues_paying: %d\n  dues_collected: %s\n", m.Members, m.DuesPaying, m.DuesCollected.StringFixed(2))
	if m.NewMembers > 0 {
		w("  new_members: %d\n", m.NewMembers)
	}
	if p := m.Previous; p != nil {
		w("  previous: {members: %d, dues_paying: %d, dues_collected: %s}\n", p.Members, p.DuesPaying, p.DuesCollected)
	}
	if len(r.Indicators) > 0 {
		w("indicators:\n")
		for _, ind := range r.Indicators {
			w("  - {name: %s, value: %s, unit: %q", ind.Name, ind.Value, ind.Unit)
			if ind.Previous != nil {
				w(", previous: %s", ind.Previous)
			}
			w(", category: %s}\n", ind.Category)
		}
	}
	w("activities:\n")
	for _, a := range r.Activities {
		w("  - date: %s\n", a.Date)
		if !a.EndDate.IsZero() {
			w("    end_date: %s\n", a.EndDate)
		}
		w("    title: %s\n    category: %s\n    location: %s\n    participants: %d\n    content: %s\n    result: %s\n",
			a.Title, a.Category, a.Location, a.Participants, a.Content, a.Result)
		if !a.Cost.IsZero() {
			w("    cost: %s\n", a.Cost)
		}
	}
	if len(r.Problems) > 0 {
		w("problems:\n")
		for _, p := range r.Problems {
			w("  - %s\n", p)
		}
	}
	if len(r.Plans) > 0 {
		w("plans:\n")
		for _, p := range r.Plans {
			w("  - {category: %s, item: %s", p.Category, p.Item)
			if p.Target != "" {
				w(", target: %s", p.Target)
			}
			if !p.Deadline.IsZero() {
				w(", deadline: %s", p.Deadline)
			}
			w("}\n")
		}
	}
	return b.Bytes()
}

// JSON writes r as an input JSON file, numbers as numbers.
func JSON(r *model.Report) ([]byte, error) {
	num := func(d decimal.Decimal) json.Number { return json.Number(d.String()) }
	type obj = map[string]any
	org := obj{"name": r.Org.Name, "type": r.Org.Type, "parent": r.Org.Parent}
	if r.Org.Party != "" {
		org["party"] = r.Org.Party
	}
	if r.Org.Leader.Name != "" {
		org["leader"] = obj{"title": r.Org.Leader.Title, "name": r.Org.Leader.Name}
	}
	if len(r.Org.Overview) > 0 {
		var ov []obj
		for _, m := range r.Org.Overview {
			ov = append(ov, obj{"name": m.Name, "value": num(m.Value), "unit": m.Unit})
		}
		org["overview"] = ov
	}
	m := r.Membership
	mem := obj{"members": m.Members, "dues_paying": m.DuesPaying, "dues_collected": json.Number(m.DuesCollected.StringFixed(2))}
	if m.NewMembers > 0 {
		mem["new_members"] = m.NewMembers
	}
	if p := m.Previous; p != nil {
		mem["previous"] = obj{"members": p.Members, "dues_paying": p.DuesPaying, "dues_collected": num(p.DuesCollected)}
	}
	doc := obj{
		"version": 1, "org": org,
		"period":     obj{"year": r.Period.Year, "span": string(r.Period.Span)},
		"report":     obj{"template": r.Report.Template, "date": r.Report.Date.String()},
		"membership": mem,
	}
	var inds, acts, plans []obj
	for _, ind := range r.Indicators {
		o := obj{"name": ind.Name, "value": num(ind.Value), "unit": ind.Unit, "category": ind.Category}
		if ind.Previous != nil {
			o["previous"] = num(*ind.Previous)
		}
		inds = append(inds, o)
	}
	for _, a := range r.Activities {
		o := obj{"date": a.Date.String(), "title": a.Title, "category": a.Category, "location": a.Location,
			"participants": a.Participants, "content": a.Content, "result": a.Result}
		if !a.EndDate.IsZero() {
			o["end_date"] = a.EndDate.String()
		}
		if !a.Cost.IsZero() {
			o["cost"] = num(a.Cost)
		}
		acts = append(acts, o)
	}
	for _, p := range r.Plans {
		o := obj{"category": p.Category, "item": p.Item}
		if p.Target != "" {
			o["target"] = p.Target
		}
		if !p.Deadline.IsZero() {
			o["deadline"] = p.Deadline.String()
		}
		plans = append(plans, o)
	}
	if inds != nil {
		doc["indicators"] = inds
	}
	doc["activities"] = acts
	if r.Problems != nil {
		doc["problems"] = r.Problems
	}
	if plans != nil {
		doc["plans"] = plans
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(doc)
	return b.Bytes(), err
}
