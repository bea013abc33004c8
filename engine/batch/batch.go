// Package batch runs the units of a street — one input file each, in one
// folder — through a template: it loads and checks every input first, renders
// the good ones on N workers, writes each unit's report atomically, and adds
// the 汇总表 comparing the units (engine/batch/summary) and the parent
// union's roll-up report (engine/batch/rollup).
//
// # Order and determinism
//
// Units are taken in file-name order. However many workers render them,
// each unit's outcome is handed to Options.Unit in that order, and every
// output depends only on the inputs, so the files written and the messages
// printed are the same for -j 1 and -j 16.
//
// # Failures
//
// A unit with problems — its own, a period other than the batch's, a name
// another unit has too — is skipped and the others are generated. Its row
// stays in the 汇总表, empty, its 备注 saying why in a word (输入有3处错误，
// 见xinhua.yaml; 期间是2024年全年，与本批不同), so that the totals visibly
// leave it out; the roll-up is not written, since its figures would be
// short.
//
// # Re-runs and interruption
//
// Each run keeps a state file in the output folder (state.go): one line per
// unit whose files are in place, with the hash of its input and of
// everything else its files depend on (the program, templates, fonts,
// layout, formats). A re-run skips the units whose line still holds and
// whose files are still there, and rebuilds the 汇总表 and the roll-up from
// every unit's record; Options.Force redoes everything. A run stopped by
// its context (Ctrl-C) finishes the units being written, starts no other,
// and writes neither the 汇总表 nor the roll-up; one killed outright leaves
// every report either whole or absent (engine.WriteAll, which also clears
// what a killed run left), and the next run finishes the work.
//
// # Shards
//
// With Options.Shard a run takes only its share of the folder's units
// (shard.go) and writes their reports and its state file — a partial
// summary — but no 汇总表 and no roll-up; Merge builds those from the state
// files of every shard, byte for byte as one run over the whole folder
// would.
//
// # Memory
//
// What a batch keeps of a unit after checking it is its record (record.go):
// the report in gob, a few kilobytes, held in memory for the first 16 MB
// and in a temporary file beyond (store.go), with a brief of the fields the
// batch-wide checks read. Up to keepJobs units also keep their prepared
// job until they are rendered; beyond that, a unit is prepared a second
// time from its file when its turn comes. The 汇总表 and the roll-up read
// the records back one at a time and keep of each only what they show:
// summary.Figures, and rollup.Builder's sums and activities. The 汇总表's
// rows and the roll-up's 活动台账 are made as they are written, and
// written compressed (engine/xlsx/book). What still grows with the folder
// is a few hundred bytes a unit, and the roll-up's own report, which holds
// every activity.
package batch

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch/rollup"
	"github.com/huibao/huibao/engine/batch/summary"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/zh"
)

// keepJobs is the number of units up to which prepared jobs are kept
// from the check to the render (about 40 KB each); a larger batch prepares
// each unit again when it renders it, which costs some 5% more time.
const keepJobs = 2000

// Options configure a batch.
type Options struct {
	Template string   // -t: template id or Chinese name; else the manifest's, else each input's
	Formats  []string // output formats; the template's when empty
	OutDir   string   // where reports are written
	Jobs     int      // workers; the number of CPUs when < 1
	Force    bool     // render every unit, whether or not the last run left its files
	Shard    Shard    // this run's share of the units; the zero Shard is all of them

	// Progress, when set, is called after each unit is rendered, with the
	// units rendered so far and the units to render in this run (skipped
	// units count in neither).
	Progress func(done, total int)
	// Unit, when set, is called once per unit as soon as its outcome and
	// those of the units before it are final, in file-name order.
	Unit func(*Unit)
}

// Unit is one input of the batch and what became of it.
type Unit struct {
	Path     string
	Name     string      // the union's name; the file's when unreadable
	Job      *engine.Job // nil when the file could not be read, when skipped, and once rendered
	Problems diag.List   // every problem found, warnings included, in order
	Err      error       // a failure that is not a positioned problem
	Written  []string    // the files written (or, when skipped, kept)
	// Skipped is set when the unit's input and everything its files
	// depend on are unchanged since the last run and its files are in
	// place: they were kept, not written again.
	Skipped bool

	// InWorkbook is true for a unit of a 多单位填报表: one of several in
	// the file at Path.
	InWorkbook bool

	key    string          // unitKey of its input; "" when unreadable
	brief  *brief          // of its record; nil when failed
	rec    ref             // its record, encoded, in Batch.recs
	state  *entry          // its line in the last run's state file, if any
	done   bool            // rendered (or skipped, or failed) in this run
	shard  string          // in a merge: the shard that rendered it ("2/4")
	reason string          // why the batch failed a unit its own checks passed
	req    *engine.Request // what to prepare: a unit of a workbook, read already
}

// id names the unit in the state file: its file's name, and for a unit of
// a 多单位填报表 the unit's name after it (石新路街道各社区.xlsx#北湖社区工会).
func (u *Unit) id() string {
	if u.InWorkbook {
		return filepath.Base(u.Path) + "#" + u.Name
	}
	return filepath.Base(u.Path)
}

// Label names the unit's input in messages: its file, and for a unit of a
// 多单位填报表 its name too.
func (u *Unit) Label() string {
	if u.InWorkbook {
		return diag.ShowPath(u.Path) + "（" + u.Name + "）"
	}
	return diag.ShowPath(u.Path)
}

