package engine

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/compose"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/pdf"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/engine/zh"
	"github.com/huibao/huibao/templates"
)

// FontConfig names the PDF fonts by role (font files; .ttc#N picks a face
// of a collection); empty roles are found on the system.
type FontConfig = pdf.FontConfig

// Template is a report template of the catalog.
type Template = catalog.Template

// Layout names a page layout: official or compact.
type Layout = layout.Name

// Budget bounds a report's length in characters or pages; the zero Budget
// is the template's own (its manifest's budget).
type Budget = catalog.Budget

// Options configure an Engine.
type Options struct {
	// TemplateDirs are folders of user templates, searched before the
	// built-ins in the order given (--templates, then HUIBAO_TEMPLATES).
	TemplateDirs []string
	// Fonts names the PDF fonts by role.
	Fonts FontConfig
	// Layout overrides the templates' page layout; "" keeps each
	// template's own.
	Layout layout.Name
}

// Engine runs the pipeline. It is safe for concurrent use: templates are
// compiled once and shared, and so are the fonts.
type Engine struct {
	catalog         *catalog.Catalog
	catalogProblems diag.List
	layout          layout.Name // "" : each template's own
	res             *Resources

	fpOnce sync.Once
	fp     string
}

// New reads the template catalog. Fonts are loaded on first use, once.
func New(opts Options) (*Engine, error) {
	if opts.Layout != "" && !opts.Layout.Valid() {
		_, err := layout.Of(opts.Layout)
		return nil, newError(UsageError, err.Error(), nil, err)
	}
	places := catalog.DirPlaces(opts.TemplateDirs)
	places = append(places, catalog.Place{Name: catalog.Builtin, FS: templates.FS, Prefix: "templates"})
	c, probs := catalog.New(places, FormatNames())
	return &Engine{catalog: c, catalogProblems: probs, layout: opts.Layout, res: &Resources{fontConfig: opts.Fonts}}, nil
}

// Templates returns every usable template, sorted by id.
func (e *Engine) Templates() []*Template { return e.catalog.List() }

// CatalogProblems are the problems found while reading template folders;
// the templates without problems are usable.
func (e *Engine) CatalogProblems() diag.List { return e.catalogProblems }

// LookupTemplate finds a template by id or Chinese name. A miss is a
// UsageError whose problems are the catalog's (the template asked for may
// be one whose folder is broken).
func (e *Engine) LookupTemplate(key string) (*Template, error) {
	t, err := e.catalog.Lookup(key)
	if err != nil {
		return nil, newError(UsageError, err.Error(), e.catalogProblems, err)
	}
	return t, nil
}

// Check says how much Prepare settles about the template.
type Check int

const (
	// ForGenerate needs a template (-t or the input's report.template)
	// and applies every rule: the template's periods and required data,
	// the rules of its kind.
	ForGenerate Check = iota
	// ForValidate checks against the template named, if any; without
	// one, by the rules of a summary. The job cannot be rendered then.
	ForValidate
	// DataOnly loads and validates the data, whatever template it names.
	DataOnly
)

// Request is what Prepare is asked to make ready: a report from a file,
// from bytes named like a file (an upload), or in memory (a roll-up, a web
// form, a unit of a 多单位填报表), for a template.
type Request struct {
	Path string // a file: .yaml, .yml, .json or .xlsx

	Name string // bytes named like a file, when Path is empty; or the input a report in memory came from
	Data []byte

	Report *model.Report   // a report in memory, when Path and Data are empty
	Source *diag.SourceMap // where its fields came from; may be nil
	// Read are the problems found reading a report in memory from its
	// input (a unit's cells of a 多单位填报表, see Units): reported with
	// validation's, and they refuse the report as validation's do.
	Read diag.List

	Template string   // -t: template id or Chinese name; "" is the input's report.template
	Formats  []string // output format names; empty is the template's
	Check    Check
	Budget   Budget // overrides the template's budget when not zero (a batch's roll-up)
	// Units is how many unit reports Report combines (a batch's roll-up,
	// each unit checked on its own): its lists may hold that many times
	// what one report's may. 0 or 1 for any other report.
	Units int

	using *Template // set by templates check: this template, not a key
}

// Job is a report ready to render: the data, checked, and the template and
// formats it is for.
type Job struct {
	Name     string // the input as messages name it; "" for a report in memory
	Report   *model.Report
	Source   *diag.SourceMap
	Template *Template // nil for DataOnly, and for ForValidate without a template
	Formats  []*Format
	Budget   Budget // the request's; zero is the template's
	// Warnings are the problems that did not stop the job.
	Warnings diag.List
}

