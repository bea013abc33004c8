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

// Jobs run several workbooks through one LibreOffice, which takes seconds
// to start: each is opened (its formulas recalculated), edited as a cadre
// edits it — rows inserted, cells typed — recalculated again, and saved as
// XLSX and printed to PDF. A Basic macro of the profile (jobs.xba) does the
// work, led by a file of commands.
//
//go:embed jobs.xba
var jobsModule []byte

// Job is one workbook to open and what to do with it.
type Job struct {
	Src   string
	Edits []Edit
	// XLSX and PDF ask for the workbook saved again and printed; the
	// files are named after Src in the folder Run returns.
	XLSX, PDF bool
}

// Edit is one change a cadre makes: with Insert, an empty row inserted at
// that row (1-based), pushing the row there down — a row inserted above
// 合计 is Insert: the row of 合计; with Cell, a value typed into the cell
// (a float64 or int as a number, a string as text). Insert comes first
// when both are given. With Filter, the rows of a range are filtered.
type Edit struct {
	Sheet  string
	Insert int
	Cell   string
	Value  any
	// Filter, a range with its header row (A2:L12), shows only the rows
	// whose column FilterCol (0 for the range's first) holds Value, as an
	// auto-filter does.
	Filter    string
	FilterCol int
}

// Run runs the jobs in one LibreOffice and returns the folder of the
// outputs. It fails the test, with the macro's own account, when a command
// cannot be done.
func (o *Office) Run(t testing.TB, jobs ...Job) string {
	t.Helper()
	o.installJobs(t)
	out := t.TempDir()
	var b strings.Builder
	for _, j := range jobs {
		abs, err := filepath.Abs(j.Src)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "open\t%s\n", abs)
		for _, e := range j.Edits {
			if e.Insert > 0 {
				fmt.Fprintf(&b, "insert\t%s\t%d\n", e.Sheet, e.Insert)
			}
			if e.Filter != "" {
				fmt.Fprintf(&b, "filter\t%s\t%s\t%d\t%v\n", e.Sheet, e.Filter, e.FilterCol, e.Value)
				continue
			}
			switch v := e.Value.(type) {
			case nil:
			case string:
				fmt.Fprintf(&b, "str\t%s\t%s\t%s\n", e.Sheet, e.Cell, v)
			case int, float64:
				fmt.Fprintf(&b, "num\t%s\t%s\t%v\n", e.Sheet, e.Cell, v)
			default:
				t.Fatalf("office: cannot type a %T", v)
			}
		}
		b.WriteString("recalc\n")
		stem := filepath.Join(out, strings.TrimSuffix(filepath.Base(j.Src), filepath.Ext(j.Src)))
		if j.XLSX {
			fmt.Fprintf(&b, "xlsx\t%s.xlsx\n", stem)
		}
		if j.PDF {
			fmt.Fprintf(&b, "pdf\t%s.pdf\n", stem)
		}
		b.WriteString("close\n")
	}
	file := filepath.Join(out, "jobs.txt")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	runErr := o.start(fmt.Sprintf("macro:///Huibao.Jobs.Main(%q)", file))
	log, err := os.ReadFile(file + ".log")
	if err != nil || !bytes.HasSuffix(log, []byte("done\n")) {
		t.Fatalf("LibreOffice did not finish the jobs (%v):\n%s\n%v", err, log, runErr)
	}
	// LibreOffice 7.4 may abort while terminating from a macro, after the
	// work is done: the log says whether it was.
	return out
}

// installJobs puts the macro into the profile. LibreOffice writes its own
// Basic libraries into a new profile when it first starts, over any found
// there, so a new profile is started once, empty, first.
func (o *Office) installJobs(t testing.TB) {
	t.Helper()
	basic := filepath.Join(o.dir, "profile", "user", "basic")
	lib := filepath.Join(basic, "Huibao")
	if _, err := os.Stat(filepath.Join(lib, "Jobs.xba")); err == nil {
		return
	}
	if _, err := os.Stat(filepath.Join(basic, "script.xlc")); err != nil {
		if err := o.start("--terminate_after_init"); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	const header = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">` + "\n"
	files := map[string]string{
		"Jobs.xba": string(jobsModule),
		"script.xlb": header + `<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Huibao" library:readonly="false" library:passwordprotected="false">` +
			`<library:element library:name="Jobs"/></library:library>` + "\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(lib, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Register the library beside Standard.
	xlc := filepath.Join(basic, "script.xlc")
	list, err := os.ReadFile(xlc)
	if err != nil {
		t.Fatalf("LibreOffice made no Basic library list in its profile: %v", err)
	}
	entry := `<library:library library:name="Huibao" xlink:href="$(USER)/basic/Huibao/script.xlb/" xlink:type="simple" library:link="false"/>`
	list = bytes.Replace(list, []byte("</library:libraries>"), []byte(entry+"\n</library:libraries>"), 1)
	if err := os.WriteFile(xlc, list, 0o644); err != nil {
		t.Fatal(err)
	}
}

// start runs LibreOffice headless on the profile with the arguments.
func (o *Office) start(args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.soffice, append([]string{
		"-env:UserInstallation=file://" + filepath.Join(o.dir, "profile"), "--headless", "--norestore"}, args...)...)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+filepath.Join(o.dir, "fonts.conf"), "SAL_USE_VCLPLUGIN=svp")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		first, _, _ := strings.Cut(out.String(), "Stack:")
		return fmt.Errorf("soffice %s: %v\n%s", strings.Join(args, " "), err, first)
	}
	return nil
}
