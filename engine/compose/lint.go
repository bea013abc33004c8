package compose

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/zh"
)

// Lint checks generated Markdown for what a careful reader would circle in
// red: template residue, doubled or half-width punctuation in Chinese prose,
// a line starting with closing punctuation, placeholder text, empty
// sections, and broken 一、（一）1.（1） numbering. Positions are lines of the
// generated Markdown; File is left empty for the caller to fill in.
func Lint(md []byte) diag.List {
	var probs diag.List
	lines := strings.Split(string(md), "\n")
	body := BodyStart(lines)
	add := func(i int, msg, hint string) {
		probs.Add(diag.Pos{Line: i + 1, Col: 1}, "", msg, hint)
	}
	n := newNumbering()
	var lastHeading = -1
	lastLevel := 0
	continued := false // the line goes on a paragraph after a hard break
	for i := body; i < len(lines); i++ {
		line := lines[i]
		if strings.TrimSpace(line) == "" {
			continued = false
			continue
		}
		cont := continued
		continued = HardBreak(line)
		for _, r := range zh.Residues {
			if strings.Contains(line, r) {
				add(i, fmt.Sprintf("输出里有模板残留“%s”：%s", r, excerpt(line)), residueHints[r])
			}
		}
		if m := zh.Placeholder(line); m != "" {
			add(i, fmt.Sprintf("输出里有占位文字“%s”：%s", m, excerpt(line)), "报告里不应出现 XX、××、__ 之类的占位符")
		}
		text := strings.TrimLeft(line, "# ")
		if cont {
			// A line of a cadre's text after its own line break: checked
			// like the text it is, not as the start of a paragraph.
			if p := zh.CheckPunct(text); len(p) > 0 && p[0].Kind == zh.Doubled {
				add(i, fmt.Sprintf("标点重复“%s”：%s", p[0].Text, excerpt(line)), "检查模板里拼接句子的地方，数据里的句末标点要先去掉")
			}
			continue
		}
		if r := []rune(text); len(r) > 0 && zh.Opening(r[0]) && !strings.HasPrefix(line, "|") {
			add(i, "一行以标点开头："+excerpt(line), "检查模板里的换行位置")
		}
		if !strings.HasPrefix(line, ":::") {
			for _, p := range zh.CheckPunct(text) {
				if p.Kind == zh.Doubled {
					add(i, fmt.Sprintf("标点重复“%s”：%s", p.Text, excerpt(line)), "检查模板里拼接句子的地方，数据里的句末标点要先去掉")
				} else {
					add(i, fmt.Sprintf("中文里用了半角标点“%s”：%s", p.Text, excerpt(line)), "中文里的标点要用全角："+p.Want+"；数据里的可用 zh.Punct 转换")
				}
				break // one finding per line is enough to locate it
			}
		}
		if t := strings.TrimSpace(strings.Trim(text, "。")); t == "无" || t == "暂无" {
			add(i, "段落只有“"+t+"”", "没有内容的部分应整节略去，不要写“无”")
		}
		level := headingLevel(line)
		if level > 0 {
			if lastHeading >= 0 && level <= lastLevel {
				add(lastHeading, "空标题："+excerpt(lines[lastHeading]), "没有内容的部分应整节略去")
			}
			lastHeading, lastLevel = i, level
		} else {
			lastHeading = -1
		}
		if msg := n.check(text, level); msg != "" {
			add(i, msg+"："+excerpt(line), "编号应由模板的 zh.Counter 生成，不要手写")
		}
	}
	if lastHeading >= 0 {
		add(lastHeading, "空标题："+excerpt(lines[lastHeading]), "没有内容的部分应整节略去")
	}
	probs = append(probs, lintProse(md)...)
	return probs
}

// residueHints say what each of zh.Residues means in a template.
var residueHints = map[string]string{
	"<no value>": "模板引用了不存在的值；用 {{ with }} 或 {{ if }} 判断可选字段",
	"{{":         "模板语法没有闭合，或把模板代码写进了数据",
	"}}":         "模板语法没有闭合，或把模板代码写进了数据",
	"%!":         "格式化参数不对（printf 的参数个数或类型）",
	"map[":       "把整个数据结构打印出来了；请引用具体字段",
	"0001年":      "日期是空的：请先判断日期是否填写",
}

func headingLevel(line string) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n >= len(line) || line[n] != ' ' {
		return 0
	}
	return n
}

func excerpt(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return string(r)
}

// numbering follows the 一、（一）1.（1） sequence through the document.
type numbering struct {
	next [5]int // expected next number at levels 1..4
}

func newNumbering() *numbering {
	n := &numbering{}
	for i := range n.next {
		n.next[i] = 1
	}
	return n
}

var l1, l2, l3, l4 = zh.Level1, zh.Level2, zh.Level3, zh.Level4

// check matches a heading or paragraph against the expected number of its
// level and returns a problem, or "". Only headings and paragraphs that
// begin with a number take part.
func (n *numbering) check(text string, heading int) string {
	type lv struct {
		re  *regexp.Regexp
		cn  bool
		lvl int
	}
	for _, l := range []lv{{l1, true, 1}, {l2, true, 2}, {l4, false, 4}, {l3, false, 3}} {
		m := l.re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		if rest := []rune(strings.TrimLeft(text[len(m[0]):], " ")); l.lvl == 3 && heading == 0 && (len(rest) == 0 || !unicode.Is(unicode.Han, rest[0])) {
			return "" // "3.5万元…" is a number, not a heading
		}
		got := 0
		if l.cn {
			got = parseNumeral(m[1])
		} else {
			fmt.Sscanf(m[1], "%d", &got)
		}
		want := n.next[l.lvl]
		for k := l.lvl + 1; k < len(n.next); k++ {
			n.next[k] = 1
		}
		n.next[l.lvl] = got + 1
		if got != want {
			return fmt.Sprintf("编号不连续：应为第%d项，实际写的是“%s”", want, m[0])
		}
		return ""
	}
	return ""
}

// parseNumeral reads the Chinese numerals of headings, 一 to 九十九.
func parseNumeral(s string) int {
	digit := func(r rune) int { return strings.IndexRune("一二三四五六七八九", r)/3 + 1 }
	r := []rune(s)
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10
	case len(r) == 1:
		return digit(r[0])
	case len(r) == 2 && r[0] == '十':
		return 10 + digit(r[1])
	case len(r) == 2 && r[1] == '十':
		return digit(r[0]) * 10
	case len(r) == 3 && r[1] == '十':
		return digit(r[0])*10 + digit(r[2])
	}
	return 0
}

// BodyStart is the index of the first line after the metadata block of
// generated Markdown split into lines (0 when there is none).
func BodyStart(lines []string) int {
	if len(lines) > 0 && lines[0] == "---" {
		for i := 1; i < len(lines); i++ {
			if lines[i] == "---" {
				return i + 1
			}
		}
	}
	return 0
}
