// Package zh turns data into the Chinese text of a report: every figure,
// date, sequence number, list and punctuation mark a template writes comes
// from here, so that slips such as 4509、50元, 31起起 or a list jumping
// from 一、 to 三、 cannot happen.
//
// The functions are pure and typed (int, decimal.Decimal, model.Date,
// model.Period); engine/funcs adapts them to templates as the zh namespace.
// Arithmetic is decimal throughout, never float. Rounding is always half
// away from zero (四舍五入), applied once, to the exact value.
//
// # Numerals
//
// GB/T 15835-2011 decides between Arabic and Chinese numerals:
//
//   - Counts, measures, money, percentages and 公历 dates are written in
//     Arabic digits (4.1.1): Count, Money, Percent, Date. Prose does not
//     group digits (18639人); tables may (Grouped, Amount).
//   - Fixed words that contain a number are written in Chinese (4.2.3):
//     第二季度 (PeriodName), 第一 (Ordinal), and the heading numbers 一、
//     （一） (Seq).
//   - A small count in a set phrase may be either (4.3); Measure and Times
//     write 1 to 10 in Chinese with 两 for 2 (进行了一次培训, 两名), and
//     larger counts in Arabic. Use them for phrasing, Count for figures,
//     and keep one form for one kind of figure in a document (同类别同形式).
//
// Numeral reads a number (3 三, 10 十, 15 十五, 1005 一千零五, 100010000
// 一亿零一万); Digits spells it digit by digit as years are read (2024
// 二〇二四).
//
// # Numbering
//
// The official hierarchy (GB/T 9704-2012 7.3.3) is 一、 （一） 1. （1）, levels
// 1 to 4. Seq writes the n-th number of a level; Counter numbers headings
// as a template writes them, restarting deeper levels, so numbers are
// computed from what is present and go on correctly past ten (十一、,
// （十二）).
//
// # Dates and periods
//
// Date writes 2024年6月12日 (and 2024年12月 for a month-precision date);
// months and days have no leading zero. DateIn drops the year when it is the
// report's (6月12日); DateRel names it (今年3月30日, 去年12月22日); Span
// writes 3月30日至4月2日, 6月3日至5日 and, across a year end,
// 去年12月22日至1月21日. PeriodName gives 2024年上半年, 2024年第一季度 and
// 2024年 for a whole year (the bare 上半年 or 全年 is model.Span's Name);
// PeriodRange 2024年1月1日至6月30日. The 成文日期 is Date (GB/T 9704-2012 writes it in
// Arabic) or DateCN (二〇二四年七月五日).
//
// # Money
//
// Money writes an amount the way the seeds do: whole 元 without decimals
// (2150元), others with both 角 and 分 (4943.50元, never 4943.5元). From
// 10万元 on it writes 万元 rounded to 0.01万元 with trailing zeros dropped
// (12.35万元, 30万元), the unit a reader takes in at a glance at that size;
// below it every 分 is shown, since a community's dues are quoted exactly.
// Yuan and Wan force one unit; Amount writes a table cell (4,509.50);
// Capital writes 大写金额 (肆仟伍佰零玖元伍角整) by the banking rules.
//
// # Counts with units
//
// Count writes a figure with its unit (152人, 5人次, 0.32平方公里), checking
// the unit against model.Units, the one unit table: a counting unit takes
// only whole numbers, except a unit with its own 万 (1.2万人次). Money and
// percentage units are written as Money and Percent write them. Total
// writes 共计356人次 and Itemize a breakdown with its total.
//
// # Percentages and change
//
// Percent writes a ratio to one decimal, always written as statistical
// bulletins do (91.4%, 90.0%, 增长11.0%), and a positive ratio too small to
// show as 不足0.1%; Rate divides first, exactly. Change compares a figure
// with last year's: 较去年同期增加12人，增长8.6%; 较去年同期减少3户，下降
// 11.1%; 与去年同期持平; 较去年同期增加5人次（去年同期为0）. From twice last
// year's figure on it writes 倍 (是去年同期的3倍, exactly twice 增长1倍); a
// count whose last-year figure is under MinRateBase gets no rate (较去年同期
// 增加2家); an amount of 元 compared at 10万元 or more is written in 万元
// like the figure itself; percentages change by 个百分点. ChangeFrom takes
// the Basis: 上年 for a whole year (BasisOf), 去年同期 otherwise. Delta is
// the same without 较去年同期. For tables, Diff writes the signed change
// (+12, −3, +0.8个百分点) and Growth, GrowthOf the signed rate (+8.6%,
// −11.1%, — where the prose writes none), with the minus sign U+2212;
// Compared tells a writer of another table (the workbook) which rule a
// unit follows, so that every output says the same thing.
//
// PeriodWord names a period inside a sentence (上半年, 全年, 今年以来),
// never 本期.
//
// # Lists
//
// Join writes A、B和C (A和B; A); JoinWith takes another last word (及, 或).
//
// # Punctuation
//
// Punct turns the half-width , ; : ( ) ! ? of Chinese prose into full
// width and drops blanks around full-width marks, leaving numbers (4,509.50,
// 12:30), dates, Latin text, URLs and code alone. CheckPunct reports the
// same half-width marks, and doubled marks (，， 。。 ，。), with their
// offsets, for lints.
package zh
