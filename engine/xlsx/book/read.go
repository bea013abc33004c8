package book

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Reading a workbook is done here rather than by excelize, whose reader
// expands every row of a worksheet to the rightmost cell of the sheet when
// it loads one (a value at column XFD costs 3.6 MB a row) and reads a sheet
// it cannot parse as an empty one. This reader streams each worksheet's XML,
// keeps only the cells within the columns and rows asked for, and reports
// any part it cannot read — a truncated or corrupt sheet, one with a DTD —
// as an error of that sheet.

// ErrNotWorkbook and its kin are returned by Open; their messages are for the cadre.
var (
	ErrNotWorkbook = errors.New("文件不是 Excel 工作簿（.xlsx）")
	ErrOldFormat   = errors.New("文件是旧版 Excel 97-2003 格式（.xls）或设有打开密码")
	ErrTooLarge    = errors.New("工作簿过大")
	// ErrStrings is a workbook whose shared string table — the text of
	// every sheet — cannot be read.
	ErrStrings = errors.New("工作簿里的文字（共享字符串表 xl/sharedStrings.xml）")
)

// Limits bound what Open will unpack, so that a hostile or broken file
// cannot exhaust memory: a 填报表 is a few hundred kilobytes.
const (
	MaxFileSize  = 32 << 20  // bytes of the .xlsx itself
	MaxUnzipSize = 128 << 20 // bytes of all parts unpacked
	MaxXMLSize   = 16 << 20  // bytes of one worksheet or the shared strings unpacked
	MaxParts     = 10_000    // entries of the zip
	MaxStrings   = 500_000   // shared strings
	MaxMerges    = 10_000    // merged ranges of one sheet
)

// Workbook is a workbook opened for reading: its sheets' names in workbook
// order, its date system, and the sheets themselves, read one at a time.
type Workbook struct {
	Sheets   []string // names, in workbook order
	Date1904 bool     // dates count from 1904 (some Mac workbooks)

	zr      *zip.Reader
	parts   map[string]*zip.File
	targets map[string]string // sheet name → part
	sst     []string
	sstErr  error
	sstRead bool
	xfs     []int          // number format id of each cell style
	fmts    map[int]string // custom number formats by id
}

// Open reads a workbook's structure defensively: size limits on the file
// and on what it unpacks to, and errors that say in Chinese what the file
// is instead. The sheets are read by Sheet.
func Open(data []byte) (*Workbook, error) {
	if len(data) > MaxFileSize {
		// Tenths of a megabyte, rounded up: a file just over the limit
		// must not read as equal to it.
		tenths := (len(data)*10 + 1<<20 - 1) >> 20
		return nil, fmt.Errorf("%w：文件有 %d.%d MB，上限 %d MB", ErrTooLarge, tenths/10, tenths%10, MaxFileSize>>20)
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, ErrOldFormat
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, ErrNotWorkbook
	}
	if n, ok := zipEntries(data); !ok {
		return nil, ErrNotWorkbook
	} else if n > MaxParts {
		return nil, fmt.Errorf("%w：压缩包里有 %d 个部件", ErrTooLarge, n)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrNotWorkbook
	}
	// The unpacked size is checked from the zip's directory; each part is
	// also read through a limit, in case the directory understates it.
	var total uint64
	wb := &Workbook{zr: zr, parts: map[string]*zip.File{}, targets: map[string]string{}}
	for _, f := range zr.File {
		total += f.UncompressedSize64
		wb.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	if total > MaxUnzipSize {
		return nil, fmt.Errorf("%w：解压后超过 %d MB", ErrTooLarge, MaxUnzipSize>>20)
	}
	if err := wb.structure(); err != nil {
		return nil, err
	}
	if _, err := wb.sharedStrings(); err != nil {
		return nil, fmt.Errorf("%w%s", ErrStrings, reason(err))
	}
	wb.styles()
	return wb, nil
}

// zipEntries reads the entry count from the zip's end-of-directory record,
// before archive/zip allocates a header for each.
func zipEntries(data []byte) (int, bool) {
	const eocdLen = 22
	lo := max(0, len(data)-eocdLen-0xFFFF)
	i := bytes.LastIndex(data[lo:], []byte("PK\x05\x06"))
	if i < 0 || lo+i+eocdLen > len(data) {
		return 0, false
	}
	rec := data[lo+i:]
	n := int(binary.LittleEndian.Uint16(rec[10:12]))
	if n == 0xFFFF { // zip64: the count is elsewhere; no workbook needs that many
		return MaxParts + 1, true
	}
	return n, true
}

// structure reads the workbook part: the sheets, in order, with the parts
// they are in, and the date system.
func (wb *Workbook) structure() error {
	main := "xl/workbook.xml"
	if rels, err := wb.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				main = r.target
			}
		}
	}
	dir := path.Dir(main)
	rels, err := wb.rels(path.Join(dir, "_rels", path.Base(main)+".rels"), dir)
	if err != nil {
		return ErrNotWorkbook
	}
	byID := map[string]string{}
	for _, r := range rels {
		byID[r.id] = r.target
	}
	err = wb.scan(main, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "workbookPr":
			v := attr(se, "date1904")
			wb.Date1904 = v == "1" || v == "true"
		case "sheet":
			name, id := attr(se, "name"), ""
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
			if name == "" {
				return errors.New("a sheet without a name")
			}
			if _, dup := wb.targets[name]; !dup {
				wb.Sheets = append(wb.Sheets, name)
			}
			wb.targets[name] = byID[id]
		}
		return nil
	})
	if err != nil {
		return ErrNotWorkbook
	}
	return nil
}

