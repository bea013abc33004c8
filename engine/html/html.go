// Package html writes a report as one self-contained HTML page: the same
// parsed document the PDF is set from, with the official look approximated
// in CSS (centred title, 黑体 and 楷体 headings, indented 仿宋 paragraphs,
// ruled tables, the signature set right). huibao serve shows it as the
// preview; `generate -f html` writes it for reading in a browser.
package html

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/huibao/huibao/engine/markdown"
)

// Render writes doc as an HTML page. Text from the input is escaped; raw
// HTML in the Markdown (there is none in a report) is left out, as
// goldmark does by default.
func Render(doc *markdown.Document) ([]byte, error) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, markdown.DivExtension()))
	var body bytes.Buffer
	if err := md.Renderer().Render(&body, doc.Body, doc.Root); err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	var out bytes.Buffer
	err := page.Execute(&out, struct {
		Meta       markdown.Meta
		TitleParts []string
		Body       template.HTML
	}{doc.Meta, titleParts(doc.Meta.Title, doc.Meta.Keywords), template.HTML(body.String())}) // goldmark escapes the text it renders
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	return out.Bytes(), nil
}

// titleParts cuts the title into the parts the keywords name — unit, period,
// document — so that a title too long for a line breaks between them, as
// the PDF's does, not inside a word (……工作 / 总结). A title the keywords
// do not spell out whole is one part.
func titleParts(title string, keywords []string) []string {
	if title == "" {
		return nil
	}
	var parts []string
	rest := title
	for _, k := range keywords {
		if k == "" || !strings.HasPrefix(rest, k) {
			break
		}
		parts, rest = append(parts, k), rest[len(k):]
	}
	if rest != "" {
		parts = append(parts, rest)
	}
	return parts
}

var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{with .Meta.Lang}}{{.}}{{else}}zh-CN{{end}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Meta.Title}}</title>
{{with .Meta.Author}}<meta name="author" content="{{.}}">
{{end}}<style>
body { margin: 0; background: #f3f3f3; color: #000; }
.page { box-sizing: border-box; max-width: 210mm; margin: 0 auto; padding: 28mm 24mm 30mm 26mm; background: #fff;
  font: 16pt/1.75 FangSong, "仿宋", "仿宋_GB2312", STFangsong, "AR PL UMing CN", serif; }
.title { margin: 0 0 1em; text-align: center; font: 22pt/1.5 "方正小标宋简体", "FZXiaoBiaoSong-B05S", SimSun, "宋体", STSong, serif; }
.title span { display: inline-block; }
h1, h2, h3, h4 { margin: 0; font-size: 16pt; line-height: 1.75; text-indent: 2em; }
h1 { font-family: SimHei, "黑体", STHeiti, sans-serif; font-weight: normal; }
h2 { font-family: KaiTi, "楷体", "楷体_GB2312", STKaiti, serif; font-weight: normal; }
h3 { font-weight: bold; }
h4 { font-weight: normal; }
p { margin: 0; text-indent: 2em; text-align: justify; }
ul, ol { margin: 0; padding-left: 4em; }
table { border-collapse: collapse; margin: .5em auto; font-size: 12pt; line-height: 1.5; }
th, td { border: 1px solid #000; padding: .2em .5em; }
th { font-family: SimHei, "黑体", sans-serif; font-weight: normal; }
.salutation p { text-indent: 0; }
.signature { margin-top: 2em; text-align: right; padding-right: 4em; }
.signature p { text-indent: 0; text-align: right; }
@media print { body { background: #fff; } .page { padding: 0; max-width: none; } }
/* Narrow windows (a preview pane) show the page smaller, so that lines
   break about where the PDF's do. */
@media screen and (max-width: 820px) { .page { zoom: .75; } }
@media screen and (max-width: 640px) { .page { zoom: .62; } }
@media screen and (max-width: 520px) { .page { zoom: .5; } }
</style>
</head>
<body>
<article class="page">
{{with .TitleParts}}<div class="title">{{range .}}<span>{{.}}</span>{{end}}</div>
{{end}}{{.Body}}</article>
</body>
</html>
`))
