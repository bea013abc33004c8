package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/huibao/huibao/internal/unitgen"
)

// genFolder writes n generated units into a new folder.
func genFolder(t *testing.T, n int, seed uint64) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := unitgen.Write(dir, unitgen.Options{N: n, Seed: seed, XLSX: -1}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readAll reads every file of dir by name, the state file included.
func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, _ := os.ReadDir(dir)
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

func sameFolders(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	for n, w := range want {
		if g, ok := got[n]; !ok || !bytes.Equal(g, w) {
			t.Errorf("%s: %s missing or different", what, n)
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("%s: %s left behind", what, n)
		}
	}
}

// TestBatchRerun: the second run says what it skipped and lists no unit;
// --force renders every unit again.
func TestBatchRerun(t *testing.T) {
	out := t.TempDir()
	args := []string{"batch", streetDir, "-o", out, "-f", "md"}
	if code, _, stderr := cli(t, nil, args...); code != 0 || !strings.HasSuffix(stderr, "共 5 个单位，全部生成了报告。\n") {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := cli(t, nil, args...)
	wantOut := "已生成：" + filepath.Join(out, "石新路街道总工会_2024年上半年_汇总表.xlsx") + "\n" +
		"已生成：" + filepath.Join(out, "石新路街道总工会_2024年上半年_工作总结.md") + "\n"
	if code != 0 || stdout != wantOut || stderr != "共 5 个单位：跳过未改动的 5 个单位；汇总表和汇总报告已重新生成。\n" {
		t.Errorf("second run: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = cli(t, nil, append(args, "--force")...)
	if code != 0 || strings.Count(stdout, "已生成：") != 7 || !strings.HasSuffix(stderr, "共 5 个单位，全部生成了报告。\n") {
		t.Errorf("--force: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestBatchShardsCLI: four shards and a merge, as the README shows them.
func TestBatchShardsCLI(t *testing.T) {
	var dirs []string
	for i := 1; i <= 4; i++ {
		out := t.TempDir()
		dirs = append(dirs, out)
		code, _, stderr := cli(t, nil, "batch", streetDir, "-o", out, "-f", "md", "--shard", strings.Replace("i/4", "i", string(rune('0'+i)), 1))
		if code != 0 || !strings.Contains(stderr, "第 "+string(rune('0'+i))+"/4 份：文件夹里共 5 个单位") ||
			!strings.Contains(stderr, "各份都运行完后，用 huibao batch merge") {
			t.Errorf("shard %d: exit %d\n%s", i, code, stderr)
		}
	}
	merged := t.TempDir()
	code, stdout, stderr := cli(t, nil, append(append([]string{"batch", "merge"}, dirs...), "-o", merged)...)
	if code != 0 || strings.Count(stdout, "已生成：") != 2 || stderr != "已合并 4 份，共 5 个单位。\n" {
		t.Errorf("merge: exit %d\n%s%s", code, stdout, stderr)
	}
	single := t.TempDir()
	cli(t, nil, "batch", streetDir, "-o", single, "-f", "md")
	for _, name := range []string{"石新路街道总工会_2024年上半年_汇总表.xlsx", "石新路街道总工会_2024年上半年_工作总结.md"} {
		a, _ := os.ReadFile(filepath.Join(single, name))
		b, err := os.ReadFile(filepath.Join(merged, name))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: the merge's differs from one run's (%v)", name, err)
		}
	}
	if code, _, stderr := cli(t, nil, "batch", streetDir, "--shard", "5/4"); code != 2 || !strings.Contains(stderr, "--shard 要写成“第几份/共几份”") {
		t.Errorf("--shard 5/4: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := cli(t, nil, "batch", "merge", dirs[0], dirs[1]); code != 1 || !strings.Contains(stderr, "缺少第 3/4、4/4 份的输出文件夹") {
		t.Errorf("merge of 2 of 4: exit %d\n%s", code, stderr)
	}
}

// signalOn is a writer that sends the process sig once text has been
// written to it, as a user pressing Ctrl-C when the first report appears.
type signalOn struct {
	mu   sync.Mutex
	b    strings.Builder
	text string
	sig  syscall.Signal
	sent bool
}

func (w *signalOn) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	if !w.sent && strings.Contains(w.b.String(), w.text) {
		w.sent = true
		syscall.Kill(os.Getpid(), w.sig)
	}
	return len(p), nil
}

// TestBatchCtrlC: Ctrl-C (SIGINT) and SIGTERM stop the batch after the
// units being written, say what was done, exit 130 and leave only whole
// reports; the same command then finishes the work, and the folder is as
// after one uninterrupted run.
func TestBatchCtrlC(t *testing.T) {
	dir := genFolder(t, 12, 11)
	clean := t.TempDir()
	if code, _, stderr := cli(t, nil, "batch", dir, "-o", clean, "-f", "md,pdf", "-j", "2"); code != 0 {
		t.Fatalf("clean run: exit %d\n%s", code, stderr)
	}
	want := readAll(t, clean)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		out := t.TempDir()
		stdout := &signalOn{text: "已生成：", sig: sig}
		var stderr strings.Builder
		code := run([]string{"batch", dir, "-o", out, "-f", "md,pdf", "-j", "2"}, stdout, &stderr, os.Getenv)
		if code != 130 || !strings.Contains(stderr.String(), "正在停止：等正在写的单位写完") ||
			!strings.Contains(stderr.String(), "已中断。共 12 个单位：生成了") ||
			!strings.Contains(stderr.String(), "汇总表和汇总报告没有更新。重新运行同一命令即可接着完成") {
			t.Errorf("%v: exit %d\n%s", sig, code, stderr.String())
		}
		for name, data := range readAll(t, out) {
			if !strings.HasPrefix(name, ".huibao.batch") && !bytes.Equal(data, want[name]) {
				t.Errorf("%v: %s is partial or different", sig, name)
			}
		}
		code, _, errs := cli(t, nil, "batch", dir, "-o", out, "-f", "md,pdf", "-j", "2")
		if code != 0 || !strings.Contains(errs, "跳过未改动的") {
			t.Errorf("%v: re-run: exit %d\n%s", sig, code, errs)
		}
		sameFolders(t, sig.String()+" and a re-run", readAll(t, out), want)
	}
}

// TestBatchKilled: a batch killed outright (kill -9) while writing leaves
// every report whole or absent; the next run finishes, removing what the
// killed one left, and the folder is as after one uninterrupted run.
func TestBatchKilled(t *testing.T) {
	dir := genFolder(t, 12, 13)
	clean := t.TempDir()
	if code, _, stderr := cli(t, nil, "batch", dir, "-o", clean, "-f", "md,pdf", "-j", "2"); code != 0 {
		t.Fatalf("clean run: exit %d\n%s", code, stderr)
	}
	want := readAll(t, clean)
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "batch", dir, "-o", out, "-f", "md,pdf", "-j", "2")
	cmd.Env = append(os.Environ(), "HUIBAO_TEST_MAIN=1")
	pipe, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(pipe)
	for n := 0; lines.Scan(); {
		if n++; n == 3 { // a unit and a half
			cmd.Process.Kill()
			break
		}
	}
	go io.Copy(io.Discard, pipe)
	cmd.Wait()
	for name, data := range readAll(t, out) {
		if !strings.HasPrefix(name, ".huibao") && !bytes.Equal(data, want[name]) {
			t.Errorf("%s is partial or different after kill -9", name)
		}
	}
	// Temporaries a killed run leaves are removed once a minute old.
	for name := range readAll(t, out) {
		if strings.HasPrefix(name, ".huibao-") {
			old := time.Now().Add(-2 * time.Minute)
			os.Chtimes(filepath.Join(out, name), old, old)
		}
	}
	if code, _, errs := cli(t, nil, "batch", dir, "-o", out, "-f", "md,pdf", "-j", "2"); code != 0 {
		t.Fatalf("re-run: exit %d\n%s", code, errs)
	}
	sameFolders(t, "kill -9 and a re-run", readAll(t, out), want)
}
