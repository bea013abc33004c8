package form_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/load"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/engine/validate"
	"github.com/huibao/huibao/internal/sample"
)

// webPos names a field the way a web form might: its section and path.
func webPos(path string) diag.Pos { return diag.Pos{File: "表单", Sheet: "网页", Cell: path} }

func readCells(values map[string]string, items map[string]int) (*model.Report, *diag.SourceMap, diag.List) {
	return form.ReadCells(form.Cells{File: "表单", Values: values, Items: items, Pos: webPos})
}

// TestCellsRoundTrip: every fixture, shown as cells and read back, is the
// report it was, and validates as it did.
func TestCellsRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*.yaml")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			r, _, probs := load.File(file)
			if r == nil || probs.Err() != nil {
				t.Fatalf("fixture does not load:\n%v", probs)
			}
			got, src, probs := readCells(form.CellsOf(r))
			if len(probs) > 0 {
				t.Fatalf("problems reading cells:\n%v", probs)
			}
			sameReport(t, r, got)
			if v := validate.Report(got, src); v.Err() != nil {
				t.Errorf("cells of a good fixture do not validate:\n%v", v)
			}
		})
	}
	r := sample.Large(40)
	got, _, probs := readCells(form.CellsOf(r))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	sameReport(t, r, got)
}

// TestCellsProblems: what is typed into a cell of the web form is read, and
// refused, in the words of the 填报表, at the position the editor gave.
func TestCellsProblems(t *testing.T) {
	values, items := form.CellsOf(sample.Liubeiqiao())
	values["membership.members"] = "152人"
	values["activities[3].participants"] = "二十"
	values["activities[4].date"] = "2024.13.5"
	values["activities[2].date"] = "3月30日" // the year from the period: accepted
	values["plans[1].deadline"] = "尽快"
	delete(values, "org.name")
	_, src, probs := readCells(values, items)
	want := `表单:网页!membership.members: 字段 membership.members：“152人”不是数字。在册会员只填整数，不带单位，如 152。
表单:网页!plans[1].deadline: 字段 plans[1].deadline：“尽快”不是日期。请写成 2024-03-30、2024.3.30、2024/3/30 或 2024年3月30日；完成时限可以只写到月，如 2024年12月。
表单:网页!activities[3].participants: 字段 activities[3].participants：“二十”不是数字。参加人数只填整数，不带单位，如 20。
表单:网页!activities[4].date: 字段 activities[4].date：日期“2024.13.5”不存在。请写成 2024-03-30、2024.3.30、2024/3/30 或 2024年3月30日。
`
	if got := messages(probs); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if p := src.Pos("org.name"); p.Cell != "org.name" {
		t.Errorf("an empty field's slot is %v, want the editor's position", p)
	}
	if !src.Invalid("membership.members") || src.Invalid("org.name") {
		t.Error("unreadable values must be marked invalid, and only they")
	}
	// Validation reports the missing name where the editor shows it, in
	// the 填报表's words.
	r, src, _ := readCells(values, items)
	v := messages(validate.Report(r, src))
	if !strings.Contains(v, "表单:网页!org.name: 字段 org.name：缺少单位名称。请在这一格填写，例如 柳背桥社区工会。") {
		t.Errorf("validation:\n%s", v)
	}
}

// TestCellsMembership: an untouched 会员情况 is not reported (a plan), one
// filled in part is checked.
func TestCellsMembership(t *testing.T) {
	base := map[string]string{"version": "1", "org.name": "长胜社区工会联合会", "org.type": "社区工会联合会",
		"period.year": "2025", "period.span": "全年"}
	r, src, probs := readCells(base, nil)
	if len(probs) > 0 || src.Has("membership") || r.Membership != (model.Membership{}) {
		t.Fatalf("empty membership: has=%v %+v %v", src.Has("membership"), r.Membership, probs)
	}
	base["membership.previous.members"] = "140"
	r, src, _ = readCells(base, nil)
	v := messages(validate.Report(r, src))
	for _, want := range []string{"字段 membership.members：缺少在册会员人数", "字段 membership.dues_paying：缺少缴费会员人数"} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q in:\n%s", want, v)
		}
	}
	delete(base, "membership.previous.members")
	r, _, _ = readCells(base, nil)
	values, _ := form.CellsOf(r)
	if _, ok := values["membership.members"]; ok {
		t.Error("CellsOf shows an unreported membership as zeros")
	}
}

// TestCellsOfBlankZero: an activity without beneficiaries or cost, and a
// period without new members, show empty cells, not 0 — a cadre reads a 0
// as something to fill in, and an unreported figure as reported.
func TestCellsOfBlankZero(t *testing.T) {
	r := sample.Liubeiqiao()
	r.Activities[0].Beneficiaries, r.Activities[0].Cost = 0, decimal.Zero
	r.Membership.NewMembers = 0
	values, _ := form.CellsOf(r)
	if _, ok := values["membership.members"]; !ok {
		t.Error("membership.members is not shown")
	}
	for _, p := range []string{"activities[1].beneficiaries", "activities[1].cost", "membership.new_members"} {
		if v, ok := values[p]; ok {
			t.Errorf("%s shows %q", p, v)
		}
	}
}

// TestSections: the sections are the 填报表's sheets, and every leaf field
// of the model is in exactly one place.
func TestSections(t *testing.T) {
	seen := map[string]string{}
	var sheets []string
	for _, s := range form.Sections() {
		sheets = append(sheets, s.Sheet)
		for _, field := range s.Fields {
			for _, f := range []*form.Field{&field, field.Previous} {
				if f == nil {
					continue
				}
				if prev, dup := seen[f.Path]; dup {
					t.Errorf("%s is in %s and %s", f.Path, prev, s.Sheet)
				}
				seen[f.Path] = s.Sheet
				if f.Label == "" || f.Kind == 0 {
					t.Errorf("%s: no label or kind", f.Path)
				}
			}
		}
	}
	for _, f := range model.Fields() {
		if (f.Kind.Leaf() || f.Kind == model.KindTextList) && seen[f.Path] == "" {
			t.Errorf("model field %s is in no section", f.Path)
		}
	}
	if got := fmt.Sprint(sheets); got != "[基本信息 会员情况 概况 工作指标 活动 问题 计划]" {
		t.Errorf("sheets: %s", got)
	}
}
