package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/compose"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/pdf"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/templates"
)

// Options configure an Engine.
type Options struct {
	// TemplateDirs are folders of user templates, searched before the
	// built-ins in the order given (--templates, then HUIBAO_TEMPLATES).
	TemplateDirs []string
	// Fonts names the PDF fonts by role; empty roles are found on the system.
	Fonts pdf.FontConfig
	// Layout overrides the templates' PDF layout profile: official or compact.
	Layout string
}

// Engine runs the pipeline. It is safe for concurrent use: templates are
// compiled once and shared.
type Engine struct {
	Catalog *catalog.Catalog
	// CatalogProblems are problems found while reading template folders;
	// the templates without problems are usable.
	CatalogProblems diag.List

	fontConfig pdf.FontConfig
	profile    *pdf.Profile // nil: each template's own
	fontsOnce  sync.Once
	fontSet    *pdf.Fonts
	fontErr    error
}

// New reads the template catalog. Fonts are loaded on first use, once.
func New(opts Options) (*Engine, error) {
	places := catalog.DirPlaces(opts.TemplateDirs)
	places = append(places, catalog.Place{Name: catalog.Builtin, FS: templates.FS, Prefix: "templates"})
	c, probs := catalog.New(places)
	e := &Engine{Catalog: c, CatalogProblems: probs, fontConfig: opts.Fonts}
	if opts.Layout != "" {
		p, err := pdf.ProfileByName(opts.Layout)
		if err != nil {
			return nil, err
		}
		e.profile = p
	}
	return e, nil
}

// fonts loads the PDF fonts the first time a PDF is rendered; a batch
// shares them.
func (e *Engine) fonts() (*pdf.Fonts, error) {
	e.fontsOnce.Do(func() { e.fontSet, e.fontErr = pdf.LoadFonts(e.fontConfig) })
	return e.fontSet, e.fontErr
}

// Input is a loaded report and where its fields came from.
type Input struct {
	*model.Report
	Source *diag.SourceMap
}

// Load reads and validates an input file. The list holds every problem,
// loader's and validator's, sorted by position; the input is usable only
// when the list has no errors. Rules that depend on the template are Check's.
func (e *Engine) Load(path string) (*Input, diag.List) {
	r, src, probs := load.File(path)
	if r == nil {
		return nil, probs
	}
	probs = append(probs, validate.Report(r, src)...)
	probs.Sort()
	return &Input{Report: r, Source: src}, probs
}

// Check applies the rules that depend on the kind of report t makes.
func (e *Engine) Check(t *catalog.Template, in *Input) diag.List {
	return e.CheckKind(t.Kind, in)
}

// CheckFor applies the kind rules for an input being validated without
// generating: the kind of the template named by key (from -t) or by the
// input's report.template, or a summary's when neither names one. An
// unknown template name is an error.
func (e *Engine) CheckFor(key string, in *Input) (diag.List, error) {
	if key == "" {
		key = in.Report.Report.Template
	}
	kind := "总结"
	if key != "" {
		t, err := e.Catalog.Lookup(key)
		if err != nil {
			return nil, err
		}
		kind = t.Kind
	}
	return e.CheckKind(kind, in), nil
}

// CheckKind applies the rules of a kind of report: 总结, 计划 or 汇报材料.
func (e *Engine) CheckKind(kind string, in *Input) diag.List {
	return validate.ForKind(in.Report, in.Source, kind)
}

// Template resolves the template for a report: key (from -t) when given,
// else the input's report.template. It checks that the template accepts
// the report's period.
func (e *Engine) Template(key string, in *Input) (*catalog.Template, error) {
	r := in.Report
	if key == "" {
		key = r.Report.Template
	}
	if key == "" {
		return nil, fmt.Errorf("没有指定报告模板。请用 -t 指定（如 -t 半年总结），或在输入文件里写 report.template")
	}
	t, err := e.Catalog.Lookup(key)
	if err != nil {
		return nil, err
	}
	if !t.Accepts(r.Period) {
		return nil, fmt.Errorf("模板“%s”适用于%s的报告，而输入的期间是%s。请换用合适的模板（huibao templates list）",
			t.Name, t.SpanNames(), periodLabel(r.Period))
	}
	if missing := t.Missing(r); len(missing) > 0 {
		return nil, fmt.Errorf("模板“%s”要用到%s，输入里没有填写。请补充后再生成，或换用合适的模板（huibao templates list）",
			t.Name, strings.Join(missing, "、"))
	}
	return t, nil
}

