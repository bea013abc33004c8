// Package form writes and reads the 填报表: the XLSX workbook a cadre fills
// in instead of YAML, a full peer of it (the same fields, the same model).
//
// # Layout
//
// The sheets, in order, and the YAML fields they carry:
//
//	填表说明   instructions; never read
//	基本信息   version, org (name, type, parent, leader), period, report:
//	           one row per field, label in A, value in B, example and hint in C
//	会员情况   membership: label in A, this period in B, previous (上年同期) in C
//	工作指标   indicators: 指标名称 本期数值 单位 上年同期 类别
//	活动       activities: 日期 结束日期 活动名称 类别 地点 参加人数 经费（元） 活动内容 取得成效 承办单位
//	问题       problems: 存在的问题
//	计划       plans: 类别 工作事项 目标 完成时限
//	概况       org.overview: 项目 数值 单位
//
// Table sheets have their headers in row 1 and a grey example in row 2;
// data starts in row 3. Dropdowns cover categories, units, span and union
// type; dates, whole numbers and numbers are checked as typed, and every
// header and cell shows an input message. 完成时限 is a text column (see
// cells.go for why). Every sheet is protected without a password: the
// headers, labels, hints and the example are locked, the cells to fill in
// and every cell without a style of its own are not, and rows may be
// inserted, deleted, sorted and filtered.
//
// # Several units in one workbook
//
// A 多单位填报表 (WriteUnits, ReadUnits; units.go) carries a street's
// communities in one workbook for huibao batch: 基本信息 holds what they
// share, 多单位 a row a unit (name, leader, membership and dues with 上年同期,
// its own 成文日期), and every table sheet a first column 单位名称 saying
// whose each row is. A row that names no unit, or a unit named twice, is
// the workbook's error; a cell's problem is the unit's whose row it is on.
//
// # Reading
//
// ReadForm reads by header text, not by position: columns may be moved or
// widened, blank rows inserted, a title row put above the headers (the
// header is the first of the top five rows that names a column). It is
// defensive about what cadres and spreadsheet programs do to cells:
//
//   - the example row is skipped while it still holds the example, cell for
//     cell; half typed over (its protection lifted), every example value
//     left in it is an error, so that no example becomes data; typed over
//     in full, it is data;
//   - a sheet the layout does not know is the cadre's own and is left with
//     a notice, unless it seems one of the form's renamed while the form's
//     own is missing (活动情况 for 活动): then its data would be lost, an
//     error;
//   - a header renamed (活动题目 for 活动名称) or a required column deleted
//     is one error at the header, and validation keeps quiet about the
//     column's cells;
//   - a figure of a row whose unit is % may be typed as 95, 95% (text), or
//     95% into a number cell, which Excel stores as 0.95 shown as a
//     percentage: all read 95; a figure of at most 1 in a cell not shown as
//     a percentage is read as it stands with a warning at the cell (0.8%
//     or 80%?), and a percentage in a row of another unit is an error;
//   - line breaks typed inside a cell (Alt+Enter) join into one paragraph,
//     without a space between Chinese characters;
//   - empty rows are skipped; outer spaces (also full-width and no-break
//     ones) are trimmed, inner text is kept as typed;
//   - merged cells read as they look: a value merged down several rows (a
//     category over five activities) belongs to each of them that holds
//     anything else; across columns it stays in the first, the cells it
//     hides read as empty, and a merge over two or more columns that are
//     read is reported as a warning naming the range;
//   - numbers are read exactly from the cell's stored text, so 4509.5 stays
//     4509.5; numbers typed as text, full-width digits (１５２), thousands
//     separators (1,234) and Excel's binary noise (0.30000000000000004) are
//     all understood; a unit typed with the number (152人) is reported;
//   - dates may be real dates (Excel serials, 1900 or 1904 system), text as
//     2024-3-30, 2024.3.30, 2024/3/30, 2024年3月30日 (or 号), 20240330, or
//     3月30日 without a year, which takes the year of the period (for a
//     period over two years, the year that puts the date inside it);
//     2024-12, 2024.12, 2024年12月, 12月底 and 年底 are month-precision
//     dates, as plan deadlines use, and so is a date Excel stored as a
//     serial in a cell shown without its day (2025年12月 typed into a
//     General cell); a deadline on the first of a month in a cell shown
//     with its day is read as that day, with a warning (2025年12月 typed
//     into a yyyy-mm-dd cell is stored so). A number like 2024.1 in a date
//     cell is reported (2024.10 typed into a number cell is stored as
//     2024.1);
//   - an input that is not an .xlsx (an .xls, a password-protected file, a
//     CSV renamed) or that unpacks to more than the limits of package book
//     is refused with a Chinese message.
//
// Every problem names its sheet and cell (活动!C7, the row number the cadre
// sees) and the field path the YAML loader uses (activities[5].date, 1-based
// list indices); all problems of a workbook are reported at once. Unknown
// columns and 基本信息 rows are warnings, since they are not read. Semantic checks (dues_paying ≤
// members, dates within the period, categories and units from the lists)
// are left to validation, which finds each field's cell in the SourceMap:
// every non-empty cell read is recorded under its field path, each list
// item under its first cell, and each section (org, membership, activities
// …) under its sheet; an empty cell is recorded as its field's slot, so
// that a missing value is reported at the cell to fill in.
package form
