package funcs

import (
	"strings"

	"github.com/huibao/huibao/engine/model"
)

// ReferencePath is where the template author's reference is kept, relative
// to the repository root. A test regenerates it with -update and fails when
// the committed file differs from Reference().
const ReferencePath = "docs/template-functions.md"

// Reference renders the template author's reference in Chinese Markdown:
// the writing rules, one table row per function of every namespace (name,
// arguments, description, examples with their results, which a test
// executes), and the unit table. It is generated from Namespaces() and
// model.Units, so it cannot drift from the code.
func Reference() string {
	var b strings.Builder
	b.WriteString(`# 模板函数参考

<!-- 本文件由代码生成，请勿手工修改：go test ./engine/funcs -run TestReference -update -->

模板用 Go 的 text/template 书写，执行时缺少的字段报错，不会输出 ` + "`<no value>`" + `。除下表的函数外，还可以使用 sprig 的 hermetic 文本函数（不读环境变量、文件和网络），如 list、dict、default、until，见 <https://masterminds.github.io/sprig/>。

函数按命名空间调用，例如 ` + "`{{ zh.Money .Membership.DuesCollected }}`" + `。数值参数可以是整数、小数、数字字符串或数据中的数值字段；日期参数可以是数据中的日期字段，也可以写成 "2024-03-30"；期间参数可以是 .Period，也可以写成 "2024-H1"、"2024-year"、"2024-Q3"。参数不对时，模板报错并说明原因。表中每个示例都由测试执行，结果就是实际输出。

## 书写规则

- **数字**（GB/T 15835）：统计数字、金额、百分比、公历日期用阿拉伯数字，正文不加千分位（18639人）；固定词语和序数用汉字（第二季度、第三届）；句中的小数目可以用汉字（进行了一次培训、两名），用 zh.Times、zh.Measure。同一文件中同类数字写法一致。
- **层次序号**（GB/T 9704）：一、（一）1.（1），用 zh.Counter 按出现顺序生成，不要手写。
- **日期**：月、日不加0（2024年3月5日）；本年的日期可省年份（zh.DateIn）或写“今年”（zh.DateRel）；跨年的起止日期写作“去年12月22日至1月21日”（zh.Span）。成文日期用 zh.Date，庄重场合可用 zh.DateCN。
- **金额**：不足10万元时以元为单位，整数不带小数（2150元），有角分的写两位小数（4943.50元）；10万元起以万元为单位，四舍五入保留两位小数并去掉末尾的0（12.35万元、30万元）。表格用 zh.Amount（4,509.50），附件大写用 zh.Capital。计算一律用十进制，不用浮点。
- **百分比**：四舍五入到一位小数，全文一律保留一位小数（91.4%、90.0%、增长11.0%）；大于0但不足0.05%的写“不足0.1%”。同比增长率以上年数为基数；增长一倍以上写“是去年同期的N倍”（恰好一倍写“增长1倍”）；上年数不足10的计数只写增减数，不写百分比；百分比指标的变化用“个百分点”，表格也一样。全年的报告与“上年”比，其他期间与“去年同期”比（zh.Basis）。
- **金额的同比**：本期或上年数达到10万元的，增减额也写万元（27.04万元，增加1.94万元），同一句里不混用元和万元。
- **期间**：句中称“上半年”“全年”“第三季度”“今年以来”（zh.PeriodWord），不写“本期”。
- **单位**：数值必须带单位表中的单位；计数单位（人、户、次……）只能是整数，带“万”的单位除外（1.2万人次）。
- **标点**：中文里用全角标点；zh.Punct 把中文里的半角 , ; : ( ) ! ? 改为全角，数字、日期、英文和网址不动。
`)
	for _, ns := range Namespaces() {
		b.WriteString("\n## " + ns.Name + "：" + ns.Doc + "\n\n")
		if len(ns.Funcs) == 0 {
			b.WriteString("（暂无函数）\n")
			continue
		}
		b.WriteString("| 函数 | 参数 | 说明 | 示例 | 结果 |\n|:--|:--|:--|:--|:--|\n")
		for _, f := range ns.Funcs {
			var tmpls, wants []string
			for _, ex := range f.Examples {
				tmpls = append(tmpls, "`"+cell(ex.Template)+"`")
				want := cell(ex.Want)
				if want == "" {
					want = "（空）"
				}
				wants = append(wants, want)
			}
			b.WriteString("| `" + ns.Name + "." + f.Name + "` | " + cell(f.Args) + " | " + cell(f.Doc) + " | " +
				strings.Join(tmpls, "<br>") + " | " + strings.Join(wants, "<br>") + " |\n")
		}
	}
	b.WriteString("\n## 单位表\n\nzh.Count、zh.Change 等函数只接受下列单位（engine/model 的 Units）。\n\n| 类别 | 单位 |\n|:--|:--|\n")
	kinds := []struct {
		kind model.UnitKind
		name string
	}{
		{model.Count, "计数（只能是整数，带“万”的除外）"},
		{model.Money, "金额"},
		{model.Quantity, "数量（可有小数）"},
		{model.Ratio, "比率"},
	}
	for _, k := range kinds {
		var names []string
		for _, u := range model.Units() {
			if u.Kind == k.kind {
				names = append(names, u.Name)
			}
		}
		b.WriteString("| " + k.name + " | " + cell(strings.Join(names, "、")) + " |\n")
	}
	return b.String()
}

// cell escapes text for a Markdown pipe-table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", "<br>").Replace(s)
}