// why says in a word why a unit has no report, for its row of the 汇总表.
func (u *Unit) why() string {
	var e *engine.Error
	switch {
	case u.reason != "":
		return u.reason
	case u.Err != nil && errors.As(u.Err, &e) && e.Kind == engine.TemplateError:
		return "模板出错，没有生成报告"
	case u.Err != nil && errors.As(u.Err, &e) && e.Kind == engine.OutputError:
		return "报告无法写出"
	case len(u.Problems.Errors()) > 0:
		return fmt.Sprintf("输入有%d处错误，见%s", len(u.Problems.Errors()), filepath.Base(u.Path))
	}
	return "没有生成报告"
}

// Failed reports whether the unit's report was not generated.
func (u *Unit) Failed() bool { return u.Err != nil || u.Problems.Err() != nil }

// Part is the 汇总表 or the roll-up report and what became of it.
type Part struct {
	Problems diag.List // problems found making it, warnings included
	Err      error     // why it was not written; nil when it was
	Written  []string
}

// Ignored is a file of the folder that is not an input.
type Ignored struct {
	Name string // file name within the folder
	Why  string // Chinese
}

// Batch is a folder of inputs, loaded and checked, and after Run the
// outcome of each part.
type Batch struct {
	Dir      string
	Manifest *Manifest // nil when the folder has none
	Notes    diag.List // warnings about the batch as a whole (the manifest's)
	Ignored  []Ignored
	Period   model.Period // the units' common period
	Units    []*Unit
	// Shard is the run's share of the folder; after Merge, its Count is
	// the number of shards merged (and Index 0).
	Shard Shard
	// Others is the number of the folder's inputs in other shards.
	Others int

	Summary *Part // nil until Run, and when no unit could be tabulated; nil for a shard
	Rollup  *Part // nil until Run; nil for a shard
	// Interrupted is set when Run was stopped before every unit was
	// rendered; the 汇总表 and the roll-up were then not written.
	Interrupted bool
	// StateErr is why the state file could not be kept up to date; the
	// reports are written all the same, but a re-run will redo them.
	StateErr error

	eng      *engine.Engine
	recs     *records // the units' records
	dir      string   // the folder of the inputs (Dir, or the folder of the 多单位填报表 Dir names)
	opts     Options
	parent   model.Org // the union the 汇总表 and roll-up are made for; may be zero
	run      string    // runKey
	inputs   []string  // every input file name of the folder, in order
	manifest *manifestCopy
	merged   bool // made by Merge: units come from shards' state files
}

// Prepare reads the folder at path — its manifest and every input, each
// prepared for its template by the engine — or the 多单位填报表 at path,
// whose units are prepared likewise, except the units the last run left
// unchanged. Nothing is written. The error, an *engine.Error, is a
// UsageError when path is not something batch reads and an InputError when
// the batch as a whole cannot run.
func Prepare(eng *engine.Engine, path string, opts Options) (*Batch, error) {
	dir, book, err := inputDir(path)
	if err != nil {
		return nil, err
	}
	if opts.OutDir == "" {
		opts.OutDir = "output"
	}
	if same(dir, opts.OutDir) {
		return nil, usageError(fmt.Sprintf("输出文件夹不能就是输入文件夹 %s：生成的 .xlsx 文件下次会被当作填报表读入。请用 -o 另选一个文件夹", path))
	}
	if opts.Jobs < 1 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.Template != "" {
		if _, err := eng.LookupTemplate(opts.Template); err != nil {
			return nil, err
		}
	}
	b := &Batch{Dir: path, dir: dir, eng: eng, opts: opts, Shard: opts.Shard, recs: newRecords()}
	files, manifest := []string{book}, ""
	if book == "" {
		if files, manifest, err = b.scan(dir); err != nil {
			return nil, err
		}
	} else {
		// A batch.yaml beside the workbook is its manifest.
		for _, name := range ManifestNames {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.Mode().IsRegular() {
				manifest = filepath.Join(dir, name)
				break
			}
		}
	}
	if manifest != "" {
		m, probs := readManifest(manifest)
		if probs.Err() != nil {
			return nil, inputError(fmt.Sprintf("批量说明文件 %s 有错误，没有生成任何报告", manifest), probs)
		}
		b.Manifest, b.Notes = m, probs
		b.manifest = &manifestCopy{Path: manifest, Data: m.data}
		if key := m.Report.Template; key != "" && opts.Template == "" {
			if _, err := eng.LookupTemplate(key); err != nil {
				var e *engine.Error
				errors.As(err, &e)
				return nil, inputError(fmt.Sprintf("批量说明文件 %s 有错误，没有生成任何报告", manifest),
					diag.List{{Pos: m.Source.Pos("report.template"), Path: "report.template", Msg: e.Msg}})
			}
		}
	}
	var mine []string
	if len(files) == 0 {
		return nil, inputError(fmt.Sprintf("文件夹 %s 里没有输入文件。批量处理读取其中每个 .yaml、.yml、.json 或 .xlsx 文件，一个文件是一个单位", path), nil)
	}
	for _, f := range files {
		name := filepath.Base(f)
		b.inputs = append(b.inputs, name)
		if !opts.Shard.Has(name) {
			b.Others++
			continue
		}
		mine = append(mine, f)
	}
	b.run = runKey(eng, b.templateKey(), opts.Formats)
	if b.Units, err = b.unitsOf(mine); err != nil {
		return nil, err
	}
	if !opts.Force {
		b.attachState()
	}
	keep := len(b.Units) <= keepJobs
	parallel(context.Background(), opts.Jobs, len(b.Units), func(i int) { safely(b.Units[i], func() { b.check(b.Units[i], keep) }) }, nil)
	if err := b.samePeriod(); err != nil {
		return nil, err
	}
	b.distinctNames()
	b.parent, _ = rollup.ParentOrg(b.rollupParent(), b.parentUnits())
	return b, nil
}

