package funcs

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/model"
)

// Data is the data namespace: selecting, filtering and summing lists of the
// input (activities, indicators, plans) by field name. Grouping in the
// canonical category order is on the report itself: .WorkGroups,
// .ActivityGroups, .PlanGroups.
type Data struct{}

func dataNamespace() Namespace {
	return Namespace{Name: "data", Doc: "选取、筛选、汇总输入数据", Value: Data{}, Funcs: []Func{
		{Name: "Sum", Args: "列表 字段名", Doc: "对列表中各项的某个数值字段求和（精确小数）",
			Examples: []Example{{`{{ data.Sum (list (dict "Participants" 20) (dict "Participants" 45)) "Participants" }}`, "65"},
				{`{{ data.Sum (list (dict "Cost" 1600) (dict "Cost" 2250.5)) "Cost" | zh.Money }}`, "3850.50元"}}},
		{Name: "Top", Args: "个数 字段名 列表", Doc: "按某个数值字段从大到小取前几项（相同时保持原顺序）",
			Examples: []Example{{`{{ range data.Top 2 "Participants" (list (dict "Title" "甲" "Participants" 20) (dict "Title" "乙" "Participants" 96) (dict "Title" "丙" "Participants" 45)) }}{{ .Title }}{{ end }}`, "乙丙"}}},
		{Name: "Where", Args: "字段名 值 列表", Doc: "筛选某个字段等于给定值的项",
			Examples: []Example{{`{{ len (data.Where "Category" "文体活动" (list (dict "Category" "文体活动") (dict "Category" "学习培训"))) }}`, "1"}}},
		{Name: "WithPrevious", Args: "指标列表", Doc: "筛选填了去年同期数（previous）的指标，用于写同比",
			Examples: []Example{{`{{ len (data.WithPrevious (list (dict "Name" "推荐就业" "Previous" 3) (dict "Name" "慰问困难居民" "Previous" nil))) }}`, "1"}}},
		{Name: "Between", Args: "开始日期 结束日期 活动列表", Doc: "筛选日期（或起止日期）与给定区间有交集的活动，日期写成 2024-03-30",
			Examples: []Example{{`{{ len (data.Between "2024-04-01" "2024-06-30" (list (dict "Date" "2024-03-30") (dict "Date" "2024-04-16"))) }}`, "1"}}},
	}}
}

// Sum adds up a numeric field of every item, exactly.
func (Data) Sum(list any, field string) (decimal.Decimal, error) {
	sum := decimal.Zero
	err := eachItem(list, func(v reflect.Value) error {
		d, err := fieldNumber(itemField(v, field), field)
		sum = sum.Add(d)
		return err
	})
	return sum, err
}

// Top returns the n items with the largest value of field, ties in input order.
func (Data) Top(n int, field string, list any) ([]any, error) {
	type kv struct {
		v   any
		key decimal.Decimal
	}
	var items []kv
	err := eachItem(list, func(v reflect.Value) error {
		d, err := fieldNumber(itemField(v, field), field)
		items = append(items, kv{v.Interface(), d})
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(items, func(a, b kv) int { return b.key.Cmp(a.key) })
	out := make([]any, 0, min(n, len(items)))
	for i := 0; i < n && i < len(items); i++ {
		out = append(out, items[i].v)
	}
	return out, nil
}

// Where returns the items whose field equals value (compared as text).
func (Data) Where(field string, value any, list any) ([]any, error) {
	var out []any
	want := fmt.Sprint(value)
	err := eachItem(list, func(v reflect.Value) error {
		f := itemField(v, field)
		if !f.IsValid() {
			return fmt.Errorf("没有字段“%s”", field)
		}
		if fmt.Sprint(f.Interface()) == want {
			out = append(out, v.Interface())
		}
		return nil
	})
	return out, err
}

// WithPrevious returns the items whose Previous is set.
func (Data) WithPrevious(list any) ([]any, error) {
	var out []any
	err := eachItem(list, func(v reflect.Value) error {
		f := itemField(v, "Previous")
		if f.IsValid() && !(f.Kind() == reflect.Pointer && f.IsNil()) && !(f.Kind() == reflect.Interface && f.IsNil()) {
			out = append(out, v.Interface())
		}
		return nil
	})
	return out, err
}

// Between returns the activities that take place, at least in part, within
// from..to (dates as 2024-03-30 text or model.Date).
func (Data) Between(from, to any, list any) ([]any, error) {
	f, err := itemDate(from)
	if err != nil {
		return nil, err
	}
	t, err := itemDate(to)
	if err != nil {
		return nil, err
	}
	var out []any
	err = eachItem(list, func(v reflect.Value) error {
		start, err := itemDate(itemField(v, "Date").Interface())
		if err != nil {
			return err
		}
		end := start
		if e := itemField(v, "EndDate"); e.IsValid() {
			if d, err := itemDate(e.Interface()); err == nil && !d.IsZero() {
				end = d
			}
		}
		if !end.Before(f) && !start.After(t) {
			out = append(out, v.Interface())
		}
		return nil
	})
	return out, err
}

func itemDate(v any) (model.Date, error) {
	switch d := v.(type) {
	case model.Date:
		return d, nil
	case string:
		return model.ParseDate(d)
	}
	return model.Date{}, fmt.Errorf("“%v”不是日期", v)
}

// each calls fn for every element of a slice, dereferencing pointers.
func eachItem(list any, fn func(reflect.Value) error) error {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return fmt.Errorf("需要一个列表，实际是 %T", list)
	}
	for i := range v.Len() {
		e := v.Index(i)
		for e.Kind() == reflect.Pointer || e.Kind() == reflect.Interface {
			e = e.Elem()
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// fieldOf reads a struct field or a map entry by name.
func itemField(v reflect.Value, name string) reflect.Value {
	switch v.Kind() {
	case reflect.Struct:
		return v.FieldByName(name)
	case reflect.Map:
		f := v.MapIndex(reflect.ValueOf(name))
		for f.IsValid() && f.Kind() == reflect.Interface && !f.IsNil() {
			f = f.Elem()
		}
		return f
	}
	return reflect.Value{}
}

func fieldNumber(v reflect.Value, field string) (decimal.Decimal, error) {
	if !v.IsValid() {
		return decimal.Zero, fmt.Errorf("没有字段“%s”", field)
	}
	switch x := v.Interface().(type) {
	case decimal.Decimal:
		return x, nil
	case *decimal.Decimal:
		if x == nil {
			return decimal.Zero, nil
		}
		return *x, nil
	case int:
		return decimal.NewFromInt(int64(x)), nil
	case int64:
		return decimal.NewFromInt(x), nil
	case float64:
		return decimal.NewFromString(fmt.Sprint(x))
	}
	return decimal.Zero, fmt.Errorf("字段“%s”不是数值", field)
}