// Prepare does everything that can refuse an input: it loads the report
// (or takes the one in memory), validates it, resolves the template, and
// applies the template's periods, required data and the rules of its
// kind. It returns the job, or an *Error holding every problem found. The
// job is returned with an error too when the input could be read, so that
// callers can name it; it must not be rendered then.
func (e *Engine) Prepare(req Request) (*Job, error) {
	j := &Job{Name: req.Path, Report: req.Report, Source: req.Source, Budget: req.Budget}
	var probs diag.List
	switch {
	case req.Path != "":
		j.Report, j.Source, probs = load.File(req.Path)
	case req.Report != nil:
		j.Name, probs = req.Name, slices.Clone(req.Read)
	case req.Name != "":
		j.Name = req.Name
		j.Report, j.Source, probs = load.Bytes(req.Name, req.Data)
	default:
		return nil, newError(UsageError, "没有给出输入", nil, nil)
	}
	if j.Report == nil {
		return nil, &Error{Kind: InputError, Problems: probs}
	}
	probs = append(probs, validate.Combined(j.Report, j.Source, req.Units)...)
	probs.Sort()
	if probs.Err() != nil {
		return j, &Error{Kind: InputError, Problems: probs}
	}
	j.Warnings = probs
	if req.Check == DataOnly {
		return j, nil
	}
	kind := model.KindSummary
	t := req.using
	if t == nil {
		var err error
		if t, err = e.resolve(req, j.Report); err != nil {
			return j, j.refuse(err)
		}
	}
	if t != nil {
		if err := accepts(t, j.Report); err != nil {
			return j, j.refuse(err)
		}
		kind = t.Kind
	}
	kp := validate.ForKind(j.Report, j.Source, kind)
	if kp.Err() != nil {
		return j, &Error{Kind: InputError, Problems: append(j.Warnings, kp...)}
	}
	j.Warnings = append(j.Warnings, kp...)
	j.Template = t
	if t == nil {
		return j, nil
	}
	names := req.Formats
	if len(names) == 0 {
		names = t.Formats
	}
	for _, name := range names {
		f, err := LookupFormat(name)
		if err != nil {
			return j, j.refuse(err)
		}
		j.Formats = append(j.Formats, f)
	}
	if np := longName(j); len(np) > 0 {
		return j, &Error{Kind: InputError, Problems: append(j.Warnings, np...)}
	}
	if gp := e.glyphs(j); len(gp) > 0 {
		return j, &Error{Kind: InputError, Problems: append(j.Warnings, gp...)}
	}
	return j, nil
}

// Stem is the file name the job's outputs share, without extension:
// <单位名>_<期间>_<报告名>; "" for a job without a template.
func (j *Job) Stem() string {
	if j.Template == nil {
		return ""
	}
	return compose.FileStem(j.Template, j.Report)
}

// refuse returns err with the job's warnings before its own problems, so
// that an error carries everything found about the input.
func (j *Job) refuse(err error) error {
	e := err.(*Error)
	e.Problems = append(slices.Clone(j.Warnings), e.Problems...)
	return e
}

// resolve finds the template a request names: -t, else report.template.
// None is an error when generating, and nil (a summary's rules) when
// validating.
func (e *Engine) resolve(req Request, r *model.Report) (*Template, error) {
	key := req.Template
	if key == "" {
		key = r.Report.Template
	}
	if key == "" {
		if req.Check == ForValidate {
			return nil, nil
		}
		return nil, newError(InputError, "没有指定报告模板。请用 -t 指定（如 -t 半年总结），或在输入文件里写 report.template", e.catalogProblems, nil)
	}
	t, err := e.catalog.Lookup(key)
	if err != nil {
		// A template named on the command line is the user's request; one
		// named in the file is the data's.
		kind := InputError
		if req.Template != "" {
			kind = UsageError
		}
		return nil, newError(kind, err.Error(), e.catalogProblems, err)
	}
	return t, nil
}

// accepts checks that the template is made for the report's period and
// has the data it requires. The error's cause is an *Unfit.
func accepts(t *Template, r *model.Report) error {
	var u *Unfit
	if !t.Accepts(r.Period) {
		u = &Unfit{Template: t, Period: periodLabel(r.Period)}
	} else if lacks := t.Lacks(r); len(lacks) > 0 {
		u = &Unfit{Template: t, Lacks: lacks}
	}
	if u == nil {
		return nil
	}
	return newError(InputError, u.Error(), nil, u)
}

// Unfit is why a template cannot write a report: it is not made for the
// report's period, or it needs data the report lacks. Prepare's error
// wraps it (errors.As), for a caller that says it in its own words: the
// web page names its own menu and sections where the CLI names commands.
type Unfit struct {
	Template *Template
	Period   string     // the report's period, when the template is not made for it: 上半年, 2024-01-01至2024-09-20
	Lacks    [][]string // else the requirements the report does not meet (Template.Lacks)
}

// Error says it in the CLI's words.
func (u *Unfit) Error() string {
	t := u.Template
	if u.Period != "" {
		return fmt.Sprintf("模板“%s”适用于%s的报告，而输入的期间是%s。请换用合适的模板（huibao templates list）", t.Name, t.SpanNames(), u.Period)
	}
	missing := catalog.SayLacks(u.Lacks, t.RequirableName)
	return fmt.Sprintf("模板“%s”要用到%s，输入里没有填写。请补充后再生成，或换用合适的模板（huibao templates list）", t.Name, strings.Join(missing, "、"))
}

