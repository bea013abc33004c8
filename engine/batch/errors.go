package batch

import "github.com/huibao/huibao/engine/diag"

// UsageError is an argument batch cannot take: not a folder, a workbook of
// several units, an output folder that is the input folder. The CLI exits
// with its usage code.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// InputError stops a batch as a whole before any report is written: the
// manifest is broken, the folder holds no input, the units' periods cannot
// be reconciled. Problems, when any, say where.
type InputError struct {
	Msg      string
	Problems diag.List
}

func (e *InputError) Error() string { return e.Msg }
