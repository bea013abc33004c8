package lexicon

import (
	"fmt"
	"slices"
	"strings"
)

// Frame is a sentence pattern of the lexicon: text with {slots} that the
// program fills, and [optional parts] that are left out when a slot inside
// them is empty. "[在{地点}]{动词}{名称}" gives 举办工会组长培训 without a
// place and 在社区会议室举办工会组长培训 with one. Brackets do not nest.
type Frame string

// segment is a piece of a parsed frame: literal text, a slot, or an
// optional run of both.
type segment struct {
	text     string
	slot     string
	optional []segment
}

// parse splits a frame into segments, or reports what is malformed.
func (f Frame) parse() ([]segment, error) {
	var out []segment
	var group *[]segment
	s := string(f)
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "{"):
			end := strings.IndexByte(s, '}')
			if end < 0 {
				return nil, fmt.Errorf("“{”没有配对的“}”")
			}
			name := s[1:end]
			if name == "" || strings.ContainsAny(name, "{[]") {
				return nil, fmt.Errorf("空位“{%s}”写得不对", name)
			}
			seg := segment{slot: name}
			if group != nil {
				*group = append(*group, seg)
			} else {
				out = append(out, seg)
			}
			s = s[end+1:]
		case strings.HasPrefix(s, "}"):
			return nil, fmt.Errorf("多了一个“}”")
		case strings.HasPrefix(s, "["):
			if group != nil {
				return nil, fmt.Errorf("方括号不能套方括号")
			}
			group = &[]segment{}
			s = s[1:]
		case strings.HasPrefix(s, "]"):
			if group == nil {
				return nil, fmt.Errorf("多了一个“]”")
			}
			if !slices.ContainsFunc(*group, func(g segment) bool { return g.slot != "" }) {
				return nil, fmt.Errorf("方括号里没有空位，永远不会略去")
			}
			out = append(out, segment{optional: *group})
			group = nil
			s = s[1:]
		default:
			end := strings.IndexAny(s, "{}[]")
			if end < 0 {
				end = len(s)
			}
			seg := segment{text: s[:end]}
			if group != nil {
				*group = append(*group, seg)
			} else {
				out = append(out, seg)
			}
			s = s[end:]
		}
	}
	if group != nil {
		return nil, fmt.Errorf("“[”没有配对的“]”")
	}
	return out, nil
}

// slots lists the slot names a frame uses, in order.
func (f Frame) slots() []string {
	segs, err := f.parse()
	if err != nil {
		return nil
	}
	var out []string
	var walk func([]segment)
	walk = func(ss []segment) {
		for _, s := range ss {
			switch {
			case s.slot != "":
				out = append(out, s.slot)
			case s.optional != nil:
				walk(s.optional)
			}
		}
	}
	walk(segs)
	return out
}

// check reports a malformed frame or a slot not among allowed.
func (f Frame) check(allowed []string) error {
	if _, err := f.parse(); err != nil {
		return err
	}
	for _, s := range f.slots() {
		if !slices.Contains(allowed, s) {
			return fmt.Errorf("不认识的空位“{%s}”；这里可用的空位：%s", s, braces(allowed))
		}
	}
	return nil
}

func braces(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("{" + n + "}")
	}
	return b.String()
}

// Slots are the values a frame is filled with, by slot name.
type Slots map[string]string

// Fill writes the frame with its slots filled: an optional part whose
// slots are not all given is left out; a slot outside optional parts that
// is not given is left empty. A frame that does not parse (the lexicon's
// check reports it) is written as it stands.
func (f Frame) Fill(s Slots) string {
	segs, err := f.parse()
	if err != nil {
		return string(f)
	}
	var b strings.Builder
	for _, seg := range segs {
		switch {
		case seg.slot != "":
			b.WriteString(s[seg.slot])
		case seg.optional != nil:
			full := true
			for _, g := range seg.optional {
				if g.slot != "" && s[g.slot] == "" {
					full = false
					break
				}
			}
			if full {
				for _, g := range seg.optional {
					b.WriteString(g.text + s[g.slot])
				}
			}
		default:
			b.WriteString(seg.text)
		}
	}
	return b.String()
}
