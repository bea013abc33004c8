package xlsx

import "errors"

// Errors of the appendix writer.
var (
	// ErrNoReport is returned for a nil report.
	ErrNoReport = errors.New("xlsx: no report")
	// ErrBuild wraps an excelize failure while building the workbook; it
	// means a bug in huibao, not bad input.
	ErrBuild = errors.New("xlsx: building the appendix")
)
