package load

import (
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/model"
)

// decodeWorkbook reads the XLSX 填报表.
func decodeWorkbook(name string, data []byte) (*model.Report, *diag.SourceMap, diag.List) {
	var errs diag.List
	errs.Add(diag.Pos{File: name}, "", "暂不支持读取 .xlsx 填报表", "请改用 YAML 或 JSON 文件")
	return nil, nil, errs
}
