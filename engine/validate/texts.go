package validate

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// texts checks every text of the report against what a report can hold,
// so that what passes here is never refused when the report is made: its
// length (model's limits), invisible and control characters, line breaks
// in a one-line field, and, read as the report will read it (set for
// Chinese prose, as Markdown text), the residue, placeholders and
// punctuation the lint of generated reports refuses.
func (c *checker) texts() {
	for _, f := range model.Fields() {
		if f.Kind != model.KindList && f.Kind != model.KindTextList {
			continue
		}
		if n, lim := len(f.Items(c.r)), model.LimitOf(f.Path).Items*max(c.units, 1); lim > 0 && n > lim {
			c.add(f.Path, fmt.Sprintf("%s有 %d 项，超过了上限 %d 项", f.Label, n, lim), "一份报告用不了这么多；请确认数据，或把数据分成几份")
		}
	}
	for tx := range model.Texts(c.r) {
		if tx.Value != "" {
			c.text(tx.Path, tx.Value)
		}
	}
}

func (c *checker) text(path, s string) {
	lim := model.LimitOf(path)
	what := model.Label(path)
	if what == "" {
		what = "这一项"
	}
	if n := utf8.RuneCountInString(s); lim.Chars > 0 && n > lim.Chars {
		c.add(path, fmt.Sprintf("%s太长：有 %d 个字，上限是 %d 个字", what, n, lim.Chars), longHint(path, lim))
		return
	}
	if strings.TrimSpace(s) == "" {
		if !strings.HasPrefix(path, "problems[") { // problems() says it of a sentence
			c.add(path, what+"只有空白，没有内容", "请填写内容，或删去这一项")
		}
		return
	}
	if msg, hint := invisible(s, lim.Lines); msg != "" {
		c.add(path, what+msg, hint)
		return
	}
	n := zh.Inline(s)
	md := markdown.Escape(n, markdown.Block)
	if m := zh.Residue(md); m != "" {
		c.add(path, fmt.Sprintf("%s里有“%s”，这是程序出错时留下的记号，报告里不能出现", what, m), "请改写这一处")
		return
	}
	if m := zh.Placeholder(md); m != "" {
		c.add(path, fmt.Sprintf("%s里有“%s”，像是没有填完的占位符", what, m), "请填写实际内容；没有的内容请留空")
		return
	}
	if listMarker.MatchString(n) {
		c.add(path, fmt.Sprintf("%s只写了“%s”", what, n), "请填写实际内容；编号由报告自动加上")
		return
	}
	if t := strings.Trim(n, "。"); t == "无" || t == "暂无" || t == "没有" {
		c.add(path, fmt.Sprintf("%s写的是“%s”", what, n), "没有的内容请留空或删去这一项，不要写“无”：报告会略去没有内容的部分")
		return
	}
	for _, line := range strings.Split(n, "\n") {
		line = strings.TrimSpace(line)
		if r, _ := utf8.DecodeRuneInString(line); zh.Opening(r) {
			c.add(path, fmt.Sprintf("%s以标点“%c”开头", what, r), "请删去开头的标点")
			return
		}
		for _, p := range zh.CheckPunct(line) {
			if p.Kind == zh.Doubled {
				c.add(path, fmt.Sprintf("%s里标点重复：“%s”", what, p.Text), "请只留一个标点")
				return
			}
		}
	}
	if lim.Lines {
		return // a sentence: templates set it with zh.Clause, which takes its final mark off
	}
	if r, _ := utf8.DecodeLastRuneInString(n); strings.ContainsRune("，、；：。？！", r) {
		c.add(path, fmt.Sprintf("%s末尾有标点“%c”", what, r), "名称、地点这类内容末尾不加标点，报告会在它后面接着写；请删去")
		return
	}
	if m := zh.LeadingNumber(n); m != "" {
		c.add(path, fmt.Sprintf("%s以编号“%s”开头", what, m), "编号由报告按层次自动加上；请删去这个编号")
	}
}

// listMarker is a text that is nothing but a list number, which Markdown
// would read as an empty list (markdown.Escape leaves numbers at the end of
// a text alone, for the templates' numbering).
var listMarker = regexp.MustCompile(`^[0-9A-Za-z]{1,10}[.)]$`)

// longHint says why a text is limited and what to do.
func longHint(path string, lim model.Limit) string {
	switch {
	case strings.HasPrefix(path, "org.name"):
		return fmt.Sprintf("单位名称用在标题和文件名里，请用规范简称（%d 个字以内）", lim.Chars)
	case lim.Lines:
		return fmt.Sprintf("请精简到 %d 个字以内；内容多时可分成几条", lim.Chars)
	}
	return fmt.Sprintf("请精简到 %d 个字以内", lim.Chars)
}

// invisible finds a character no report may hold: a control character, a
// line break in a one-line text, a character that changes the direction
// or joining of text without being seen (U+202E, U+200B), or the
// replacement character a wrong encoding leaves. It says which and where.
func invisible(s string, lines bool) (msg, hint string) {
	i, count := 0, 0
	var first rune
	var firstAt int
	var firstName string
	for _, r := range s {
		i++
		name := ""
		switch {
		case r == '\n' || r == '\r':
			if lines || count > 0 {
				continue
			}
			return fmt.Sprintf("里有换行（第 %d 个字符）：这一项只能写一行", i), "请删去换行，写在一行里"
		case r == utf8.RuneError:
			if count > 0 {
				continue
			}
			return fmt.Sprintf("里有乱码字符“\uFFFD”（第 %d 个字符）", i), "文件的编码可能不对，或复制时出了错；请重新输入这一处"
		default:
			if name = invisibleName(r); name == "" {
				continue
			}
		}
		if count++; count == 1 {
			first, firstAt, firstName = r, i, name
		}
	}
	if count == 0 {
		return "", ""
	}
	msg = fmt.Sprintf("里有看不见的%s U+%04X（第 %d 个字符）", firstName, first, firstAt)
	if count > 1 {
		msg += fmt.Sprintf("，一共有 %d 个看不见的字符", count)
	}
	return msg, "这种字符常随复制粘贴混入，会让文件名和报告显示不出或显示错乱；请删去后重新输入这一处"
}

// invisibleName names a character that shows nothing or changes how text
// around it shows; "" for any other.
func invisibleName(r rune) string {
	switch {
	case r == '\t':
		return "制表符"
	case unicode.IsControl(r):
		return "控制字符"
	case r == 0x2028 || r == 0x2029:
		return "分行符"
	case unicode.Is(unicode.Cf, r):
		switch {
		case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
			return "零宽字符"
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
			return "改变文字方向的控制字符"
		}
		return "格式控制字符"
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return "非字符"
	}
	return ""
}
