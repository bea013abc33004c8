package batch

import (
	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
)

// ManifestNames are the names of the batch manifest in an input folder, in
// the order they are looked for. The manifest is not an input: it says for
// whom and for when the roll-up is written.
var ManifestNames = []string{"batch.yaml", "batch.yml"}

// Manifest is batch.yaml: every field optional.
//
//	org:    {name: 石新路街道总工会, type: 街道总工会, parent: 顺庆区总工会, party: 石新路街道党工委}
//	period: {year: 2024, span: H1}     # the batch's period; else the units'
//	report: {template: 半年总结, date: 2024-07-12}
//	indicators: [推荐就业, 慰问困难职工]  # the street's list: a column each in the 汇总表
//	budget: {pages: 30}                # the roll-up's length; else its template's
type Manifest struct {
	Org    model.Org        `yaml:"org"`
	Period model.Period     `yaml:"period"`
	Report model.ReportInfo `yaml:"report"`
	// Indicators is the street's own list of indicators, by name: each is
	// a column of the 汇总表, and the units' other indicators are listed in
	// its 各单位指标. Without it, the indicators at least half the units
	// report are the columns.
	Indicators []string      `yaml:"indicators"`
	Budget     engine.Budget `yaml:"budget"`

	Source *diag.SourceMap `yaml:"-"`
	data   []byte          // as read, for the state file (a merge reads it again)
}

// readManifest reads and checks a manifest. Problems of the roll-up data
// that come from it are checked later with the roll-up, and pointed back here.
func readManifest(path string) (*Manifest, diag.List) {
	var probs diag.List
	data, msg, hint := engine.ReadText(path)
	if msg != "" {
		probs.Add(diag.Pos{File: path}, "", "无法读取批量说明文件："+msg, hint)
		return nil, probs
	}
	m, probs := parseManifest(path, data)
	if m != nil {
		m.data = data
	}
	return m, probs
}

// parseManifest reads a manifest's bytes, named path in messages.
func parseManifest(path string, data []byte) (*Manifest, diag.List) {
	var probs diag.List
	m := &Manifest{}
	src, probs := engine.Decode(path, data, m)
	if src == nil {
		return nil, probs
	}
	m.Source = src
	if o := m.Org; o.Name == "" && (o.Type != "" || o.Parent != "" || o.Party != "" || o.Leader != (model.Person{}) || len(o.Overview) > 0) {
		probs.Add(src.Pos("org"), "org.name", "写了汇总单位的信息，但缺少单位名称",
			"请写 name，例如 org: {name: 石新路街道总工会, type: 街道总工会}")
	}
	if p := m.Period; p != (model.Period{}) {
		if p.Start.IsZero() && (!p.Span.Valid() || p.Year == 0) {
			probs.Add(src.Pos("period"), "period", "批量处理的期间写得不完整",
				"请写成 period: {year: 2024, span: H1}（span 为 H1、H2、year、Q1～Q4），或者不写，按各单位的期间汇总")
		}
	}
	if m.Budget.Chars < 0 || m.Budget.Pages < 0 {
		probs.Add(src.Pos("budget"), "budget", "篇幅预算不能是负数", "例如 budget: {pages: 30}，不限篇幅就不写")
	}
	probs.Sort()
	return m, probs
}
