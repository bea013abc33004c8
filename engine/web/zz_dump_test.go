package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/model"
	"github.com/huibao/huibao/internal/sample"
)

// Temporary: dumps what the page receives, to compare before and after.
func TestZZDump(t *testing.T) {
	out := os.Getenv("DUMP")
	if out == "" {
		t.Skip()
	}
	os.MkdirAll(out, 0o755)
	eng, _ := engine.New(engine.Options{})
	srv, _ := New(Options{Engine: eng, Dir: t.TempDir()})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	cookie := rec.Result().Cookies()[0]
	do := func(method, path string, body []byte) []byte {
		req := httptest.NewRequest(method, path, bytes.NewReader(body))
		req.Header.Set("X-Huibao-Token", cookie.Value)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return append([]byte(fmt.Sprintf("%d\n", rec.Code)), bytes.ReplaceAll(rec.Body.Bytes(), []byte(cookie.Value), []byte("TOKEN"))...)
	}
	reports := map[string]*model.Report{"large30": sample.Large(30), "liubeiqiao": sample.Liubeiqiao()}
	files, _ := filepath.Glob("../../fixtures/*.yaml")
	for _, f := range files {
		j, err := eng.Prepare(engine.Request{Path: f, Check: engine.DataOnly})
		if err == nil {
			reports[filepath.Base(f)] = j.Report
		}
	}
	for name, r := range reports {
		for _, tp := range append([]string{""}, func() (ids []string) {
			for _, t := range eng.Templates() {
				ids = append(ids, t.ID)
			}
			return
		}()...) {
			d := draftOf(r, srv.layout)
			srv.drafts.Create(d)
			var res []byte
			for i, mut := range []func(){func() {}, func() { d.Values["membership.members"] = "abc" }, func() { d.Values["membership.members"] = "9999" }} {
				mut()
				body, _ := json.Marshal(saveRequest{Rev: i + 1, Template: tp, Values: d.Values, Rows: d.Rows})
				res = append(res, do("PUT", "/drafts/"+d.ID, body)...)
				res = append(res, do("GET", "/drafts/"+d.ID+"/check", nil)...)
				res = append(res, do("GET", "/drafts/"+d.ID+"/preview?inline", nil)...)
				res = append(res, do("GET", "/drafts/"+d.ID, nil)...)
			}
			res = bytes.ReplaceAll(res, []byte(d.ID), []byte("ID"))
			os.WriteFile(filepath.Join(out, name+"_"+tp), res, 0o644)
		}
	}
}
