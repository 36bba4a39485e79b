package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"termite/internal/testbin"
)

// termiteBin is the binary under test: built once by TestMain, or
// $TERMITE_BIN.
var termiteBin string

func TestMain(m *testing.M) {
	os.Exit(testbin.Main(m, &termiteBin))
}

// result is what one run of termite did.
type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout: %q\nstderr: %q", r.code, r.stdout, r.stderr)
}

// termite runs the binary in dir with stdin as its standard input (a pipe,
// so never a terminal).
func termite(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(termiteBin, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("termite %q: timed out", args)
	}
	r := result{stdout: out.String(), stderr: errOut.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		r.code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r
}

// writeFiles makes a folder holding the given files.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCLI(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"hello.scm":   "(display \"hello\")\n(newline)\n",
		"show-x.scm":  "(display x)\n",
		"cmdline.scm": "(write (command-line))\n",
		"syntax.scm":  "(display \"must not print\")\n(newline)\n(display (+ 1 2)))\n",
		"error.scm":   "(display \"partial\")\n(car 1)\n(display \"not reached\")\n",
		"exit3.scm":   "(display \"bye\")\n(exit 3)\n(display \"not reached\")\n",
		"shebang.scm": "#!/usr/bin/env termite\n(display \"ran\")\n",
		"readin.scm":  "(display (read-line))\n",
		"stderr.scm":  "(write-string \"to stderr\" (current-error-port))\n",
	})
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string // exact, unless it starts with "~": then a regexp
		stderr string // a regexp; "" means standard error must be empty
	}{
		{"help", "", []string{"--help"}, 0, "~^usage: termite (?s:.*)-e EXPR(?s:.*)-I DIR", ""},
		{"version", "", []string{"--version"}, 0, "~^termite \\S+\n$", ""},
		{"help-not-first", "", []string{"-e", "(display 1)", "--help"}, 0, "~^usage: termite", ""},
		{"h", "", []string{"-h"}, 0, "~^usage: termite (?s:.*)-h, --help", ""},
		{"unknown-flag", "", []string{"--bogus"}, 64, "", "^termite: unknown option --bogus \\(try termite --help\\)\n$"},
		{"unknown-short-flag", "", []string{"-x", "hello.scm"}, 64, "", "^termite: unknown option -x \\(try termite --help\\)\n$"},
		{"missing-argument", "", []string{"-e"}, 64, "", "^termite: option -e needs an argument EXPR \\(try termite --help\\)\n$"},
		{"missing-dir", "", []string{"-I"}, 64, "", "-I needs an argument"},
		{"flag-with-value", "", []string{"--help=yes"}, 64, "", "takes no argument"},

		{"file", "", []string{"hello.scm"}, 0, "hello\n", ""},
		{"shebang", "", []string{"shebang.scm"}, 0, "ran", ""},
		{"e", "", []string{"-e", "(display (+ 1 2))"}, 0, "3", ""},
		{"e-several-forms", "", []string{"-e", "(define x 4) (display (* x x))"}, 0, "16", ""},
		{"p", "", []string{"-p", "(+ 1 2)"}, 0, "3\n", ""},
		{"p-writes", "", []string{"-p", "(list \"a\" #\\b 'c)"}, 0, "(\"a\" #\\b c)\n", ""},
		{"p-values", "", []string{"-p", "(values 1 \"two\")"}, 0, "1\n\"two\"\n", ""},
		{"p-unspecified", "", []string{"-p", "(if #f #f)"}, 0, "", ""},
		{"in-order", "", []string{"-e", "(display 1)", "-p", "2", "-e", "(display 3)"}, 0, "12\n3", ""},
		{"e-then-file", "", []string{"-e", "(define x 5)", "show-x.scm"}, 0, "5", ""},
		{"I-accepted", "", []string{"-I", dir, "-I", ".", "-e", "(display 1)"}, 0, "1", ""},

		{"command-line", "", []string{"cmdline.scm", "a", "b c"}, 0, "(\"cmdline.scm\" \"a\" \"b c\")", ""},
		{"options-after-file", "", []string{"cmdline.scm", "-e", "--bogus", "-"}, 0, "(\"cmdline.scm\" \"-e\" \"--bogus\" \"-\")", ""},
		{"double-dash", "", []string{"--", "cmdline.scm", "x"}, 0, "(\"cmdline.scm\" \"x\")", ""},

		{"stdin-mode", "(display \"from stdin\")", nil, 0, "from stdin", ""},
		{"stdin-command-line", "(write (command-line))", nil, 0, "(\"-\")", ""},
		{"dash-is-stdin", "(write (command-line))", []string{"-", "a"}, 0, "(\"-\" \"a\")", ""},
		{"stdin-syntax-error", "(display 1)\n(", nil, 65, "", "^-:2:"},
		{"script-reads-stdin", "typed line\nmore\n", []string{"readin.scm"}, 0, "typed line", ""},
		{"stderr-port", "", []string{"stderr.scm"}, 0, "", "^to stderr$"},

		{"syntax-error-runs-nothing", "", []string{"syntax.scm"}, 65, "", "^syntax.scm:3:\\d+: "},
		{"syntax-error-in-e", "", []string{"-e", "(display 1"}, 65, "", "^-e:1:"},
		{"syntax-error-before-e", "", []string{"-e", "(display 1)", "syntax.scm"}, 65, "", "^syntax.scm:3:"},
		{"syntax-error-in-later-e", "", []string{"-e", "(display 1)", "-e", "(oops"}, 65, "", "^-e:1:"},
		{"uncaught-error", "", []string{"error.scm"}, 70, "partial", "^error: .*car(?s:.*)at error.scm:2:"},
		{"error-in-e-skips-file", "", []string{"-e", "(car 1)", "hello.scm"}, 70, "", "^error: "},
		{"exit-code", "", []string{"exit3.scm"}, 3, "bye", ""},
		{"exit-no-argument", "", []string{"-e", "(display 1) (exit) (display 2)"}, 0, "1", ""},
		{"exit-true", "", []string{"-e", "(exit #t)"}, 0, "", ""},
		{"exit-false", "", []string{"-e", "(exit #f)"}, 1, "", ""},
		{"exit-in-e-skips-file", "", []string{"-e", "(exit 4)", "hello.scm"}, 4, "", ""},
		{"exit-over-255", "", []string{"-e", "(exit 256)"}, 70, "", "^error: exit: status not from 0 to 255 256"},
		{"exit-negative", "", []string{"-e", "(exit -1)"}, 70, "", "^error: exit: status not from 0 to 255 -1"},
		{"missing-file", "", []string{"no-such-file.scm"}, 66, "", "no-such-file.scm"},
		{"missing-file-runs-nothing", "", []string{"-e", "(display 1)", "no-such-file.scm"}, 66, "", "no-such-file.scm"},
		{"directory-as-file", "", []string{"."}, 66, "", "is a directory"},
		{"endless-file", "", []string{"/dev/zero"}, 66, "", "^termite: /dev/zero: over the limit of 64 MiB of source text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := termite(t, dir, tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\n%v", r.code, tt.code, r)
			}
			if want, ok := strings.CutPrefix(tt.stdout, "~"); ok {
				if !regexp.MustCompile(want).MatchString(r.stdout) {
					t.Errorf("stdout does not match %q\n%v", want, r)
				}
			} else if r.stdout != tt.stdout {
				t.Errorf("stdout %q, want %q\n%v", r.stdout, tt.stdout, r)
			}
			if tt.stderr == "" {
				if r.stderr != "" {
					t.Errorf("unexpected stderr\n%v", r)
				}
			} else if !regexp.MustCompile(tt.stderr).MatchString(r.stderr) {
				t.Errorf("stderr does not match %q\n%v", tt.stderr, r)
			}
		})
	}
}

