// Command huibao turns a union cadre's data into finished Chinese reports:
// Markdown, an official-document PDF and an XLSX appendix.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/huibao/huibao/engine"
)

func main() {
	if code, ok := supervise(); ok {
		os.Exit(code)
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		for range signals {
			if gentlyStopped() {
				continue // a batch stops after the units being written (batch.go)
			}
			break
		}
		// Finish or drop the files being written, so that no temporary
		// and no half set of a report is left, then end.
		engine.Interrupt()
		fmt.Fprintln(os.Stderr, "已中断：已经写好的报告完整保留，写了一半的没有留下。")
		os.Exit(exitCode(interrupted))
	}()
	code := run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	if code == exitCode(engine.UsageError) && os.Getenv(childEnv) != "" {
		code = childUsage // the parent tells it from a crash of the runtime
	}
	os.Exit(code)
}
