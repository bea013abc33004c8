package model_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/internal/golden"
)

// TestSchemaGenerated checks that input.schema.json, which editors use, is
// what the field table makes of it (the file model.Schema() embeds); -update
// rewrites it.
func TestSchemaGenerated(t *testing.T) {
	golden.Check(t, "input.schema.json", schema())
}

// schema writes the JSON Schema of the input from the field table.
func schema() []byte {
	fields := model.Fields()
	root := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"title", "汇报（huibao）填报数据，格式版本 1"},
		{"description", "一个工会一个期间的填报数据：单位、期间、会员与会费、工作指标、活动、问题和计划。"},
	}
	root = append(root, group(fields, "")...)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// group is the schema of the object holding the fields under path: its
// properties, the ones required and, for the period, the choices.
func group(fields []model.Field, path string) obj {
	props := obj{}
	var required []string
	choices := map[int][]string{}
	for _, f := range children(fields, path) {
		key := f.Path[strings.LastIndex(f.Path, ".")+1:]
		props = append(props, kv{key, property(fields, f)})
		if f.Required {
			required = append(required, key)
		}
		if f.Choice > 0 {
			choices[f.Choice] = append(choices[f.Choice], key)
		}
	}
	out := obj{{"type", "object"}, {"additionalProperties", false}, {"properties", props}}
	if len(required) > 0 {
		out = append(out, kv{"required", required})
	}
	if len(choices) > 0 {
		var alts []any
		for _, c := range slices.Sorted(maps.Keys(choices)) {
			alts = append(alts, obj{{"required", choices[c]}})
		}
		out = append(out, kv{"oneOf", alts})
	}
	return out
}

// children are the fields one level under path ("" for the report's).
func children(fields []model.Field, path string) []model.Field {
	var out []model.Field
	for _, f := range fields {
		rest, ok := strings.CutPrefix(f.Path, path+".")
		if path == "" {
			rest, ok = f.Path, true
		}
		if ok && !strings.Contains(rest, ".") {
			out = append(out, f)
		}
	}
	return out
}

const (
	datePattern  = "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"
	monthPattern = "^[0-9]{4}-[0-9]{1,2}(-[0-9]{1,2})?$"
)

// property is the schema of one field.
func property(fields []model.Field, f model.Field) obj {
	desc := kv{"description", f.Doc}
	switch f.Kind {
	case model.KindGroup:
		g := group(fields, f.Path)
		// The description goes before the period's choices.
		i := slices.IndexFunc(g, func(p kv) bool { return p.k == "oneOf" })
		if i < 0 {
			i = len(g)
		}
		return slices.Insert(g, i, desc)
	case model.KindList:
		items := group(fields, f.Path)
		return obj{{"type", "array"}, desc, {"items", items}}
	case model.KindTextList:
		return obj{{"type", "array"}, desc, {"items", obj{{"type", "string"}, {"minLength", 1}}}}
	case model.KindVersion:
		return obj{{"const", model.Version}, desc}
	}
	var out obj
	switch f.Kind {
	case model.KindText, model.KindSpan:
		out = obj{{"type", "string"}}
	case model.KindWhole:
		out = obj{{"type", "integer"}, {"minimum", 0}}
	case model.KindYear:
		out = obj{{"type", "integer"}, {"minimum", model.MinYear}, {"maximum", model.MaxYear}}
	case model.KindDecimal, model.KindMoney:
		out = obj{{"type", "number"}, {"minimum", 0}}
	case model.KindDate:
		out = obj{{"type", "string"}, {"pattern", datePattern}}
	case model.KindMonth:
		out = obj{{"type", "string"}, {"pattern", monthPattern}}
	case model.KindBool:
		out = obj{{"type", "boolean"}}
	}
	if f.Vocab.Closed() {
		out = append(out, kv{"enum", f.Vocab.Values()})
	}
	out = append(out, desc)
	if f.Vocab != model.NoVocab && !f.Vocab.Closed() {
		out = append(out, kv{"examples", f.Vocab.Values()})
	}
	return out
}

// obj is a JSON object that keeps its keys in order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		b.Write(k)
		b.WriteByte(':')
		var v bytes.Buffer
		enc := json.NewEncoder(&v)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(p.v); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimSuffix(v.Bytes(), []byte("\n")))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// TestSchemaVocabularies checks the schema's enums against the closed
// vocabularies, as editors see them.
func TestSchemaVocabularies(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(model.Schema(), &schema); err != nil {
		t.Fatal(err)
	}
	props := schema["properties"].(map[string]any)
	acts := props["activities"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)
	if got := enum(acts["category"]); !slices.Equal(got, model.Categories()) {
		t.Errorf("category enum %v != model.Categories", got)
	}
	inds := props["indicators"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)
	if got := enum(inds["unit"]); !slices.Equal(got, model.UnitNames()) {
		t.Errorf("unit enum %v != model.Units", got)
	}
}

