// Package book holds the workbook plumbing huibao's spreadsheets share:
// reproducible saving, Excel date serials, the display width of Chinese
// text, cell styles, and formulas that keep counting the rows a cadre
// inserts and compare figures as the prose does (formula.go), so that the
// appendix, the 汇总表 and the 填报表 agree on all of them.
package book

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/xml"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/huibao/huibao/engine/model"
	"github.com/xuri/excelize/v2"
)

// Props are the document properties stamped into a workbook.
type Props struct {
	Title   string
	Subject string
	Creator string     // the reporting union
	Date    model.Date // created and modified; the report's 成文日期
}

// Save writes f as a reproducible .xlsx: the document properties carry
// p.Date, every zip entry is stamped with it too, and the entries are written
// in a fixed order (excelize writes streamed sheets in map order). The same
// workbook content therefore always gives the same bytes.
func Save(f *excelize.File, p Props) ([]byte, error) {
	stamp := p.Date.Time()
	if p.Date.IsZero() {
		stamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	iso := stamp.Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          p.Title,
		Subject:        p.Subject,
		Creator:        p.Creator,
		LastModifiedBy: p.Creator,
		Created:        iso,
		Modified:       iso,
		Language:       "zh-CN",
	}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "huibao"}); err != nil {
		return nil, err
	}
	zw := &sortedZip{stamp: stamp}
	f.ZipWriter = func(w io.Writer) excelize.ZipWriter {
		zw.out = w
		return zw
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sortedZip collects the parts of a workbook, deflates each on a pool of
// workers as soon as excelize has written it (while excelize goes on
// marshalling the next), and writes them all on Close in a fixed order with
// a fixed time stamp.
type sortedZip struct {
	out     io.Writer
	stamp   time.Time
	entries []*entry
	work    chan *entry
	done    sync.WaitGroup
	errs    chan error
}

// entry is one part of the package. A small part is kept as written and
// deflated on a worker; a large one — the 活动台账 of a district's roll-up
// runs to a hundred megabytes of XML — is deflated as excelize writes it,
// so that only its compressed bytes are ever held. Deflate's output does not
// depend on how its input is cut into writes, so both ways give the same
// bytes.
type entry struct {
	name   string
	data   bytes.Buffer // as written, while small; emptied once deflated
	packed bytes.Buffer // data deflated
	crc    uint32
	size   int64 // uncompressed

	fw   *flate.Writer // while streaming
	hash hash.Hash32
}

// streamAbove is the size beyond which a part is deflated as it is written.
const streamAbove = 1 << 20

func (e *entry) Write(p []byte) (int, error) {
	if e.fw == nil && (e.data.Len()+len(p) <= streamAbove || e.name == "[Content_Types].xml") {
		return e.data.Write(p)
	}
	if e.fw == nil {
		e.fw = flatePool.Get().(*flate.Writer)
		e.fw.Reset(&e.packed)
		e.hash = crc32.NewIEEE()
		if _, err := e.stream(e.data.Bytes()); err != nil {
			return 0, err
		}
		e.data = bytes.Buffer{}
	}
	return e.stream(p)
}

func (e *entry) stream(p []byte) (int, error) {
	e.hash.Write(p)
	e.size += int64(len(p))
	return e.fw.Write(p)
}

// finish ends a part excelize is done with: a streamed one is closed here,
// a small one goes to the workers.
func (z *sortedZip) finish(e *entry) error {
	if e.fw == nil {
		z.work <- e
		return nil
	}
	err := e.fw.Close()
	flatePool.Put(e.fw)
	e.fw, e.crc = nil, e.hash.Sum32()
	return err
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.work == nil {
		z.start()
	}
	if n := len(z.entries); n > 0 {
		if err := z.finish(z.entries[n-1]); err != nil { // excelize is done with it
			return nil, err
		}
	}
	e := &entry{name: name}
	z.entries = append(z.entries, e)
	return e, nil
}

// start launches one deflating worker per core, at most four.
func (z *sortedZip) start() {
	workers := min(runtime.GOMAXPROCS(0), 4)
	z.work = make(chan *entry, 64)
	z.errs = make(chan error, workers)
	for range workers {
		z.done.Add(1)
		go func() {
			defer z.done.Done()
			fw := flatePool.Get().(*flate.Writer)
			defer flatePool.Put(fw)
			var first error
			for e := range z.work { // drain even after an error, so Create never blocks
				if err := deflate(fw, e); err != nil && first == nil {
					first = err
				}
			}
			z.errs <- first
		}()
	}
}

// deflate compresses one entry.
func deflate(fw *flate.Writer, e *entry) error {
	if e.name == "[Content_Types].xml" {
		// excelize lists image types from a map: put them in order.
		data, err := sortContentTypes(e.data.Bytes())
		if err != nil {
			return err
		}
		e.data.Reset()
		e.data.Write(data)
	}
	e.crc = crc32.ChecksumIEEE(e.data.Bytes())
	e.size = int64(e.data.Len())
	fw.Reset(&e.packed)
	if _, err := fw.Write(e.data.Bytes()); err != nil {
		return err
	}
	e.data = bytes.Buffer{}
	return fw.Close()
}

func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("book: AddFS is not supported")
}

