package zh

import (
	"testing"

	"github.com/huibao/huibao/engine/model"
	"github.com/shopspring/decimal"

	// This package has no golden file, but go test ./... -update passes the
	// flag to every test binary of the module.
	_ "github.com/huibao/huibao/internal/golden"
)

// dec parses a decimal literal of a test table.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// date parses a date literal of a test table.
func date(t testing.TB, s string) model.Date {
	t.Helper()
	if s == "" {
		return model.Date{}
	}
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
