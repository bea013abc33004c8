package model

import (
	"slices"
	"strings"
)

// categories is the closed list of activity and plan categories. Its order
// is the order of sections in reports; extend it with care, since templates
// and the 填报表's dropdowns follow it.
var categories = []string{
	"组织建设", "学习培训", "维权服务", "帮扶救助", "就业服务", "文体活动",
	"劳动竞赛", "女职工工作", "共建共治", "安全生产", "自身建设",
}

// Categories lists the activity and plan categories in canonical order: the
// order of sections in reports.
func Categories() []string { return slices.Clone(categories) }

// CategoryIndex returns the position of c in Categories, or -1.
func CategoryIndex(c string) int { return slices.Index(categories, c) }

// orgTypes lists the kinds of union huibao writes for.
var orgTypes = []string{
	"社区工会", "社区工会联合会", "街道工会", "街道总工会", "镇工会", "乡镇工会",
	"企业工会", "机关工会", "事业单位工会", "行业工会", "区域工会联合会", "楼宇工会",
}

// OrgTypes lists the kinds of union huibao writes for; another type is
// allowed, with a warning.
func OrgTypes() []string { return slices.Clone(orgTypes) }

// UnitKind groups units by how they are written and summed.
type UnitKind int

const (
	Count    UnitKind = iota // 人, 户, 次: whole numbers of things
	Money                    // 元, 万元
	Quantity                 // 平方公里, 小时: quantities that may be fractional
	Ratio                    // %
)

// Unit is a measure word or unit a figure may carry.
type Unit struct {
	Name string
	Kind UnitKind
}

// units is the closed list of units indicators, overview facts and plans may
// use. A unit not listed here is a validation error, because a typo in a unit
// ("人次次") would be printed into every sentence quoting the figure.
var units = []Unit{
	{"人", Count}, {"人次", Count}, {"名", Count}, {"户", Count}, {"家", Count},
	{"个", Count}, {"次", Count}, {"期", Count}, {"件", Count}, {"项", Count},
	{"场", Count}, {"份", Count}, {"本", Count}, {"册", Count}, {"条", Count},
	{"篇", Count}, {"起", Count}, {"幢", Count}, {"栋", Count}, {"支", Count},
	{"所", Count}, {"套", Count}, {"台", Count}, {"批", Count}, {"队", Count},
	{"处", Count}, {"间", Count}, {"场次", Count}, {"课时", Count}, {"万人次", Count},
	{"辆", Count}, {"张", Count}, {"箱", Count}, {"袋", Count}, {"盒", Count},
	{"棵", Count}, {"株", Count}, {"块", Count}, {"面", Count}, {"幅", Count},
	{"元", Money}, {"万元", Money},
	{"平方公里", Quantity}, {"平方米", Quantity}, {"公里", Quantity}, {"小时", Quantity},
	{"天", Quantity}, {"吨", Quantity}, {"亩", Quantity}, {"公顷", Quantity},
	{"千克", Quantity}, {"公斤", Quantity}, {"毫升", Quantity}, {"升", Quantity},
	{"%", Ratio},
}

// Whole reports whether figures in the unit must be whole numbers: counts
// must, except scaled counts such as 万人次 (1.2万人次).
func (u Unit) Whole() bool {
	return u.Kind == Count && !strings.HasPrefix(u.Name, "万")
}

// Units lists the units figures may carry, in table order.
func Units() []Unit { return slices.Clone(units) }

// LookupUnit finds a unit by name.
func LookupUnit(name string) (Unit, bool) {
	i := slices.IndexFunc(units, func(u Unit) bool { return u.Name == name })
	if i < 0 {
		return Unit{}, false
	}
	return units[i], true
}

// UnitNames lists the unit names in table order.
func UnitNames() []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Name
	}
	return out
}
