package engine_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/model"
)

// FuzzValidateMeansGenerate: whatever text a cadre types into whichever
// field, if Prepare accepts the report — validation passed — Render makes
// every format of every built-in template it suits, and never blames the
// template for the data.
func FuzzValidateMeansGenerate(f *testing.F) {
	eng, err := engine.New(engine.Options{})
	if err != nil {
		f.Fatal(err)
	}
	base, err := eng.Prepare(engine.Request{Path: "../fixtures/liubeiqiao-2024-h1.yaml", Check: engine.DataOnly})
	if err != nil {
		f.Fatal(err)
	}
	var paths []string
	for tx := range model.Texts(base.Report) {
		if tx.Value != "" {
			paths = append(paths, tx.Path)
		}
	}
	templates := []string{"half-year-summary", "h1-summary-h2-plan", "briefing", "annual-plan"}
	for k, s := range []string{
		"# 假标题", "第一行\n# 第二行\n\n- 第三行", "红星机械(集团)有限公司", "推荐|就业", "[点击](javascript:alert(1))", "![](/etc/passwd)",
		"<b>x</b>", "::: {.x}", "1.", "（一）", "一、", "XX", "{{ .Org.Name }}", "%!", "100%", "无", "，开头", "结尾。", "，，",
		"a\\", "\\", "*", "_", "`", "---", "> 引用", "2024-03-30", "3.5万元", "(1)", "A.", "中文 English, 混排", "。", "?", "!",
	} {
		f.Add(s, uint8(k*7), uint8(k)) // each text into another field and template
	}
	f.Fuzz(func(t *testing.T, s string, field, tmpl uint8) {
		path := paths[int(field)%len(paths)]
		r := model.MapTexts(base.Report, func(p, v string) string {
			if p == path {
				return s
			}
			return v
		})
		j, err := eng.Prepare(engine.Request{Report: r, Template: templates[int(tmpl)%len(templates)], Formats: []string{"md", "docx", "xlsx", "html"}})
		if err != nil {
			return // refused, with its reasons: validate says so too
		}
		if _, err := eng.Render(j); err != nil {
			t.Fatalf("%s = %q passed validation but the report failed: %v\n%s", path, s, err, engine.Problems(err))
		}
	})
}

// TestNoFontIsOutputError: a machine without a Chinese font cannot make
// the PDF; that is the machine's problem (an output error, saying what to
// install), never the template's nor the input's, and the formats that
// need no font are still made.
func TestNoFontIsOutputError(t *testing.T) {
	eng, err := engine.New(engine.Options{Fonts: engine.FontConfig{NoSystem: true}})
	if err != nil {
		t.Fatal(err)
	}
	for _, formats := range [][]string{{"pdf"}, {"md", "docx", "xlsx"}} {
		j, err := eng.Prepare(engine.Request{Path: "../fixtures/liubeiqiao-2024-h1.yaml", Formats: formats})
		if err == nil {
			_, err = eng.Render(j)
		}
		var e *engine.Error
		switch {
		case formats[0] == "pdf" && (!errors.As(err, &e) || e.Kind != engine.OutputError || !strings.Contains(err.Error(), "没有找到可用于“标题”的中文字体")):
			t.Errorf("pdf without fonts: %v", err)
		case formats[0] != "pdf" && err != nil:
			t.Errorf("%v without fonts: %v", formats, err)
		}
	}
}
