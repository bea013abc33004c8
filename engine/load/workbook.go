package load

import (
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/model"
)

// decodeWorkbook reads the XLSX 填报表; engine/form records each field's
// cell in the source map under the same paths as YAML.
func decodeWorkbook(name string, data []byte) (*model.Report, *diag.SourceMap, diag.List) {
	return form.ReadForm(name, data)
}
