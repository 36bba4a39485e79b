package eval_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"termite/eval"
	"termite/stdlib"
)

// FuzzRun runs arbitrary text as a program: whatever it does, the
// interpreter must answer with a value or a Scheme error, never a Go panic
// or an "internal error" (a broken invariant caught at the boundary).
func FuzzRun(f *testing.F) {
	for _, seed := range []string{
		`(define (f x) (* x 2)) (f 21)`,
		`(let loop ((i 0)) (if (< i 10) (loop (+ i 1)) i))`,
		"`(1 ,@(list 2 3) #(4 ,(+ 2 3)))",
		`(call/cc (lambda (k) (dynamic-wind (lambda () 1) (lambda () (k 2)) (lambda () 3))))`,
		`(define-syntax m (syntax-rules () ((_ a ...) (list a ...)))) (m 1 2)`,
		`(guard (e (#t e)) (raise 'x))`,
		`(define-record-type p (mk a) p? (a pa)) (pa (mk 1))`,
		`(spawn (! (self) 1)) (? 0 'none)`,
		`(recv ((a b) a) (after 0 'none))`,
		`(match '(1 2) ((a b) (+ a b)))`,
		`(apply + 1 '(2 3))`,
		`(case-lambda ((a) a) ((a b) b))`,
		`(vector-ref #(1 2) 5)`,
		`(string->symbol "x")`,
		`(define (t a b) (if (or (< a b) (and (pair? a) (eq? b 'x))) (car a) (- b 1))) (list (t 1 2) (t '(1) 'x) (or #f 3))`,
		`(define (f g x) (let ((n 5)) (g (+ x n) (lambda (y) (< y n))))) (f cons 2)`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var out bytes.Buffer
		in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out})
		if err := stdlib.Install(in); err != nil {
			t.Fatal(err)
		}
		stop := time.AfterFunc(200*time.Millisecond, in.Interrupt)
		defer stop.Stop()
		_, err := in.RunSource([]byte(src), "fuzz.scm")
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("%q: %v", src, err)
		}
	})
}
