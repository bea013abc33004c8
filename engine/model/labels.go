package model

import (
	"regexp"
)

// Labels gives the Chinese name of every input field, by field path with
// list indices left out (activities.date). Messages, the 填报表's headers and
// the loader's "did you mean" for Chinese keys all read it.
var Labels = map[string]string{
	"version":                            "格式版本",
	"org":                                "单位信息",
	"org.name":                           "单位名称",
	"org.type":                           "单位类型",
	"org.parent":                         "上级工会",
	"org.party":                          "同级党组织",
	"org.leader":                         "负责人",
	"org.leader.title":                   "职务",
	"org.leader.name":                    "姓名",
	"org.overview":                       "单位概况",
	"org.overview.name":                  "项目",
	"org.overview.value":                 "数值",
	"org.overview.unit":                  "单位",
	"period":                             "报告期间",
	"period.year":                        "年份",
	"period.span":                        "期间类型",
	"period.start":                       "开始日期",
	"period.end":                         "结束日期",
	"report":                             "报告信息",
	"report.template":                    "报告模板",
	"report.date":                        "成文日期",
	"report.title":                       "标题",
	"membership":                         "会员情况",
	"membership.members":                 "在册会员",
	"membership.dues_paying":             "缴费会员",
	"membership.dues_collected":          "收缴会费",
	"membership.new_members":             "新发展会员",
	"membership.previous":                "去年同期",
	"membership.previous.members":        "去年同期在册会员",
	"membership.previous.dues_paying":    "去年同期缴费会员",
	"membership.previous.dues_collected": "去年同期收缴会费",
	"indicators":                         "工作指标",
	"indicators.name":                    "指标名称",
	"indicators.value":                   "本期数值",
	"indicators.unit":                    "单位",
	"indicators.previous":                "去年同期",
	"indicators.category":                "类别",
	"activities":                         "活动",
	"activities.date":                    "日期",
	"activities.end_date":                "结束日期",
	"activities.title":                   "活动名称",
	"activities.category":                "类别",
	"activities.location":                "地点",
	"activities.participants":            "参加人数",
	"activities.content":                 "活动内容",
	"activities.result":                  "取得成效",
	"activities.cost":                    "经费",
	"activities.organizer":               "承办单位",
	"problems":                           "存在的问题",
	"plans":                              "工作计划",
	"plans.category":                     "类别",
	"plans.item":                         "工作事项",
	"plans.target":                       "目标",
	"plans.deadline":                     "完成时限",
}

var indices = regexp.MustCompile(`\[[0-9]+\]`)

// Label returns the Chinese name of a field path (indices are ignored), or "".
func Label(path string) string {
	return Labels[indices.ReplaceAllString(path, "")]
}
