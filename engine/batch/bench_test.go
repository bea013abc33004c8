package batch_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/huibao/huibao/engine/batch"
)

// BenchmarkBatch runs the 石新路街道 folder end to end — load and check
// five communities, render each in every format (Markdown, PDF, XLSX) and
// write it, then the 汇总表 and the roll-up in every format — with one
// worker and with one per CPU. Templates and fonts are loaded once, before
// the timer, as one huibao process shares them across a batch. unit-ms is
// the time per community (the roll-up counted as a sixth report).
func BenchmarkBatch(b *testing.B) {
	eng := newEngine(b)
	// Warm: the first PDF loads the fonts.
	run(b, street, batch.Options{OutDir: b.TempDir(), Jobs: 1})
	for _, jobs := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("j%d", jobs), func(b *testing.B) {
			out := b.TempDir()
			b.ReportAllocs()
			units := 0
			start := time.Now()
			for b.Loop() {
				bt, err := batch.Prepare(eng, street, batch.Options{OutDir: out, Jobs: jobs})
				if err != nil {
					b.Fatal(err)
				}
				bt.Run()
				if bt.Failed() {
					b.Fatal("batch failed")
				}
				units = len(bt.Units) + 1
			}
			perRun := time.Since(start) / time.Duration(b.N)
			b.ReportMetric(float64(perRun.Microseconds())/1000/float64(units), "unit-ms")
		})
	}
}
