package lexicon

import (
	"fmt"
	"sync"

	"github.com/huibao/huibao/templates"
)

// BuiltinFile is the built-in lexicon's name, as messages show it.
const BuiltinFile = "templates/_lexicon.yaml"

// builtin is the built-in lexicon, parsed once.
var builtin = sync.OnceValue(func() *Lexicon {
	data, err := templates.FS.ReadFile("_lexicon.yaml")
	if err != nil {
		panic("lexicon: the built-in lexicon is not embedded: " + err.Error())
	}
	l, _, probs := Parse(BuiltinFile, data)
	if probs.Err() != nil {
		panic(fmt.Sprintf("lexicon: the built-in lexicon has problems:\n%v", probs))
	}
	if m := l.Missing(); len(m) > 0 {
		panic(fmt.Sprintf("lexicon: the built-in lexicon lacks %v", m))
	}
	return l
})

// Builtin returns the built-in lexicon, templates/_lexicon.yaml. It is
// shared: callers must not change it (Merge returns a new one).
func Builtin() *Lexicon { return builtin() }
