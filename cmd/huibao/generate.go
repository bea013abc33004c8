package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

// refused prints why Prepare refused an input: its problems, then either
// the count of errors ("X：发现 3 处错误，没有生成报告。") or the engine's
// sentence.
func (a *app) refused(input string, err error, consequence string) error {
	var e *engine.Error
	if errors.As(err, &e) && e.Msg == "" {
		a.report(e.Problems)
		fmt.Fprintf(a.stderr, "%s：发现 %d 处错误，%s。\n", diag.ShowPath(input), len(e.Problems.Errors()), consequence)
		return silent(e.Kind)
	}
	return a.fail(err, "")
}

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
				return a.fail(err, "")
			}
			eng, err := a.engine()
			if err != nil {
				return err
			}
			j, err := eng.Prepare(engine.Request{Path: args[0], Template: tmpl, Formats: fs})
			if err != nil {
				return a.refused(args[0], err, "没有生成报告")
			}
			a.report(j.Warnings)
			res, err := eng.Render(j)
			if err != nil {
				return a.fail(err, "没有生成报告")
			}
			a.report(res.Lint)
			if in, err := os.Stat(args[0]); err == nil {
				for _, o := range res.Outputs {
					if fi, err := os.Stat(filepath.Join(out, o.Name)); err == nil && os.SameFile(in, fi) {
						return usageErr("生成的 %s 就是输入文件 %s，写出报告会把它覆盖。请用 -o 另选一个输出文件夹，或把输入文件改个名字，没有生成报告", filepath.Join(out, o.Name), args[0])
					}
				}
			}
			written, err := engine.WriteAll(out, res.Outputs)
			if err != nil {
				return a.fail(err, "")
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
	cmd.Flags().StringVar(&a.layout, "layout", "", "PDF 和 Word 文档的`版式`：official（公文版式，默认由模板决定）或 compact（紧凑版式，供内部传阅）")
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