// attachState reads the last run's state file and gives each unit its
// line. An unreadable state file is ignored: every unit is rendered.
func (b *Batch) attachState() {
	st, err := readState(filepath.Join(b.opts.OutDir, stateName(b.Shard)), b.recs)
	if err != nil || st.header.Run != b.run {
		return
	}
	for _, u := range b.Units {
		u.state = st.entries[u.id()]
	}
}

// inputDir checks the argument: a folder, or a 多单位填报表 (returned as
// book, with its folder); a 填报表 of one unit is not a batch.
func inputDir(path string) (dir, book string, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", "", usageError(fmt.Sprintf("找不到文件夹 %s。请写放着各单位输入文件的文件夹，或一个多单位填报表", path))
	}
	if fi.IsDir() {
		return path, "", nil
	}
	if engine.IsWorkbook(path) {
		if _, _, multi := engine.Units(path); multi {
			return filepath.Dir(path), path, nil
		}
		return "", "", usageError(fmt.Sprintf("%s 是一个单位的填报表，没有“多单位”工作表。批量处理读一个文件夹（每个单位一份输入文件），"+
			"或一个多单位填报表（huibao init 文件.xlsx --units 生成，一行一个单位）；只有这一个单位时用 huibao generate %s", path, path))
	}
	return "", "", usageError(fmt.Sprintf("%s 不是文件夹。批量处理要一个文件夹，里面每个单位一份输入文件（.yaml、.yml、.json 或 .xlsx），或一个多单位填报表；单个文件请用 huibao generate", path))
}

// unitsOf makes the units of the inputs, in order: a unit for each file,
// and for each row of a 多单位填报表's 多单位 sheet. A workbook whose
// problems leave its rows without a unit (a row naming no unit, a name
// twice) is an error of the batch: which report a figure goes to is in
// doubt.
func (b *Batch) unitsOf(files []string) ([]*Unit, error) {
	var units []*Unit
	for _, f := range files {
		wu, probs, multi := engine.Units(f)
		if !multi {
			units = append(units, &Unit{Path: f, Name: filepath.Base(f)})
			continue
		}
		probs.Sort()
		if probs.Err() != nil {
			return nil, inputError(fmt.Sprintf("多单位填报表 %s 有错误，没有生成任何报告", f), probs)
		}
		b.Notes = append(b.Notes, probs...)
		// Every unit of the workbook is keyed on the whole workbook: one
		// row changed, all its units are rendered again.
		key := ""
		if data, err := engine.ReadInput(f); err == nil {
			key = unitKey(b.run, data)
		}
		for _, x := range wu {
			units = append(units, &Unit{Path: f, Name: x.Report.Org.Name, InWorkbook: true, key: key,
				req: &engine.Request{Name: f, Report: x.Report, Source: x.Source, Read: x.Problems}})
		}
	}
	return units, nil
}

// same reports whether two paths name the same folder.
func same(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// scan lists the folder's inputs in name order, its manifest, and the
// files it ignores.
func (b *Batch) scan(dir string) (inputs []string, manifest string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, "", usageError(fmt.Sprintf("无法读取文件夹 %s：%s", dir, diag.OSReason(err)))
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
			// Hidden files (.DS_Store, editors' swap files) are nobody's input.
		case e.IsDir() && same(filepath.Join(dir, name), b.opts.OutDir):
			// The output folder inside the input folder: not worth a word.
		case e.IsDir():
			b.Ignored = append(b.Ignored, Ignored{name, "是子文件夹，批量处理只读这一层的文件"})
		case slices.Contains(ManifestNames, name) && e.Type()&fs.ModeSymlink != 0 && outside(dir, name) != "":
			b.Ignored = append(b.Ignored, Ignored{name, outside(dir, name)})
		case slices.Contains(ManifestNames, name):
			if manifest == "" {
				manifest = filepath.Join(dir, name)
			} else {
				b.Ignored = append(b.Ignored, Ignored{name, "已经有批量说明文件 " + filepath.Base(manifest) + "，只读那一份"})
			}
		case strings.HasPrefix(name, "~$"):
			b.Ignored = append(b.Ignored, Ignored{name, "是 Excel 或 WPS 打开文件时留下的临时文件"})
		case !engine.IsInput(name):
			b.Ignored = append(b.Ignored, Ignored{name, "不是输入文件（只读 .yaml、.yml、.json、.xlsx）"})
		case e.Type()&fs.ModeSymlink != 0:
			if why := outside(dir, name); why != "" {
				b.Ignored = append(b.Ignored, Ignored{name, why})
				continue
			}
			inputs = append(inputs, filepath.Join(dir, name))
		case !e.Type().IsRegular():
			// A named pipe would make the run wait forever, a device never end.
			b.Ignored = append(b.Ignored, Ignored{name, "不是普通文件（是管道、设备或套接字），批量处理不读"})
		default:
			inputs = append(inputs, filepath.Join(dir, name))
		}
	}
	return inputs, manifest, nil
}

