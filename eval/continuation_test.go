package eval_test

import (
	"fmt"
	"runtime"
	"testing"

	"termite/eval"
)

// Continuations are chains of segments and the machine leaves the bottom
// of its stack in them (see continuation.go): these programs cross the
// boundaries in every direction, with stacks deeper than one underflow
// copies back.
func TestSegmentedContinuations(t *testing.T) {
	runCases(t, []evalCase{
		{"receiver returns normally", `(+ 1 (call/cc (lambda (k) 2)))`, `3`},
		{"nested receivers return", `(+ 1 (call/cc (lambda (k) (+ 10 (call/cc (lambda (j) 100))))))`, `111`},
		{"receiver tail-calls call/cc", `(+ 1 (call/cc (lambda (k) (call/cc (lambda (j) (j 5))))))`, `6`},
		{"outer continuation from inner receiver",
			`(+ 1 (call/cc (lambda (k) (+ 10 (call/cc (lambda (j) (k 5)))))))`, `6`},
		{"primitive receiver", `(call/cc procedure?)`, `#t`},
		{"call/cc through apply", `(+ 1 (apply call/cc (list (lambda (k) (k 41)))))`, `42`},
		{"continuation as receiver", `(procedure? (call/cc call/cc))`, `#t`},
		{"return through a deep captured stack", `
			(define (deep n) (if (= n 0) (call/cc (lambda (k) 0)) (+ 1 (deep (- n 1)))))
			(deep 100)`, `100`},
		{"capture at every level, then return", `
			(define ks '())
			(define (f n)
			  (if (= n 0) 0
			      (+ 1 (call/cc (lambda (k) (set! ks (cons k ks)) (f (- n 1)))))))
			(list (f 50) (length ks))`, `(50 50)`},
		{"re-enter a deep continuation after returning through it", `
			(define saved #f)
			(define count 0)
			(define (deep n)
			  (if (= n 0) (call/cc (lambda (k) (set! saved k) 0)) (+ 1 (deep (- n 1)))))
			(define (go)
			  (let ((r (deep 100)))
			    (set! count (+ count 1))
			    (if (< count 3) (saved (* count 1000)) (list r count))))
			(go)`, `(2100 3)`},
		{"re-enter a middle level repeatedly", `
			(define ks (make-vector 40 #f))
			(define (f n)
			  (if (= n 40) 0
			      (+ 1 (call/cc (lambda (k) (vector-set! ks n k) (f (+ n 1)))))))
			(define results '())
			(define r (f 0))
			(set! results (cons r results))
			(if (< (length results) 4) ((vector-ref ks (* 10 (length results))) 100))
			results`, `(131 121 111 40)`},
		{"generator over a deep recursion", `
			(define (make-walker depth)
			  (define return #f)
			  (define resume #f)
			  (define (walk n)
			    (if (= n 0)
			        (let loop ((i 0))
			          (when (< i 5)
			            (call/cc (lambda (k) (set! resume k) (return i)))
			            (loop (+ i 1))))
			        (begin (walk (- n 1)) 'unused)))
			  (lambda ()
			    (call/cc (lambda (r)
			      (set! return r)
			      (if resume (resume #f) (begin (walk depth) (return 'done)))))))
			(define g (make-walker 60))
			(let loop ((acc '()))
			  (let ((x (g)))
			    (if (eq? x 'done) (reverse acc) (loop (cons x acc)))))`, `(0 1 2 3 4)`},
		{"two generators interleaved", `
			(define (make-gen lst)
			  (define return #f)
			  (define resume #f)
			  (lambda ()
			    (call/cc (lambda (r)
			      (set! return r)
			      (if resume
			          (resume #f)
			          (begin
			            (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x)))) lst)
			            (return 'done)))))))
			(define a (make-gen '(1 2 3)))
			(define b (make-gen '(10 20 30)))
			(let loop ((acc '()))
			  (let* ((x (a)) (y (b)))
			    (if (eq? x 'done) (reverse acc) (loop (cons (+ x y) acc)))))`, `(11 22 33)`},
	})
}

// An error after a return into a continuation's frames reports all of
// them, those still held by the continuation included.
func TestBacktraceThroughCapturedFrames(t *testing.T) {
	in := newInterp(t)
	src := `(define (f n)
	  (if (= n 0)
	      (begin (call/cc (lambda (k) k)) (car n))
	      (+ 1 (f (- n 1)))))
	(f 40)`
	_, err := in.RunSource([]byte(src), "bt.scm")
	se, ok := err.(*eval.SchemeError)
	if !ok {
		t.Fatalf("got %v, want a SchemeError", err)
	}
	n := 0
	for _, e := range se.Trace {
		if e.Proc == "f" {
			n++
		}
	}
	if n != 41 {
		t.Errorf("backtrace has %d frames of f, want 41:\n%s", n, se.Report())
	}
}

