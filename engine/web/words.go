package web

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/model"
)

// The checks behind the page are the CLI's, and some of their hints speak
// to someone editing a YAML file or typing a command: 成文日期（report.date）,
// 上年同期的数写在 previous 里, -t 汇报材料, period: {start: …, end: …}. The
// page says the same in its own words: the labels it shows, its 报告模板
// menu. Only names of the input's fields (the model's table) are changed,
// so that other Latin words (Excel, WPS) stay.

var (
	// pathWord is a field path or key as messages write it.
	pathWord = regexp.MustCompile(`[a-z][a-z_]*(?:\.[a-z][a-z_]*)*`)
	// flowMap is a YAML flow mapping in a hint: period: {start: 2024-07-01, end: 2024-08-06}.
	flowMap = regexp.MustCompile(`([a-z][a-z_.]*): \{([^{}]*)\}`)
	// flowPair is a key: value of a hint: members: 152.
	flowPair = regexp.MustCompile(`^([a-z][a-z_]*): (\S.*)$`)
	// option is a template given with the CLI's -t.
	option = regexp.MustCompile(`-t ([^\s，。；）)]+)`)
)

// words says a problem's text in the page's words; target is the page
// path the problem is shown at, against which a bare key (previous) is
// read.
func (l *layout) words(text, target string) string {
	text = option.ReplaceAllString(text, "在上方“报告模板”中选择“$1”")
	text = flowMap.ReplaceAllStringFunc(text, func(m string) string {
		sm := flowMap.FindStringSubmatch(m)
		var out []string
		for _, pair := range strings.Split(sm[2], ", ") {
			p := flowPair.FindStringSubmatch(strings.TrimSpace(pair))
			if p == nil {
				return m
			}
			label := l.label(sm[1]+"."+p[1], target)
			if label == "" {
				return m
			}
			out = append(out, label+" "+p[2])
		}
		return strings.Join(out, "，")
	})
	var b strings.Builder
	last := 0
	for _, loc := range pathWord.FindAllStringIndex(text, -1) {
		start, end := loc[0], loc[1]
		if start > 0 && isASCIIWordByte(text[start-1]) || end < len(text) && isASCIIWordByte(text[end]) {
			continue // part of a longer Latin word or a number: not a key
		}
		label := l.label(text[start:end], target)
		if label == "" {
			continue
		}
		before, after := text[last:start], text[end:]
		switch {
		case strings.HasSuffix(before, "（") && strings.HasPrefix(after, "）"):
			// 成文日期（report.date）: the label is said just before.
			if strings.HasSuffix(strings.TrimSuffix(before, "（"), label) {
				b.WriteString(strings.TrimSuffix(before, "（"))
				last = end + len("）")
				continue
			}
			b.WriteString(before + label)
		case strings.HasPrefix(after, "（"+label+"）"):
			// members（在册会员）: the label is said just after.
			b.WriteString(before + label)
			end += len("（" + label + "）")
		case strings.HasPrefix(after, "（"+label+"，"):
			// dues_collected（会费收缴，元）
			b.WriteString(before + label + "（")
			end += len("（" + label + "，")
		default:
			// 写在 previous 里: a key among Chinese words.
			b.WriteString(strings.TrimSuffix(before, " ") + "“" + label + "”")
			if strings.HasPrefix(after, " ") {
				end++
			}
		}
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
}

// label is the page's name of a field path or key: a path of the model,
// or a key of the list or group the target is in; "" for anything else.
func (l *layout) label(key, target string) string {
	bare := target
	if list, _, rest, ok := splitItem(target); ok {
		bare = list + rest
	}
	for p := bare; ; {
		cand := key
		if p != "" {
			cand = p + "." + key
		}
		if f, ok := model.LookupField(cand); ok && f.Label != "" {
			if pl, ok := l.place(cand); ok && pl.list != nil && pl.list.Path == cand {
				return pl.section.Title // a list: named as its section (下步计划)
			}
			return f.Label
		}
		if p == "" {
			return ""
		}
		if i := strings.LastIndex(p, "."); i >= 0 {
			p = p[:i]
		} else {
			p = ""
		}
	}
}

// unfitText says why the template chosen cannot write the report, in the
// page's words: the templates made for the period, the sections to fill
// in.
func (s *Server) unfitText(err error, period model.Period) (string, bool) {
	var u *engine.Unfit
	if !errors.As(err, &u) {
		return "", false
	}
	t := u.Template
	if u.Period != "" {
		var fit []string
		for _, o := range s.eng.Templates() {
			if o.ID != t.ID && o.Accepts(period) {
				fit = append(fit, "“"+o.Name+"”")
			}
		}
		msg := fmt.Sprintf("“%s”是%s的报告，而“基本信息”里的期间是%s", t.Name, t.SpanNames(), u.Period)
		if len(fit) > 0 {
			return msg + "。请在上方“报告模板”中改选" + strings.Join(fit, "、") + "，或改正期间", true
		}
		return msg + "。请改正期间", true
	}
	var where []string
	missing := catalog.SayLacks(u.Lacks, func(alt string) string {
		if pl, ok := s.layout.place(alt); ok && pl.list != nil && pl.list.Path == alt {
			name := "“" + s.layout.describe(alt) + "”"
			where = append(where, name)
			return name
		}
		return t.RequirableName(alt)
	})
	msg := fmt.Sprintf("“%s”要用到%s，表单里还没有填写", t.Name, strings.Join(missing, "、"))
	if len(where) > 0 {
		return msg + "。请在" + strings.Join(slices.Compact(where), "、") + "中填写，或在上方“报告模板”中换一个模板", true
	}
	return msg + "。请补充后再预览，或在上方“报告模板”中换一个模板", true
}
