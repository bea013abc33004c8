package funcs

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
	"github.com/shopspring/decimal"
)

// ZH is the zh namespace: every conversion of data into Chinese report text.
// Its methods adapt engine/zh to templates: they take what a template may
// hand over (an int or float literal, an int field, a decimal.Decimal, a
// *decimal.Decimal, a numeric string; a model.Date or "2024-03-30"; a
// model.Period or "2024-H1") and return an error in Chinese for anything
// else, which the template author sees.
type ZH struct{}

func zhNamespace() Namespace {
	ex := func(tmpl, want string) Example { return Example{Template: tmpl, Want: want} }
	return Namespace{Name: "zh", Doc: "中文数字、日期、金额、单位、同比与编号", Value: ZH{}, Funcs: []Func{
		// Numerals.
		{Name: "CN", Args: "整数", Doc: "整数写成汉字读法（固定词语、层次序号用）",
			Examples: []Example{ex(`{{ zh.CN 15 }}`, "十五"), ex(`{{ zh.CN 1005 }}`, "一千零五")}},
		{Name: "Digits", Args: "整数", Doc: "逐位写成汉字，用于汉字年份",
			Examples: []Example{ex(`{{ zh.Digits 2024 }}年`, "二〇二四年")}},
		{Name: "Ordinal", Args: "整数", Doc: "序数词“第……”，汉字",
			Examples: []Example{ex(`{{ zh.Ordinal 3 }}届`, "第三届")}},
		{Name: "Times", Args: "次数", Doc: "动量词“……次”：1至10写汉字（两次），更多写阿拉伯数字",
			Examples: []Example{ex(`进行了{{ zh.Times 1 }}培训`, "进行了一次培训"), ex(`{{ zh.Times 2 }}`, "两次"), ex(`{{ zh.Times 12 }}`, "12次")}},
		{Name: "Measure", Args: "数目 量词", Doc: "固定说法中的小数目：1至10写汉字（两名），更多写阿拉伯数字；统计数字请用 zh.Count",
			Examples: []Example{ex(`推荐了{{ zh.Measure 2 "名" }}劳动模范`, "推荐了两名劳动模范"), ex(`{{ zh.Measure 15 "名" }}`, "15名")}},
		{Name: "Num", Args: "数值", Doc: "阿拉伯数字原样写出，不分节、不带多余的0",
			Examples: []Example{ex(`{{ zh.Num 0.320 }}`, "0.32"), ex(`{{ zh.Num 18639 }}`, "18639")}},

		// Numbering.
		{Name: "Seq", Args: "层级 序号", Doc: "层次序号：1级“一、”，2级“（一）”，3级“1.”，4级“（1）”",
			Examples: []Example{ex(`{{ zh.Seq 1 12 }}`, "十二、"), ex(`{{ zh.Seq 2 3 }}`, "（三）"), ex(`{{ zh.Seq 3 1 }}`, "1."), ex(`{{ zh.Seq 4 2 }}`, "（2）")}},
		{Name: "Counter", Args: "（无）", Doc: "层次序号计数器：$n.Next 层级 给出下一个序号并重新开始更深的层级；$n.Current 层级 为当前序号；$n.Reset 清零",
			Examples: []Example{
				ex(`{{ $n := zh.Counter }}{{ $n.Next 1 }}主要工作{{ $n.Next 2 }}组织建设{{ $n.Next 2 }}学习培训{{ $n.Next 3 }}培训{{ $n.Next 1 }}存在的问题{{ $n.Next 2 }}参与不够`,
					"一、主要工作（一）组织建设（二）学习培训1.培训二、存在的问题（一）参与不够"),
				ex(`{{ $n := zh.Counter }}{{ range until 11 }}{{ $n.Next 1 }}{{ end }} {{ $n.Current 1 }}`,
					"一、二、三、四、五、六、七、八、九、十、十一、 11"),
			}},

		// Dates and periods.
		{Name: "Date", Args: "日期", Doc: "完整日期（成文日期也用它）；只到月的日期写到月",
			Examples: []Example{ex(`{{ zh.Date "2024-06-12" }}`, "2024年6月12日"), ex(`{{ zh.Date "2024-12" }}`, "2024年12月")}},
		{Name: "DateIn", Args: "日期 报告年份或期间", Doc: "报告当年的日期省去年份，其他年份写全",
			Examples: []Example{ex(`{{ zh.DateIn "2024-06-12" 2024 }}`, "6月12日"), ex(`{{ zh.DateIn "2023-12-22" 2024 }}`, "2023年12月22日")}},
		{Name: "DateRel", Args: "日期 报告年份或期间", Doc: "带“今年、去年、明年”的日期，其他年份写全",
			Examples: []Example{ex(`{{ zh.DateRel "2024-03-30" 2024 }}`, "今年3月30日"), ex(`{{ zh.DateRel "2023-12-22" 2024 }}`, "去年12月22日"), ex(`{{ zh.DateRel "2025-03" 2024 }}`, "明年3月")}},
		{Name: "Span", Args: "起始日期 结束日期 报告年份或期间", Doc: "起止日期“……至……”，跨年时写“去年……至……”；结束日期为空时只写起始日期",
			Examples: []Example{
				ex(`{{ zh.Span "2024-03-30" "2024-04-02" 2024 }}`, "3月30日至4月2日"),
				ex(`{{ zh.Span "2024-06-03" "2024-06-05" 2024 }}`, "6月3日至5日"),
				ex(`{{ zh.Span "2023-12-22" "2024-01-21" 2024 }}`, "去年12月22日至1月21日"),
			}},
		{Name: "DateCN", Args: "日期", Doc: "汉字日期（庄重场合的成文日期）",
			Examples: []Example{ex(`{{ zh.DateCN "2024-07-05" }}`, "二〇二四年七月五日")}},
		{Name: "Period", Args: "期间", Doc: "期间名称，用于标题；全年写“2024年”",
			Examples: []Example{ex(`{{ zh.Period "2024-H1" }}`, "2024年上半年"), ex(`{{ zh.Period "2024-H2" }}`, "2024年下半年"), ex(`{{ zh.Period "2024-year" }}`, "2024年"), ex(`{{ zh.Period "2024-Q1" }}`, "2024年第一季度")}},
		{Name: "SpanName", Args: "期间或简称", Doc: "期间简称：上半年、下半年、全年、第一季度……",
			Examples: []Example{ex(`{{ zh.SpanName "2024-year" }}共开展活动`, "全年共开展活动"), ex(`{{ zh.SpanName "H2" }}`, "下半年")}},
		{Name: "PeriodWord", Args: "期间", Doc: "句中称呼期间：上半年、全年、第三季度；按起止日期的期间从1月1日起写“今年以来”，否则写起止月日。不要写“本期”",
			Examples: []Example{ex(`{{ zh.PeriodWord "2024-H1" }}新发展会员`, "上半年新发展会员"), ex(`{{ zh.PeriodWord "2024-year" }}`, "全年")}},
		{Name: "PeriodRange", Args: "期间", Doc: "期间的起止日期",
			Examples: []Example{ex(`{{ zh.PeriodRange "2024-H1" }}`, "2024年1月1日至6月30日")}},

		// Money.
		{Name: "Money", Args: "金额（元）", Doc: "正文金额：整数不带小数，否则两位小数；10万元起写万元（保留两位、去掉末尾0）",
			Examples: []Example{ex(`{{ zh.Money 2150 }}`, "2150元"), ex(`{{ zh.Money 4509.5 }}`, "4509.50元"), ex(`{{ zh.Money 123456.78 }}`, "12.35万元"), ex(`{{ zh.Money 300000 }}`, "30万元")}},
		{Name: "Yuan", Args: "金额（元）", Doc: "一律以元为单位，精确到分",
			Examples: []Example{ex(`{{ zh.Yuan 123456.78 }}`, "123456.78元")}},
		{Name: "Wan", Args: "金额（元）", Doc: "一律以万元为单位，保留两位、去掉末尾0",
			Examples: []Example{ex(`{{ zh.Wan 15000 }}`, "1.5万元")}},
		{Name: "Amount", Args: "金额（元）", Doc: "表格中的金额：千分位、两位小数、不带单位",
			Examples: []Example{ex(`{{ zh.Amount 4509.5 }}`, "4,509.50"), ex(`{{ zh.Amount 2150 }}`, "2,150.00")}},
		{Name: "Grouped", Args: "数值", Doc: "表格中的数值：千分位，保留原有小数",
			Examples: []Example{ex(`{{ zh.Grouped 18639 }}`, "18,639")}},
		{Name: "Capital", Args: "金额（元）", Doc: "大写金额（附件、凭证用），按票据填写规定处理“零”和“整”",
			Examples: []Example{ex(`{{ zh.Capital 4509.5 }}`, "肆仟伍佰零玖元伍角整"), ex(`{{ zh.Capital 16409.02 }}`, "壹万陆仟肆佰零玖元零贰分"), ex(`人民币{{ zh.Capital 100000 }}`, "人民币壹拾万元整")}},

		// Counts.
		{Name: "Count", Args: "数值 单位", Doc: "数值加单位；单位须在单位表中，计数单位只收整数；元按 zh.Money，%保留一位小数",
			Examples: []Example{ex(`{{ zh.Count 152 "人" }}`, "152人"), ex(`{{ zh.Count 5 "人次" }}`, "5人次"), ex(`{{ zh.Count 0.32 "平方公里" }}`, "0.32平方公里"), ex(`{{ zh.Count 4509.5 "元" }}`, "4509.50元")}},
		{Name: "Total", Args: "单位 数值……", Doc: "求和并写成“共计……”（表格合计行用 zh.Count）",
			Examples: []Example{ex(`{{ zh.Total "户" 5 3 }}`, "共计8户"), ex(`{{ zh.Total "元" 2150 5930 4943.5 }}`, "共计13023.50元")}},
		{Name: "Itemize", Args: "单位 名称 数值 名称 数值……", Doc: "分项列举并写出合计",
			Examples: []Example{ex(`慰问{{ zh.Itemize "户" "困难职工" 5 "困难居民" 3 }}`, "慰问困难职工5户、困难居民3户，共计8户")}},

		// Percentages and change.
		{Name: "Percent", Args: "比值（0.914 即 91.4%）", Doc: "百分比：四舍五入到一位小数，一位小数始终写出（90.0%）；大于0而不足0.05%写“不足0.1%”",
			Examples: []Example{ex(`{{ zh.Percent 0.9145 }}`, "91.5%"), ex(`{{ zh.Percent 0.9 }}`, "90.0%")}},
		{Name: "Rate", Args: "部分 整体", Doc: "部分占整体的百分比，先精确相除再按 zh.Percent 舍入",
			Examples: []Example{ex(`缴费率{{ zh.Rate 139 152 }}`, "缴费率91.4%")}},
		{Name: "Change", Args: "本期数 上年数 单位 [期间]", Doc: "同比句：增加/减少多少、增长/下降百分之几；翻番以上写“是……的N倍”；基数不足10的计数不写百分比；元按数额大小统一用元或万元；%按百分点；给出全年的期间时比较对象写“上年”；上年数为空（nil）时不输出",
			Examples: []Example{
				ex(`{{ zh.Change 152 140 "人" }}`, "较去年同期增加12人，增长8.6%"),
				ex(`{{ zh.Change 24 27 "户" }}`, "较去年同期减少3户，下降11.1%"),
				ex(`{{ zh.Change 5 5 "人次" }}`, "与去年同期持平"),
				ex(`{{ zh.Change 5 0 "人次" }}`, "较去年同期增加5人次（去年同期为0）"),
				ex(`{{ zh.Change 3 1 "家" }}`, "较去年同期增加2家"),
				ex(`{{ zh.Change 206 20 "人" "2024-year" }}`, "较上年增加186人，是上年的10.3倍"),
				ex(`{{ zh.Change 404400 376248 "元" "2024-year" }}`, "较上年增加2.82万元，增长7.5%"),
				ex(`{{ zh.Change 91.4 88.9 "%" }}`, "较去年同期提高2.5个百分点"),
			}},
		{Name: "Delta", Args: "本期数 上年数 单位 [期间]", Doc: "不带“较去年同期”的同比，用于已写出“与去年同期相比”的句子；上年数为空时不输出",
			Examples: []Example{ex(`{{ zh.Delta 152 140 "人" }}`, "增加12人，增长8.6%"), ex(`{{ zh.Delta 5 5 "人次" }}`, "持平"), ex(`{{ zh.Delta 5 0 "人次" }}`, "增加5人次"), ex(`{{ zh.Delta 40 20 "人" }}`, "增加20人，增长1倍")}},
		{Name: "Diff", Args: "本期数 上年数 单位", Doc: "表格“增减”栏：带正负号（减号为“−”），按单位的精度；%写“个百分点”；上年数为空时不输出",
			Examples: []Example{ex(`{{ zh.Diff 152 140 "人" }}`, "+12"), ex(`{{ zh.Diff 24 27 "户" }}`, "−3"), ex(`{{ zh.Diff 97.6 96.8 "%" }}`, "+0.8个百分点")}},
		{Name: "Growth", Args: "本期数 上年数 [单位]", Doc: "表格“增长率”栏：带正负号、一位小数；上年为0写“—”；给出单位时与正文一致，%指标和基数不足10的计数也写“—”；上年数为空时不输出",
			Examples: []Example{ex(`{{ zh.Growth 152 140 }}`, "+8.6%"), ex(`{{ zh.Growth 24 27 }}`, "−11.1%"), ex(`{{ zh.Growth 5 0 }}`, "—"), ex(`{{ zh.Growth 3 1 "家" }}`, "—"), ex(`{{ zh.Growth 97.6 96.8 "%" }}`, "—")}},
		{Name: "Basis", Args: "期间", Doc: "同比的比较对象：全年写“上年”，其他期间写“去年同期”",
			Examples: []Example{ex(`与{{ zh.Basis "2024-year" }}相比`, "与上年相比"), ex(`与{{ zh.Basis "2024-H1" }}相比`, "与去年同期相比")}},

		// Lists.
		{Name: "Join", Args: "列表或若干字符串", Doc: "并列成分：“、”相隔，最后一项前用“和”；空项略去",
			Examples: []Example{ex(`{{ zh.Join "物业" "文体中心" "华润超市" }}`, "物业、文体中心和华润超市"), ex(`{{ list "物业" "文体中心" | zh.Join }}`, "物业和文体中心")}},
		{Name: "JoinWith", Args: "连词 列表或若干字符串", Doc: "同 zh.Join，最后一项前用指定的词（及、或、以及）",
			Examples: []Example{ex(`{{ list "《工会法》" "《职代会条例》" "《厂务公开条例》" | zh.JoinWith "及" }}`, "《工会法》、《职代会条例》及《厂务公开条例》")}},

		// Matching.
		{Name: "Mentions", Args: "文字 词语", Doc: "文字里是否有其中一个词（词语用 | 或 、 分隔），用于按关键词归类，不必写正则表达式",
			Examples: []Example{ex(`{{ zh.Mentions "组织女职工“两癌”筛查" "两癌|体检" }}`, "true"), ex(`{{ zh.Mentions "工会组长培训" "两癌、体检" }}`, "false")}},

		// Punctuation.
		{Name: "Punct", Args: "文字", Doc: "中文里的半角 , ; : ( ) ! ? 改为全角，去掉全角标点旁的空格；数字、日期、英文、网址不动",
			Examples: []Example{ex(`{{ zh.Punct "会员152人,缴费139人(占91.4%)" }}`, "会员152人，缴费139人（占91.4%）"), ex(`{{ zh.Punct "时间:12:30" }}`, "时间：12:30")}},
		{Name: "Clause", Args: "文字", Doc: "把填写的一句话变成可以拼接的分句：标点改全角，去掉句末的。；，等（由模板自己加标点）",
			Examples: []Example{ex(`{{ zh.Clause "收到了很好的效果。" }}，`, "收到了很好的效果，"), ex(`{{ zh.Clause " 会员参与不够; " }}。`, "会员参与不够。")}},
	}}
}

