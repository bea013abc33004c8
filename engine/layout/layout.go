// Package layout names the page layouts a report can be set in and gives
// their geometry: the character grid on A4 that the PDF writer draws and
// the Word writer declares. A template's manifest chooses one by name
// (layout: official), --layout overrides it, and every writer receives
// the same *Profile from the engine.
package layout

import (
	"fmt"
	"slices"
	"strings"
)

// Name is a layout's name as manifests and --layout write it.
type Name string

const (
	// Official is the GB/T 9704-2012 official-document layout, the default.
	Official Name = "official"
	// Compact is a denser layout for internal drafts.
	Compact Name = "compact"
)

// Names lists the layouts in the order help texts show them.
func Names() []Name { return []Name{Official, Compact} }

// Valid reports whether n names a layout.
func (n Name) Valid() bool { return slices.Contains(Names(), n) }

// Chinese describes the layout for messages: official（公文版式）.
func (n Name) Chinese() string {
	switch n {
	case Official:
		return "公文版式"
	case Compact:
		return "紧凑版式"
	}
	return string(n)
}

const mm = 72 / 25.4 // points per millimetre

// Profile is a page layout: a character grid on A4. Lengths are in points.
type Profile struct {
	Name          Name
	PageW, PageH  float64 // pt
	Left, Top     float64 // type area origin, pt
	Cols, Rows    int     // characters per line, lines per page
	AreaW, AreaH  float64 // type area, pt
	BodySize      float64 // pt
	TitleSize     float64
	TableSize     float64
	PageNumSize   float64
	PageNumGap    float64 // from the type area's bottom to the page number's dashes (一字线)
	TableLineRate float64 // line height in tables, as a multiple of TableSize
	// TableMinSize is the smallest size a table steps down to, by half
	// points from TableSize, before its text columns break anywhere.
	TableMinSize float64
}

// Pitch is the character pitch: AreaW / Cols.
func (p *Profile) Pitch() float64 { return p.AreaW / float64(p.Cols) }

// LinePitch is the line pitch: AreaH / Rows.
func (p *Profile) LinePitch() float64 { return p.AreaH / float64(p.Rows) }

// OfficialProfile is the default profile, after GB/T 9704-2012: A4, top
// margin 37 mm, left 28 mm, type area 156 × 225 mm, 22 lines × 28
// characters of 3号 (16 pt); title 2号 (22 pt); page numbers 4号 (14 pt)
// with their dashes 7 mm below the type area; tables in 4号, stepping down
// to 小五 (9 pt) when they are too wide.
func OfficialProfile() *Profile {
	return &Profile{
		Name: Official, PageW: 595.28, PageH: 841.89,
		Left: 28 * mm, Top: 37 * mm, Cols: 28, Rows: 22, AreaW: 156 * mm, AreaH: 225 * mm,
		BodySize: 16, TitleSize: 22, TableSize: 14, PageNumSize: 14, PageNumGap: 7 * mm,
		TableLineRate: 1.4, TableMinSize: 9,
	}
}

// CompactProfile is for internal drafts: 小四 (12 pt) body on a grid of 38
// lines × 37 characters (156.6 × 241.3 mm, line pitch 18 pt), top margin
// 25 mm, centred across the page.
func CompactProfile() *Profile {
	return &Profile{
		Name: Compact, PageW: 595.28, PageH: 841.89,
		Left: (595.28 - 37*12) / 2, Top: 25 * mm, Cols: 37, Rows: 38, AreaW: 37 * 12, AreaH: 38 * 18,
		BodySize: 12, TitleSize: 18, TableSize: 10.5, PageNumSize: 10.5, PageNumGap: 5 * mm,
		TableLineRate: 1.4, TableMinSize: 7.5,
	}
}

// Of returns a fresh copy of the named profile; "" is Official.
func Of(n Name) (*Profile, error) {
	switch n {
	case "", Official:
		return OfficialProfile(), nil
	case Compact:
		return CompactProfile(), nil
	}
	return nil, &UnknownError{Name: string(n)}
}

// UnknownError is a layout name that does not exist.
type UnknownError struct{ Name string }

func (e *UnknownError) Error() string {
	return fmt.Sprintf("未知的版式“%s”：可用 %s", e.Name, choices())
}

// choices lists the layouts for messages: official（公文版式，默认）或 compact（紧凑版式）.
func choices() string {
	var parts []string
	for i, n := range Names() {
		s := string(n) + "（" + n.Chinese()
		if i == 0 {
			s += "，默认"
		}
		parts = append(parts, s+"）")
	}
	return strings.Join(parts, "或 ")
}