func enum(v any) []string {
	var out []string
	for _, e := range v.(map[string]any)["enum"].([]any) {
		out = append(out, e.(string))
	}
	return out
}

// TestExampleAndFixturesAgainstSchema validates the init example and every
// good fixture with a real JSON Schema validator and with huibao's own
// validator: both must accept them.
func TestExampleAndFixturesAgainstSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(model.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("input.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"example.yaml": model.Example()}
	paths, _ := filepath.Glob("../../fixtures/*.yaml")
	jsons, _ := filepath.Glob("../../fixtures/*.json")
	for _, p := range append(paths, jsons...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = b
	}
	if len(files) < 2 {
		t.Fatal("no fixtures found")
	}
	for name, b := range files {
		js, err := yaml.YAMLToJSON(b)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: schema says: %v", name, err)
		}
		ext := filepath.Ext(name)
		r, src, probs := load.Bytes("x"+ext, b)
		if r != nil {
			probs = append(probs, validate.Report(r, src)...)
		}
		if len(probs) > 0 {
			t.Errorf("%s: huibao says:\n%v", name, probs)
		}
	}
}

// TestSchemaRejects checks that the schema catches what editors should flag.
func TestSchemaRejects(t *testing.T) {
	c := jsonschema.NewCompiler()
	doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(model.Schema()))
	c.AddResource("s.json", doc)
	sch, err := c.Compile("s.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		`{"version": 1, "org": {"name": "x", "type": "社区工会"}, "period": {"year": 2024, "span": "H1"}, "membership": {"members": 1, "dues_paying": 1, "dues_collected": 1}, "actvities": []}`,
		`{"version": 1, "org": {"name": "x", "type": "社区工会"}, "period": {"year": 2024, "span": "上半年"}, "membership": {"members": 1, "dues_paying": 1, "dues_collected": 1}}`,
		`{"version": 1, "org": {"name": "x", "type": "社区工会"}, "period": {"year": 2024, "span": "H1"}, "membership": {"members": "1", "dues_paying": 1, "dues_collected": 1}}`,
		`{"version": 1, "org": {"name": "x", "type": "社区工会"}, "period": {"year": 2024, "span": "H1"}, "membership": {"members": 1, "dues_paying": 1, "dues_collected": 1}, "indicators": [{"name": "a", "value": 1, "unit": "人次次"}]}`,
	} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(inst) == nil {
			t.Errorf("schema accepted %s", bad)
		}
	}
}

// TestExampleCoversFields checks that the commented example huibao init
// writes shows every field of the table, as data or, for the fields one
// writes instead of others or only sometimes (period.start, end_date), as a
// key in a comment of its section; and that it shows nothing else.
func TestExampleCoversFields(t *testing.T) {
	var data any
	if err := yaml.Unmarshal(model.Example(), &data); err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	var keys func(v any, path string)
	keys = func(v any, path string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				p := strings.TrimPrefix(path+"."+k, ".")
				shown[p] = true
				keys(x, p)
			}
		case []any:
			for _, x := range v {
				keys(x, path)
			}
		}
	}
	keys(data, "")
	table := map[string]bool{}
	for _, f := range model.Fields() {
		table[f.Path] = true
	}
	for p := range shown {
		if !table[p] {
			t.Errorf("example.yaml writes %s, which is not a field", p)
		}
	}
	// A key in a comment belongs to the section (top-level key) above it.
	commented := map[string]bool{}
	section := ""
	key := regexp.MustCompile(`([a-z_]+): `)
	for i, line := range strings.Split(string(model.Example()), "\n") {
		if i == 0 {
			continue // the editor's modeline
		}
		code, comment, _ := strings.Cut(line, "#")
		if k, _, ok := strings.Cut(code, ":"); ok && k != "" && k[0] != ' ' {
			section = k
		}
		for _, m := range key.FindAllStringSubmatch(comment, -1) {
			found := false
			for p := range table {
				if (p == section || strings.HasPrefix(p, section+".")) && (p == m[1] || strings.HasSuffix(p, "."+m[1])) {
					commented[p], found = true, true
				}
			}
			if !found {
				t.Errorf("example.yaml line %d: comment names %s, which is not a field of %s", i+1, m[1], section)
			}
		}
	}
	for _, f := range model.Fields() {
		if !shown[f.Path] && !commented[f.Path] {
			t.Errorf("example.yaml does not show %s (%s)", f.Path, f.Label)
		}
	}
}