// (call/cc (lambda (k) body...)) runs its body in place (letCCExpr): it
// must behave as the call would, whatever the body does with k.
func TestCallCCInPlace(t *testing.T) {
	runCases(t, []evalCase{
		{"value of the body", `(+ 1 (call/cc (lambda (k) 41)))`, `42`},
		{"escape", `(+ 1 (call/cc (lambda (k) (* 100 (k 41)))))`, `42`},
		{"escape in tail position", `(define (f) (call/cc (lambda (k) (* 100 (k 41))))) (+ 1 (f))`, `42`},
		{"body with definitions", `(call/cc (lambda (k) (define x 20) (define (y) 22) (+ x (y))))`, `42`},
		{"k kept and re-entered", `
			(define saved #f)
			(define n 0)
			(define (f) (list 'n (call/cc (lambda (k) (set! saved k) 0))))
			(define (go)
			  (let ((r (f)))
			    (set! n (+ n 1))
			    (if (< n 3) (saved (* n 10)) r)))
			(go)`, `(n 20)`},
		{"re-enter a level of a recursion that captured at every level", `
			(define (go)
			  (let* ((count 0) (ks '()))
			    (define (f n)
			      (if (= n 0) 0 (+ (call/cc (lambda (k) (set! ks (cons k ks)) 1)) (f (- n 1)))))
			    (let ((r (f 30)))
			      (set! count (+ count 1))
			      (if (= count 1) ((list-ref ks 14) 100) (list r count)))))
			(go)`, `(129 2)`},
		{"k assigned in the body", `(call/cc (lambda (k) (set! k (lambda (x) (* x 2))) (k 21)))`, `42`},
		{"k captured by a closure", `
			(define (f) (call/cc (lambda (k) (map (lambda (x) (if (< x 0) (k x) x)) '(1 -2 3)))))
			(f)`, `-2`},
		{"k captured, assigned and called from a closure", `
			(call/cc (lambda (k) (let ((call (lambda (v) (k v)))) (set! k (lambda (v) 'wrong)) (call 5))))`, `wrong`},
		{"nested", `(+ 1 (call/cc (lambda (a) (+ 10 (call/cc (lambda (b) (a (b 100))))))))`, `111`},
		{"outer continuation from an inner body", `(+ 1 (call/cc (lambda (a) (+ 10 (call/cc (lambda (b) (a 5)))))))`, `6`},
		{"both names", `(list (call-with-current-continuation (lambda (k) (k 1))) (call/cc (lambda (k) 2)))`, `(1 2)`},
		{"receiver with a rest list", `(call/cc (lambda k ((car k) 3)))`, `3`},
		{"receiver of two parameters", `(call/cc (lambda (a b) a))`,
			`error: test.scm:1:1: anonymous procedure: wrong number of arguments: expected 2, got 1`},
		{"lambda shadowed", `(let ((lambda (lambda (x) (lambda (k) (k x))))) (call/cc (lambda 7)))`, `7`},
		{"call/cc shadowed", `(let ((call/cc (lambda (f) (f 'mine)))) (call/cc (lambda (k) k)))`, `mine`},
		{"call/cc redefined before", `(define call/cc (lambda (f) (f 'mine))) (call/cc (lambda (k) k))`, `mine`},
		{"call/cc redefined after compiling", `
			(define (f) (list (call/cc (lambda (k) (k 1))) (+ 1 (call/cc (lambda (k) (k 2))))))
			(define (g) (call/cc (lambda (k) (k 1))))
			(define before (list (f) (g)))
			(set! call/cc (lambda (p) (p (lambda (v) (* v 10)))))
			(list before (f) (g))`, `(((1 3) 1) (10 21) 10)`},
		{"dynamic-wind in the body", `
			(define trace '())
			(define (note x) (set! trace (cons x trace)))
			(call/cc (lambda (k)
			  (dynamic-wind (lambda () (note 'in)) (lambda () (k 'out)) (lambda () (note 'after)))))
			(reverse trace)`, `(in after)`},
		{"parameterize seen by the continuation", `
			(define p (make-parameter 1))
			(define k2 #f)
			(define (f) (parameterize ((p 2)) (call/cc (lambda (k) (set! k2 k) (p)))))
			(list (f) (p))`, `(2 1)`},
	})
}

// An escape to an outer continuation from under two nested call/cc's
// leaves nothing behind: the heap after 200,000 of them is what it was
// after 10,000. (Captures once shared blocks, which kept one another
// alive in a chain that grew by about 480 bytes an escape.)
func TestEscapesKeepHeapFlat(t *testing.T) {
	in := newInterp(t)
	setup := `(define (escape)
  (call/cc (lambda (k) (call/cc (lambda (a) (+ 1 (call/cc (lambda (b) (+ 1 (k 0))))))))))
(define (escapes n) (if (> n 0) (begin (escape) (escapes (- n 1)))))`
	if _, err := in.RunSource([]byte(setup), "setup"); err != nil {
		t.Fatal(err)
	}
	heapAfter := func(n int) uint64 {
		if _, err := in.RunSource([]byte(fmt.Sprintf("(escapes %d)", n)), "loop"); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := heapAfter(10000)
	after := heapAfter(200000)
	runtime.KeepAlive(in)
	if after > before+4<<20 {
		t.Errorf("heap grew from %d to %d bytes over 200,000 escapes", before, after)
	}
}
