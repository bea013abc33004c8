package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
)

func (a *app) templatesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "列出、查看和检查报告模板",
		Long: `报告模板的查找顺序：--templates 给出的文件夹（按给出的顺序），
然后是环境变量 HUIBAO_TEMPLATES 里的文件夹，最后是内置模板。
同名（同 id）的模板，先找到的优先。`,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "列出全部可用模板",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			a.report(eng.CatalogProblems())
			rows := [][]string{{"模板 id", "名称", "种类", "来源", "适用期间"}}
			for _, t := range eng.Templates() {
				rows = append(rows, []string{t.ID, t.Name, string(t.Kind), t.Place, t.SpanNames()})
			}
			writeTable(a.stdout, rows)
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:     "show 模板",
		Short:   "查看一个模板的说明、文件和输出格式",
		Example: "  huibao templates show 半年总结",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, t, err := a.lookupTemplate(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "模板 id：%s\n名称：%s\n种类：%s\n说明：%s\n文档名：%s\n适用期间：%s\n输出格式：%s\n版式：%s\n来源：%s\n文件：\n",
				t.ID, t.Name, t.Kind, t.Description, t.DocName, t.SpanNames(), strings.Join(t.Formats, "、"), t.Layout, t.Place)
			for _, f := range t.Files() {
				fmt.Fprintf(a.stdout, "  %s\n", f)
			}
			if len(t.Requires) > 0 {
				var reqs []string
				for _, r := range t.Requires {
					reqs = append(reqs, strings.ReplaceAll(r, "|", " 或 "))
				}
				fmt.Fprintf(a.stdout, "必需数据：%s\n", strings.Join(reqs, "；"))
			}
			an := eng.Analyze(t)
			fmt.Fprintln(a.stdout, "用到的字段（[] 表示列表中的每一项）：")
			for _, f := range an.Fields {
				fmt.Fprintf(a.stdout, "  %s\n", f)
			}
			if len(an.Methods) > 0 {
				fmt.Fprintf(a.stdout, "用到的数据方法：%s\n", strings.Join(an.Methods, "、"))
			}
			if n := len(an.Problems); n > 0 {
				fmt.Fprintf(a.stdout, "模板里有 %d 处问题，字段可能没有列全；用 huibao templates check 查看。\n", n)
			}
			return nil
		},
	})
	cmd.AddCommand(a.templatesCheckCmd(), a.templatesCopyCmd())
	return cmd
}

func (a *app) templatesCopyCmd() *cobra.Command {
	var name string
	var shared bool
	cmd := &cobra.Command{
		Use:   "copy 模板 新文件夹",
		Short: "复制一个模板，作为新模板的起点",
		Long: `把一个模板（内置的或自定义的）复制到新文件夹，作为新模板的起点。
新文件夹的名字就是新模板的 id（只能用小写英文字母、数字和连字符），
--name 是新模板的中文名称，生成报告时用 -t 名称 选用它。
复制的是 template.yaml 和 report.md.tmpl；加 --partials 时，
还把公共子模板（开头、落款、活动段落等）复制到新模板的 partials/ 里，
改它们只影响新模板。复制后用 huibao templates check 新文件夹 检查。`,
		Example: "  huibao templates copy 半年总结 我的模板/women-summary --name 女职工工作总结",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, t, err := a.lookupTemplate(args[0])
			if err != nil {
				return err
			}
			for _, o := range eng.Templates() {
				if o.Name == name || o.ID == filepath.Base(filepath.Clean(args[1])) {
					return usageErr("已经有模板叫“%s”（%s，来源：%s）；请换一个名称或文件夹名", o.Name, o.ID, o.Place)
				}
			}
			files, err := eng.CopyTemplate(t, args[1], name, shared)
			if err != nil {
				return a.fail(err, "")
			}
			fmt.Fprintf(a.stdout, "已把模板 %s（%s）复制到 %s：\n", t.ID, t.Name, args[1])
			for _, f := range files {
				fmt.Fprintf(a.stdout, "  %s\n", filepath.Join(args[1], f))
			}
			fmt.Fprintf(a.stdout, "下一步：修改这些文件，然后运行 huibao templates check %s\n", args[1])
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "新模板的中文名称（必填），如 女职工工作总结")
	cmd.Flags().BoolVar(&shared, "partials", false, "同时复制公共子模板，以便单独修改")
	return cmd
}

// lookupTemplate finds a template by id or name for the templates
// subcommands; a miss is a usage error, shown with the catalog's problems
// (a broken template may be the one asked for).
func (a *app) lookupTemplate(key string) (*engine.Engine, *engine.Template, error) {
	eng, err := a.engine()
	if err != nil {
		return nil, nil, err
	}
	t, err := eng.LookupTemplate(key)
	if err != nil {
		return nil, nil, a.fail(err, "")
	}
	return eng, t, nil
}
