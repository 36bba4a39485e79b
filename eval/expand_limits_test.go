package eval_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"termite/eval"
)

// Code that contains itself (datum labels make it) is an error naming
// where the cycle is, not a Go stack overflow or a hang; circular data
// under quote stays legal.
func TestCircularCode(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"call", "(display 1)\n#0=(+ 1 #0#)", "error: test.scm:2:4: circular code"},
		{"if", "#0=(if #t 1 #0#)", "error: test.scm:1:4: circular code"},
		{"quasiquote", "(define x 1)\n`#0=(a ,x . #0#)", "error: test.scm:2:5: circular code"},
		{"macro with ellipsis",
			"(define-syntax m (syntax-rules () ((_ a ...) (list a ...))))\n(m . #0=(1 . #0#))",
			"error: test.scm:2:9: circular code"},
		{"macro pattern", "(define-syntax m (syntax-rules () ((_ #0=(a . #0#)) 1)))",
			"error: test.scm:1:35: circular code"},
		{"curried define", "(define #0=(#0#) 1)", "error: test.scm:1:12: circular code"},
		{"define-values", "(define-values #0=(a . #0#) (values 1))", "error: test.scm:1:19: circular code"},
		{"match pattern", "(match '(1) (#0=(a . #0#) 1))", "error: test.scm:1:13: circular code"},
		{"cond-expand", "(cond-expand #0=((and . #0#) 1))", "error: test.scm:1:17: circular code"},
		{"argument list", "(list . #0=(1 . #0#))", "error: test.scm:1:1: bad syntax (improper list)"},
		{"quoted", "(car '#0=(1 . #0#))", "1"},
		{"quoted by a macro", "(define-syntax q (syntax-rules () ((_ a) 'a)))\n(car (q #0=(1 . #0#)))", "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := run(t, tc.src); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s...", got, tc.want)
			}
		})
	}
}

// Code that shares a form without containing it is not circular, at any
// depth: the expander records the forms it is in only from some depth
// on (see enter), and must forget each when done with it.
func TestSharedCodeNotCircular(t *testing.T) {
	for _, depth := range []int{1, 63, 64, 65, 200} {
		src := strings.Repeat("(+ 1 ", depth) + "(+ #0=(+ 1 2) #0# `(a ,#0# ,#0#))" + strings.Repeat(")", depth)
		src = strings.Replace(src, "`(a ,#0# ,#0#)", "(length `(a ,#0# ,#0#))", 1)
		if got, want := run(t, src), strconv.Itoa(depth+6+3); got != want {
			t.Errorf("shared form %d deep: got %s, want %s", depth, got, want)
		}
		circular := strings.Repeat("(+ 1 ", depth) + "#0=(+ 1 #0#)" + strings.Repeat(")", depth)
		if got := run(t, circular); !strings.Contains(got, "circular code") {
			t.Errorf("circular form %d deep: got %s", depth, got)
		}
	}
}

// Expanding and, or, let* and quasiquote takes time linear in their
// size: 20,000 operands, bindings or elements took 18 s, 60 s, 100 s (and
// gigabytes) and 46 s when each step copied the rest of the form, looked
// names up through every enclosing let, or searched the rest of the
// template for an unquote.
func TestExpansionLinear(t *testing.T) {
	const n = 20000
	names := make([]string, n)
	bindings := make([]string, n)
	for i := range n {
		names[i] = "x"
		bindings[i] = "(a" + string(rune('0'+i%10)) + " a)"
	}
	for _, tc := range []struct{ name, src, want string }{
		{"and", "(define x 1) (and " + strings.Join(names, " ") + ")", "1"},
		{"or", "(define x #f) (or " + strings.Join(names, " ") + " 7)", "7"},
		{"let*", "(define a 3) (let* (" + strings.Join(bindings, " ") + ") a5)", "3"},
		{"quasiquote", "(define x 1) (length `(" + strings.Join(names, " ") + " ,x))", "20001"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			if got := run(t, tc.src); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// A macro that expands for ever is an error naming it and the place of
// its use, whether its expansions nest or follow one another (a body
// expands macro uses in a loop).
func TestRunawayExpansion(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"nested", "(define-syntax m (syntax-rules () ((_ a) (m a))))\n(m 1)",
			"error: test.scm:2:1: m: expansion nested more than 100000 deep"},
		{"growing", "(define-syntax m (syntax-rules () ((_ a) (list (m a)))))\n(display 1)\n(m 1)",
			"error: test.scm:3:1: m: expansion nested more than 100000 deep"},
		{"in a body", "(define-syntax m (syntax-rules () ((_ a) (m a))))\n(define (f)\n  (m 1))",
			"error: test.scm:3:3: m: expansion does not end (more than 1000000 steps)"},
		{"begin in a body", "(let () #0=(begin #0#))",
			"error: test.scm:1:12: begin: expansion does not end (more than 1000000 steps)"},
		{"top-level begin", "#0=(begin 1 #0#)", "error: test.scm:1:4: circular code #0=(begin 1 #0#)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := run(t, tc.src); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// Ctrl-C (Interrupt) stops a long expansion: this macro's uses grow by
// one operand a step, so that it would take minutes to reach the limit.
func TestInterruptExpansion(t *testing.T) {
	in := newInterp(t)
	stop := time.AfterFunc(100*time.Millisecond, in.Interrupt)
	defer stop.Stop()
	start := time.Now()
	_, err := in.RunSource([]byte("(define-syntax m (syntax-rules () ((_ a ...) (m 1 a ...))))\n(m)"), "test.scm")
	if _, ok := err.(eval.Interrupted); !ok {
		t.Errorf("got %v, want interrupted", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %v", d)
	}
}

// Files that include one another in a cycle are an error at the include
// that closes it; a file included twice side by side is not.
func TestIncludeCycle(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.scm": `(include "b.scm")`,
		"b.scm": "(define b 1)\n(include \"a.scm\")",
		"d.scm": "(include \"c.scm\")\n(include \"c.scm\")\nc",
		"c.scm": "(define c 2)",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := newInterp(t)
	err := in.RunFile(filepath.Join(dir, "a.scm"))
	want := filepath.Join(dir, "b.scm") + ":2:1: include: " + filepath.Join(dir, "a.scm") + " includes itself"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v\nwant %s...", err, want)
	}
	if err := newInterp(t).RunFile(filepath.Join(dir, "d.scm")); err != nil {
		t.Errorf("d.scm: %v", err)
	}
}
