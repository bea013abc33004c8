package funcs

import (
	"regexp"
	"sync"
	"text/template"
)

// regexCache compiles each pattern once. sprig's regex functions compile
// their pattern on every call; a template that picks a verb by pattern for
// each of 120 activities spent most of its time there. The cache lives in
// one function map, so it is shared by the templates compiled with it and
// by nothing else.
type regexCache struct {
	mu sync.Mutex
	m  map[string]*regexp.Regexp
}

func (c *regexCache) get(pattern string) (*regexp.Regexp, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if re, ok := c.m[pattern]; ok {
		return re, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*regexp.Regexp{}
	}
	c.m[pattern] = re
	return re, nil
}

// cachedRegexFuncs replaces sprig's regexMatch, mustRegexMatch,
// regexReplaceAll and mustRegexReplaceAll with versions of the same
// signature and behaviour that compile each pattern once.
func cachedRegexFuncs(m template.FuncMap) {
	c := &regexCache{}
	m["regexMatch"] = func(regex, s string) bool {
		re, err := c.get(regex)
		return err == nil && re.MatchString(s)
	}
	m["mustRegexMatch"] = func(regex, s string) (bool, error) {
		re, err := c.get(regex)
		if err != nil {
			return false, err
		}
		return re.MatchString(s), nil
	}
	m["regexReplaceAll"] = func(regex, s, repl string) string {
		re, err := c.get(regex)
		if err != nil {
			return s // sprig panics here; a template error would be kinder, but the signature is sprig's
		}
		return re.ReplaceAllString(s, repl)
	}
	m["mustRegexReplaceAll"] = func(regex, s, repl string) (string, error) {
		re, err := c.get(regex)
		if err != nil {
			return "", err
		}
		return re.ReplaceAllString(s, repl), nil
	}
}