// outside says why a link in the folder is not read — it leads outside the
// folder, or nowhere — or "" when it leads to a file in the folder. A batch
// reads the folder it is given: a link to /etc/passwd named x.yaml must not
// make it read, and quote, a file elsewhere.
func outside(dir, name string) string {
	target, err := filepath.EvalSymlinks(filepath.Join(dir, name))
	if err != nil {
		return "是失效的链接"
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "是链接，无法确定它指向哪里"
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "是指向文件夹外的链接，批量处理只读文件夹里的文件；需要时请把文件复制进来"
	}
	return ""
}

// check reads one input and, unless the last run left it unchanged,
// prepares it for its template. keep says whether to keep the prepared job
// until the unit is rendered.
func (b *Batch) check(u *Unit, keep bool) {
	var data []byte
	var err error
	if u.req == nil {
		if data, err = engine.ReadInput(u.Path); err == nil {
			u.key = unitKey(b.run, data)
		}
	}
	if e := u.state; err == nil && e != nil && e.Key == u.key && e.intact(b.opts.OutDir) {
		if rec, derr := b.record(e.rec); derr == nil {
			u.Skipped, u.done, u.rec, u.brief, u.Name = true, true, e.rec, rec.brief(), rec.Name
			for _, o := range e.Outputs {
				u.Written = append(u.Written, filepath.Join(b.opts.OutDir, o.Name))
			}
			return
		}
	}
	var j *engine.Job
	if err == nil {
		j, err = b.prepare(u, data)
	}
	if j != nil {
		u.Problems = j.Warnings
		if j.Report.Org.Name != "" {
			u.Name = j.Report.Org.Name
		}
	}
	var e *engine.Error
	switch {
	case err == nil:
	case errors.As(err, &e) && e.Msg == "":
		// Positioned problems of the data: they say it all.
		u.Problems = e.Problems
	default:
		u.Err = err
	}
	u.Problems.Sort()
	if u.Failed() {
		return
	}
	rec := newRecord(j)
	data, err = rec.encode()
	if err == nil {
		u.rec, err = b.recs.put(data)
	}
	if err != nil {
		u.Err = err
		return
	}
	u.brief = rec.brief()
	if keep {
		u.Job = j
	}
}

// prepare prepares a unit for the batch's template and formats: its file's
// bytes, or its report read from a 多单位填报表.
func (b *Batch) prepare(u *Unit, data []byte) (*engine.Job, error) {
	req := engine.Request{Name: u.Path, Data: data}
	if u.req != nil {
		req = *u.req
	}
	req.Template, req.Formats = b.templateKey(), b.opts.Formats
	return b.eng.Prepare(req)
}

// templateKey is the template the batch names for all units: -t, else the
// manifest's; "" leaves it to each input.
func (b *Batch) templateKey() string {
	if b.opts.Template != "" {
		return b.opts.Template
	}
	if b.Manifest != nil {
		return b.Manifest.Report.Template
	}
	return ""
}

// periodKey identifies a period by its first and last day, so that
// {year: 2024, span: H1} and 2024-01-01 – 2024-06-30 are the same.
func periodKey(p model.Period) string { return p.First().String() + "/" + p.Last().String() }

func periodLabel(p model.Period) string {
	if n := zh.PeriodName(p); n != "" {
		return n
	}
	return p.First().String() + "至" + p.Last().String()
}

// good are the units that passed every check so far, in order.
func (b *Batch) good() []*Unit {
	var out []*Unit
	for _, u := range b.Units {
		if !u.Failed() && u.brief != nil {
			out = append(out, u)
		}
	}
	return out
}

// samePeriod settles the batch's period: the manifest's, else the one most
// units have. A unit with another period fails; when no period has a
// majority, the batch cannot run.
func (b *Batch) samePeriod() error {
	good := b.good()
	if len(good) == 0 {
		return nil
	}
	byKey := map[string][]*Unit{}
	var keys []string
	for _, u := range good {
		k := periodKey(u.brief.period)
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], u)
	}
	var want model.Period
	source := ""
	switch {
	case b.Manifest != nil && b.Manifest.Period != (model.Period{}):
		want = b.Manifest.Period
		source = "批量说明文件 " + b.Manifest.Source.File + " 写的期间"
	case len(keys) == 1:
		b.Period = good[0].brief.period
		return nil
	default:
		slices.SortStableFunc(keys, func(x, y string) int { return cmp.Compare(len(byKey[y]), len(byKey[x])) })
		if len(byKey[keys[0]]) == len(byKey[keys[1]]) {
			var parts []string
			var probs diag.List
			for _, k := range keys {
				var files []string
				for _, u := range byKey[k] {
					files = append(files, u.Label())
					probs.Add(u.brief.at("period"), "period", fmt.Sprintf("期间是%s", periodLabel(u.brief.period)), "")
				}
				parts = append(parts, fmt.Sprintf("%s（%s）", periodLabel(byKey[k][0].brief.period), strings.Join(files, "、")))
			}
			probs.Sort()
			return inputError("各单位的期间不一致，看不出本批要汇总哪个期间："+strings.Join(parts, "；")+
				"。批量处理的各单位须是同一期间：请改正期间，或在批量说明文件 batch.yaml 里写 period 指明汇总的期间，没有生成任何报告", probs)
		}
		want = byKey[keys[0]][0].brief.period
		source = fmt.Sprintf("本批其他 %d 个单位的期间", len(byKey[keys[0]]))
	}
	b.Period = want
	for _, u := range good {
		if periodKey(u.brief.period) != periodKey(want) {
			u.Problems.Add(u.brief.at("period"), "period",
				fmt.Sprintf("期间是%s，而%s是%s", periodLabel(u.brief.period), source, periodLabel(want)),
				"批量处理的各单位须是同一期间：请改正期间，或把这个文件移出文件夹")
			u.reason = "期间是" + periodLabel(u.brief.period) + "，与本批不同"
			u.release()
		}
	}
	return nil
}

