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
// header and cell shows an input message.
//
// # Reading
//
// ReadForm reads by header text, not by position: columns may be moved or
// widened, blank rows inserted, a title row put above the headers (the
// header is the first of the top five rows that names a column). It is
// defensive about what cadres and spreadsheet programs do to cells:
//
//   - the example row is skipped while it still holds the example, cell for
//     cell; typed over, it is data;
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
//     2024-12, 2024.12 and 2024年12月 are month-precision dates, as plan
//     deadlines use. A number like 2024.1 in a date cell is reported (2024.10
//     typed into a number cell is stored as 2024.1);
//   - an input that is not an .xlsx (an .xls, a password-protected file, a
//     CSV renamed) or that unpacks to more than the limits of package book
//     is refused with a Chinese message.
//
// Every problem names its sheet and cell (活动!C7, the row number the cadre
// sees) and the field path the YAML loader uses (activities[5].date, 1-based
// list indices); all problems of a workbook are reported at once. Unknown
// sheets with content are errors; unknown columns and 基本信息 rows are
// warnings, since they are not read. Semantic checks (dues_paying ≤
// members, dates within the period, categories and units from the lists)
// are left to validation, which finds each field's cell in the SourceMap:
// every non-empty cell read is recorded under its field path, each list
// item under its first cell, and each section (org, membership, activities
// …) under its sheet; an empty cell is recorded as its field's slot, so
// that a missing value is reported at the cell to fill in.
package form
