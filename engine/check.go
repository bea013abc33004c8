package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/catalog/vet"
	"github.com/huibao/huibao/engine/compose"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// CheckOptions configure CheckTemplates.
type CheckOptions struct {
	// Fixtures is a folder of sample inputs (fixtures/). Each *.yaml, *.yml
	// and *.json in it that validates is rendered with every template that
	// accepts its period and has the data it requires. Empty: none.
	Fixtures string
}

// TemplateCheck is what templates check found in one template.
type TemplateCheck struct {
	Template *catalog.Template
	// Problems are the static check's, then those of rendering each input
	// (execution errors, lint findings on the Markdown), pointed back at
	// the template, sorted.
	Problems diag.List
	// Inputs names what the template was rendered with: fixture paths and
	// minimal inputs.
	Inputs []string
}

// CheckResult is the outcome of CheckTemplates.
type CheckResult struct {
	Templates []TemplateCheck
	// Notes say which sample inputs were left out and why (a fixture that
	// does not validate is not a template's problem).
	Notes []string
}

// NamedInput is a report to render, with how messages name it.
type NamedInput struct {
	Name   string // fixtures/x.yaml, or 最小输入（…）
	Report *model.Report
}

// CheckTemplates checks templates the way an author needs before shipping
// one: statically against the input model (vet.Analyze), then by
// rendering each against every fixture it accepts, the fixtures its
// manifest lists, and the minimal inputs, and linting the Markdown. Every
// problem is positioned in the template.
func (e *Engine) CheckTemplates(ts []*catalog.Template, opts CheckOptions) CheckResult {
	var res CheckResult
	var shared []*Job
	var sharedNames []string
	if opts.Fixtures != "" {
		var paths []string
		for _, pat := range []string{"*.yaml", "*.yml", "*.json"} {
			m, _ := filepath.Glob(filepath.Join(opts.Fixtures, pat))
			paths = append(paths, m...)
		}
		slices.Sort(paths)
		for _, p := range paths {
			in, err := e.Prepare(Request{Path: p, Check: DataOnly})
			if err != nil {
				res.Notes = append(res.Notes, fmt.Sprintf("%s 有输入错误，没有用来检查模板（用 huibao validate %s 查看）", p, p))
				continue
			}
			shared = append(shared, in)
			sharedNames = append(sharedNames, filepath.ToSlash(p))
		}
	}
	for _, t := range ts {
		res.Templates = append(res.Templates, e.checkTemplate(t, shared, sharedNames))
	}
	return res
}

func (e *Engine) checkTemplate(t *catalog.Template, shared []*Job, sharedNames []string) TemplateCheck {
	tc := TemplateCheck{Template: t}
	a := vet.Analyze(t)
	tc.Problems = append(tc.Problems, a.Problems...)
	if _, err := t.Compile(); err != nil {
		if len(a.Problems.Errors()) == 0 {
			tc.Problems = append(tc.Problems, catalog.TemplateProblem(err))
		}
		tc.Problems.Sort()
		return tc
	}
	var inputs []NamedInput
	for i, in := range shared {
		if e.suits(t, in) {
			inputs = append(inputs, NamedInput{sharedNames[i], in.Report})
		}
	}
	for _, ref := range t.ManifestFixtures() {
		listed := strings.TrimPrefix(ref.Path, t.Dir+"/")
		if _, err := os.Stat(ref.Path); err != nil {
			tc.Problems.Add(ref.Pos, "", fmt.Sprintf("找不到样例 %s（在 %s 找过）", listed, ref.Path), "fixtures 里的文件名相对于模板文件夹")
			continue
		}
		if outside(t.Dir, ref.Path) {
			tc.Problems.Add(ref.Pos, "", fmt.Sprintf("样例 %s 是指向模板文件夹外的链接", listed), "fixtures 只能是模板文件夹里的文件；请把样例复制进来")
			continue
		}
		in, err := e.Prepare(Request{Path: ref.Path, Check: DataOnly})
		if err != nil {
			tc.Problems = append(tc.Problems, Problems(err).Errors()...)
			continue
		}
		if !t.Accepts(in.Report.Period) {
			tc.Problems.Add(ref.Pos, "", fmt.Sprintf("样例 %s 的期间是%s，模板只适用于%s", listed, zh.PeriodName(in.Report.Period), t.SpanNames()), "换一份样例，或在 spans 里加上它的期间")
			continue
		}
		if m := t.Missing(in.Report); len(m) > 0 {
			tc.Problems.Add(ref.Pos, "", fmt.Sprintf("样例 %s 没有模板要用到的%s", listed, strings.Join(m, "、")), "换一份样例，或补上这些数据")
			continue
		}
		if _, err := e.Prepare(Request{Report: in.Report, Source: in.Source, using: t}); err != nil {
			tc.Problems = append(tc.Problems, Problems(err).Errors()...)
			continue
		}
		inputs = append(inputs, NamedInput{ref.Path, in.Report})
	}
	inputs = append(inputs, MinimalInputs(t)...)

	// An execution error on a line the static check has already flagged
	// is the same mistake seen again; so is any finding seen with an
	// earlier input.
	flagged := map[string]bool{}
	for _, p := range tc.Problems {
		flagged[fmt.Sprintf("%s:%d", p.Pos.File, p.Pos.Line)] = true
	}
	seen := map[string]bool{}
	for _, in := range inputs {
		tc.Inputs = append(tc.Inputs, in.Name)
		exec, lint := e.renderProblems(t, in)
		for _, p := range exec {
			if !flagged[fmt.Sprintf("%s:%d", p.Pos.File, p.Pos.Line)] {
				lint = append(lint, p)
			}
		}
		for _, p := range lint {
			k := p.Pos.String() + "\x00" + p.Path // Path holds the finding's kind, see renderProblems
			if seen[k] {
				continue
			}
			seen[k] = true
			p.Path = ""
			tc.Problems = append(tc.Problems, p)
		}
	}
	tc.Problems.Sort()
	return tc
}

