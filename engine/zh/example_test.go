package zh_test

import (
	"fmt"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
	"github.com/shopspring/decimal"
)

func ExampleNumeral() {
	for _, n := range []int64{3, 10, 15, 110, 1005, 100010000} {
		fmt.Println(n, zh.Numeral(n))
	}
	// Output:
	// 3 三
	// 10 十
	// 15 十五
	// 110 一百一十
	// 1005 一千零五
	// 100010000 一亿零一万
}

func ExampleDigits() {
	fmt.Println(zh.Digits(2024) + "年")
	// Output: 二〇二四年
}

func ExampleOrdinal() {
	fmt.Println(zh.Ordinal(3) + "届")
	// Output: 第三届
}

func ExampleMeasure() {
	fmt.Println("推荐了" + zh.Measure(2, "名") + "省级劳动模范")
	fmt.Println("共" + zh.Measure(12, "名"))
	// Output:
	// 推荐了两名省级劳动模范
	// 共12名
}

func ExampleTimes() {
	fmt.Println("进行了" + zh.Times(1) + "工会组长培训")
	// Output: 进行了一次工会组长培训
}

func ExampleNumber() {
	fmt.Println("辖区面积" + zh.Number(decimal.RequireFromString("0.320")) + "平方公里")
	// Output: 辖区面积0.32平方公里
}

func ExampleSeq() {
	for level := 1; level <= zh.Levels; level++ {
		s, _ := zh.Seq(level, 12)
		fmt.Println(s)
	}
	// Output:
	// 十二、
	// （十二）
	// 12.
	// （12）
}

func ExampleCounter() {
	var n zh.Counter
	for _, h := range []struct {
		level int
		text  string
	}{{1, "主要工作"}, {2, "组织建设"}, {2, "学习培训"}, {3, "工会组长培训"}, {1, "存在的问题"}, {2, "参与不够"}} {
		s, _ := n.Next(h.level)
		fmt.Println(s + h.text)
	}
	// Output:
	// 一、主要工作
	// （一）组织建设
	// （二）学习培训
	// 1.工会组长培训
	// 二、存在的问题
	// （一）参与不够
}

func ExampleDate() {
	fmt.Println(zh.Date(model.Date{Year: 2024, Month: 6, Day: 12}))
	fmt.Println(zh.Date(model.Date{Year: 2024, Month: 12}))
	// Output:
	// 2024年6月12日
	// 2024年12月
}

func ExampleDateIn() {
	fmt.Println(zh.DateIn(model.Date{Year: 2024, Month: 6, Day: 12}, 2024))
	fmt.Println(zh.DateIn(model.Date{Year: 2023, Month: 12, Day: 22}, 2024))
	// Output:
	// 6月12日
	// 2023年12月22日
}

func ExampleDateRel() {
	fmt.Println(zh.DateRel(model.Date{Year: 2024, Month: 3, Day: 30}, 2024) + "，社区组织工会组长培训")
	// Output: 今年3月30日，社区组织工会组长培训
}

func ExampleSpan() {
	fmt.Println(zh.Span(model.Date{Year: 2024, Month: 3, Day: 30}, model.Date{Year: 2024, Month: 4, Day: 2}, 2024))
	fmt.Println(zh.Span(model.Date{Year: 2023, Month: 12, Day: 22}, model.Date{Year: 2024, Month: 1, Day: 21}, 2024))
	// Output:
	// 3月30日至4月2日
	// 去年12月22日至1月21日
}

func ExampleDateCN() {
	d := model.Date{Year: 2024, Month: 7, Day: 5}
	fmt.Println(zh.Date(d))
	fmt.Println(zh.DateCN(d))
	// Output:
	// 2024年7月5日
	// 二〇二四年七月五日
}

func ExamplePeriodName() {
	for _, span := range []model.Span{model.H1, model.H2, model.Year, model.Q1} {
		fmt.Println(zh.PeriodName(model.Period{Year: 2024, Span: span}))
	}
	// Output:
	// 2024年上半年
	// 2024年下半年
	// 2024年
	// 2024年第一季度
}

func ExamplePeriodRange() {
	fmt.Println(zh.PeriodRange(model.Period{Year: 2024, Span: "H1"}))
	// Output: 2024年1月1日至6月30日
}