// Errors a template author sees. The template engine prefixes them with
// the position and the function: template: x:3:5: executing "x" at
// <zh.Money>: error calling Money: ….
var (
	errMissing = errors.New("缺少数值（字段为空？可先用 if 或 with 判断）")
	errNoDate  = errors.New("缺少日期（字段为空？可先用 if 或 with 判断）")
)

func badArg(v any, want string) error {
	switch reflect.ValueOf(v).Kind() {
	case reflect.Struct, reflect.Slice, reflect.Map, reflect.Pointer, reflect.Array, reflect.Invalid:
		if _, ok := v.(fmt.Stringer); !ok {
			return fmt.Errorf("参数类型 %T 不是%s", v, want)
		}
	}
	return fmt.Errorf("参数 %s（%T）不是%s", quote(v), v, want)
}

// quote shows a template argument in an error message.
func quote(v any) string {
	if s, ok := v.(string); ok {
		return "“" + s + "”"
	}
	return fmt.Sprint(v)
}

// number converts a template argument to a decimal. Floats are converted
// through their shortest decimal representation (4509.5, not
// 4509.5000000000000001), never by float arithmetic. A nil pointer is an
// error: absent figures must be tested for before they are written.
func number(v any) (decimal.Decimal, error) {
	switch x := v.(type) {
	case decimal.Decimal:
		return x, nil
	case *decimal.Decimal:
		if x == nil {
			return decimal.Decimal{}, errMissing
		}
		return *x, nil
	case int:
		return decimal.NewFromInt(int64(x)), nil
	case int64:
		return decimal.NewFromInt(x), nil
	case int32:
		return decimal.NewFromInt(int64(x)), nil
	case int16:
		return decimal.NewFromInt(int64(x)), nil
	case int8:
		return decimal.NewFromInt(int64(x)), nil
	case uint:
		return decimal.NewFromUint64(uint64(x)), nil
	case uint64:
		return decimal.NewFromUint64(x), nil
	case uint32:
		return decimal.NewFromUint64(uint64(x)), nil
	case uint16:
		return decimal.NewFromUint64(uint64(x)), nil
	case uint8:
		return decimal.NewFromUint64(uint64(x)), nil
	case float64:
		return fromFloat(x, 64, v)
	case float32:
		return fromFloat(float64(x), 32, v)
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return decimal.Decimal{}, errMissing
		}
		d, err := decimal.NewFromString(s)
		if err != nil {
			return decimal.Decimal{}, badArg(v, "数字（如 4509.50）")
		}
		return d, nil
	case nil:
		return decimal.Decimal{}, errMissing
	}
	return decimal.Decimal{}, badArg(v, "数字（整数、小数、数字字符串或 decimal 数值）")
}

