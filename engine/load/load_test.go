package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/huibao/huibao/engine/diag"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

const base = `version: 1
org: {name: 测试社区工会, type: 社区工会}
period: {year: 2024, span: H1}
membership: {members: 10, dues_paying: 8, dues_collected: 240.50}
`

func TestDecodeValues(t *testing.T) {
	r, src, probs := Bytes("a.yaml", []byte(base+`
indicators:
  - {name: 推荐就业, value: 5, unit: 人次, previous: 3}
  - {name: 辖区面积, value: 0.32, unit: 平方公里}
activities:
  - date: 2023-12-22
    end_date: 2024-01-21
    title: "  义务巡逻  "
    category: 共建共治
    content: |
      第一行
      第二行
plans:
  - {category: 组织建设, item: 建会, deadline: 2024-12}
`))
	if len(probs) != 0 {
		t.Fatalf("unexpected problems:\n%v", probs)
	}
	if got := r.Membership.DuesCollected.String(); got != "240.5" {
		t.Errorf("dues = %s", got)
	}
	if r.Indicators[0].Previous == nil || r.Indicators[0].Previous.String() != "3" || r.Indicators[1].Previous != nil {
		t.Errorf("previous: %+v", r.Indicators)
	}
	if got := r.Indicators[1].Value.String(); got != "0.32" {
		t.Errorf("value = %s", got)
	}
	a := r.Activities[0]
	if a.Date.String() != "2023-12-22" || a.EndDate.String() != "2024-01-21" || a.Title != "义务巡逻" || a.Content != "第一行\n第二行" {
		t.Errorf("activity: %+v", a)
	}
	if d := r.Plans[0].Deadline; d.HasDay() || d.String() != "2024-12" {
		t.Errorf("deadline %v", d)
	}
	for path, want := range map[string]diag.Pos{
		"org.name":               {File: "a.yaml", Line: 2, Col: 13},
		"indicators[2].value":    {File: "a.yaml", Line: 8, Col: 25},
		"activities[1]":          {File: "a.yaml", Line: 10, Col: 5},
		"activities[1].title":    {File: "a.yaml", Line: 12, Col: 12},
		"plans[1].deadline":      {File: "a.yaml", Line: 18, Col: 42},
		"membership.dues_paying": {File: "a.yaml", Line: 4, Col: 40},
	} {
		if got := src.Pos(path); got != want {
			t.Errorf("Pos(%s) = %v, want %v", path, got, want)
		}
	}
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // each a full problem line, in order
	}{
		{"unknown key with suggestion", base + "actvities: []\n",
			[]string{"a.yaml:5:1: 字段 actvities：顶层没有“actvities”这个字段。是不是“activities”（活动）？这一级可写的字段有：version、org、period、report、membership、indicators、activities、problems、plans。"}},
		{"nested unknown key", strings.Replace(base, "type: 社区工会", "typ: 社区工会", 1),
			[]string{"a.yaml:2:21: 字段 org.typ：org 下没有“typ”这个字段。是不是“type”（单位类型）？这一级可写的字段有：name、type、parent、party、leader、overview。"}},
		{"quoted number", strings.Replace(base, "members: 10", `members: "10"`, 1),
			[]string{"a.yaml:4:23: 字段 membership.members：应为整数，实际是文字“10”。数字不要加引号，如 152。"}},
		{"fraction for count", strings.Replace(base, "members: 10", `members: 10.5`, 1),
			[]string{"a.yaml:4:23: 字段 membership.members：应为整数，实际是小数 10.5。人数、户数、次数等只能是整数。"}},
		{"unit in number", strings.Replace(base, "240.50", `240.50元`, 1),
			[]string{"a.yaml:4:59: 字段 membership.dues_collected：应为数字，实际是文字“240.50元”。只填数字，不要带单位，如 4509.50。"}},
		{"thousands separator", strings.Replace(base, "240.50", `"4,509.50"`, 1),
			[]string{"a.yaml:4:59: 字段 membership.dues_collected：应为数字，实际是文字“4,509.50”。数字中不要加千分位逗号，如 4509.50。"}},
		{"hex is not a count", strings.Replace(base, "members: 10", `members: 0x1F`, 1),
			[]string{"a.yaml:4:23: 字段 membership.members：应为整数，实际是数字 0x1F。请填写一个数，如 152。"}},
		{"impossible date", base + "activities:\n  - {date: 2024-02-30, title: x, category: 文体活动}\n",
			[]string{"a.yaml:6:12: 字段 activities[1].date：“2024-02-30”不是有效日期：2024年2月没有30日。请核对这个日期。"}},
		{"slashed date", base + "activities:\n  - {date: 2024/3/30, title: x, category: 文体活动}\n",
			[]string{"a.yaml:6:12: 字段 activities[1].date：“2024/3/30”不是日期，或写法不对。日期写成 2024-03-30 的形式（只到月份时写 2024-12）。"}},
		{"scalar for list", base + "problems: 会员参与不够\n",
			[]string{"a.yaml:5:11: 字段 problems：应为列表，实际是文字“会员参与不够”。列表的每一项另起一行，以“- ”开头。"}},
		{"list for text", strings.Replace(base, "name: 测试社区工会", "name: [a, b]", 1),
			[]string{"a.yaml:2:13: 字段 org.name：应为一段文字，实际是一个列表。"}},
		{"duplicate key", base + "version: 1\n",
			[]string{"a.yaml:5:1: 字段 version：字段重复：第1行已经写过“version”。请删去其中一处，只保留正确的值。"}},
		{"alias", base + "x: &a 1\n",
			[]string{"a.yaml:5:1: 字段 x：顶层没有“x”这个字段。这一级可写的字段有：version、org、period、report、membership、indicators、activities、problems、plans。"}},
		{"tab", base + "problems:\n\t- x\n",
			[]string{"a.yaml:6:1: 格式错误：这里有制表符（Tab）。缩进只能用空格，不能用 Tab 键。"}},
		{"two documents", base + "---\nversion: 1\n",
			[]string{"a.yaml:6:1: 文件里有不止一份数据（出现了第二个“---”分隔的文档）。一个文件只写一份数据。"}},
		{"comments only", "# 只有注释\n", []string{"a.yaml: 文件里只有注释，没有数据。可以用 huibao init 生成一份带说明的样例来填写。"}},
		{"empty", "", []string{"a.yaml: 文件是空的。可以用 huibao init 生成一份带说明的样例来填写。"}},
		{"not a map", "- a\n- b\n", []string{"a.yaml:1:1: 应为一组“名称: 值”，实际是一个列表。可写的字段有：version、org、period、report、membership、indicators、activities、problems、plans。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, probs := Bytes("a.yaml", []byte(tt.src))
			var got []string
			for _, p := range probs {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestJSON(t *testing.T) {
	src := "{\n\t\"version\": 1,\n\t\"org\": {\"name\": \"测试社区工会\", \"type\": \"社区工会\"},\n\t\"period\": {\"year\": 2024, \"span\": \"H1\"},\n\t\"membership\": {\"members\": 10, \"dues_paying\": \"8\", \"dues_collected\": 240.5}\n}\n"
	r, _, probs := Bytes("a.json", []byte(src))
	if r == nil || r.Org.Name != "测试社区工会" {
		t.Fatalf("report not read: %v", probs)
	}
	if len(probs) != 1 || probs[0].Error() != "a.json:5:47: 字段 membership.dues_paying：应为整数，实际是文字“8”。数字不要加引号，如 139。" {
		t.Errorf("problems: %v", probs)
	}
}

func TestEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(base))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(base))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string // the single problem, or "" for none
	}{
		{"utf8", []byte(base), ""},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, base...), ""},
		{"utf16 bom", utf16, ""},
		{"gbk", gbk, "a.yaml: 提醒：文件是 GBK（国标）编码，已按 GBK 读取。建议用记事本或 VS Code 另存为“UTF-8”编码，以免其他软件读错。"},
		{"garbage", append([]byte("version: 1\norg: "), 0xFF, 0xFE, 0x80, 0x81, 0xFF), "a.yaml:2:6: 文件不是 UTF-8 编码，也不是 GBK 编码，无法读取其中的文字。请用记事本或 VS Code 打开后另存为“UTF-8”编码。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _, probs := Bytes("a.yaml", tt.data)
			got := ""
			if len(probs) > 0 {
				got = probs.Error()
			}
			if got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if tt.want == "" || strings.Contains(tt.want, "提醒") {
				if r == nil || r.Org.Name != "测试社区工会" {
					t.Errorf("name not decoded: %+v", r)
				}
			}
		})
	}
}

