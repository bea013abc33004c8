package engine

import (
	"fmt"
	"strings"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/pdf"
	"github.com/huibao/huibao/engine/pdf/font"
	"github.com/huibao/huibao/engine/zh"
)

// glyphs finds, when a format of the job embeds fonts, every character of
// the data that no font of some role can draw: the PDF could not be
// written, and the input is where to change it. The fonts are loaded only
// then; when they cannot be, the writer says so as the machine's problem.
func (e *Engine) glyphs(j *Job) diag.List {
	need := false
	for _, f := range j.Formats {
		need = need || f.Fonts
	}
	if !need {
		return nil
	}
	fonts, err := e.res.Fonts()
	if err != nil {
		return nil
	}
	var probs diag.List
	for tx := range model.Texts(j.Report) {
		if tx.Value == "" {
			continue
		}
		if rs, role := missing(fonts, zh.Inline(tx.Value)); len(rs) > 0 {
			chars := make([]string, len(rs))
			for i, r := range rs {
				chars[i] = fmt.Sprintf("“%c”（U+%04X）", r, r)
			}
			what := model.Label(tx.Path)
			if what == "" {
				what = "这一项"
			}
			probs.Add(j.Source.Pos(tx.Path), tx.Path,
				fmt.Sprintf("%s里的%s在 PDF 的“%s”字体中没有，无法写进 PDF", what, strings.Join(chars, "、"), role.Chinese()),
				"请改写这些字符（生僻字可用常用字或拼音代替），或安装、指定含有它们的 TrueType 字体（如 fonts-lxgw-wenkai）；只要 Word 或 Markdown 时可用 -f docx,md")
		}
	}
	return probs
}

// missing lists the runes of s, once each, that the chain of some role
// lacks, with the first such role.
func missing(fonts *pdf.Fonts, s string) ([]rune, font.Role) {
	var out []rune
	var role font.Role
	seen := map[rune]bool{}
	for _, r := range s {
		if r == '\n' || r == ' ' || seen[r] {
			continue
		}
		seen[r] = true
		for ro := font.Title; ro <= font.Body; ro++ {
			if _, ok := fonts.Pick(ro, r); !ok {
				if len(out) == 0 {
					role = ro
				}
				out = append(out, r)
				break
			}
		}
	}
	return out, role
}
