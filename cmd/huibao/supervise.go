package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

// A fatal error of the Go runtime — memory exhausted, a stack overflow, a
// bug such as a concurrent map write — cannot be recovered, and the runtime
// ends the process with exit code 2, which is huibao's code for bad usage.
// So the program runs as a child of itself: the child is the program, and
// the parent only waits, passes signals on, and turns an exit the child
// did not choose into the internal-error code with a Chinese sentence. The
// child tells its own exits apart by using childUsage for bad usage.

// childEnv marks the child; its value is unused.
const childEnv = "HUIBAO_CHILD"

// childUsage is the exit code the child uses for bad usage, mapped back to
// the usage code by the parent.
const childUsage = 64

// supervise runs the program as a child when this process is not the
// child, and reports the exit code for the parent to exit with. ok is false
// in the child, and when the child cannot be started (then the program
// runs in this process).
func supervise() (code int, ok bool) {
	if os.Getenv(childEnv) != "" {
		return 0, false
	}
	self, err := os.Executable()
	if err != nil {
		return 0, false
	}
	cmd := exec.Command(self, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), childEnv+"=1")
	signals := make(chan os.Signal, 4)
	// SIGQUIT (Ctrl+\ reaches both processes) is passed on too: left to
	// the runtime, it would end the parent with exit 2, the usage code; the
	// child's dump then ends with the internal-error code.
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGQUIT)
	defer signal.Stop(signals)
	if err := cmd.Start(); err != nil {
		return 0, false
	}
	go func() {
		for s := range signals {
			cmd.Process.Signal(s)
		}
	}()
	return parentCode(cmd.Wait(), os.Stderr), true
}

// parentCode is the parent's exit code for the child's end.
func parentCode(err error, stderr *os.File) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		fmt.Fprintf(stderr, "错误：程序内部出错（%s），请把输入文件发给维护者。\n", diag.OSReason(err))
		return exitCode(internalError)
	}
	switch code := ee.ExitCode(); code {
	case childUsage:
		return exitCode(engine.UsageError)
	case 2, -1:
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			s := ws.Signal()
			if s == syscall.SIGINT || s == syscall.SIGTERM {
				return exitCode(interrupted)
			}
			fmt.Fprintf(stderr, "错误：程序被系统终止（信号 %d），可能是内存不够。没有写了一半的报告留下；请把输入文件发给维护者。\n", int(s))
			return exitCode(internalError)
		}
		fmt.Fprintln(stderr, "错误：程序内部出错（Go 运行时崩溃，上面的英文是给维护者看的），这不是输入的问题。请把输入文件和上面的提示发给维护者。")
		return exitCode(internalError)
	default:
		return code
	}
}