func fromFloat(f float64, bits int, v any) (decimal.Decimal, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return decimal.Decimal{}, badArg(v, "有限的数字")
	}
	return decimal.NewFromString(strconv.FormatFloat(f, 'f', -1, bits))
}

// optional is number for a figure that may be absent (last year's value):
// a nil pointer or nil reports absent rather than an error.
func optional(v any) (d decimal.Decimal, absent bool, err error) {
	if p, ok := v.(*decimal.Decimal); (ok && p == nil) || v == nil {
		return decimal.Decimal{}, true, nil
	}
	d, err = number(v)
	return d, false, err
}

// integer converts a template argument to an int; it must be whole.
func integer(v any) (int, error) {
	if i, ok := v.(int); ok {
		return i, nil
	}
	d, err := number(v)
	if err != nil {
		return 0, err
	}
	if !d.IsInteger() || d.Abs().GreaterThan(decimal.NewFromInt(math.MaxInt32)) {
		return 0, badArg(v, "整数")
	}
	return int(d.IntPart()), nil
}

// date converts a template argument to a date: a model.Date, a time.Time or
// a string written 2024-03-30 or 2024-03. The zero date is an error unless
// zeroOK (an activity's optional end date).
func date(v any, zeroOK bool) (model.Date, error) {
	var d model.Date
	switch x := v.(type) {
	case model.Date:
		d = x
	case *model.Date:
		if x != nil {
			d = *x
		}
	case time.Time:
		if !x.IsZero() {
			d = model.DateOf(x)
		}
	case string:
		if strings.TrimSpace(x) != "" {
			var err error
			if d, err = model.ParseDate(strings.TrimSpace(x)); err != nil {
				return d, badArg(v, "日期（写作 2024-03-30 或 2024-03）")
			}
		}
	case nil:
	default:
		return d, badArg(v, "日期")
	}
	if d.IsZero() && !zeroOK {
		return d, errNoDate
	}
	return d, nil
}

