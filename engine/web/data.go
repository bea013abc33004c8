package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
)

// The data of a draft written as an input file — YAML, or JSON for a batch
// unit that came as JSON — by the model's field table, so that `huibao
// validate` reads back the report the form holds.

// node is a value of the input file: a scalar (already in its YAML/JSON
// form), a group of keyed nodes, or a list.
type node struct {
	key    string
	scalar string // a number, or a string in double quotes (JSON's form is YAML's too)
	group  []*node
	list   []*node
	isList bool
}

// tree builds the file's nodes for the fields under prefix of holder: the
// *Report for the top, or an item of a list.
func tree(fields []model.Field, prefix string, holder any) []*node {
	var out []*node
	for _, f := range fields {
		parent, key := splitPath(f.Path)
		if parent != prefix {
			continue
		}
		switch f.Kind {
		case model.KindGroup:
			v, ok := f.Get(holder)
			if !ok || !f.Nilable && isZero(v) {
				continue
			}
			if kids := tree(fields, f.Path, holder); len(kids) > 0 || f.Nilable {
				out = append(out, &node{key: key, group: kids})
			}
		case model.KindList:
			items := f.Items(holder.(*model.Report))
			if len(items) == 0 {
				continue
			}
			n := &node{key: key, isList: true}
			for _, it := range items {
				n.list = append(n.list, &node{group: tree(fields, f.Path, it)})
			}
			out = append(out, n)
		case model.KindTextList:
			v, _ := f.Get(holder)
			texts := v.([]string)
			if len(texts) == 0 {
				continue
			}
			n := &node{key: key, isList: true}
			for _, t := range texts {
				n.list = append(n.list, &node{scalar: quote(t)})
			}
			out = append(out, n)
		default:
			v, ok := f.Get(holder)
			if !ok {
				continue
			}
			if s, write := scalar(f, v); write {
				out = append(out, &node{key: key, scalar: s})
			}
		}
	}
	return out
}

// scalar is a leaf's value as written, and whether to write it: empty
// text and dates are left out, zero numbers only where they are required
// (an indicator's value may be 0) or a pointer was set (上年同期 0).
func scalar(f model.Field, v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return quote(v), v != ""
	case model.Span:
		return quote(string(v)), v != ""
	case model.Date:
		return quote(v.String()), !v.IsZero()
	case int:
		return strconv.Itoa(v), v != 0 || f.Required || f.Nilable
	case decimal.Decimal:
		return v.String(), !v.IsZero() || f.Required || f.Nilable
	case bool:
		return strconv.FormatBool(v), v || f.Nilable
	}
	panic(fmt.Sprintf("web: field %s of type %T", f.Path, v))
}

func isZero(v any) bool {
	switch v := v.(type) {
	case model.Person:
		return v == model.Person{}
	case model.Membership:
		return v == model.Membership{}
	case model.ReportInfo:
		return v == model.ReportInfo{}
	case model.Period:
		return v == model.Period{}
	}
	return false
}

func splitPath(p string) (parent, key string) {
	if i := strings.LastIndex(p, "."); i >= 0 {
		return p[:i], p[i+1:]
	}
	return "", p
}

// quote writes text as a JSON string, which YAML reads as the same text.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// encodeYAML writes a report as an input file. Problems of reading the form
// (values that could not be read, and so are missing) are listed in a
// comment at the top, so that they are not lost silently.
func encodeYAML(r *model.Report, probs diag.List) []byte {
	var b bytes.Buffer
	b.WriteString("# 由 huibao serve 的网页表单导出。检查：huibao validate 本文件\n")
	if errs := probs.Errors(); len(errs) > 0 {
		b.WriteString("# 注意：表单中以下内容没有读入，这里没有写出：\n")
		for _, p := range errs {
			fmt.Fprintf(&b, "#   %s：%s\n", p.Path, oneLine(p.Msg))
		}
	}
	writeYAML(&b, tree(model.Fields(), "", r), 0)
	return b.Bytes()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func writeYAML(b *bytes.Buffer, nodes []*node, indent int) {
	pad := strings.Repeat("  ", indent)
	for _, n := range nodes {
		switch {
		case n.isList:
			fmt.Fprintf(b, "%s%s:\n", pad, n.key)
			for _, it := range n.list {
				if it.group == nil {
					fmt.Fprintf(b, "%s  - %s\n", pad, it.scalar)
					continue
				}
				var sub bytes.Buffer
				writeYAML(&sub, it.group, 0)
				for i, line := range strings.Split(strings.TrimSuffix(sub.String(), "\n"), "\n") {
					lead := pad + "    "
					if i == 0 {
						lead = pad + "  - "
					}
					b.WriteString(lead + line + "\n")
				}
			}
		case n.group != nil || n.scalar == "":
			fmt.Fprintf(b, "%s%s:\n", pad, n.key)
			writeYAML(b, n.group, indent+1)
		default:
			fmt.Fprintf(b, "%s%s: %s\n", pad, n.key, n.scalar)
		}
	}
}

// encodeJSON writes a report as a JSON input file.
func encodeJSON(r *model.Report) []byte {
	var b bytes.Buffer
	writeJSONNodes(&b, tree(model.Fields(), "", r), 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func writeJSONNodes(b *bytes.Buffer, nodes []*node, indent int) {
	pad := strings.Repeat("  ", indent)
	b.WriteString("{\n")
	for i, n := range nodes {
		fmt.Fprintf(b, "%s  %s: ", pad, quote(n.key))
		writeJSONValue(b, n, indent+1)
		if i < len(nodes)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(pad + "}")
}

func writeJSONValue(b *bytes.Buffer, n *node, indent int) {
	pad := strings.Repeat("  ", indent)
	switch {
	case n.isList:
		b.WriteString("[\n")
		for i, it := range n.list {
			b.WriteString(pad + "  ")
			if it.group == nil {
				b.WriteString(it.scalar)
			} else {
				writeJSONNodes(b, it.group, indent+1)
			}
			if i < len(n.list)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(pad + "]")
	case n.group != nil || n.scalar == "":
		writeJSONNodes(b, n.group, indent)
	default:
		b.WriteString(n.scalar)
	}
}
