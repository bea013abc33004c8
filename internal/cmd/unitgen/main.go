// Command unitgen writes a batch folder of N generated units (see
// internal/unitgen), for the scale benchmark:
//
//	go run ./internal/cmd/unitgen -n 1000 -o /tmp/units
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/huibao/huibao/internal/unitgen"
)

func main() {
	n := flag.Int("n", 1000, "number of units")
	out := flag.String("o", "", "folder to write (created; existing unit files are replaced)")
	seed := flag.Uint64("seed", 1, "the same seed gives the same files")
	xlsx := flag.Float64("xlsx", 0, "share of units as XLSX 填报表 (default 0.03; negative for none)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: unitgen -n N -o DIR [-seed S] [-xlsx SHARE]")
		os.Exit(2)
	}
	paths, err := unitgen.Write(*out, unitgen.Options{N: *n, Seed: *seed, XLSX: *xlsx})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d units in %s\n", len(paths), *out)
}
