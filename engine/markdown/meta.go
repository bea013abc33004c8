package markdown

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	yast "github.com/goccy/go-yaml/ast"
	yparser "github.com/goccy/go-yaml/parser"

	"github.com/huibao/huibao/engine/diag"
)

// metaKeys are the keys a metadata block may hold, in the order messages
// list them.
var metaKeys = []string{"title", "issuer", "author", "date", "lang", "issued", "subject", "keywords", "profile"}

// decodeMeta reads the metadata block strictly: known keys only, text
// values, keywords as text or a list of text. Lines are shifted by one for
// the opening "---".
func decodeMeta(src []byte, m *Meta) error {
	file, err := yparser.ParseBytes(src, 0)
	if err != nil {
		e := &Error{Line: 1, Msg: "元数据块有误：" + diag.Translate(diag.YAML, err.Error())}
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil && se.Token.Position != nil {
			e.Line, e.Col = 1+se.Token.Position.Line, se.Token.Position.Column
			e.Msg = "元数据块有误：" + diag.Translate(diag.YAML, se.Message)
		}
		return e
	}
	at := func(n yast.Node) (int, int) {
		p := n.GetToken().Position
		return 1 + p.Line, p.Column
	}
	fail := func(n yast.Node, msg string) error {
		line, col := at(n)
		return &Error{Line: line, Col: col, Msg: msg}
	}
	var body yast.Node
	for _, doc := range file.Docs {
		if doc.Body != nil {
			body = doc.Body
			break
		}
	}
	if body == nil {
		*m = Meta{}
		return nil
	}
	mapping, ok := body.(*yast.MappingNode)
	if !ok {
		return fail(body, "元数据块有误：应为“键: 值”的形式")
	}
	*m = Meta{}
	for _, kv := range mapping.Values {
		key := kv.Key.String()
		if key == "keywords" {
			kw, err := keywords(kv.Value, fail)
			if err != nil {
				return err
			}
			m.Keywords = kw
			continue
		}
		field := map[string]*string{"title": &m.Title, "issuer": &m.Author, "author": &m.Author, "date": &m.Date, "lang": &m.Lang, "subject": &m.Subject, "profile": &m.Profile, "issued": new(string)}[key]
		if field == nil {
			return fail(kv.Key, fmt.Sprintf("元数据块有误：未知的键“%s”（可用：%s）", key, strings.Join(metaKeys, "、")))
		}
		text, ok := scalar(kv.Value)
		if !ok {
			return fail(kv.Value, fmt.Sprintf("元数据块有误：%s 的值应为文字", key))
		}
		// pandoc reads a value as Markdown: what is escaped is text.
		text = Unescape(text)
		*field = text
		if key == "issued" && text != "" {
			t, err := time.Parse("2006-01-02", text)
			if err != nil {
				return fail(kv.Key, fmt.Sprintf("issued 应为 ISO 日期（如 2024-07-05），而不是“%s”", text))
			}
			m.Issued = t
		}
	}
	switch m.Profile {
	case "", "official", "compact":
	default:
		line, _ := at(mapping)
		for _, kv := range mapping.Values {
			if kv.Key.String() == "profile" {
				line, _ = at(kv.Key)
			}
		}
		return &Error{Line: line, Msg: fmt.Sprintf("profile 应为 official 或 compact，而不是“%s”", m.Profile)}
	}
	return nil
}

// keywords reads the keywords value: one text, or a list of texts.
func keywords(n yast.Node, fail func(yast.Node, string) error) ([]string, error) {
	if s, ok := scalar(n); ok {
		return []string{Unescape(s)}, nil
	}
	seq, ok := n.(*yast.SequenceNode)
	if !ok {
		return nil, fail(n, "keywords 应为文字或文字列表")
	}
	var out []string
	for _, k := range seq.Values {
		s, ok := scalar(k)
		if !ok {
			return nil, fail(k, "keywords 的每一项应为文字")
		}
		out = append(out, Unescape(s))
	}
	return out, nil
}

// scalar is the text of a scalar node: a string, or a number or date
// written without quotes, as typed.
func scalar(n yast.Node) (string, bool) {
	switch v := n.(type) {
	case *yast.StringNode:
		return v.Value, true
	case *yast.NullNode:
		return "", true
	case yast.ScalarNode:
		return v.GetToken().Value, true
	}
	return "", false
}
