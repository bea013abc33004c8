package docx

import (
	"math"

	"github.com/huibao/huibao/engine/layout"
)

// geometry is a layout profile in Word's units: twips (1/20 pt) for
// lengths, half-points for font sizes.
type geometry struct {
	pageW, pageH             int
	top, right, bottom, left int
	header, footer           int     // distances of the header's top and the footer's bottom from the page edge
	width                    int     // the type area
	linePitch                int     // w:docGrid linePitch: the type area's height over Rows, rounded down so Rows lines fit
	charSpace                int     // w:docGrid charSpace: the character pitch beyond the body size, in 1/4096 pt
	pitch                    float64 // the type area's width over Cols, twips
	cell                     int     // a grid cell as readers derive it from charSpace, twips, rounded down
	body, title, table, num  int     // font sizes, half-points
	scale                    int     // w:w of text on the grid, percent: see geometryOf
	tableLine                int     // exact line height in tables
	cellX, cellY             int     // table cell padding, across and down
}

// geometryOf derives Word's page setup from a profile. Each margin is
// rounded on its own (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right
// 26 mm in the official profile), and the grid is fitted to the type area
// that leaves: Word sets floor(height/linePitch) lines and
// floor(width/pitch) characters, so both are rounded down.
func geometryOf(p *layout.Profile) geometry {
	g := geometry{
		pageW: tw(p.PageW), pageH: tw(p.PageH),
		left: tw(p.Left), top: tw(p.Top),
		right:  tw(p.PageW - p.Left - p.AreaW),
		bottom: tw(p.PageH - p.Top - p.AreaH),
		body:   hp(p.BodySize), title: hp(p.TitleSize), table: hp(p.TableSize), num: hp(p.PageNumSize),
	}
	g.width = g.pageW - g.left - g.right
	g.linePitch = (g.pageH - g.top - g.bottom) / p.Rows
	g.pitch = float64(g.width) / float64(p.Cols)
	g.charSpace = int(math.Floor((g.pitch/20 - p.BodySize) * 4096))
	g.cell = int(math.Floor((p.BodySize + float64(g.charSpace)/4096) * 20))
	// GB/T 9704's 28 characters of 3号 (16 pt) in 156 mm are 15.79 pt apart:
	// narrower than the type. Word squeezes them by charSpace; LibreOffice
	// before 24.8 gives a character wider than the grid's pitch two cells,
	// half-empty lines. Type set 98 % wide fits the pitch in both, a
	// difference no reader sees; where the type fits (compact), 100 %.
	g.scale = 100
	if pt := g.pitch / 20; pt < p.BodySize {
		g.scale = int(math.Floor((pt - 0.05) / p.BodySize * 100))
	}
	// The page number's dashes (一字线) are PageNumGap below the type area,
	// as in the PDF (GB/T 9704 7.5). Word measures the footer from the
	// page's bottom edge to the foot of its line, which is 1.2 em high
	// (the 页脚 style); a Chinese face draws the dash about 0.65 em above
	// that foot (measured in LibreOffice with a Song face).
	g.footer = tw(p.PageH - p.Top - p.AreaH - p.PageNumGap - 0.65*p.PageNumSize)
	g.header = min(g.top/2, 851) // 15 mm, Word's default, or less for a small top margin; the header is empty
	g.tableLine = tw(p.TableSize * p.TableLineRate)
	g.cellX = tw(0.4 * p.TableSize)
	g.cellY = tw(0.3 * p.TableSize)
	return g
}

// chars converts a length in characters to twips on the grid, for readers
// that ignore the *Chars attributes. LibreOffice moves an indent that
// passes a cell's edge by a fraction of a twip to the next cell, so a
// character is the cell rounded down.
func (g *geometry) chars(n float64) int { return int(math.Round(n * float64(g.cell))) }

func tw(pt float64) int { return int(math.Round(pt * 20)) }
func hp(pt float64) int { return int(math.Round(pt * 2)) }
