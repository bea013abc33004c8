package font

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var survey = flag.String("font.survey", "", "print the coverage of every TrueType face under this folder (go test ./engine/pdf/font -run TestSurvey -font.survey /usr/share/fonts -v)")

// level1 returns the 3,755 characters of GB 2312 level 1 (rows 16–55).
func level1() []rune {
	var out []rune
	dec := simplifiedchinese.GBK.NewDecoder()
	for row := 16; row <= 55; row++ {
		for cell := 1; cell <= 94; cell++ {
			if row == 55 && cell > 89 {
				break
			}
			s, err := dec.String(string([]byte{byte(0xA0 + row), byte(0xA0 + cell)}))
			if err != nil || len([]rune(s)) != 1 {
				continue
			}
			out = append(out, []rune(s)[0])
		}
	}
	return out
}

// docRunes are the marks and symbols a report sets besides the hanzi.
const docRunes = "，。、；：？！“”‘’（）《》【】—…·％～℃．０１２３４５６７８９"

func coverage(f *Face, rs []rune) int {
	n := 0
	for _, r := range rs {
		if f.Has(r) {
			n++
		}
	}
	return n
}

func TestLevel1(t *testing.T) {
	if n := len(level1()); n != 3755 {
		t.Errorf("GB 2312 level 1 has %d characters, want 3755", n)
	}
}

func TestSurvey(t *testing.T) {
	if *survey == "" {
		t.Skip("-font.survey not given")
	}
	l1 := level1()
	var ascii []rune
	for r := rune(0x21); r < 0x7F; r++ {
		ascii = append(ascii, r)
	}
	fmt.Printf("| 文件 | 面 | 一级字 %d | ASCII %d | 标点 %d | 𠮷 | 轮廓 |\n|---|---|--:|--:|--:|---|---|\n", len(l1), len(ascii), len([]rune(docRunes)))
	filepath.WalkDir(*survey, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".ttf" && ext != ".ttc" && ext != ".otf" {
			return nil
		}
		for idx := 0; idx < 4; idx++ {
			path := p
			if idx > 0 {
				path = fmt.Sprintf("%s#%d", p, idx)
			}
			f := newFace(path)
			if err := f.Load(); err != nil {
				if idx == 0 {
					fmt.Printf("| %s | | | | | | %v |\n", filepath.Base(p), err)
				}
				break
			}
			fmt.Printf("| %s | %d | %d | %d | %d | %v | glyf |\n", filepath.Base(p), idx, coverage(f, l1), coverage(f, ascii), coverage(f, []rune(docRunes)), f.Has('𠮷'))
			if ext != ".ttc" {
				break
			}
		}
		return nil
	})
}
