package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/huibao/huibao/engine/web"
	"github.com/huibao/huibao/internal/golden"
)

// chromium finds Debian's chromium; without it the test is skipped, except
// in CI, where .ci/setup installs it.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; .ci/setup installs it")
	}
	t.Skip("chromium is not installed")
	return ""
}

// browserCtx starts a headless Chromium with a fresh profile, the size of
// an office screen.
func browserCtx(t *testing.T) context.Context {
	exe := chromium(t)
	profile, err := os.MkdirTemp("", "huibao-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.WindowSize(1366, 768),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("hide-scrollbars", true), chromedp.Flag("lang", "zh-CN"),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelT()
		cancel()
		cancelA()
		for range 20 { // the browser's children may still write for a moment
			if os.RemoveAll(profile) == nil {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	return ctx
}

// page drives one browser tab through the steps of the test.
type page struct {
	t   *testing.T
	ctx context.Context
	dir string // where the README's screenshots go; "" for none
	tmp string // where the others go
}

func (p *page) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

// fill sets a control's value as typing would, with the events the page
// listens to.
func fill(sel, value string) chromedp.Action[chromedp.Void] {
	js := fmt.Sprintf(`(function(){var e=document.querySelector(%q);e.value=%q;e.dispatchEvent(new Event('input',{bubbles:true}));e.dispatchEvent(new Event('change',{bubbles:true}));return true})()`, sel, value)
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[bool](js)(ctx, t)
		return chromedp.Void{}, err
	}
}

// wait waits for a JavaScript condition.
func wait(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		deadline := time.Now().Add(15 * time.Second)
		for {
			_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(time.Until(deadline)))(ctx, t)
			// A page that reloads itself (the batch page once its run is
			// done) may do so while the condition is being polled: poll the
			// new page.
			if err == nil || !strings.Contains(err.Error(), "navigated or closed") || time.Now().After(deadline) {
				return chromedp.Void{}, err
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

func (p *page) eval(expr string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// shot saves what the screen shows. The pages of the README (kept) go to
// -images when it is given (go test ./engine/web -run E2E -images
// "$PWD/docs/images"); the other steps' pictures to a temporary folder.
func (p *page) shot(name string, keep ...bool) string {
	p.t.Helper()
	b, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
	}
	dir := p.tmp
	if len(keep) > 0 && keep[0] && p.dir != "" {
		dir = p.dir
	}
	file := filepath.Join(dir, "serve-"+name+".png")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		p.t.Fatal(err)
	}
	return file
}

func startServer(t *testing.T, dir string) *httptest.Server {
	srv, err := web.New(web.Options{Engine: sharedEngine(t), Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return httptest.NewServer(srv)
}

const row1 = `[data-list="activities"] .items > [data-row]:nth-child(1) `

// TestE2E is a cadre's first report in a real browser: start a report,
// type a figure with its unit and see the problem next to the field, fix
// it, fill in an activity, a problem and a plan, see the preview, download
// the PDF, and find the draft again after the server restarted; then a
// street's folder checked and run.
func TestE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test in a browser")
	}
	ctx := browserCtx(t)
	data := t.TempDir()
	ts := startServer(t, data)
	p := &page{t: t, ctx: ctx, dir: golden.Images(), tmp: t.TempDir()}
	downloads := t.TempDir()

	// 1. The home page; a new half-year summary.
	p.do("home", chromedp.Navigate(ts.URL), chromedp.WaitVisible(chromedp.ID("new-report")))
	p.do("new report",
		chromedp.SendKeys(chromedp.ID("n-name"), "西湖社区工会"),
		fill("#n-year", "2024"), fill("#n-span", "H1"),
		chromedp.Click(chromedp.CSS(`input[value="half-year-summary"]`)),
		fill("#n-name", "西湖社区工会"))
	p.shot("home", true)
	p.do("start", chromedp.Click(chromedp.CSS(`#new-report button[type=submit]`)), chromedp.WaitVisible(chromedp.ID("editor")))
	id := p.eval(`document.getElementById('editor').dataset.id`)

	// 2. A figure typed with its unit: the CLI's words next to the field.
	p.do("type members",
		chromedp.SendKeys(chromedp.CSS(`[data-path="membership.members"]`), "152人"),
		wait(`document.querySelector('[data-field="membership.members"] .msg').textContent.indexOf('“152人”不是数字') >= 0`),
		chromedp.ScrollIntoView(chromedp.ID("s-membership")))
	if got := p.eval(`document.querySelector('[data-field="membership.members"] .msg').textContent`); got != "“152人”不是数字。在册会员只填整数，不带单位，如 152。" {
		t.Errorf("message next to 在册会员: %q", got)
	}
	if got := p.eval(`document.querySelector('#summary').textContent`); !strings.Contains(got, "会员与会费 在册会员") {
		t.Errorf("the list at the top does not name the field: %q", got)
	}
	p.shot("problem", true)

	// 3. Fixed, and the rest of a small report filled in.
	p.do("fix and fill",
		fill(`[data-path="membership.members"]`, "152"),
		fill(`[data-path="membership.dues_paying"]`, "139"),
		fill(`[data-path="membership.dues_collected"]`, "4509.50"),
		fill(`[data-path="org.party"]`, "西湖社区党委"),
		fill(row1+`[data-key="date"]`, "2024-03-30"),
		fill(row1+`[data-key="title"]`, "工会组长培训"),
		fill(row1+`[data-key="category"]`, "学习培训"),
		fill(row1+`[data-key="location"]`, "社区会议室"),
		fill(row1+`[data-key="participants"]`, "20"),
		fill(row1+`[data-key="content"]`, "就如何协助社区开展好社区工会工作进行了讲解和讨论"),
		fill(`[data-list="problems"] [data-key=""]`, "会员参与社区建设的积极性还不够高"),
		fill(`[data-list="plans"] [data-key="category"]`, "组织建设"),
		fill(`[data-list="plans"] [data-key="item"]`, "继续做好建会工作"),
		fill(`[data-list="plans"] [data-key="deadline"]`, "2024-12"),
		wait(`!!document.querySelector('#summary .okay')`),
		wait(`document.getElementById('pv-html').src.indexOf('/preview') > 0`),
		chromedp.Sleep(700*time.Millisecond), // the preview frame paints
		chromedp.ScrollIntoView(chromedp.ID("s-activities")))
	if got := p.eval(`document.querySelector('[data-field="membership.members"] .msg').textContent`); got != "" {
		t.Errorf("the message stays after the fix: %q", got)
	}
	p.shot("preview", true)

	// 4. The report as a reader sees it, and the first PDF page.
	for _, want := range []string{"西湖社区工会2024年上半年工作总结", "3月30日，社区工会在社区会议室举办工会组长培训，参训20人。", "会员参与社区建设的积极性还不够高"} {
		if html := get(t, ts.URL+"/drafts/"+id+"/preview"); !strings.Contains(html, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	p.do("pdf tab", chromedp.Click(chromedp.CSS(`.tab[data-tab="pdf"]`)), wait(`document.getElementById('pv-pdf').src.indexOf('preview.pdf') > 0`),
		chromedp.Sleep(4*time.Second)) // Chromium's PDF viewer paints the page
	p.shot("pdf", true)

	// 5. The PDF downloaded through the browser reads right.
	p.do("download",
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads})
			return err
		}),
		chromedp.Click(chromedp.CSS(`.tab[data-tab="files"]`)))
	pdf := downloaded(t, downloads, p, chromedp.Click(chromedp.CSS(`a.report[href$="/download/pdf"]`)))
	p.shot("downloads")
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, want := range []string{"西湖社区工会2024年上半年工作总结", "在册会员152人", "4509.50元", "工会组长培训"} {
		if !strings.Contains(text, want) {
			t.Errorf("downloaded PDF lacks %q:\n%s", want, out)
		}
	}

	// 6. The server restarts; the draft is listed and opens with what was typed.
	ts.Close()
	ts = startServer(t, data)
	defer ts.Close()
	p.do("home after restart", chromedp.Navigate(ts.URL), chromedp.WaitVisible(chromedp.CSS(`a[href="/drafts/`+id+`"]`)))
	p.do("reopen", chromedp.Click(chromedp.CSS(`a[href="/drafts/`+id+`"]`)), chromedp.WaitVisible(chromedp.ID("editor")),
		wait(`!!document.querySelector('#summary .okay')`))
	for sel, want := range map[string]string{`[data-path="org.name"]`: "西湖社区工会", `[data-path="membership.members"]`: "152", row1 + `[data-key="title"]`: "工会组长培训",
		`[data-list="plans"] [data-key="deadline"]`: "2024-12"} {
		if got := p.eval(fmt.Sprintf(`document.querySelector(%q).value`, sel)); got != want {
			t.Errorf("after the restart %s is %q, want %q", sel, got, want)
		}
	}
	// Still typing after the restart saves: the page's token is its cookie's.
	p.do("type after restart", fill(`[data-path="org.parent"]`, "石新路街道总工会"),
		wait(`document.getElementById('status').textContent.indexOf('已保存') === 0 && document.querySelector('[data-path="org.parent"]').value !== ''`),
		chromedp.Sleep(800*time.Millisecond))
	if !strings.Contains(get(t, ts.URL+"/drafts/"+id+"/download/yaml"), `parent: "石新路街道总工会"`) {
		t.Error("a change after the restart was not saved")
	}
	p.shot("reopened")

	// 7. A street's folder: each unit's status, then the batch run.
	c := newClientAt(t, ts.URL)
	files := map[string][]byte{}
	for _, f := range []string{"baijiaxiang.yaml", "beihu.json", "sichouchang.xlsx", "xinhua.yaml"} {
		files[f] = read(t, filepath.Join("../../fixtures/batch/with-bad", f))
	}
	res, _ := c.upload("/batches", "files", files, http.StatusSeeOther)
	batch := res.Header.Get("Location")
	p.do("batch page", chromedp.Navigate(ts.URL+batch), chromedp.WaitVisible(chromedp.CSS("table.units")))
	p.shot("batch", true)
	p.do("run batch", chromedp.Click(chromedp.CSS(`#run-form button`)),
		wait(`document.getElementById('progress-text').textContent.indexOf('完成') >= 0 || !!document.querySelector('#files li')`),
		chromedp.WaitVisible(chromedp.CSS("#files li")))
	p.shot("batch-run")
	if n := p.eval(`String(document.querySelectorAll('#files li').length)`); n == "0" {
		t.Error("the batch wrote no files")
	}
}

// downloaded clicks a download link and waits for the browser to finish
// the download into dir; a download that does not start is clicked again,
// as a user would (a loaded machine sometimes swallows the first click).
func downloaded(t *testing.T, dir string, p *page, click chromedp.Action[chromedp.Void]) string {
	t.Helper()
	for try := 0; try < 3; try++ {
		p.do("click download", click)
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				f := filepath.Join(dir, e.Name())
				if b, err := os.ReadFile(f); err == nil && strings.HasPrefix(string(b), "%PDF") && strings.Contains(string(b[max(0, len(b)-1024):]), "%%EOF") {
					return f
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("download %d did not arrive; screen: %s", try+1, p.shot("download-failed"))
	}
	t.Fatal("the browser did not download the PDF")
	return ""
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
