package model

import _ "embed"

// SchemaFile is the name the JSON Schema is written under next to an input
// made by huibao init, so that the example's first line finds it.
const SchemaFile = "huibao-input.schema.json"

// Schema is the JSON Schema of input format version 1, for editors (VS
// Code's YAML extension, WPS) to complete and check input files.
//
//go:embed input.schema.json
var Schema []byte

// Example is the commented YAML example huibao init writes.
//
//go:embed example.yaml
var Example []byte
