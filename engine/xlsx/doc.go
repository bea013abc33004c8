// Package xlsx writes the XLSX appendix (附件) of a report from its model,
// so that every figure stays a number and is the same number the prose
// quotes.
//
// # Sheets
//
//	会员情况   members, dues payers, dues collected, new members: this period,
//	           the same period last year, 增减 and 同比 as formulas, and the
//	           dues rate (缴费率) as a formula
//	工作指标   every indicator with category and unit; 增减 and 同比 as formulas
//	活动台账   one row per activity in date order: 序号 日期 [结束日期] 类别
//	           活动名称 地点 参加人数 经费 内容 成效, with a 合计 row of formulas
//	帮扶       the indicators and activities (with 合计) of 帮扶救助, when
//	           the report has any; indicator cells refer to 工作指标. The
//	           indicators come first, so that the activities' heading and
//	           header, repeated on every later page, never head indicators
//	统计图表   activities per category (COUNTIF/SUMIF over 活动台账) and the
//	           同比 of every indicator with a nonzero last year's figure
//	           (references to 工作指标), each with a native bar chart, bars
//	           across the page so that Chinese names read as text; 同比 and
//	           not the figures, because a street's figures run from 4 个 to
//	           12360 人次 and would not share an axis; left out with
//	           Options.NoCharts or when there is nothing to draw
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
// cadre who corrects a figure in the workbook sees the totals follow. Each
// formula also carries the value the model gives it, for readers that do
// not calculate; the workbook asks spreadsheet programs to recalculate on
// opening. The tests recalculate the appendix with LibreOffice, written
// without those values, and compare every formula with the model.
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
