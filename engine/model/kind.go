package model

import "slices"

// ReportKind is the kind of document a template makes. Some rules of the
// data depend on it: a summary needs membership figures, a plan does not.
type ReportKind string

const (
	KindSummary  ReportKind = "总结"
	KindPlan     ReportKind = "计划"
	KindBriefing ReportKind = "汇报材料"
)

// ReportKinds lists the kinds in the order messages show them.
func ReportKinds() []ReportKind { return []ReportKind{KindSummary, KindPlan, KindBriefing} }

// Valid reports whether k is one of ReportKinds.
func (k ReportKind) Valid() bool { return slices.Contains(ReportKinds(), k) }