func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ path, want string }{
		{filepath.Join(dir, "missing.yaml"), "文件不存在"},
		{dir + "/x.txt", "不认识的文件类型“.txt”"},
	}
	os.WriteFile(dir+"/x.txt", []byte("a"), 0o644)
	for _, tt := range tests {
		_, _, probs := File(tt.path)
		if len(probs) != 1 || !strings.Contains(probs[0].Msg, tt.want) {
			t.Errorf("%s: %v", tt.path, probs)
		}
	}
}

// FuzzLoad feeds arbitrary bytes to the YAML and JSON loaders: they must
// never panic, every problem must be positioned inside the file, and a
// returned report must come with a source map.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(base), "a.yaml")
	f.Add([]byte(base+"activities:\n  - {date: 2024-03-30, title: x, category: 文体活动, cost: 1.5}\n"), "a.yaml")
	f.Add([]byte(`{"version": 1, "org": {"name": "x"}, "plans": [{"deadline": "2024-12"}]}`), "a.json")
	f.Add([]byte("version: 1\norg: &a {name: x}\nperiod: *a\n"), "a.yaml")
	f.Add([]byte("- [\n"), "a.yaml")
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00}, "a.yaml")
	if b, err := os.ReadFile("../../fixtures/liubeiqiao-2024-h1.yaml"); err == nil {
		f.Add(b, "a.yaml")
	}
	hostile, _ := filepath.Glob("../../fixtures/hostile/*.yaml")
	for _, h := range hostile {
		if b, err := os.ReadFile(h); err == nil {
			f.Add(b, "a.yaml")
		}
	}
	f.Add([]byte("a: [{b: [{c: [{d: [{e: x}]}]}]}]\n- - - - - - - - - - - - - - - - - - x\n"), "a.yaml")
	f.Add([]byte("a: |\n  [[[[[[[[[[[[[[[[[[[[\n  - - - - - - - - - - - - - - - - - - -\nb: '[[[[[[[[[[[[[[[[[[[[[['\n"), "a.yaml")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		if !strings.HasSuffix(name, ".json") {
			name = "a.yaml"
		}
		r, src, probs := Bytes(name, data)
		if r != nil && src == nil {
			t.Fatal("report without source map")
		}
		// YAML breaks lines at \n, \r\n and a lone \r (old Mac files).
		lines := bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n")) + bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\r")) + 1
		for _, p := range probs {
			if p.Pos.Line > lines+1 {
				t.Fatalf("problem beyond the end of the file (%d lines): %v", lines, p)
			}
			if !utf8.ValidString(p.Error()) {
				t.Fatalf("problem text is not UTF-8: %q", p.Error())
			}
		}
	})
}

// TestDirective: a %YAML directive before the document says which YAML
// the file is written in; it is not a second document, and the data after
// it is read.
func TestDirective(t *testing.T) {
	r, src, probs := Bytes("a.yaml", []byte("%YAML 1.2\n---\n"+base))
	if len(probs) != 0 || r == nil || r.Version != 1 || r.Org.Name == "" {
		t.Fatalf("report %+v, problems:\n%v", r, probs)
	}
	if got := src.Pos("version"); got.Line != 3 {
		t.Errorf("version at %v, want line 3", got)
	}
}
