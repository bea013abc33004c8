package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch"
	"github.com/huibao/huibao/engine/diag"
)

func (a *app) batchCmd() *cobra.Command {
	var tmpl, out, formats, shard string
	var jobs int
	var force bool
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
各单位须是同一期间。同时生成的个数（-j）不影响结果：生成的文件和输出的信息都相同。

再次运行时，输入文件和程序、模板、字体、参数都没有改动、报告也还在的单位直接跳过，汇总表和汇总报告重新生成；
--force 全部重新生成。按 Ctrl-C 会等正在写的单位写完后停下，重新运行同一命令即可接着完成。

单位很多时可以分给几台机器：每台运行 --shard 第几份/共几份（如 --shard 2/4），各自生成自己那一份的报告；
再把各份的输出文件夹交给 huibao batch merge 生成汇总表和汇总报告，与一台机器一次做完的结果完全相同。`,
		Example: "  huibao batch fixtures/batch/shixinlu-2024-h1 -t 半年总结\n" +
			"  huibao batch 各社区填报 -o 汇总 -j 4\n" +
			"  huibao batch 石新路街道各社区.xlsx -t 半年总结\n" +
			"  huibao batch 各社区填报 -o 第2份 --shard 2/4\n" +
			"  huibao batch merge 第1份 第2份 第3份 第4份 -o 汇总",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if jobs < 0 {
				return usageErr("-j 要写正整数（同时生成的个数），或者不写，按 CPU 核数")
			}
			var sh batch.Shard
			if shard != "" {
				var err error
				if sh, err = batch.ParseShard(shard); err != nil {
					return a.fail(err, "")
				}
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
			defer limitMemory(jobs)()
			pr := a.newProgress()
			b, err := batch.Prepare(eng, args[0], batch.Options{
				Template: tmpl, Formats: fs, OutDir: out, Jobs: jobs, Force: force, Shard: sh,
				Progress: pr.progress, Unit: func(u *batch.Unit) { pr.print(func() { a.unitResult(u) }) },
			})
			if err != nil {
				return a.fail(err, "")
			}
			for _, ig := range b.Ignored {
				a.report(diag.List{{Pos: diag.Pos{File: filepath.Join(b.Dir, ig.Name)}, Msg: ig.Why + "，已忽略", Severity: diag.Warning}})
			}
			a.report(b.Notes)
			ctx, stop := a.interruptible()
			defer stop()
			pr.begin()
			b.RunContext(ctx)
			pr.done()
			a.partResult("汇总表", b.Summary)
			a.partResult("汇总报告", b.Rollup)
			a.batchTotals(b, pr)
			switch {
			case b.Interrupted:
				return silent(interrupted)
			case b.Failed():
				return silent(engine.InputError)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&tmpl, "template", "t", "", "报告`模板`：id 或中文名；不写时用 batch.yaml 的 report.template，再不写用各输入文件的 report.template")
	cmd.Flags().IntVarP(&jobs, "jobs", "j", 0, "同时生成的`个数`（默认为 CPU 核数）")
	cmd.Flags().BoolVar(&force, "force", false, "全部重新生成，不跳过未改动的单位")
	cmd.Flags().StringVar(&shard, "shard", "", "只处理其中一`份`，写成 第几份/共几份（如 2/4）；汇总表和汇总报告由 huibao batch merge 生成")
	a.outputFlags(cmd, &out, &formats)
	cmd.AddCommand(a.mergeCmd())
	return cmd
}

func (a *app) mergeCmd() *cobra.Command {
	var out string
	var jobs int
	cmd := &cobra.Command{
		Use:   "merge 文件夹...",
		Short: "合并分份运行的结果：生成汇总表和汇总报告",
		Long: `读取 huibao batch --shard i/n 各份的输出文件夹（每份留有一个记录文件 .huibao.batch.i-of-n.json），
生成汇总表和上级工会的汇总报告，与一台机器一次处理整个文件夹得到的文件完全相同。
须给出全部各份的文件夹；各份须对同一个文件夹、用同样的模板、格式和批量说明文件运行。各单位的报告留在各份的文件夹里。`,
		Example: "  huibao batch merge 第1份 第2份 第3份 第4份 -o 汇总",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if jobs < 0 {
				return usageErr("-j 要写正整数（同时生成的个数），或者不写，按 CPU 核数")
			}
			eng, err := a.engine()
			if err != nil {
				return err
			}
			if out == "" {
				out = "output"
			}
			start := time.Now()
			defer limitMemory(jobs)()
			b, err := batch.Merge(eng, args, batch.Options{OutDir: out, Jobs: jobs})
			if err != nil {
				return a.fail(err, "")
			}
			a.report(b.Notes)
			failed := 0
			for _, u := range b.Units {
				if u.Failed() {
					failed++
					a.report(u.Problems)
					if u.Err != nil {
						fmt.Fprintf(a.stderr, "%s：%v。\n", u.Label(), trimStop(u.Err.Error()))
					} else {
						fmt.Fprintf(a.stderr, "%s：发现 %d 处错误，没有计入汇总。\n", u.Label(), len(u.Problems.Errors()))
					}
				}
			}
			b.Run()
			a.partResult("汇总表", b.Summary)
			a.partResult("汇总报告", b.Rollup)
			msg := fmt.Sprintf("已合并 %d 份，共 %d 个单位", b.Shard.Count, len(b.Units))
			if failed > 0 {
				msg += fmt.Sprintf("，其中 %d 个没有报告（见上）", failed)
			}
			fmt.Fprintf(a.stderr, "%s。用时 %s。\n", msg, seconds(time.Since(start)))
			if b.Failed() {
				return silent(engine.InputError)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "汇总表和汇总报告的输出`文件夹`（默认 output）")
	cmd.Flags().IntVarP(&jobs, "jobs", "j", 0, "同时生成的`个数`（默认为 CPU 核数）")
	return cmd
}

// interruptible returns a context cancelled by the first Ctrl-C or
// SIGTERM, which is announced at once: the batch then finishes the units
// being written and starts no other. A second one ends the process as
// main's handler ends any run (engine.Interrupt: no half set of files).
func (a *app) interruptible() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	gentle.mu.Lock()
	gentle.stop, gentle.since = cancel, time.Time{}
	gentle.mu.Unlock()
	done := make(chan struct{})
	go func() {
		select {
		case <-signals:
			// main's handler, when there is one, has the signal too; this
			// one serves runs without it (tests calling run).
			gentlyStopped()
		case <-ctx.Done():
		case <-done:
			return
		}
		signal.Stop(signals)
		fmt.Fprintln(a.stderr, "\n正在停止：等正在写的单位写完，不再开始新的单位（再按一次 Ctrl-C 立即退出）……")
	}()
	return ctx, func() {
		close(done)
		signal.Stop(signals)
		gentle.mu.Lock()
		gentle.stop = nil
		gentle.mu.Unlock()
		cancel()
	}
}

// gentle is how a batch asks the process's signal handler (main.go) for
// the first Ctrl-C or SIGTERM: stop is then called instead of the process
// ending.
var gentle struct {
	mu    sync.Mutex
	stop  func()
	since time.Time // when stop was called
}

// gentlyStopped hands a signal to a batch that takes it, and reports
// whether one did. A signal within a second of that one is the same
// Ctrl-C delivered twice — by the terminal to the whole process group and
// passed on by the supervising parent (supervise.go) — and is taken too.
func gentlyStopped() bool {
	gentle.mu.Lock()
	defer gentle.mu.Unlock()
	switch {
	case gentle.stop != nil:
		gentle.stop()
		gentle.stop, gentle.since = nil, time.Now()
		return true
	case !gentle.since.IsZero() && time.Since(gentle.since) < time.Second:
		return true
	}
	return false
}

// unitResult prints one unit's problems and outcome.
func (a *app) unitResult(u *batch.Unit) {
	a.report(u.Problems)
	switch {
	case u.Skipped:
		// Unchanged since the last run: counted in the totals line.
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

// batchTotals closes the run with one line: how many units made it, how
// many were skipped, and how long it took.
func (a *app) batchTotals(b *batch.Batch, pr *progress) {
	failed, skipped := b.FailedUnits(), b.Skipped()
	if b.StateErr != nil {
		fmt.Fprintf(a.stderr, "提示：%s；报告已照常生成，但下次运行不能跳过未改动的单位。\n", trimStop(b.StateErr.Error()))
	}
	n := len(b.Units)
	who := fmt.Sprintf("共 %d 个单位", n)
	if b.Shard.Count > 0 {
		who = fmt.Sprintf("第 %s 份：文件夹里共 %d 个单位，这一份 %d 个", b.Shard, n+b.Others, n)
	}
	made := n - failed - skipped
	var parts []string
	if skipped > 0 {
		parts = append(parts, fmt.Sprintf("跳过未改动的 %d 个单位", skipped))
	}
	if b.Interrupted {
		pending := b.Pending()
		made -= pending
		parts = append(parts, fmt.Sprintf("生成了 %d 个", made))
		if failed > 0 {
			parts = append(parts, fmt.Sprintf("%d 个没有生成报告（见上）", failed))
		}
		fmt.Fprintf(a.stderr, "已中断。%s：%s，还有 %d 个没有处理；汇总表和汇总报告没有更新。重新运行同一命令即可接着完成（已生成的单位会跳过）。\n",
			who, strings.Join(parts, "，"), pending)
		return
	}
	switch {
	case failed == 0 && skipped == 0:
		fmt.Fprintf(a.stderr, "%s，全部生成了报告。%s\n", who, pr.rate(made))
	case failed == 0 && made == 0:
		if b.Shard.Count == 0 {
			parts[len(parts)-1] += "；汇总表和汇总报告已重新生成"
		}
	case failed == 0:
		parts = append(parts, fmt.Sprintf("生成 %d 个", made))
	default:
		parts = append(parts, fmt.Sprintf("%d 个生成了报告", made), fmt.Sprintf("%d 个没有生成报告（见上）", failed))
	}
	if failed > 0 || skipped > 0 {
		fmt.Fprintf(a.stderr, "%s：%s。%s\n", who, strings.Join(parts, "，"), pr.rate(made))
	}
	if b.Shard.Count > 0 && !b.Failed() {
		fmt.Fprintf(a.stderr, "各份都运行完后，用 huibao batch merge 各份的输出文件夹 生成汇总表和汇总报告。\n")
	}
}

func trimStop(s string) string {
	for _, stop := range []string{"。", "."} {
		if len(s) >= len(stop) && s[len(s)-len(stop):] == stop {
			return s[:len(s)-len(stop)]
		}
	}
	return s
}

// seconds writes a duration for people: 0.4 秒, 12 秒, 3 分 05 秒.
func seconds(d time.Duration) string {
	switch {
	case d < 10*time.Second:
		return fmt.Sprintf("%.1f 秒", d.Seconds())
	case d < time.Minute:
		return fmt.Sprintf("%d 秒", int(d.Seconds()+0.5))
	}
	s := int(d.Seconds() + 0.5)
	return fmt.Sprintf("%d 分 %02d 秒", s/60, s%60)
}

// progress draws a bar on stderr while the units render, when stderr is a
// terminal — units done, units per second, time left — and otherwise
// stays silent: the totals line then says how long the run took.
type progress struct {
	mu     sync.Mutex
	w      io.Writer // nil without a terminal
	start  time.Time // of the command
	render time.Time // when rendering began, after every unit was checked
	last   time.Time // when the bar was last drawn
	done_  int
	total  int
	shown  bool
}

func (a *app) newProgress() *progress {
	p := &progress{start: time.Now(), render: time.Now()}
	if f, ok := a.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.w = f
	}
	return p
}

// progress is batch.Options.Progress.
func (p *progress) progress(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	p.done_, p.total = done, total
	if p.w == nil || done < total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.draw(now)
}

// draw writes the bar: 生成报告 [██████░░░░] 420/1000  每秒 98 个单位  还需约 6 秒
func (p *progress) draw(now time.Time) {
	const width = 24
	filled := width * p.done_ / max(p.total, 1)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	line := fmt.Sprintf("\r生成报告 [%s] %d/%d", bar, p.done_, p.total)
	if el := now.Sub(p.render); el > 500*time.Millisecond && p.done_ > 0 {
		rate := float64(p.done_) / el.Seconds()
		left := time.Duration(float64(p.total-p.done_) / rate * float64(time.Second))
		line += fmt.Sprintf("  每秒 %s 个单位  还需约 %s", perSecond(rate), seconds(left))
	}
	fmt.Fprint(p.w, line+"\x1b[K")
	p.shown = true
}

// begin marks the start of rendering, from which the rate is reckoned.
func (p *progress) begin() {
	p.mu.Lock()
	p.render = time.Now()
	p.mu.Unlock()
}

// perSecond writes a rate: 98, 9.5.
func perSecond(r float64) string {
	if r >= 10 {
		return fmt.Sprintf("%.0f", r)
	}
	return fmt.Sprintf("%.1f", r)
}

// print runs f, which prints lines, with the bar cleared off its line first
// and drawn again after.
func (p *progress) print(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.shown {
		f()
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
	f()
	p.draw(time.Now())
}

// done removes the bar.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
	p.w = nil
}

// rate says how long the run took and, when units were rendered, how many
// a second.
func (p *progress) rate(made int) string {
	el := time.Since(p.start)
	if made < 10 || el <= 0 {
		return fmt.Sprintf("用时 %s。", seconds(el))
	}
	return fmt.Sprintf("用时 %s，每秒 %s 个单位。", seconds(el), perSecond(float64(made)/el.Seconds()))
}
