package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

func (a *app) templatesCheckCmd() *cobra.Command {
	var fixtures string
	cmd := &cobra.Command{
		Use:   "check [文件夹]",
		Short: "检查模板：找出写错的字段、函数和子模板，并用样例数据试生成",
		Long: `检查模板，一次列出全部问题（文件:行:列）：
  1. 语法：{{ }} 是否闭合，if、range、with 是否都有 end；
  2. 不用数据就能发现的错误：字段名（如 .Membership.Memebers）、函数名（如 zh.Mony）、
     子模板名、参数个数和类型、对不是列表的值用 range、没有判断就使用可能为空的数据；
  3. 用样例数据试生成：--fixtures 文件夹里期间适用的样例、模板说明 fixtures 里列出的样例，
     以及只有必填项的“最小输入”，检查生成的文字（模板残留、空标题、编号、标点），
     并指出是模板的哪一处写出的。
不写文件夹时检查全部模板；文件夹可以是放模板的文件夹（同 --templates），也可以是一个模板文件夹。
发现任何问题时退出码为 1。`,
		Example: "  huibao templates check\n  huibao templates check 我的模板\n  huibao templates check 我的模板/women-summary",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			place, only := "", ""
			if len(args) == 1 {
				var err error
				if place, only, err = engine.DirTemplates(args[0]); err != nil {
					return a.fail(err, "")
				}
				a.templateDirs = append([]string{place}, a.templateDirs...)
			}
			fx := fixtures
			if fi, err := os.Stat(fx); err != nil || !fi.IsDir() {
				if cmd.Flags().Changed("fixtures") {
					return usageErr("找不到样例文件夹 %s", fixtures)
				}
				fx = "" // no fixtures/ here: the minimal inputs and the manifests' fixtures still run
			}
			eng, err := a.engine()
			if err != nil {
				return err
			}
			var ts []*engine.Template
			for _, t := range eng.Templates() {
				if only != "" && t.Dir == only || only == "" && (place == "" || t.Place == place) {
					ts = append(ts, t)
				}
			}
			var probs diag.List
			for _, p := range eng.CatalogProblems() {
				if place == "" || under(p.Pos.File, place) {
					probs = append(probs, p)
				}
			}
			if len(ts) == 0 && len(probs) == 0 {
				return &exitError{kind: engine.TemplateError, msg: fmt.Sprintf("%s 里没有模板。每个模板一个文件夹，放 template.yaml 和 report.md.tmpl", args[0])}
			}
			res := eng.CheckTemplates(ts, engine.CheckOptions{Fixtures: fx})
			for _, tc := range res.Templates {
				probs = append(probs, tc.Problems...)
			}
			a.report(unique(probs))
			for _, n := range res.Notes {
				fmt.Fprintln(a.stdout, "说明："+n+"。")
			}
			for _, tc := range res.Templates {
				if len(tc.Problems) == 0 {
					fmt.Fprintf(a.stdout, "%s：检查通过（%s）。\n", tc.Template.Dir, inputsSummary(tc.Inputs))
					continue
				}
				msg := fmt.Sprintf("%s：发现 %d 处问题", tc.Template.Dir, len(tc.Problems))
				if w := len(tc.Problems.Warnings()); w > 0 {
					msg += fmt.Sprintf("（其中 %d 条提醒）", w)
				}
				fmt.Fprintln(a.stderr, msg+"。")
			}
			if len(probs) > 0 {
				return silent(engine.TemplateError)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&fixtures, "fixtures", "fixtures", "样例数据`文件夹`：其中期间适用的样例都用来试生成（默认的 fixtures 不存在时跳过）")
	return cmd
}

// under reports whether file lies in folder dir (both as given by the user).
func under(file, dir string) bool {
	rel, err := filepath.Rel(filepath.Clean(dir), filepath.Clean(filepath.FromSlash(file)))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// unique drops problems printed already (a shared partial's problem is
// found in every template that uses it) and sorts the rest.
func unique(probs diag.List) diag.List {
	seen := map[string]bool{}
	var out diag.List
	for _, p := range probs {
		if k := p.Error(); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	out.Sort()
	return out
}

// inputsSummary says what a template was rendered with: 用 5 份样例和 4 份最小输入试生成.
func inputsSummary(inputs []string) string {
	minimal := 0
	for _, in := range inputs {
		if strings.HasPrefix(in, "最小输入") {
			minimal++
		}
	}
	if samples := len(inputs) - minimal; samples > 0 {
		return fmt.Sprintf("用 %d 份样例和 %d 份最小输入试生成", samples, minimal)
	}
	return fmt.Sprintf("用 %d 份最小输入试生成", minimal)
}
