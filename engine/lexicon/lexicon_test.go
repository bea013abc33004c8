package lexicon_test

import (
	"testing"

	"github.com/huibao/huibao/engine/lexicon"

	// No golden file here, but go test ./... -update passes the flag to
	// every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

func TestBuiltin(t *testing.T) {
	l := lexicon.Builtin()
	if len(l.Activities) < 15 {
		t.Fatalf("%d kinds", len(l.Activities))
	}
}

func TestKindOf(t *testing.T) {
	l := lexicon.Builtin()
	for _, tc := range []struct{ title, kind, verb string }{
		{"非公有制企业建会座谈会", "会议", "召开"},
		{"工会组长培训", "培训", "举办"},
		{"会员集中学习", "学习", "组织"},
		{"红色教育参观学习", "参观", "开展"},
		{"社区拔河比赛", "比赛", "举办"},
		{"社区义务巡逻月活动", "志愿服务", "开展"},
		{"社区服务日活动", "主题日", "举办"},
		{"劳动法律咨询日", "主题日", "举办"},
		{"职业病防治法宣传周现场咨询", "咨询", "开展"},
		{"高温季节“送清凉”", "慰问走访", "开展"},
		{"“金秋助学”助学金发放", "发放", "开展"},
		{"春节送温暖慰问困难职工", "慰问走访", "开展"},
		{"“爱心妈咪小屋”揭牌", "仪式", "举行"},
		{"“安康杯”竞赛启动会", "会议", "召开"},
		{"消防应急疏散演练", "演练", "组织"},
		{"职业病防治法宣传周现场咨询", "咨询", "开展"},
		{"春节留厂职工系列活动", "活动", "开展"},
		{"“夏之约”纳凉晚会", "文艺", "举办"},
		{"组织女职工“两癌”筛查", "体检", "组织"},
		{"劳模沙龙", "沙龙", "举办"},
	} {
		k := l.KindOf(tc.title)
		if k.Kind != tc.kind || k.Verb != tc.verb {
			t.Errorf("KindOf(%s) = %s %s, want %s %s", tc.title, k.Kind, k.Verb, tc.kind, tc.verb)
		}
		if k.Lead == "" || k.Count == "" || k.Benefit == "" || k.Measure == "" {
			t.Errorf("KindOf(%s): words missing: %+v", tc.title, k)
		}
	}
}

func TestFrameFill(t *testing.T) {
	f := lexicon.Frame("[在{地点}]{动词}{名称}")
	if got := f.Fill(lexicon.Slots{"动词": "举办", "名称": "工会组长培训"}); got != "举办工会组长培训" {
		t.Errorf("without a place: %q", got)
	}
	if got := f.Fill(lexicon.Slots{"地点": "社区会议室", "动词": "举办", "名称": "工会组长培训"}); got != "在社区会议室举办工会组长培训" {
		t.Errorf("with a place: %q", got)
	}
}

func TestParseProblems(t *testing.T) {
	data := []byte(`activities:
  - kind: 沙龙
    ends: [沙龙]
    role: 旁听
    count: "{人数}参加{地点}"
frames:
  summary: "{期间}，[共开展]{活动}"
`)
	_, _, probs := lexicon.Parse("my/_lexicon.yaml", data)
	want := `my/_lexicon.yaml:4:11: 字段 activities[1].role：不认识的角色“旁听”。可选：参加、服务、受益。
my/_lexicon.yaml:5:12: 字段 activities[1].count：句式“{人数}参加{地点}”：不认识的空位“{地点}”；这里可用的空位：{人数}。空位写成 {名称}；可略去的部分放在 [ ] 里。
my/_lexicon.yaml:7:12: 字段 frames.summary：句式“{期间}，[共开展]{活动}”：方括号里没有空位，永远不会略去。空位写成 {名称}；可略去的部分放在 [ ] 里。`
	probs.Sort()
	if got := probs.Error(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