// year finds the report's year in a template argument: a year, a period, a
// date or the report itself.
func year(v any) (int, error) {
	switch x := v.(type) {
	case model.Period:
		return x.YearOf(), nil
	case *model.Period:
		if x != nil {
			return x.YearOf(), nil
		}
	case model.Report:
		return x.Period.YearOf(), nil
	case *model.Report:
		if x != nil {
			return x.Period.YearOf(), nil
		}
	case model.Date:
		return x.Year, nil
	default:
		y, err := integer(v)
		if err != nil || y < 1900 || y > 2999 {
			return 0, badArg(v, "报告年份（如 2024）或期间（如 .Period）")
		}
		return y, nil
	}
	return 0, badArg(v, "报告年份（如 2024）或期间（如 .Period）")
}

// period converts a template argument to a period: a model.Period, the
// report, or a literal such as 2024-H1, 2024-year, 2024-Q3.
func period(v any) (model.Period, error) {
	switch x := v.(type) {
	case model.Period:
		return x, nil
	case *model.Period:
		if x != nil {
			return *x, nil
		}
	case model.Report:
		return x.Period, nil
	case *model.Report:
		if x != nil {
			return x.Period, nil
		}
	case string:
		y, span, ok := strings.Cut(strings.TrimSpace(x), "-")
		n, err := strconv.Atoi(y)
		if span := model.Span(span); ok && span.Valid() && err == nil && n >= 1900 && n <= 2999 {
			return model.Period{Year: n, Span: span}, nil
		}
	}
	return model.Period{}, badArg(v, "期间（如 .Period 或 2024-H1、2024-year、2024-Q3）")
}

