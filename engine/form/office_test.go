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

// TestLibreOffice runs the 填报表's checks that need a spreadsheet program
// through one LibreOffice, which takes seconds to start:
//
//   - pages: the empty and the filled 填报表, and a 多单位填报表, printed and
//     read back: one page a sheet, every header, the example rows, page
//     numbers (with -images DIR, the pages as PNG);
//   - resaved: the 填报表 as Excel stores typed values (percentages,
//     months, serial dates, text numbers, Alt+Enter), saved again by
//     LibreOffice — which rewrites every number format in its own words —
//     reads as it did before.
//
// LibreOffice runs as a Chinese cadre's does: the East Asian built-in
// number formats (57, 年月) are read in its language.
func TestLibreOffice(t *testing.T) {
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
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
	units, err := form.WriteUnits(street(t))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	out := o.Run(t,
		office.Job{Src: write("empty", empty), PDF: true},
		office.Job{Src: write("filled", filled), PDF: true},
		office.Job{Src: write("units", units), PDF: true},
		office.Job{Src: write("x", excelTyped(t)), XLSX: true},
	)

	t.Run("pages", func(t *testing.T) {
		for _, name := range []string{"empty", "filled", "units"} {
			pdf := filepath.Join(out, name+".pdf")
			text := office.Text(t, pdf)
			pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
			if len(pages) < 8 || len(pages) > 10 {
				t.Errorf("%s: %d pages, want one a sheet (填表说明 may take two)", name, len(pages))
			}
			want := []string{"填表说明", "单位名称", "在册会员", "指标名称", "活动名称", "存在的问题", "完成时限", "工会组长培训"}
			if name == "units" {
				want = append(want, "多单位", "某某社区工会", "柳背桥社区工会", "白家巷社区工会")
			} else {
				want = append(want, "例：柳背桥社区工会")
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s: no page shows %q", name, w)
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
			if golden.Images() == "" {
				continue
			}
			for i, png := range office.PagePNGs(t, pdf, 70) {
				if name != "empty" && i == 0 {
					continue // 填表说明 is much the same in all
				}
				if name == "units" && i > 3 {
					continue // 基本信息, 多单位 and 工作指标 show what differs
				}
				data, _ := os.ReadFile(png)
				if err := os.WriteFile(filepath.Join(golden.Images(), fmt.Sprintf("xlsx-form-%s-%d.png", name, i+1)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	})

	t.Run("resaved", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(out, "x.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		r, _, probs := form.ReadForm("x.xlsx", data)
		checkExcelTyped(t, r, probs)
	})
}
