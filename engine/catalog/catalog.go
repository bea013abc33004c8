// Package catalog finds report templates — built-in ones embedded in the
// binary and authors' folders on disk — reads their manifests and partials,
// and compiles them with the template functions.
//
// Lookup order: folders given with --templates (in the order given), then
// the folders in HUIBAO_TEMPLATES (separated by the OS list separator), then
// the built-ins. A template in an earlier place overrides one with the same
// id in a later place. Each folder holds template folders (one per id) and
// optionally _partials/ overriding shared partials by name.
package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/funcs"
	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
)

// Manifest is a template's template.yaml.
type Manifest struct {
	ID          string           `yaml:"id"`          // half-year-summary
	Name        string           `yaml:"name"`        // 半年总结
	Kind        model.ReportKind `yaml:"kind"`        // 总结, 计划 or 汇报材料
	Description string           `yaml:"description"` // one Chinese sentence
	DocName     string           `yaml:"doc_name"`    // 工作总结: the title's last words and the file name's report part
	Spans       []string         `yaml:"spans"`       // allowed period spans; "range" allows start/end periods
	Formats     []string         `yaml:"formats"`     // output formats: md, pdf, xlsx, docx
	Layout      layout.Name      `yaml:"layout"`      // page layout: official (default) or compact
	Fixtures    []string         `yaml:"fixtures"`    // extra fixture files (relative to the template folder) for templates check
	// Requires lists the input lists a report of this kind cannot do
	// without; "activities|indicators" means either. A plan without plans
	// would be an empty shell, so the engine refuses instead.
	Requires []string `yaml:"requires"`
	// Budget is how long a report may be; compose summarises more (see
	// engine/prose's Levels) until the report fits, and never cuts text.
	Budget Budget `yaml:"budget"`
}

// Budget bounds a report's length: characters of its text (a briefing is
// read aloud in a set time) or pages of its PDF at the template's layout.
// Zero is no bound.
type Budget struct {
	Chars int `yaml:"chars"`
	Pages int `yaml:"pages"`
}

// requirable are the input lists a manifest may require, with their names.
var requirable = map[string]string{
	"activities":   "活动（activities）",
	"indicators":   "工作指标（indicators）",
	"plans":        "工作计划（plans）",
	"problems":     "存在的问题（problems）",
	"org.overview": "单位概况（org.overview）",
}

// Template is one report template, ready to compile.
type Template struct {
	Manifest
	Place string // where it was found: "内置" or the folder given
	Dir   string // the template folder, as shown to users
	Main  string // file name of the main template, as shown in errors

	// Lexicon is the template's words: the built-in lexicon with the
	// places' _lexicon.yaml and the template's own lexicon.yaml over it.
	Lexicon *lexicon.Lexicon

	fsys     fs.FS              // the place's file system
	root     string             // the template folder within fsys
	partials map[string]Partial // by file base name, after overrides
	own      *lexicon.Lexicon   // the template folder's lexicon.yaml, if any
	text     string             // the main template's text

	once     sync.Once
	compiled *template.Template
	err      error
}

// Catalog is the set of templates found, by id.
type Catalog struct {
	byID   map[string]*Template
	places []string // places searched, in lookup order, for error messages
	fsys   []fs.FS  // their file systems, in the same order

	fpOnce sync.Once
	fp     string
}

// Place is a folder of templates: a directory on disk or the built-ins.
type Place struct {
	Name string // shown to users: a path, or "内置"
	FS   fs.FS
	// Prefix is prepended to file names in messages, so that built-in
	// templates are named by their path in the repository.
	Prefix string
}

// Builtin is the name of the built-in place.
const Builtin = "内置"

// DirPlaces turns folders (from --templates and HUIBAO_TEMPLATES) into places.
func DirPlaces(dirs []string) []Place {
	var out []Place
	for _, d := range dirs {
		if d == "" {
			continue
		}
		out = append(out, Place{Name: d, FS: os.DirFS(d), Prefix: d})
	}
	return out
}

// EnvDirs splits HUIBAO_TEMPLATES.
func EnvDirs(env string) []string {
	if env == "" {
		return nil
	}
	return filepath.SplitList(env)
}

// Partial is a shared or template-own partial file.
type Partial struct {
	Name string // file name as shown in messages
	Text string
	Own  bool // from the template's own partials/ folder, not _partials/
}

