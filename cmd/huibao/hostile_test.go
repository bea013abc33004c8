package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/huibao/huibao/internal/golden"
)

// The hostile corpus as a cadre's machine sees it: what a file, a folder or
// a template can do must not take the machine down, lose a report or slip
// into the document. engine/validate's TestFixturesHostile checks the
// messages of every input of fixtures/hostile; these tests make the
// documents of those that pass, and try what needs a file system.

// TestHostileDocuments generates every format of the hostile inputs that
// pass validation and reads them back with real readers: whatever Markdown
// or HTML the data holds is text — no link, image, raw HTML, heading, list,
// fenced div or table column comes of it in pandoc's HTML and DOCX, our
// PDF, DOCX and HTML — and a cadre's line breaks stay inside the paragraph.
func TestHostileDocuments(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed")
	}
	dir := t.TempDir()
	code, _, errs := cli(t, nil, "generate", "fixtures/hostile/markdown-injection.yaml", "-f", "md,pdf,docx,html,xlsx", "-o", dir)
	if code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, errs)
	}
	stem := filepath.Join(dir, "柳背桥社区工会_2024年上半年_工作总结")
	md, _ := os.ReadFile(stem + ".md")
	headings := 0
	for _, l := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(l, "#") {
			headings++
		}
	}
	// The data as text, as every reader must show it. (pandoc's smart
	// typography may turn -- into a dash: text still, not structure.)
	texts := []string{"# 假标题", "::: {.signature}", "- 假列表", "1. 假编号", "> 假引用", "推荐|就业 | 假列", "[点击](javascript:alert(1))",
		"![图](/etc/passwd)", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "{{ .Org.Name }}", "$x^2$", "@doe", "[^1]", "~下标~", "&amp;", "`代码`", "<!", "注释"}
	structure := regexp.MustCompile(`<(a|img|script|table|ul|ol|li|blockquote|code|sup|sub|em|math|span)[ >]|<h[1-6]`)
	readers := map[string]func() (string, error){
		"pandoc md→html": func() (string, error) {
			return command("pandoc", stem+".md", "-f", "markdown", "-t", "html", "--wrap=none")
		},
		"pandoc md→docx→html": func() (string, error) {
			if _, err := command("pandoc", stem+".md", "-o", stem+".pandoc.docx"); err != nil {
				return "", err
			}
			return command("pandoc", stem+".pandoc.docx", "-t", "html", "--wrap=none")
		},
		"our docx→html": func() (string, error) { return command("pandoc", stem+".docx", "-t", "html", "--wrap=none") },
		"our html": func() (string, error) {
			b, err := os.ReadFile(stem + ".html")
			s := string(b)
			if i := strings.Index(s, "<article"); i >= 0 {
				s = s[i:]
			}
			// The title's parts are spans of our own (unit | period | document).
			s = regexp.MustCompile(`<div class="title">(<span>[^<]*</span>)*</div>`).ReplaceAllString(s, "")
			return s, err
		},
	}
	for name, read := range readers {
		html, err := read()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		got := structure.FindAllString(html, -1)
		var h []string
		for _, g := range got {
			if strings.HasPrefix(g, "<h") {
				h = append(h, g)
			}
		}
		if len(got) != len(h) || len(h) != headings {
			t.Errorf("%s: the data made structure: %q (the Markdown has %d headings)", name, got, headings)
		}
		plain := unescapeHTML(regexp.MustCompile(`<[^>]+>|\n`).ReplaceAllString(html, ""))
		for _, want := range texts {
			if !strings.Contains(plain, want) {
				t.Errorf("%s: %q is not in the document as text", name, want)
			}
		}
	}
	pdf, err := command("pdftotext", stem+".pdf", "-")
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(pdf), "")
	for _, want := range texts {
		if !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
			t.Errorf("pdf: %q is not in the document as text", want)
		}
	}
	// The cadre's line breaks: each line of the content starts a line of
	// the PDF, in the same paragraph.
	for _, line := range []string{"# 假标题", "::: {.signature}", "- 假列表"} {
		if !strings.Contains(pdf, "\n"+line+"\n") {
			t.Errorf("pdf: %q is not a line of its own", line)
		}
	}
}

// unescapeHTML undoes the entities pandoc and our HTML writer use.
func unescapeHTML(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&amp;", "&").Replace(s)
}

func command(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).Output()
	return string(out), err
}

