package funcs

// Data is the data namespace: selecting, grouping and summing input values.
// Its functions are added with the built-in templates.
type Data struct{}

func dataNamespace() Namespace {
	return Namespace{Name: "data", Doc: "选取、分组、汇总输入数据", Value: Data{}}
}
