package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/web"
)

// engines are built once: the templates and fonts are shared.
var (
	engOnce sync.Once
	eng     *engine.Engine
)

func sharedEngine(t testing.TB) *engine.Engine {
	engOnce.Do(func() {
		var err error
		if eng, err = engine.New(engine.Options{}); err != nil {
			t.Fatal(err)
		}
	})
	return eng
}

// client is a browser stand-in: a cookie jar and the page's CSRF token.
type client struct {
	t     testing.TB
	base  string
	http  *http.Client
	token string
	log   *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newClient(t testing.TB, dir string) *client {
	t.Helper()
	logs := &syncBuffer{}
	srv, err := web.New(web.Options{Engine: sharedEngine(t), Dir: dir, Log: logs})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	c := newClientAt(t, ts.URL)
	c.log = logs
	return c
}

// newClientAt opens the home page of a running server, as a new browser.
func newClientAt(t testing.TB, base string) *client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, base: base, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	body := c.get("/", 200)
	m := regexp.MustCompile(`<meta name="csrf" content="([0-9a-f]{64})">`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no CSRF token on the home page:\n%s", body)
	}
	c.token = m[1]
	return c
}

func (c *client) do(req *http.Request, want int) (*http.Response, string) {
	c.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if want != 0 && res.StatusCode != want {
		c.t.Fatalf("%s %s: status %d, want %d\n%s", req.Method, req.URL.Path, res.StatusCode, want, b)
	}
	return res, string(b)
}

func (c *client) get(path string, want int) string {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	_, body := c.do(req, want)
	return body
}

// post sends a form with the token in the URL, as the pages' forms do.
func (c *client) post(path string, form url.Values, want int) *http.Response {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.base+path+"?csrf="+c.token, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, _ := c.do(req, want)
	return res
}

// upload sends files as multipart, as the open-a-file and folder forms do.
func (c *client) upload(path, field string, files map[string][]byte, want int) (*http.Response, string) {
	c.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for name, data := range files {
		w, _ := mw.CreateFormFile(field, name)
		w.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+path+"?csrf="+c.token, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req, want)
}

// save sends a draft's content as the page does.
func (c *client) save(id string, body any, want int) map[string]any {
	c.t.Helper()
	data, _ := json.Marshal(body)
	req, _ := http.NewRequest("PUT", c.base+"/drafts/"+id, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Huibao-Token", c.token)
	_, out := c.do(req, want)
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		c.t.Fatalf("not JSON: %s", out)
	}
	return m
}

func (c *client) check(id string) map[string]any {
	c.t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(c.get("/drafts/"+id+"/check", 200)), &m); err != nil {
		c.t.Fatal(err)
	}
	return m
}

// importFile opens a file as a draft and returns its id.
func (c *client) importFile(name string, data []byte) string {
	c.t.Helper()
	res, _ := c.upload("/drafts/import", "file", map[string][]byte{name: data}, http.StatusSeeOther)
	return strings.TrimPrefix(res.Header.Get("Location"), "/drafts/")
}

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// problems lists a check's problems as "target: text".
func problems(m map[string]any) []string {
	var out []string
	for _, p := range m["problems"].([]any) {
		p := p.(map[string]any)
		out = append(out, fmt.Sprintf("%s: %s", p["target"], p["text"]))
	}
	return out
}

const fixture = "../../fixtures/liubeiqiao-2024-h1.yaml"

