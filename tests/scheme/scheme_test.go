// Package scheme_test runs the Scheme test files of this folder and its
// subfolders with the real termite binary and checks what they print.
//
// # Test files
//
// Every NAME.scm below this folder is a test, run as `termite NAME.scm`
// from the file's own folder, with a timeout of 30 seconds. Its standard
// output must equal NAME.out beside it, byte for byte; a missing NAME.out
// means no output at all. Each file is a subtest named by its path without
// .scm, so one file runs with
//
//	go test ./tests/scheme -run 'Scheme/callcc'
//	go test ./tests/scheme -run 'Scheme/errors/car'
//
// Files whose name starts with "_", and files under a folder named "lib",
// are helpers for other tests (included or loaded) and are not run.
//
// Unless a marker says otherwise, the program must exit with status 0.
// A file holds at most one marker, a comment at the end of a line:
//
//	(car 5)  ; ERROR: car: expected pair
//	(car 5)  ;; ERROR: regexp
//
// The program must die of an uncaught error on that line: exit status 70,
// standard error matching the regexp, and the position line of the report
// ("  at FILE:LINE:COL") naming this file and this line. Standard output is
// still compared with NAME.out, so a file shows what ran before the error.
//
//	(display "x  ; SYNTAX-ERROR: unterminated string
//
// The file must be refused by the reader: exit status 65, no output at
// all, and standard error matching the regexp and starting with
// "FILE:LINE:" for this line (a marker is found anywhere on its line, so
// it can sit inside an unterminated string or list).
//
//	;; exit: 3
//
// The program must exit with that status, having printed NAME.out.
//
// If NAME.err exists, standard error must also equal it.
//
// The binary is built once into a temporary folder; set TERMITE_BIN to
// test an existing one instead.
package scheme_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"termite/internal/testbin"
)

// termite is the path of the binary under test.
var termite string

const timeout = 30 * time.Second

func TestMain(m *testing.M) {
	os.Exit(testbin.Main(m, &termite))
}

func TestScheme(t *testing.T) {
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "lib" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".scm") && !strings.HasPrefix(d.Name(), "_") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test files")
	}
	for _, f := range files {
		name := filepath.ToSlash(strings.TrimSuffix(f, ".scm"))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runFile(t, f)
		})
	}
}

// expectation is what a test file says should happen.
type expectation struct {
	kind   string // "", "ERROR" or "SYNTAX-ERROR"
	re     *regexp.Regexp
	line   int // the marker's line
	status int
}

var (
	markerRE = regexp.MustCompile(`;+\s*(ERROR|SYNTAX-ERROR):\s*(.*?)\s*$`)
	exitRE   = regexp.MustCompile(`^\s*;+\s*exit:\s*(\d+)\s*$`)
)

func parseExpectation(src string) (expectation, error) {
	var e expectation
	found := 0
	for i, line := range strings.Split(src, "\n") {
		if m := markerRE.FindStringSubmatch(line); m != nil {
			re, err := regexp.Compile(m[2])
			if err != nil {
				return e, fmt.Errorf("line %d: bad regexp: %v", i+1, err)
			}
			e.kind, e.re, e.line = m[1], re, i+1
			e.status = 70
			if e.kind == "SYNTAX-ERROR" {
				e.status = 65
			}
			found++
		} else if m := exitRE.FindStringSubmatch(line); m != nil {
			e.status, _ = strconv.Atoi(m[1])
			found++
		}
	}
	if found > 1 {
		return e, errors.New("more than one ERROR, SYNTAX-ERROR or exit marker")
	}
	return e, nil
}

