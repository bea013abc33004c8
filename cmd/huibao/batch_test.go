package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/pdf"
	"github.com/huibao/huibao/engine/xlsx"
	"github.com/huibao/huibao/internal/office"
)

const streetDir = "fixtures/batch/shixinlu-2024-h1"

// outputs lists an output folder without the batch's state file (which
// must be there), temporaries included.
func outputs(t *testing.T, dir string) []os.DirEntry {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var out []os.DirEntry
	state := false
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".huibao.batch") {
			state = true
			continue
		}
		out = append(out, e)
	}
	if !state {
		t.Errorf("%s: no state file .huibao.batch*.json", dir)
	}
	return out
}

// streetReports loads the street's inputs the way a test can trust: one
// by one, straight from the files.
func streetReports(t *testing.T) []*model.Report {
	t.Helper()
	var out []*model.Report
	for _, f := range []string{"baijiaxiang.yaml", "beihu.json", "liubeiqiao.yaml", "sichouchang.yaml", "youfangjie.yaml"} {
		r, _, probs := load.File(filepath.Join(streetDir, f))
		if probs.Err() != nil {
			t.Fatal(probs)
		}
		out = append(out, r)
	}
	return out
}

// figure is a 汇总表 column's value for one report, by its headers: the
// group's and the column's (在册会员（人）·本期), or a column's own.
func figure(r *model.Report, header string) (decimal.Decimal, bool) {
	switch header {
	case "在册会员（人）·本期":
		return decimal.NewFromInt(int64(r.Membership.Members)), true
	case "缴费会员（人）·本期":
		return decimal.NewFromInt(int64(r.Membership.DuesPaying)), true
	case "会费收缴（元）·本期":
		return r.Membership.DuesCollected, true
	case "新发展会员\n（人）":
		return decimal.NewFromInt(int64(r.Membership.NewMembers)), true
	case "活动·次数":
		return decimal.NewFromInt(int64(len(r.Activities))), true
	case "活动·参加人次":
		return decimal.NewFromInt(int64(r.TotalParticipants())), true
	case "活动·经费\n（元）":
		return r.TotalCost(), true
	}
	name, ok := strings.CutPrefix(header, "主要指标·")
	name, unit, _ := strings.Cut(name, "\n（")
	if ind, found := r.Indicator(name); ok && found && ind.Unit == strings.TrimSuffix(unit, "）") {
		return ind.Value, true
	}
	return decimal.Zero, false
}

// summaryHeaders names the columns of the 汇总表 by its two header rows.
func summaryHeaders(groups, names []string) []string {
	at := func(row []string, c int) string {
		if c < len(row) {
			return row[c]
		}
		return ""
	}
	var out []string
	group := ""
	for c := range max(len(groups), len(names)) {
		g, n := at(groups, c), at(names, c)
		switch {
		case n == "":
			out, group = append(out, g), ""
		default:
			if g != "" {
				group = g
			}
			out = append(out, group+"·"+n)
		}
	}
	return out
}

