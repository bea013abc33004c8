package form_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/internal/golden"
	"github.com/huibao/huibao/internal/office"
	"github.com/huibao/huibao/internal/sample"
)

// TestPages prints the empty and the filled 填报表 through LibreOffice and
// reads the pages back: one page a sheet, every header, the example rows,
// page numbers. With -images DIR it writes the pages as PNG.
func TestPages(t *testing.T) {
	dir := t.TempDir()
	o, err := office.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	empty, err := form.WriteForm(nil)
	if err != nil {
		t.Fatal(err)
	}
	filled, err := form.WriteForm(sample.Liubeiqiao())
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"empty": empty, "filled": filled} {
		src := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(src, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pdf := o.PrintPDF(t, src)
		text := office.Text(t, pdf)
		pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
		if len(pages) < 8 || len(pages) > 9 {
			t.Errorf("%s: %d pages, want one a sheet (填表说明 may take two)", name, len(pages))
		}
		for _, want := range []string{"填表说明", "单位名称", "在册会员", "指标名称", "活动名称", "存在的问题", "完成时限", "工会组长培训", "例：柳背桥社区工会"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no page shows %q", name, want)
			}
		}
		for i, p := range pages {
			if !strings.Contains(p, fmt.Sprintf("第 %d 页，共 %d 页", i+1, len(pages))) {
				t.Errorf("%s: page %d has no page number", name, i+1)
			}
		}
		if name == "filled" && !strings.Contains(text, "4509.50") {
			t.Errorf("filled: 会费 not shown as 4509.50")
		}
		if golden.Images() != "" {
			for i, png := range office.PagePNGs(t, pdf, 70) {
				if name == "filled" && i == 0 {
					continue // 填表说明 is the same in both
				}
				data, _ := os.ReadFile(png)
				if err := os.WriteFile(filepath.Join(golden.Images(), fmt.Sprintf("xlsx-form-%s-%d.png", name, i+1)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestExcelTypedResaved: the 填报表 as Excel stores typed values
// (percentages, months, serial dates, text numbers, Alt+Enter), saved again
// by LibreOffice — which rewrites every number format in its own words —
// reads as it did before.
func TestExcelTypedResaved(t *testing.T) {
	// A Chinese cadre's LibreOffice: the East Asian built-in formats (57,
	// 年月) are read in its language.
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	dir := t.TempDir()
	o, err := office.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "x.xlsx")
	if err := os.WriteFile(src, excelTyped(t), 0o644); err != nil {
		t.Fatal(err)
	}
	resaved := o.Recalc(t, src)
	data, err := os.ReadFile(resaved)
	if err != nil {
		t.Fatal(err)
	}
	r, _, probs := form.ReadForm("x.xlsx", data)
	checkExcelTyped(t, r, probs)
}