// texts flattens list arguments: strings, or one list of strings. Numbers
// and dates are refused rather than printed raw: format them first.
func texts(args []any) ([]string, error) {
	if len(args) == 1 {
		switch x := args[0].(type) {
		case []string:
			return x, nil
		case []any:
			args = x
		}
	}
	out := make([]string, 0, len(args))
	for _, a := range args {
		switch x := a.(type) {
		case string:
			out = append(out, x)
		case model.Span: // .Period.Span, a text before it had a type
			out = append(out, string(x))
		default:
			return nil, badArg(a, "文字")
		}
	}
	return out, nil
}

// numbers flattens value arguments: numbers, or one list of numbers.
func numbers(args []any) ([]decimal.Decimal, error) {
	if len(args) == 1 {
		switch x := args[0].(type) {
		case []any:
			args = x
		case []decimal.Decimal:
			return x, nil
		case []int:
			args = make([]any, len(x))
			for i, n := range x {
				args[i] = n
			}
		}
	}
	out := make([]decimal.Decimal, len(args))
	for i, a := range args {
		d, err := number(a)
		if err != nil {
			return nil, err
		}
		out[i] = d
	}
	return out, nil
}

// CN writes an integer in Chinese numerals: 15 → 十五.
func (ZH) CN(n any) (string, error) {
	d, err := number(n)
	if err != nil {
		return "", err
	}
	if !d.IsInteger() || d.Abs().GreaterThan(decimal.NewFromInt(math.MaxInt64)) {
		return "", badArg(n, "整数")
	}
	return zh.Numeral(d.IntPart()), nil
}

