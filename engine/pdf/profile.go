package pdf

const mm = 72 / 25.4 // points per millimetre

// Profile is a page layout: a character grid on A4.
type Profile struct {
	Name          string
	PageW, PageH  float64 // pt
	Left, Top     float64 // type area origin, pt
	Cols, Rows    int     // characters per line, lines per page
	AreaW, AreaH  float64 // type area, pt
	BodySize      float64 // pt
	TitleSize     float64
	TableSize     float64
	PageNumSize   float64
	PageNumGap    float64 // from the type area's bottom to the page number's top
	TableLineRate float64 // line height in tables, as a multiple of TableSize
}

// Pitch is the character pitch: AreaW / Cols.
func (p *Profile) Pitch() float64 { return p.AreaW / float64(p.Cols) }

// LinePitch is the line pitch: AreaH / Rows.
func (p *Profile) LinePitch() float64 { return p.AreaH / float64(p.Rows) }

// Official is the default profile, after GB/T 9704-2012: A4, top margin 37 mm,
// left 28 mm, type area 156 × 225 mm, 22 lines × 28 characters of 3号 (16 pt);
// title 2号 (22 pt); page numbers 4号 (14 pt) 7 mm below the type area.
func Official() *Profile {
	return &Profile{
		Name: "official", PageW: 595.28, PageH: 841.89,
		Left: 28 * mm, Top: 37 * mm, Cols: 28, Rows: 22, AreaW: 156 * mm, AreaH: 225 * mm,
		BodySize: 16, TitleSize: 22, TableSize: 14, PageNumSize: 14, PageNumGap: 7 * mm,
		TableLineRate: 1.4,
	}
}

// Compact is for internal drafts: 小四 (12 pt) body on a grid of 38 lines ×
// 37 characters (156.6 × 241.3 mm, line pitch 18 pt), top margin 25 mm,
// centred across the page.
func Compact() *Profile {
	return &Profile{
		Name: "compact", PageW: 595.28, PageH: 841.89,
		Left: (595.28 - 37*12) / 2, Top: 25 * mm, Cols: 37, Rows: 38, AreaW: 37 * 12, AreaH: 38 * 18,
		BodySize: 12, TitleSize: 18, TableSize: 10.5, PageNumSize: 10.5, PageNumGap: 5 * mm,
		TableLineRate: 1.4,
	}
}

// ProfileByName returns the named profile; "" is Official.
func ProfileByName(name string) (*Profile, error) {
	switch name {
	case "", "official":
		return Official(), nil
	case "compact":
		return Compact(), nil
	}
	return nil, &UnknownProfileError{Name: name}
}