// distinctNames fails units whose reports would be written to the same
// files: the same union's name, or names that differ only in what a file
// name cannot hold (/ \ : * ? " < > |), in case, or in Unicode
// normalisation, which Windows and macOS file systems do not tell apart.
// Both units fail, each naming the other.
func (b *Batch) distinctNames() {
	byKey := map[string][]*Unit{}
	for _, u := range b.Units {
		if k := fileKey(u); k != "" {
			byKey[k] = append(byKey[k], u)
		}
	}
	for _, u := range b.Units {
		same := byKey[fileKey(u)]
		if len(same) < 2 {
			continue
		}
		var others []string
		identical := true
		for _, o := range same {
			if o != u {
				others = append(others, fmt.Sprintf("%s（单位名称在 %s）", o.Label(), o.brief.at("org.name")))
				identical = identical && o.Name == u.Name
			}
		}
		reports := "两份报告"
		if len(same) > 2 {
			reports = fmt.Sprintf("这 %d 份报告", len(same))
		}
		msg := fmt.Sprintf("单位名称“%s”与 %s相同，%s会写到同一个文件，汇总时也会重复计算", u.Name, strings.Join(others, "、"), reports)
		if !identical {
			msg = fmt.Sprintf("单位名称“%s”与 %s只差在文件名不能用的符号、大小写或写法上，%s的文件名相同（%s），会互相覆盖", u.Name, strings.Join(others, "、"), reports, u.brief.stem)
		}
		u.Problems.Add(u.brief.at("org.name"), "org.name", msg, "请改正单位名称，使各单位的名称不同，或把重复的文件移出文件夹")
		u.reason = "单位名称与其他单位相同"
		if !identical {
			u.reason = "报告的文件名与其他单位相同"
		}
		u.release()
	}
}

// fileKey is what the file systems see of a unit's report names: the stem,
// in NFC, case-folded; "" for a unit that failed its own checks.
func fileKey(u *Unit) string {
	if u.brief == nil || u.brief.stem == "" {
		return ""
	}
	return cases.Fold().String(norm.NFC.String(u.brief.stem))
}

// release drops what a unit that will not be rendered keeps: a skipped
// unit that now fails is rendered again next time.
func (u *Unit) release() {
	u.Job = nil
	if u.Skipped {
		u.Skipped, u.done, u.Written = false, false, nil
	}
}

// parentUnits are the good units as ParentOrg reads them: their parent.
func (b *Batch) parentUnits() []rollup.Unit {
	var out []rollup.Unit
	for _, u := range b.good() {
		src := diag.NewSourceMap(u.brief.file)
		if p, ok := u.brief.has("org.parent"); ok {
			src.Set("org.parent", p)
		}
		out = append(out, rollup.Unit{Report: &model.Report{Org: model.Org{Name: u.brief.name, Parent: u.brief.parent}}, Source: src})
	}
	return out
}

// record reads a record back from the store and decodes it.
func (b *Batch) record(r ref) (*record, error) {
	data, err := b.recs.get(r)
	if err != nil {
		return nil, err
	}
	return decodeRecord(data)
}

// records decodes the records of the good units, in order, one at a time:
// all of them at once would take memory that grows with the batch.
func (b *Batch) records(yield func(*Unit, *record) error) error {
	for _, u := range b.good() {
		r, err := b.record(u.rec)
		if err != nil {
			return fmt.Errorf("batch: decoding the record of %s: %w", u.Path, err)
		}
		if err := yield(u, r); err != nil {
			return err
		}
	}
	return nil
}

func (b *Batch) rollupParent() rollup.Parent {
	if b.Manifest == nil {
		return rollup.Parent{}
	}
	return rollup.Parent{Org: b.Manifest.Org, Report: b.Manifest.Report, Source: b.Manifest.Source}
}

// Skipped counts the units whose files the last run left in place.
func (b *Batch) Skipped() int {
	n := 0
	for _, u := range b.Units {
		if u.Skipped {
			n++
		}
	}
	return n
}

// Pending counts the units that were to be rendered and were not, because
// the run was interrupted.
func (b *Batch) Pending() int {
	n := 0
	for _, u := range b.Units {
		if !u.done && !u.Failed() {
			n++
		}
	}
	return n
}

// Failed reports whether anything of the batch was not generated.
func (b *Batch) Failed() bool {
	for _, u := range b.Units {
		if u.Failed() {
			return true
		}
	}
	return b.Interrupted || b.Rollup != nil && b.Rollup.Err != nil || b.Summary != nil && b.Summary.Err != nil
}

// Run renders and writes every good unit's report, then the 汇总表 and the
// roll-up. The roll-up is rendered on the workers alongside the units —
// it is the longest report, so it goes first — and written only when every
// unit has succeeded.
func (b *Batch) Run() { b.RunContext(context.Background()) }

