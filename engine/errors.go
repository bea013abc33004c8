package engine

import (
	"errors"
	"strings"

	"github.com/huibao/huibao/engine/diag"
)

// ErrorKind says whose mistake an error is, and so what the user must do
// about it. Callers decide by kind, never by message text: the CLI maps
// each kind to an exit code (cmd/huibao's exit table, shown in the README).
type ErrorKind int

const (
	// UsageError is a request the program cannot take: an unknown
	// template named with -t, an unknown format or layout, a path that is
	// not what the command reads.
	UsageError ErrorKind = iota + 1
	// InputError is the data's: every problem positioned in the input.
	InputError
	// TemplateError is a template's: it failed to execute, or its output
	// did not pass the lint.
	TemplateError
	// OutputError is the machine's: fonts missing, a file that cannot be
	// written.
	OutputError
)

// Error is every error the engine returns: a kind, the positioned
// problems behind it (warnings included, in order), and a Chinese
// sentence naming what failed ("模板“半年总结”出错"). Callers print the
// problems, then the sentence with what they did not do because of it.
type Error struct {
	Kind     ErrorKind
	Msg      string    // one sentence without a final stop; may be empty when Problems say it all
	Problems diag.List // may be empty when Msg says it all
	Err      error     // the cause, for errors.Is and errors.As; its text is in Msg already
}

func (e *Error) Error() string {
	switch {
	case e.Msg != "":
		return e.Msg
	case len(e.Problems) > 0:
		return e.Problems.Error()
	case e.Err != nil:
		return e.Err.Error()
	}
	return "未知错误"
}

func (e *Error) Unwrap() error { return e.Err }

// Kind returns the kind of err: the Kind of an *Error it is or wraps, and
// OutputError for anything else (an error from outside the engine is the
// environment's).
func Kind(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return OutputError
}

// Problems returns the problems of err: an *Error's, or err's own text as
// one unpositioned problem.
func Problems(err error) diag.List {
	var e *Error
	if errors.As(err, &e) {
		return e.Problems
	}
	if l, ok := diag.AsList(err); ok {
		return l
	}
	return diag.List{{Msg: err.Error()}}
}

// newError builds an *Error; msg is a Chinese sentence, its final stop dropped.
func newError(kind ErrorKind, msg string, probs diag.List, cause error) *Error {
	return &Error{Kind: kind, Msg: strings.TrimSuffix(msg, "。"), Problems: probs, Err: cause}
}
