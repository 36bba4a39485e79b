package eval_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"termite/eval"
	rt "termite/runtime"
	"termite/stdlib"
)

// TestStackLimit: a recursion deeper than Options.MaxStack raises a stack
// overflow error that a guard catches, and the process goes on, its stack
// usable again.
func TestStackLimit(t *testing.T) {
	in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, MaxStack: 1 << 14})
	if err := stdlib.Install(in); err != nil {
		t.Fatal(err)
	}
	v, err := in.RunSource([]byte(`
		(define (f n) (if (= n 0) 0 (+ 1 (f (- n 1)))))
		(define (g n) (if (= n 0) '() (cons n (apply g (list (- n 1))))))
		(list (guard (e (#t (error-object-message e))) (f 100000))
		      (guard (e (#t (error-object-message e))) (g 100000))
		      (f 1000))`), "test.scm")
	if err != nil {
		t.Fatal(err)
	}
	msg := `"stack overflow: recursion deeper than the limit of 262144 bytes of stack"`
	want := "(" + msg + " " + msg + " 1000)"
	if got := rt.WriteString(v); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	_, err = in.RunSource([]byte(`(define (h n) (+ 1 (h n))) (h 0)`), "test.scm")
	if err == nil || !strings.Contains(err.Error(), "stack overflow") {
		t.Errorf("unbounded recursion: %v, want a stack overflow error", err)
	}
}

// TestSourceLimit: a source file over Options.MaxSource is refused before
// it is all read, as a script, by load and by include.
func TestSourceLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.scm")
	if err := os.WriteFile(big, []byte("(define x 1)\n"+strings.Repeat(" ", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, MaxSource: 1000})
	if err := stdlib.Install(in); err != nil {
		t.Fatal(err)
	}
	var tooBig *eval.SourceTooBig
	if err := in.RunFile(big); !errors.As(err, &tooBig) {
		t.Errorf("RunFile: %v, want a SourceTooBig", err)
	}
	for _, form := range []string{`(load "` + big + `")`, `(include "` + big + `")`} {
		_, err := in.RunSource([]byte(form), "test.scm")
		if err == nil || !strings.Contains(err.Error(), "over the limit of") {
			t.Errorf("%s: %v, want an error about the limit", form, err)
		}
	}
	if _, err := eval.ReadSource(strings.NewReader(strings.Repeat("x", 1000)), "ok", 1000); err != nil {
		t.Errorf("source of exactly the limit: %v", err)
	}
}

// TestMailboxWarning: a mailbox that grows past mailboxWarning messages
// is reported on standard error, once, and again when it has doubled.
func TestMailboxWarning(t *testing.T) {
	var errOut strings.Builder
	in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errOut})
	if err := stdlib.Install(in); err != nil {
		t.Fatal(err)
	}
	_, err := in.RunSource([]byte(`
		(define p (spawn (lambda () (sleep 1000))))
		(do ((i 0 (+ i 1))) ((= i 250000)) (! p i))`), "test.scm")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "has 100000 messages waiting in its mailbox") ||
		!strings.HasSuffix(lines[1], "has 200000 messages waiting in its mailbox") {
		t.Errorf("standard error:\n%s", errOut.String())
	}
}

// TestHeavyPrimitivesPreempted: a process that loops over calls of
// primitives working on long data yields as often as one running as much
// Scheme code, so that another process's short sleep ends on time (it
// waited for a quantum of thousands of such calls).
func TestHeavyPrimitivesPreempted(t *testing.T) {
	if testing.Short() {
		t.Skip("a timing test: make test runs -short under the race detector, which slows the primitives tenfold")
	}
	for _, loop := range []string{
		`(let ((v (make-vector 2000000 0))) (let loop () (vector-fill! v 1) (loop)))`,
		`(let ((a (iota 100000)) (b (iota 100000))) (let loop () (equal? a b) (loop)))`,
		`(let ((a (iota 100000))) (let loop () (length a) (reverse a) (loop)))`,
	} {
		in := newInterp(t)
		v, err := in.RunSource([]byte(`
			(define hog (spawn (lambda () `+loop+`)))
			(define t0 (current-jiffy))
			(sleep 0.05)
			(/ (- (current-jiffy) t0) 1000.)`), "test.scm")
		if err != nil {
			t.Fatal(err)
		}
		if ms := float64(v.(rt.Flonum)); ms > 500 {
			t.Errorf("%s: a sleep of 50 ms took %.0f ms", loop, ms)
		}
	}
}
