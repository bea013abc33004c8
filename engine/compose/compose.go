// Package compose executes a report template against a report and returns
// the finished, pandoc-ready Markdown: a metadata block, then the body with
// every paragraph on one line, checked for template residue.
package compose

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"
	"unicode"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/funcs"
	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/prose"
	"github.com/huibao/huibao/engine/zh"
)

// Prepare returns a copy of r with the values a template reads filled in:
// report.date defaults to the period's last day, report.template to the
// template's id, report.title to 单位名 + 期间 + the template's document name.
// Templates read these from the data (.Report.Date), never from the clock.
//
// Every text is set for Chinese prose as zh.Inline does it: the half-width
// marks a cadre types — 红星机械(集团)有限公司工会, 如下: — become full
// width, as the report's own punctuation is, so that no template can write
// a value the lint refuses and validation let through.
func Prepare(t *catalog.Template, r *model.Report) *model.Report {
	c := Texts(r)
	c.Report.Date = r.IssueDate()
	c.Period = PlannedPeriod(t, r)
	c.Report.Template = t.ID
	if c.Report.Title == "" {
		c.Report.Title = Title(t, c)
	}
	return c
}

// Texts is r with its texts set for Chinese prose (zh.Inline).
func Texts(r *model.Report) *model.Report {
	return model.MapTexts(r, func(_, s string) string { return zh.Inline(s) })
}

// Title is the default title: 柳背桥社区工会2024年上半年工作总结.
func Title(t *catalog.Template, r *model.Report) string {
	return r.Org.Name + zh.PeriodName(PlannedPeriod(t, r)) + t.DocName
}

// PlannedPeriod is the period a report is about. For a summary or a
// briefing it is the input's period. A plan is about the period planned
// for: given the data of a half-year or year that is finished when the plan
// is written (its report.date is after the period), or whose plans all
// fall due after it — the usual case at year end, when the same data gives
// the 年度总结 and next year's 年度工作计划 — that is the next period, so the
// plan is not titled with the year just ended.
func PlannedPeriod(t *catalog.Template, r *model.Report) model.Period {
	if t.Kind != model.KindPlan || !r.Period.Start.IsZero() {
		return r.Period
	}
	last, dated := r.Period.Last(), 0
	next := r.Period.Next()
	if d := r.Report.Date; !d.IsZero() && d.After(last) && t.Accepts(next) {
		return next
	}
	for _, p := range r.Plans {
		if p.Deadline.IsZero() {
			continue
		}
		if !p.Deadline.After(last) {
			return r.Period
		}
		dated++
	}
	if dated > 0 && t.Accepts(next) {
		return next
	}
	return r.Period
}

// FileStem is the output file name without extension, per the CLI contract:
// <单位名>_<期间>_<报告名>, e.g. 柳背桥社区工会_2024年上半年_工作总结.
// Characters that file systems refuse are replaced by "_".
func FileStem(t *catalog.Template, r *model.Report) string {
	return Stem(zh.Inline(r.Org.Name), zh.PeriodName(PlannedPeriod(t, r)), t.DocName)
}

// Stem joins the three parts of an output file name, replacing characters
// that file systems refuse by "_".
func Stem(org, period, docName string) string {
	return safeName(org) + "_" + safeName(period) + "_" + safeName(docName)
}

// safeName makes s a part of a file name: characters that file systems
// refuse become "_"; characters no one sees — controls, zero-width and
// direction marks (U+202E would show "…exe.jpg" for "…gpj.exe") — go, as
// do the dots and blanks Windows drops from a name's end. Validation refuses
// the invisible ones in the data; this keeps them out of names whatever
// the source (a template's doc_name, a manifest).
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' || r == 0x7F:
			return '_'
		case unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	return strings.TrimRight(s, ". ")
}

// Markdown renders the report. r must have passed validation and must
// fall within the periods the template accepts. The returned problems are
// the lint findings on the output (template residue, broken numbering,
// empty sections, constructions a careful reader would strike); they are
// errors or warnings of the template, not of the input.
//
// A template with a budget (its manifest's budget: chars or pages) is
// rendered at the fullest level of detail that fits: each level down the
// prose namespace tells fewer activities in full and more in summary
// (engine/prose's Levels). A report that does not fit even summarised as
// far as it goes is returned as it is, with a warning; text is never cut.
func Markdown(t *catalog.Template, r *model.Report) ([]byte, diag.List, error) {
	return MarkdownWithin(t, r, t.Budget)
}

// MarkdownWithin is Markdown with another budget than the template's: the
// batch manifest's for a roll-up.
func MarkdownWithin(t *catalog.Template, r *model.Report, budget catalog.Budget) ([]byte, diag.List, error) {
	tmpl, err := t.Compile()
	if err != nil {
		return nil, nil, t.Error(err)
	}
	data := Prepare(t, r)
	var dataPeriod *model.Period
	if data.Period != r.Period {
		p := r.Period
		dataPeriod = &p
	}
	profile, err := layout.Of(t.Layout)
	if err != nil {
		profile = layout.OfficialProfile()
	}
	var md []byte
	rn := prose.NewRender()
	// The levels from one rendered to rn.Same() write the same text: when
	// the one does not fit, they are not rendered.
	for level := 0; level < len(prose.Levels); level = rn.Same() + 1 {
		md, err = render(tmpl, t, data, level, dataPeriod, rn)
		if err != nil {
			return nil, nil, err
		}
		if within(md, budget, profile) {
			return md, Lint(md), nil
		}
	}
	probs := Lint(md)
	probs.Warn(diag.Pos{}, "", fmt.Sprintf("报告超出了模板的篇幅预算（%s），已按类别概括到最简，仍未达到", budgetText(md, budget, profile)),
		"请减少活动或指标，或在模板说明（template.yaml）里放宽 budget")
	return md, probs, nil
}

