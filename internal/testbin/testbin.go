// Package testbin gives tests the termite binary: the one $TERMITE_BIN
// names, or one built for the test run.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Main builds the binary (unless $TERMITE_BIN is set), stores its path in
// *path, runs the tests and returns their exit status: a package's
// TestMain is os.Exit(testbin.Main(m, &bin)).
func Main(m *testing.M, path *string) int {
	if bin := os.Getenv("TERMITE_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		*path = abs
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "termite-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	*path = filepath.Join(dir, "termite")
	build := exec.Command("go", "build", "-o", *path, "termite/cmd/termite")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building termite:", err)
		return 1
	}
	return m.Run()
}
