package pdf

import (
	"compress/zlib"
	"fmt"

	"github.com/signintech/gopdf"

	"github.com/huibao/huibao/engine/layout"
	"github.com/huibao/huibao/engine/markdown"
	"github.com/huibao/huibao/engine/pdf/font"
)

// FontConfig names font files by role; see font.Config.
type FontConfig = font.Config

// Fonts is a loaded font set, shared by every document of a process.
type Fonts = font.Set

// LoadFonts finds and parses the fonts once; the result is safe for
// concurrent use by any number of Render calls.
func LoadFonts(c FontConfig) (*Fonts, error) { return font.Load(c) }

// Render lays doc out and writes it as PDF bytes. The output depends only on
// doc, the profile and the fonts: the same input gives the same bytes.
func Render(doc *markdown.Document, opt Options) ([]byte, error) {
	d, err := Layout(doc, opt)
	if err != nil {
		return nil, err
	}
	return d.PDF(opt.Fonts)
}

// PDF draws the laid-out document with gopdf and returns the file.
func (d *Document) PDF(fonts *Fonts) ([]byte, error) {
	used := runeSets{}
	if err := d.Draw(used); err != nil {
		return nil, err
	}
	c := newGopdfCanvas(fonts, d.Profile, used)
	if err := d.Draw(c); err != nil {
		return nil, err
	}
	out, err := c.gp.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("生成 PDF 失败：%w", err)
	}
	if out, err = fixToUnicode(out); err != nil {
		return nil, err
	}
	return withInfo(out, infoOf(d.Meta))
}

// runeSets is a Canvas that collects the runes drawn with each face: what
// the document's font subsets must hold.
type runeSets map[*font.Face][]rune

func (runeSets) AddPage() error                           { return nil }
func (runeSets) Line(x1, y1, x2, y2, width float64) error { return nil }
func (u runeSets) Text(face *font.Face, size, x, y, tracking float64, s string) error {
	for _, r := range s {
		u[face] = append(u[face], r)
	}
	return nil
}

// gopdfCanvas draws on a gopdf document, embedding each face the first time
// it is used, as a subset made for this document (font.Face.Subset): gopdf
// then parses, subsets and compresses a small font rather than the whole
// face, which was most of the time a PDF took.
type gopdfCanvas struct {
	gp    *gopdf.GoPdf
	fonts *font.Set
	used  runeSets
	added map[*font.Face]bool
	face  *font.Face
	size  float64
}

func newGopdfCanvas(fonts *font.Set, p *layout.Profile, used runeSets) *gopdfCanvas {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: p.PageW, H: p.PageH}, Unit: gopdf.UnitPT})
	// Content streams and font files (third_party/gopdf/PATCHES.md) at
	// BestSpeed: a third of a batch's time went into compressing font
	// subsets at the default level, for files 9% smaller.
	gp.SetCompressLevel(zlib.BestSpeed)
	return &gopdfCanvas{gp: gp, fonts: fonts, used: used, added: map[*font.Face]bool{}}
}

func (c *gopdfCanvas) AddPage() error {
	c.gp.AddPage()
	c.face = nil
	return nil
}

func (c *gopdfCanvas) Text(face *font.Face, size, x, y, tracking float64, s string) error {
	if !c.added[face] {
		sub, err := face.Subset(c.used[face])
		if err != nil {
			return err
		}
		if err := c.gp.AddTTFFontData(face.Family, sub); err != nil {
			return fmt.Errorf("字体 %s 无法嵌入 PDF：%w", face, err)
		}
		c.added[face] = true
	}
	if face != c.face || size != c.size {
		if err := c.gp.SetFont(face.Family, "", size); err != nil {
			return fmt.Errorf("字体 %s 无法使用：%w", face, err)
		}
		c.face, c.size = face, size
	}
	if err := c.gp.SetCharSpacing(tracking); err != nil {
		return err
	}
	c.gp.SetXY(x, y)
	return c.gp.Text(s)
}

func (c *gopdfCanvas) Line(x1, y1, x2, y2, width float64) error {
	c.gp.SetLineWidth(width)
	c.gp.Line(x1, y1, x2, y2)
	return nil
}