type rel struct{ id, typ, target string }

// rels reads a relationships part; targets are resolved against dir.
func (wb *Workbook) rels(name, dir string) ([]rel, error) {
	var out []rel
	err := wb.scan(name, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "Relationship" {
			t := attr(se, "Target")
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join(dir, t)
			}
			out = append(out, rel{id: attr(se, "Id"), typ: attr(se, "Type"), target: t})
		}
		return nil
	})
	return out, err
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// errMissing is a part the workbook lacks.
var errMissing = errors.New("part missing")

// scan streams a part's XML, calling f for each start element. A DTD, a
// part over MaxXMLSize or XML that does not parse is an error.
func (wb *Workbook) scan(name string, f func(*xml.Decoder, xml.StartElement) error) error {
	zf := wb.parts[name]
	if zf == nil {
		return errMissing
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	lr := &limitedReader{r: rc, n: MaxXMLSize}
	d := xml.NewDecoder(lr)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if lr.over {
				return errTooBig
			}
			return err
		}
		switch t := tok.(type) {
		case xml.Directive:
			return errDTD
		case xml.StartElement:
			if err := f(d, t); err != nil {
				if lr.over {
					// The limit was reached inside an element (a huge
					// cell): the part is too big, not damaged.
					return errTooBig
				}
				return err
			}
		}
	}
}

var (
	errDTD    = errors.New("DTD")
	errTooBig = errors.New("part too big")
)

// limitedReader fails once more than n bytes are read.
type limitedReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		l.over = true
		return 0, errTooBig
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// Limits bound what Sheet keeps of a worksheet.
type Limits struct {
	Cols int // columns read, from A; at most 64
	Rows int // rows read, from 1
}

// Sheet is what was read of one worksheet: the values of the cells within
// the limits, as a cadre sees them stored (raw: numbers as stored, dates as
// serials, shared and inline strings as text), and its merged ranges.
type Sheet struct {
	Name string
	// Rows holds the values by 0-based row and column, up to the last row
	// with a value; a row ends at its last cell with a value.
	Rows   [][]string
	Merges []Range
	// Beyond is the first cell with a value right of Limits.Cols (row by
	// row), Below the first below Limits.Rows; "" when there is none.
	Beyond, Below string

	numbers []uint64  // by row: bit c set when column c holds a number cell
	styles  [][]int32 // by row and column: the cell's style; nil for a row without styled values
}

// Range is a merged range, as written in the sheet: A8:C8.
type Range struct{ First, Last string }

// Style is the style of the cell at 0-based row and column (0 when plain),
// for Workbook.NumFormat.
func (s *Sheet) Style(row, col int) int {
	if row < 0 || row >= len(s.styles) || col < 0 || col >= len(s.styles[row]) {
		return 0
	}
	return int(s.styles[row][col])
}

// IsNumber reports whether the cell at 0-based row and column holds a number
// (a cell without a type, or of type n), as opposed to text.
func (s *Sheet) IsNumber(row, col int) bool {
	return row >= 0 && row < len(s.numbers) && col >= 0 && col < 64 && s.numbers[row]&(1<<col) != 0
}

// SheetError is a worksheet that could not be read; Reason is Chinese.
type SheetError struct {
	Sheet  string
	Reason string
}

func (e *SheetError) Error() string { return fmt.Sprintf("工作表“%s”%s", e.Sheet, e.Reason) }