// TestBatch runs the street's batch as a user would and checks every file:
// each community's report in every format, the 汇总表's totals against the
// inputs (and recalculated by LibreOffice when it is installed), and the
// roll-up in every format.
func TestBatch(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := cli(t, nil, "batch", streetDir, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if stderr != "共 5 个单位，全部生成了报告。\n"+fontNotice(t) {
		t.Errorf("stderr:\n%s", stderr)
	}
	reports := streetReports(t)
	var want []string
	for _, r := range reports {
		for _, ext := range []string{".md", ".pdf", ".docx", ".xlsx"} {
			want = append(want, filepath.Join(out, r.Org.Name+"_2024年上半年_工作总结"+ext))
		}
	}
	summary := filepath.Join(out, "石新路街道总工会_2024年上半年_汇总表.xlsx")
	want = append(want, summary)
	for _, ext := range []string{".md", ".pdf", ".docx", ".xlsx"} {
		want = append(want, filepath.Join(out, "石新路街道总工会_2024年上半年_工作总结"+ext))
	}
	var lines []string
	for _, w := range want {
		lines = append(lines, "已生成："+w)
		if fi, err := os.Stat(w); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", w, err)
		}
	}
	if got := strings.Split(strings.TrimSpace(stdout), "\n"); !slices.Equal(got, lines) {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, strings.Join(lines, "\n"))
	}
	if entries := outputs(t, out); len(entries) != len(want) {
		t.Errorf("%d files in the output folder, want %d (no temporary files left)", len(entries), len(want))
	}

	// The 汇总表: each total is the sum of the communities' figures.
	data, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("汇总表", excelize.Options{RawCellValue: true})
	header, total := summaryHeaders(rows[1], rows[2]), rows[3+len(reports)]
	if total[1] != "合计" {
		t.Fatalf("row %d: %q", 4+len(reports), total)
	}
	sums := map[string]decimal.Decimal{}
	checked := 0
	for col, h := range header {
		sum, some, all := decimal.Zero, false, true
		for _, r := range reports {
			v, ok := figure(r, h)
			sum, some, all = sum.Add(v), some || ok, all && ok
		}
		if !some {
			continue
		}
		if !all {
			// A figure some communities did not give has no total.
			if col < len(total) && total[col] != "" {
				t.Errorf("汇总表 合计 of %q is %q, but not every community gave it", h, total[col])
			}
			continue
		}
		sums[h] = sum
		if got, err := decimal.NewFromString(total[col]); err != nil || !got.Equal(sum) {
			t.Errorf("汇总表 合计 of %q is %q, the communities' figures add up to %s", h, total[col], sum)
		}
		checked++
	}
	if checked < 7+2 {
		t.Errorf("only %d totals checked in %q", checked, header)
	}

	// LibreOffice, recalculating, must agree.
	if o, err := office.New(t.TempDir()); err != nil {
		t.Logf("LibreOffice check skipped: %v", err)
	} else {
		b, _ := os.ReadFile(o.RecalcCSV(t, summary))
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for col, h := range summaryHeaders(recs[1], recs[2]) {
			if sum, ok := sums[h]; ok {
				if got, err := decimal.NewFromString(recs[3+len(reports)][col]); err != nil || !got.Equal(sum) {
					t.Errorf("LibreOffice computes 合计 of %q as %q, want %s", h, recs[3+len(reports)][col], sum)
				}
			}
		}
	}

	// The roll-up's appendix lists every community's activities.
	data, _ = os.ReadFile(want[len(want)-1]) // the roll-up's .xlsx
	ap, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer ap.Close()
	ledger, _ := ap.GetRows(xlsx.SheetLedger)
	n := 0
	for _, row := range ledger {
		if len(row) > 0 && row[0] != "" && row[0] >= "0" && row[0] <= "9" && !strings.Contains(row[0], "合计") {
			n++
		}
	}
	if acts := sums["活动·次数"].IntPart(); int64(n) != acts {
		t.Errorf("the roll-up's 活动台账 has %d activities, the communities %d", n, acts)
	}
	md, _ := os.ReadFile(want[len(want)-4]) // the roll-up's .md
	if !bytes.Contains(md, []byte("共组织开展活动"+sums["活动·次数"].String()+"次")) {
		t.Errorf("the roll-up does not count the communities' activities:\n%.800s", md)
	}
}

// TestBatchJobs: one worker or four, the same files with the same bytes
// and the same messages in the same order.
func TestBatchJobs(t *testing.T) {
	type result struct{ dir, stdout, stderr string }
	var rs []result
	for _, j := range []string{"1", "4"} {
		dir := t.TempDir()
		code, stdout, stderr := cli(t, nil, "batch", "fixtures/batch/with-bad", "-o", dir, "-j", j)
		if code != 1 {
			t.Fatalf("-j %s: exit %d\n%s", j, code, stderr)
		}
		rs = append(rs, result{dir, strings.ReplaceAll(stdout, dir, "OUT"), stderr})
	}
	if rs[0].stdout != rs[1].stdout || rs[0].stderr != rs[1].stderr {
		t.Errorf("messages differ:\n-j 1:\n%s%s\n-j 4:\n%s%s", rs[0].stdout, rs[0].stderr, rs[1].stdout, rs[1].stderr)
	}
	a, b := outputs(t, rs[0].dir), outputs(t, rs[1].dir)
	if len(a) != len(b) || len(a) != 3*4+1 {
		t.Fatalf("-j 1 wrote %d files, -j 4 %d", len(a), len(b))
	}
	for _, e := range a {
		x, _ := os.ReadFile(filepath.Join(rs[0].dir, e.Name()))
		y, err := os.ReadFile(filepath.Join(rs[1].dir, e.Name()))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between -j 1 and -j 4", e.Name())
		}
	}
}

