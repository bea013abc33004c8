package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/huibao/huibao/engine/form"
	"github.com/huibao/huibao/engine/model"
)

//go:embed ui
var ui embed.FS

// staticFS holds the page's script and style sheet: no CDN, no build step.
var staticFS = mustSub(ui, "ui/static")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// pages are the HTML pages, each ui/pages/NAME.html with ui/pages/base.html.
type pages struct {
	byName map[string]*template.Template
}

func newPages() *pages {
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range []string{"home", "editor", "batches", "batch", "error"} {
		t := template.New("base.html").Funcs(funcs)
		p.byName[name] = template.Must(t.ParseFS(ui, "ui/pages/base.html", "ui/pages/"+name+".html"))
	}
	return p
}

type tokenKey struct{}

func withToken(r *http.Request, token string) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), tokenKey{}, token))
}

func tokenOf(r *http.Request) string {
	t, _ := r.Context().Value(tokenKey{}).(string)
	return t
}

// render writes a page; data is a map the page reads, to which the CSRF
// token is added.
func (p *pages) render(w http.ResponseWriter, r *http.Request, name string, data map[string]any) {
	data["Token"] = tokenOf(r)
	var b bytes.Buffer
	if err := p.byName[name].Execute(&b, data); err != nil {
		http.Error(w, "页面出错："+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

var funcs = template.FuncMap{
	// input names the control a field gets.
	"input": func(f form.Field) string {
		switch {
		case f.Choices != nil && f.Strict:
			return "select"
		case f.Choices != nil:
			return "combo"
		case f.Kind == model.KindMonth:
			return "month"
		case f.Kind == model.KindDate:
			return "date"
		case f.Kind.Number():
			return "number"
		case long[f.Path]:
			return "textarea"
		}
		return "text"
	},
	// isMonth reports whether a month-precision field's value is to the month.
	"isMonth": func(v string) bool { return v == "" || strings.Count(v, "-") == 1 || strings.HasSuffix(v, "月") },
	"has":     func(list []string, v string) bool { return v == "" || contains(list, v) },
	"json": func(v any) (template.JS, error) {
		b, err := json.Marshal(v)
		return template.JS(b), err
	},
	"row": func(rows []map[string]string, i int) map[string]string {
		if i < len(rows) {
			return rows[i]
		}
		return nil
	},
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	},
	"required": required,
	"add":      func(a, b int) int { return a + b },
	"sub":      func(a, b int) int { return a - b },
	"emptyRow": func() map[string]string { return map[string]string{} },
	"dict":     dict,
}

// required reports whether a field must be filled whenever the form is:
// a required field of a list's row, or of a group that is itself
// required (负责人职务 is required only when a 负责人 is given, so it
// gets no mark).
func required(f form.Field) bool {
	if !f.Required {
		return false
	}
	for p := f.Path; strings.Contains(p, "."); {
		p = p[:strings.LastIndex(p, ".")]
		parent, ok := model.LookupField(p)
		if !ok || parent.Kind == model.KindList {
			return true
		}
		if !parent.Required {
			return false
		}
	}
	return true
}

// long are the fields written as sentences: a text area.
var long = map[string]bool{"activities.content": true, "activities.result": true, "problems": true,
	"report.title": false}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// dict builds a map from key–value pairs, for passing several values to a
// sub-template.
func dict(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}
