package catalog

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/huibao/huibao/engine/diag"
)

// idPattern is what a template id may be: it is also a folder name and is
// typed on the command line, so ASCII letters, digits and hyphens.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// CopyOptions say what Copy writes.
type CopyOptions struct {
	Name   string // the new template's Chinese name (required)
	Shared bool   // also copy the shared partials into partials/, to edit them
}

// Copy writes t as a new template into dir, which must not exist yet; the
// folder's base name becomes the id. It writes template.yaml (id and name
// replaced, the rest kept with its comments), report.md.tmpl, the
// template's own partials and, with opts.Shared, every shared partial it
// sees, so that an author can change the opening without touching the
// other templates. The folder appears whole or not at all. It returns the
// files written, as relative paths.
func (t *Template) Copy(dir string, opts CopyOptions) ([]string, error) {
	id := filepath.Base(filepath.Clean(dir))
	if !idPattern.MatchString(id) {
		return nil, fmt.Errorf("文件夹名“%s”就是新模板的 id，只能用小写英文字母、数字和连字符，例如 women-summary", id)
	}
	if strings.TrimSpace(opts.Name) == "" {
		return nil, fmt.Errorf("请用 --name 给新模板起一个中文名称，例如 --name 女职工工作总结")
	}
	if _, err := os.Stat(dir); err == nil {
		return nil, fmt.Errorf("%s 已经存在；请换一个文件夹名，或先删除它", dir)
	}
	manifest, err := readFile(t.fsys, path.Join(t.root, "template.yaml"))
	if err != nil {
		return nil, fmt.Errorf("无法读取 %s：%s", t.Dir, diag.OSReason(err))
	}
	files := map[string]string{
		"template.yaml":  rewriteManifest(string(manifest), t, id, opts.Name),
		"report.md.tmpl": t.text,
	}
	for base, p := range t.partials {
		if p.Own || opts.Shared {
			files[path.Join("partials", base)] = p.Text
		}
	}

	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s：%s", parent, diag.OSReason(err))
	}
	tmp, err := os.MkdirTemp(parent, "."+id+"-")
	if err != nil {
		return nil, fmt.Errorf("无法在 %s 里写文件：%s", parent, diag.OSReason(err))
	}
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		err := os.MkdirAll(filepath.Dir(p), 0o755)
		if err == nil {
			err = os.WriteFile(p, []byte(files[name]), 0o644)
		}
		if err != nil {
			os.RemoveAll(tmp)
			return nil, fmt.Errorf("无法写入 %s：%s", filepath.Join(dir, name), diag.OSReason(err))
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("无法创建 %s：%s", dir, diag.OSReason(err))
	}
	return names, nil
}

var (
	idLine   = regexp.MustCompile(`(?m)^id:.*$`)
	nameLine = regexp.MustCompile(`(?m)^name:.*$`)
)

// rewriteManifest gives a copied template.yaml its new id and name and a
// first line saying where it came from; everything else, comments
// included, is kept for the author to edit.
func rewriteManifest(text string, from *Template, id, name string) string {
	text = idLine.ReplaceAllLiteralString(text, "id: "+id)
	text = nameLine.ReplaceAllLiteralString(text, "name: "+yamlScalar(name))
	return fmt.Sprintf("# 复制自模板 %s（%s），请按新模板修改 description、doc_name、spans 和 requires。\n", from.ID, from.Name) + text
}

// yamlScalar quotes s when YAML would read it as something other than the
// plain string.
func yamlScalar(s string) string {
	if strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`") || strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q", s)
	}
	return s
}
