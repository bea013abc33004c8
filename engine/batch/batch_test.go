package batch_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/prose"
	"github.com/huibao/huibao/internal/golden"
	"github.com/xuri/excelize/v2"
)

const (
	street  = "../../fixtures/batch/shixinlu-2024-h1"
	withBad = "../../fixtures/batch/with-bad"
)

var (
	engOnce sync.Once
	eng     *engine.Engine
)

// newEngine is shared by the tests, as one process shares it in a batch:
// templates compiled and fonts loaded once.
func newEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engOnce.Do(func() {
		var err error
		if eng, err = engine.New(engine.Options{}); err != nil {
			panic(err)
		}
	})
	return eng
}

func run(t testing.TB, dir string, opts batch.Options) *batch.Batch {
	t.Helper()
	b, err := batch.Prepare(newEngine(t), dir, opts)
	if err != nil {
		t.Fatalf("Prepare(%s): %v", dir, err)
	}
	b.Run()
	return b
}

// copyFolder copies the fixture folder src into a temporary folder,
// changing files as edits say (file name → old → new; a "" old deletes the
// file; a missing file is created with new).
func copyFolder(t *testing.T, src string, edits map[string][2]string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if ed, ok := edits[e.Name()]; ok {
			if ed[0] == "" {
				continue
			}
			if !bytes.Contains(data, []byte(ed[0])) {
				t.Fatalf("%s has no %q", e.Name(), ed[0])
			}
			data = bytes.ReplaceAll(data, []byte(ed[0]), []byte(ed[1]))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, ed := range edits {
		if _, err := os.Stat(filepath.Join(src, name)); os.IsNotExist(err) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(ed[1]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// loadAll loads the inputs of a fixture folder directly, to compute the
// sums the batch's outputs must show.
func loadAll(t *testing.T, dir string) []*model.Report {
	t.Helper()
	var out []*model.Report
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == "batch.yaml" || load.KindOf(e.Name()) == load.Unknown {
			continue
		}
		r, _, probs := load.File(filepath.Join(dir, e.Name()))
		if probs.Err() != nil {
			t.Fatal(probs)
		}
		out = append(out, r)
	}
	return out
}

// TestStreet runs the 石新路街道 folder: one report per community, the
// 汇总表 and the roll-up, and compares the roll-up's Markdown with the
// golden file.
func TestStreet(t *testing.T) {
	out := t.TempDir()
	var order []string
	b := run(t, street, batch.Options{OutDir: out, Formats: []string{"md"}, Jobs: 3,
		Unit: func(u *batch.Unit) { order = append(order, filepath.Base(u.Path)) }})
	if b.Failed() {
		for _, u := range b.Units {
			t.Log(u.Problems, u.Err)
		}
		t.Fatalf("failed: summary %+v, roll-up %+v", b.Summary, b.Rollup)
	}
	want := []string{"baijiaxiang.yaml", "beihu.json", "liubeiqiao.yaml", "sichouchang.yaml", "youfangjie.yaml"}
	if !slices.Equal(order, want) {
		t.Errorf("units handed over in order %v, want %v", order, want)
	}
	for _, u := range b.Units {
		if len(u.Written) != 1 || filepath.Base(u.Written[0]) != u.Name+"_2024年上半年_工作总结.md" {
			t.Errorf("%s wrote %v", u.Path, u.Written)
		}
	}
	if got := b.Summary.Written; len(got) != 1 || filepath.Base(got[0]) != "石新路街道总工会_2024年上半年_汇总表.xlsx" {
		t.Errorf("汇总表 %v", got)
	}
	if len(b.Rollup.Written) != 1 {
		t.Fatalf("roll-up %+v", b.Rollup)
	}
	md, err := os.ReadFile(b.Rollup.Written[0])
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(b.Rollup.Written[0]) != "石新路街道总工会_2024年上半年_工作总结.md" {
		t.Errorf("roll-up written as %s", b.Rollup.Written[0])
	}
	golden.Check(t, "testdata/shixinlu-2024-h1.rollup.md", md)
}

// TestRollupFigures: the roll-up's prose quotes the sums of the units'
// figures, computed here from the inputs.
func TestRollupFigures(t *testing.T) {
	out := t.TempDir()
	b := run(t, street, batch.Options{OutDir: out, Formats: []string{"md"}})
	md, err := os.ReadFile(b.Rollup.Written[0])
	if err != nil {
		t.Fatal(err)
	}
	members, paying, acts, people := 0, 0, 0, 0
	var recommended int64
	for _, r := range loadAll(t, street) {
		members += r.Membership.Members
		paying += r.Membership.DuesPaying
		acts += len(r.Activities)
		people += prose.Writer{Lex: lexicon.Builtin()}.Attendance(r.Activities)
		if ind, ok := r.Indicator("推荐就业"); ok {
			recommended += ind.Value.IntPart()
		}
		// Every activity is counted (the workload sentence below); the
		// roll-up tells them by category and names every community.
		if !bytes.Contains(md, []byte(r.Org.Name)) {
			t.Errorf("the roll-up never names %s", r.Org.Name)
		}
	}
	for _, want := range []string{
		"有在册会员" + itoa(members) + "人，其中缴费会员" + itoa(paying) + "人",
		"共组织开展活动" + itoa(acts) + "次，参加" + itoa(people) + "人次",
		"推荐就业" + itoa(int(recommended)) + "人次",
		"在石新路街道党工委的正确领导和顺庆区总工会的精心指导下",
	} {
		if !bytes.Contains(md, []byte(want)) {
			t.Errorf("roll-up lacks %q", want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestDeterministic: one worker or four, every file has the same bytes and
// the units are handed over in the same order.
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every format twice")
	}
	outs := map[int]string{}
	orders := map[int][]string{}
	for _, jobs := range []int{1, 4} {
		outs[jobs] = t.TempDir()
		run(t, street, batch.Options{OutDir: outs[jobs], Jobs: jobs,
			Unit: func(u *batch.Unit) { orders[jobs] = append(orders[jobs], u.Path) }})
	}
	if !slices.Equal(orders[1], orders[4]) {
		t.Errorf("order -j 1 %v, -j 4 %v", orders[1], orders[4])
	}
	one, _ := os.ReadDir(outs[1])
	four, _ := os.ReadDir(outs[4])
	if len(one) != len(four) || len(one) != 5*4+1+4+1 {
		t.Fatalf("-j 1 wrote %d files, -j 4 %d; want 25 and the state file", len(one), len(four))
	}
	for _, e := range one {
		a, _ := os.ReadFile(filepath.Join(outs[1], e.Name()))
		b, err := os.ReadFile(filepath.Join(outs[4], e.Name()))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between -j 1 and -j 4 (%v)", e.Name(), err)
		}
	}
}

// TestWithBad: the broken unit is skipped with its positioned problems and
// no file; the others are generated; the 汇总表 keeps its row empty; the
// roll-up is refused.
func TestWithBad(t *testing.T) {
	out := t.TempDir()
	b := run(t, withBad, batch.Options{OutDir: out, Formats: []string{"md"}})
	if !b.Failed() {
		t.Fatal("a batch with a broken unit did not fail")
	}
	if len(b.Ignored) != 1 || b.Ignored[0].Name != "说明.txt" {
		t.Errorf("ignored %v", b.Ignored)
	}
	var bad *batch.Unit
	for _, u := range b.Units {
		if u.Failed() != (u.Name == "新华社区工会") {
			t.Errorf("%s failed: %v (%v %v)", u.Name, u.Failed(), u.Problems, u.Err)
		}
		if u.Name == "新华社区工会" {
			bad = u
		}
	}
	if bad == nil {
		t.Fatal("no 新华社区工会")
	}
	var got []string
	for _, p := range bad.Problems {
		got = append(got, p.Pos.String()+" "+p.Path)
	}
	want := []string{
		withBad + "/xinhua.yaml:15:16 membership.dues_paying",
		withBad + "/xinhua.yaml:24:5 activities[1].particpants",
		withBad + "/xinhua.yaml:27:11 activities[2].date",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
	files, _ := os.ReadDir(out)
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	wantFiles := []string{".huibao.batch.json", "丝绸厂社区工会_2024年上半年_工作总结.md", "北湖社区工会_2024年上半年_工作总结.md",
		"白家巷社区工会_2024年上半年_工作总结.md", "石新路街道总工会_2024年上半年_汇总表.xlsx"}
	if !slices.Equal(names, wantFiles) {
		t.Errorf("files %q, want %q", names, wantFiles)
	}
	if b.Rollup.Err == nil || !strings.Contains(b.Rollup.Err.Error(), "有 1 个单位没有生成报告（见上），没有生成汇总报告") {
		t.Errorf("roll-up: %+v", b.Rollup)
	}
}

// TestPeriods: a unit of another period than the others fails; when no
// period has a majority the batch stops; the manifest's period decides.
func TestPeriods(t *testing.T) {
	h2, err := os.ReadFile("../../fixtures/liubeiqiao-2024-h2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// 柳背桥's second half-year instead of its first, among four first halves.
	dir := copyFolder(t, street, map[string][2]string{"liubeiqiao.yaml": {"", ""}, "liubeiqiao-h2.yaml": {"", string(h2)}})
	b := run(t, dir, batch.Options{OutDir: t.TempDir(), Formats: []string{"md"}})
	var failed []string
	for _, u := range b.Units {
		if u.Failed() {
			failed = append(failed, u.Problems.Err().Error())
		}
	}
	want := filepath.Join(dir, "liubeiqiao-h2.yaml") + ":10:10: 字段 period：期间是2024年下半年，而本批其他 4 个单位的期间是2024年上半年。" +
		"批量处理的各单位须是同一期间：请改正期间，或把这个文件移出文件夹。"
	if len(failed) != 1 || failed[0] != want {
		t.Errorf("failed %q\nwant %q", failed, want)
	}

	// One and one: no majority, nothing runs.
	tie := t.TempDir()
	base, _ := os.ReadFile(filepath.Join(street, "baijiaxiang.yaml"))
	os.WriteFile(filepath.Join(tie, "baijiaxiang.yaml"), base, 0o644)
	os.WriteFile(filepath.Join(tie, "liubeiqiao-h2.yaml"), h2, 0o644)
	_, err = batch.Prepare(newEngine(t), tie, batch.Options{OutDir: t.TempDir()})
	var ie *engine.Error
	wantMsg := "各单位的期间不一致，看不出本批要汇总哪个期间：2024年上半年（" + filepath.Join(tie, "baijiaxiang.yaml") +
		"）；2024年下半年（" + filepath.Join(tie, "liubeiqiao-h2.yaml") + "）。"
	if !errors.As(err, &ie) || !strings.HasPrefix(ie.Msg, wantMsg) || len(ie.Problems) != 2 {
		t.Errorf("tie: %v\nwant %s…", err, wantMsg)
	}

	// The manifest names the period: the first half-year's unit fails.
	os.WriteFile(filepath.Join(tie, "batch.yaml"), []byte("period: {year: 2024, span: H2}\n"), 0o644)
	b = run(t, tie, batch.Options{OutDir: t.TempDir(), Formats: []string{"md"}})
	for _, u := range b.Units {
		if u.Failed() != (u.Name == "白家巷社区工会") {
			t.Errorf("%s failed: %v %v", u.Name, u.Failed(), u.Problems)
		}
		if u.Failed() && !strings.Contains(u.Problems.Err().Error(), "期间是2024年上半年，而批量说明文件 "+filepath.Join(tie, "batch.yaml")+" 写的期间是2024年下半年") {
			t.Errorf("%s: %v", u.Name, u.Problems)
		}
	}
}

// TestDuplicateNames: two files of one union both fail.
func TestDuplicateNames(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join(street, "beihu.json"))
	dir := copyFolder(t, street, map[string][2]string{"beihu-copy.json": {"", string(data)}})
	b := run(t, dir, batch.Options{OutDir: t.TempDir(), Formats: []string{"md"}})
	n := 0
	for _, u := range b.Units {
		if u.Failed() {
			n++
			if !strings.Contains(u.Problems.Err().Error(), "单位名称“北湖社区工会”与") {
				t.Errorf("%s: %v", u.Path, u.Problems)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d units failed, want both copies", n)
	}
}

// TestNoManifest: without batch.yaml the roll-up is written for the units'
// common parent; without a common parent it is refused, and the unit
// reports and the 汇总表 are still written.
func TestNoManifest(t *testing.T) {
	dir := copyFolder(t, street, map[string][2]string{"batch.yaml": {"", ""}})
	b := run(t, dir, batch.Options{OutDir: t.TempDir(), Formats: []string{"md"}})
	if b.Failed() || len(b.Rollup.Written) != 1 || filepath.Base(b.Rollup.Written[0]) != "石新路街道总工会_2024年上半年_工作总结.md" {
		t.Fatalf("roll-up %+v", b.Rollup)
	}
	md, _ := os.ReadFile(b.Rollup.Written[0])
	// Without the manifest there is no party or parent to name, and the
	// date is the latest of the units' (北湖, 2024-07-08).
	if !bytes.Contains(md, []byte("2024年上半年，石新路街道总工会紧紧围绕街道中心工作")) || !bytes.Contains(md, []byte("2024年7月8日")) {
		t.Errorf("roll-up opening:\n%.600s", md)
	}

	edits := map[string][2]string{"batch.yaml": {"", ""}}
	for _, f := range []string{"baijiaxiang.yaml", "liubeiqiao.yaml", "sichouchang.yaml", "youfangjie.yaml"} {
		edits[f] = [2]string{"  parent: 石新路街道总工会\n", ""}
	}
	edits["beihu.json"] = [2]string{`"parent": "石新路街道总工会",`, ""}
	dir = copyFolder(t, street, edits)
	out := t.TempDir()
	b = run(t, dir, batch.Options{OutDir: out, Formats: []string{"md"}})
	if b.Rollup.Err == nil || b.Rollup.Problems.Err() == nil || !strings.Contains(b.Rollup.Problems.Err().Error(), "不知道汇总报告以哪个单位的名义写") {
		t.Errorf("roll-up without a parent: %+v", b.Rollup)
	}
	if b.Summary == nil || len(b.Summary.Written) != 1 || filepath.Base(b.Summary.Written[0]) != "各单位_2024年上半年_汇总表.xlsx" {
		t.Errorf("汇总表 %+v", b.Summary)
	}
	for _, u := range b.Units {
		if u.Failed() || len(u.Written) != 1 {
			t.Errorf("%s: %v %v", u.Path, u.Problems, u.Err)
		}
	}
}

// TestManifestProblems: a broken manifest stops the batch before anything
// is written, pointing at the line.
func TestManifestProblems(t *testing.T) {
	dir := copyFolder(t, street, map[string][2]string{"batch.yaml": {"  party:", "  patry:"}})
	out := filepath.Join(t.TempDir(), "out")
	_, err := batch.Prepare(newEngine(t), dir, batch.Options{OutDir: out})
	var ie *engine.Error
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || !strings.HasPrefix(ie.Problems[0].Error(), filepath.Join(dir, "batch.yaml")+":7:3: 字段 org.patry：") {
		t.Fatalf("got %v %v", err, ie)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("output folder created for a batch that did not run")
	}
}

func TestUsage(t *testing.T) {
	for _, c := range []struct{ path, out, want string }{
		{"nope", "", "找不到文件夹 nope"},
		{withBad + "/sichouchang.xlsx", "", "是一个单位的填报表，没有“多单位”工作表"},
		{street + "/batch.yaml", "", "不是文件夹"},
		{street, street, "输出文件夹不能就是输入文件夹"},
	} {
		_, err := batch.Prepare(newEngine(t), c.path, batch.Options{OutDir: c.out})
		var ue *engine.Error
		if !errors.As(err, &ue) || ue.Kind != engine.UsageError || !strings.Contains(ue.Msg, c.want) {
			t.Errorf("%s: %v, want a usage error with %q", c.path, err, c.want)
		}
	}
	_, err := batch.Prepare(newEngine(t), street, batch.Options{Template: "半年总节"})
	var ue *engine.Error
	if !errors.As(err, &ue) || ue.Kind != engine.UsageError || !strings.Contains(ue.Msg, "找不到模板“半年总节”") {
		t.Errorf("-t 半年总节: %v", err)
	}
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "readme.txt"), []byte("x"), 0o644)
	_, err = batch.Prepare(newEngine(t), empty, batch.Options{})
	var ie *engine.Error
	if !errors.As(err, &ie) || ie.Kind != engine.InputError || !strings.Contains(ie.Msg, "里没有输入文件") {
		t.Errorf("empty folder: %v", err)
	}
}

// TestWorkbookOfUnits: huibao batch on a 多单位填报表 — the street's five
// communities typed into one workbook — writes each community the report
// it gets from its own input, and the 汇总表; a unit with a problem is
// named by the workbook and its name, and its row of the 汇总表 says why.
func TestWorkbookOfUnits(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(street, "*.*"))
	var reports []*model.Report
	for _, f := range files {
		if filepath.Base(f) == "batch.yaml" {
			continue
		}
		r, _, probs := load.File(f)
		if probs.Err() != nil {
			t.Fatal(probs)
		}
		reports = append(reports, r)
	}
	data, err := form.WriteUnits(reports)
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "石新路街道各社区.xlsx")
	if err := os.WriteFile(book, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	b := run(t, book, batch.Options{OutDir: out, Formats: []string{"md"}})
	if len(b.Units) != 5 || b.Failed() {
		t.Fatalf("%d units, failed %v: %+v", len(b.Units), b.Failed(), b.Units)
	}
	for i, u := range b.Units {
		if !u.InWorkbook || u.Label() != book+"（"+reports[i].Org.Name+"）" {
			t.Errorf("unit %d labelled %q", i+1, u.Label())
		}
		// The same report as from the community's own file.
		j, err := newEngine(t).Prepare(engine.Request{Report: reports[i], Formats: []string{"md"}})
		if err != nil {
			t.Fatal(err)
		}
		res, err := newEngine(t).Render(j)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(out, res.Outputs[0].Name))
		if err != nil || !bytes.Equal(got, res.Outputs[0].Data) {
			t.Errorf("%s: the workbook's report differs from the community's own (%v)", reports[i].Org.Name, err)
		}
	}
	if b.Summary == nil || len(b.Summary.Written) != 1 {
		t.Errorf("汇总表 %+v", b.Summary)
	}

	// One community's dues payers beyond its members.
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellInt("多单位", "G4", 99999); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(book, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b = run(t, book, batch.Options{OutDir: t.TempDir(), Formats: []string{"md"}})
	bad := b.Units[1]
	if !bad.Failed() || !strings.Contains(bad.Problems.Error(), "石新路街道各社区.xlsx:多单位!G4: 字段 membership.dues_paying") {
		t.Errorf("the second community: failed %v, problems:\n%v", bad.Failed(), bad.Problems)
	}
	for i, u := range b.Units {
		if i != 1 && u.Failed() {
			t.Errorf("%s failed too", u.Label())
		}
	}
	sum, err := excelize.OpenFile(b.Summary.Written[0])
	if err != nil {
		t.Fatal(err)
	}
	defer sum.Close()
	rows, _ := sum.GetRows("汇总表")
	if note := rows[4][len(rows[4])-1]; note != "输入有1处错误，见石新路街道各社区.xlsx" {
		t.Errorf("备注 of the failed unit: %q (row %q)", note, rows[4])
	}
}
