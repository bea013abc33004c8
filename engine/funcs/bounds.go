package funcs

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template"
)

// A template may come from any author's folder, so the function map holds
// only functions that give the same result on every run and cannot run
// away with the machine: two runs of the same input give the same bytes,
// and no call makes a text or a list that no report needs.

// MaxText and MaxList bound what one call may return: a text of a
// megabyte, a list of a hundred thousand items. A report is some tens of
// kilobytes; a template doubling a text in a loop hits the limit in twenty
// steps, with an error at the call.
const (
	MaxText = 1 << 20
	MaxList = 100_000
)

// dropped are sprig's functions that are not the same on every run —
// random, the clock, the local time zone, the operating system's path
// rules — or whose cost is the point (key generation, password hashing).
// The tests check that none is in the map.
var dropped = []string{
	"randInt", "shuffle", // random
	"ago", "toDate", "mustToDate", // the clock and time.Local
	"bcrypt", "htpasswd", "derivePassword", "encryptAES", "decryptAES", // random salts, costly
	"genPrivateKey", "buildCustomCert", "genCA", "genCAWithKey", "genSelfSignedCert",
	"genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey", // random keys, costly
	"osBase", "osClean", "osDir", "osExt", "osIsAbs", // the OS's path rules
}

// harden removes the dropped functions, replaces those that allocate
// before they could be checked (until, untilStep, seq, repeat) and those
// whose order is random (keys, values), and wraps every other sprig
// function, and text/template's print functions, so that a result beyond
// MaxText or MaxList is an error of the call.
func harden(m template.FuncMap) {
	for _, name := range dropped {
		delete(m, name)
	}
	m["print"], m["printf"], m["println"] = fmt.Sprint, fmt.Sprintf, fmt.Sprintln
	for name, fn := range m {
		m[name] = bounded(name, fn)
	}
	until := m["until"].(func(int) []int)
	untilStep := m["untilStep"].(func(int, int, int) []int)
	seq := m["seq"].(func(...int) string)
	m["until"] = func(n int) ([]int, error) {
		if err := count(0, n, 1); err != nil {
			return nil, err
		}
		return until(n), nil
	}
	m["untilStep"] = func(start, stop, step int) ([]int, error) {
		if err := count(start, stop, step); err != nil {
			return nil, err
		}
		return untilStep(start, stop, step), nil
	}
	m["seq"] = func(params ...int) (string, error) {
		var err error
		switch len(params) {
		case 1:
			err = count(1, params[0], 1)
		case 2:
			err = count(params[0], params[1], 1)
		case 3:
			err = count(params[0], params[2], params[1])
		}
		if err != nil {
			return "", err
		}
		return seq(params...), nil
	}
	m["repeat"] = func(n int, s string) (string, error) {
		if n < 0 {
			return "", fmt.Errorf("repeat 的次数不能是负数（%d）", n)
		}
		if n > 0 && len(s) > MaxText/n {
			return "", tooLong()
		}
		return strings.Repeat(s, n), nil
	}
	m["keys"] = func(dicts ...map[string]any) []string {
		var out []string
		for _, d := range dicts {
			out = append(out, slices.Sorted(maps.Keys(d))...)
		}
		return out
	}
	m["values"] = func(d map[string]any) []any {
		out := make([]any, 0, len(d))
		for _, k := range slices.Sorted(maps.Keys(d)) {
			out = append(out, d[k])
		}
		return out
	}
}

// count refuses a range of more than MaxList numbers from start towards
// stop by step, before it is made.
func count(start, stop, step int) error {
	if step == 0 {
		return nil
	}
	n := (int64(stop) - int64(start)) / int64(step)
	if n < 0 {
		n = -n
	}
	if n > MaxList {
		return fmt.Errorf("要生成 %d 个数，超过了上限 %d 个", n, MaxList)
	}
	return nil
}

// within refuses a text over MaxText, for the functions of the namespaces
// that join their arguments.
func within(s string, err error) (string, error) {
	if err == nil && len(s) > MaxText {
		return "", tooLong()
	}
	return s, err
}

func tooLong() error {
	return fmt.Errorf("结果超过了 %d MB，报告里用不到这么长的文字", MaxText>>20)
}

// bounded wraps fn, keeping its signature, so that a text result over
// MaxText or a list or map over MaxList ends the call with an error
// (text/template turns the panic of a function into its error).
func bounded(name string, fn any) any {
	v := reflect.ValueOf(fn)
	t := v.Type()
	if t.Kind() != reflect.Func || t.NumOut() == 0 || !mayGrow(t.Out(0)) {
		return fn
	}
	return reflect.MakeFunc(t, func(in []reflect.Value) []reflect.Value {
		var out []reflect.Value
		if t.IsVariadic() {
			out = v.CallSlice(in)
		} else {
			out = v.Call(in)
		}
		if err := tooBig(out[0]); err != nil {
			panic(fmt.Errorf("%s：%w", name, err))
		}
		return out
	}).Interface()
}

// mayGrow reports whether a result of type t may be too big: a text, a
// list, a map or any value.
func mayGrow(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Interface:
		return true
	}
	return false
}

func tooBig(v reflect.Value) error {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		if v.Len() > MaxText {
			return tooLong()
		}
	case reflect.Slice, reflect.Map:
		if v.Len() > MaxList {
			return fmt.Errorf("结果有 %d 项，超过了上限 %d 项", v.Len(), MaxList)
		}
	}
	return nil
}