func runFile(t *testing.T, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := parseExpectation(string(src))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	base := strings.TrimSuffix(path, ".scm")
	outFile := base + ".out"
	wantOut, err := os.ReadFile(outFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, termite, filepath.Base(path))
	cmd.Dir = filepath.Dir(path)
	// Tests that start nodes share a cookie, whatever the home folder holds.
	cmd.Env = append(os.Environ(), "TERMITE_COOKIE=termite-scheme-tests")
	var stdout, stderr cappedBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s: timed out after %v\nstdout:\n%s\nstderr:\n%s", path, timeout, tail(stdout.String()), stderr.String())
	}
	status := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatal(err)
		}
		status = exit.ExitCode()
	}

	if status != want.status {
		t.Errorf("%s: exit status %d, want %d\nstderr:\n%s", path, status, want.status, stderr.String())
	}
	if got := stdout.String(); got != string(wantOut) {
		t.Errorf("%s: output differs from %s (- want, + got):\n%s", path, outFile, lineDiff(outFile, string(wantOut), got))
	}
	errText := stderr.String()
	switch want.kind {
	case "ERROR":
		checkErrorText(t, path, want, errText, `(?m)^\s*at (\S+):(\d+):\d+`)
	case "SYNTAX-ERROR":
		checkErrorText(t, path, want, errText, `^(\S+?):(\d+):`)
	}
	if wantErr, err := os.ReadFile(base + ".err"); err == nil && errText != string(wantErr) {
		t.Errorf("%s: standard error differs from %s.err (- want, + got):\n%s", path, base, lineDiff(base+".err", string(wantErr), errText))
	}
}

// checkErrorText checks an error report against a marker: its regexp, and
// the file and line that posRE (a regexp with those two groups) finds.
func checkErrorText(t *testing.T, path string, want expectation, errText, posRE string) {
	t.Helper()
	marker := fmt.Sprintf("%s:%d", path, want.line)
	if !want.re.MatchString(errText) {
		t.Errorf("%s: %s %q does not match standard error:\n%s", marker, want.kind, want.re, errText)
	}
	m := regexp.MustCompile(posRE).FindStringSubmatch(errText)
	if m == nil {
		t.Errorf("%s: no position in standard error:\n%s", marker, errText)
		return
	}
	if line, _ := strconv.Atoi(m[2]); m[1] != filepath.Base(path) || line != want.line {
		t.Errorf("%s: error reported at %s:%s, want this line\n%s", marker, m[1], m[2], errText)
	}
}

// maxOutput bounds what is kept of a test's output: a runaway loop that
// prints must fail by its timeout, not exhaust memory first.
const maxOutput = 4 << 20

// cappedBuffer keeps the first maxOutput bytes written to it.
type cappedBuffer struct {
	bytes.Buffer
	dropped int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if room := maxOutput - b.Len(); len(p) > room {
		b.dropped += len(p) - max(room, 0)
		p = p[:max(room, 0)]
	}
	b.Buffer.Write(p)
	return n, nil
}

func (b *cappedBuffer) String() string {
	if b.dropped > 0 {
		return b.Buffer.String() + fmt.Sprintf("\n[... %d more bytes]", b.dropped)
	}
	return b.Buffer.String()
}

// tail returns the end of a long text, for messages.
func tail(s string) string {
	const max = 2000
	if len(s) > max {
		return "..." + s[len(s)-max:]
	}
	return s
}

// lineDiff returns a line diff of want (from file) and got: each differing
// line with "-" or "+" and its line number in want (file:line) or got.
func lineDiff(file, want, got string) string {
	a, b := splitLines(want), splitLines(got)
	// Above this size the quadratic table costs too much; the first
	// difference is what helps anyway.
	if len(a)*len(b) > 4_000_000 {
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		var s strings.Builder
		if i < len(a) {
			fmt.Fprintf(&s, "- %s:%d: %s\n", file, i+1, a[i])
		}
		if i < len(b) {
			fmt.Fprintf(&s, "+ output:%d: %s\n", i+1, b[i])
		}
		return s.String()
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var s strings.Builder
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i++
			j++
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			fmt.Fprintf(&s, "- %s:%d: %s\n", file, i+1, a[i])
			i++
		default:
			fmt.Fprintf(&s, "+ output:%d: %s\n", j+1, b[j])
			j++
		}
	}
	return s.String()
}

// splitLines splits text into lines, marking a missing final newline so
// that it shows in the diff.
func splitLines(text string) []string {
	if text == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "\\ (no newline at end)"
	return lines
}
