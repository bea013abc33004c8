package web

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"regexp"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/huibao/huibao/internal/sample"
)

// The load test is run by hand, not by go test ./...:
//
//	go test ./engine/web -run TestLoad -load 60s -load.users 50 -load.think 0s -v
var (
	loadFor   = flag.Duration("load", 0, "run the load test for this long")
	loadUsers = flag.Int("load.users", 50, "load test: concurrent users")
	loadThink = flag.Duration("load.think", 0, "load test: pause between a user's edits (the page saves 0.5 s after the last key)")
)

// TestLoad: users each edit their own draft of a 30-activity report, on
// loopback, as fast as the server answers (or with a pause between edits):
// every round changes an activity's title (a save, which checks the
// draft) and loads the preview of the new revision (the HTML report
// rendered from it). It reports p50/p99 of the preview and of the whole
// round, and the errors.
func TestLoad(t *testing.T) {
	if *loadFor == 0 {
		t.Skip("run with -load 60s")
	}
	srv := testServer(t)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	report := sample.Large(30)
	report.Report.Template = "half-year-summary"
	tr := &http.Transport{MaxIdleConnsPerHost: 2 * *loadUsers}
	type user struct {
		c     *http.Client
		token string
		id    string
		body  saveRequest
	}
	users := make([]*user, *loadUsers)
	for i := range users {
		d := draftOf(report, srv.layout)
		if err := srv.drafts.Create(d); err != nil {
			t.Fatal(err)
		}
		jar, _ := cookiejar.New(nil)
		u := &user{c: &http.Client{Jar: jar, Transport: tr}, id: d.ID,
			body: saveRequest{Rev: 1, Template: d.Template, Values: d.Values, Rows: d.Rows}}
		res, err := u.c.Get(ts.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		u.token = regexp.MustCompile(`name="csrf" content="([0-9a-f]+)"`).FindStringSubmatch(string(b))[1]
		users[i] = u
	}
	var mu sync.Mutex
	var previews, rounds []time.Duration
	errs := map[string]int{}
	fail := func(what string) {
		mu.Lock()
		errs[what]++
		mu.Unlock()
	}
	cpu0 := cpuTime()
	stop := time.Now().Add(*loadFor)
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; time.Now().Before(stop); n++ {
				start := time.Now()
				u.body.Rows["activities"][n%30]["title"] = fmt.Sprintf("专题活动第%d次修改", n)
				data, _ := json.Marshal(u.body)
				req, _ := http.NewRequest("PUT", ts.URL+"/drafts/"+u.id, bytes.NewReader(data))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Huibao-Token", u.token)
				res, err := u.c.Do(req)
				if err != nil {
					fail(err.Error())
					continue
				}
				var saved struct {
					Rev      int
					Errors   int
					Problems []Problem
				}
				json.NewDecoder(res.Body).Decode(&saved)
				res.Body.Close()
				if res.StatusCode != 200 || saved.Errors != 0 {
					fail(fmt.Sprintf("save %d", res.StatusCode))
					continue
				}
				u.body.Rev = saved.Rev
				p0 := time.Now()
				res, err = u.c.Get(fmt.Sprintf("%s/drafts/%s/preview?rev=%d", ts.URL, u.id, saved.Rev))
				if err != nil {
					fail(err.Error())
					continue
				}
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				end := time.Now()
				if res.StatusCode != 200 || !bytes.Contains(b, []byte("专题活动第")) {
					fail(fmt.Sprintf("preview %d", res.StatusCode))
					continue
				}
				mu.Lock()
				previews = append(previews, end.Sub(p0))
				rounds = append(rounds, end.Sub(start))
				mu.Unlock()
				time.Sleep(*loadThink)
			}
		}()
	}
	wg.Wait()
	cpu := cpuTime() - cpu0
	q := func(d []time.Duration, p float64) time.Duration {
		slices.Sort(d)
		if len(d) == 0 {
			return 0
		}
		return d[min(len(d)-1, int(float64(len(d))*p))]
	}
	t.Logf("%d users, %s, think %s: %d rounds (%.1f/s), errors %v", *loadUsers, *loadFor, *loadThink, len(rounds), float64(len(rounds))/loadFor.Seconds(), errs)
	if len(rounds) > 0 {
		t.Logf("CPU (server and load generator, one process): %s per round, so 2 free cores serve about %.0f rounds/s",
			(cpu / time.Duration(len(rounds))).Round(100*time.Microsecond), 2/(cpu.Seconds()/float64(len(rounds))))
	}
	t.Logf("preview (render of a new revision): p50 %s, p99 %s, max %s", q(previews, .5), q(previews, .99), q(previews, 1))
	t.Logf("round (save + check + preview): p50 %s, p99 %s, max %s", q(rounds, .5), q(rounds, .99), q(rounds, 1))
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRound is one round of TestLoad without the network: a save of
// a changed activity title and the preview of the new revision, by the
// handler itself, so that its CPU is the server's alone.
func BenchmarkRound(b *testing.B) {
	srv := testServer(b)
	report := sample.Large(30)
	report.Report.Template = "half-year-summary"
	d := draftOf(report, srv.layout)
	if err := srv.drafts.Create(d); err != nil {
		b.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	cookie := rec.Result().Cookies()[0]
	body := saveRequest{Rev: 1, Template: d.Template, Values: d.Values, Rows: d.Rows}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op") }()
	for n := 0; n < b.N; n++ {
		body.Rows["activities"][n%30]["title"] = fmt.Sprintf("专题活动第%d次修改", n)
		data, _ := json.Marshal(body)
		req := httptest.NewRequest("PUT", "/drafts/"+d.ID, bytes.NewReader(data))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Huibao-Token", cookie.Value)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		var saved struct{ Rev, Errors int }
		if err := json.Unmarshal(rec.Body.Bytes(), &saved); err != nil || rec.Code != 200 || saved.Errors != 0 {
			b.Fatalf("save: %d %s", rec.Code, rec.Body)
		}
		body.Rev = saved.Rev
		req = httptest.NewRequest("GET", fmt.Sprintf("/drafts/%s/preview?rev=%d", d.ID, saved.Rev), nil)
		req.AddCookie(cookie)
		rec = httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != 200 || !bytes.Contains(rec.Body.Bytes(), []byte("专题活动第")) {
			b.Fatalf("preview: %d", rec.Code)
		}
	}
}