// Digits writes an integer digit by digit: 2024 → 二〇二四.
func (ZH) Digits(n any) (string, error) {
	i, err := integer(n)
	if err != nil {
		return "", err
	}
	return zh.Digits(int64(i)), nil
}

// Ordinal writes 第 and the number in Chinese: 3 → 第三.
func (ZH) Ordinal(n any) (string, error) {
	i, err := integer(n)
	if err != nil {
		return "", err
	}
	return zh.Ordinal(int64(i)), nil
}

// Times writes a frequency: 1 → 一次, 12 → 12次.
func (ZH) Times(n any) (string, error) {
	i, err := integer(n)
	if err != nil {
		return "", err
	}
	return zh.Times(i), nil
}

// Measure writes a small count with a measure word: 2 名 → 两名.
func (ZH) Measure(n any, word string) (string, error) {
	i, err := integer(n)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(word) == "" {
		return "", errors.New("缺少量词")
	}
	return zh.Measure(i, word), nil
}

// Num writes a number in Arabic digits as given: 0.320 → 0.32.
func (ZH) Num(v any) (string, error) {
	d, err := number(v)
	if err != nil {
		return "", err
	}
	return zh.Number(d), nil
}

// Seq writes the sequence number of item n at a level: 1 12 → 十二、.
func (ZH) Seq(level, n any) (string, error) {
	l, err := integer(level)
	if err != nil {
		return "", err
	}
	i, err := integer(n)
	if err != nil {
		return "", err
	}
	return zh.Seq(l, i)
}

// Counter returns a new heading counter for a template variable.
func (ZH) Counter() *zh.Counter { return &zh.Counter{} }

// Date writes a date in full: 2024年6月12日.
func (ZH) Date(d any) (string, error) {
	x, err := date(d, false)
	if err != nil {
		return "", err
	}
	return zh.Date(x), nil
}

// DateIn writes a date without the year when it is the report's.
func (ZH) DateIn(d, ref any) (string, error) {
	x, err := date(d, false)
	if err != nil {
		return "", err
	}
	y, err := year(ref)
	if err != nil {
		return "", err
	}
	return zh.DateIn(x, y), nil
}

