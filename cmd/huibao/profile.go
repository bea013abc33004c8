package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

// profiler writes the profiles of one run into a folder, for the
// maintainers: --profile DIR is hidden from the help, which is for cadres.
//
//	cpu.pprof    CPU, the whole command
//	heap.pprof   live heap at the end (go tool pprof -sample_index=alloc_space for allocations)
//	peak.pprof   live heap as of the garbage collection nearest the peak of the run
//	block.pprof  where goroutines waited (channels, locks, I/O sync)
//	mutex.pprof  contended locks
//	gc.txt       the garbage collector's counts: cycles, pauses, heap peak
type profiler struct {
	dir   string
	cpu   *os.File
	start time.Time
	done  chan struct{}
	peak  chan struct{}
}

// profileFlag registers --profile on the root command.
func (a *app) profileFlag(root *cobra.Command) {
	root.PersistentFlags().StringVar(&a.profileDir, "profile", "", "write CPU, heap, block, mutex profiles and GC counts to `DIR` (for maintainers)")
	root.PersistentFlags().MarkHidden("profile")
}

// startProfile starts the profiles when --profile was given.
func (a *app) startProfile() error {
	if a.profileDir == "" {
		return nil
	}
	if err := a.beginProfile(); err != nil {
		return &exitError{kind: engine.OutputError, msg: "无法写性能剖析文件：" + diag.OSReason(err)}
	}
	return nil
}

func (a *app) beginProfile() error {
	if err := os.MkdirAll(a.profileDir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(a.profileDir, "cpu.pprof"))
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return err
	}
	runtime.SetBlockProfileRate(int(10 * time.Microsecond))
	runtime.SetMutexProfileFraction(5)
	a.prof = &profiler{dir: a.profileDir, cpu: f, start: time.Now(), done: make(chan struct{}), peak: make(chan struct{})}
	go a.prof.watchPeak()
	return nil
}

// watchPeak writes peak.pprof each time the heap in use grows by a tenth
// over the largest seen.
func (p *profiler) watchPeak() {
	defer close(p.peak)
	var most uint64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-tick.C:
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapInuse > most+most/10 {
			most = m.HeapInuse
			if f, err := os.Create(filepath.Join(p.dir, "peak.pprof")); err == nil {
				pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
		}
	}
}

// stop writes the profiles.
func (p *profiler) stop() {
	if p == nil {
		return
	}
	close(p.done)
	<-p.peak
	pprof.StopCPUProfile()
	p.cpu.Close()
	for _, name := range []string{"heap", "block", "mutex"} {
		if f, err := os.Create(filepath.Join(p.dir, name+".pprof")); err == nil {
			pprof.Lookup(name).WriteTo(f, 0)
			f.Close()
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if f, err := os.Create(filepath.Join(p.dir, "gc.txt")); err == nil {
		fmt.Fprintf(f, "wall %v\ngc cycles %d\ngc pause total %v\ngc cpu fraction %.3f\n"+
			"heap peak (HeapSys) %d MB\ntotal allocated %d MB\nmallocs %d\n",
			time.Since(p.start).Round(time.Millisecond), m.NumGC, time.Duration(m.PauseTotalNs),
			m.GCCPUFraction, m.HeapSys>>20, m.TotalAlloc>>20, m.Mallocs)
		f.Close()
	}
}