// TestHome: the home page offers the templates by Chinese name and sets the
// CSRF cookie; unknown pages are 404 in Chinese.
func TestHome(t *testing.T) {
	c := newClient(t, t.TempDir())
	body := c.get("/", 200)
	for _, want := range []string{"新建报告", "半年总结", "年度工作计划", "打开已有的文件", "我的草稿"} {
		if !strings.Contains(body, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
	if body := c.get("/nothing", 404); !strings.Contains(body, "没有这个网页") {
		t.Errorf("404 page: %s", body)
	}
	c.get("/static/app.js", 200)
	c.get("/static/app.css", 200)
}

// TestNewDraftAndCheck: a draft started from the new-report form is checked
// in the CLI's words, each problem aimed at its field on the page.
func TestNewDraftAndCheck(t *testing.T) {
	c := newClient(t, t.TempDir())
	res := c.post("/drafts", url.Values{"org.name": {"西湖社区工会"}, "org.type": {"社区工会"}, "period.year": {"2024"},
		"period.span": {"H2"}, "template": {"半年总结"}}, http.StatusSeeOther)
	id := strings.TrimPrefix(res.Header.Get("Location"), "/drafts/")
	page := c.get("/drafts/"+id, 200)
	for _, want := range []string{`value="西湖社区工会"`, `<option selected>下半年</option>`, `value="half-year-summary" data-desc=`, "会员与会费", "存在的问题", "下步计划"} {
		if !strings.Contains(page, want) {
			t.Errorf("editor lacks %s", want)
		}
	}
	got := c.check(id)
	want := []string{
		"template: “半年总结”要用到“活动”或“工作指标”，表单里还没有填写。请在“活动”、“工作指标”中填写，或在上方“报告模板”中换一个模板。",
	}
	if fmt.Sprint(problems(got)) != fmt.Sprint(want) {
		t.Errorf("problems of a new draft:\n%s\nwant\n%s", strings.Join(problems(got), "\n"), strings.Join(want, "\n"))
	}
	// Typing: a unit with the number, a date outside the period, in row 3
	// after a blank row 2.
	m := c.save(id, map[string]any{"rev": 1, "template": "half-year-summary",
		"values": map[string]string{"org.name": "西湖社区工会", "org.type": "社区工会", "period.year": "2024", "period.span": "下半年",
			"membership.members": "152人", "membership.dues_paying": "139", "membership.dues_collected": "4509.5"},
		"rows": map[string]any{"activities": []map[string]string{
			{"date": "2024-07-02", "title": "工会组长培训", "category": "学习培训", "participants": "20"},
			{},
			{"date": "2024-03-30", "title": "拔河比赛", "category": "文体活动"},
		}}}, 200)
	if m["rev"].(float64) != 2 {
		t.Errorf("rev after a save: %v", m["rev"])
	}
	want = []string{
		"membership.members: “152人”不是数字。在册会员只填整数，不带单位，如 152。",
		"activities[3].date: 活动日期 2024-03-30 不在报告期间（2024-07-01 至 2024-12-31）内。请核对年份和月份；不属于本期的活动请删去。",
	}
	if got := problems(m); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The same draft saved on an old revision is refused, not merged.
	stale := c.save(id, map[string]any{"rev": 1, "values": map[string]string{}}, http.StatusConflict)
	if !strings.Contains(stale["error"].(string), "别的窗口") {
		t.Errorf("stale save: %v", stale)
	}
	// Previews and downloads wait for the problems to be fixed.
	if body := c.get("/drafts/"+id+"/preview", http.StatusConflict); !strings.Contains(body, "还有 2 处问题") {
		t.Errorf("preview of a draft with problems:\n%s", body)
	}
	c.get("/drafts/"+id+"/download/pdf", http.StatusConflict)
	// The data can always be downloaded; what was not read is named.
	if y := c.get("/drafts/"+id+"/download/yaml", 200); !strings.Contains(y, "#   membership.members：“152人”不是数字") {
		t.Errorf("YAML of a draft with an unreadable value:\n%s", y)
	}
}

// TestImportPreviewDownload: a fixture opened as a draft checks clean,
// previews as HTML and PDF, and downloads in every format of the table and
// as data that reads back to the same report.
func TestImportPreviewDownload(t *testing.T) {
	c := newClient(t, t.TempDir())
	id := c.importFile("liubeiqiao-2024-h1.yaml", read(t, fixture))
	if m := c.check(id); m["errors"].(float64) != 0 {
		t.Fatalf("fixture has problems in the form: %v", problems(m))
	}
	html := c.get("/drafts/"+id+"/preview", 200)
	for _, want := range []string{`<div class="title"><span>柳背桥社区工会</span><span>2024年上半年</span><span>工作总结</span></div>`, "<h1>一、主要工作</h1>", "<h2>（一）加强组织建设，夯实工会基础</h2>"} {
		if !strings.Contains(html, want) {
			t.Errorf("preview lacks %s", want)
		}
	}
	if pdf := c.get("/drafts/"+id+"/preview.pdf", 200); !strings.HasPrefix(pdf, "%PDF") {
		t.Error("preview.pdf is not a PDF")
	}
	for _, f := range engine.Formats() {
		req, _ := http.NewRequest("GET", c.base+"/drafts/"+id+"/download/"+f.Name, nil)
		res, body := c.do(req, 200)
		_, params, _ := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
		if want := "柳背桥社区工会_2024年上半年_工作总结" + f.Ext; params["filename"] != want || len(body) == 0 {
			t.Errorf("download %s: file %q (%d bytes), want %q", f.Name, params["filename"], len(body), want)
		}
	}
	y := c.get("/drafts/"+id+"/download/yaml", 200)
	j, err := sharedEngine(t).Prepare(engine.Request{Name: "x.yaml", Data: []byte(y), Template: "半年总结"})
	if err != nil {
		t.Fatalf("downloaded YAML does not validate: %v\n%s", engine.Problems(err), y)
	}
	orig, _ := sharedEngine(t).Prepare(engine.Request{Path: fixture, Template: "半年总结"})
	a, _ := json.Marshal(orig.Report)
	b, _ := json.Marshal(j.Report)
	if !bytes.Equal(a, b) {
		t.Errorf("downloaded YAML is not the fixture's data:\n%s", y)
	}
	form := c.get("/drafts/"+id+"/download/form", 200)
	if _, err := sharedEngine(t).Prepare(engine.Request{Name: "x.xlsx", Data: []byte(form), Template: "半年总结"}); err != nil {
		t.Errorf("downloaded 填报表 does not validate: %v", engine.Problems(err))
	}
	c.get("/drafts/"+id+"/download/nonsense", 404)
	// A 填报表 opens as well, and checks as the CLI checks it.
	xid := c.importFile("丝绸厂.xlsx", read(t, "../../fixtures/batch/with-bad/sichouchang.xlsx"))
	if m := c.check(xid); m["errors"].(float64) != 0 {
		t.Errorf("a good 填报表 has problems in the form: %v", problems(m))
	}
	// Switching the template changes the preview.
	m := c.check(id)
	_ = m
	page := c.get("/drafts/"+id, 200)
	if !strings.Contains(page, "liubeiqiao-2024-h1.yaml") && !strings.Contains(c.get("/", 200), "打开自 liubeiqiao-2024-h1.yaml") {
		t.Error("the draft does not name its source")
	}
}

// TestSwitchTemplate: the same data under another template previews as that
// template's report, and one the period does not fit is explained at the
// template.
func TestSwitchTemplate(t *testing.T) {
	c := newClient(t, t.TempDir())
	id := c.importFile("liubeiqiao-2024-h1.yaml", read(t, fixture))
	values, rows := formContent(t, fixture)
	m := c.save(id, map[string]any{"rev": 1, "template": "汇报材料", "values": values, "rows": rows}, 200)
	if m["errors"].(float64) != 0 {
		t.Fatalf("briefing: %v", problems(m))
	}
	if html := c.get("/drafts/"+id+"/preview", 200); !strings.Contains(html, "汇报") {
		t.Errorf("briefing preview:\n%s", html)
	}
	m = c.save(id, map[string]any{"rev": 2, "template": "annual-summary", "values": values, "rows": rows}, 200)
	want := "template: “年度总结”是全年的报告，而“基本信息”里的期间是上半年。请在上方“报告模板”中改选“年度工作计划”、“汇报材料”、“上半年工作总结及下半年工作计划”、“半年总结”，或改正期间。"
	if got := problems(m); len(got) != 1 || got[0] != want {
		t.Errorf("annual summary of a half-year:\n%s\nwant %s", strings.Join(got, "\n"), want)
	}
	c.save(id, map[string]any{"rev": 3, "template": "没有的模板"}, http.StatusBadRequest)
}

// formContent is the content the page's script sends for a report: its
// cells, single fields by path, tables row by row.
func formContent(t *testing.T, path string) (map[string]string, map[string][]map[string]string) {
	t.Helper()
	j, err := sharedEngine(t).Prepare(engine.Request{Path: path, Check: engine.DataOnly})
	if err != nil {
		t.Fatal(err)
	}
	cells, items := form.CellsOf(j.Report)
	values, rows := map[string]string{}, map[string][]map[string]string{}
	item := regexp.MustCompile(`^([a-z_.]+)\[([0-9]+)\]\.?(.*)$`)
	for k, v := range cells {
		m := item.FindStringSubmatch(k)
		if m == nil {
			if k != "version" && k != "report.template" {
				values[k] = v
			}
			continue
		}
		list := rows[m[1]]
		if list == nil {
			list = make([]map[string]string, items[m[1]])
			for i := range list {
				list[i] = map[string]string{}
			}
			rows[m[1]] = list
		}
		n, _ := strconv.Atoi(m[2])
		list[n-1][m[3]] = v
	}
	return values, rows
}

// TestImportBadFiles: files that are not inputs, unreadable, or too large
// are refused with the loaders' Chinese messages; a readable file with
// problems opens with them noted.
func TestImportBadFiles(t *testing.T) {
	c := newClient(t, t.TempDir())
	_, body := c.upload("/drafts/import", "file", map[string][]byte{"说明.txt": []byte("hello")}, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "不认识的文件类型“.txt”") {
		t.Errorf("a .txt:\n%s", body)
	}
	_, body = c.upload("/drafts/import", "file", map[string][]byte{"坏.yaml": []byte("org: [\n")}, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "坏.yaml:") || !strings.Contains(body, "格式错误") {
		t.Errorf("broken YAML:\n%s", body)
	}
	_, body = c.upload("/drafts/import", "file", map[string][]byte{"假.xlsx": []byte("PK not really")}, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "假.xlsx") {
		t.Errorf("not a workbook:\n%s", body)
	}
	big := bytes.Repeat([]byte("#"), engine.MaxInputSize+2<<20)
	_, body = c.upload("/drafts/import", "file", map[string][]byte{"大.yaml": big}, http.StatusRequestEntityTooLarge)
	if !strings.Contains(body, "上传的内容太大") {
		t.Errorf("oversize:\n%s", body)
	}
	c.upload("/drafts/import", "other", map[string][]byte{"x.yaml": []byte("version: 1")}, http.StatusBadRequest)
	// Readable with problems: opened, the problems kept as notes.
	bad := bytes.Replace(read(t, fixture), []byte("date: 2024-03-30"), []byte("date: 2024-02-30"), 1)
	id := c.importFile("有错.yaml", bad)
	page := c.get("/drafts/"+id, 200)
	if !strings.Contains(page, "打开 有错.yaml 时发现的问题") || !strings.Contains(page, "不是有效日期：2024年2月没有30日") {
		t.Errorf("notes of an imported file with problems missing")
	}
	if m := c.check(id); !strings.Contains(strings.Join(problems(m), "\n"), "activities[") {
		t.Errorf("the unread date is not reported in the form: %v", problems(m))
	}
}

// TestCSRF: every state change needs the cookie's token and a same-origin
// request.
func TestCSRF(t *testing.T) {
	c := newClient(t, t.TempDir())
	id := c.importFile("a.yaml", read(t, fixture))
	try := func(method, path, token string, hdr map[string]string) int {
		req, _ := http.NewRequest(method, c.base+path, strings.NewReader(`{"rev":1}`))
		if token != "" {
			req.Header.Set("X-Huibao-Token", token)
		}
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		res, _ := c.do(req, 0)
		return res.StatusCode
	}
	for _, tc := range []struct {
		method, path, token string
		hdr                 map[string]string
	}{
		{"POST", "/drafts", "", nil},
		{"POST", "/drafts", strings.Repeat("0", 64), nil},
		{"PUT", "/drafts/" + id, "", nil},
		{"POST", "/drafts/" + id + "/delete", "", nil},
		{"POST", "/drafts/" + id + "/delete", c.token, map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"PUT", "/drafts/" + id, c.token, map[string]string{"Origin": "http://evil.example"}},
	} {
		if got := try(tc.method, tc.path, tc.token, tc.hdr); got != http.StatusForbidden {
			t.Errorf("%s %s token=%t %v: status %d, want 403", tc.method, tc.path, tc.token != "", tc.hdr, got)
		}
	}
	// Another browser (no cookie) cannot use a stolen page's token either.
	other := &http.Client{}
	req, _ := http.NewRequest("POST", c.base+"/drafts?csrf="+c.token, nil)
	res, err := other.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("token without its cookie: %d", res.StatusCode)
	}
	// With the token, same origin: done.
	c.post("/drafts/"+id+"/delete", nil, http.StatusSeeOther)
	c.get("/drafts/"+id, 404)
}

// TestSaveRefusals: oversize bodies, unknown fields and ids that are not
// ours are refused before anything is written.
func TestSaveRefusals(t *testing.T) {
	c := newClient(t, t.TempDir())
	id := c.importFile("a.yaml", read(t, fixture))
	huge := map[string]any{"rev": 1, "values": map[string]string{"org.name": strings.Repeat("长", 3<<20)}}
	if m := c.save(id, huge, http.StatusRequestEntityTooLarge); !strings.Contains(m["error"].(string), "太大") {
		t.Errorf("oversize save: %v", m)
	}
	c.save(id, map[string]any{"rev": 1, "values": map[string]string{"org.secret": "x"}}, http.StatusBadRequest)
	c.save(id, map[string]any{"rev": 1, "rows": map[string]any{"activities": []map[string]string{{"date2": "x"}}}}, http.StatusBadRequest)
	c.save(id, map[string]any{"rev": 1, "extra": true}, http.StatusBadRequest)
	c.save("aaaaaaaaaaaaaaaaaaaaaaaaaa", map[string]any{"rev": 1}, http.StatusNotFound)
	c.save("..%2F..%2Fetc", map[string]any{"rev": 1}, http.StatusNotFound)
	c.get("/drafts/ABC", 404)
	c.get("/drafts/"+id+"/../../../etc/passwd", 0)
	if m := c.check(id); m["rev"].(float64) != 1 {
		t.Errorf("a refused save changed the draft: rev %v", m["rev"])
	}
}

// TestDraftsSurviveRestart: a draft saved by one server is listed and
// opened by the next on the same folder.
func TestDraftsSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	c := newClient(t, dir)
	id := c.importFile("a.yaml", read(t, fixture))
	c.save(id, map[string]any{"rev": 1, "template": "half-year-summary", "values": map[string]string{"org.name": "重启前的名字"}}, 200)
	c2 := newClient(t, dir)
	if home := c2.get("/", 200); !strings.Contains(home, "重启前的名字") {
		t.Error("the draft is not listed after a restart")
	}
	if page := c2.get("/drafts/"+id, 200); !strings.Contains(page, `value="重启前的名字"`) {
		t.Error("the draft does not open after a restart")
	}
	// A page opened before the restart keeps saving: the token is the
	// cookie's, not the server's.
	c.save(id, map[string]any{"rev": 2, "values": map[string]string{"org.name": "重启后"}}, 200)
	entries, _ := os.ReadDir(filepath.Join(dir, "drafts"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestLog: one line per request, with status and time.
func TestLog(t *testing.T) {
	c := newClient(t, t.TempDir())
	c.get("/nothing", 404)
	time.Sleep(10 * time.Millisecond)
	lines := strings.Split(strings.TrimSpace(c.log.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("log lines:\n%s", c.log.String())
	}
	if !regexp.MustCompile(`GET /nothing 404 [0-9.]+(µs|ms|s) \d+B$`).MatchString(lines[1]) {
		t.Errorf("log line: %s", lines[1])
	}
}

// TestBatch: a street's folder uploaded, each unit's status, the run
// followed to its end, the outputs downloaded, a unit opened in the form,
// fixed and written back.
func TestBatch(t *testing.T) {
	c := newClient(t, t.TempDir())
	files := map[string][]byte{"说明.txt": []byte("不是输入"), ".DS_Store": {0}}
	for _, f := range []string{"baijiaxiang.yaml", "beihu.json", "sichouchang.xlsx", "xinhua.yaml"} {
		files[f] = read(t, filepath.Join("../../fixtures/batch/with-bad", f))
	}
	res, _ := c.upload("/batches", "files", files, http.StatusSeeOther)
	batch := res.Header.Get("Location")
	page := c.get(batch, 200)
	for _, want := range []string{"共 4 个单位", "3 个通过检查", "1 个有问题", "白家巷社区工会", "xinhua.yaml:", "3 处问题"} {
		if !strings.Contains(page, want) {
			t.Errorf("batch page lacks %q", want)
		}
	}
	if strings.Contains(page, os.TempDir()) {
		t.Error("the batch page shows the server's paths")
	}
	// Run, and follow the progress to the end.
	req, _ := http.NewRequest("POST", c.base+batch+"/run?csrf="+c.token, strings.NewReader("template=half-year-summary"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	c.do(req, http.StatusAccepted)
	var st struct {
		Run   map[string]any `json:"run"`
		Files []string       `json:"files"`
	}
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if err := json.Unmarshal([]byte(c.get(batch+"/status", 200)), &st); err != nil {
			t.Fatal(err)
		}
		if st.Run["running"] == false {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the batch did not finish")
		}
	}
	if st.Run["failed"] != true || st.Run["done"].(float64) != 3 {
		t.Errorf("run state: %v", st.Run)
	}
	if len(st.Files) < 9 {
		t.Errorf("files written: %v", st.Files)
	}
	if pdf := c.get(batch+"/files/"+url.PathEscape(st.Files[1]), 200); len(pdf) == 0 {
		t.Error("empty output file")
	}
	c.get(batch+"/files/..%2Fmeta.json", 404)
	c.get(batch+"/files/meta.json", 404)
	if zip := c.get(batch+"/all.zip", 200); !strings.HasPrefix(zip, "PK") {
		t.Error("all.zip is not a zip")
	}
	// Open the unit with problems, fix it, write it back: it passes.
	res = c.post(batch+"/open/xinhua.yaml", nil, http.StatusSeeOther)
	id := strings.TrimPrefix(res.Header.Get("Location"), "/drafts/")
	m := c.check(id)
	if m["errors"].(float64) == 0 {
		t.Fatalf("xinhua has no problems in the form")
	}
	values, rows := formContent(t, "../../fixtures/batch/with-bad/baijiaxiang.yaml")
	values["org.name"] = "新华社区工会"
	m = c.save(id, map[string]any{"rev": 1, "template": "half-year-summary", "values": values, "rows": rows}, 200)
	if m["errors"].(float64) != 0 {
		t.Fatalf("fixed draft: %v", problems(m))
	}
	c.post("/drafts/"+id+"/return", nil, http.StatusSeeOther)
	if page := c.get(batch, 200); !strings.Contains(page, "4 个通过检查") {
		t.Errorf("after the fix the batch page says:\n%s", page)
	}
	c.post(batch+"/open/..%2F..%2Fdrafts", nil, http.StatusNotFound)
	c.get("/batches/aaaaaaaaaaaaaaaaaaaaaaaaaa", 404)
	// An empty or oversize folder is refused.
	_, body := c.upload("/batches", "files", map[string][]byte{"说明.txt": []byte("x")}, http.StatusBadRequest)
	if !strings.Contains(body, "文件夹里没有填报文件") {
		t.Errorf("empty folder: %s", body)
	}
	c.upload("/batches", "files", map[string][]byte{"大.yaml": bytes.Repeat([]byte("#"), engine.MaxInputSize+10)}, http.StatusBadRequest)
}