// DateRel writes a date with 今年, 去年 or 明年.
func (ZH) DateRel(d, ref any) (string, error) {
	x, err := date(d, false)
	if err != nil {
		return "", err
	}
	y, err := year(ref)
	if err != nil {
		return "", err
	}
	return zh.DateRel(x, y), nil
}

// Span writes the days from one date to another; an empty end date gives
// the start date alone.
func (ZH) Span(from, to, ref any) (string, error) {
	f, err := date(from, false)
	if err != nil {
		return "", err
	}
	t, err := date(to, true)
	if err != nil {
		return "", err
	}
	y, err := year(ref)
	if err != nil {
		return "", err
	}
	return zh.Span(f, t, y), nil
}

// DateCN writes a date in Chinese numerals: 二〇二四年七月五日.
func (ZH) DateCN(d any) (string, error) {
	x, err := date(d, false)
	if err != nil {
		return "", err
	}
	return zh.DateCN(x), nil
}

// Period names a period: 2024年上半年.
func (ZH) Period(p any) (string, error) {
	x, err := period(p)
	if err != nil {
		return "", err
	}
	if s := zh.PeriodName(x); s != "" {
		return s, nil
	}
	return "", badArg(p, "有效的期间")
}

// SpanName gives the bare span name: 上半年, 全年.
func (ZH) SpanName(p any) (string, error) {
	switch s := p.(type) {
	case string:
		if name := model.Span(s).Name(); name != "" {
			return name, nil
		}
	case model.Span: // .Period.Span
		if name := s.Name(); name != "" {
			return name, nil
		}
	}
	x, err := period(p)
	if err != nil {
		return "", err
	}
	if !x.Start.IsZero() || !x.Span.Valid() {
		return "", fmt.Errorf("期间 %s 不是上半年、下半年、全年或季度，没有简称；请用 zh.Period", quote(p))
	}
	return x.Span.Name(), nil
}

// PeriodRange writes the first to the last day of a period.
func (ZH) PeriodRange(p any) (string, error) {
	x, err := period(p)
	if err != nil {
		return "", err
	}
	if s := zh.PeriodRange(x); s != "" {
		return s, nil
	}
	return "", badArg(p, "有效的期间")
}

// formatted applies a format of numbers to a template argument.
func formatted(v any, f func(decimal.Decimal) string) (string, error) {
	d, err := number(v)
	if err != nil {
		return "", err
	}
	return f(d), nil
}

// Money writes an amount of 元 for prose.
func (ZH) Money(v any) (string, error) { return formatted(v, zh.Money) }

// Yuan writes an amount in 元 to the 分.
func (ZH) Yuan(v any) (string, error) { return formatted(v, zh.Yuan) }

// Wan writes an amount in 万元.
func (ZH) Wan(v any) (string, error) { return formatted(v, zh.Wan) }

// Amount writes an amount for a table: 4,509.50.
func (ZH) Amount(v any) (string, error) { return formatted(v, zh.Amount) }

// Grouped writes a number with thousands separators.
func (ZH) Grouped(v any) (string, error) { return formatted(v, zh.Grouped) }

// Capital writes 大写金额.
func (ZH) Capital(v any) (string, error) {
	d, err := number(v)
	if err != nil {
		return "", err
	}
	return zh.Capital(d)
}

// Count writes a figure with its unit: 152人.
func (ZH) Count(v any, unit string) (string, error) {
	if n, ok := v.(int); ok {
		return zh.CountInt(n, unit)
	}
	d, err := number(v)
	if err != nil {
		return "", err
	}
	return zh.Count(d, unit)
}

// Total sums figures and writes 共计…: "户" 5 3 → 共计8户.
func (ZH) Total(unit string, values ...any) (string, error) {
	ds, err := numbers(values)
	if err != nil {
		return "", err
	}
	if len(ds) == 0 {
		return "", errors.New("zh.Total 缺少要合计的数值")
	}
	return zh.Total(decimal.Sum(decimal.Zero, ds...), unit)
}

// Itemize writes named figures and their total: "户" "困难职工" 5
// "困难居民" 3 → 困难职工5户、困难居民3户，共计8户.
func (ZH) Itemize(unit string, pairs ...any) (string, error) {
	if len(pairs) == 0 || len(pairs)%2 != 0 {
		return "", errors.New("zh.Itemize 的参数应为单位，然后成对的名称和数值")
	}
	items := make([]zh.Item, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		name, ok := pairs[i].(string)
		if !ok {
			return "", badArg(pairs[i], "名称")
		}
		d, err := number(pairs[i+1])
		if err != nil {
			return "", err
		}
		items = append(items, zh.Item{Name: name, Value: d})
	}
	return within(zh.Itemize(items, unit))
}

