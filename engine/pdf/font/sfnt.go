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

// trueTypeFace finds the face at index in a font file: the offset of its
// table directory, 0 for a .ttf. It refuses CFF outlines. The tables are
// read in place (a collection's table offsets count from the file's start),
// so nothing is copied.
func trueTypeFace(data []byte, index int) (dir int, err error) {
	if len(data) < 12 {
		return 0, fmt.Errorf("太短，不是字体文件")
	}
	switch tag := binary.BigEndian.Uint32(data); tag {
	case tagTrueType, tagTrue:
		if index != 0 {
			return 0, fmt.Errorf("不是字体集（.ttc），不能选第 %d 个字体", index)
		}
		return 0, nil
	case tagOTTO:
		return 0, fmt.Errorf("是 CFF 轮廓的 OpenType 字体。%s", cffHint)
	case tagTTCF:
		n := int(binary.BigEndian.Uint32(data[8:]))
		if n <= 0 || 12+4*n > len(data) {
			return 0, fmt.Errorf("字体集（.ttc）的头部已损坏")
		}
		if index < 0 || index >= n {
			return 0, fmt.Errorf("是含 %d 个字体的字体集（.ttc），没有第 %d 个（从 0 数起）", n, index)
		}
		off := int(binary.BigEndian.Uint32(data[12+4*index:]))
		if off < 0 || off+12 > len(data) {
			return 0, fmt.Errorf("字体表目录越界，文件已损坏")
		}
		switch binary.BigEndian.Uint32(data[off:]) {
		case tagTrueType, tagTrue:
		case tagOTTO:
			return 0, fmt.Errorf("中的这个字体是 CFF 轮廓。%s", cffHint)
		default:
			return 0, fmt.Errorf("中的字体表目录无法识别，文件已损坏")
		}
		return off, nil
	}
	return 0, fmt.Errorf("不是 TrueType 字体（.ttf 或 .ttc）")
}
