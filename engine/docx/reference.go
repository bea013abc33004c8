package docx

import (
	_ "embed"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
)

//go:embed reference.md
var referenceSample []byte

// Reference returns a pandoc reference document (huibao init 公文参考.docx):
// the styles, page setup, footers and settings of Render's output, around
// a page that shows each style. pandoc takes the styles by ID (Title,
// Heading1, BodyText, Compact, Table) and the custom-style names of the
// Markdown's divs (落款, 称谓) by name, so
//
//	pandoc 报告.md --reference-doc 公文参考.docx -o 报告.docx
//
// gives the look of the Word file huibao writes itself.
func Reference(p *layout.Profile) ([]byte, error) {
	doc, err := markdown.Parse(referenceSample)
	if err != nil {
		return nil, err
	}
	return Render(doc, Options{Profile: p})
}
