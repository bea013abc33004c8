// Package engine connects huibao's stages into one pipeline. It is the only
// package that knows them all; the stages exchange only their artefacts.
//
//	input (yaml | json | xlsx) ─load─▶ model ─validate─▶ model ─compose─▶ Markdown ─┬─▶ .md
//	                                                               markdown AST ─┼─▶ .pdf
//	                                  model ─────────────────────────────────────────┴─▶ .xlsx
//
// # Data
//
// The input format (version 1) is engine/model's Report; engine/load reads
// YAML, JSON and the XLSX 填报表 into it, recording every field's position
// in a diag.SourceMap; engine/validate checks it.
//
// # Templates and lookup
//
// engine/catalog finds templates: --templates folders, then HUIBAO_TEMPLATES,
// then the built-ins embedded from templates/. engine/compose executes one
// against a report with missingkey=error and lints the Markdown it produces.
//
// # Functions
//
// engine/funcs builds the function map: sprig's hermetic functions plus the
// zh namespace (engine/zh: Chinese numerals, dates, money, units, 同比,
// numbering) and the data namespace.
//
// # Errors
//
// Problems with inputs and templates are diag.Problems collected in a
// diag.List: every problem at once, each with file:line:col (or 工作表!单元格),
// field path, what is wrong and what would be right, in Chinese.
//
// # Formats
//
// Output formats are rows of one table (formats.go): name, extension, writer.
//
// # Batch
//
// engine/batch runs the pipeline over a folder of units on N workers with
// deterministic output, writes the 汇总表 (engine/batch/summary) and renders
// the parent union's roll-up, a model.Report synthesized from the units'
// data (engine/batch/rollup).
//
// # Authoring
//
// CheckTemplates (check.go) is `templates check`: the static check of
// engine/catalog/vet plus trial renders against fixtures and minimal inputs.
// docs/template-guide.md walks an author through a new template, and
// cmd/huibao's TestGuide runs it.
package engine