func periodLabel(p model.Period) string {
	if p.Span != "" {
		return p.Span.Name()
	}
	return fmt.Sprintf("%s至%s", p.First(), p.Last())
}

// Output is one rendered file.
type Output struct {
	Format *Format
	Name   string // file name, without directory
	Data   []byte
}

// Result is what Render made of a job.
type Result struct {
	Stem     string // the file name shared by the outputs, without extension
	Markdown []byte
	Outputs  []Output
	// Lint holds the findings on the Markdown, positioned in it (File is
	// Stem + ".md"); when Render succeeds, only warnings.
	Lint diag.List
}

// Render composes the report and writes it in the job's formats, in
// memory. A template that fails to execute, or whose Markdown does not
// pass the lint, is a TemplateError; then the result still holds the
// Markdown and the lint findings, for templates check, but no outputs.
func (e *Engine) Render(j *Job) (*Result, error) {
	t, r := j.Template, j.Report
	if t == nil {
		return nil, newError(UsageError, "没有指定报告模板，无法生成报告", nil, nil)
	}
	budget := t.Budget
	if j.Budget != (Budget{}) {
		budget = j.Budget
	}
	md, lint, err := compose.MarkdownWithin(t, r, budget)
	if err != nil {
		return nil, newError(TemplateError, fmt.Sprintf("模板“%s”出错", t.Name), Problems(err), err)
	}
	res := &Result{Stem: compose.FileStem(t, r), Markdown: md, Lint: lint}
	for _, p := range lint {
		p.Pos.File = res.Stem + ".md"
	}
	if lint.Err() != nil {
		return res, newError(TemplateError, fmt.Sprintf("模板“%s”的输出有 %d 处问题（见上）", t.Name, len(lint.Errors())), lint, nil)
	}
	a := &Artefacts{Report: r, Source: j.Source, Kind: t.Kind, Markdown: md, Profile: e.profile(t), Resources: e.res, template: t}
	for _, f := range j.Formats {
		data, err := f.Write(a)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				// A writer's own failure: the program's, not the cadre's;
				// its English cause is kept for a developer, not printed.
				err = newError(OutputError, fmt.Sprintf("生成 %s 文件时出错。这是程序的问题，请把输入文件发给维护者", f.Name), nil, err)
			}
			return res, err
		}
		res.Outputs = append(res.Outputs, Output{Format: f, Name: res.Stem + f.Ext, Data: data})
	}
	return res, nil
}

// profile is the page layout of a template's reports: --layout's, else the
// template's own.
func (e *Engine) profile(t *Template) *layout.Profile {
	name := t.Layout
	if e.layout != "" {
		name = e.layout
	}
	p, err := layout.Of(name)
	if err != nil {
		return layout.OfficialProfile() // the catalog refuses unknown layouts; New refuses unknown overrides
	}
	return p
}

// FileStem is an output file name without extension, per the CLI contract:
// <单位名>_<期间>_<报告名>, for files that are not a template's report (the
// batch's 汇总表).
func FileStem(org string, p model.Period, docName string) string {
	return compose.Stem(org, zh.PeriodName(p), docName)
}

// MaxInputSize is the largest input file Prepare reads: larger is the
// wrong file. A caller taking bytes (an upload) bounds them by it too.
const MaxInputSize = load.MaxSize

// IsInput reports whether a file name is one Prepare reads (by extension).
func IsInput(name string) bool { return load.KindOf(name) != load.Unknown }

// WorkbookUnit is one union of a 多单位填报表 (engine/form): its report,
// where its cells are, and what is wrong with them.
type WorkbookUnit = form.Unit

// Units reads the file at path when it is a 多单位填报表, a workbook of
// several units: a unit for each row of its 多单位 sheet, to prepare as
// Request{Name: path, Report, Source, Read: its problems}, and the
// problems of the workbook as a whole. ok is false for any other input —
// a 填报表 of one unit, YAML, JSON, a file that cannot be read — which
// Prepare reads by its path.
func Units(path string) (units []WorkbookUnit, probs diag.List, ok bool) {
	return load.Units(path)
}

// IsWorkbook reports whether a file name is an XLSX workbook.
func IsWorkbook(name string) bool { return load.KindOf(name) == load.XLSX }

// ReadText reads a YAML or JSON file other than a report (batch.yaml) the
// way inputs are read: a regular file only, through the size limit. A
// refusal is a Chinese message and hint.
func ReadText(path string) (data []byte, msg, hint string) {
	return load.ReadFile(path, load.MaxTextSize)
}

// Decode reads a YAML file other than a report (batch.yaml) into v, with
// the loader's strictness and positions.
func Decode(name string, data []byte, v any) (*diag.SourceMap, diag.List) {
	return load.Decode(name, data, v)
}