// New reads the templates of places, earlier places overriding later ones.
// Every template sees the shared partials (_partials/ of all places, earlier
// places overriding later ones by file name), overridden in turn by its own
// partials/ folder. Problems with individual templates (a bad manifest) are
// returned as a list; the good templates are still usable. formats are the
// output formats the program can write: a manifest may declare only those.
func New(places []Place, formats []string) (*Catalog, diag.List) {
	c := &Catalog{byID: map[string]*Template{}}
	var probs diag.List
	shared := map[string]Partial{}
	var words *lexicon.Lexicon
	for i := len(places) - 1; i >= 0; i-- {
		p := places[i]
		sp, pp := readPartials(p, "_partials")
		probs = append(probs, pp...)
		maps.Copy(shared, sp)
		l, lp := readLexicon(p, LexiconFile)
		probs = append(probs, lp...)
		switch {
		case l == nil:
		case words == nil && len(l.Missing()) == 0:
			words = l
		default:
			words = lexicon.Merge(orBuiltin(words), l)
		}
		entries, err := fs.ReadDir(p.FS, ".")
		if err != nil {
			probs.Add(diag.Pos{File: p.Name}, "", "无法读取模板文件夹："+diag.OSReason(err), "请检查 --templates 或 HUIBAO_TEMPLATES 给出的路径")
			continue
		}
		for _, e := range entries {
			if !e.IsDir() || strings.HasPrefix(e.Name(), "_") || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			if _, err := fs.Stat(p.FS, path.Join(e.Name(), "template.yaml")); err != nil {
				continue // not a template folder
			}
			t, tp := readTemplate(p, e.Name(), formats)
			probs = append(probs, tp...)
			if t != nil {
				c.byID[t.ID] = t
			}
		}
	}
	for i := range places {
		c.places = append(c.places, places[i].Name)
		c.fsys = append(c.fsys, places[i].FS)
	}
	for _, t := range c.byID {
		own := t.partials
		t.partials = maps.Clone(shared)
		maps.Copy(t.partials, own)
		t.Lexicon = orBuiltin(words)
		if t.own != nil {
			t.Lexicon = lexicon.Merge(t.Lexicon, t.own)
		}
	}
	probs.Sort()
	return c, probs
}

// LexiconFile is the name of a place's lexicon (templates/_lexicon.yaml);
// a template folder's own is OwnLexiconFile.
const (
	LexiconFile    = "_lexicon.yaml"
	OwnLexiconFile = "lexicon.yaml"
)

// readLexicon reads a lexicon file of a place, if there is one.
func readLexicon(p Place, name string) (*lexicon.Lexicon, diag.List) {
	data, err := fs.ReadFile(p.FS, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		var probs diag.List
		probs.Add(diag.Pos{File: shownName(p, name)}, "", "无法读取词表："+diag.OSReason(err), "")
		return nil, probs
	}
	l, _, probs := lexicon.Parse(shownName(p, name), data)
	if probs.Err() != nil {
		return nil, probs
	}
	return l, probs
}

// orBuiltin is l, or the built-in lexicon when no place has one.
func orBuiltin(l *lexicon.Lexicon) *lexicon.Lexicon {
	if l == nil {
		return lexicon.Builtin()
	}
	return l
}

func readPartials(p Place, dir string) (map[string]Partial, diag.List) {
	out := map[string]Partial{}
	var probs diag.List
	entries, err := fs.ReadDir(p.FS, dir)
	if err != nil {
		return out, nil
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tmpl") {
			continue
		}
		name := shownName(p, path.Join(dir, e.Name()))
		b, err := readFile(p.FS, path.Join(dir, e.Name()))
		if err != nil {
			probs.Add(diag.Pos{File: name}, "", "无法读取："+reason(err), "")
			continue
		}
		out[e.Name()] = Partial{Name: name, Text: string(b)}
	}
	return out, probs
}

func shownName(p Place, name string) string {
	if p.Prefix == "" {
		return name
	}
	return filepath.ToSlash(filepath.Join(p.Prefix, name))
}

