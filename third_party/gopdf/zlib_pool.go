package gopdf

import (
	"compress/zlib"
	"io"
	"sync"
)

// zlibWriters keeps zlib writers for reuse, one pool per level: a writer
// holds some 800 KB of tables, and a document makes one per page and per
// font.
var zlibWriters sync.Map // level → *sync.Pool

// getZlibWriter returns a zlib writer at level writing to w; put it back
// with putZlibWriter once closed.
func getZlibWriter(w io.Writer, level int) (*zlib.Writer, error) {
	p, _ := zlibWriters.LoadOrStore(level, &sync.Pool{})
	if zw, ok := p.(*sync.Pool).Get().(*zlib.Writer); ok {
		zw.Reset(w)
		return zw, nil
	}
	return zlib.NewWriterLevel(w, level)
}

func putZlibWriter(zw *zlib.Writer, level int) {
	if p, ok := zlibWriters.Load(level); ok {
		p.(*sync.Pool).Put(zw)
	}
}