// RunContext is Run, stopped when ctx is done: the units being written are
// finished, no other is started, and neither the 汇总表 nor the roll-up is
// written (Batch.Interrupted). The state file records the units written,
// for the next run.
func (b *Batch) RunContext(ctx context.Context) {
	defer b.recs.close()
	var roll *rollupJob
	if b.Shard.Count == 0 || b.merged {
		roll = b.prepareRollup()
	}
	var j *journal
	if !b.merged {
		var err error
		if j, err = b.openJournal(); err != nil {
			b.StateErr = err
		}
	}
	b.renderUnits(ctx, roll, j)
	engine.Flush() // the units' files, before the state file says they are done
	if err := j.close(); err != nil && b.StateErr == nil {
		b.StateErr = err
	}
	if b.Pending() > 0 {
		b.Interrupted = true
		return
	}
	if !b.merged && b.StateErr == nil {
		// Once complete, the lines go in file order, so that the state
		// file too is the same for -j 1 and -j 16.
		j, err := b.openJournalWith(b.settled(true))
		if err == nil {
			err = j.close()
		}
		b.StateErr = err
	}
	if b.Shard.Count > 0 && !b.merged {
		return
	}
	b.Summary = b.summary()
	b.Rollup = roll.finish(b)
}

// openJournal starts this run's state file with the header and the lines
// of the units already settled: skipped ones and failed ones.
func (b *Batch) openJournal() (*journal, error) { return b.openJournalWith(b.settled(false)) }

// settled lists the state lines of the units whose outcome is known, in
// file order: skipped and failed ones, and when rendered is set those
// rendered in this run.
func (b *Batch) settled(rendered bool) []*entry {
	var known []*entry
	for _, u := range b.Units {
		switch {
		case u.Failed():
			known = append(known, failedEntry(u))
		case u.Skipped || rendered && u.done && u.state != nil:
			known = append(known, u.state)
		}
	}
	return known
}

func (b *Batch) openJournalWith(known []*entry) (*journal, error) {
	h := header{Format: stateFormat, Run: b.run, Shard: b.Shard.String(), Template: b.opts.Template,
		Formats: b.opts.Formats, Inputs: b.inputs, Manifest: b.manifest, Folder: b.dir, Given: b.Dir}
	for _, u := range b.Units {
		h.Units = append(h.Units, u.id())
	}
	j, err := openJournal(b.opts.OutDir, stateName(b.Shard), h, known, b.recs)
	if err != nil {
		return nil, errors.New(stateError(filepath.Join(b.opts.OutDir, stateName(b.Shard)), err))
	}
	return j, nil
}

// failedEntry is the state line of a unit without a report: why, as its
// row of the 汇总表 says it.
func failedEntry(u *Unit) *entry {
	return &entry{File: u.id(), Name: u.Name, Failed: u.why()}
}

// renderUnits renders the good units (and the roll-up, when it can be
// made) on the workers and hands every unit to Options.Unit in order.
func (b *Batch) renderUnits(ctx context.Context, roll *rollupJob, j *journal) {
	n := len(b.Units)
	ready := make([]bool, n)
	var todo []int
	if roll != nil && roll.job != nil {
		todo = append(todo, -1)
	}
	units := 0
	for i, u := range b.Units {
		if u.Failed() || u.Skipped || u.done {
			ready[i] = true
			u.done = true
		} else {
			todo = append(todo, i)
			units++
		}
	}
	next := 0
	release := func() {
		for next < n && ready[next] {
			if b.opts.Unit != nil {
				b.opts.Unit(b.Units[next])
			}
			next++
		}
	}
	release()
	rendered := 0
	parallel(ctx, b.opts.Jobs, len(todo), func(k int) {
		if i := todo[k]; i < 0 {
			// The roll-up is the longest report; an interrupted run does
			// not wait for it, since it would not be written anyway.
			finished := make(chan struct{})
			go func() { roll.render(b); close(finished) }()
			select {
			case <-finished:
			case <-ctx.Done():
			}
		} else {
			safely(b.Units[i], func() { b.render(b.Units[i], j) })
		}
	}, func(k int) {
		i := todo[k]
		if i < 0 {
			return
		}
		ready[i] = true
		rendered++
		if b.opts.Progress != nil {
			b.opts.Progress(rendered, units)
		}
		release()
	})
}

// render renders one unit, writes its files and records it.
func (b *Batch) render(u *Unit, jr *journal) {
	defer func() { u.done = true }()
	job := u.Job
	if job == nil {
		var err error
		if job, err = b.reprepare(u); err != nil {
			u.Problems = append(u.Problems, engine.Problems(err)...)
			u.Err = withConsequence(err, "没有生成这个单位的报告")
			jr.add(failedEntry(u))
			return
		}
	}
	u.Job = nil
	res, err := b.eng.Render(job)
	if err != nil {
		u.Problems = append(u.Problems, engine.Problems(err)...)
		u.Err = withConsequence(err, "没有生成这个单位的报告")
		jr.add(failedEntry(u))
		return
	}
	u.Problems = append(u.Problems, res.Lint...)
	// Flushed to the disk once, at the end of the run (flush): a few
	// milliseconds a file, seconds for a thousand units.
	u.Written, u.Err = engine.WriteAllUnflushed(b.opts.OutDir, res.Outputs)
	if u.Err != nil {
		jr.add(failedEntry(u))
		return
	}
	e := &entry{File: u.id(), Key: u.key, rec: u.rec}
	for i, o := range res.Outputs {
		e.Outputs = append(e.Outputs, output{Name: filepath.Base(u.Written[i]), Size: int64(len(o.Data))})
	}
	u.state = e
	jr.add(e)
}