// TestOutputBuffering checks that output written long before the end of
// the program is all there, in order, when standard output is a pipe.
func TestOutputBuffering(t *testing.T) {
	r := termite(t, t.TempDir(), "", "-e",
		`(do ((i 0 (+ i 1))) ((= i 100000)) (write i) (newline)) (car 0)`)
	if r.code != 70 {
		t.Fatalf("exit status %d, want 70\n%v", r.code, r.stderr)
	}
	lines := strings.Split(r.stdout, "\n")
	if len(lines) != 100001 || lines[99999] != "99999" {
		t.Errorf("got %d lines, want 100000 and a final newline", len(lines)-1)
	}
}

// TestSignals checks that Ctrl-C stops a running script with status 130,
// and SIGTERM and SIGHUP with 143 and 129, as the signal itself would, in
// a loop or in a read that waits; all of them flush what it printed.
func TestSignals(t *testing.T) {
	tests := []struct {
		name   string
		sig    syscall.Signal
		prog   string
		code   int
		stderr string
	}{
		{"int", syscall.SIGINT, "(let loop () (loop))", 130, "interrupted"},
		{"int-in-read", syscall.SIGINT, "(read-line)", 130, "interrupted"},
		{"term", syscall.SIGTERM, "(let loop () (loop))", 143, ""},
		{"term-in-read", syscall.SIGTERM, "(read-line)", 143, ""},
		{"hup", syscall.SIGHUP, "(let loop () (loop))", 129, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(termiteBin, "-e", `(display "started") (newline) `+tt.prog)
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			stdin, err := cmd.StdinPipe() // open, and silent, until the end
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Standard output is a pipe, so buffered until exit: there is no sign
			// that the loop has started but time.
			time.Sleep(500 * time.Millisecond)
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("termite did not stop on %v", tt.sig)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tt.code {
				t.Errorf("exit: %v, want status %d; stderr %q", err, tt.code, errOut.String())
			}
			if out.String() != "started\n" {
				t.Errorf("stdout %q, want %q", out.String(), "started\n")
			}
			if !strings.Contains(errOut.String(), tt.stderr) || (tt.stderr == "" && errOut.Len() > 0) {
				t.Errorf("stderr %q, want %q", errOut.String(), tt.stderr)
			}
		})
	}
}

