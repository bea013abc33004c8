package load

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
)

// TestBounds: nesting and item counts are refused before parsing, at the
// place that goes too far, and brackets or dashes inside text are not
// counted as nesting.
func TestBounds(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"flow", "problems: " + strings.Repeat("[", 17) + strings.Repeat("]", 17) + "\n", "a.yaml:1:26: 嵌套层数太多：到这里已超过 16 层"},
		{"block", "problems:\n" + strings.Repeat("- ", 17) + "x\n", "a.yaml:2:33: 嵌套层数太多"},
		{"items", "problems: [" + strings.Repeat("a,", MaxItems) + "a]\n", "a.yaml:1: 文件里的项目太多（到第 1 行已超过 100000 个）"},
		{"text is not nesting", "problems:\n  - '[[[[[[[[[[[[[[[[[[[[[['\n  - \"- - - - - - - - - - - - - - - - - - -\"\n  - |\n    [[[[[[[[[[[[[[[[[[[[[[[[[\n", ""},
		{"a deep input", "org:\n  overview:\n    - {name: 居民, value: 1, unit: 人}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, probs := Bytes("a.yaml", []byte(tt.text))
			got := ""
			for _, p := range probs {
				if strings.Contains(p.Msg, "嵌套") || strings.Contains(p.Msg, "太多") {
					got = p.Error()
				}
			}
			if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want %q…", got, tt.want)
			}
		})
	}
}

// TestMemoryBounded runs the loader on the hostile files — nesting that
// would take gigabytes in the parser (100 KB took 3.85 GB), a flat list of
// a million items, the workbook with a cell at column XFD on a thousand
// rows (3.5 GB) — in a child process whose address space is limited to
// 2 GiB (RLIMIT_AS; the Go runtime itself needs some hundreds of megabytes
// of it): each must be refused or read with a clean result, the memory
// taken from the system stay under 100 MB, and the child exit normally,
// not be killed.
func TestMemoryBounded(t *testing.T) {
	if os.Getenv("HUIBAO_MEMTEST") != "" {
		memoryChild()
		return
	}
	if runtime.GOOS != "linux" {
		t.Skip("RLIMIT_AS is Linux's")
	}
	dir := t.TempDir()
	files := map[string]string{
		"nest-flow.yaml":  "version: 1\nproblems: " + strings.Repeat("[", 1<<20) + strings.Repeat("]", 1<<20) + "\n",
		"nest-block.yaml": "version: 1\nproblems:\n" + strings.Repeat("- ", 1<<20) + "x\n",
		"flat.yaml":       "version: 1\nproblems: [" + strings.Repeat("a,", 1<<20) + "a]\n",
		"nest-100k.yaml":  "version: 1\nproblems: " + strings.Repeat("[", 45_000) + strings.Repeat("]", 45_000) + "\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"-test.run=^TestMemoryBounded$"}
	for name := range files {
		args = append(args, filepath.Join(dir, name))
	}
	args = append(args, "../../fixtures/hostile/sparse-xfd.xlsx", "../../fixtures/hostile/nesting-flow.yaml")
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "HUIBAO_MEMTEST=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the loader under a 2 GiB address-space limit: %v\n%s", err, out)
	}
	for _, want := range []string{"nest-flow.yaml: refused", "nest-block.yaml: refused", "flat.yaml: refused", "nest-100k.yaml: refused: 嵌套层数太多", "sparse-xfd.xlsx: read", "nesting-flow.yaml: refused"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}
	t.Logf("\n%s", out)
}

// memoryChild loads the files named after the test flags under RLIMIT_AS.
func memoryChild() {
	const limit = 2 << 30
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		fmt.Println("setrlimit:", err)
		os.Exit(3)
	}
	for _, a := range os.Args[1:] {
		if strings.HasPrefix(a, "-test.") {
			continue
		}
		fmt.Fprintln(os.Stderr, "loading", filepath.Base(a))
		r, _, probs := File(a)
		what := "read"
		if probs.Err() != nil {
			what = "refused: " + probs.Errors()[0].Msg
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("%s: %s (report: %v; heap in use %d MB, from the system %d MB)\n", filepath.Base(a), what, r != nil, m.HeapInuse>>20, m.Sys>>20)
		if m.Sys > 100<<20 {
			fmt.Printf("%s: %d MB taken from the system, over 100 MB\n", filepath.Base(a), m.Sys>>20)
			os.Exit(4)
		}
		debug.FreeOSMemory()
	}
	os.Exit(0)
}
