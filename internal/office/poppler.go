package office

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Text is the text of a PDF as laid out on its pages (pdftotext -layout),
// pages separated by form feeds.
func Text(t testing.TB, pdf string) string {
	t.Helper()
	return poppler(t, "pdftotext", "-layout", pdf, "-")
}

// WordBoxes writes every word of a PDF with its box, page by page, as
// pdftotext -bbox's XHTML, and returns the path of that file.
func WordBoxes(t testing.TB, pdf string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "bbox.html")
	poppler(t, "pdftotext", "-bbox", pdf, out)
	return out
}

// Info is a PDF's document information as pdfinfo prints it: Title,
// Author, Pages, Page size, Encrypted…, keyed by pdfinfo's names.
func Info(t testing.TB, pdf string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, l := range strings.Split(poppler(t, "pdfinfo", pdf), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

// Fonts lists a PDF's fonts, one pdffonts row each (name, type, encoding,
// emb, sub, uni, object, ID), without the two header lines.
func Fonts(t testing.TB, pdf string) []string {
	t.Helper()
	return strings.Split(strings.TrimSpace(poppler(t, "pdffonts", pdf)), "\n")[2:]
}

// PagePNG draws page page of a PDF at dpi into the file png (which ends in
// .png).
func PagePNG(t testing.TB, pdf string, page, dpi int, png string) {
	t.Helper()
	p := strconv.Itoa(page)
	poppler(t, "pdftoppm", "-png", "-r", strconv.Itoa(dpi), "-singlefile", "-f", p, "-l", p, pdf, strings.TrimSuffix(png, ".png"))
}

// PagePNGs draws every page of a PDF at dpi into a new folder and returns
// the images' paths in page order.
func PagePNGs(t testing.TB, pdf string, dpi int) []string {
	t.Helper()
	dir := t.TempDir()
	poppler(t, "pdftoppm", "-png", "-r", strconv.Itoa(dpi), pdf, filepath.Join(dir, "page"))
	var out []string
	for i := 1; ; i++ {
		found := ""
		// pdftoppm pads page numbers to the width of the page count.
		for _, name := range []string{fmt.Sprintf("page-%d.png", i), fmt.Sprintf("page-%02d.png", i), fmt.Sprintf("page-%03d.png", i)} {
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
		t.Fatalf("pdftoppm drew no page of %s", pdf)
	}
	return out
}

// poppler runs a poppler tool and returns its standard output. Anything it
// says on standard error (Syntax Error, Syntax Warning, …) fails the test:
// the PDF must open cleanly.
func poppler(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s not found: install the Debian package poppler-utils", name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var stdout, stderr strings.Builder
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s %v complained:\n%s", name, args, stderr.String())
	}
	return stdout.String()
}