// Sheet reads the named worksheet within the limits.
func (wb *Workbook) Sheet(name string, lim Limits) (*Sheet, error) {
	lim.Cols = min(max(lim.Cols, 1), 64)
	lim.Rows = max(lim.Rows, 1)
	target, ok := wb.targets[name]
	if !ok {
		return nil, &SheetError{name, "不存在"}
	}
	fail := func(err error) error {
		var se *SheetError
		if errors.As(err, &se) {
			return err
		}
		return &SheetError{name, reason(err)}
	}
	sst, _ := wb.sharedStrings() // read by Open
	var err error
	s := &Sheet{Name: name}
	row := 0 // 1-based row of the <row> being read
	err = wb.scan(target, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "row":
			if r := attr(se, "r"); r != "" {
				n, err := strconv.Atoi(r)
				if err != nil || n < 1 || n > 1<<20 {
					return fmt.Errorf("row %q", r)
				}
				row = n
			} else {
				row++
			}
			return s.readRow(d, se, row, sst, lim)
		case "mergeCell":
			if len(s.Merges) >= MaxMerges {
				return &SheetError{name, fmt.Sprintf("的合并单元格超过 %d 处，无法读取", MaxMerges)}
			}
			first, last, _ := strings.Cut(attr(se, "ref"), ":")
			if last == "" {
				last = first
			}
			if _, _, ok := cellRef(first); !ok {
				return fmt.Errorf("merge %q", first)
			}
			if _, _, ok := cellRef(last); !ok {
				return fmt.Errorf("merge %q", last)
			}
			s.Merges = append(s.Merges, Range{first, last})
		}
		return nil
	})
	if err != nil {
		return nil, fail(err)
	}
	return s, nil
}

// reason says in Chinese why a part could not be read, as the end of a
// sentence naming the part.
func reason(err error) string {
	switch {
	case errors.Is(err, errMissing):
		return "在文件里找不到（文件不完整）"
	case errors.Is(err, errDTD):
		return "含有文档类型定义（DTD），Excel 和 WPS 不会这样保存，不予读取"
	case errors.Is(err, errTooBig):
		return fmt.Sprintf("解压后超过 %d MB，不予读取", MaxXMLSize>>20)
	}
	return "已损坏（" + damage(err) + "），无法读取"
}

// damage names the kind of damage.
func damage(err error) string {
	if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "压缩数据不完整或校验不符"
	}
	return "内容不是完整的表格数据"
}

// readRow reads the cells of one <row> element.
func (s *Sheet) readRow(d *xml.Decoder, start xml.StartElement, row int, sst []string, lim Limits) error {
	col := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "row" {
				return nil
			}
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			if r := attr(t, "r"); r != "" {
				c, _, ok := cellRef(r)
				if !ok {
					return fmt.Errorf("cell %q", r)
				}
				col = c
			} else {
				col++
			}
			style, _ := strconv.Atoi(attr(t, "s"))
			v, number, err := cellValue(d, t, sst)
			if err != nil {
				return err
			}
			if v == "" {
				continue
			}
			ref := cellName(col, row)
			switch {
			case row > lim.Rows:
				if s.Below == "" {
					s.Below = ref
				}
			case col > lim.Cols:
				if s.Beyond == "" {
					s.Beyond = ref
				}
			default:
				s.set(row-1, col-1, v, number, style)
			}
		}
	}
}

func (s *Sheet) set(r, c int, v string, number bool, style int) {
	for len(s.Rows) <= r {
		s.Rows = append(s.Rows, nil)
		s.numbers = append(s.numbers, 0)
		s.styles = append(s.styles, nil)
	}
	if style > 0 && style < 1<<31 {
		st := s.styles[r]
		for len(st) <= c {
			st = append(st, 0)
		}
		st[c] = int32(style)
		s.styles[r] = st
	}
	row := s.Rows[r]
	for len(row) <= c {
		row = append(row, "")
	}
	row[c] = v
	s.Rows[r] = row
	if number {
		s.numbers[r] |= 1 << c
	}
}

// cellValue reads a <c> element: its raw value, and whether it is a number
// cell.
func cellValue(d *xml.Decoder, c xml.StartElement, sst []string) (string, bool, error) {
	typ := attr(c, "t")
	var v, inline strings.Builder
	inIS := false
	for depth := 0; ; {
		tok, err := d.Token()
		if err != nil {
			return "", false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "v":
				if err := text(d, &v); err != nil {
					return "", false, err
				}
				depth--
			case "is":
				inIS = true
			case "t":
				if inIS {
					if err := text(d, &inline); err != nil {
						return "", false, err
					}
					depth--
				}
			case "rPh", "f", "extLst":
				if err := d.Skip(); err != nil {
					return "", false, err
				}
				depth--
			}
		case xml.EndElement:
			if depth == 0 {
				switch typ {
				case "s":
					i, err := strconv.Atoi(strings.TrimSpace(v.String()))
					if v.Len() == 0 {
						return "", false, nil
					}
					if err != nil || i < 0 || i >= len(sst) {
						return "", false, fmt.Errorf("shared string %q", v.String())
					}
					return sst[i], false, nil
				case "inlineStr":
					return Unescape(inline.String()), false, nil
				case "", "n":
					return v.String(), true, nil
				}
				return v.String(), false, nil
			}
			depth--
			if t.Name.Local == "is" {
				inIS = false
			}
		}
	}
}

