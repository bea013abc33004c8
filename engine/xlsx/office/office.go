// Package office runs LibreOffice and poppler for the workbook tests: it
// recalculates a workbook's formulas, lays its sheets out as PDF pages and
// renders those as PNG images, the way a cadre's office suite would.
package office

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Packages names the Debian packages the functions here need.
const Packages = "libreoffice-calc-nogui poppler-utils fonts-arphic-gbsn00lp fonts-droid-fallback"

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
// Debian package, when soffice is not installed.
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

// Convert converts the file src to format (pdf, xlsx, csv, or a filter
// spec such as "csv:Text - txt - csv (StarCalc):44,34,76"), writing the
// result into outDir, and returns its path. Formulas are recalculated on
// loading.
func (o *Office) Convert(src, format, outDir string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.soffice,
		"-env:UserInstallation=file://"+filepath.Join(o.dir, "profile"),
		"--headless", "--norestore", "--convert-to", format, "--outdir", outDir, src)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+filepath.Join(o.dir, "fonts.conf"), "SAL_USE_VCLPLUGIN=svp")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("soffice --convert-to %s %s: %v\n%s", format, src, err, out.String())
	}
	ext, _, _ := strings.Cut(format, ":")
	dst := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+"."+ext)
	if _, err := os.Stat(dst); err != nil {
		return "", fmt.Errorf("soffice wrote no %s for %s:\n%s", ext, src, out.String())
	}
	return dst, nil
}

// Text extracts the text of a PDF with its layout (pdftotext -layout).
func Text(pdf string) (string, error) {
	out, err := run("pdftotext", "-layout", pdf, "-")
	return string(out), err
}

// Pages renders every page of a PDF as a PNG at dpi into dir, named
// prefix-1.png, prefix-2.png …, and returns their paths in page order.
func Pages(pdf, dir, prefix string, dpi int) ([]string, error) {
	if _, err := run("pdftoppm", "-png", "-r", fmt.Sprint(dpi), pdf, filepath.Join(dir, prefix)); err != nil {
		return nil, err
	}
	var out []string
	for i := 1; ; i++ {
		found := ""
		// pdftoppm pads page numbers to the width of the page count.
		for _, name := range []string{fmt.Sprintf("%s-%d.png", prefix, i), fmt.Sprintf("%s-%02d.png", prefix, i), fmt.Sprintf("%s-%03d.png", prefix, i)} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				found = filepath.Join(dir, name)
				break
			}
		}
		if found == "" {
			break
		}
		out = append(out, found)
	}
	if len(out) == 0 {
		return nil, errors.New("pdftoppm rendered no page of " + pdf)
	}
	return out, nil
}

func run(name string, args ...string) ([]byte, error) {
	if _, err := exec.LookPath(name); err != nil {
		return nil, fmt.Errorf("%s not found: install the Debian package poppler-utils", name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", name, err, stderr.String())
	}
	return out, nil
}
