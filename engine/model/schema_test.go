package model_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/validate"
)

// TestSchemaMatchesModel walks the model's types and the JSON Schema side by
// side: every yaml field must be a schema property and every property a
// field, so the schema editors use cannot drift from what the loader reads.
func TestSchemaMatchesModel(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(model.Schema, &schema); err != nil {
		t.Fatal(err)
	}
	compare(t, "", reflect.TypeFor[model.Report](), schema)
	// The closed vocabularies are the schema's enums.
	props := schema["properties"].(map[string]any)
	acts := props["activities"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)
	if got := enum(acts["category"]); !slices.Equal(got, model.Categories) {
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

func compare(t *testing.T, path string, typ reflect.Type, schema map[string]any) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		if typ.Kind() == reflect.Slice {
			items, _ := schema["items"].(map[string]any)
			if items == nil {
				t.Errorf("%s: schema has no items", path)
				return
			}
			schema = items
			path += "[]"
		}
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct || typ == reflect.TypeFor[model.Date]() || typ.PkgPath() != "github.com/huibao/huibao/engine/model" {
		return
	}
	props, _ := schema["properties"].(map[string]any)
	var fields []string
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("yaml"), ",")
		fields = append(fields, name)
		sub, ok := props[name].(map[string]any)
		if !ok {
			t.Errorf("%s.%s: field missing from the schema", path, name)
			continue
		}
		if sub["description"] == nil && sub["$ref"] == nil {
			t.Errorf("%s.%s: schema property has no description", path, name)
		}
		compare(t, path+"."+name, typ.Field(i).Type, sub)
	}
	for name := range props {
		if !slices.Contains(fields, name) {
			t.Errorf("%s.%s: schema property the model does not have", path, name)
		}
	}
}

// TestExampleAndFixturesAgainstSchema validates the init example and every
// good fixture with a real JSON Schema validator and with huibao's own
// validator: both must accept them.
func TestExampleAndFixturesAgainstSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(model.Schema))
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
	files := map[string][]byte{"example.yaml": model.Example}
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
	doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(model.Schema))
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
