package eval_test

import (
	"testing"

	"termite/eval"
	"termite/internal/benchprog"
	"termite/stdlib"
)

// newInterp returns an interpreter with the standard library.
func newInterp(tb testing.TB) *eval.Interp {
	tb.Helper()
	in := eval.New(eval.Options{})
	if err := stdlib.Install(in); err != nil {
		tb.Fatal(err)
	}
	return in
}

// benchProgram runs setup once, then the expression call b.N times, in an
// interpreter with the library installed.
func benchProgram(b *testing.B, setup, call string) {
	benchprog.Run(b, newInterp(b), setup, call)
}

func BenchmarkFib20(b *testing.B) {
	benchProgram(b, `(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))`, `(fib 20)`)
}

func BenchmarkTak(b *testing.B) {
	benchProgram(b, `(define (tak x y z) (if (not (< y x)) z
	  (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))`, `(tak 18 12 6)`)
}

// BenchmarkConsClosures allocates: pairs, closures and boxes.
func BenchmarkConsClosures(b *testing.B) {
	benchProgram(b, `(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc))))
	  (define (my-map f l) (if (null? l) '() (cons (f (car l)) (my-map f (cdr l)))))
	  (define (run k) (let ((total 0))
	    (my-map (lambda (x) (set! total (+ total x)) (lambda () x)) (build k '()))
	    total))`, `(run 1000)`)
}

// BenchmarkOptionalArguments calls procedures whose arguments are
// optional, as the library's map, member and the port procedures are:
// with a rest list left empty, and through a case-lambda.
func BenchmarkOptionalArguments(b *testing.B) {
	benchProgram(b, `(define (f x . opt) (if (null? opt) x (car opt)))
	  (define g (case-lambda ((a) a) ((a b) b)))
	  (define (run n acc) (if (= n 0) acc (run (- n 1) (+ acc (f n) (g n)))))`, `(run 1000 0)`)
}

func BenchmarkTailLoop(b *testing.B) {
	benchProgram(b, `(define (run n) (let loop ((i 0) (acc 0))
	  (if (= i n) acc (loop (+ i 1) (+ acc (remainder i 7))))))`, `(run 100000)`)
}

func BenchmarkCallCCEscape(b *testing.B) {
	benchProgram(b, `(define (find-index limit lst)
	  (call-with-current-continuation
	    (lambda (return)
	      (let walk ((l lst) (i 0))
	        (cond ((null? l) -1) ((> (car l) limit) (return i)) (else (walk (cdr l) (+ i 1))))))))
	(define table '(3 1 4 1 5 9 2 6 5 3))`, `(find-index 4 table)`)
}

func BenchmarkCallCCReentry(b *testing.B) {
	benchProgram(b, `(define (make-generator producer)
	  (define return #f)
	  (define resume (lambda (ignored)
	    (producer (lambda (item) (call/cc (lambda (k) (set! resume k) (return item)))))
	    (return 'done)))
	  (lambda () (call/cc (lambda (k) (set! return k) (resume #f)))))
	(define (count-up yield) (let loop ((i 0)) (if (< i 1000) (begin (yield i) (loop (+ i 1))))))
	(define (run) (let ((next (make-generator count-up)))
	  (let loop ((sum 0)) (let ((x (next))) (if (eq? x 'done) sum (loop (+ sum x)))))))`, `(run)`)
}

// BenchmarkCallCCDeep captures in a loop 1000 frames deep: a capture must
// cost the same as at the top.
func BenchmarkCallCCDeep(b *testing.B) {
	benchProgram(b, `(define (deep n thunk) (if (= n 0) (thunk) (+ 1 (deep (- n 1) thunk))))
	(define (spin)
	  (let loop ((i 0) (acc 0))
	    (if (= i 100) acc (loop (+ i 1) (+ acc (call/cc (lambda (k) (if (= i 1000) (k 1) 2))))))))`,
		`(deep 1000 spin)`)
}
