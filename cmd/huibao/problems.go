package main

import "github.com/huibao/huibao/engine/diag"

// asProblems unwraps an error into problems to print, one per line.
func asProblems(err error) diag.List {
	if l, ok := diag.AsList(err); ok {
		return l
	}
	return diag.List{{Msg: err.Error()}}
}
