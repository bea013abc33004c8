package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// A batch's memory is mostly garbage waiting for the collector: by default
// Go lets the heap grow to twice what is live before collecting, and a
// batch's live heap swells for a few seconds at its end — the roll-up's
// report of every unit's activities, the 汇总表 — to 150–200 MB at 10,000
// units, so that the process peaked near 400–500 MB though most of it was
// dead. A soft limit makes the collector work harder near it instead
// (measured at 10,000 units: a re-run 404 → 240 MB for 10% more CPU time);
// it never refuses memory, and a run whose live heap is larger just runs
// slower, the collector taking at most half the CPU.

// batchMemory is the soft memory limit of a batch of jobs workers: a base
// for the batch and its roll-up, and a share for each worker's unit.
func batchMemory(jobs int) int64 {
	if jobs < 1 {
		jobs = runtime.NumCPU()
	}
	return 128<<20 + int64(jobs)*36<<20
}

// limitMemory sets the batch's soft memory limit, unless GOMEMLIMIT
// sets one (GOMEMLIMIT=off for none), and returns what puts the old one
// back.
func limitMemory(jobs int) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(batchMemory(jobs))
	return func() { debug.SetMemoryLimit(old) }
}