// text appends the character data of the element just started, up to its
// end, to b.
func text(d *xml.Decoder, b *strings.Builder) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if b.Len()+len(t) > MaxXMLSize {
				return errTooBig
			}
			b.Write(t)
		case xml.StartElement:
			if err := d.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// sharedStrings reads the shared string table once.
func (wb *Workbook) sharedStrings() ([]string, error) {
	if wb.sstRead {
		return wb.sst, wb.sstErr
	}
	wb.sstRead = true
	name := "xl/sharedStrings.xml"
	if rels, err := wb.rels("xl/_rels/workbook.xml.rels", "xl"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/sharedStrings") {
				name = r.target
			}
		}
	}
	if wb.parts[name] == nil {
		return nil, nil // a workbook without text
	}
	wb.sstErr = wb.scan(name, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local != "si" {
			return nil
		}
		if len(wb.sst) >= MaxStrings {
			return errTooBig
		}
		var b strings.Builder
		if err := siText(d, &b); err != nil {
			return err
		}
		wb.sst = append(wb.sst, Unescape(b.String()))
		return nil
	})
	if wb.sstErr != nil {
		wb.sst = nil
	}
	return wb.sst, wb.sstErr
}

// siText appends the text of a shared string item — its <t>, and the <t>
// of its rich-text runs, but not phonetic guides (<rPh>) — up to its end.
func siText(d *xml.Decoder, b *strings.Builder) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				if err := text(d, b); err != nil {
					return err
				}
			case "r":
			default:
				if err := d.Skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "si" {
				return nil
			}
		}
	}
}

// styles reads the number format of each cell style from the styles part.
// A workbook whose styles cannot be read is read without them: every cell
// then shows its value plainly.
func (wb *Workbook) styles() {
	name := "xl/styles.xml"
	if rels, err := wb.rels("xl/_rels/workbook.xml.rels", "xl"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/styles") {
				name = r.target
			}
		}
	}
	var xfs []int
	fmts := map[int]string{}
	inXfs := false
	err := wb.scan(name, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(se, "numFmtId")); err == nil && len(fmts) < MaxStrings {
				fmts[id] = attr(se, "formatCode")
			}
		case "cellXfs":
			inXfs = true
			return nil
		case "cellStyleXfs", "dxfs":
			inXfs = false
		case "xf":
			if inXfs && len(xfs) < MaxStrings {
				id, _ := strconv.Atoi(attr(se, "numFmtId"))
				xfs = append(xfs, id)
			}
		}
		return nil
	})
	if err == nil {
		wb.xfs, wb.fmts = xfs, fmts
	}
}

// NumFormat is the number format of a cell style: the id of a built-in
// format and "", or the code of a custom one (ids from 164).
func (wb *Workbook) NumFormat(style int) (id int, code string) {
	if style < 0 || style >= len(wb.xfs) {
		return 0, ""
	}
	id = wb.xfs[style]
	if c, ok := wb.fmts[id]; ok && id >= 164 {
		return id, c
	}
	return id, ""
}

// Unescape decodes the _xHHHH_ escapes OOXML uses for characters XML cannot
// hold (_x000D_ for a carriage return); _x005F_ stands for the underscore.
func Unescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				if r := rune(n); utf8.ValidRune(r) {
					b.WriteRune(r)
				} else {
					b.WriteRune(utf8.RuneError)
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// cellRef parses an A1 reference into its 1-based column and row.
func cellRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && i < 3 && (ref[i]|0x20) >= 'a' && (ref[i]|0x20) <= 'z' {
		col = col*26 + int(ref[i]|0x20-'a'+1)
		i++
	}
	if i == 0 || col > 16384 || i == len(ref) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > 1<<20 {
		return 0, 0, false
	}
	return col, row, true
}

// cellName writes a 1-based column and row as an A1 reference.
func cellName(col, row int) string {
	var letters []byte
	for col > 0 {
		col--
		letters = append([]byte{byte('A' + col%26)}, letters...)
		col /= 26
	}
	return string(letters) + strconv.Itoa(row)
}

// ParseRef parses an A1 reference into a 0-based column and row.
func ParseRef(ref string) (col, row int, ok bool) {
	c, r, ok := cellRef(ref)
	return c - 1, r - 1, ok
}
