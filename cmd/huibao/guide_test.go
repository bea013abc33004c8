package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/internal/golden"
)

const guidePath = "docs/template-guide.md"

// guideBlock is a fenced block of the guide with the comment marker that
// precedes it, if any.
type guideBlock struct {
	lang, body, marker string
	line               int
}

var markerRe = regexp.MustCompile(`^<!-- (.*) -->$`)

// guideBlocks splits the guide into its fenced blocks.
func guideBlocks(text string) []guideBlock {
	var out []guideBlock
	lines := strings.Split(text, "\n")
	marker := ""
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := markerRe.FindStringSubmatch(l); m != nil {
			marker = m[1]
			continue
		}
		if !strings.HasPrefix(l, "```") {
			if strings.TrimSpace(l) != "" {
				marker = ""
			}
			continue
		}
		b := guideBlock{lang: strings.TrimPrefix(l, "```"), marker: marker, line: i + 1}
		var body []string
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			body = append(body, lines[i])
		}
		b.body = strings.Join(body, "\n") + "\n"
		out = append(out, b)
		marker = ""
	}
	return out
}

var (
	exampleRe = regexp.MustCompile(`^示例文件：(\S+)$`)
	mistakeRe = regexp.MustCompile(`^试错：把 (\S+) 里的 (.+) 改成 (.+)$`)
)

// TestGuide follows docs/template-guide.md as an author would: it runs
// every huibao command of its sh blocks in order in a fresh folder (with
// the repository's fixtures/), checks that what each text block after a
// command shows is in the command's output, that each file the guide shows
// is the example in fixtures/templates and, writing those files where the
// author edits them, that the new template checks clean and generates. It
// also keeps the generated field table and the shown files up to date
// (-update).
func TestGuide(t *testing.T) {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(guidePath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)

	// The generated parts: the field table, and the example files.
	const begin, end = "<!-- 字段表开始", "<!-- 字段表结束 -->"
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("%s: field table markers missing", guidePath)
	}
	i += strings.Index(text[i:], "\n") + 1
	want := text[:i] + "\n" + catalog.FieldTable() + "\n" + text[j:]
	for _, b := range guideBlocks(want) {
		if m := exampleRe.FindStringSubmatch(b.marker); m != nil {
			file, err := os.ReadFile(m[1])
			if err != nil {
				t.Fatalf("%s:%d: %v", guidePath, b.line, err)
			}
			want = strings.Replace(want, "```"+b.lang+"\n"+b.body+"```", "```"+b.lang+"\n"+string(file)+"```", 1)
		}
	}
	// Out of date with the model or with fixtures/templates?
	if !golden.Check(t, guidePath, []byte(want)) {
		t.FailNow()
	}
	text = want

	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "fixtures"), filepath.Join(dir, "fixtures")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	const target = "我的模板/women-summary"
	var out string       // output of the last command
	var restore func()   // undoes a 试错 after its output is checked
	var pending []string // 试错 to apply before the next command
	ran, files := 0, 0
	blocks := guideBlocks(text)
	for k, b := range blocks {
		switch {
		case mistakeRe.MatchString(b.marker):
			pending = mistakeRe.FindStringSubmatch(b.marker)[1:]
		}
		switch b.lang {
		case "sh":
			if pending != nil {
				restore = mistake(t, filepath.Join(target, pending[0]), pending[1], pending[2])
				pending = nil
			}
			out = ""
			for _, l := range strings.Split(strings.TrimSpace(b.body), "\n") {
				if !strings.HasPrefix(l, "huibao ") {
					continue
				}
				code, o, e := cli(t, nil, strings.Fields(l)[1:]...)
				out = o + e
				ran++
				if wantFail := restore != nil; (code != 0) != wantFail {
					t.Errorf("%s:%d: %s: exit %d\n%s", guidePath, b.line, l, code, out)
				}
			}
		case "text":
			if k == 0 || blocks[k-1].lang != "sh" || b.marker != "" {
				break // an illustration or a file, not a command's output
			}
			for _, l := range strings.Split(b.body, "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.Contains(out, l) {
					t.Errorf("%s:%d: output lacks %q; it was:\n%s", guidePath, b.line, l, out)
				}
			}
			if restore != nil {
				restore()
				restore = nil
			}
		}
		if m := exampleRe.FindStringSubmatch(b.marker); m != nil {
			// The author types the file shown over the copy.
			if err := os.WriteFile(filepath.Join(target, filepath.Base(m[1])), []byte(b.body), 0o644); err != nil {
				t.Fatalf("%s:%d: %v", guidePath, b.line, err)
			}
			files++
		}
	}
	if ran < 6 || files != 2 {
		t.Errorf("the guide ran %d commands and wrote %d files; expected the copy, check and generate steps and both files", ran, files)
	}
	// The report the guide promises is there, and is the example's golden.
	got, err := os.ReadFile("报告/慈一棉纺织有限公司工会_2024年_女职工工作总结.md")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join(root, "engine/testdata/golden/cimian-enterprise-2024.women-summary.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(golden) {
		t.Errorf("the guide's report differs from engine/testdata/golden/cimian-enterprise-2024.women-summary.md")
	}
}

// mistake replaces old by new in file, as the guide's deliberate error
// does, and returns the function that puts the file back.
func mistake(t *testing.T, file, old, new string) func() {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("the guide's mistake: %s has no %q:\n%s", file, old, b)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return func() {
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