func readTemplate(p Place, dir string, formats []string) (*Template, diag.List) {
	manifestName := shownName(p, path.Join(dir, "template.yaml"))
	data, err := readFile(p.FS, path.Join(dir, "template.yaml"))
	var probs diag.List
	if err != nil {
		probs.Add(diag.Pos{File: manifestName}, "", "无法读取模板说明："+reason(err), "")
		return nil, probs
	}
	var m Manifest
	src, mp := load.Decode(manifestName, data, &m)
	probs = append(probs, mp...)
	if src == nil {
		return nil, probs
	}
	probs = append(probs, checkManifest(&m, dir, src, formats)...)
	if probs.Err() != nil {
		return nil, probs
	}
	mainName := path.Join(dir, "report.md.tmpl")
	text, err := readFile(p.FS, mainName)
	if err != nil {
		probs.Add(diag.Pos{File: shownName(p, mainName)}, "", "缺少模板正文 report.md.tmpl", "每个模板文件夹都要有 template.yaml 和 report.md.tmpl")
		return nil, probs
	}
	own, op := readPartials(p, path.Join(dir, "partials"))
	probs = append(probs, op...)
	words, lp := readLexicon(p, path.Join(dir, OwnLexiconFile))
	probs = append(probs, lp...)
	for k, v := range own {
		v.Own = true
		own[k] = v
	}
	return &Template{
		Manifest: m,
		Place:    p.Name,
		Dir:      shownName(p, dir),
		Main:     shownName(p, mainName),
		fsys:     p.FS,
		root:     dir,
		partials: own,
		own:      words,
		text:     string(text),
	}, probs
}

// MaxDocName is the most characters of a manifest's doc_name.
const MaxDocName = 20

func checkManifest(m *Manifest, dir string, src *diag.SourceMap, formats []string) diag.List {
	var probs diag.List
	req := func(field, val, example string) {
		if val == "" {
			probs.Add(src.Pos(field), field, "模板说明缺少 "+field, "例如 "+example)
		}
	}
	req("id", m.ID, "id: "+dir)
	req("name", m.Name, "name: 半年总结")
	req("kind", string(m.Kind), "kind: 总结")
	req("doc_name", m.DocName, "doc_name: 工作总结")
	if n := utf8.RuneCountInString(m.DocName); n > MaxDocName {
		// The report's file names are <单位名>_<期间>_<报告名>.docx, within
		// 255 bytes: 50 characters of a union's name take 150 of them.
		probs.Add(src.Pos("doc_name"), "doc_name", fmt.Sprintf("报告名太长：有 %d 个字，上限是 %d 个字", n, MaxDocName),
			"报告名是标题的最后一段，也用在文件名（单位名_期间_报告名）里，文件名最多 255 字节；请用简短的名称，如 工作总结")
	}
	if m.ID != "" && m.ID != dir {
		probs.Add(src.Pos("id"), "id", fmt.Sprintf("模板 id“%s”与文件夹名“%s”不一致", m.ID, dir), "请让 id 与文件夹名相同")
	}
	if m.Kind != "" && !m.Kind.Valid() {
		var kinds []string
		for _, k := range model.ReportKinds() {
			kinds = append(kinds, string(k))
		}
		probs.Add(src.Pos("kind"), "kind", fmt.Sprintf("不认识的报告种类“%s”", m.Kind), "可选："+strings.Join(kinds, "、"))
	}
	for i, s := range m.Spans {
		if s != "range" && !model.Span(s).Valid() {
			probs.Add(src.Pos(fmt.Sprintf("spans[%d]", i+1)), fmt.Sprintf("spans[%d]", i+1), fmt.Sprintf("不认识的期间类型“%s”", s),
				"可选：H1、H2、year、Q1、Q2、Q3、Q4、range（按起止日期）")
		}
	}
	for i, req := range m.Requires {
		for _, alt := range strings.Split(req, "|") {
			alt = strings.TrimSpace(alt)
			if _, ok := requirable[alt]; !ok && model.CategoryIndex(alt) < 0 {
				path := fmt.Sprintf("requires[%d]", i+1)
				hint := "可选：activities、indicators、plans、problems、org.overview，或一个工作类别（如 女职工工作），用 | 表示“其一即可”"
				if s := diag.Suggest(alt, append(slices.Sorted(maps.Keys(requirable)), model.Categories()...)); s != "" {
					hint = fmt.Sprintf("是不是“%s”？", s) + hint
				}
				probs.Add(src.Pos(path), path, fmt.Sprintf("不认识的必需数据“%s”", alt), hint)
			}
		}
	}
	for i, fx := range m.Fixtures {
		// A template is checked against its own samples: a name that
		// leads out of its folder (/etc/passwd, ../../x) would make a
		// check read, and quote, any file.
		if !filepath.IsLocal(filepath.FromSlash(fx)) {
			p := fmt.Sprintf("fixtures[%d]", i+1)
			probs.Add(src.Pos(p), p, fmt.Sprintf("样例文件“%s”不在模板文件夹里", fx), "fixtures 只能写模板文件夹里的文件，如 fixtures/sample.yaml；不能用绝对路径或 ..")
		}
	}
	for i, f := range m.Formats {
		if !slices.Contains(formats, f) {
			path := fmt.Sprintf("formats[%d]", i+1)
			probs.Add(src.Pos(path), path, fmt.Sprintf("不认识的输出格式“%s”", f), "可选："+strings.Join(formats, "、"))
		}
	}
	if len(m.Formats) == 0 {
		m.Formats = []string{"md", "pdf", "xlsx"}
	}
	if m.Budget.Chars < 0 {
		probs.Add(src.Pos("budget.chars"), "budget.chars", fmt.Sprintf("字数预算不能是负数（%d）", m.Budget.Chars), "例如 budget: {chars: 3000}，不限字数就不写")
	}
	if m.Budget.Pages < 0 {
		probs.Add(src.Pos("budget.pages"), "budget.pages", fmt.Sprintf("页数预算不能是负数（%d）", m.Budget.Pages), "例如 budget: {pages: 8}，不限页数就不写")
	}
	if m.Layout == "" {
		m.Layout = layout.Official
	}
	if !m.Layout.Valid() {
		probs.Add(src.Pos("layout"), "layout", fmt.Sprintf("不认识的版式“%s”", m.Layout), "可选：official（公文版式）、compact（紧凑版式）")
	}
	return probs
}

