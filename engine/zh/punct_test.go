package zh

import (
	"reflect"
	"testing"
)

func TestPunct(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// From the seeds, typed with half-width marks.
		{"柳背桥社区工会在社区党委的直接领导下,经过一年的努力,成绩可喜。", "柳背桥社区工会在社区党委的直接领导下，经过一年的努力，成绩可喜。"},
		{"(一)进一步完善了社区工会制度和职责", "（一）进一步完善了社区工会制度和职责"},
		{"一、今年社区工会主要开展了以下工作:", "一、今年社区工会主要开展了以下工作："},
		{"截止6月底,共发刑事案件31起;", "截止6月底，共发刑事案件31起；"},
		{"深入学习了《工会法》、《职代会条例》等,为", "深入学习了《工会法》、《职代会条例》等，为"},
		{"打造“文明和谐社区”,使", "打造“文明和谐社区”，使"},
		{"收费4509.50元,特专款", "收费4509.50元，特专款"},
		{"居民18639人,占", "居民18639人，占"},
		{"你好吗?好!", "你好吗？好！"},
		{"(1)组织建设", "（1）组织建设"},
		{"会员(member)参加", "会员（member）参加"},
		{"使用Excel(电子表格)", "使用Excel（电子表格）"},
		{"中(a),b", "中（a），b"},
		{"时间:12:30,地点:南湖", "时间：12:30，地点：南湖"},
		{"电话:8888", "电话：8888"},
		{"比例1:500,较好", "比例1:500，较好"},
		{"人 , 参加", "人，参加"},
		{"人， 参加", "人，参加"},
		{"人 ，参加", "人，参加"},
		{"（ 一 ）", "（一）"},
		{"**主要做法**:", "**主要做法**："},
		{"**1**,**2**", "**1**,**2**"},
		// Left alone.
		{"4,509.50元", "4,509.50元"},
		{"3.5小时", "3.5小时"},
		{"日期2024-03-30。", "日期2024-03-30。"},
		{"Hello, world!", "Hello, world!"},
		{"f(x),y", "f(x),y"},
		{"12:30", "12:30"},
		{"见https://www.gov.cn/a?b=1,c=2", "见https://www.gov.cn/a?b=1,c=2"},
		{"见https://x.cn/a?b=1,请查看", "见https://x.cn/a?b=1，请查看"},
		{"网址www.acftu.org,欢迎", "网址www.acftu.org，欢迎"},
		{"见[说明](https://x.cn/a(b)),好", "见[说明](https://x.cn/a(b))，好"},
		{"命令`a,b(c)`中,文", "命令`a,b(c)`中，文"},
		{"好![图](a.png)", "好![图](a.png)"},
		{"  缩进, 不动", "  缩进，不动"},
		{"行尾，  \n下一行", "行尾，  \n下一行"},
		{"第一行,\n(第二行)", "第一行，\n（第二行）"},
		{"", ""},
		{"纯中文没有标点", "纯中文没有标点"},
	} {
		if got := Punct(tc.in); got != tc.want {
			t.Errorf("Punct(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
		if got := Punct(Punct(tc.in)); got != Punct(tc.in) {
			t.Errorf("Punct not idempotent on %q: %q", tc.in, got)
		}
	}
}

func TestCheckPunct(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []PunctIssue
	}{
		{"共计152人,参加", []PunctIssue{{Offset: 12, Kind: HalfWidth, Text: ",", Want: "，"}}},
		{"人，，参加。。", []PunctIssue{{Offset: 3, Kind: Doubled, Text: "，，"}, {Offset: 15, Kind: Doubled, Text: "。。"}}},
		{"成绩可喜，。", []PunctIssue{{Offset: 12, Kind: Doubled, Text: "，。"}}},
		{"人， ，参加", []PunctIssue{{Offset: 3, Kind: Doubled, Text: "，，"}}},
		{"人,，参加", []PunctIssue{{Offset: 3, Kind: HalfWidth, Text: ",", Want: "，"}, {Offset: 3, Kind: Doubled, Text: "，，"}}},
		{"真的吗？！", nil},
		{"句号。\n，", nil},
		{"Hello, world!", nil},
		{"4,509.50元", nil},
		{"工作：（一）", nil},
	} {
		got := CheckPunct(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("CheckPunct(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
		}
	}
}

func TestPunctIssueMessage(t *testing.T) {
	for _, tc := range []struct {
		p    PunctIssue
		want string
	}{
		{PunctIssue{Kind: HalfWidth, Text: ",", Want: "，"}, "中文里用了半角标点“,”，应为“，”"},
		{PunctIssue{Kind: Doubled, Text: "，。"}, "标点重复：“，。”"},
	} {
		if got := tc.p.Message(); got != tc.want {
			t.Errorf("Message() = %q, want %q", got, tc.want)
		}
	}
}

func TestClause(t *testing.T) {
	for in, want := range map[string]string{
		"收到了很好的效果。":    "收到了很好的效果",
		" 会员参与不够; ":    "会员参与不够",
		"效果很好！。":       "效果很好",
		"为“文明社区”而努力":   "为“文明社区”而努力",
		"共计3,500.50元。": "共计3,500.50元",
		"":             "",
		"。":            "",
		"参与不够，主要是：":    "参与不够，主要是",
	} {
		if got := Clause(in); got != want {
			t.Errorf("Clause(%q) = %q, want %q", in, got, want)
		}
	}
}
