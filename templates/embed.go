// Package templates embeds huibao's built-in report templates: one folder
// per template (template.yaml and report.md.tmpl), with the partials all of
// them share in _partials/.
package templates

import "embed"

// FS holds every built-in template folder and _partials.
//
//go:embed */template.yaml */*.tmpl _lexicon.yaml
var FS embed.FS