// maxFile bounds a template's files: a template is some kilobytes.
const maxFile = 1 << 20

// readFile reads a file of a template folder: a regular file only (a named
// pipe would never answer, a device never end), through maxFile.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", name, errNotRegular)
	}
	if fi.Size() > maxFile {
		return nil, fmt.Errorf("%s: %w", name, errTooBig)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err == nil && len(b) > maxFile {
		return nil, fmt.Errorf("%s: %w", name, errTooBig)
	}
	return b, err
}

// reason says why a template file could not be read.
func reason(err error) string {
	switch {
	case errors.Is(err, errNotRegular):
		return "不是普通文件（是管道、设备或套接字），不读"
	case errors.Is(err, errTooBig):
		return errTooBig.Error()
	}
	return diag.OSReason(err)
}

var (
	errNotRegular = errors.New("不是普通文件")
	errTooBig     = fmt.Errorf("超过 %d MB，不像是模板文件", maxFile>>20)
)

// List returns the templates sorted by id.
func (c *Catalog) List() []*Template {
	out := make([]*Template, 0, len(c.byID))
	for _, t := range c.byID {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b *Template) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Lookup finds a template by id or by Chinese name.
func (c *Catalog) Lookup(key string) (*Template, error) {
	key = strings.TrimSpace(key)
	if t, ok := c.byID[key]; ok {
		return t, nil
	}
	for _, t := range c.List() {
		if t.Name == key {
			return t, nil
		}
	}
	var names []string
	for _, t := range c.List() {
		names = append(names, fmt.Sprintf("%s（%s）", t.ID, t.Name))
	}
	hint := "可用模板：" + strings.Join(names, "、")
	var keys []string
	for _, t := range c.List() {
		keys = append(keys, t.ID, t.Name)
	}
	if s := diag.Suggest(key, keys); s != "" {
		hint = fmt.Sprintf("是不是“%s”？", s) + hint
	}
	return nil, fmt.Errorf("找不到模板“%s”（查找了：%s）。%s", key, strings.Join(c.places, "、"), hint)
}

// Fingerprint is a hash of every file of every place, in lookup order:
// it changes when anything a template could read changes (its manifest,
// text, partials, or files beside them). Computed once.
func (c *Catalog) Fingerprint() string {
	c.fpOnce.Do(func() {
		h := sha256.New()
		for i, fsys := range c.fsys {
			fmt.Fprintf(h, "place %q\n", c.places[i])
			fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return nil
				}
				data, err := fs.ReadFile(fsys, p)
				fmt.Fprintf(h, "%q %d %v\n", p, len(data), err)
				h.Write(data)
				return nil
			})
		}
		c.fp = hex.EncodeToString(h.Sum(nil))
	})
	return c.fp
}

// Places lists the places searched, in lookup order.
func (c *Catalog) Places() []string { return slices.Clone(c.places) }

// Accepts reports whether the template is written for the period.
func (t *Template) Accepts(p model.Period) bool {
	if len(t.Spans) == 0 {
		return true
	}
	if p.Span == "" {
		return slices.Contains(t.Spans, "range")
	}
	return slices.Contains(t.Spans, string(p.Span))
}

// Missing returns, in Chinese, the required data the report lacks
// (empty when the template can be used).
func (t *Template) Missing(r *model.Report) []string {
	return SayLacks(t.Lacks(r), t.RequirableName)
}

