package model

import (
	"fmt"
	"iter"
	"reflect"
	"strings"
)

// Limit bounds one field of the input. A half-year of one union's data is a
// few kilobytes; the limits leave room for a large street's year many times
// over, and keep what a report is made of — file names, title lines,
// appendix rows, memory — within what every writer can take. validate
// enforces them; the loaders refuse a list far beyond its limit before
// reading its items.
type Limit struct {
	Chars int  // most characters of a text, or of each sentence of a text list
	Items int  // most items of a list
	Lines bool // a text that may hold line breaks (kept inside its paragraph); any other text is one line
}

// limits are the documented limits (README, 输入数据的上限), by field path.
// TestLimits fails when a text or list field has none. org.name is bound by
// file names: <单位名>_<期间>_<报告名>.xlsx must stay under 255 bytes, and
// an activity's content by the height of its row in the appendix.
var limits = map[string]Limit{
	"org.name":                    {Chars: 50},
	"org.type":                    {Chars: 20},
	"org.parent":                  {Chars: 50},
	"org.party":                   {Chars: 50},
	"org.leader.title":            {Chars: 20},
	"org.leader.name":             {Chars: 20},
	"org.overview":                {Items: 50},
	"org.overview.name":           {Chars: 20},
	"org.overview.unit":           {Chars: 10},
	"report.template":             {Chars: 60},
	"report.title":                {Chars: 100},
	"indicators":                  {Items: 500},
	"indicators.name":             {Chars: 40},
	"indicators.unit":             {Chars: 10},
	"indicators.category":         {Chars: 20},
	"activities":                  {Items: 2000},
	"activities.title":            {Chars: 60},
	"activities.category":         {Chars: 20},
	"activities.location":         {Chars: 60},
	"activities.content":          {Chars: 500, Lines: true},
	"activities.result":           {Chars: 300, Lines: true},
	"activities.organizer":        {Chars: 50},
	"activities.beneficiary":      {Chars: 30},
	"activities.beneficiary_unit": {Chars: 10},
	"problems":                    {Items: 100, Chars: 300, Lines: true},
	"plans":                       {Items: 300},
	"plans.category":              {Chars: 20},
	"plans.item":                  {Chars: 200},
	"plans.target":                {Chars: 200},
}

// LimitOf returns the limit of a field path; list indices are ignored
// (activities[3].content is activities.content). Fields that are not text
// or lists have none.
func LimitOf(path string) Limit {
	return limits[indices.ReplaceAllString(path, "")]
}

// Text is one text value of a report, with its field path
// (activities[3].content, problems[2]).
type Text struct {
	Path  string
	Value string
}

// Texts yields every text value of r in field-table order: the text fields
// outside lists, then each list's items in order.
func Texts(r *Report) iter.Seq[Text] {
	fields := Fields()
	return func(yield func(Text) bool) {
		for _, f := range fields {
			switch {
			case f.Kind == KindText && !strings.Contains(f.Expr, "[]"):
				if v, ok := f.Get(r); ok && !yield(Text{f.Path, v.(string)}) {
					return
				}
			case f.Kind == KindTextList:
				v, _ := f.Get(r)
				for i, s := range v.([]string) {
					if !yield(Text{fmt.Sprintf("%s[%d]", f.Path, i+1), s}) {
						return
					}
				}
			case f.Kind == KindList:
				for i, item := range f.Items(r) {
					for _, c := range fields {
						if c.Kind != KindText || !strings.HasPrefix(c.Path, f.Path+".") || strings.Contains(c.Path[len(f.Path)+1:], ".") {
							continue
						}
						v, _ := c.Get(item)
						if !yield(Text{fmt.Sprintf("%s[%d]%s", f.Path, i+1, c.Path[len(f.Path):]), v.(string)}) {
							return
						}
					}
				}
			}
		}
	}
}

// MapTexts returns a copy of r with every text value replaced by f(path,
// value), in the order of Texts. The copy shares nothing that MapTexts
// changes with r: lists holding texts are copied.
func MapTexts(r *Report, f func(path, s string) string) *Report {
	c := *r
	fields := Fields()
	for _, fd := range fields {
		switch {
		case fd.Kind == KindText && !strings.Contains(fd.Expr, "[]"):
			if v, ok := fd.Get(&c); ok {
				if s := v.(string); s != "" {
					fd.Set(&c, f(fd.Path, s))
				}
			}
		case fd.Kind == KindTextList:
			v, _ := fd.Get(&c)
			old := v.([]string)
			if old == nil {
				continue
			}
			out := make([]string, len(old))
			for i, s := range old {
				out[i] = f(fmt.Sprintf("%s[%d]", fd.Path, i+1), s)
			}
			fd.Set(&c, out)
		case fd.Kind == KindList:
			items := fd.Items(&c) // copies
			if items == nil {
				continue
			}
			list := reflect.MakeSlice(reflect.SliceOf(fd.list), 0, len(items))
			for i, item := range items {
				for _, ch := range fields {
					if ch.Kind != KindText || !strings.HasPrefix(ch.Path, fd.Path+".") || strings.Contains(ch.Path[len(fd.Path)+1:], ".") {
						continue
					}
					if v, _ := ch.Get(item); v.(string) != "" {
						ch.Set(item, f(fmt.Sprintf("%s[%d]%s", fd.Path, i+1, ch.Path[len(fd.Path):]), v.(string)))
					}
				}
				list = reflect.Append(list, reflect.ValueOf(item).Elem())
			}
			fd.Set(&c, list.Interface())
		}
	}
	return &c
}
