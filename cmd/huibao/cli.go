package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

// exitCodes is the one table from kinds of error to exit codes; the README
// shows it, and TestExitTable keeps the two the same.
var exitCodes = []struct {
	kind    engine.ErrorKind // 0: success
	name    string           // the kind in Chinese, as the README's table names it
	code    int
	meaning string
}{
	{0, "—", 0, "成功"},
	{engine.InputError, "输入", 1, "输入有错（批量处理时：有单位未通过检查或没有生成）"},
	{engine.TemplateError, "模板", 1, "模板有错"},
	{engine.OutputError, "输出", 1, "无法写出结果：缺字体、无法写文件"},
	{engine.UsageError, "用法", 2, "用法错误：没有这个命令或选项、参数个数不对、没有这个模板或输出格式"},
	{internalError, "内部", 3, "程序自身出错（崩溃）：不是输入的问题，请把输入文件和屏幕上的提示发给维护者"},
	{interrupted, "中断", 130, "按了 Ctrl+C 或收到终止信号：已经写好的报告完整保留，写了一半的不会留下"},
}

// internalError and interrupted are the kinds of ending that are not an
// engine error: a crash of the program, a signal.
const (
	internalError engine.ErrorKind = 100 + iota
	interrupted
)

// exitCode is the code of a kind of error.
func exitCode(k engine.ErrorKind) int {
	for _, e := range exitCodes {
		if e.kind == k {
			return e.code
		}
	}
	return 1
}

// exitError ends a command: its kind decides the exit code, and msg, when
// not empty, is printed as 错误：msg (the problems were printed already).
type exitError struct {
	kind engine.ErrorKind
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, a ...any) error {
	return &exitError{kind: engine.UsageError, msg: fmt.Sprintf(format, a...)}
}

// silent ends a command whose problems and summary have been printed.
func silent(kind engine.ErrorKind) error { return &exitError{kind: kind} }

// fail prints the problems of an engine error and returns the exit error
// that prints its sentence, followed by what was not done because of it
// (consequence, may be empty).
func (a *app) fail(err error, consequence string) error {
	a.report(engine.Problems(err))
	var e *engine.Error
	if !errors.As(err, &e) {
		return &exitError{kind: engine.OutputError, msg: diag.OSError(err)}
	}
	msg := e.Msg
	if msg != "" && consequence != "" {
		msg += "，" + consequence
	}
	return &exitError{kind: e.Kind, msg: msg}
}

// app is the state shared by the commands of one run.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	templateDirs   []string
	fonts          engine.FontConfig
	layout         string
	eng            *engine.Engine
	profileDir     string
	prof           *profiler
}

// engine builds the engine on first use, with the template folders from
// the flags and the environment.
func (a *app) engine() (*engine.Engine, error) {
	if a.eng == nil {
		dirs := append([]string{}, a.templateDirs...)
		dirs = append(dirs, engine.EnvTemplateDirs(a.getenv("HUIBAO_TEMPLATES"))...)
		eng, err := engine.New(engine.Options{TemplateDirs: dirs, Fonts: a.fonts, Layout: engine.Layout(a.layout)})
		if err != nil {
			return nil, a.fail(err, "")
		}
		a.eng = eng
	}
	return a.eng, nil
}

// report prints problems to stderr, one per line, warnings included.
func (a *app) report(probs diag.List) {
	for _, p := range probs {
		fmt.Fprintln(a.stderr, p.Error())
	}
}

func run(args []string, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	defer crash(stderr, &code)
	a := &app{stdout: stdout, stderr: stderr, getenv: getenv}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	a.prof.stop()
	if a.eng != nil {
		// Once per run, however many reports: the PDF fonts that stand in
		// for the ones GB/T 9704 asks for.
		if n := a.eng.FontNotice(); n != "" {
			fmt.Fprintln(stderr, n)
		}
	}
	if err == nil {
		return exitCode(0)
	}
	var ee *exitError
	if !errors.As(err, &ee) {
		// Anything else comes from cobra's own argument and flag parsing.
		fmt.Fprintln(stderr, "用法错误："+diag.Translate(diag.Cobra, err.Error()))
		fmt.Fprintln(stderr, "用 huibao --help 查看用法。")
		return exitCode(engine.UsageError)
	}
	if ee.msg != "" {
		fmt.Fprintln(stderr, "错误："+ee.msg)
	}
	if ee.kind == engine.UsageError {
		fmt.Fprintln(stderr, "用 huibao --help 查看用法。")
	}
	return exitCode(ee.kind)
}

// crash, deferred, ends a run that panicked: a panic is the program's
// fault, so never the usage code and never an English stack alone for a
// cadre. The stack follows the Chinese, for the maintainer it names.
func crash(stderr io.Writer, code *int) {
	if r := recover(); r != nil {
		fmt.Fprintf(stderr, "错误：程序内部出错，这不是输入的问题。请把输入文件和下面几行发给维护者：\n%v\n%s", r, debug.Stack())
		*code = exitCode(internalError)
	}
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "huibao",
		Short: "工会工作报告生成工具",
		Long: `汇报（huibao）把工会干部填写的数据——会员与会费、活动、帮扶数字、问题、计划——
生成完整的工作报告：可转 Word 的 Markdown、公文版式的 PDF 和 Excel 附件。`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	cobra.AddTemplateFunc("flagTable", flagTable)
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpCommand(&cobra.Command{Use: "help [命令]", Short: "显示某个命令的帮助", Hidden: true,
		Run: func(c *cobra.Command, args []string) {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				cmd = c.Root()
			}
			cmd.Help()
		}})
	root.PersistentFlags().BoolP("help", "h", false, "显示帮助")
	a.profileFlag(root)
	root.PersistentPreRunE = func(*cobra.Command, []string) error { return a.startProfile() }
	root.PersistentFlags().StringArrayVar(&a.templateDirs, "templates", nil, "自定义模板`文件夹`（可重复；优先于环境变量 HUIBAO_TEMPLATES 和内置模板）")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%s", diag.Translate(diag.Cobra, err.Error()))
	})
	root.AddCommand(a.validateCmd(), a.generateCmd(), a.batchCmd(), a.initCmd(), a.templatesCmd(), a.serveCmd())
	var plain func(*cobra.Command)
	plain = func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true
		for _, sub := range c.Commands() {
			plain(sub)
		}
	}
	plain(root)
	return root
}

const usageTemplate = `用法：{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if .IsAvailableCommand}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{flagTable .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

通用选项：
{{flagTable .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

用 "{{.CommandPath}} [命令] --help" 查看各命令的详细说明。{{end}}
`
