package model

import (
	_ "embed"
	"slices"
)

// SchemaFile is the name the JSON Schema is written under next to an input
// made by huibao init, so that the example's first line finds it.
const SchemaFile = "huibao-input.schema.json"

//go:embed input.schema.json
var schema []byte

//go:embed example.yaml
var example []byte

// Schema returns the JSON Schema of input format version 1, for editors
// (VS Code's YAML extension, WPS) to complete and check input files. It is
// generated from the field table by the package's tests.
func Schema() []byte { return slices.Clone(schema) }

// Example returns the commented YAML example huibao init writes.
func Example() []byte { return slices.Clone(example) }
