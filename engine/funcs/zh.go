package funcs

// ZH is the zh namespace: every conversion of data into Chinese report text.
type ZH struct{}

func zhNamespace() Namespace {
	return Namespace{Name: "zh", Doc: "中文数字、日期、金额、单位、同比与编号", Value: ZH{}}
}
