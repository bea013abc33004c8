package docx

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// UnsupportedNodeError is Markdown the Word writer has no rendering for. It
// is an error, never dropped content.
type UnsupportedNodeError struct {
	Kind ast.NodeKind
	Line int // 1-based line in the Markdown source; 0 when unknown
}

func (e *UnsupportedNodeError) Error() string {
	what := map[string]string{"Image": "图片", "HTMLBlock": "HTML 块", "RawHTML": "HTML 标签"}[e.Kind.String()]
	if what == "" {
		what = e.Kind.String()
	}
	if e.Line > 0 {
		return fmt.Sprintf("%d: Word 文档不支持 Markdown 元素“%s”，请从模板中去掉它", e.Line, what)
	}
	return fmt.Sprintf("Word 文档不支持 Markdown 元素“%s”，请从模板中去掉它", what)
}
