package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch"
	"github.com/huibao/huibao/engine/diag"
)

func (a *app) batchCmd() *cobra.Command {
	var tmpl, out, formats string
	var jobs int
	cmd := &cobra.Command{
		Use:   "batch 文件夹|多单位填报表.xlsx",
		Short: "批量生成：每个单位一份报告，外加汇总表和汇总报告",
		Long: `读取文件夹里的每个输入文件（.yaml、.yml、.json 或 .xlsx 填报表，一个文件一个单位），
或者一个多单位填报表（huibao init 文件.xlsx --units 生成，“多单位”表里一行一个单位），
先全部检查，再为每个通过检查的单位生成报告，并生成比较各单位的汇总表（Excel）和上级工会的汇总报告。

汇总报告以谁的名义写：文件夹里（或多单位填报表旁边）有批量说明文件 batch.yaml 时按它写，例如
  org: {name: 石新路街道总工会, type: 街道总工会, parent: 顺庆区总工会, party: 石新路街道党工委}
  report: {date: 2024-07-12}
  indicators: [推荐就业, 慰问困难职工]   # 汇总表里各占一列的指标；不写时取半数以上单位填报的指标
没有时用各单位共同的上级工会（org.parent）。

有单位未通过检查时，其余单位的报告照常生成，汇总表里这个单位一行留空并注明，汇总报告不生成，退出码为 1。
各单位须是同一期间。同时生成的个数（-j）不影响结果：生成的文件和输出的信息都相同。`,
		Example: "  huibao batch fixtures/batch/shixinlu-2024-h1 -t 半年总结\n" +
			"  huibao batch 各社区填报 -o 汇总 -j 4\n" +
			"  huibao batch 石新路街道各社区.xlsx -t 半年总结",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if jobs < 0 {
				return usageErr("-j 要写正整数（同时生成的个数），或者不写，按 CPU 核数")
			}
			fs, err := engine.ParseFormats(formats)
			if err != nil {
				return a.fail(err, "")
			}
			eng, err := a.engine()
			if err != nil {
				return err
			}
			if out == "" {
				out = "output"
			}
			pr := a.newProgress()
			b, err := batch.Prepare(eng, args[0], batch.Options{
				Template: tmpl, Formats: fs, OutDir: out, Jobs: jobs,
				Progress: pr.progress, Unit: func(u *batch.Unit) { pr.print(func() { a.unitResult(u) }) },
			})
			if err != nil {
				return a.fail(err, "")
			}
			for _, ig := range b.Ignored {
				a.report(diag.List{{Pos: diag.Pos{File: filepath.Join(b.Dir, ig.Name)}, Msg: ig.Why + "，已忽略", Severity: diag.Warning}})
			}
			a.report(b.Notes)
			b.Run()
			pr.done()
			a.partResult("汇总表", b.Summary)
			a.partResult("汇总报告", b.Rollup)
			a.batchTotals(b)
			if b.Failed() {
				return silent(engine.InputError)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&tmpl, "template", "t", "", "报告`模板`：id 或中文名；不写时用 batch.yaml 的 report.template，再不写用各输入文件的 report.template")
	cmd.Flags().IntVarP(&jobs, "jobs", "j", 0, "同时生成的`个数`（默认为 CPU 核数）")
	a.outputFlags(cmd, &out, &formats)
	return cmd
}

// unitResult prints one unit's problems and outcome.
func (a *app) unitResult(u *batch.Unit) {
	a.report(u.Problems)
	switch {
	case u.Err != nil:
		fmt.Fprintf(a.stderr, "%s：%v。\n", u.Label(), trimStop(u.Err.Error()))
	case u.Failed():
		fmt.Fprintf(a.stderr, "%s：发现 %d 处错误，没有生成这个单位的报告。\n", u.Label(), len(u.Problems.Errors()))
	default:
		for _, w := range u.Written {
			fmt.Fprintf(a.stdout, "已生成：%s\n", w)
		}
	}
}

// partResult prints the outcome of the 汇总表 or the roll-up.
func (a *app) partResult(what string, p *batch.Part) {
	if p == nil {
		return
	}
	a.report(p.Problems)
	if p.Err != nil {
		fmt.Fprintf(a.stderr, "%s：%s。\n", what, trimStop(p.Err.Error()))
		return
	}
	for _, w := range p.Written {
		fmt.Fprintf(a.stdout, "已生成：%s\n", w)
	}
}

// batchTotals closes the run with one line: how many units made it.
func (a *app) batchTotals(b *batch.Batch) {
	failed := b.FailedUnits()
	if failed == 0 {
		fmt.Fprintf(a.stderr, "共 %d 个单位，全部生成了报告。\n", len(b.Units))
		return
	}
	fmt.Fprintf(a.stderr, "共 %d 个单位：%d 个生成了报告，%d 个没有生成报告（见上）。\n", len(b.Units), len(b.Units)-failed, failed)
}

func trimStop(s string) string {
	for _, stop := range []string{"。", "."} {
		if len(s) >= len(stop) && s[len(s)-len(stop):] == stop {
			return s[:len(s)-len(stop)]
		}
	}
	return s
}

// progress draws a bar on stderr while the units render, when stderr is a
// terminal; otherwise it does nothing and only the result lines appear.
type progress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (a *app) newProgress() *progress {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{w: f}
}

// progress is batch.Options.Progress.
func (p *progress) progress(done, total int) {
	if p.w == nil {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("生成报告"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
		)
	}
	p.bar.Set(done)
}

// print runs f, which prints lines, with the bar cleared off its line first
// and drawn again after.
func (p *progress) print(f func()) {
	if p.bar == nil || p.bar.IsFinished() {
		f()
		return
	}
	p.bar.Clear()
	f()
	p.bar.RenderBlank()
}

// done removes the bar.
func (p *progress) done() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
