// Package engine connects huibao's stages into one pipeline. It is the only
// package that knows them all; the stages exchange only their artefacts
// (the model, Markdown bytes, the parsed document, output bytes), and every
// caller — the CLI, batch, templates check, the web server — goes through
// the two verbs below.
//
//	input (yaml | json | xlsx | in memory) ─load─▶ model ─validate─▶ model ─compose─▶ Markdown ─┬─▶ .md
//	                                                                      parsed document ─┼─▶ .pdf, .docx
//	                                        model ───────────────────────────────────────────┴─▶ .xlsx
//
// # The two verbs
//
//	j, err := eng.Prepare(engine.Request{Path: "x.yaml", Template: "半年总结"})
//	res, err := eng.Render(j)
//	written, err := engine.WriteAll("output", res.Outputs)
//
// Prepare does everything that can refuse an input: it loads the file (or
// takes bytes, or a report in memory with its source map), validates it,
// resolves the template (-t, else the input's report.template), and checks
// the template's periods, required data and the rules of its kind. Render
// composes the Markdown, lints it and writes every format of the job in
// memory. WriteAll writes a report's files as one set (what it
// guarantees is on WriteAll). validate is Prepare with Check: ForValidate;
// templates check prepares its samples with DataOnly and renders them with
// the template under test.
//
// # Data
//
// The input format (version 1) is engine/model's Report, described field
// by field by model's field table, which drives the loaders, the 填报表, the
// JSON Schema and the authors' field reference. engine/load reads YAML,
// JSON and the XLSX 填报表 (engine/form) into it, recording every field's
// position in a diag.SourceMap; engine/validate checks it.
//
// # Templates and lookup
//
// engine/catalog finds templates: --templates folders, then
// HUIBAO_TEMPLATES, then the built-ins embedded from templates/.
// engine/compose executes one against a report with missingkey=error and
// lints the Markdown it produces; engine/catalog/vet checks a template
// without data and traces output back to template positions.
//
// A template may be anyone's, so catalog.Secure rewrites every compiled
// one: each action that writes a value ends in Markdown escaping
// (markdown.Escape; a function that builds Markdown returns
// markdown.Safe), and its loops and template calls count steps. catalog.Run
// executes it under limits of steps, depth, output and time, with a
// Chinese error at the loop that went too far. The data a template sees is
// set for Chinese prose first (compose.Prepare), and validation checks
// every text as the report will read it, so that what validation passes
// the lint never refuses: generate never blames a template for the data.
//
// # Functions
//
// engine/funcs builds the function map: sprig's hermetic functions plus
// the zh namespace (engine/zh: Chinese numerals, dates, money, units, 同比,
// numbering), the data namespace and the prose namespace (engine/prose:
// the sentences of activities, indicators, categories and plans, planned in
// Go with the words of a lexicon, engine/lexicon). The lexicon is data:
// templates/_lexicon.yaml, overridden by a place's _lexicon.yaml and a
// template's lexicon.yaml in the lookup order of templates. A template's
// budget (chars or pages, in its manifest) is met by compose rendering at
// the fullest level of detail that fits (prose.Levels), never by cutting.
//
// # Errors
//
// Every error is an *Error of one kind — UsageError, InputError,
// TemplateError, OutputError — holding the positioned problems behind it
// (diag.Problems: file:line:col or 工作表!单元格, field path, what is wrong
// and what would be right, in Chinese) and a sentence naming what failed.
// Callers decide by Kind, never by message text; the CLI maps kinds to exit
// codes in one table. Messages of libraries and of the operating system are
// put into Chinese in one place, engine/diag/library.go.
//
// # Formats
//
// Output formats are rows of one table (formats.go): name, extension,
// description, binary, and a Write function that receives the report's
// Artefacts — the report, the Markdown, the parsed document (made once, on
// demand), the page layout (engine/layout: the template's, or --layout's)
// and the Resources shared by a run (fonts, loaded once). A writer never
// sees the Engine.
//
// To add an output format:
//
//  1. Write a package under engine/ whose entry point takes what it needs
//     of the artefacts — the parsed document and the layout profile, like
//     engine/pdf and engine/docx, or the model, like engine/xlsx — and
//     returns the file's bytes; the same input must give the same bytes.
//  2. Add one row to formats in formats.go, whose Write calls it.
//
// The -f help text, the manifests' formats check and WriteAll then know
// it; a template lists it in its manifest's formats to make it by default.
//
// # Batch
//
// engine/batch is a user of the connector like the CLI: it scans a folder
// of units — or reads a 多单位填报表, a workbook of several units, with
// Units, and prepares each unit as a report in memory with the source map
// of its cells and the problems found reading them (Request.Read) — prepares
// each with Prepare, renders the good ones with Render
// on N workers with deterministic output, writes the 汇总表
// (engine/batch/summary) and prepares and renders the parent union's
// roll-up, a model.Report synthesized from the units' data
// (engine/batch/rollup).
//
// # Authoring
//
// CheckTemplates (check.go) is `templates check`: the static check of
// engine/catalog/vet plus trial renders against fixtures and minimal
// inputs. docs/template-guide.md walks an author through a new template,
// and cmd/huibao's TestGuide runs it.
package engine
