package pdf

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/huibao/huibao/engine/markdown"
)

// info is the PDF document information dictionary.
type info struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Date                                                time.Time // CreationDate and ModDate
}

func infoOf(m markdown.Meta) info {
	return info{Title: m.Title, Author: m.Author, Subject: m.Subject,
		Keywords: strings.Join(m.Keywords, "; "), Creator: "huibao", Producer: "huibao (gopdf)", Date: m.Issued}
}

// pdfText encodes s as a PDF text string: UTF-16BE with a byte-order mark.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// withInfo appends an information dictionary as a new indirect object and
// rewrites the cross-reference table and trailer after it. gopdf's own /Info
// has no Keywords nor ModDate and is written inline in the trailer.
//
// gopdf ends a file with "xref\n0 N\n" + N 20-byte entries + "trailer\n<<…>>\n
// startxref\nOFFSET\n%%EOF\n"; the objects before the xref keep their offsets.
func withInfo(pdf []byte, in info) ([]byte, error) {
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	if i < 0 {
		return nil, fmt.Errorf("PDF 结构异常：没有 startxref")
	}
	rest := pdf[i+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return nil, fmt.Errorf("PDF 结构异常：startxref 不完整")
	}
	xref, err := strconv.Atoi(string(rest[:end]))
	if err != nil || xref <= 0 || xref >= i {
		return nil, fmt.Errorf("PDF 结构异常：startxref 无效")
	}
	tab := pdf[xref:]
	var n int
	if _, err := fmt.Sscanf(string(tab[:min(len(tab), 32)]), "xref\n0 %d\n", &n); err != nil {
		return nil, fmt.Errorf("PDF 结构异常：交叉引用表无法读取")
	}
	head := len("xref\n0 \n") + len(strconv.Itoa(n))
	entries := tab[head : head+20*n]
	root := 1 // gopdf writes the catalog first

	obj := n // the new object's number
	var b bytes.Buffer
	b.Grow(len(pdf) + 1024)
	b.Write(pdf[:xref])
	infoAt := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<<\n", obj)
	for _, kv := range [][2]string{{"Title", in.Title}, {"Author", in.Author}, {"Subject", in.Subject},
		{"Keywords", in.Keywords}, {"Creator", in.Creator}, {"Producer", in.Producer}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "/%s %s\n", kv[0], pdfText(kv[1]))
		}
	}
	if !in.Date.IsZero() {
		d := in.Date.Format("20060102150405")
		fmt.Fprintf(&b, "/CreationDate (D:%s+08'00')\n/ModDate (D:%s+08'00')\n", d, d)
	}
	b.WriteString(">>\nendobj\n\n")
	newXref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n", n+1)
	b.Write(entries)
	fmt.Fprintf(&b, "%010d 00000 n \n", infoAt)
	sum := md5.Sum(b.Bytes())
	id := strings.ToUpper(hex.EncodeToString(sum[:]))
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [<%s> <%s>]\n>>\nstartxref\n%d\n%%%%EOF\n",
		n+1, root, obj, id, id, newXref)
	return b.Bytes(), nil
}
