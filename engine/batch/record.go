package batch

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"slices"
	"sync"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch/rollup"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
)

// record is what the 汇总表 and the roll-up need of a unit once its files
// are written, and all that a batch keeps of it: its report, where the
// fields that batch-wide messages point at came from, and the template it
// used. It is stored, encoded, in the run's state file (state.go), where a
// re-run finds the units it can skip and `batch merge` the units of every
// shard. The 汇总表 and the roll-up are always built from decoded records —
// on one machine as after a merge — so that both give the same bytes.
type record struct {
	Name     string // the union's name
	Template string // the id of the template its report used
	Stem     string // its files' name without extension (engine.Job.Stem)
	Report   *model.Report
	File     string     // the input as messages name it
	Pos      []fieldPos // positions of the fields in posPaths, in their order (gob writes maps in random order)
	// Given lists the fields outside lists that the input gave (the model
	// holds 0 for one not given): the 汇总表 leaves a figure not given
	// blank. Fields of list items are given whenever the item is there.
	Given []string
}

// fieldPos is where a field came from.
type fieldPos struct {
	Path string
	Pos  diag.Pos
}

// posPaths are the fields whose positions a record keeps: those that the
// batch's own checks (period, names) and the roll-up's rules point at. Any
// other field's position falls back to the file.
func posPaths(r *model.Report) []string {
	paths := []string{"org.name", "org.parent", "org.type", "period"}
	for i := range r.Indicators {
		p := fmt.Sprintf("indicators[%d]", i+1)
		paths = append(paths, p, p+".name", p+".unit", p+".value", p+".previous")
	}
	return paths
}

// newRecord keeps of a prepared job what the record needs.
func newRecord(j *engine.Job) *record {
	rec := &record{Name: j.Report.Org.Name, Report: j.Report, File: j.Name, Stem: j.Stem()}
	if j.Template != nil {
		rec.Template = j.Template.ID
	}
	if j.Source != nil {
		for _, p := range posPaths(j.Report) {
			if j.Source.Has(p) {
				rec.Pos = append(rec.Pos, fieldPos{p, j.Source.Pos(p)})
			}
		}
		for _, p := range singleFields() {
			if j.Source.Has(p) {
				rec.Given = append(rec.Given, p)
			}
		}
	} else {
		rec.Given = singleFields()
	}
	return rec
}

// singleFields are the paths of the model's fields that are not in a list,
// in the field table's order.
var singleFields = sync.OnceValue(func() []string {
	var out []string
	lists := map[string]bool{}
	for _, f := range model.Fields() {
		inList := false
		for p := parentPath(f.Path); p != ""; p = parentPath(p) {
			inList = inList || lists[p]
		}
		if f.Kind == model.KindList || f.Kind == model.KindTextList {
			lists[f.Path] = true
			continue
		}
		if !inList && f.Kind != model.KindGroup {
			out = append(out, f.Path)
		}
	}
	return out
})

// givenOf is summary.Unit.Given for a record's Given.
func givenOf(given []string) func(path string) bool {
	return func(path string) bool {
		if !slices.Contains(singleFields(), path) {
			return true
		}
		return slices.Contains(given, path)
	}
}

// source rebuilds a source map of the kept positions.
func (r *record) source() *diag.SourceMap {
	m := diag.NewSourceMap(r.File)
	for _, p := range r.Pos {
		m.Set(p.Path, p.Pos)
	}
	return m
}

// rollupUnit is the record as the roll-up takes it.
func (r *record) rollupUnit() rollup.Unit { return rollup.Unit{Report: r.Report, Source: r.source()} }

// encode writes the record with gob, which keeps every field of the model
// exactly (decimals with their exponent: 4509.50 stays two places).
func (r *record) encode() ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(r); err != nil {
		return nil, fmt.Errorf("batch: encoding the record of %s: %w", r.File, err)
	}
	return b.Bytes(), nil
}

func decodeRecord(data []byte) (*record, error) {
	r := &record{}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(r); err != nil {
		return nil, err
	}
	if r.Report == nil {
		return nil, fmt.Errorf("no report")
	}
	return r, nil
}

// brief is what a unit's record says about it in the batch-wide checks,
// kept decoded: its name, period and the positions to point at.
type brief struct {
	name, template string
	stem           string
	period         model.Period
	issued         model.Date
	parent         string
	file           string
	pos            []fieldPos // of org.name, org.parent and period, those known: a slice, since a map of three is ten times its size
}

func (r *record) brief() *brief {
	b := &brief{name: r.Name, template: r.Template, stem: r.Stem, period: r.Report.Period, issued: r.Report.IssueDate(),
		parent: r.Report.Org.Parent, file: r.File}
	for _, p := range r.Pos {
		if p.Path == "org.name" || p.Path == "org.parent" || p.Path == "period" {
			b.pos = append(b.pos, p)
		}
	}
	b.pos = slices.Clip(b.pos)
	return b
}

// has reports the position of path, if known.
func (b *brief) has(path string) (diag.Pos, bool) {
	for _, p := range b.pos {
		if p.Path == path {
			return p.Pos, true
		}
	}
	return diag.Pos{}, false
}

// at is the position of path, or the file.
func (b *brief) at(path string) diag.Pos {
	if p, ok := b.has(path); ok {
		return p
	}
	return diag.Pos{File: b.file}
}
