package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
)

func (a *app) generateCmd() *cobra.Command {
	var tmpl, out, formats string
	cmd := &cobra.Command{
		Use:   "generate 输入文件",
		Short: "由填报数据生成报告",
		Long: `读取输入文件（.yaml、.yml、.json 或 .xlsx 填报表），检查无误后生成报告。
输出文件名为“单位名_期间_报告名.扩展名”，如 柳背桥社区工会_2024年上半年_工作总结.pdf。
输入有错时不生成任何文件；已有的同名文件会被整体替换。`,
		Example: "  huibao generate fixtures/liubeiqiao-2024-h1.yaml -t 半年总结\n" +
			"  huibao generate 填报表.xlsx -t half-year-summary -f md,pdf -o 报告",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				out = "output"
			}
			fs, err := engine.ParseFormats(formats)
			if err != nil {
				return usageErr("%v", err)
			}
			eng, err := a.engine()
			if err != nil {
				return err
			}
			r, probs := eng.Load(args[0])
			a.report(probs)
			if probs.Err() != nil {
				fmt.Fprintf(a.stderr, "%s：发现 %d 处错误，没有生成报告。\n", args[0], len(probs.Errors()))
				return silent
			}
			t, err := eng.Template(tmpl, r)
			if err != nil {
				a.report(eng.CatalogProblems)
				if tmpl != "" && strings.HasPrefix(err.Error(), "找不到模板") {
					return usageErr("%v", err)
				}
				return inputErr(err)
			}
			if probs := eng.Check(t, r); probs.Err() != nil {
				a.report(probs)
				fmt.Fprintf(a.stderr, "%s：发现 %d 处错误，没有生成报告。\n", args[0], len(probs.Errors()))
				return silent
			}
			outs, lint, err := eng.Render(r, t, fs)
			a.report(lint)
			if err != nil {
				a.report(asProblems(err))
				return inputErr(fmt.Errorf("模板“%s”出错，没有生成报告", t.Name))
			}
			if lint.Err() != nil {
				return inputErr(fmt.Errorf("模板“%s”的输出有 %d 处问题（见上），没有生成报告", t.Name, len(lint.Errors())))
			}
			written, err := engine.WriteAll(out, outs)
			if err != nil {
				return inputErr(err)
			}
			for _, w := range written {
				fmt.Fprintf(a.stdout, "已生成：%s\n", w)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&tmpl, "template", "t", "", "报告`模板`：id（如 half-year-summary）或中文名（如 半年总结）；不写时用输入里的 report.template")
	a.outputFlags(cmd, &out, &formats)
	return cmd
}

// outputFlags registers the options of the commands that write reports
// (generate, batch): output folder, formats, PDF layout and fonts.
func (a *app) outputFlags(cmd *cobra.Command, out, formats *string) {
	cmd.Flags().StringVarP(out, "output", "o", "", "输出`文件夹`（默认 output）")
	cmd.Flags().StringVarP(formats, "formats", "f", "", "输出`格式`，用逗号分隔："+formatList()+"；不写时输出模板声明的全部格式")
	cmd.Flags().StringVar(&a.layout, "layout", "", "PDF `版式`：official（公文版式，默认由模板决定）或 compact（紧凑版式，供内部传阅）")
	cmd.Flags().StringVar(&a.fonts.Title, "font-title", "", "标题`字体文件`（.ttf，或 .ttc#序号）；不写时在系统中查找")
	cmd.Flags().StringVar(&a.fonts.Heading, "font-heading", "", "一级标题（黑体类）`字体文件`")
	cmd.Flags().StringVar(&a.fonts.Kaiti, "font-kaiti", "", "二级标题（楷体类）`字体文件`")
	cmd.Flags().StringVar(&a.fonts.Body, "font-body", "", "正文（仿宋、宋体类）`字体文件`")
}

func formatList() string {
	var parts []string
	for _, f := range engine.Formats() {
		parts = append(parts, f.Name+" "+f.Desc)
	}
	return strings.Join(parts, "、")
}
