// Package vet checks a report template without data, and traces a
// template's output back to the template, for `huibao templates check` and
// `templates show`.
//
// # The static check
//
// Analyze parses the template's files (catalog.Template.Sources, the same
// files in the same order as Compile) into text/template/parse trees and
// walks them against the types of the data a template sees (*model.Report
// as dot), so that a misspelt field, an unknown function, a wrong number
// or type of arguments, or a range over something that is not a list is
// found without any data, with the file, line and column of the mistake,
// in Chinese with a hint. Optional data (a pointer read from the input)
// used without a with or if around it is a warning. The walk follows
// text/template's own evaluation rules (exec.go): the type of dot and of
// every variable is tracked through with, range, if, declarations,
// assignments, template calls and function results. It also lists the
// input fields and data helpers the template reads.
//
// # Limits
//
// Where a type cannot be known, checking of that chain stops rather than
// guess: the results of sprig's list, get, default and the like, interface
// values, a dict whose keys are not constant strings, and what an iterator
// function yields. A partial is checked once per distinct type of its dot;
// a partial that no call reaches is checked only for what needs no types
// (function names, namespaces, argument counts). Errors that depend on the
// values rather than the types, such as an index past the end of a list or
// an error from a function, are found only by rendering, which templates
// check does as well.
//
// # Tracing
//
// Trace runs a template with every piece of its output tagged with the
// template position that wrote it, so that a lint finding in the generated
// Markdown can be pointed back at the template; ExecPos gives execution
// errors the same character columns as the static check.
//
// # Files
//
// analyze.go is the entry point; source.go turns offsets into positions;
// parse.go parses the files and positions parse errors; types.go is what
// the checker knows of a value; signatures.go of a function; walk.go walks
// a template body; calls.go checks calls; fields.go checks field access
// and places the input's types by engine/model's field table; trace.go
// traces output.
package vet