// reprepare prepares a unit again from its file, which must not have
// changed since it was checked (a unit of a 多单位填报表 keeps its report).
func (b *Batch) reprepare(u *Unit) (*engine.Job, error) {
	if u.req != nil {
		return b.prepare(u, nil)
	}
	data, err := engine.ReadInput(u.Path)
	if err != nil {
		return nil, err
	}
	if unitKey(b.run, data) != u.key {
		return nil, &engine.Error{Kind: engine.InputError, Msg: fmt.Sprintf("%s 在批量处理过程中被修改了，没有生成这个单位的报告。请重新运行", u.Path)}
	}
	return b.prepare(u, data)
}

// safely runs f for a unit, turning a panic — the program's fault — into
// the unit's failure, so that one unit cannot take the batch down and the
// others are still generated.
func safely(u *Unit, f func()) {
	defer func() {
		if r := recover(); r != nil {
			u.Err = &engine.Error{Kind: engine.OutputError,
				Msg: "程序内部出错，没有生成这个单位的报告。这不是输入的问题，请把这个输入文件发给维护者",
				Err: fmt.Errorf("panic: %v\n%s", r, debug.Stack())}
		}
	}()
	f()
}

// withConsequence adds to an engine error's sentence what was not done
// because of it: 模板“半年总结”出错，没有生成这个单位的报告.
func withConsequence(err error, what string) error {
	var e *engine.Error
	if !errors.As(err, &e) || e.Msg == "" || strings.Contains(e.Msg, "没有生成") {
		return err
	}
	return &engine.Error{Kind: e.Kind, Msg: e.Msg + "，" + what, Err: err}
}

// issueDate is the 成文日期 of the 汇总表 and the roll-up: the manifest's,
// else the latest of the units'.
func (b *Batch) issueDate() model.Date {
	if b.Manifest != nil && !b.Manifest.Report.Date.IsZero() {
		return b.Manifest.Report.Date
	}
	var d model.Date
	for _, u := range b.good() {
		if u.brief.issued.After(d) {
			d = u.brief.issued
		}
	}
	return d
}

// summary writes the 汇总表: every unit a row, failed ones empty.
func (b *Batch) summary() *Part {
	// Of each record, only the figures the tables show.
	figures := map[*Unit]summary.Unit{}
	err := b.records(func(u *Unit, r *record) error {
		figures[u] = summary.Unit{Figures: summary.FiguresOf(r.Report), Given: givenOf(r.Given)}
		return nil
	})
	if err != nil {
		return &Part{Err: &engine.Error{Kind: engine.OutputError, Msg: "无法生成汇总表。这是程序的问题，请把输入文件夹发给维护者", Err: err}}
	}
	if len(figures) == 0 {
		return nil
	}
	var rows []summary.Unit
	for _, u := range b.Units {
		row, ok := figures[u]
		if !ok {
			row.Note = u.why()
		}
		row.Name = u.Name
		rows = append(rows, row)
	}
	p := &Part{}
	owner := b.parent.Name
	if owner == "" {
		owner = "各单位"
	}
	title := b.parent.Name + periodLabel(b.Period) + "各单位工作情况汇总表"
	var list []string
	if b.Manifest != nil {
		list = b.Manifest.Indicators
	}
	data, err := summary.Workbook(rows, summary.Options{Title: title, Org: b.parent.Name, Date: b.issueDate(), Indicators: list})
	if err != nil {
		p.Err = &engine.Error{Kind: engine.OutputError, Msg: "无法生成汇总表。这是程序的问题，请把输入文件夹发给维护者", Err: err}
		return p
	}
	xlsx, _ := engine.LookupFormat("xlsx")
	name := engine.FileStem(owner, b.Period, "汇总表") + xlsx.Ext
	p.Written, p.Err = b.write([]engine.Output{{Format: xlsx, Name: name, Data: data}})
	return p
}

// write writes outputs after checking that none has the name of a unit's
// file: the street's own input in the folder would otherwise be overwritten.
func (b *Batch) write(outs []engine.Output) ([]string, error) {
	taken := map[string]bool{}
	for _, u := range b.Units {
		for _, w := range u.Written {
			taken[filepath.Base(w)] = true
		}
	}
	for _, o := range outs {
		if taken[o.Name] {
			return nil, inputError(fmt.Sprintf("%s 已经是本批一个单位的报告，汇总的文件不能与它同名。请检查文件夹里是否放了汇总单位自己的输入文件", o.Name), nil)
		}
	}
	return engine.WriteAll(b.opts.OutDir, outs)
}

// rollupJob is the roll-up on its way: computed and checked before the
// units render, rendered on a worker, written after them.
type rollupJob struct {
	part *Part
	job  *engine.Job // nil when it cannot be made
	outs []engine.Output
}

