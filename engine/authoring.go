package engine

import (
	"github.com/huibao/huibao/engine/catalog"
	"github.com/huibao/huibao/engine/catalog/vet"
)

// Analysis is what the static check found in a template: the fields and
// methods it reads, and its problems.
type Analysis = vet.Analysis

// Analyze checks a template against the input model without data.
func (e *Engine) Analyze(t *Template) *Analysis { return vet.Analyze(t) }

// CopyTemplate writes t as a new template into dir (whose base name is the
// new id), named name; with partials, the shared partials are copied too.
// It returns the files written, relative to dir. Every refusal is a
// UsageError.
func (e *Engine) CopyTemplate(t *Template, dir, name string, partials bool) ([]string, error) {
	files, err := t.Copy(dir, catalog.CopyOptions{Name: name, Shared: partials})
	if err != nil {
		return nil, newError(UsageError, err.Error(), nil, err)
	}
	return files, nil
}

// EnvTemplateDirs splits HUIBAO_TEMPLATES into folders.
func EnvTemplateDirs(env string) []string { return catalog.EnvDirs(env) }
