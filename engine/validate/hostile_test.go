package validate_test

import (
	"path/filepath"
	"testing"
)

// TestFixturesHostile runs the corpus of hostile inputs under
// fixtures/hostile/ — nesting that would exhaust the parser, a workbook
// with a cell at column XFD, truncated and DTD-laden sheets, invisible and
// control characters, residue, placeholders and punctuation the report's
// lint would refuse, Markdown and HTML in the data, data too long for a
// file name or an appendix row: each gives exactly the problems of its
// .want file, as `huibao validate` prints them. An input whose .want is
// empty must pass (cmd/huibao's TestHostileDocuments then generates it and
// reads every format back). -update rewrites the .want files.
func TestFixturesHostile(t *testing.T) {
	toRoot(t)
	inputs, wants := corpus(t, "fixtures/hostile")
	if len(inputs) < 12 {
		t.Errorf("only %d inputs in fixtures/hostile: the corpus is incomplete", len(inputs))
	}
	for _, f := range inputs {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, probs := check(f)
			compareWant(t, f, render(probs), wants)
		})
	}
	stale(t, inputs, wants)
}