// render executes the template at one level of detail.
func render(tmpl *template.Template, t *catalog.Template, data *model.Report, level int, dataPeriod *model.Period, rn *prose.Render) ([]byte, error) {
	ns := funcs.NewProseFor(rn, t.Lexicon, level, dataPeriod)
	var body bytes.Buffer
	if err := catalog.Run(tmpl, &body, data, template.FuncMap{"prose": func() any { return ns }}); err != nil {
		return nil, t.Error(err)
	}
	var out bytes.Buffer
	writeMeta(&out, t, data)
	out.WriteByte('\n')
	Normalize(&out, body.Bytes())
	return out.Bytes(), nil
}

// within reports whether a report fits a budget.
func within(md []byte, b catalog.Budget, p *layout.Profile) bool {
	return (b.Chars == 0 || Chars(md) <= b.Chars) && (b.Pages == 0 || Pages(md, p) <= b.Pages)
}

// budgetText says how a report compares with its budget: 3420字，预算3000字.
func budgetText(md []byte, b catalog.Budget, p *layout.Profile) string {
	var parts []string
	if b.Chars > 0 {
		parts = append(parts, fmt.Sprintf("%d字，预算%d字", Chars(md), b.Chars))
	}
	if b.Pages > 0 {
		parts = append(parts, fmt.Sprintf("约%d页，预算%d页", Pages(md, p), b.Pages))
	}
	return strings.Join(parts, "；")
}

// writeMeta writes the pandoc metadata block. The issuing union and the
// date are issuer and issued, not pandoc's author and date: pandoc prints
// those under the title, a second 落款 above the text, while the signature
// div already closes the report. pandoc keeps issuer and issued as custom
// document properties; huibao's writers read them as the author and the
// creation date.
func writeMeta(w *bytes.Buffer, t *catalog.Template, r *model.Report) {
	issued := r.Report.Date
	fmt.Fprintf(w, "---\n")
	fmt.Fprintf(w, "title: %s\n", quote(r.Report.Title))
	fmt.Fprintf(w, "issuer: %s\n", quote(r.Org.Name))
	fmt.Fprintf(w, "lang: zh-CN\n")
	fmt.Fprintf(w, "issued: %s\n", quote(issued.String()))
	fmt.Fprintf(w, "subject: %s\n", quote(t.Name))
	fmt.Fprintf(w, "keywords: [%s, %s, %s]\n", quote(r.Org.Name), quote(zh.PeriodName(r.Period)), quote(t.DocName))
	fmt.Fprintf(w, "profile: %s\n", t.Layout)
	fmt.Fprintf(w, "---\n")
}

// quote writes s as a double-quoted YAML string holding Markdown text:
// pandoc reads metadata values as Markdown, so that a title must not make
// emphasis or a link any more than the body may (engine/markdown reads the
// escapes back).
func quote(s string) string {
	s = markdown.Escape(s, markdown.Line)
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Normalize writes the template's output as Markdown blocks: every
// non-blank line is its own block (a paragraph, a heading), separated by
// one blank line, except that consecutive table rows stay together and a
// fenced div's opening and closing lines are kept as they are. So template
// authors write one line per paragraph and never fight blank lines, and no
// paragraph carries a line break that pandoc would turn into a space.
// Trailing spaces are trimmed.
//
// A line ending in a hard break (a backslash, as markdown.Escape writes a
// line break inside a cadre's text) goes on in the next line, which is the
// same paragraph's.
func Normalize(w *bytes.Buffer, body []byte) {
	first := true
	prevTable, prevOpen, prevBreak := false, false, false
	for line := range strings.Lines(strings.ReplaceAll(string(body), "\r\n", "\n")) {
		line = strings.TrimRight(line, " \t\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if prevBreak {
			w.WriteString(line)
			w.WriteByte('\n')
			prevBreak = HardBreak(line)
			continue
		}
		table := strings.HasPrefix(strings.TrimLeft(line, " "), "|")
		fence := strings.HasPrefix(line, ":::")
		closing := fence && strings.TrimSpace(line) == ":::"
		if !first && !(table && prevTable) && !prevOpen && !closing {
			w.WriteByte('\n')
		}
		w.WriteString(line)
		w.WriteByte('\n')
		first, prevTable, prevOpen = false, table, fence && !closing
		prevBreak = !table && HardBreak(line)
	}
}

// HardBreak reports whether a line of Markdown ends in a hard break: an odd
// number of backslashes (an even number are escaped backslashes).
func HardBreak(line string) bool {
	n := len(line) - len(strings.TrimRight(line, "\\"))
	return n%2 == 1
}