// rank puts [Content_Types].xml first, as Office writes it; some tools sniff
// the first entry to recognise an OOXML package.
func rank(name string) int {
	if name == "[Content_Types].xml" {
		return 0
	}
	return 1
}

func (z *sortedZip) Close() error {
	if z.work == nil {
		z.start()
	}
	var last error
	if n := len(z.entries); n > 0 {
		last = z.finish(z.entries[n-1])
	}
	close(z.work)
	z.done.Wait()
	close(z.errs)
	for err := range z.errs {
		if err != nil {
			return err
		}
	}
	if last != nil {
		return last
	}
	slices.SortFunc(z.entries, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(rank(a.name), rank(b.name)), cmp.Compare(a.name, b.name))
	})
	if buf, ok := z.out.(*bytes.Buffer); ok {
		// The package's size, known now: a buffer grown by doubling holds
		// up to twice the 10 MB of a large workbook.
		n := 22 // the end of the central directory
		for _, e := range z.entries {
			n += e.packed.Len() + 30 + 46 + 2*len(e.name) + 64 // data, local and central headers, their extras
		}
		buf.Grow(n)
	}
	w := zip.NewWriter(z.out)
	date, clock := msDos(z.stamp)
	for _, e := range z.entries {
		fw, err := w.CreateRaw(&zip.FileHeader{
			//lint:ignore SA1019 CreateRaw writes the legacy date fields as given; it does not derive them from Modified.
			Name: e.name, Method: zip.Deflate, Modified: z.stamp, ModifiedDate: date, ModifiedTime: clock,
			CRC32: e.crc, CompressedSize64: uint64(e.packed.Len()), UncompressedSize64: uint64(e.size),
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(e.packed.Bytes()); err != nil {
			return err
		}
		e.packed = bytes.Buffer{} // in the package now
	}
	return w.Close()
}

// msDos is t as a zip entry's date and time fields: CreateRaw takes them as
// given. Zip dates start in 1980.
func msDos(t time.Time) (date, clock uint16) {
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// flatePool keeps deflate compressors between workbooks: each is a
// megabyte that would otherwise be allocated and cleared per workbook. It is
// a cache, not state: what Save writes never depends on it.
var flatePool = sync.Pool{New: func() any {
	fw, err := flate.NewWriter(io.Discard, flate.BestSpeed)
	if err != nil {
		panic(err) // only for an invalid level
	}
	return fw
}}

// contentTypes is [Content_Types].xml.
type contentTypes struct {
	XMLName   xml.Name          `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults  []contentDefault  `xml:"Default"`
	Overrides []contentOverride `xml:"Override"`
}

type contentDefault struct {
	XMLName     xml.Name `xml:"Default"`
	Extension   string   `xml:",attr"`
	ContentType string   `xml:",attr"`
}

type contentOverride struct {
	XMLName     xml.Name `xml:"Override"`
	PartName    string   `xml:",attr"`
	ContentType string   `xml:",attr"`
}

// sortContentTypes orders the entries of [Content_Types].xml by extension
// and part name.
func sortContentTypes(data []byte) ([]byte, error) {
	var ct contentTypes
	if err := xml.Unmarshal(data, &ct); err != nil {
		return nil, err
	}
	slices.SortFunc(ct.Defaults, func(a, b contentDefault) int { return cmp.Compare(a.Extension, b.Extension) })
	slices.SortFunc(ct.Overrides, func(a, b contentOverride) int { return cmp.Compare(a.PartName, b.PartName) })
	out, err := xml.Marshal(ct)
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}

// excelEpoch is day 0 of Excel's 1900 date system, as Excel counts from 1900-03-01
// on (it keeps Lotus's phantom 1900-02-29, serial 60).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// Serial returns the Excel serial number (1900 date system) of d; a
// month-precision date gives its first day.
func Serial(d model.Date) int {
	n := int(d.Time().Sub(excelEpoch).Hours() / 24)
	if n <= 60 { // January and February 1900: before Lotus's phantom leap day
		n--
	}
	return n
}

// FromSerial converts an Excel serial number to a date, dropping any time of
// day. date1904 selects the 1904 date system some Mac workbooks use. It
// reports false for serials that name no date (below 1, the phantom
// 1900-02-29, or beyond 9999-12-31).
func FromSerial(x float64, date1904 bool) (model.Date, bool) {
	if x != x || x < 0 || x >= 2958466 {
		return model.Date{}, false
	}
	n := int(x)
	if date1904 {
		n += 1462
	}
	switch {
	case n < 1, n == 60:
		return model.Date{}, false
	case n < 60:
		n++
	}
	return model.DateOf(excelEpoch.AddDate(0, 0, n)), true
}

// Close closes f, removing the temporary files excelize may have spilled
// large worksheets to; the error is of no use to a reader that is done.
func Close(f *excelize.File) { _ = f.Close() }
