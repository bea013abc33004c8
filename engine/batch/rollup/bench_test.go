package rollup_test

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch/rollup"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/internal/unitgen"
)

// BenchmarkRollup is the roll-up stage of a batch: the street's report
// computed from its units' reports and rendered in every format its
// template declares (Markdown, PDF, DOCX, XLSX with every activity on
// 活动台账). peak-MB is the memory the stage takes on top of the units'
// reports, sampled while it runs (heap and runtime, as the operating
// system would count it, give or take what the runtime has not returned):
// the figure issue 16 asks not to grow with the number of units.
//
//	go test ./engine/batch/rollup -run - -bench Rollup -benchtime 1x
//	HUIBAO_ROLLUP_UNITS=10000 go test ./engine/batch/rollup -run - -bench Rollup -benchtime 1x
func BenchmarkRollup(b *testing.B) {
	sizes := []int{1000}
	if n, _ := strconv.Atoi(os.Getenv("HUIBAO_ROLLUP_UNITS")); n > 0 {
		sizes = []int{n}
	}
	eng, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	parent := rollup.Parent{
		Org:    model.Org{Name: unitgen.Street, Type: "街道总工会", Parent: "顺庆区总工会"},
		Report: model.ReportInfo{Date: model.Date{Year: 2024, Month: 7, Day: 12}},
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			reports := unitgen.Units(n, 1)
			units := make([]rollup.Unit, n)
			for i, r := range reports {
				units[i] = rollup.Unit{Report: r}
			}
			b.ReportAllocs()
			var peak float64
			for b.Loop() {
				runtime.GC()
				base := used()
				stop := watch()
				r, probs := rollup.Compute(parent, units)
				if probs.Err() != nil {
					b.Fatal(probs)
				}
				j, err := eng.Prepare(engine.Request{Report: r, Template: "half-year-summary", Units: n})
				if err != nil {
					b.Fatal(engine.Problems(err))
				}
				if _, err := eng.Render(j); err != nil {
					b.Fatal(err, engine.Problems(err))
				}
				peak = max(peak, float64(stop()-base)/(1<<20))
			}
			b.ReportMetric(peak, "peak-MB")
		})
	}
}

// used is the memory the runtime holds from the system and has not
// returned: what counts towards the resident set.
func used() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

// watch samples used until the returned function is called, which gives
// the most seen.
func watch() func() uint64 {
	var (
		mu   sync.Mutex
		most = used()
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Go(func() {
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				u := used()
				mu.Lock()
				most = max(most, u)
				mu.Unlock()
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return max(most, used())
	}
}
