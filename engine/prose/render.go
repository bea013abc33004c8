package prose

import (
	"strconv"
	"strings"

	"github.com/huibao/huibao/engine/lexicon"
	"github.com/huibao/huibao/engine/model"
)

// A template is rendered at one level of detail after another until the
// report fits its budget (compose.MarkdownWithin), and each render asks
// the writer about the same activities again. A Render remembers, across
// the renders of one report, what does not depend on the level: the kind
// of each activity title, the plans that answer problems. And while a
// render runs, it finds out which of the next levels would decide every
// question the render asked as this one did, and so would write the same
// text: those levels need no render of their own.

// Render is the state of the renders of one report. It is not safe for
// use by several goroutines at once; a template's execution is one.
type Render struct {
	kinds   map[string]lexicon.Kind
	answers map[string]map[int]string // by answersKey
	same    int                       // the last level that has, so far, decided as the writer's
}

// NewRender returns a Render for the renders of one report.
func NewRender() *Render {
	return &Render{kinds: map[string]lexicon.Kind{}, answers: map[string]map[int]string{}}
}

// At returns w writing for rn, with rn's probe reset for w's level: after
// the render, Same tells how far its text holds.
func (w Writer) At(rn *Render) Writer {
	w.rn = rn
	rn.same = len(Levels) - 1
	return w
}

// Same is the last level of detail that writes what the level of the last
// render (Writer.At) wrote: every decision the render's writer made by its
// level, those levels make alike.
func (rn *Render) Same() int { return rn.same }

// decide returns key of the writer's level: a decision made by the level
// of detail, as a number. Levels deciding otherwise end the run of levels
// that write alike.
func (w Writer) decide(key func(Level) int) int {
	cur := min(max(w.Detail, 0), len(Levels)-1)
	v := key(Levels[cur])
	if w.rn != nil {
		for k := cur + 1; k <= w.rn.same; k++ {
			if key(Levels[k]) != v {
				w.rn.same = k - 1
				break
			}
		}
	}
	return v
}

// flag is decide for a yes-or-no decision.
func (w Writer) flag(f func(Level) bool) bool {
	return w.decide(func(l Level) int {
		if f(l) {
			return 1
		}
		return 0
	}) == 1
}

// content is whether an activity is told with its content and result.
func (w Writer) content() bool { return w.flag(func(l Level) bool { return l.Content }) }

// kindOf is the lexicon's KindOf, remembered for the renders of a report.
func (w Writer) kindOf(title string) lexicon.Kind {
	if w.rn == nil {
		return w.Lex.KindOf(title)
	}
	k, ok := w.rn.kinds[title]
	if !ok {
		k = w.Lex.KindOf(title)
		w.rn.kinds[title] = k
	}
	return k
}

// answersOf is answers(r), remembered for the renders of a report.
func (w Writer) answersOf(r *model.Report) map[int]string {
	if w.rn == nil {
		return answers(r)
	}
	key := answersKey(r)
	a, ok := w.rn.answers[key]
	if !ok {
		a = answers(r)
		w.rn.answers[key] = a
	}
	return a
}

// answersKey is what answers reads of r: its problems, and its plans'
// items, targets and categories. It, not r's address, keys the answers a
// Render remembers: a template's prose.Answer hands the writer a new copy
// of the report at every call.
func answersKey(r *model.Report) string {
	var b strings.Builder
	add := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	for _, p := range r.Problems {
		add(p)
	}
	b.WriteByte('|')
	for _, p := range r.Plans {
		add(p.Item)
		add(p.Target)
		add(p.Category)
	}
	return b.String()
}
