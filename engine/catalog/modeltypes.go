package catalog

import (
	"reflect"

	"github.com/huibao/huibao/engine/model"
)

// The model's types as the field reference (reference.go) walks them. They
// go when the reference reads engine/model's field table instead of
// walking the types itself.
var (
	typReport = reflect.TypeFor[model.Report]()
	modelPkg  = typReport.PkgPath()
)

// hasYAMLFields tells a section of the input (a struct with fields of its
// own) from a value that is a struct in Go, such as model.Date.
func hasYAMLFields(t reflect.Type) bool {
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("yaml") != "" {
			return true
		}
	}
	return false
}
