package engine

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/docx"
	"github.com/huibao/huibao/engine/html"
	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/pdf"
	"github.com/huibao/huibao/engine/pdf/font"
	"github.com/huibao/huibao/engine/xlsx"
)

// Format is an output format: one row of the table below. A new format is
// a new package plus one row; the row's Write adapts the package's entry
// point to the artefacts.
type Format struct {
	Name   string // as given to -f and in manifests' formats
	Ext    string
	Binary bool
	Desc   string // Chinese, for --help
	// Fonts says that the format embeds the fonts, so that every
	// character of the data must be in them (checked by Prepare).
	Fonts bool
	// Write makes the file from the report's artefacts. It never sees the
	// engine: what it may use is in Artefacts.
	Write func(*Artefacts) ([]byte, error)
}

// formats is the table of output formats, in the order outputs are listed.
var formats = []*Format{
	{Name: "md", Ext: ".md", Desc: "Markdown（可用 pandoc 转为 Word，参考文档由 huibao init 公文参考.docx 生成）",
		Write: func(a *Artefacts) ([]byte, error) { return a.Markdown, nil }},
	{Name: "pdf", Ext: ".pdf", Binary: true, Fonts: true, Desc: "公文版式 PDF",
		Write: func(a *Artefacts) ([]byte, error) {
			fonts, err := a.Resources.Fonts()
			if err != nil {
				return nil, err
			}
			a.Resources.drawn.Store(true)
			doc, err := a.Document()
			if err != nil {
				return nil, err
			}
			out, err := pdf.Render(doc, pdf.Options{Fonts: fonts, Profile: a.Profile})
			return out, a.pdfError(err)
		}},
	{Name: "docx", Ext: ".docx", Binary: true, Desc: "Word 文档（公文版式，可在 Word/WPS 中修改后报送）",
		Write: func(a *Artefacts) ([]byte, error) {
			doc, err := a.Document()
			if err != nil {
				return nil, err
			}
			out, err := docx.Render(doc, docx.Options{Profile: a.Profile})
			return out, a.docxError(err)
		}},
	{Name: "xlsx", Ext: ".xlsx", Binary: true, Desc: "Excel 附件（活动台账、统计表）",
		Write: func(a *Artefacts) ([]byte, error) {
			return xlsx.Appendix(a.Report, xlsx.Options{Kind: a.Kind, Given: a.Given})
		}},
	{Name: "html", Ext: ".html", Desc: "网页（在浏览器中阅读、打印）",
		Write: func(a *Artefacts) ([]byte, error) {
			doc, err := a.Document()
			if err != nil {
				return nil, err
			}
			return html.Render(doc)
		}},
}

// Artefacts are what one report is made of, for the format writers: the
// data, the finished Markdown, its parsed form (made on first use, once),
// the page layout and the resources shared by every report of a run.
type Artefacts struct {
	Report *model.Report // the input as validated
	// Source is where the report's fields came from; nil for a report
	// made in memory without one.
	Source   *diag.SourceMap
	Kind     model.ReportKind
	Markdown []byte
	// Profile is the page layout: the template's, or --layout's.
	Profile   *layout.Profile
	Resources *Resources

	template *catalog.Template
	once     sync.Once
	doc      *markdown.Document
	docErr   error
}

// Given reports whether the input gave the field at path, where the model
// cannot tell an unknown figure from 0 (membership.new_members); a report
// in memory without a source map gave every field.
func (a *Artefacts) Given(path string) bool { return a.Source == nil || a.Source.Has(path) }

// Document parses the Markdown, once for all the formats that need it.
func (a *Artefacts) Document() (*markdown.Document, error) {
	a.once.Do(func() {
		a.doc, a.docErr = markdown.Parse(a.Markdown)
		if a.docErr != nil {
			a.docErr = newError(TemplateError, fmt.Sprintf("模板“%s”生成的 Markdown 无法排版：%v", a.template.Name, a.docErr), nil, a.docErr)
		}
	})
	return a.doc, a.docErr
}

// pdfError classifies the PDF writer's errors: a character no installed
// font has is the data's; Markdown the writer cannot set (an image, HTML)
// is the template's; anything else is the program's.
func (a *Artefacts) pdfError(err error) error {
	var glyph *font.MissingGlyphError
	var node *pdf.UnsupportedNodeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &glyph) && glyph.Machine():
		// Common characters missing: the machine's fonts are incomplete.
		return newError(OutputError, err.Error(), nil, err)
	case errors.As(err, &glyph):
		return newError(InputError, err.Error(), nil, err)
	case errors.As(err, &node):
		return newError(TemplateError, fmt.Sprintf("模板“%s”出错", a.template.Name), Problems(err), err)
	}
	return err
}

// docxError classifies the Word writer's errors: Markdown it cannot set
// (an image, HTML) is the template's; anything else is the program's.
func (a *Artefacts) docxError(err error) error {
	var node *docx.UnsupportedNodeError
	if errors.As(err, &node) {
		return newError(TemplateError, fmt.Sprintf("模板“%s”出错", a.template.Name), Problems(err), err)
	}
	return err
}

// Resources are shared by every report an engine renders: loaded on first
// use, once, and safe for concurrent use.
type Resources struct {
	fontConfig pdf.FontConfig
	fontsOnce  sync.Once
	fonts      *pdf.Fonts
	fontsErr   error
	drawn      atomic.Bool // a PDF was written with the fonts, not only checked against them
}

// Fonts loads the PDF fonts the first time a report needs them.
func (r *Resources) Fonts() (*pdf.Fonts, error) {
	r.fontsOnce.Do(func() {
		r.fonts, r.fontsErr = pdf.LoadFonts(r.fontConfig)
		if r.fontsErr != nil {
			// A run makes no file when one of its formats fails (every file
			// or none); formats that need no font can be made on their own.
			r.fontsErr = newError(OutputError, r.fontsErr.Error()+"（不需要字体的 Word、Excel 和 Markdown 文件可以用 -f docx,xlsx,md 先生成）", nil, r.fontsErr)
		}
	})
	return r.fonts, r.fontsErr
}

// FontNotice says which PDF font roles use a face of another style than
// GB/T 9704 asks for, once fonts have been loaded; "" when they were not
// needed, or all were found.
func (e *Engine) FontNotice() string { return e.res.fontNotice() }

func (r *Resources) fontNotice() string {
	if r.fonts == nil || !r.drawn.Load() { // read after the run: Fonts has returned for every report
		return ""
	}
	return r.fonts.Notice()
}

// Formats returns the output formats in table order.
func Formats() []*Format { return formats }

// FormatNames lists the formats' names in table order.
func FormatNames() []string {
	var names []string
	for _, f := range formats {
		names = append(names, f.Name)
	}
	return names
}

// LookupFormat finds a format by name.
func LookupFormat(name string) (*Format, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	return nil, newError(UsageError, fmt.Sprintf("不认识的输出格式“%s”，可选：%s", name, strings.Join(FormatNames(), "、")), nil, nil)
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
