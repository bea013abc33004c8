package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/pdf"
)

// Exit codes, as documented in the README.
const (
	exitOK    = 0 // success
	exitInput = 1 // bad input, bad template, or a failed item in a batch
	exitUsage = 2 // bad usage: unknown command, flag or argument
)

// exitError carries an exit code with an already-printed or printable error.
type exitError struct {
	code int
	err  error // nil when the problems were already printed
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

func usageErr(format string, a ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

func inputErr(err error) error { return &exitError{code: exitInput, err: err} }

// silent is an input failure whose problems have been printed already.
var silent = &exitError{code: exitInput}

// app is the state shared by the commands of one run.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	templateDirs   []string
	fonts          pdf.FontConfig
	layout         string
	eng            *engine.Engine
}

// engine builds the engine on first use, with the template folders from
// the flags and the environment.
func (a *app) engine() (*engine.Engine, error) {
	if a.eng == nil {
		dirs := append([]string{}, a.templateDirs...)
		dirs = append(dirs, catalog.EnvDirs(a.getenv("HUIBAO_TEMPLATES"))...)
		eng, err := engine.New(engine.Options{TemplateDirs: dirs, Fonts: a.fonts, Layout: a.layout})
		if err != nil {
			return nil, usageErr("%v", err)
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

func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &app{stdout: stdout, stderr: stderr, getenv: getenv}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "错误："+ee.err.Error())
		}
		if ee.code == exitUsage {
			fmt.Fprintln(stderr, "用 huibao --help 查看用法。")
		}
		return ee.code
	}
	// Anything else comes from cobra's own argument and flag parsing.
	fmt.Fprintln(stderr, "用法错误："+translateCobra(err.Error()))
	fmt.Fprintln(stderr, "用 huibao --help 查看用法。")
	return exitUsage
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
	root.PersistentFlags().StringArrayVar(&a.templateDirs, "templates", nil, "自定义模板`文件夹`（可重复；优先于环境变量 HUIBAO_TEMPLATES 和内置模板）")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%s", translateCobra(err.Error()))
	})
	root.AddCommand(a.validateCmd(), a.generateCmd(), a.batchCmd(), a.initCmd(), a.templatesCmd())
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

var cobraMessages = []struct {
	re  *regexp.Regexp
	msg string
}{
	{regexp.MustCompile(`^unknown command "(.*?)" for "(.*?)"`), "没有“%s”这个命令（%s）"},
	{regexp.MustCompile(`^unknown flag: (.*)$`), "没有 %s 这个选项"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)$`), "没有 -%s 这个选项（%s）"},
	{regexp.MustCompile(`^flag needs an argument: (.*)$`), "选项 %s 后面要写一个值"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "需要 %s 个参数，实际给了 %s 个"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "至少需要 %s 个参数，实际给了 %s 个"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "最多接受 %s 个参数，实际给了 %s 个"},
	{regexp.MustCompile(`^invalid argument "(.*?)" for "(.*?)" flag: (.*)$`), "选项 %[2]s 的值“%[1]s”无效（%[3]s）"},
}

// translateCobra gives cobra's and pflag's English parse errors in Chinese.
func translateCobra(msg string) string {
	msg = strings.TrimSpace(msg)
	for _, m := range cobraMessages {
		if s := m.re.FindStringSubmatch(msg); s != nil {
			args := make([]any, len(s)-1)
			for i, x := range s[1:] {
				args[i] = x
			}
			return fmt.Sprintf(m.msg, args...)
		}
	}
	return msg
}
