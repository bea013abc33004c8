package markdown_test

import (
	"fmt"

	"github.com/yuin/goldmark/ast"

	"github.com/huibao/huibao/engine/markdown"
)

func ExampleParse() {
	src := []byte("---\ntitle: 柳背桥社区工会2024年上半年工作总结\nauthor: 柳背桥社区工会\nissued: 2024-07-05\nkeywords: [工作总结]\n---\n\n" +
		"# 一、主要工作\n\n今年3月30日，……\n\n::: {.signature}\n柳背桥社区工会\n\n2024年7月5日\n:::\n")
	doc, err := markdown.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Meta.Title, doc.Meta.Issued.Format("2006-01-02"), doc.Meta.Keywords)
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			fmt.Printf("heading %d: %s\n", n.Level, n.Lines().Value(doc.Body))
		case *markdown.Div:
			fmt.Printf("div %v with %d paragraphs\n", n.Classes, n.ChildCount())
		default:
			fmt.Println(n.Kind())
		}
	}
	// Output:
	// 柳背桥社区工会2024年上半年工作总结 2024-07-05 [工作总结]
	// heading 1: 一、主要工作
	// Paragraph
	// div [signature] with 2 paragraphs
}
