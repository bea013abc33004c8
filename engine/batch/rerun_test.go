package batch_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/internal/unitgen"
)

// files reads every file of dir, the state file included, by name.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

// sameFiles reports every difference between two folders' files.
func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	var names []string
	for n := range want {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if g, ok := got[n]; !ok {
			t.Errorf("%s: %s missing", what, n)
		} else if !bytes.Equal(g, want[n]) {
			t.Errorf("%s: %s differs", what, n)
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("%s: %s should not be there", what, n)
		}
	}
}

// generated writes n generated units (internal/unitgen) into a new folder.
func generated(t *testing.T, n int, seed uint64) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := unitgen.Write(dir, unitgen.Options{N: n, Seed: seed, XLSX: 0.1}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRerun: a second run skips every unit and rewrites the 汇总表 and the
// roll-up to the same bytes; a changed input is rendered again, alone; a
// changed template set or --force renders everything.
func TestRerun(t *testing.T) {
	dir := copyFolder(t, street, nil)
	out := t.TempDir()
	opts := batch.Options{OutDir: out, Formats: []string{"md", "xlsx"}}
	first := run(t, dir, opts)
	if first.Failed() || first.Skipped() != 0 {
		t.Fatalf("first run: failed %v, skipped %d", first.Failed(), first.Skipped())
	}
	want := files(t, out)

	second := run(t, dir, opts)
	if second.Skipped() != 5 || second.Failed() {
		t.Fatalf("second run skipped %d of 5", second.Skipped())
	}
	for _, u := range second.Units {
		if u.Job != nil || len(u.Written) != 2 {
			t.Errorf("%s: skipped unit prepared (%v) or its files not listed (%v)", u.Path, u.Job != nil, u.Written)
		}
	}
	if len(second.Summary.Written) != 1 || len(second.Rollup.Written) != 2 {
		t.Errorf("summary %v, roll-up %v: not rebuilt", second.Summary.Written, second.Rollup.Written)
	}
	sameFiles(t, "second run", files(t, out), want)

	// 北湖 corrects a figure: only it is rendered, and the 汇总表 and the
	// roll-up say the new figure.
	beihu := filepath.Join(dir, "beihu.json")
	data, _ := os.ReadFile(beihu)
	os.WriteFile(beihu, bytes.Replace(data, []byte(`"members": 97`), []byte(`"members": 99`), 1), 0o644)
	third := run(t, dir, opts)
	var rendered []string
	for _, u := range third.Units {
		if !u.Skipped {
			rendered = append(rendered, filepath.Base(u.Path))
		}
	}
	if !slices.Equal(rendered, []string{"beihu.json"}) {
		t.Errorf("rendered %v, want only beihu.json", rendered)
	}
	md, _ := os.ReadFile(third.Rollup.Written[0])
	if !bytes.Contains(md, []byte("有在册会员")) || bytes.Equal(md, want[filepath.Base(third.Rollup.Written[0])]) {
		t.Error("the roll-up was not rebuilt with the new figure")
	}

	// A deleted report is written again.
	os.Remove(filepath.Join(out, "丝绸厂社区工会_2024年上半年_工作总结.md"))
	if b := run(t, dir, opts); b.Skipped() != 4 {
		t.Errorf("after deleting a report: skipped %d, want 4", b.Skipped())
	}
	// A report changed by hand (another size) is written again.
	os.WriteFile(filepath.Join(out, "柳背桥社区工会_2024年上半年_工作总结.md"), []byte("x"), 0o644)
	if b := run(t, dir, opts); b.Skipped() != 4 {
		t.Errorf("after editing a report: skipped %d, want 4", b.Skipped())
	}
	// Other formats: another run key.
	if b := run(t, dir, batch.Options{OutDir: out, Formats: []string{"md"}}); b.Skipped() != 0 {
		t.Errorf("with other formats: skipped %d, want 0", b.Skipped())
	}
	// --force.
	run(t, dir, opts)
	if b := run(t, dir, batch.Options{OutDir: out, Formats: []string{"md", "xlsx"}, Force: true}); b.Skipped() != 0 {
		t.Errorf("--force: skipped %d, want 0", b.Skipped())
	}
	// Another template set.
	tpl := t.TempDir()
	os.MkdirAll(filepath.Join(tpl, "mine"), 0o755)
	os.WriteFile(filepath.Join(tpl, "readme.txt"), []byte("not a template, but in the set"), 0o644)
	eng2, err := engine.New(engine.Options{TemplateDirs: []string{tpl}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := batch.Prepare(eng2, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if b.Skipped() != 0 {
		t.Errorf("with another template set: skipped %d, want 0", b.Skipped())
	}
}

// TestRerunFailed: a unit that failed is checked again on the next run,
// and once corrected rendered; a unit that fails now (a duplicate name)
// is not skipped although its files are there.
func TestRerunFailed(t *testing.T) {
	dir := copyFolder(t, withBad, nil)
	out := t.TempDir()
	opts := batch.Options{OutDir: out, Formats: []string{"md"}}
	if b := run(t, dir, opts); !b.Failed() || b.Rollup.Err == nil {
		t.Fatal("with-bad did not fail")
	}
	os.WriteFile(filepath.Join(dir, "xinhua.yaml"), mustRead(t, filepath.Join(street, "liubeiqiao.yaml")), 0o644)
	b := run(t, dir, opts)
	if b.Failed() || b.Skipped() != 3 || len(b.Rollup.Written) != 1 {
		t.Errorf("after the fix: failed %v, skipped %d, roll-up %+v", b.Failed(), b.Skipped(), b.Rollup)
	}
	os.WriteFile(filepath.Join(dir, "zz-copy.yaml"), mustRead(t, filepath.Join(street, "liubeiqiao.yaml")), 0o644)
	b = run(t, dir, opts)
	for _, u := range b.Units {
		if strings.Contains(u.Path, "xinhua") && (u.Skipped || !u.Failed()) {
			t.Errorf("%s: skipped %v, failed %v; want it failed as a duplicate", u.Path, u.Skipped, u.Failed())
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestInterrupted: a run stopped after a few units leaves only whole
// reports and a state file naming them; the next run renders the rest and
// the folder is then the same as after one uninterrupted run.
func TestInterrupted(t *testing.T) {
	dir := generated(t, 16, 3)
	opts := func(out string) batch.Options {
		return batch.Options{OutDir: out, Formats: []string{"md", "pdf"}, Jobs: 2}
	}
	clean := t.TempDir()
	if b := run(t, dir, opts(clean)); b.Failed() {
		t.Fatal("clean run failed")
	}
	want := files(t, clean)

	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	seen := 0
	o := opts(out)
	o.Unit = func(u *batch.Unit) {
		mu.Lock()
		defer mu.Unlock()
		if seen++; seen == 3 {
			cancel()
		}
	}
	b, err := batch.Prepare(newEngine(t), dir, o)
	if err != nil {
		t.Fatal(err)
	}
	b.RunContext(ctx)
	if !b.Interrupted || b.Pending() == 0 || b.Summary != nil || b.Rollup != nil {
		t.Fatalf("interrupted %v, pending %d, summary %v, roll-up %v", b.Interrupted, b.Pending(), b.Summary, b.Rollup)
	}
	got := files(t, out)
	for name, data := range got {
		if strings.HasPrefix(name, ".huibao.batch") {
			continue
		}
		if !bytes.Equal(data, want[name]) {
			t.Errorf("%s: a partial or different file after the interruption", name)
		}
	}
	b = run(t, dir, opts(out))
	if b.Failed() || b.Skipped() == 0 || b.Skipped() == 16 {
		t.Errorf("re-run: failed %v, skipped %d", b.Failed(), b.Skipped())
	}
	sameFiles(t, "after the re-run", files(t, out), want)
}

// TestShards: four shards and a merge make the files of one run — each
// unit's report in its shard's folder, the 汇总表 and the roll-up byte for
// byte — with generated units of every kind and with a failed unit.
func TestShards(t *testing.T) {
	for _, c := range []struct {
		name string
		dir  string
	}{
		{"generated", generated(t, 24, 5)},
		{"with-bad", copyFolder(t, withBad, nil)},
		{"workbook", withWorkbook(t)},
	} {
		t.Run(c.name, func(t *testing.T) {
			single := t.TempDir()
			one := run(t, c.dir, batch.Options{OutDir: single, Jobs: 2})
			want := files(t, single)

			got := map[string][]byte{}
			var dirs []string
			total := 0
			for i := 1; i <= 4; i++ {
				out := t.TempDir()
				dirs = append(dirs, out)
				b := run(t, c.dir, batch.Options{OutDir: out, Jobs: 2, Shard: batch.Shard{Index: i, Count: 4}})
				if b.Summary != nil || b.Rollup != nil {
					t.Errorf("shard %d wrote the 汇总表 or the roll-up", i)
				}
				total += len(b.Units)
				for name, data := range files(t, out) {
					if _, dup := got[name]; dup {
						t.Errorf("%s written by two shards", name)
					}
					got[name] = data
				}
			}
			if total != len(one.Units) {
				t.Errorf("the shards took %d units, the folder has %d", total, len(one.Units))
			}
			merged := t.TempDir()
			m, err := batch.Merge(newEngine(t), dirs, batch.Options{OutDir: merged})
			if err != nil {
				t.Fatal(err)
			}
			m.Run()
			if m.Failed() != one.Failed() {
				t.Errorf("merge failed %v, single run %v", m.Failed(), one.Failed())
			}
			for name, data := range files(t, merged) {
				got[name] = data
			}
			for name := range got {
				if strings.HasPrefix(name, ".huibao.batch") {
					delete(got, name)
				}
			}
			delete(want, ".huibao.batch.json")
			sameFiles(t, "shards and merge", got, want)
		})
	}
}

// withWorkbook is a folder of generated units and a 多单位填报表 of four
// more.
func withWorkbook(t *testing.T) string {
	dir := generated(t, 8, 21)
	data, err := form.WriteUnits(unitgen.Units(12, 21)[8:])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "多单位.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRerunWorkbook: the units of a 多单位填报表 are skipped like the
// others, and all rendered again when the workbook changes.
func TestRerunWorkbook(t *testing.T) {
	dir := withWorkbook(t)
	out := t.TempDir()
	opts := batch.Options{OutDir: out, Formats: []string{"md"}}
	if b := run(t, dir, opts); b.Failed() || len(b.Units) != 12 {
		t.Fatalf("failed %v, %d units", b.Failed(), len(b.Units))
	}
	if b := run(t, dir, opts); b.Skipped() != 12 {
		t.Errorf("second run skipped %d of 12", b.Skipped())
	}
	book := filepath.Join(dir, "多单位.xlsx")
	data := mustRead(t, book)
	os.WriteFile(book, append(data[:len(data):len(data)], 0), 0o644) // the same workbook, other bytes
	b := run(t, dir, opts)
	for _, u := range b.Units {
		if u.Skipped == u.InWorkbook {
			t.Errorf("%s: skipped %v", u.Label(), u.Skipped)
		}
	}
}

// TestMergeRefuses: a missing shard, a shard given twice, a shard not run
// to the end, and shards of different runs are refused, saying which.
func TestMergeRefuses(t *testing.T) {
	dir := generated(t, 12, 9)
	var dirs []string
	for i := 1; i <= 3; i++ {
		out := t.TempDir()
		dirs = append(dirs, out)
		run(t, dir, batch.Options{OutDir: out, Formats: []string{"md"}, Shard: batch.Shard{Index: i, Count: 3}})
	}
	other := t.TempDir()
	run(t, dir, batch.Options{OutDir: other, Formats: []string{"md"}, Shard: batch.Shard{Index: 1, Count: 2}})
	none := t.TempDir()

	// Shard 2 interrupted: its state file loses its last unit's line.
	torn := t.TempDir()
	run(t, dir, batch.Options{OutDir: torn, Formats: []string{"md"}, Shard: batch.Shard{Index: 2, Count: 3}})
	state := filepath.Join(torn, ".huibao.batch.2-of-3.json")
	data := mustRead(t, state)
	lines := bytes.SplitAfter(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	os.WriteFile(state, bytes.Join(lines[:len(lines)-1], nil), 0o644)

	for _, c := range []struct {
		dirs []string
		kind engine.ErrorKind
		want string
	}{
		{dirs[:2], engine.InputError, "缺少第 3/3 份的输出文件夹"},
		{[]string{dirs[0], dirs[1], dirs[1], dirs[2]}, engine.InputError, "第 2/3 份出现了两次"},
		{[]string{dirs[0], torn, dirs[2]}, engine.InputError, "有的份没有运行完：第 2/3 份"},
		{[]string{dirs[0], dirs[1], other}, engine.InputError, "不是同一次分份运行"},
		{[]string{none}, engine.UsageError, "里没有分份运行留下的记录文件"},
	} {
		_, err := batch.Merge(newEngine(t), c.dirs, batch.Options{OutDir: t.TempDir()})
		var e *engine.Error
		if !errors.As(err, &e) || e.Kind != c.kind || !strings.Contains(e.Msg, c.want) {
			t.Errorf("merge %v: %v, want %q", c.dirs, err, c.want)
		}
	}
}

// TestShardShares: every file is in exactly one share, the shares are near
// equal, and a file's share does not depend on the other files.
func TestShardShares(t *testing.T) {
	counts := make([]int, 5)
	for i := range 1000 {
		name := "unit-" + strings.Repeat("0", 4) + string(rune('a'+i%26)) + itoa(i) + ".yaml"
		in := 0
		for k := 1; k <= 4; k++ {
			if (batch.Shard{Index: k, Count: 4}).Has(name) {
				in++
				counts[k]++
			}
		}
		if in != 1 {
			t.Fatalf("%s is in %d shares", name, in)
		}
	}
	for k := 1; k <= 4; k++ {
		if counts[k] < 200 || counts[k] > 300 {
			t.Errorf("share %d/4 has %d of 1000", k, counts[k])
		}
	}
	for _, s := range []string{"0/4", "5/4", "2", "a/b", "1/0"} {
		if _, err := batch.ParseShard(s); err == nil {
			t.Errorf("--shard %s accepted", s)
		}
	}
	if s, err := batch.ParseShard(" 2/4 "); err != nil || s != (batch.Shard{Index: 2, Count: 4}) {
		t.Errorf("2/4: %v %v", s, err)
	}
}

// TestSpilledRecords runs a folder with the units' records moved to a
// temporary file after the first few, as a batch of thousands keeps them: the
// reports, the 汇总表, the roll-up and the state file are the bytes of a
// run that kept them in memory, and so are those of a re-run, which reads
// them back from the state file, and of shards merged.
func TestSpilledRecords(t *testing.T) {
	dir := generated(t, 24, 5)
	plain := t.TempDir()
	run(t, dir, batch.Options{OutDir: plain, Jobs: 2})
	want := files(t, plain)

	defer batch.SpillRecords(40 << 10)() // some 6 units' records in memory, then all in a file
	spilled := t.TempDir()
	run(t, dir, batch.Options{OutDir: spilled, Jobs: 2})
	sameFiles(t, "spilled", files(t, spilled), want)
	if b := run(t, dir, batch.Options{OutDir: spilled, Jobs: 2}); b.Skipped() != len(b.Units) {
		t.Errorf("re-run skipped %d of %d units", b.Skipped(), len(b.Units))
	}
	sameFiles(t, "spilled, re-run", files(t, spilled), want)

	var dirs []string
	for i := 1; i <= 2; i++ {
		out := t.TempDir()
		dirs = append(dirs, out)
		run(t, dir, batch.Options{OutDir: out, Jobs: 2, Shard: batch.Shard{Index: i, Count: 2}})
	}
	merged := t.TempDir()
	m, err := batch.Merge(newEngine(t), dirs, batch.Options{OutDir: merged})
	if err != nil {
		t.Fatal(err)
	}
	m.Run()
	got := files(t, merged)
	for name := range want {
		if _, ok := got[name]; !ok {
			delete(want, name) // the units' reports, in the shards' folders
		}
	}
	sameFiles(t, "spilled, merged", got, want)
}
