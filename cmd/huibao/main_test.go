package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// cli runs huibao with args from the repository root, like a user would.
func cli(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb strings.Builder
	code = run(args, &out, &errb, func(k string) string { return env[k] })
	return code, out.String(), timing.ReplaceAllString(errb.String(), "")
}

// timing is the time a batch took, at the end of its totals line: the
// only text of a run that changes from one run to the next.
var timing = regexp.MustCompile(`用时 [0-9.]+ 秒(，每秒 [0-9.]+ 个单位)?。`)

func TestMain(m *testing.M) {
	// The test binary is huibao itself when a test runs it as a process
	// (to kill it, see TestBatchKilled).
	if os.Getenv("HUIBAO_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
	}
	// Run from the repository root so that paths read as in the README.
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string // substring of stdout+stderr
	}{
		{[]string{"--help"}, 0, "用法："},
		{[]string{"generate", "--help"}, 0, "输出格式"},
		{[]string{"frobnicate"}, 2, "没有“frobnicate”这个命令"},
		{[]string{"generate"}, 2, "需要 1 个参数，实际给了 0 个"},
		{[]string{"generate", "--nope", "x.yaml"}, 2, "没有 --nope 这个选项"},
		{[]string{"generate", "fixtures/liubeiqiao-2024-h1.yaml", "-f", "doc"}, 2, "不认识的输出格式“doc”"},
		{[]string{"generate", "fixtures/liubeiqiao-2024-h1.yaml", "-t", "半年总节"}, 2, "找不到模板“半年总节”"},
		{[]string{"validate"}, 2, "至少需要 1 个参数"},
		{[]string{"init", "x.txt"}, 2, "init 只能生成 .yaml、.xlsx 或 .docx 文件"},
		{[]string{"templates", "show", "nope"}, 2, "找不到模板“nope”"},
		{[]string{"templates", "check"}, 0, "templates/half-year-summary：检查通过"},
		{[]string{"templates", "check", "fixtures/templates"}, 0, "fixtures/templates/women-summary：检查通过"},
		{[]string{"templates", "check", "nope"}, 2, "找不到模板文件夹 nope"},
		{[]string{"templates", "copy", "半年总结", "x/Bad_Id", "--name", "甲"}, 2, "只能用小写英文字母、数字和连字符"},
		{[]string{"templates", "copy", "半年总结", "x/new-one"}, 2, "请用 --name 给新模板起一个中文名称"},
		{[]string{"templates", "copy", "半年总结", "x/new-one", "--name", "年度总结"}, 2, "已经有模板叫“年度总结”"},
	}
	for _, tt := range tests {
		code, out, errs := cli(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(out+errs, tt.want) {
			t.Errorf("huibao %s: exit %d, want %d; output:\n%s%s", strings.Join(tt.args, " "), code, tt.code, out, errs)
		}
	}
}

func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := cli(t, nil, "generate", "fixtures/liubeiqiao-2024-h1.yaml", "-t", "半年总结", "-f", "md", "-o", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := filepath.Join(dir, "柳背桥社区工会_2024年上半年_工作总结.md")
	if !strings.Contains(out, "已生成："+want) {
		t.Errorf("stdout: %s", out)
	}
	b, err := os.ReadFile(want)
	if err != nil || !strings.Contains(string(b), "# 一、主要工作") {
		t.Errorf("report: %v\n%s", err, b)
	}
	// The template named in the input is used when -t is absent.
	code, _, errs = cli(t, nil, "generate", "fixtures/liubeiqiao-2024-h1.yaml", "-f", "md", "-o", dir)
	if code != 0 {
		t.Errorf("without -t: exit %d: %s", code, errs)
	}
	// A template that does not accept the period is an input error.
	code, _, errs = cli(t, nil, "generate", "fixtures/shixinlu-street-2024.yaml", "-t", "半年总结", "-f", "md", "-o", dir)
	if code != 1 || !strings.Contains(errs, "适用于上半年、下半年的报告") {
		t.Errorf("span mismatch: exit %d: %s", code, errs)
	}
}

