package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
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
			a.report(eng.CatalogProblems)
			w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "模板 id\t名称\t种类\t适用期间\t来源")
			for _, t := range eng.Catalog.List() {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Kind, t.SpanNames(), t.Place)
			}
			return w.Flush()
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:     "show 模板",
		Short:   "查看一个模板的说明、文件和输出格式",
		Example: "  huibao templates show 半年总结",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			t, err := eng.Catalog.Lookup(args[0])
			if err != nil {
				a.report(eng.CatalogProblems)
				return usageErr("%v", err)
			}
			fmt.Fprintf(a.stdout, "模板 id：%s\n名称：%s\n种类：%s\n说明：%s\n文档名：%s\n适用期间：%s\n输出格式：%s\n版式：%s\n来源：%s\n文件：\n",
				t.ID, t.Name, t.Kind, t.Description, t.DocName, t.SpanNames(), strings.Join(t.Formats, "、"), t.Layout, t.Place)
			for _, f := range t.Files() {
				fmt.Fprintf(a.stdout, "  %s\n", f)
			}
			an := t.Analyze()
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
	cmd.AddCommand(a.templatesCheckCmd())
	return cmd
}