// prepareRollup computes the parent union's report from the units' records
// and prepares it like any input, pointing its problems at the manifest
// where they come from.
func (b *Batch) prepareRollup() *rollupJob {
	j := &rollupJob{part: &Part{}}
	p := j.part
	if failed := b.failedUnits(); failed > 0 {
		p.Err = b.unitsFailed(failed) // counted again at the end
		return j
	}
	// The records one at a time: the builder keeps of each what the
	// roll-up takes.
	build := rollup.NewBuilder(b.rollupParent())
	var ids []string // the templates the units used
	n := 0
	err := b.records(func(_ *Unit, rec *record) error {
		build.Add(rec.rollupUnit())
		if !slices.Contains(ids, rec.Template) {
			ids = append(ids, rec.Template)
		}
		n++
		return nil
	})
	if err != nil {
		p.Err = fmt.Errorf("没有生成汇总报告：%v", err)
		return j
	}
	r, probs := build.Report()
	p.Problems = probs
	if r == nil {
		p.Err = fmt.Errorf("没有生成汇总报告（原因见上）")
		return j
	}
	key := b.templateKey()
	if key == "" {
		if len(ids) > 1 {
			p.Err = fmt.Errorf("各单位用的模板不同（%s），不知道汇总报告该用哪一个，没有生成汇总报告。请用 -t 指定，或在批量说明文件 batch.yaml 里写 report.template", strings.Join(ids, "、"))
			return j
		}
		key = ids[0]
	}
	var budget engine.Budget
	if b.Manifest != nil {
		budget = b.Manifest.Budget
	}
	job, err := b.eng.Prepare(engine.Request{Report: r, Template: key, Formats: b.opts.Formats, Budget: budget, Units: n})
	var checks diag.List
	if job != nil {
		checks = job.Warnings
	}
	var e *engine.Error
	switch {
	case err == nil:
	case errors.As(err, &e) && e.Msg == "":
		checks = e.Problems
	default:
		p.Err = fmt.Errorf("没有生成汇总报告：%v", err)
		return j
	}
	for _, c := range checks {
		c.Pos = b.manifestPos(c.Path)
	}
	checks.Sort()
	p.Problems = append(p.Problems, checks...)
	if err != nil {
		p.Err = fmt.Errorf("汇总出的数据未通过检查，没有生成汇总报告（原因见上）")
		return j
	}
	j.job = job
	return j
}

// FailedUnits counts the units whose reports were not generated, for
// whatever reason: the one count every message of a batch gives.
func (b *Batch) failedUnits() int {
	n := 0
	for _, u := range b.Units {
		if u.Failed() {
			n++
		}
	}
	return n
}

// FailedUnits is the number of units whose reports were not generated.
func (b *Batch) FailedUnits() int { return b.failedUnits() }

func (b *Batch) unitsFailed(n int) error {
	return &unitsError{n}
}

// unitsError is the roll-up not made because units failed.
type unitsError struct{ n int }

func (e *unitsError) Error() string {
	return fmt.Sprintf("有 %d 个单位没有生成报告（见上），没有生成汇总报告：汇总报告的数字要包含全部单位。请改正后重新运行", e.n)
}

// render renders the roll-up, keeping the outputs in memory.
func (j *rollupJob) render(b *Batch) {
	res, err := b.eng.Render(j.job)
	j.job = nil
	if err != nil {
		j.part.Problems = append(j.part.Problems, engine.Problems(err)...)
		j.part.Err = fmt.Errorf("没有生成汇总报告：%v", err)
		return
	}
	j.part.Problems = append(j.part.Problems, res.Lint...)
	j.outs = res.Outputs
}

// finish writes the rendered roll-up if every unit was written too.
func (j *rollupJob) finish(b *Batch) *Part {
	failed := b.failedUnits()
	var ue *unitsError
	if errors.As(j.part.Err, &ue) {
		// Counted before the units were rendered; some may have failed
		// since, and every count of the run must agree.
		j.part.Err = b.unitsFailed(failed)
	}
	if j.part.Err != nil || j.outs == nil {
		return j.part
	}
	if failed > 0 {
		j.part.Err = b.unitsFailed(failed)
		return j.part
	}
	j.part.Written, j.part.Err = b.write(j.outs)
	j.outs = nil
	return j.part
}

// manifestPos points a problem of the roll-up data at the manifest when the
// field came from it, else at the roll-up as a whole.
func (b *Batch) manifestPos(path string) diag.Pos {
	if m := b.Manifest; m != nil {
		for p := path; p != ""; p = parentPath(p) {
			if m.Source.Has(p) {
				return m.Source.Pos(path)
			}
		}
	}
	return diag.Pos{File: "汇总报告"}
}

func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// parallel calls work(0) … work(n-1) on up to jobs goroutines: the one
// worker pool of a batch. done, when set, is called on the caller's
// goroutine as each item finishes, one at a time. Once ctx is done, no
// further item is started; those started are finished.
func parallel(ctx context.Context, jobs, n int, work, done func(int)) {
	if n == 0 {
		return
	}
	next, finished := make(chan int), make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Go(func() {
			for i := range next {
				work(i)
				finished <- i
			}
		})
	}
	started := make(chan int, 1)
	go func() {
		defer close(next)
		sent := 0
		defer func() { started <- sent }()
		for i := range n {
			select {
			case <-ctx.Done():
				return
			case next <- i:
				sent++
			}
		}
	}()
	total := -1
	for got := 0; total < 0 || got < total; {
		select {
		case i := <-finished:
			got++
			if done != nil {
				done(i)
			}
		case total = <-started:
		}
	}
	wg.Wait()
}