// TestHostileHalfWidth: a real union's name with half-width parentheses
// passes validate and makes every format, its marks full width in the
// report and the file name, as zh.Punct sets content.
func TestHostileHalfWidth(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := cli(t, nil, "validate", "fixtures/hostile/halfwidth-names.yaml")
	if code != 0 {
		t.Fatalf("validate: exit %d\n%s", code, errs)
	}
	code, out, errs := cli(t, nil, "generate", "fixtures/hostile/halfwidth-names.yaml", "-f", "md,xlsx,docx", "-o", dir)
	if code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, errs)
	}
	md, err := os.ReadFile(filepath.Join(dir, "红星机械（集团）有限公司工会_2024年上半年_工作总结.md"))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"红星机械（集团）有限公司工会", "一号车间（东区）", "职工技能比武（第一期）", "比武分理论和实操两部分：理论考试、实际操作", "评出一等奖2名，二等奖4名"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("%q is not in the report:\n%s", want, md)
		}
	}
}

// TestHostileFiles: what a file system can hold instead of an input — a
// named pipe (which would make a reader wait forever), a link to a device
// that never ends — is refused at once with a Chinese message.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	zero := filepath.Join(dir, "zero.yaml")
	os.Symlink("/dev/zero", zero)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for path, want := range map[string]string{fifo: "这是一个管道（FIFO），不是普通文件，不能作为输入", zero: "这是一个设备文件，不是普通文件，不能作为输入"} {
			code, _, errs := cli(t, nil, "validate", path)
			if code != 1 || !strings.Contains(errs, path+": "+want) {
				t.Errorf("%s: exit %d\n%s", path, code, errs)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("validate of a named pipe or /dev/zero did not return")
	}
}

