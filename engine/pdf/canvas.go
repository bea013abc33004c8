package pdf

import (
	"fmt"
	"strings"

	"github.com/huibao/huibao/engine/pdf/font"
)

// Canvas is what a laid-out document is drawn on. Coordinates are points
// from the top-left corner of the page; y of Text is the baseline.
type Canvas interface {
	// AddPage starts a new page; every page is A4 portrait.
	AddPage() error
	// Text draws s in face at size with its left edge at x, adding tracking
	// points after every glyph (PDF Tc).
	Text(face *font.Face, size, x, y, tracking float64, s string) error
	// Line strokes a straight rule of the given width.
	Line(x1, y1, x2, y2, width float64) error
}

// Recorder is a Canvas that writes what it is asked to draw as text, one
// operation a line, for golden tests:
//
//	page 1
//	font gbsn00lp 16
//	text (79.4,118.9) tc -0.21 '柳背桥社区工会在社区党委的…'
type Recorder struct {
	b     strings.Builder
	pages int
	face  *font.Face
	size  float64
}

// AddPage implements Canvas.
func (r *Recorder) AddPage() error {
	r.pages++
	r.face = nil
	fmt.Fprintf(&r.b, "page %d\n", r.pages)
	return nil
}

// Text implements Canvas.
func (r *Recorder) Text(face *font.Face, size, x, y, tracking float64, s string) error {
	if face != r.face || size != r.size {
		fmt.Fprintf(&r.b, "font %s %g\n", face.Name, size)
		r.face, r.size = face, size
	}
	fmt.Fprintf(&r.b, "text (%.1f,%.1f) tc %.2f '%s'\n", x, y, tracking, s)
	return nil
}

// Line implements Canvas.
func (r *Recorder) Line(x1, y1, x2, y2, width float64) error {
	fmt.Fprintf(&r.b, "line (%.1f,%.1f)-(%.1f,%.1f) w %.2f\n", x1, y1, x2, y2, width)
	return nil
}

// String returns the recording.
func (r *Recorder) String() string { return r.b.String() }
