package font

import (
	"encoding/binary"
	"fmt"
)

// Container formats told apart by their first four bytes.
const (
	tagTrueType = 0x00010000
	tagTrue     = 0x74727565 // 'true': old Mac TrueType
	tagOTTO     = 0x4f54544f // 'OTTO': CFF outlines
	tagTTCF     = 0x74746366 // 'ttcf': collection
)

// trueTypeFace returns a standalone TrueType font from data: the data itself
// for a .ttf, the face at index for a collection. It refuses CFF outlines.
func trueTypeFace(data []byte, index int) ([]byte, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("太短，不是字体文件")
	}
	switch tag := binary.BigEndian.Uint32(data); tag {
	case tagTrueType, tagTrue:
		if index != 0 {
			return nil, fmt.Errorf("不是字体集（.ttc），不能选第 %d 个字体", index)
		}
		if tag == tagTrue {
			return extractFace(data, 0)
		}
		return data, nil
	case tagOTTO:
		return nil, fmt.Errorf("是 CFF 轮廓的 OpenType 字体。%s", cffHint)
	case tagTTCF:
		n := int(binary.BigEndian.Uint32(data[8:]))
		if n <= 0 || 12+4*n > len(data) {
			return nil, fmt.Errorf("字体集（.ttc）的头部已损坏")
		}
		if index < 0 || index >= n {
			return nil, fmt.Errorf("是含 %d 个字体的字体集（.ttc），没有第 %d 个（从 0 数起）", n, index)
		}
		off := int(binary.BigEndian.Uint32(data[12+4*index:]))
		return extractFace(data, off)
	}
	return nil, fmt.Errorf("不是 TrueType 字体（.ttf 或 .ttc）")
}

// extractFace copies the tables of the offset table at off into a new
// standalone TrueType file, with the version set to 0x00010000 as gopdf wants.
func extractFace(data []byte, off int) ([]byte, error) {
	if off < 0 || off+12 > len(data) {
		return nil, fmt.Errorf("字体表目录越界，文件已损坏")
	}
	switch binary.BigEndian.Uint32(data[off:]) {
	case tagTrueType, tagTrue:
	case tagOTTO:
		return nil, fmt.Errorf("中的这个字体是 CFF 轮廓。%s", cffHint)
	default:
		return nil, fmt.Errorf("中的字体表目录无法识别，文件已损坏")
	}
	numTables := int(binary.BigEndian.Uint16(data[off+4:]))
	dir := off + 12
	if numTables == 0 || dir+16*numTables > len(data) {
		return nil, fmt.Errorf("字体表目录越界，文件已损坏")
	}
	size := 12 + 16*numTables
	for i := 0; i < numTables; i++ {
		rec := data[dir+16*i:]
		o, l := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		if o+l > int64(len(data)) {
			return nil, fmt.Errorf("字体表 %q 越界，文件已损坏", rec[:4])
		}
		size += int(l+3) &^ 3
	}
	out := make([]byte, 12+16*numTables, size)
	copy(out, data[off:off+12])
	binary.BigEndian.PutUint32(out, tagTrueType)
	for i := 0; i < numTables; i++ {
		rec := data[dir+16*i : dir+16*i+16]
		o, l := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		dst := out[12+16*i:]
		copy(dst[:16], rec)
		binary.BigEndian.PutUint32(dst[8:], uint32(len(out)))
		out = append(out, data[o:o+l]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}