func ExampleMoney() {
	for _, s := range []string{"2150", "4943.5", "4509.50", "123456.78", "125000", "300000"} {
		fmt.Println(zh.Money(decimal.RequireFromString(s)))
	}
	// Output:
	// 2150元
	// 4943.50元
	// 4509.50元
	// 12.35万元
	// 12.5万元
	// 30万元
}

func ExampleYuan() {
	fmt.Println(zh.Yuan(decimal.RequireFromString("123456.78")))
	// Output: 123456.78元
}

func ExampleWan() {
	fmt.Println(zh.Wan(decimal.RequireFromString("15000")))
	// Output: 1.5万元
}

func ExampleAmount() {
	fmt.Println(zh.Amount(decimal.RequireFromString("4509.5")))
	// Output: 4,509.50
}

func ExampleGrouped() {
	fmt.Println(zh.Grouped(decimal.RequireFromString("18639")))
	// Output: 18,639
}

func ExampleCapital() {
	s, _ := zh.Capital(decimal.RequireFromString("4509.50"))
	fmt.Println(s)
	s, _ = zh.Capital(decimal.RequireFromString("16409.02"))
	fmt.Println(s)
	// Output:
	// 肆仟伍佰零玖元伍角整
	// 壹万陆仟肆佰零玖元零贰分
}

func ExampleCount() {
	for _, c := range []struct{ v, unit string }{{"152", "人"}, {"5", "人次"}, {"24", "户"}, {"1.2", "万人次"}, {"4509.5", "元"}, {"1.5", "人"}} {
		s, err := zh.Count(decimal.RequireFromString(c.v), c.unit)
		fmt.Println(s, err)
	}
	// Output:
	// 152人 <nil>
	// 5人次 <nil>
	// 24户 <nil>
	// 1.2万人次 <nil>
	// 4509.50元 <nil>
	//  计数单位的数值必须是整数：1.5人
}

func ExampleCountInt() {
	s, _ := zh.CountInt(3, "家")
	fmt.Println("指导辖区非公有制企业建立工会组织" + s)
	// Output: 指导辖区非公有制企业建立工会组织3家
}

func ExampleTotal() {
	s, _ := zh.Total(decimal.NewFromInt(356), "人次")
	fmt.Println(s)
	// Output: 共计356人次
}

func ExampleItemize() {
	s, _ := zh.Itemize([]zh.Item{
		{Name: "困难职工", Value: decimal.NewFromInt(5)},
		{Name: "困难居民", Value: decimal.NewFromInt(3)},
	}, "户")
	fmt.Println("慰问" + s)
	// Output: 慰问困难职工5户、困难居民3户，共计8户
}

func ExamplePercent() {
	fmt.Println(zh.Percent(decimal.RequireFromString("0.9145")))
	fmt.Println(zh.Percent(decimal.RequireFromString("0.9")))
	// Output:
	// 91.5%
	// 90.0%
}

func ExampleRate() {
	s, _ := zh.Rate(decimal.NewFromInt(139), decimal.NewFromInt(152))
	fmt.Println("缴费率" + s)
	// Output: 缴费率91.4%
}

func ExampleChange() {
	d := decimal.RequireFromString
	for _, c := range []struct{ cur, prev, unit string }{
		{"152", "140", "人"}, {"24", "27", "户"}, {"5", "5", "人次"}, {"5", "0", "人次"}, {"3", "1", "家"},
		{"60", "20", "人"}, {"4509.5", "4100", "元"}, {"404400", "376248", "元"}, {"91.4", "88.9", "%"},
	} {
		s, _ := zh.Change(d(c.cur), d(c.prev), c.unit)
		fmt.Println(s)
	}
	// Output:
	// 较去年同期增加12人，增长8.6%
	// 较去年同期减少3户，下降11.1%
	// 与去年同期持平
	// 较去年同期增加5人次（去年同期为0）
	// 较去年同期增加2家
	// 较去年同期增加40人，是去年同期的3倍
	// 较去年同期增加409.50元，增长10.0%
	// 较去年同期增加2.82万元，增长7.5%
	// 较去年同期提高2.5个百分点
}