// TestHostileBatch: a batch folder with a link to a file outside it, a
// named pipe, and units whose names differ only in what a file name cannot
// hold, in case, or in Unicode normalisation.
func TestHostileBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	base, err := os.ReadFile("fixtures/liubeiqiao-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	unit := func(file, name string) {
		t.Helper()
		data := strings.Replace(string(base), "  name: 柳背桥社区工会", "  name: \""+name+"\"", 1)
		if err := os.WriteFile(filepath.Join(in, file), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	unit("a.yaml", "红星/社区工会")
	unit("b.yaml", "红星|社区工会")
	unit("c.yaml", "Abc社区工会")
	unit("d.yaml", "aBC社区工会")
	unit("e.yaml", "Caf\u00e9社区工会")  // é composed
	unit("f.yaml", "Cafe\u0301社区工会") // e and a combining accent
	unit("g.yaml", "柳背桥社区工会")
	unit("h.yaml", "红星*社区工会") // a third of the same file name
	os.Symlink("/etc/passwd", filepath.Join(in, "passwd.yaml"))
	syscall.Mkfifo(filepath.Join(in, "pipe.yaml"), 0o644)
	out := filepath.Join(dir, "out")
	code, stdout, errs := cli(t, nil, "batch", in, "-t", "半年总结", "-f", "md", "-o", out, "-j", "3")
	errs = strings.ReplaceAll(errs, dir, "DIR")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	if strings.Contains(errs+stdout, "root:") {
		t.Errorf("the batch read /etc/passwd:\n%s", errs)
	}
	for _, want := range []string{
		"DIR/in/passwd.yaml: 提醒：是指向文件夹外的链接，批量处理只读文件夹里的文件；需要时请把文件复制进来，已忽略。",
		"DIR/in/pipe.yaml: 提醒：不是普通文件（是管道、设备或套接字），批量处理不读，已忽略。",
		"DIR/in/a.yaml:5:9: 字段 org.name：单位名称“红星/社区工会”与 DIR/in/b.yaml（单位名称在 DIR/in/b.yaml:5:9）、DIR/in/h.yaml（单位名称在 DIR/in/h.yaml:5:9）只差在文件名不能用的符号、大小写或写法上，这 3 份报告的文件名相同（红星_社区工会_2024年上半年_工作总结），会互相覆盖。",
		"DIR/in/b.yaml:5:9: 字段 org.name：单位名称“红星|社区工会”与 DIR/in/a.yaml（单位名称在 DIR/in/a.yaml:5:9）、DIR/in/h.yaml（单位名称在 DIR/in/h.yaml:5:9）只差在",
		"DIR/in/h.yaml:5:9: 字段 org.name：单位名称“红星*社区工会”与 DIR/in/a.yaml",
		"DIR/in/c.yaml:5:9: 字段 org.name：单位名称“Abc社区工会”与 DIR/in/d.yaml（单位名称在 DIR/in/d.yaml:5:9）只差在文件名不能用的符号、大小写或写法上，两份报告的文件名相同",
		"DIR/in/d.yaml:5:9: 字段 org.name：单位名称“aBC社区工会”与 DIR/in/c.yaml",
		"DIR/in/e.yaml:5:9: 字段 org.name：单位名称“Café社区工会”与 DIR/in/f.yaml",
		"DIR/in/f.yaml:5:9: 字段 org.name：单位名称“Cafe\u0301社区工会”与 DIR/in/e.yaml",
		"汇总报告：有 7 个单位没有生成报告（见上）",
		"共 8 个单位：1 个生成了报告，7 个没有生成报告（见上）。",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	var names []string
	for _, e := range outputs(t, out) {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "柳背桥社区工会_2024年上半年_工作总结.md 石新路街道总工会_2024年上半年_汇总表.xlsx" {
		t.Errorf("files written: %q", names)
	}
}

// TestHostileOwnInput: generate refuses to write a report over the very
// file it reads (a 填报表 named like its report, in the output folder).
func TestHostileOwnInput(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := cli(t, nil, "generate", "fixtures/liubeiqiao-2024-h1.yaml", "-f", "md", "-o", dir)
	if code != 0 {
		t.Fatal(errs)
	}
	own := filepath.Join(dir, "柳背桥社区工会_2024年上半年_工作总结.md")
	input := filepath.Join(dir, "柳背桥社区工会_2024年上半年_工作总结.yaml")
	data, _ := os.ReadFile("fixtures/liubeiqiao-2024-h1.yaml")
	os.WriteFile(input, data, 0o644)
	os.Remove(own)
	os.Symlink(filepath.Base(input), own) // the output name leads to the input
	before, _ := os.ReadFile(input)
	code, _, errs = cli(t, nil, "generate", input, "-f", "md", "-o", dir)
	after, _ := os.ReadFile(input)
	if code != 2 || !strings.Contains(errs, "就是输入文件") || string(before) != string(after) {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

// TestHostileTemplates: templates that loop without end, call themselves,
// double a text until memory runs out, or name samples outside their
// folder are stopped, each with a Chinese problem at its place.
func TestHostileTemplates(t *testing.T) {
	code, stdout, errs := cli(t, nil, "templates", "check", "fixtures/hostile/templates")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	golden.Check(t, "cmd/huibao/testdata/hostile-templates.want", []byte(stdout+errs))
}

// TestHostileInterrupt stops a batch with SIGTERM as it writes, through the
// real program (parent and child): it ends with the interrupted code, and
// leaves every unit's set whole or absent, with no temporary file.
func TestHostileInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "huibao")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/huibao").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	base, _ := os.ReadFile("fixtures/liubeiqiao-2024-h1.yaml")
	const units = 24
	for i := range units {
		data := strings.Replace(string(base), "  name: 柳背桥社区工会", fmt.Sprintf("  name: 第%d社区工会", i+1), 1)
		os.WriteFile(filepath.Join(in, fmt.Sprintf("u%02d.yaml", i)), []byte(data), 0o644)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(bin, "batch", in, "-t", "半年总结", "-f", "md,docx,xlsx", "-o", out, "-j", "1")
	stdout, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Stop it after the second unit's files: the third is being made.
	lines := bufio.NewScanner(stdout)
	seen := 0
	for lines.Scan() {
		if strings.HasPrefix(lines.Text(), "已生成：") {
			if seen++; seen == 6 {
				cmd.Process.Signal(syscall.SIGTERM)
				break
			}
		}
	}
	for lines.Scan() {
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Errorf("exit: %v, want 130\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "已中断") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	entries, _ := os.ReadDir(out)
	sets := map[string]int{}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".huibao-") {
			t.Errorf("temporary left: %s", e.Name())
			continue
		}
		if strings.HasPrefix(e.Name(), ".") {
			continue // the batch's record of what it made
		}
		sets[strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))]++
	}
	for stem, n := range sets {
		if n != 3 && !strings.HasSuffix(stem, "汇总表") {
			t.Errorf("%s: %d of its 3 files", stem, n)
		}
	}
	if len(sets) >= units {
		t.Errorf("every unit was written: the run was not stopped (%d sets)", len(sets))
	}
}

// TestHostileAtLimits: data with every text at its limit — a union's name
// of 50 characters, an activity's content of 500 in 20 lines — makes every
// format: the file names fit, the appendix's rows stay within Excel's
// height. Validation's limits are what generate can take.
func TestHostileAtLimits(t *testing.T) {
	dir := t.TempDir()
	code, stdout, errs := cli(t, nil, "generate", "fixtures/hostile/limits-at-max.yaml", "-f", "md,pdf,docx,xlsx,html", "-o", dir)
	if code != 0 || strings.Count(stdout, "已生成：") != 5 {
		t.Errorf("exit %d\n%s%s", code, stdout, errs)
	}
}

// TestHostileTemplateLink: a template's sample that is a link to a file
// outside its folder is not read by templates check.
func TestHostileTemplateLink(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := cli(t, nil, "templates", "copy", "半年总结", filepath.Join(dir, "mine"), "--name", "我的总结"); code != 0 {
		t.Fatal(errs)
	}
	os.Symlink("/etc/passwd", filepath.Join(dir, "mine", "x.yaml"))
	f, _ := os.OpenFile(filepath.Join(dir, "mine", "template.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("fixtures: [x.yaml]\n")
	f.Close()
	code, stdout, errs := cli(t, nil, "templates", "check", dir)
	if code != 1 || !strings.Contains(errs, "样例 x.yaml 是指向模板文件夹外的链接") || strings.Contains(stdout+errs, "root:") {
		t.Errorf("exit %d\n%s%s", code, stdout, errs)
	}
}

// TestHostileTemplatesSamePlace: generate points at the same template
// position as templates check does (a column counted in characters from
// 1, not text/template's bytes from 0).
func TestHostileTemplatesSamePlace(t *testing.T) {
	want := map[string]string{
		"loop":      "fixtures/hostile/templates/loop/report.md.tmpl:2:56: 模板运行了 200000 步",
		"memory":    "fixtures/hostile/templates/memory/report.md.tmpl:2:56: 在 printf",
		"recursion": "fixtures/hostile/templates/recursion/report.md.tmpl:1:20: 子模板一层套一层地调用",
	}
	for id, w := range want {
		code, _, errs := cli(t, nil, "generate", "fixtures/liubeiqiao-2024-h1.yaml", "--templates", "fixtures/hostile/templates", "-t", id, "-f", "md", "-o", t.TempDir())
		if code != 1 || !strings.HasPrefix(errs, w) {
			t.Errorf("%s: exit %d\n%s\nwant %s…", id, code, errs, w)
		}
	}
}

// TestHostileLongName: a union's name within its 50 characters whose file
// name is still too long (characters of 4 bytes) is refused by validate at
// the name, as generate refuses it, before anything is written.
func TestHostileLongName(t *testing.T) {
	dir := t.TempDir()
	base, err := os.ReadFile("fixtures/liubeiqiao-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "long.yaml")
	os.WriteFile(in, []byte(strings.Replace(string(base), "  name: 柳背桥社区工会", "  name: "+strings.Repeat("𪚥", 50), 1)), 0o644)
	want := in + ":5:9: 字段 org.name：单位名称用在报告的文件名里，文件名“" + strings.Repeat("𪚥", 50) + "_2024年上半年_工作总结”有 235 字节，超过了文件系统能用的 232 字节。"
	for _, args := range [][]string{{"validate", in}, {"generate", in, "-o", filepath.Join(dir, "out")}} {
		code, _, errs := cli(t, nil, args...)
		if code != 1 || !strings.HasPrefix(errs, want) {
			t.Errorf("%s: exit %d\n%s\nwant %s…", args[0], code, errs, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("generate made the output folder")
	}
}

// TestHostileBatchCounts: a unit whose report cannot be written (a folder
// holds its name) is counted once as failed, the same in the roll-up's
// sentence and in the batch's last line.
func TestHostileBatchCounts(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(filepath.Join(out, "柳背桥社区工会_2024年上半年_工作总结.md"), 0o755)
	os.Mkdir(in, 0o755)
	base, err := os.ReadFile("fixtures/liubeiqiao-2024-h1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "a.yaml"), base, 0o644)
	os.WriteFile(filepath.Join(in, "b.yaml"), []byte(strings.Replace(string(base), "  name: 柳背桥社区工会", "  name: 第二社区工会", 1)), 0o644)
	code, _, errs := cli(t, nil, "batch", in, "-t", "半年总结", "-f", "md", "-o", out)
	errs = strings.ReplaceAll(errs, dir, "DIR")
	for _, want := range []string{
		"DIR/in/a.yaml：无法写入 DIR/out/柳背桥社区工会_2024年上半年_工作总结.md：同名的文件夹已经存在。",
		"汇总报告：有 1 个单位没有生成报告（见上），没有生成汇总报告",
		"共 2 个单位：1 个生成了报告，1 个没有生成报告（见上）。",
	} {
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("exit %d; stderr lacks %q:\n%s", code, want, errs)
		}
	}
}
