package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
)

func (a *app) initCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init 文件.yaml|文件.xlsx",
		Short: "生成一份待填写的填报表（Excel）或带说明的 YAML 样例",
		Long: `生成一份空白的填报文件：
  .xlsx  Excel/WPS 填报表，有填表说明、下拉选项和示例行；
  .yaml  带中文注释的样例，同目录下另写一份 JSON Schema，VS Code 等编辑器据此提示和检查。
已有同名文件时不覆盖，除非加 --force。`,
		Example: "  huibao init 柳背桥社区2024上半年.xlsx\n  huibao init 柳背桥社区2024上半年.yaml",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			var data []byte
			var extra []engine.Output
			switch load.KindOf(path) {
			case load.YAML:
				data = model.Example
				extra = append(extra, engine.Output{Name: model.SchemaFile, Data: model.Schema, Format: &engine.Format{Ext: ".json"}})
			case load.XLSX:
				b, err := engine.EmptyForm()
				if err != nil {
					return inputErr(err)
				}
				data = b
			default:
				return usageErr("init 只能生成 .yaml 或 .xlsx 文件，收到的是“%s”", filepath.Ext(path))
			}
			if _, err := os.Stat(path); err == nil && !force {
				return inputErr(fmt.Errorf("%s 已经存在，没有覆盖。要覆盖请加 --force", path))
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return inputErr(err)
			}
			dir, name := filepath.Split(path)
			if dir == "" {
				dir = "."
			}
			outs := []engine.Output{{Name: name, Data: data, Format: &engine.Format{Ext: filepath.Ext(name)}}}
			for _, e := range extra {
				if _, err := os.Stat(filepath.Join(dir, e.Name)); errors.Is(err, fs.ErrNotExist) || force {
					outs = append(outs, e)
				}
			}
			written, err := engine.WriteAll(dir, outs)
			if err != nil {
				return inputErr(err)
			}
			for _, w := range written {
				fmt.Fprintf(a.stdout, "已生成：%s\n", w)
			}
			fmt.Fprintf(a.stdout, "填好后运行 huibao validate %s 检查，再用 huibao generate %s -t 半年总结 生成报告。\n", path, path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "覆盖已有文件")
	return cmd
}