func ExampleDelta() {
	s, _ := zh.Delta(decimal.NewFromInt(24), decimal.NewFromInt(27), "户")
	fmt.Println(s)
	// Output: 减少3户，下降11.1%
}

func ExampleGrowth() {
	s, _ := zh.Growth(decimal.NewFromInt(24), decimal.NewFromInt(27))
	fmt.Println(s)
	s, _ = zh.Growth(decimal.NewFromInt(5), decimal.Zero)
	fmt.Println(s)
	// Output:
	// −11.1%
	// —
}

func ExampleChangeFrom() {
	s, _ := zh.ChangeFrom(decimal.NewFromInt(152), decimal.NewFromInt(140), "人", zh.LastYear)
	fmt.Println(s)
	// Output: 较上年增加12人，增长8.6%
}

// A table's 增减 and 增长率 columns say what the prose says: a share
// changes in 百分点 and has no rate; a count on a small base has none.
func ExampleDiff() {
	d := decimal.RequireFromString
	for _, c := range []struct{ cur, prev, unit string }{{"152", "140", "人"}, {"24", "27", "户"}, {"3", "1", "家"}, {"97.6", "96.8", "%"}} {
		diff, _ := zh.Diff(d(c.cur), d(c.prev), c.unit)
		growth, _ := zh.GrowthOf(d(c.cur), d(c.prev), c.unit)
		fmt.Println(diff, growth)
	}
	// Output:
	// +12 +8.6%
	// −3 −11.1%
	// +2 —
	// +0.8个百分点 —
}

func ExampleJoin() {
	fmt.Println(zh.Join([]string{"物业", "文体中心", "华润超市"}))
	fmt.Println(zh.Join([]string{"物业", "文体中心"}))
	// Output:
	// 物业、文体中心和华润超市
	// 物业和文体中心
}

func ExampleJoinWith() {
	fmt.Println(zh.JoinWith([]string{"《工会法》", "《职代会条例》", "《厂务公开条例》"}, "及"))
	// Output: 《工会法》、《职代会条例》及《厂务公开条例》
}

func ExamplePunct() {
	fmt.Println(zh.Punct("目前在册会员152人,缴费会员139人(占91.4%),共计收费4,509.50元:详见https://example.cn/a?b=1,c=2"))
	// Output: 目前在册会员152人，缴费会员139人（占91.4%），共计收费4,509.50元：详见https://example.cn/a?b=1,c=2
}

func ExampleCheckPunct() {
	for _, p := range zh.CheckPunct("会员152人,缴费139人，，收费4509.50元。") {
		fmt.Println(p.Offset, p.Message())
	}
	// Output:
	// 12 中文里用了半角标点“,”，应为“，”
	// 25 标点重复：“，，”
}

func ExampleParseTarget() {
	for _, s := range []string{"新建企业工会2家", "推荐就业不少于10人次", "会费收缴率达到95%以上", "全年不少于四次", "困难职工档案动态更新"} {
		t, ok := zh.ParseTarget(s)
		fmt.Println(ok, t.Object, t.Value, t.Unit, t.AtLeast)
	}
	// Output:
	// true 新建企业工会 2 家 false
	// true 推荐就业 10 人次 true
	// true 会费收缴率 95 % true
	// true 全年 4 次 true
	// false  0  false
}

func ExamplePeriodWord() {
	fmt.Println(zh.PeriodWord(model.Period{Year: 2024, Span: model.H1}) + "新发展会员12人")
	fmt.Println(zh.PeriodWord(model.Period{Start: model.Date{Year: 2024, Month: 1, Day: 1}, End: model.Date{Year: 2024, Month: 9, Day: 20}}))
	// Output:
	// 上半年新发展会员12人
	// 今年以来
}

func ExampleBasisOf() {
	for _, p := range []model.Period{{Year: 2024, Span: model.Year}, {Year: 2024, Span: model.H1}} {
		fmt.Println("与" + zh.BasisOf(p).String() + "相比")
	}
	// Output:
	// 与上年相比
	// 与去年同期相比
}

func ExampleTarget_Reached() {
	t, _ := zh.ParseTarget("工资集体协商覆盖率达到90%以上")
	fmt.Println(t.Reached(decimal.RequireFromString("92.5")))
	// Output: true
}
