// Package markdown parses the Markdown that huibao composes — a YAML metadata
// block followed by a goldmark body with GFM pipe tables and pandoc fenced divs —
// into a typed metadata struct and one goldmark AST that every writer consumes.
//
// # Shape
//
// The body uses ATX headings for the official hierarchy (一、 （一） 1. （1）),
// single-line paragraphs, pipe tables, an optional
// `::: {.salutation custom-style="称谓"}` div for the greeting or 主送 line
// (set flush left) and a closing `::: {.signature custom-style="落款"}` div.
// The writers go by the class; custom-style is for pandoc, which gives the
// div's paragraphs the Word style of that name (Div.Attr reads it).
// The title lives in the metadata, never in the body.
//
// # Errors
//
// Parse returns *Error values carrying a 1-based line and column in the source,
// with Chinese messages, so that callers can print file:line:col.
package markdown
