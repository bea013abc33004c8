package batch

import (
	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
)

// usageError is an argument batch cannot take: not a folder, a workbook of
// several units, an output folder that is the input folder.
func usageError(msg string) error {
	return &engine.Error{Kind: engine.UsageError, Msg: msg}
}

// inputError stops a batch as a whole before any report is written: the
// manifest is broken, the folder holds no input, the units' periods cannot
// be reconciled. Problems, when any, say where.
func inputError(msg string, probs diag.List) error {
	return &engine.Error{Kind: engine.InputError, Msg: msg, Problems: probs}
}
