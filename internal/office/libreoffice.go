// Package office runs the programs a cadre's documents meet, for the tests:
// LibreOffice recalculates a workbook's formulas and prints its sheets as
// PDF pages, the way a cadre's office suite would, and poppler reads a PDF
// back — its text as laid out, its words with their boxes, its metadata and
// fonts, its pages as PNG images.
//
// Every function fails, naming the Debian package to install, when its
// program is missing. The poppler readers take the test and fail it
// themselves; a poppler warning on standard error fails the test too, since
// a PDF must open cleanly.
package office

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Packages names the Debian packages the functions here need.
const Packages = "libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-droid-fallback"

// fontsConf maps the faces the workbooks name (宋体, 黑体) to the Debian
// fonts of Packages, so that pages are laid out with a Song face as Excel
// and WPS would lay them out on Windows.
//
//go:embed fonts.conf
var fontsConf []byte

// recalc is a LibreOffice user profile setting that recalculates every
// formula of an Excel or ODF file on loading, whatever values it carries.
const recalc = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// Office is a private LibreOffice installation profile in a directory of
// its own, so that tests running at the same time do not share one.
type Office struct {
	soffice string
	dir     string
}

// New prepares a profile under dir (a test's TempDir). It fails, naming the
// Debian package, when soffice is not installed; it returns the error rather
// than failing the test, for a test whose LibreOffice check is optional.
func New(dir string) (*Office, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return nil, fmt.Errorf("soffice not found: install the Debian package libreoffice-calc-nogui (apt-get install %s)", Packages)
	}
	user := filepath.Join(dir, "profile", "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(recalc), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "fonts.conf"), fontsConf, 0o644); err != nil {
		return nil, err
	}
	return &Office{soffice: soffice, dir: dir}, nil
}

// Recalc opens the workbook src, recalculating every formula, and saves it
// again as XLSX; it returns the path of that copy, in a folder of its own.
func (o *Office) Recalc(t testing.TB, src string) string {
	t.Helper()
	return o.convert(t, src, "xlsx")
}

// RecalcCSV opens the workbook src, recalculating every formula, and saves
// its first sheet as CSV (UTF-8, comma, double quotes); it returns the
// path of the CSV.
func (o *Office) RecalcCSV(t testing.TB, src string) string {
	t.Helper()
	return o.convert(t, src, "csv:Text - txt - csv (StarCalc):44,34,76")
}

// PrintPDF prints the workbook src to PDF, page by page as a cadre's
// printer would get it, with its formulas recalculated; it returns the path
// of the PDF.
func (o *Office) PrintPDF(t testing.TB, src string) string {
	t.Helper()
	return o.convert(t, src, "pdf")
}

// DocumentPDF lays the Word document src out with LibreOffice Writer and
// prints it to PDF; it returns the path of the PDF.
func (o *Office) DocumentPDF(t testing.TB, src string) string {
	t.Helper()
	return o.convert(t, src, "pdf")
}

// convert converts src to format (an extension or a filter spec such as
// "csv:…") into a new folder and returns the path of the result.
func (o *Office) convert(t testing.TB, src, format string) string {
	t.Helper()
	outDir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.soffice,
		"-env:UserInstallation=file://"+filepath.Join(o.dir, "profile"),
		"--headless", "--norestore", "--convert-to", format, "--outdir", outDir, src)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+filepath.Join(o.dir, "fonts.conf"), "SAL_USE_VCLPLUGIN=svp")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice --convert-to %s %s: %v\n%s", format, src, err, out.String())
	}
	ext, _, _ := strings.Cut(format, ":")
	dst := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+"."+ext)
	if _, err := os.Stat(dst); err != nil {
		t.Fatalf("soffice wrote no %s for %s:\n%s", ext, src, out.String())
	}
	return dst
}
