package xlsx

import (
	"bytes"
	"fmt"
	"io"

	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/xlsx/book"
	"github.com/huibao/huibao/engine/zh"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the appendix, in workbook order. The plans are 工作任务
// in a plan's workbook, where they come first, and last in the others,
// named as the report names them: 下半年计划 after a first half-year, else
// 下步打算.
const (
	SheetMembership = "会员情况"
	SheetIndicators = "工作指标"
	SheetLedger     = "活动台账"
	SheetAssistance = "帮扶"
	SheetCharts     = "统计图表"
	SheetTasks      = "工作任务"
	SheetSecondHalf = "下半年计划"
	SheetNextSteps  = "下步打算"
)

// AssistanceCategory is the category whose indicators and activities get a
// sheet of their own.
const AssistanceCategory = "帮扶救助"

// Options tune the appendix. The zero value is the normal appendix of a
// summary with every field given.
type Options struct {
	// NoCharts leaves out the 统计图表 sheet and its charts.
	NoCharts bool
	// Kind is the kind of report the appendix goes with: a plan's
	// workbook opens with its tasks (工作任务).
	Kind model.ReportKind
	// Given reports whether the input gave a field, by its path
	// (membership.previous.dues_paying): a figure not given stays an
	// empty cell, and nothing is computed from it, where the model can
	// only hold 0. Nil means every field was given.
	Given func(path string) bool

	// noCache writes formulas without their computed values, so that a test
	// can prove a spreadsheet program computes them from the formulas alone.
	noCache bool
}

// Appendix builds the XLSX appendix (附件) of a report from its model: the
// same numbers the prose quotes, as numbers and live formulas. The same
// report always gives the same bytes: the workbook is stamped with the
// report's 成文日期, never with the clock.
func Appendix(r *model.Report, opts Options) ([]byte, error) {
	if r == nil {
		return nil, ErrNoReport
	}
	b, err := newBuilder(r, opts)
	if err != nil {
		return nil, err
	}
	defer book.Close(b.f)
	if err := b.build(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBuild, err)
	}
	return book.Save(b.f, book.Props{
		Title:   b.titleOf("工作附件"),
		Subject: "工作统计附件",
		Creator: r.Org.Name,
		Date:    r.IssueDate(),
	})
}

// WriteAppendix writes the appendix to w.
func WriteAppendix(w io.Writer, r *model.Report, opts Options) error {
	data, err := Appendix(r, opts)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, bytes.NewReader(data))
	return err
}

// builder holds one appendix under construction.
type builder struct {
	r     *model.Report
	opts  Options
	f     *excelize.File
	st    *book.Styles
	acts  []model.Activity // in date order
	first bool             // the next sheet is the first, which renames Sheet1

	// Where the ledger's totals and the indicators landed, for the
	// formulas of the sheets that refer to them.
	ledgerTotal             int    // the row of 合计 on 活动台账
	ledgerCat, ledgerPeople string // column letters on the ledger
	ledgerCost              string
	indicatorRow            []int // row of each indicator on 工作指标

	// The model's totals, summed once.
	people int
	cost   decimal.Decimal
}

func newBuilder(r *model.Report, opts Options) (*builder, error) {
	f := excelize.NewFile()
	// Column widths count digits of the default font; with 宋体 a Chinese
	// character is exactly two, which is what the widths here assume.
	if err := f.SetDefaultFont(book.Font); err != nil {
		return nil, err
	}
	return &builder{r: r, opts: opts, f: f, st: book.NewStyles(f), acts: activitiesByDate(r.Activities), first: true,
		people: r.TotalParticipants(), cost: r.TotalCost()}, nil
}

// build writes the sheets the report talks about, and no empty one. A
// plan's workbook is its tasks, then the membership and indicators its
// targets start from; a summary's or briefing's is the year's work —
// membership, indicators, the activities, 帮扶, the charts — then its
// plans. 工作指标 and 活动台账 come only with indicators and activities.
func (b *builder) build() error {
	steps := []func() error{b.membership, b.indicators, b.ledger, b.assistance}
	if !b.opts.NoCharts {
		steps = append(steps, b.charts)
	}
	steps = append(steps, b.plans)
	if b.opts.Kind == model.KindPlan {
		steps = []func() error{b.plans, b.membership, b.indicators}
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if b.st.Err() != nil {
		return b.st.Err()
	}
	// The first sheet is active already; SetActiveSheet would read every
	// streamed sheet back in to clear its selection.
	// The formulas carry the model's values, but a program that honours
	// this recomputes them all when the workbook opens.
	return b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: ptr(true)})
}

// given reports whether the input gave the field at path.
func (b *builder) given(path string) bool { return b.opts.Given == nil || b.opts.Given(path) }

// titleOf gives a sheet's printed title: 柳背桥社区工会2024年上半年活动台账,
// with the period named as in the report's title.
func (b *builder) titleOf(what string) string {
	return b.r.Org.Name + zh.PeriodName(b.r.Period) + what
}

// dateName writes 2024年3月30日, or 2024年12月for a month.
func dateName(d model.Date) string {
	if !d.HasDay() {
		return fmt.Sprintf("%d年%d月", d.Year, d.Month)
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
}
