package main

import (
	"net"
	"strings"
	"testing"
)

// TestServeRefusals: a port in use and an argument are usage errors in
// Chinese; the help names the loopback default and the LAN warning.
func TestServeRefusals(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, errs := cli(t, nil, "serve", "--addr", ln.Addr().String(), "--dir", t.TempDir())
	if code != 2 || !strings.Contains(errs, "无法在 "+ln.Addr().String()+" 上启动网页") || !strings.Contains(errs, "--addr") {
		t.Errorf("busy port: exit %d\n%s", code, errs)
	}
	if code, _, errs := cli(t, nil, "serve", "x"); code != 2 || !strings.Contains(errs, "用法错误") {
		t.Errorf("serve with an argument: exit %d\n%s", code, errs)
	}
	if code, out, _ := cli(t, nil, "serve", "--help"); code != 0 || !strings.Contains(out, "127.0.0.1") || !strings.Contains(out, "局域网") {
		t.Errorf("serve --help:\n%s", out)
	}
}