// TestOutputLost: when the output cannot be written at the end (a full
// disk), a program that otherwise succeeded fails with status 74.
func TestOutputLost(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	for _, args := range [][]string{{"-e", `(display "lost")`}, {"-p", "42"}, {"-e", `(display "lost") (exit 0)`}} {
		cmd := exec.Command(termiteBin, args...)
		var errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = full, &errOut
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 74 || !strings.Contains(errOut.String(), "no space left") {
			t.Errorf("%q: exit %v, want status 74; stderr %q", args, err, errOut.String())
		}
	}
}

// TestCPUProfile: TERMITE_CPUPROFILE makes the run write a pprof profile
// (gzip-compressed protocol buffers) to that file; a file that cannot be
// made is a usage error.
func TestCPUProfile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cpu.pprof")
	cmd := exec.Command(termiteBin, "-p", "(+ 1 2)")
	cmd.Env = append(os.Environ(), "TERMITE_CPUPROFILE="+path)
	out, err := cmd.Output()
	if err != nil || string(out) != "3\n" {
		t.Fatalf("got %q, %v; want 3", out, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		t.Errorf("the profile is not gzip data: % x", data[:min(len(data), 8)])
	}

	cmd = exec.Command(termiteBin, "-p", "1")
	cmd.Env = append(os.Environ(), "TERMITE_CPUPROFILE="+filepath.Join(dir, "no", "such", "dir"))
	var exit *exec.ExitError
	if err := cmd.Run(); !errors.As(err, &exit) || exit.ExitCode() != 64 {
		t.Errorf("unwritable profile: %v, want exit status 64", err)
	}
}