// TestBatchWithBad: the broken community is reported, every problem with
// its place, and gets no file; the others are generated; exit 1.
func TestBatchWithBad(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := cli(t, nil, "batch", "fixtures/batch/with-bad", "-o", out, "-f", "md")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	wantErr := `fixtures/batch/with-bad/说明.txt: 提醒：不是输入文件（只读 .yaml、.yml、.json、.xlsx），已忽略。
fixtures/batch/with-bad/xinhua.yaml:15:16: 字段 membership.dues_paying：缴费会员 165 人多于在册会员 150 人。缴费会员是在册会员的一部分，不能多于在册会员，请核对这两个数。
fixtures/batch/with-bad/xinhua.yaml:24:5: 字段 activities[1].particpants：activities[1] 下没有“particpants”这个字段。是不是“participants”（参加人数）？这一级可写的字段有：date、end_date、title、category、location、participants、content、result、cost、organizer、beneficiary、beneficiaries、beneficiary_unit、typical。
fixtures/batch/with-bad/xinhua.yaml:27:11: 字段 activities[2].date：活动日期 2024-07-15 不在报告期间（2024-01-01 至 2024-06-30）内。请核对年份和月份；不属于本期的活动请删去。
fixtures/batch/with-bad/xinhua.yaml：发现 3 处错误，没有生成这个单位的报告。
汇总报告：有 1 个单位没有生成报告（见上），没有生成汇总报告：汇总报告的数字要包含全部单位。请改正后重新运行。
共 4 个单位：3 个生成了报告，1 个没有生成报告（见上）。
`
	if stderr != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantErr)
	}
	wantOut := ""
	for _, name := range []string{"白家巷社区工会_2024年上半年_工作总结.md", "北湖社区工会_2024年上半年_工作总结.md",
		"丝绸厂社区工会_2024年上半年_工作总结.md", "石新路街道总工会_2024年上半年_汇总表.xlsx"} {
		wantOut += "已生成：" + filepath.Join(out, name) + "\n"
	}
	if stdout != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, wantOut)
	}
	entries := outputs(t, out)
	for _, e := range entries {
		if strings.Contains(e.Name(), "新华") || strings.HasPrefix(e.Name(), ".huibao-") {
			t.Errorf("file %s left for the broken unit", e.Name())
		}
	}
	if len(entries) != 4 {
		t.Errorf("%d files written, want 4", len(entries))
	}
}

func TestBatchUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"batch"}, "需要 1 个参数，实际给了 0 个"},
		{[]string{"batch", streetDir, "fixtures/batch/with-bad"}, "需要 1 个参数，实际给了 2 个"},
		{[]string{"batch", "nope"}, "找不到文件夹 nope"},
		{[]string{"batch", "fixtures/batch/with-bad/sichouchang.xlsx"}, "错误：fixtures/batch/with-bad/sichouchang.xlsx 是一个单位的填报表，没有“多单位”工作表"},
		{[]string{"batch", "fixtures/liubeiqiao-2024-h1.yaml"}, "不是文件夹。批量处理要一个文件夹"},
		{[]string{"batch", streetDir, "-j", "-1"}, "-j 要写正整数"},
		{[]string{"batch", streetDir, "-j", "两个"}, "选项 -j, --jobs 的值“两个”无效"},
		{[]string{"batch", streetDir, "-t", "半年总节"}, "找不到模板“半年总节”"},
		{[]string{"batch", streetDir, "-f", "doc"}, "不认识的输出格式“doc”"},
		{[]string{"batch", streetDir, "-o", streetDir}, "输出文件夹不能就是输入文件夹"},
	}
	for _, tt := range tests {
		code, out, errs := cli(t, nil, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.want) || out != "" {
			t.Errorf("huibao %s: exit %d, want 2 and %q; output:\n%s%s", strings.Join(tt.args, " "), code, tt.want, out, errs)
		}
	}
	if code, out, _ := cli(t, nil, "batch", "--help"); code != 0 || !strings.Contains(out, "一个文件一个单位") || !strings.Contains(out, "-j, --jobs 个数") {
		t.Errorf("batch --help: exit %d\n%s", code, out)
	}
	if code, out, _ := cli(t, nil, "--help"); code != 0 || !strings.Contains(out, "batch       批量生成") {
		t.Errorf("--help does not list batch:\n%s", out)
	}
}

// fontNotice is the line a run that makes PDFs ends with on this machine:
// which font roles stand in for the faces GB/T 9704 asks for, if any.
func fontNotice(t *testing.T) string {
	t.Helper()
	fonts, err := pdf.LoadFonts(pdf.FontConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if n := fonts.Notice(); n != "" {
		return n + "\n"
	}
	return ""
}
