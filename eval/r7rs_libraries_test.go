package eval_test

import (
	"sort"
	"strings"
	"testing"
)

// TestStandardExportsDefined checks that the system defines every name
// R7RS Appendix A lists for the standard libraries.
func TestStandardExportsDefined(t *testing.T) {
	missing := newInterp(t).MissingStandardExports()
	libs := make([]string, 0, len(missing))
	for lib := range missing {
		libs = append(libs, lib)
	}
	sort.Strings(libs)
	for _, lib := range libs {
		t.Errorf("%s: the system lacks %s", lib, strings.Join(missing[lib], " "))
	}
}

// TestStandardLibraryExports checks that a standard library exports its
// names and no others, and that (termite) still exports everything.
func TestStandardLibraryExports(t *testing.T) {
	runCases(t, []evalCase{
		{"base", `(eval '(+ 1 2) (environment '(scheme base)))`, `3`},
		{"base keywords", `(eval '(let ((x 1)) (cond ((= x 2) 'no) (else 'yes)))
			(environment '(scheme base)))`, `yes`},
		{"base lacks display", `(guard (e (#t 'unbound))
			(eval 'display (environment '(scheme base))))`, `unbound`},
		{"base and write", `(procedure? (eval 'display
			(environment '(scheme base) '(scheme write))))`, `#t`},
		{"write only", `(guard (e (#t 'unbound))
			(eval '(car '(1)) (environment '(scheme write))))`, `unbound`},
		{"cxr", `(eval '(caddr '(1 2 3)) (environment '(scheme base) '(scheme cxr)))`, `3`},
		{"base lacks caddr", `(guard (e (#t 'unbound))
			(eval '(caddr '(1 2 3)) (environment '(scheme base))))`, `unbound`},
		{"r5rs", `(eval '(exact->inexact (cadr (list 1 2)))
			(environment '(scheme r5rs)))`, `2.0`},
		{"termite is everything", `(eval '(list (caddr '(1 2 3)) (procedure? display))
			(environment '(termite)))`, `(3 #t)`},
		{"define-library", `(define-library (t lib)
			  (import (scheme base))
			  (export f)
			  (begin (define (f) (guard (e (#t 'unbound)) (eval 'x)))))
			(import (t lib))
			(guard (e (#t 'unbound-display))
			  (eval '(display 1) (environment '(t lib) '(scheme eval))))`, `unbound-display`},
	})
}
