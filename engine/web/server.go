package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/huibao/huibao/engine"
)

// Options configure a Server.
type Options struct {
	Engine *engine.Engine
	// Dir is where drafts (Dir/drafts) and batch workspaces (Dir/batches)
	// are kept.
	Dir string
	// Log receives one line per request; nil discards them.
	Log io.Writer
}

// Server is huibao's web application. It is an http.Handler.
type Server struct {
	eng     *engine.Engine
	drafts  *store
	batches *workspaces
	layout  *layout
	pages   *pages
	log     *log.Logger
	handler http.Handler

	mu    sync.Mutex
	cache map[cacheKey]*cached // checked drafts and rendered files, by draft revision
	order []cacheKey           // insertion order, for eviction

	// work admits the checks and renders of drafts, as many at once as
	// the machine has cores, the others waiting their turn in order: 50
	// renders sharing 2 cores all finish late, and hold 50 reports'
	// memory; taken in turn, each is done in its own time.
	work chan struct{}
}

// The limits of request bodies. A draft of a street's year is a few
// hundred kilobytes; an uploaded input is bounded like the CLI's
// (engine.MaxInputSize); a batch folder holds a street's units.
const (
	maxSave   = 8 << 20
	maxUpload = engine.MaxInputSize + 1<<20 // the file and the form around it
	maxBatch  = 256 << 20
	maxForm   = 64 << 10 // a plain form: new draft, run a batch
)

// New makes a server keeping its files in opts.Dir.
func New(opts Options) (*Server, error) {
	if opts.Engine == nil {
		return nil, fmt.Errorf("web: no engine")
	}
	drafts, err := newStore(filepath.Join(opts.Dir, "drafts"))
	if err != nil {
		return nil, err
	}
	batches, err := newWorkspaces(filepath.Join(opts.Dir, "batches"))
	if err != nil {
		return nil, err
	}
	w := opts.Log
	if w == nil {
		w = io.Discard
	}
	s := &Server{eng: opts.Engine, drafts: drafts, batches: batches, layout: newLayout(), pages: newPages(),
		log: log.New(w, "", log.LstdFlags), cache: map[cacheKey]*cached{}, work: make(chan struct{}, runtime.GOMAXPROCS(0))}
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("POST /drafts", s.createDraft)
	mux.HandleFunc("POST /drafts/import", s.importDraft)
	mux.HandleFunc("GET /drafts/{id}", s.editor)
	mux.HandleFunc("PUT /drafts/{id}", s.saveDraft)
	mux.HandleFunc("GET /drafts/{id}/check", s.checkHandler)
	mux.HandleFunc("GET /drafts/{id}/preview", s.preview)
	mux.HandleFunc("GET /drafts/{id}/preview.pdf", s.previewPDF)
	mux.HandleFunc("GET /drafts/{id}/download/{kind}", s.download)
	mux.HandleFunc("POST /drafts/{id}/delete", s.deleteDraft)
	mux.HandleFunc("POST /drafts/{id}/return", s.returnToBatch)
	mux.HandleFunc("GET /batches", s.batchList)
	mux.HandleFunc("POST /batches", s.createBatch)
	mux.HandleFunc("GET /batches/{id}", s.batchPage)
	mux.HandleFunc("POST /batches/{id}/run", s.runBatch)
	mux.HandleFunc("GET /batches/{id}/status", s.batchStatus)
	mux.HandleFunc("GET /batches/{id}/files/{name}", s.batchFile)
	mux.HandleFunc("GET /batches/{id}/all.zip", s.batchZip)
	mux.HandleFunc("POST /batches/{id}/open/{name}", s.openUnit)
	mux.HandleFunc("POST /batches/{id}/delete", s.deleteBatch)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(staticFS)))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "没有这个网页", "")
	})
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, "请求来自别的网站，已拒绝", "请直接在本网页上操作")
	}))
	return s.logged(secured(cop.Handler(s.csrf(mux))))
}

// statusWriter records the status and size of a response, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += n
	return n, err
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// logged writes one line per request: method, path, status, time, size.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			// A bug must not drop the connection: the user is told, the
			// log keeps the cause.
			if v := recover(); v != nil {
				s.log.Printf("错误 %s %s：程序出错：%v\n%s", r.Method, r.URL.Path, v, debug.Stack())
				if sw.status == 0 {
					s.fail(sw, r, http.StatusInternalServerError, "服务器出错，没有完成", "请把运行 huibao serve 的窗口里的信息发给维护者")
				}
				s.log.Printf("%s %s %d %s %dB", r.Method, r.URL.Path, sw.status, time.Since(start).Round(100*time.Microsecond), sw.size)
			}
		}()
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.log.Printf("%s %s %d %s %dB", r.Method, r.URL.Path, sw.status, time.Since(start).Round(100*time.Microsecond), sw.size)
	})
}

// secured sets the headers every response carries: nothing from other
// origins (no CDN, no inline script), no framing by other sites, no
// sniffing.
func secured(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// The CSRF token is a random value in a cookie that the page repeats in a
// header (X-Huibao-Token) or a form field (csrf): another site can make a
// browser send the cookie but cannot read it to repeat it. It outlives a
// server restart, so an open page keeps saving. Cross-origin requests are
// refused before this by http.CrossOriginProtection.
const (
	csrfCookie = "huibao_csrf"
	csrfHeader = "X-Huibao-Token"
	csrfField  = "csrf"
)

func (s *Server) csrf(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := ""
		if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 64 {
			token = c.Value
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			if token == "" {
				b := make([]byte, 32)
				rand.Read(b)
				token = hex.EncodeToString(b)
				http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: token, Path: "/", HttpOnly: true,
					SameSite: http.SameSiteStrictMode, MaxAge: 10 * 365 * 24 * 3600})
			}
			h.ServeHTTP(w, withToken(r, token))
			return
		}
		given := r.Header.Get(csrfHeader)
		if given == "" {
			given = r.URL.Query().Get(csrfField)
		}
		if token == "" || subtle.ConstantTimeCompare([]byte(given), []byte(token)) != 1 {
			s.fail(w, r, http.StatusForbidden, "页面已过期或请求来路不明，没有执行", "请刷新页面后再试")
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Loopback reports whether addr (host:port) binds only this machine.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// fail answers a request that could not be done: a page for a browser's
// navigation, JSON for the page's own requests.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg, hint string) {
	if wantsJSON(r) {
		writeJSON(w, status, map[string]string{"error": msg, "hint": hint})
		return
	}
	w.WriteHeader(status)
	s.pages.render(w, r, "error", map[string]any{"Status": status, "Msg": msg, "Hint": hint})
}

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json") || r.Method == http.MethodPut
}

// internal logs an error of the program or the machine, naming the draft
// or batch, and tells the user in Chinese.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, id string, err error) {
	s.log.Printf("错误 %s %s（编号 %s）：%v", r.Method, r.URL.Path, id, err)
	s.fail(w, r, http.StatusInternalServerError, "服务器出错，没有完成", "请稍后再试；总是出错时请把运行 huibao serve 的窗口里的信息发给维护者")
}

// limit bounds a request's body; reading past it fails with
// *http.MaxBytesError.
func limit(w http.ResponseWriter, r *http.Request, n int64) {
	r.Body = http.MaxBytesReader(w, r.Body, n)
}

// tooLarge says that a body was over its limit.
func (s *Server) tooLarge(w http.ResponseWriter, r *http.Request, n int64) {
	s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("上传的内容太大（超过 %d MB），没有接收", n>>20),
		"请确认选对了文件；一个单位的填报数据通常只有几十 KB")
}
