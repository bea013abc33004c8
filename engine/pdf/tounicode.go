package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// bfrangeWide matches a ToUnicode entry whose Unicode value has more than
// four hex digits: gopdf writes a character beyond U+FFFF (𠮷, U+20BB7) as
// <20BB7>, which readers take for the bytes 20 BB 70 and show as "₻".
var bfrangeWide = regexp.MustCompile(`(?m)^(<[0-9A-F]{4}><[0-9A-F]{4}>)<([0-9A-F]{5,6})>$`)

// fixToUnicode rewrites the ToUnicode entries of characters beyond U+FFFF
// as UTF-16 surrogate pairs (<D842DFB7>), as the PDF reference asks, so
// that they copy and search as themselves; it corrects the streams'
// /Length and the cross-reference table the longer entries move. A file
// without such characters is returned as it is.
func fixToUnicode(pdf []byte) ([]byte, error) {
	type edit struct {
		at, n int // replace pdf[at:at+n]
		with  []byte
	}
	var edits []edit
	for pos := 0; ; {
		i := bytes.Index(pdf[pos:], []byte("beginbfrange\n"))
		if i < 0 {
			break
		}
		start := pos + i
		j := bytes.Index(pdf[start:], []byte("endbfrange"))
		if j < 0 {
			return nil, fmt.Errorf("PDF 结构异常：ToUnicode 不完整")
		}
		end := start + j
		pos = end
		block := pdf[start:end]
		ms := bfrangeWide.FindAllSubmatchIndex(block, -1)
		if len(ms) == 0 {
			continue
		}
		delta := 0
		var local []edit
		for _, m := range ms {
			v, err := strconv.ParseUint(string(block[m[4]:m[5]]), 16, 32)
			if err != nil {
				return nil, err
			}
			hi, lo := utf16.EncodeRune(rune(v))
			with := fmt.Sprintf("%04X%04X", hi, lo)
			local = append(local, edit{at: start + m[4], n: m[5] - m[4], with: []byte(with)})
			delta += len(with) - (m[5] - m[4])
		}
		// The stream's /Length, written just before it.
		k := bytes.LastIndex(pdf[:start], []byte("/Length "))
		if k < 0 {
			return nil, fmt.Errorf("PDF 结构异常：ToUnicode 没有 /Length")
		}
		num := k + len("/Length ")
		e := num
		for e < len(pdf) && pdf[e] >= '0' && pdf[e] <= '9' {
			e++
		}
		n, err := strconv.Atoi(string(pdf[num:e]))
		if err != nil {
			return nil, fmt.Errorf("PDF 结构异常：ToUnicode 的 /Length 无效")
		}
		edits = append(edits, edit{at: num, n: e - num, with: []byte(strconv.Itoa(n + delta))})
		edits = append(edits, local...)
	}
	if len(edits) == 0 {
		return pdf, nil
	}
	shift := func(off int) int { // where an offset of the old file is in the new one
		d := 0
		for _, e := range edits {
			if e.at < off {
				d += len(e.with) - e.n
			}
		}
		return off + d
	}
	var b bytes.Buffer
	b.Grow(len(pdf) + 64)
	last := 0
	for _, e := range edits {
		b.Write(pdf[last:e.at])
		b.Write(e.with)
		last = e.at + e.n
	}
	b.Write(pdf[last:])
	out := b.Bytes()

	// The cross-reference table: every offset after an edit moves.
	i := bytes.LastIndex(out, []byte("startxref\n"))
	if i < 0 {
		return nil, fmt.Errorf("PDF 结构异常：没有 startxref")
	}
	rest := out[i+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, fmt.Errorf("PDF 结构异常：startxref 不完整")
	}
	old, err := strconv.Atoi(string(rest[:nl]))
	if err != nil {
		return nil, fmt.Errorf("PDF 结构异常：startxref 无效")
	}
	xref := shift(old)
	var count int
	if _, err := fmt.Sscanf(string(out[xref:min(len(out), xref+32)]), "xref\n0 %d\n", &count); err != nil {
		return nil, fmt.Errorf("PDF 结构异常：交叉引用表无法读取")
	}
	head := xref + len("xref\n0 \n") + len(strconv.Itoa(count))
	for k := 0; k < count; k++ {
		entry := out[head+20*k : head+20*k+20]
		if entry[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(entry[:10]))
		if err != nil {
			return nil, fmt.Errorf("PDF 结构异常：交叉引用表无法读取")
		}
		copy(entry, fmt.Sprintf("%010d", shift(off)))
	}
	tail := append([]byte(nil), out[:i+len("startxref\n")]...)
	tail = append(tail, strconv.Itoa(xref)...)
	return append(tail, rest[nl:]...), nil
}
