// Command huibao turns a union cadre's data into finished Chinese reports:
// Markdown, an official-document PDF and an XLSX appendix.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