// suits reports whether a fixture is one a template is meant for: its
// period, the data it requires, and the rules of its kind.
func (e *Engine) suits(t *catalog.Template, in *Job) bool {
	_, err := e.Prepare(Request{Report: in.Report, Source: in.Source, using: t})
	return err == nil
}

// renderProblems renders the template with one input and returns what went
// wrong, positioned in the template: the execution error, or the lint
// findings on the Markdown. Each problem's Path carries a key for telling
// repeats apart (the kind of finding); the caller clears it.
func (e *Engine) renderProblems(t *catalog.Template, in NamedInput) (exec, findings diag.List) {
	j, err := e.Prepare(Request{Report: in.Report, using: t, Formats: []string{"md"}})
	if err != nil {
		return nil, nil // a fixture is checked before; a minimal input always passes
	}
	res, err := e.Render(j)
	if err != nil && res == nil {
		var out diag.List
		for _, p := range Problems(err) {
			q := *p // positioned in the template by compose
			q.Path = p.Msg
			q.Msg = fmt.Sprintf("模板 %s %s时出错：%s", t.ID, in.using(), strings.TrimSuffix(p.Msg, "。"))
			out = append(out, &q)
		}
		return out, nil
	}
	md, lint := res.Markdown, res.Lint
	if len(lint) == 0 {
		return nil, nil
	}
	tr, terr := vet.Trace(t, compose.Prepare(t, in.Report))
	var out diag.List
	for _, p := range lint {
		q := *p
		q.Pos = diag.Pos{File: t.Main}
		if terr == nil {
			if off, ok := sourceOffset(md, tr.Out, p.Pos.Line, fragment(p.Msg)); ok {
				q.Pos = tr.Pos(off)
			}
		}
		kind, _, _ := strings.Cut(p.Msg, "：")
		q.Path = kind
		q.Msg = fmt.Sprintf("模板 %s %s的第%d行：%s", t.ID, in.using(), p.Pos.Line, p.Msg)
		out = append(out, &q)
	}
	return nil, out
}

// using names the input in a message: "用 fixtures/x.yaml 生成", "用最小输入（…）生成".
func (in NamedInput) using() string {
	if r := []rune(in.Name); len(r) > 0 && r[0] < 0x80 {
		return "用 " + in.Name + " 生成"
	}
	return "用" + in.Name + "生成"
}

// quoted finds the first “…” of a lint message: the text it is about.
var quoted = regexp.MustCompile(`“([^”]+)”`)

func fragment(msg string) string {
	if m := quoted.FindStringSubmatch(msg); m != nil {
		return m[1]
	}
	return ""
}

