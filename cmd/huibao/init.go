package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

func (a *app) initCmd() *cobra.Command {
	var force, units bool
	cmd := &cobra.Command{
		Use:   "init 文件.yaml|文件.xlsx|文件.docx",
		Short: "生成一份待填写的填报表（Excel）、带说明的 YAML 样例或 pandoc 参考文档",
		Long: `生成一份空白的填报文件或参考文档：
  .xlsx  Excel/WPS 填报表，有填表说明、下拉选项和示例行；
  .yaml  带中文注释的样例，同目录下另写一份 JSON Schema，VS Code 等编辑器据此提示和检查；
  .docx  pandoc 参考文档，含 huibao 的 Word 文件所用的公文样式（标题、一级标题、正文、落款、称谓、表格）、
         页面设置和页码，用 pandoc 报告.md --reference-doc 参考.docx -o 报告.docx 得到同样的版式。
加 --units 生成多单位填报表：一个工作簿装多个单位（如一个街道的各社区工会），一行一个单位，
用 huibao batch 文件.xlsx 为每个单位生成报告和汇总表。
已有同名文件时不覆盖，除非加 --force。`,
		Example: "  huibao init 柳背桥社区2024上半年.xlsx\n  huibao init 柳背桥社区2024上半年.yaml\n  huibao init 公文参考.docx\n  huibao init 石新路街道各社区.xlsx --units",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			blank := engine.Blank
			if units {
				blank = engine.BlankUnits
			}
			outs, err := blank(path)
			if err != nil {
				return a.fail(err, "")
			}
			if _, err := os.Stat(path); err == nil && !force {
				return &exitError{kind: engine.OutputError, msg: fmt.Sprintf("%s 已经存在，没有覆盖。要覆盖请加 --force", path)}
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &exitError{kind: engine.OutputError, msg: diag.OSError(err)}
			}
			dir := filepath.Dir(path)
			// The file asked for, then those that go with it (the YAML's
			// schema), which an existing copy keeps unless --force.
			keep := outs[:1]
			for _, o := range outs[1:] {
				if _, err := os.Stat(filepath.Join(dir, o.Name)); errors.Is(err, fs.ErrNotExist) || force {
					keep = append(keep, o)
				}
			}
			written, err := engine.WriteAll(dir, keep)
			if err != nil {
				return a.fail(err, "")
			}
			for _, w := range written {
				fmt.Fprintf(a.stdout, "已生成：%s\n", w)
			}
			if strings.EqualFold(filepath.Ext(path), ".docx") {
				fmt.Fprintf(a.stdout, "用法：pandoc 报告.md --reference-doc %s -o 报告.docx\n", path)
				return nil
			}
			if units {
				fmt.Fprintf(a.stdout, "填好后运行 huibao batch %s -t 半年总结，为每个单位生成报告，另生成汇总表和汇总报告。\n", path)
				return nil
			}
			fmt.Fprintf(a.stdout, "填好后运行 huibao validate %s 检查，再用 huibao generate %s -t 半年总结 生成报告。\n", path, path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "覆盖已有文件")
	cmd.Flags().BoolVar(&units, "units", false, "生成多单位填报表（一个工作簿装多个单位，供 huibao batch 使用）")
	return cmd
}
