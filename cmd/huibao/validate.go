package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

func (a *app) validateCmd() *cobra.Command {
	var tmpl string
	cmd := &cobra.Command{
		Use:   "validate 输入文件...",
		Short: "检查填报数据，列出全部问题",
		Long: `检查一个或多个输入文件（.yaml、.yml、.json 或 .xlsx 填报表），
一次列出全部问题：文件、行列（或工作表!单元格）、字段、问题和改法。
有任何错误时退出码为 1。`,
		Example: "  huibao validate fixtures/liubeiqiao-2024-h1.yaml\n  huibao validate 填报表.xlsx",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			failed := 0
			for _, path := range args {
				j, err := eng.Prepare(engine.Request{Path: path, Template: tmpl, Check: engine.ForValidate})
				var probs diag.List
				msg := ""
				if err == nil {
					probs = j.Warnings
				} else {
					if engine.Kind(err) == engine.UsageError {
						return a.fail(err, "")
					}
					var e *engine.Error
					errors.As(err, &e)
					probs, msg = e.Problems, e.Msg
				}
				a.report(probs)
				switch errs, warns := len(probs.Errors()), len(probs.Warnings()); {
				case msg != "":
					failed++
					fmt.Fprintf(a.stderr, "%s：%s。\n", diag.ShowPath(path), msg)
				case errs > 0:
					failed++
					fmt.Fprintf(a.stderr, "%s：发现 %d 处错误，请修改后再生成报告。\n", diag.ShowPath(path), errs)
				case warns > 0:
					fmt.Fprintf(a.stdout, "%s：检查通过（有 %d 条提醒）。\n", diag.ShowPath(path), warns)
				default:
					fmt.Fprintf(a.stdout, "%s：检查通过，没有发现问题。\n", diag.ShowPath(path))
				}
			}
			if failed > 0 {
				return silent(engine.InputError)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&tmpl, "template", "t", "", "按哪个报告`模板`的要求检查（如 年度工作计划）；不写时用输入里的 report.template，都没有时按总结检查")
	return cmd
}
