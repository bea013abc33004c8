package diag

import (
	"fmt"
	"testing"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

func TestSuggest(t *testing.T) {
	cats := []string{"组织建设", "学习培训", "文体活动", "女职工工作"}
	keys := []string{"version", "org", "period", "report", "membership", "indicators", "activities", "problems", "plans"}
	tests := []struct {
		in   string
		cand []string
		want string
	}{
		{"文体", cats, "文体活动"},
		{"女职工", cats, "女职工工作"},
		{"学习培训活动", cats, "学习培训"},
		{"活动", cats, "文体活动"},
		{"体育", cats, ""},
		{"actvities", keys, "activities"},
		{"Activities", keys, "activities"},
		{"memberships", keys, "membership"},
		{"plan", keys, "plans"},
		{"foo", keys, ""},
		{"人次次", []string{"人", "人次", "户"}, "人次"},
		{"", keys, ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.in, tt.cand); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Pos: Pos{File: "a.yaml", Line: 3, Col: 5}, Path: "membership.dues_paying", Msg: "缴费会员多于在册会员", Hint: "请核对"},
			"a.yaml:3:5: 字段 membership.dues_paying：缴费会员多于在册会员。请核对。"},
		{Problem{Pos: Pos{File: "b.xlsx", Sheet: "活动", Cell: "C7"}, Path: "activities[5].date", Msg: "日期不对。"},
			"b.xlsx:活动!C7: 字段 activities[5].date：日期不对。"},
		{Problem{Pos: Pos{File: "c.yaml"}, Msg: "文件是 GBK 编码", Severity: Warning},
			"c.yaml: 提醒：文件是 GBK 编码。"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestSortAndSourceMap(t *testing.T) {
	var l List
	l.Add(Pos{File: "a", Line: 9, Col: 1}, "x", "m", "")
	l.Add(Pos{File: "a", Line: 2, Col: 7}, "y", "m", "")
	l.Add(Pos{File: "a", Sheet: "活动", Cell: "C10"}, "z", "m", "")
	l.Add(Pos{File: "a", Sheet: "活动", Cell: "B9"}, "w", "m", "")
	l.Warn(Pos{File: "a", Line: 1}, "v", "m", "")
	l.Sort()
	var order []string
	for _, p := range l {
		order = append(order, p.Path)
	}
	if got := fmtList(order); got != "v y x w z" {
		t.Errorf("order %s", got)
	}
	if len(l.Errors()) != 4 || len(l.Warnings()) != 1 {
		t.Errorf("errors/warnings split wrong")
	}
	m := NewSourceMap("f.yaml")
	m.Set("activities", Pos{File: "f.yaml", Line: 10, Col: 1})
	m.Set("activities[2]", Pos{File: "f.yaml", Line: 14, Col: 5})
	if got := m.Pos("activities[2].date"); got.Line != 14 {
		t.Errorf("parent lookup: %v", got)
	}
	if got := m.Pos("plans[1].item"); got.Line != 0 || got.File != "f.yaml" {
		t.Errorf("fallback: %v", got)
	}
	if !m.Has("activities[2]") || m.Has("activities[2].date") {
		t.Errorf("Has")
	}
}

func fmtList(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func ExampleShowPath() {
	fmt.Println(ShowPath("柳背桥.yaml"))
	fmt.Println(ShowPath("\xc1\xf8\xb1\xb3\xc7\xc5.yaml")) // 柳背桥 in GBK
	fmt.Println(ShowPath("\xc0.json"))
	// Output:
	// 柳背桥.yaml
	// 柳背桥.yaml
	// �.json
}