// Percent writes a ratio as a percentage: 0.914 → 91.4%.
func (ZH) Percent(r any) (string, error) { return formatted(r, zh.Percent) }

// Rate writes part as a percentage of whole.
func (ZH) Rate(part, whole any) (string, error) {
	p, err := number(part)
	if err != nil {
		return "", err
	}
	w, err := number(whole)
	if err != nil {
		return "", err
	}
	return zh.Rate(p, w)
}

// compare converts the arguments of Change, Delta and Growth; absent is
// true when last year's figure is not known.
func compare(cur, prev any) (c, p decimal.Decimal, absent bool, err error) {
	if c, err = number(cur); err != nil {
		return
	}
	p, absent, err = optional(prev)
	return
}

// basis reads the optional period argument of Change and Delta.
func basis(periods []any) (zh.Basis, error) {
	switch len(periods) {
	case 0:
		return zh.SameSpan, nil
	case 1:
		p, err := period(periods[0])
		if err != nil {
			return 0, err
		}
		return zh.BasisOf(p), nil
	}
	return 0, errors.New("期间只能给一个")
}

// Change writes the comparison with last year: 较去年同期增加12人，增长8.6%;
// with a period of a whole year, 较上年…. An absent previous figure gives "".
func (ZH) Change(cur, prev any, unit string, period ...any) (string, error) {
	c, p, absent, err := compare(cur, prev)
	if err != nil || absent {
		return "", err
	}
	b, err := basis(period)
	if err != nil {
		return "", err
	}
	return zh.ChangeFrom(c, p, unit, b)
}

// Delta writes the change without 较去年同期.
func (ZH) Delta(cur, prev any, unit string, period ...any) (string, error) {
	c, p, absent, err := compare(cur, prev)
	if err != nil || absent {
		return "", err
	}
	b, err := basis(period)
	if err != nil {
		return "", err
	}
	return zh.DeltaFrom(c, p, unit, b)
}

// Diff writes the signed change for a table's 增减 column.
func (ZH) Diff(cur, prev any, unit string) (string, error) {
	c, p, absent, err := compare(cur, prev)
	if err != nil || absent {
		return "", err
	}
	return zh.Diff(c, p, unit)
}

// Growth writes the signed rate of change, for tables; with a unit, — where
// the prose writes no rate.
func (ZH) Growth(cur, prev any, unit ...string) (string, error) {
	c, p, absent, err := compare(cur, prev)
	if err != nil || absent {
		return "", err
	}
	switch len(unit) {
	case 0:
		return zh.Growth(c, p)
	case 1:
		return zh.GrowthOf(c, p, unit[0])
	}
	return "", errors.New("单位只能给一个")
}

// Basis names what the period's figures are compared with: 上年 or 去年同期.
func (ZH) Basis(p any) (string, error) {
	x, err := period(p)
	if err != nil {
		return "", err
	}
	return zh.BasisOf(x).String(), nil
}

// PeriodWord names the period inside a sentence: 上半年, 全年, 今年以来.
func (ZH) PeriodWord(p any) (string, error) {
	x, err := period(p)
	if err != nil {
		return "", err
	}
	if s := zh.PeriodWord(x); s != "" {
		return s, nil
	}
	return "", badArg(p, "有效的期间")
}

// Join lists items as prose does: A、B和C.
func (ZH) Join(items ...any) (string, error) {
	s, err := texts(items)
	if err != nil {
		return "", err
	}
	return within(zh.Join(s), nil)
}

// JoinWith is Join with another last word: A、B及C.
func (ZH) JoinWith(conj string, items ...any) (string, error) {
	s, err := texts(items)
	if err != nil {
		return "", err
	}
	return within(zh.JoinWith(s, conj), nil)
}

// Punct normalises the punctuation of Chinese prose.
func (ZH) Punct(s string) string { return zh.Punct(s) }

// Clause is zh.Clause.
func (ZH) Clause(s string) string { return zh.Clause(s) }

// Mentions reports whether text contains one of the words, separated by |
// or 、.
func (ZH) Mentions(text, words string) bool {
	for _, w := range strings.FieldsFunc(words, func(r rune) bool { return r == '|' || r == '、' }) {
		if w = strings.TrimSpace(w); w != "" && strings.Contains(text, w) {
			return true
		}
	}
	return false
}