// sourceOffset maps line (1-based) of the finished Markdown to an offset in
// the template's raw output. compose.Normalize keeps every non-blank line
// of the output, in order, with trailing spaces trimmed, after the metadata
// block; so the n-th non-blank line of the body is the n-th non-blank raw
// line. The offset is that of frag within the line when it is there, else
// of the line's first character.
func sourceOffset(md, raw []byte, line int, frag string) (int, bool) {
	lines := strings.Split(string(md), "\n")
	if line < 1 || line > len(lines) || strings.TrimSpace(lines[line-1]) == "" {
		return 0, false
	}
	body := compose.BodyStart(lines)
	if line-1 < body {
		return 0, false
	}
	n := 0
	for _, l := range lines[body : line-1] {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	target := lines[line-1]
	off := 0
	for l := range strings.Lines(string(raw)) {
		start := off
		off += len(l)
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n > 0 {
			n--
			continue
		}
		text := strings.TrimRight(l, " \t\r\n")
		if text != target {
			return 0, false // not the line we think: give no position rather than a wrong one
		}
		col := len(text) - len(strings.TrimLeft(text, " \t"))
		if i := strings.Index(text, frag); frag != "" && i >= 0 {
			col = i
		}
		return start + col, true
	}
	return 0, false
}

// minimal items: only the fields validation requires.
var minimalItems = []struct {
	list, name string
	add        func(r *model.Report)
}{
	{"activities", "一项活动", func(r *model.Report) {
		r.Activities = []model.Activity{{Date: r.Period.First(), Title: "工会组长培训", Category: model.Categories()[0]}}
	}},
	{"indicators", "一项工作指标", func(r *model.Report) {
		r.Indicators = []model.Indicator{{Name: "推荐就业", Value: decimal.NewFromInt(5), Unit: "人次"}}
	}},
	{"plans", "一项工作计划", func(r *model.Report) {
		r.Plans = []model.Plan{{Category: model.Categories()[0], Item: "继续做好建会工作"}}
	}},
	{"problems", "一条存在的问题", func(r *model.Report) {
		r.Problems = []string{"会员参与社区建设不够"}
	}},
	{"org.overview", "一项单位概况", func(r *model.Report) {
		r.Org.Overview = []model.Measure{{Name: "辖区面积", Value: decimal.RequireFromString("0.32"), Unit: "平方公里"}}
	}},
}

// MinimalInputs returns the smallest reports a template must cope with:
// only the fields validation requires (no parent or party organisation, no
// last year's figures, empty lists), one per period span the template
// accepts and per way of meeting its manifest's requires, each holding one
// minimal item of the lists required. They all pass validation and the
// rules of the template's kind.
func MinimalInputs(t *catalog.Template) []NamedInput {
	spans := t.Spans
	if len(spans) == 0 {
		spans = []string{"H1"}
	}
	// Each requires entry is met by one of its alternatives: try every
	// combination, so that a summary is rendered both with only activities
	// and with only indicators.
	combos := [][]string{nil}
	for _, req := range t.Requires {
		var next [][]string
		for _, c := range combos {
			for _, alt := range strings.Split(req, "|") {
				next = append(next, append(slices.Clone(c), strings.TrimSpace(alt)))
			}
		}
		combos = next
	}
	var out []NamedInput
	for _, span := range spans {
		for _, lists := range combos {
			r := &model.Report{
				Version: model.Version,
				Org:     model.Org{Name: "某某社区工会", Type: "社区工会"},
				Period:  model.Period{Year: 2024, Span: model.Span(span)},
			}
			if span == "range" {
				r.Period = model.Period{Start: model.Date{Year: 2024, Month: 1, Day: 1}, End: model.Date{Year: 2024, Month: 6, Day: 30}}
			}
			if t.Kind != model.KindPlan {
				r.Membership = model.Membership{Members: 100, DuesPaying: 90, DuesCollected: decimal.NewFromInt(2700)}
			}
			var names []string
			for _, it := range minimalItems {
				if slices.Contains(lists, it.list) {
					it.add(r)
					names = append(names, it.name)
				}
			}
			// A category requirement is met by one activity of it, or,
			// for a plan, by one plan.
			for _, c := range lists {
				switch {
				case model.CategoryIndex(c) < 0:
				case t.Kind == model.KindPlan:
					r.Plans = append(r.Plans, model.Plan{Category: c, Item: "召开" + c + "座谈会"})
					names = append(names, "一项“"+c+"”类计划")
				default:
					r.Activities = append(r.Activities, model.Activity{Date: r.Period.First(), Title: c + "座谈会", Category: c})
					names = append(names, "一项“"+c+"”类活动")
				}
			}
			name := "最小输入（" + zh.PeriodName(r.Period) + "，只有必填项"
			if len(names) > 0 {
				name += "和" + strings.Join(names, "、")
			}
			out = append(out, NamedInput{Name: name + "）", Report: r})
		}
	}
	return out
}

// DirTemplates resolves the DIR of templates check: a folder of templates
// (like --templates) or a single template folder (holding template.yaml).
// It returns the place to search first and, for a single template, the
// folder as the catalog names it.
func DirTemplates(dir string) (place, only string, err error) {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return "", "", newError(UsageError, fmt.Sprintf("找不到模板文件夹 %s", dir), nil, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "template.yaml")); err == nil {
		dir = filepath.Clean(dir)
		if b := filepath.Base(dir); b == "." || b == ".." {
			if abs, err := filepath.Abs(dir); err == nil {
				dir = abs
			}
		}
		parent := filepath.Dir(dir)
		return parent, filepath.ToSlash(filepath.Join(parent, filepath.Base(dir))), nil
	}
	return dir, "", nil
}

// outside reports whether path, links followed, lies outside dir: a
// sample linked to /etc/passwd is not read, and quoted, by a check.
func outside(dir, path string) bool {
	d, err1 := filepath.EvalSymlinks(dir)
	p, err2 := filepath.EvalSymlinks(path)
	if err1 != nil || err2 != nil {
		return false // not found: said by the caller
	}
	rel, err := filepath.Rel(d, p)
	return err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