// TestBadFixtures: every broken input fails validate and generate with exit
// 1, prints its expected problems, and leaves no file behind.
func TestBadFixtures(t *testing.T) {
	inputs, _ := filepath.Glob("fixtures/bad/*")
	inputs = slices.DeleteFunc(inputs, func(s string) bool { return strings.HasSuffix(s, ".want") })
	if len(inputs) < 20 {
		t.Fatalf("only %d bad fixtures", len(inputs))
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			dir := t.TempDir()
			code, _, errs := cli(t, nil, "generate", in, "-t", "半年总结", "-f", "md", "-o", dir)
			if code != 1 {
				t.Errorf("generate exit %d, want 1\n%s", code, errs)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				t.Errorf("files left in the output folder: %v", entries)
			}
			want, err := os.ReadFile(strings.TrimSuffix(in, filepath.Ext(in)) + ".want")
			if err != nil {
				t.Fatalf("every bad fixture has its .want: %v", err)
			}
			if !strings.HasPrefix(errs, string(want)) {
				t.Errorf("stderr:\n%s\nwant it to start with:\n%s", errs, want)
			}
			if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
				t.Errorf("Go panic in output:\n%s", errs)
			}
			code, _, _ = cli(t, nil, "validate", in)
			if code != 1 {
				t.Errorf("validate exit %d, want 1", code)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	code, out, errs := cli(t, nil, "validate", "fixtures/liubeiqiao-2024-h1.yaml", "fixtures/tianyun-2024-h1.json")
	if code != 0 || strings.Count(out, "检查通过，没有发现问题") != 2 {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "填报.yaml")
	code, out, errs := cli(t, nil, "init", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "# yaml-language-server: $schema=huibao-input.schema.json") {
		t.Errorf("example does not start with the schema reference:\n%.200s", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "huibao-input.schema.json")); err != nil {
		t.Errorf("schema not written: %v\n%s", err, out)
	}
	if code, _, errs := cli(t, nil, "validate", path); code != 0 {
		t.Errorf("the example does not validate: %s", errs)
	}
	if code, _, errs := cli(t, nil, "init", path); code != 1 || !strings.Contains(errs, "已经存在") {
		t.Errorf("overwrite without --force: exit %d: %s", code, errs)
	}
	if code, _, _ := cli(t, nil, "init", "--force", path); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
}

func TestTemplatesOverride(t *testing.T) {
	code, out, _ := cli(t, nil, "templates", "list")
	if code != 0 || !strings.Contains(out, "half-year-summary") || !strings.Contains(out, "半年总结") {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	// A user folder with a template of the same id overrides the built-in.
	user := t.TempDir()
	os.MkdirAll(filepath.Join(user, "half-year-summary"), 0o755)
	os.WriteFile(filepath.Join(user, "half-year-summary", "template.yaml"), []byte("id: half-year-summary\nname: 半年总结\nkind: 总结\ndoc_name: 半年小结\nspans: [H1, H2]\nformats: [md]\n"), 0o644)
	os.WriteFile(filepath.Join(user, "half-year-summary", "report.md.tmpl"), []byte("{{ .Org.Name }}自定义模板。\n\n# 一、情况\n\n正文。\n"), 0o644)
	for _, env := range []map[string]string{{"HUIBAO_TEMPLATES": user}, nil} {
		args := []string{"generate", "fixtures/liubeiqiao-2024-h1.yaml", "-o", t.TempDir()}
		if env == nil {
			args = append([]string{"--templates", user}, args...)
		}
		code, out, errs := cli(t, env, args...)
		if code != 0 || !strings.Contains(out, "_半年小结.md") {
			t.Errorf("override (env %v): exit %d\n%s%s", env, code, out, errs)
		}
	}
	code, out, _ = cli(t, map[string]string{"HUIBAO_TEMPLATES": user}, "templates", "show", "half-year-summary")
	if code != 0 || !strings.Contains(out, "来源："+user) {
		t.Errorf("show: %s", out)
	}
}

func TestWriteTable(t *testing.T) {
	var b strings.Builder
	writeTable(&b, [][]string{{"模板 id", "名称", "来源"}, {"half-year-summary", "半年总结", "内置"}, {"x", "上半年工作总结及下半年工作计划", "我的模板"}})
	want := "模板 id            名称                            来源\n" +
		"half-year-summary  半年总结                        内置\n" +
		"x                  上半年工作总结及下半年工作计划  我的模板\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestTemplatesCopy: a copy with --partials carries the shared partials,
// and changing one of them changes the new template only.
func TestTemplatesCopy(t *testing.T) {
	user := t.TempDir()
	dst := filepath.Join(user, "my-summary")
	code, out, errs := cli(t, nil, "templates", "copy", "半年总结", dst, "--name", "我的半年总结", "--partials")
	if code != 0 {
		t.Fatalf("copy: exit %d\n%s%s", code, out, errs)
	}
	manifest, err := os.ReadFile(filepath.Join(dst, "template.yaml"))
	if err != nil || !strings.Contains(string(manifest), "id: my-summary\n") || !strings.Contains(string(manifest), "name: 我的半年总结\n") {
		t.Fatalf("template.yaml: %v\n%s", err, manifest)
	}
	text := filepath.Join(dst, "partials", "text.tmpl")
	b, err := os.ReadFile(text)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(text, []byte(strings.Replace(string(b), "的正确领导", "的坚强领导", -1)), 0o644)
	if code, out, errs := cli(t, nil, "--templates", user, "templates", "check", dst); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, errs)
	}
	dir := t.TempDir()
	for _, tmpl := range []string{"我的半年总结", "半年总结"} {
		if code, _, errs := cli(t, nil, "--templates", user, "generate", "fixtures/tianyun-2024-h1.yaml", "-t", tmpl, "-f", "md", "-o", filepath.Join(dir, tmpl)); code != 0 {
			t.Fatalf("generate %s: %s", tmpl, errs)
		}
	}
	mine, _ := filepath.Glob(filepath.Join(dir, "我的半年总结", "*.md"))
	builtin, _ := filepath.Glob(filepath.Join(dir, "半年总结", "*.md"))
	if len(mine) != 1 || len(builtin) != 1 {
		t.Fatalf("outputs: %v %v", mine, builtin)
	}
	m, _ := os.ReadFile(mine[0])
	bi, _ := os.ReadFile(builtin[0])
	if !strings.Contains(string(m), "的坚强领导") || strings.Contains(string(bi), "的坚强领导") || !strings.Contains(string(bi), "的正确领导") {
		t.Errorf("the copied partial should change the copy only:\nmine: %.300s\nbuilt-in: %.300s", m, bi)
	}
}

// TestExitTable: the README's table of exit codes is exitCodes, row for row.
func TestExitTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	want.WriteString("| 类别 | 退出码 | 含义 |\n|---|---|---|\n")
	for _, e := range exitCodes {
		fmt.Fprintf(&want, "| %s | %d | %s |\n", e.name, e.code, e.meaning)
	}
	if !strings.Contains(string(readme), want.String()) {
		t.Errorf("README.md's exit-code table is not exitCodes; it should read:\n%s", want.String())
	}
}
