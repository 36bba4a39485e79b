package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMakeInstall: make install puts a working termite in $PREFIX/bin,
// and make uninstall removes it.
func TestMakeInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary with make")
	}
	for _, tool := range []string{"make", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on PATH", tool)
		}
	}
	prefix := t.TempDir()
	runMake := func(target string) {
		t.Helper()
		cmd := exec.Command("make", "-C", "../..", target, "PREFIX="+prefix)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make %s: %v\n%s", target, err, out)
		}
	}
	runMake("install")
	installed := filepath.Join(prefix, "bin", "termite")
	out, err := exec.Command(installed, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "termite ") {
		t.Fatalf("%s --version: %q, %v", installed, out, err)
	}
	runMake("uninstall")
	if _, err := os.Stat(installed); !os.IsNotExist(err) {
		t.Errorf("after make uninstall, %s: %v", installed, err)
	}
}