func periodLabel(p model.Period) string {
	if p.Span != "" {
		return model.SpanNames[p.Span]
	}
	return fmt.Sprintf("%s至%s", p.First(), p.Last())
}

// Output is one rendered file.
type Output struct {
	Format *Format
	Name   string // file name, without directory
	Data   []byte
}

// Render produces the report in the given formats (the template's declared
// formats when none are given). Lint findings on the Markdown are returned
// as problems whose file is the Markdown's name; any lint error is a defect
// of the template, and no output should be written.
func (e *Engine) Render(in *Input, t *catalog.Template, formats []string) ([]Output, diag.List, error) {
	r := in.Report
	if len(formats) == 0 {
		formats = t.Formats
	}
	j := &job{template: t, report: r, stem: compose.FileStem(t, r)}
	md, lint, err := compose.Markdown(t, r)
	if err != nil {
		return nil, nil, err
	}
	j.markdown = md
	for _, p := range lint {
		p.Pos.File = j.stem + ".md"
	}
	if lint.Err() != nil {
		return nil, lint, nil
	}
	var outs []Output
	for _, name := range formats {
		f, err := LookupFormat(name)
		if err != nil {
			return nil, lint, err
		}
		data, err := f.render(e, j)
		if err != nil {
			return nil, lint, err
		}
		outs = append(outs, Output{Format: f, Name: j.stem + f.Ext, Data: data})
	}
	return outs, lint, nil
}

// job carries one report through the writers, so that each artefact
// (Markdown, its parsed form) is made once.
type job struct {
	template *catalog.Template
	report   *model.Report
	stem     string
	markdown []byte
}

// WriteAll writes outputs into dir atomically: every file is first written
// to a temporary file in dir, and only when all are written are they renamed
// into place. On failure nothing is left behind, and files from an earlier
// run are untouched.
func WriteAll(dir string, outs []Output) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建输出文件夹 %s：%v", dir, err)
	}
	// Refuse before writing anything if a target cannot be replaced, so that
	// a failure does not leave some files new and others old.
	for _, o := range outs {
		if fi, err := os.Stat(filepath.Join(dir, o.Name)); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("无法写入 %s：同名的文件夹已经存在", filepath.Join(dir, o.Name))
		}
	}
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, o := range outs {
		f, err := os.CreateTemp(dir, ".huibao-*"+o.Format.Ext)
		if err != nil {
			cleanup()
			return nil, fmt.Errorf("无法在 %s 写文件：%v", dir, err)
		}
		temps = append(temps, f.Name())
		_, werr := f.Write(o.Data)
		cerr := f.Close()
		if werr != nil || cerr != nil {
			cleanup()
			return nil, fmt.Errorf("写文件 %s 失败：%v", filepath.Join(dir, o.Name), firstErr(werr, cerr))
		}
	}
	var written []string
	for i, o := range outs {
		final := filepath.Join(dir, o.Name)
		if err := os.Rename(temps[i], final); err != nil {
			cleanup()
			return written, fmt.Errorf("无法写入 %s：%v", final, err)
		}
		os.Chmod(final, 0o644)
		temps[i] = ""
		written = append(written, final)
	}
	return written, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// ParseFormats splits a -f value ("md,pdf") into known format names.
func ParseFormats(s string) ([]string, error) {
	var out []string
	for _, name := range strings.Split(s, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if _, err := LookupFormat(name); err != nil {
			return nil, err
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out, nil
}

// EmptyForm returns the blank XLSX 填报表, with one grey example row per
// sheet that the loader ignores.
func EmptyForm() ([]byte, error) {
	return form.WriteForm(nil)
}
