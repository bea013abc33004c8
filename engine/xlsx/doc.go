// Package xlsx writes the XLSX appendix (附件) of a report from its model,
// so that every figure stays a number and is the same number the prose
// quotes.
//
// # Sheets
//
// A workbook carries the sheets its report talks about, and no empty page:
//
//	会员情况   members, dues payers, dues collected, new members: this period,
//	           the same period last year (上年同期; 上年 for a whole year),
//	           增减 and 同比 as formulas, and the dues rate (缴费率) as a
//	           formula; always
//	工作指标   every indicator with category and unit; 增减 and 同比 as
//	           formulas; when there are indicators
//	活动台账   one row per activity in date order: 序号 日期 [结束日期] 类别
//	           活动名称 [承办单位] 地点 参加人数 [受益对象 受益数量] 经费 内容
//	           成效, with a 合计 row of formulas; when there are activities
//	帮扶       the indicators and activities (with 合计) of 帮扶救助, when
//	           the report has any; indicator cells refer to 工作指标. The
//	           indicators come first, so that the activities' heading and
//	           header, repeated on every later page, never head indicators
//	统计图表   activities per category (COUNTIF/SUMIF over 活动台账) and the
//	           同比 of every indicator the prose gives a rate (references to
//	           工作指标), each with a native bar chart, bars across the page
//	           so that Chinese names read as text, fifteen indicators a
//	           chart and each table with its chart on a page of its own; 同比
//	           and not the figures, because a street's figures run from 4 个
//	           to 12360 人次 and would not share an axis; left out with
//	           Options.NoCharts or when there is nothing to draw
//	下半年计划 the plans (类别 工作事项 目标 完成时限) after a first half-year;
//	下步打算   after any other summary or briefing; when there are plans
//	工作任务   the same, first, in a plan's workbook (Options.Kind), which
//	           then has only 会员情况 and 工作指标 besides: the figures its
//	           targets start from
//
// A figure the input does not give (Options.Given: last year's dues when
// only last year's members are known, 新发展会员 not reported) is an empty
// cell, never 0, and nothing is computed from it.
//
// # Look
//
// Every sheet has a title row, a styled header row, frozen panes and an
// auto-filter over the table, column widths fitted to the Chinese text
// (a character counts two digit widths in 宋体, the workbook's default
// font), row heights fitted to wrapped text, and A4 pages one page wide
// with the title and header rows repeated and 第 N 页，共 M 页 in the
// footer. Dates are real dates shown as 2024年3月30日; money is shown as
// 4509.50元 (0.00"元"), shares as 8.6% (0.0%).
//
// # Formulas
//
// Totals, changes, rates and the chart tables are live formulas, so a
// cadre who corrects a figure in the workbook sees the totals follow, and
// they are written for what cadres do to a workbook (formula.go):
//
//   - a 合计 sums INDEX(G:G,ROW(G$2)+1):INDEX(G:G,ROW()-1), the rows between
//     the header and itself, so that a row inserted right above 合计 —
//     which a fixed G3:G8 leaves out — is counted; 统计图表's COUNTIF and
//     SUMIF run from 活动台账's header to its 合计 for the same reason;
//   - the totals of 活动台账 and 帮扶 are SUBTOTALs, which count only the
//     rows a filter shows: filtered by 类别, 活动台账's 合计 is that
//     category's;
//   - figures are compared as engine/zh compares them in the prose
//     (zh.Compared): a share (%) and the 缴费率 change in 百分点, without a
//     rate; a count has no rate on a last-year figure under
//     zh.MinRateBase (记“—”); rates are ROUND(…,3), half away from zero
//     like the prose, where a spreadsheet would show the binary 0.0145 of
//     20.29 against 20 as 1.4%; changes are signed with U+2212 as the
//     prose's tables sign them.
//
// Each formula also carries the value the model gives it, for readers that
// do not calculate; the workbook asks spreadsheet programs to recalculate
// on opening. The tests recalculate appendices written without those
// values in LibreOffice and compare every formula with the model; insert
// rows above 合计 and under the header in LibreOffice and check the totals;
// filter 活动台账 by a category and check its 合计.
//
// # Reproducible output
//
// The same report always gives the same bytes: the document properties and
// every zip entry are stamped with the report's 成文日期
// (model.Report.IssueDate), never the clock, and the parts are written in
// a fixed order (package book).
//
// # Speed
//
// Rows are streamed (excelize's StreamWriter) and every style is created
// once per workbook; BenchmarkAppendix measures a street-sized report and
// BenchmarkStraightforward the cell-by-cell way for comparison.
package xlsx