// SayLacks says each of lacks (Template.Lacks) as its alternatives named
// by name, joined by 或: 工作计划或“组织建设”类的工作计划.
func SayLacks(lacks [][]string, name func(string) string) []string {
	out := make([]string, 0, len(lacks))
	for _, alts := range lacks {
		names := make([]string, len(alts))
		for i, alt := range alts {
			names[i] = name(alt)
		}
		out = append(out, strings.Join(names, "或"))
	}
	return out
}

// Lacks returns the requirements of the manifest's requires that the
// report does not meet, each as its alternatives: activities, indicators,
// plans, problems, org.overview or a category (组织建设). Missing says them
// in Chinese.
func (t *Template) Lacks(r *model.Report) [][]string {
	have := map[string]bool{
		"activities":   len(r.Activities) > 0,
		"indicators":   len(r.Indicators) > 0,
		"plans":        len(r.Plans) > 0,
		"problems":     len(r.Problems) > 0,
		"org.overview": len(r.Org.Overview) > 0,
	}
	// A category is met by the work done in it (activities, indicators),
	// or, for a plan, by the plans made for it.
	if t.Kind == model.KindPlan {
		for _, p := range r.Plans {
			have[p.Category] = true
		}
	} else {
		for _, a := range r.Activities {
			have[a.Category] = true
		}
		for _, in := range r.Indicators {
			have[in.Category] = true
		}
	}
	var out [][]string
	for _, req := range t.Requires {
		ok := false
		var alts []string
		for _, alt := range strings.Split(req, "|") {
			alt = strings.TrimSpace(alt)
			ok = ok || have[alt]
			alts = append(alts, alt)
		}
		if !ok {
			out = append(out, alts)
		}
	}
	return out
}

// RequirableName names a requirement in messages: an input list, or a
// category.
func (t *Template) RequirableName(req string) string {
	if n, ok := requirable[req]; ok {
		return n
	}
	if t.Kind == model.KindPlan {
		return "“" + req + "”类的工作计划"
	}
	return "“" + req + "”类的活动或工作指标"
}

// SpanNames lists the accepted spans in Chinese, for messages.
func (t *Template) SpanNames() string {
	var out []string
	for _, s := range t.Spans {
		if s == "range" {
			out = append(out, "起止日期")
			continue
		}
		out = append(out, model.Span(s).Name())
	}
	return strings.Join(out, "、")
}

// Source is one file of a template: its name as shown in messages and its
// text.
type Source struct {
	Name string
	Text string
}

// Sources returns the files the template is made of, in the order they are
// parsed: the partials (after overrides) sorted by file name, then the main
// template last. Parse, and through it Compile, read a template only
// through Sources, and so does the static check (engine/catalog/vet), so
// that they cannot disagree about which files make up a template.
func (t *Template) Sources() []Source {
	out := make([]Source, 0, len(t.partials)+1)
	for _, k := range slices.Sorted(maps.Keys(t.partials)) {
		out = append(out, Source{Name: t.partials[k].Name, Text: t.partials[k].Text})
	}
	return append(out, Source{Name: t.Main, Text: t.text})
}

// Files lists the files the template is made of, as shown: the main
// template first, then partials sorted by name.
func (t *Template) Files() []string {
	srcs := t.Sources()
	main, partials := srcs[len(srcs)-1], srcs[:len(srcs)-1]
	var ps []string
	for _, p := range partials {
		ps = append(ps, p.Name)
	}
	slices.Sort(ps)
	return append([]string{main.Name}, ps...)
}

// Compile parses the template once (see Parse), makes it safe to run
// (Secure), and keeps the result for every later call. Execute it with Run.
func (t *Template) Compile() (*template.Template, error) {
	t.once.Do(func() {
		t.compiled, t.err = t.Parse()
		if t.err == nil {
			Secure(t.compiled)
		}
	})
	return t.compiled, t.err
}

// Parse builds a new template set from Sources with the function map and
// missingkey=error, named after the main template: the one way a
// template's files become a *template.Template. Each call returns trees of
// its own, which tracing needs because it rewrites them; everything else
// wants Compile. The trees are as written: run them only after Secure.
func (t *Template) Parse() (*template.Template, error) {
	srcs := t.Sources()
	main, partials := srcs[len(srcs)-1], srcs[:len(srcs)-1]
	root := template.New(main.Name).Funcs(funcs.MapWith(t.Lexicon)).Option("missingkey=error")
	for _, p := range partials {
		if _, err := root.New(p.Name).Parse(p.Text); err != nil {
			return nil, err
		}
	}
	if _, err := root.Parse(main.Text); err != nil {
		return nil, err
	}
	return root, nil
}
