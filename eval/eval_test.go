package eval_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"termite/eval"
	rt "termite/runtime"
)

// run evaluates src in a fresh interpreter and returns the written form of
// the last value, or the error's message.
func run(t *testing.T, src string) string {
	t.Helper()
	in := newInterp(t)
	v, err := in.RunSource([]byte(src), "test.scm")
	if err != nil {
		return "error: " + err.Error()
	}
	return rt.WriteString(v)
}

// evalCase is a program and what run gives for it.
type evalCase struct{ name, src, want string }

// runCases runs each case as a subtest, in an interpreter of its own.
func runCases(t *testing.T, tests []evalCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := run(t, tc.src); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestEval(t *testing.T) {
	runCases(t, []evalCase{
		{"constant", `42`, `42`},
		{"string", `"a\nb"`, `"a\nb"`},
		{"quote", `'(a b . c)`, `(a b . c)`},
		{"lambda", `((lambda (x y) (+ x y)) 1 2)`, `3`},
		{"rest args", `((lambda (x . r) (list x r)) 1 2 3)`, `(1 (2 3))`},
		{"only rest", `((lambda r r) 1 2)`, `(1 2)`},
		{"define", `(define (f x) (* x 2)) (f 21)`, `42`},
		{"curried define", `(define ((adder n) x) (+ n x)) ((adder 1) 2)`, `3`},
		{"set! local", `(define (f x) (set! x (+ x 1)) x) (f 1)`, `2`},
		{"closure counter", `(define (mk) (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
			(define c (mk)) (c) (c) (c)`, `3`},
		{"closures keep own state", `(define (mk) (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
			(define a (mk)) (define b (mk)) (a) (a) (list (a) (b))`, `(3 1)`},
		{"if without else", `(if #f #f)`, `#<unspecified>`},
		{"let", `(let ((x 1) (y 2)) (let ((x y) (y x)) (list x y)))`, `(2 1)`},
		{"let*", `(let* ((x 1) (y (+ x 1))) (list x y))`, `(1 2)`},
		{"letrec even/odd", `(letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1)))))
			(od? (lambda (n) (if (= n 0) #f (ev? (- n 1)))))) (ev? 1001))`, `#f`},
		{"letrec* sequential", `(letrec* ((a 1) (b (+ a 1))) b)`, `2`},
		{"named let", `(let loop ((i 0) (acc '())) (if (= i 3) acc (loop (+ i 1) (cons i acc))))`, `(2 1 0)`},
		{"internal defines", `(define (f) (define a 1) (define (g) (+ a b)) (define b 2) (g)) (f)`, `3`},
		{"internal define after expression", `(define (f) (define a 1) (set! a 5) (define b (+ a 1)) b) (f)`, `6`},
		{"begin splices defines", `(define (f) (begin (define a 1) (define b 2)) (+ a b)) (f)`, `3`},
		{"cond =>", `(cond ((assv 2 '((1 . a) (2 . b))) => cdr) (else 'no))`, `b`},
		{"cond test only", `(cond (#f) (7))`, `7`},
		{"case else =>", `(case 9 ((1) 'one) (else => (lambda (x) (* x 2))))`, `18`},
		{"case symbols", `(case 'b ((a) 1) ((b c) 2) (else 3))`, `2`},
		{"and or", `(list (and) (and 1 2) (and #f 1) (or) (or #f 3) (or #f #f))`, `(#t 2 #f #f 3 #f)`},
		{"when unless", `(list (when #t 1 2) (unless #f 3))`, `(2 3)`},
		{"do", `(do ((i 0 (+ i 1)) (s 0 (+ s i))) ((= i 5) s))`, `10`},
		{"quasiquote", "`(1 ,(+ 1 1) ,@(list 3 4))", `(1 2 3 4)`},
		{"quasiquote vector", "`#(1 ,(+ 1 1))", `#(1 2)`},
		{"quasiquote nested", "`(a `(b ,(c ,(+ 1 2))))", `(a (quasiquote (b (unquote (c 3)))))`},
		{"quasiquote dotted", "`(1 . ,(+ 1 1))", `(1 . 2)`},
		{"case-lambda", `(define f (case-lambda ((a) 1) ((a b) 2) ((a . r) 'n))) (list (f 1) (f 1 2) (f 1 2 3))`, `(1 2 n)`},
		{"values", `(call-with-values (lambda () (values 1 2)) +)`, `3`},
		{"let-values", `(let-values (((a b) (values 1 2)) ((c . d) (values 3 4 5))) (list a b c d))`, `(1 2 3 (4 5))`},
		{"let*-values", `(let*-values (((a) (values 1)) ((b) (values (+ a 1)))) (list a b))`, `(1 2)`},
		{"define-values", `(define-values (a b . c) (values 1 2 3 4)) (list a b c)`, `(1 2 (3 4))`},
		{"internal define-values", `(define (f) (define-values (x y) (values 1 2)) (+ x y)) (f)`, `3`},
		{"apply", `(apply list 1 2 '(3 4))`, `(1 2 3 4)`},
		{"apply in tail position loops", `(define (f n) (if (= n 0) 'done (apply f (list (- n 1))))) (f 100000)`, `done`},
		{"call/cc escape", `(+ 1 (call/cc (lambda (k) (+ 10 (k 5)))))`, `6`},
		{"call/cc reentry", `(define k #f) (define n 0)
			(define r (+ 100 (call/cc (lambda (c) (set! k c) 0))))
			(set! n (+ n 1))
			(if (< n 3) (k n) (list n r))`, `(3 102)`},
		{"dynamic-wind order", `(define out '())
			(define (note x) (set! out (cons x out)))
			(call/cc (lambda (k) (dynamic-wind (lambda () (note 'in)) (lambda () (k 1)) (lambda () (note 'out)))))
			(reverse out)`, `(in out)`},
		{"dynamic-wind reentry", `(define out '()) (define k #f) (define n 0)
			(define (note x) (set! out (cons x out)))
			(dynamic-wind (lambda () (note 'in)) (lambda () (call/cc (lambda (c) (set! k c)))) (lambda () (note 'out)))
			(set! n (+ n 1))
			(if (< n 3) (k 'again))
			(reverse out)`, `(in out in out in out)`},
		{"guard", `(guard (e ((symbol? e) (list 'sym e)) ((string? e) 'str)) (raise 'boom))`, `(sym boom)`},
		{"guard reraise", `(guard (e (#t (list 'outer e))) (guard (e ((string? e) 'str)) (raise 'boom)))`, `(outer boom)`},
		{"guard =>", `(guard (e ((assq 'a e) => cdr) ((assq 'b e))) (raise (list (cons 'a 42))))`, `42`},
		{"error object", `(guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
			(error "bad" 1 2))`, `("bad" (1 2))`},
		{"raise-continuable", `(with-exception-handler (lambda (c) 42) (lambda () (+ (raise-continuable 'c) 1)))`, `43`},
		{"handler runs in outer handler context", `(guard (e (#t (list 'outer e)))
			(with-exception-handler (lambda (e) (raise (list 'inner e))) (lambda () (raise 'x))))`, `(outer (inner x))`},
		{"primitive error caught", `(guard (e ((error-object? e) (error-object-message e))) (car 5))`, `"car: expected pair"`},
		{"parameterize", `(define p (make-parameter 1)) (list (p) (parameterize ((p 2)) (p)) (p))`, `(1 2 1)`},
		{"parameter converter", `(define p (make-parameter 1 (lambda (x) (* x 10)))) (list (p) (parameterize ((p 2)) (p)))`, `(10 20)`},
		{"parameterize escape restores", `(define p (make-parameter 1))
			(call/cc (lambda (k) (parameterize ((p 2)) (k 0)))) (p)`, `1`},
		{"delay force", `(define n 0) (define p (delay (begin (set! n (+ n 1)) n))) (force p) (force p) n`, `1`},
		{"delay-force loop", `(define (loop n) (delay-force (if (= n 0) (delay 'done) (loop (- n 1))))) (force (loop 100000))`, `done`},
		{"make-promise", `(force (make-promise 5))`, `5`},
		{"records", `(define-record-type point (make-point x y) point? (x px set-px!) (y py))
			(define p (make-point 1 2)) (set-px! p 5) (list (point? p) (point? 1) (px p) (py p))`, `(#t #f 5 2)`},
		{"record wrong type", `(define-record-type a (make-a x) a? (x ax)) (define-record-type b (make-b x) b? (x bx)) (ax (make-b 1))`,
			`error: test.scm:1:89: ax: expected record of type a #<b x: 1>`},
		{"syntax-rules", `(define-syntax my-or (syntax-rules () ((_) #f) ((_ e) e) ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
			(define t 5) (my-or #f t)`, `5`},
		{"hygiene: user binding of if", `(define-syntax my-if (syntax-rules () ((_ c a b) (cond (c a) (else b)))))
			(let ((cond 1) (else 2)) (my-if #f 'x 'y))`, `y`},
		{"hygiene: swap with tmp", `(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
			(define tmp 1) (define other 2) (swap! tmp other) (list tmp other)`, `(2 1)`},
		{"nested ellipsis", `(define-syntax flat (syntax-rules () ((_ (a ...) ...) '(a ... ...))))
			(flat (1 2) (3) (4 5))`, `(1 2 3 4 5)`},
		{"ellipsis depth 2", `(define-syntax my-let* (syntax-rules () ((_ () body ...) (let () body ...))
			((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
			(my-let* ((a 1) (b (+ a 1))) (* a b))`, `2`},
		{"literals", `(define-syntax arrow (syntax-rules (=>) ((_ a => b) (list a b)) ((_ a b c) 'no)))
			(list (arrow 1 => 2) (let ((=> 0)) (arrow 1 => 2)))`, `((1 2) no)`},
		{"custom ellipsis", `(define-syntax my-list (syntax-rules ::: () ((_ x :::) (list x :::)))) (my-list 1 2 3)`, `(1 2 3)`},
		{"escaped ellipsis", `(define-syntax def-lister (syntax-rules () ((_ name) (define-syntax name (syntax-rules () ((_ x (... ...)) (list x (... ...))))))))
			(def-lister lst) (lst 1 2)`, `(1 2)`},
		{"vector pattern", `(define-syntax vsum (syntax-rules () ((_ #(a ...)) (+ a ...)))) (vsum #(1 2 3))`, `6`},
		{"dotted pattern", `(define-syntax tail (syntax-rules () ((_ a . b) 'b))) (tail 1 2 3)`, `(2 3)`},
		{"let-syntax", `(let-syntax ((foo (syntax-rules () ((_ x) (* x 2))))) (foo 21))`, `42`},
		{"macro defining macro at body level", `(define (f) (define-syntax twice (syntax-rules () ((_ e) (begin e e)))) (let ((n 0)) (twice (set! n (+ n 1))) n)) (f)`, `2`},
		{"eval", `(eval '(+ 1 2) (interaction-environment))`, `3`},
		{"deep recursion", `(define (build n) (if (= n 0) '() (cons n (build (- n 1))))) (length (build 1000000))`, `1000000`},
		{"tail call in cond =>", `(define (f n) (cond ((= n 0) 'done) ((- n 1) => f))) (f 1000000)`, `done`},
		{"mutual tail recursion", `(define (ev n) (if (= n 0) #t (od (- n 1)))) (define (od n) (if (= n 0) #f (ev (- n 1)))) (ev 1000000)`, `#t`},
		{"big integers", `(* 99999999999 99999999999)`, `9999999999800000000001`},
		{"fixnum overflow add", `(+ 9223372036854775807 1)`, `9223372036854775808`},
		{"redefined primitive", `(define (g) (car '(1 2))) (define (car x) 'mine) (g)`, `mine`},
		{"case-lambda clauses, called and tail-called", `(define f (case-lambda ((a) (list 'one a)) ((a b) (list 'two a b)) ((a . r) (list 'rest a r))))
			(define (t . xs) (apply f xs)) (define (g x) (f x x))
			(list (f 1) (f 1 2) (f 1 2 3) (g 5) (t 7) ((lambda () (f 8 9))))`, `((one 1) (two 1 2) (rest 1 (2 3)) (two 5 5) (one 7) (two 8 9))`},
		{"a rest list left empty", `(define (r a . more) (list a more)) (define (tr x) (r x))
			(list (r 1) (r 1 2) (tr 3) (let loop ((i 0) (acc '())) (if (= i 3) acc (loop (+ i 1) (cons (r i) acc)))))`,
			`((1 ()) (1 (2)) (3 ()) ((2 ()) (1 ()) (0 ())))`},
		{"procedures in variables", `(define (twice f x) (f (f x))) (define (adder n) (lambda (x) (+ x n)))
			(define (h f) (let ((g (lambda (y) (f y y)))) (list (g 2) (twice (adder 3) 1))))
			(h +)`, `(4 7)`},
		{"or", `(list (or) (or 1) (or #f 2) (or #f #f) (or (memq 'b '(a b c)) 'no) (or #f '()))`, `(#f 1 2 #f (b c) ())`},
		{"or tested by if", `(define (t a b) (if (or (pair? a) (eq? b 'x) (< a b)) 'yes 'no))
			(list (t 1 2) (t '(1) 0) (t 5 'x) (t 3 2))`, `(yes yes yes no)`},
		{"or's last operand is a tail call", `(define (f n) (or (= n 0) (f (- n 1)))) (f 1000000)`, `#t`},
		{"and tested by if", `(define (t a b) (if (and (pair? a) (or (eq? b 'x) (< (car a) b)) (not (null? (cdr a)))) 'yes 'no))
			(list (t '(1 2) 2) (t '(1) 2) (t 5 'x) (t '(3 4) 'x) (t '(3 4) 2) (t '(5 2) 3))`, `(yes no no yes no no)`},
		{"or in a tested or", `(define (t a) (if (or (or (= a 1) (= a 2)) (= a 3)) a #f)) (map t '(1 2 3 4))`, `(1 2 3 #f)`},
		{"or's value re-entered", `(define k #f) (define n 0)
			(define r (or (call/cc (lambda (c) (set! k c) #f)) 'second))
			(set! n (+ n 1))
			(if (= n 1) (k 'first) (list r n))`, `(first 2)`},
		{"derived forms keep the standard bindings", `(define (list . x) 'mine) (define (call-with-values a b) 'mine)
			(let-values (((a b) (values 1 2))) ` + "`" + `(,a ,b #(,a)))`, `(1 2 #(1))`},
		{"quasiquote after redefinitions", `(define (cons a b) 'mine) (define (append . x) 'mine) ` + "`" + `(1 ,@'(2 3) ,(+ 2 2))`, `(1 2 3 4)`},
		{"fused tests, fast and slow paths", `(define (t a b c) (list (if (< a b) 'lt 'ge) (if (zero? a) 'z 'nz) (if (null? c) 'n 'nn)))
			(list (t 1 2 '()) (t 2 1 '(x)) (t 0 1 '()) (t 1.5 2 1) (t 2.5 2.0 1) (t 0.0 1 1))`,
			`((lt nz n) (ge nz nn) (lt z n) (lt nz nn) (ge nz nn) (lt z nn))`},
		{"tests and sums with a constant, fast and slow paths", `(define (t a) (list (if (< a 2) 'lt 'ge) (if (>= a 2) 'ge 'lt) (= a 2) (<= a -3) (> a 2)
			  (+ a 1) (- a 1) (+ -5 a) (- a -2147483648)))
			(list (t 1) (t 2) (t -3) (t 1.5) (t 2.0) (t 5/2) (t 549755813887) (t -549755813888))`,
			`((lt lt #f #f #f 2 0 -4 2147483649) (ge ge #t #f #f 3 1 -3 2147483650) (lt lt #f #t #f -2 -4 -8 2147483645) ` +
				`(lt lt #f #f #f 2.5 0.5 -3.5 2147483649.5) (ge ge #t #f #f 3.0 1.0 -3.0 2147483650.0) (ge ge #f #f #t 7/2 3/2 -5/2 4294967301/2) ` +
				`(ge ge #f #f #t 549755813888 549755813886 549755813882 551903297535) (lt lt #f #t #f -549755813887 -549755813889 -549755813893 -547608330240))`},
		{"a test with a constant after redefinition", `(define (t a) (list (if (< a 2) 'yes 'no) (+ a 1)))
			(set! < (lambda (a b) #f)) (set! + (lambda (a b) (list a b))) (t 1)`, `(no (1 1))`},
		{"a test with a constant on a non-number", `(define (t a) (< a 2)) (t "x")`, `error: test.scm:1:15: <: expected real number "x"`},
		{"fused test after redefinition", `(define (t a b) (if (< a b) 'yes 'no)) (set! < (lambda (a b) #f)) (t 1 2)`, `no`},
		{"integer division, fast and slow paths", `(define (d a b) (list (quotient a b) (remainder a b) (modulo a b)))
			(list (d 17 5) (d -17 5) (d 17 -5) (d -17 -5) (d 0 3) (d 17.0 5) (d (expt 10 20) 7)
			      (d -9223372036854775808 -1) (map (lambda (f) (f -17 5)) (list quotient remainder modulo)))`,
			`((3 2 2) (-3 -2 3) (-3 2 -3) (3 -2 -2) (0 0 0) (3.0 2.0 2.0) (14285714285714285714 2 2) (9223372036854775808 0 0) (-3 -2 3))`},
		{"integer division by zero", `(define (r a b) (remainder a b)) (r 1 0)`,
			`error: test.scm:1:17: remainder: division by zero 1 0`},
		{"a loop starting over gets fresh variables", `(define (f) (let loop ((i 0) (acc '()))
			(if (= i 3) (map (lambda (g) (g)) acc)
			    (let ((x i)) (set! x (* x 10)) (loop (+ i 1) (cons (lambda () x) acc))))))
			(f)`, `(20 10 0)`},
		{"internal definitions calling themselves", `(define (f n) (define (count i acc) (if (= i 0) acc (count (- i 1) (+ acc i)))) (count n 0))
			(f 100000)`, `5000050000`},
		{"fused eq?", `(define (t a) (if (eq? a 'x) 'yes 'no)) (list (t 'x) (t 'y) (t 1))`, `(yes no no)`},
		{"fused eq? after redefinition", `(define (t a) (if (eq? a 'x) 'yes 'no)) (set! eq? (lambda (a b) #t)) (t 'y)`, `yes`},
		{"redefined inline op", `(define (h a b) (+ a b)) (set! + -) (h 5 3)`, `2`},
		{"inline op redefined as a closure", `(define (h a b) (list (+ a b) (car a) (cons a b)))
			(set! + (lambda (a b) 'plus)) (set! car (lambda (x) 'car)) (set! cons (lambda (a b) 'cons)) (h 1 2)`, `(plus car cons)`},
		{"unbound variable", `(undefined-thing 1)`, `error: test.scm:1:1: unbound variable undefined-thing`},
		{"not a procedure", `(5 1)`, `error: test.scm:1:1: attempt to call a non-procedure 5`},
		{"no clause", `(define f (case-lambda ((a) a) ((a b c) c))) (list (f 1 2))`, `error: test.scm:1:52: f: no clause accepts 2 arguments`},
		{"not a procedure in a variable", `(define (g h) (list (h 1))) (let ((f 5)) (g f))`, `error: test.scm:1:21: attempt to call a non-procedure 5`},
		{"arity", `(define (f x) x) (f 1 2)`, `error: test.scm:1:18: f: wrong number of arguments: expected 1, got 2`},
		{"syntax error if", `(if)`, `error: test.scm:1:1: if: expects 2 or 3 subforms, got 0 (if)`},
		{"uncaught raise", `(raise 'boom)`, `error: test.scm:1:1: uncaught raise of boom`},
	})
}

// TestInlinesIntact: the standard library assigns none of the variables
// whose primitives have instructions, so the machine starts without looking at
// them; a program that assigns one makes it look from then on.
func TestInlinesIntact(t *testing.T) {
	in := newInterp(t)
	if !eval.InlinesIntact(in) {
		t.Fatal("the standard library assigned a variable whose primitive is inlined")
	}
	if _, err := in.RunSource([]byte(`(define (f x) (car x)) (f '(1))`), "i.scm"); err != nil {
		t.Fatal(err)
	}
	if !eval.InlinesIntact(in) {
		t.Error("a program that assigns no such variable made the machine look at them")
	}
	v, err := in.RunSource([]byte(`(define (g x) (list (f x) (car x))) (define car cdr) (g '(1 2))`), "i.scm")
	if err != nil {
		t.Fatal(err)
	}
	if got := rt.WriteString(v); got != "((2) (2))" || eval.InlinesIntact(in) {
		t.Errorf("after (define car cdr): %s, intact %v; want ((2) (2)), false", got, eval.InlinesIntact(in))
	}
}

func TestUnboundSuggestion(t *testing.T) {
	in := newInterp(t)
	_, err := in.RunSource([]byte("(define (fact n) n) (fcat 3)"), "s.scm")
	se, ok := err.(*eval.SchemeError)
	if !ok {
		t.Fatalf("got %v, want a SchemeError", err)
	}
	if r := se.Report(); !strings.Contains(r, "did you mean fact?") {
		t.Errorf("report lacks the suggestion:\n%s", r)
	}
}

// A library sees only what it imports: the hint names nothing else.
func TestUnboundSuggestionInLibrary(t *testing.T) {
	in := newInterp(t)
	_, err := in.RunSource([]byte(`(define (cay n) n)
		(define-library (l) (import (scheme base)) (export g) (begin (define (g) (cax 1))))
		(import (l)) (g)`), "s.scm")
	se, ok := err.(*eval.SchemeError)
	if !ok {
		t.Fatalf("got %v, want a SchemeError", err)
	}
	if h := se.Obj.(*rt.ErrorObject).Hint; h != "did you mean car or max?" {
		t.Errorf("hint %q, want %q", h, "did you mean car or max?")
	}
}

func TestBacktrace(t *testing.T) {
	in := newInterp(t)
	src := "(define (inner x) (car x))\n(define (outer x) (+ 1 (inner x)))\n(outer 5)\n"
	_, err := in.RunSource([]byte(src), "bt.scm")
	se, ok := err.(*eval.SchemeError)
	if !ok {
		t.Fatalf("got %v, want a SchemeError", err)
	}
	pos := func(line, col int32) rt.Pos { return rt.Pos{File: "bt.scm", Line: line, Col: col} }
	want := []eval.TraceEntry{
		{Proc: "inner", Pos: pos(1, 19)},
		{Proc: "outer", Pos: pos(2, 24)},
		{Proc: "", Pos: pos(3, 1)},
	}
	if diff := cmp.Diff(want, se.Trace); diff != "" {
		t.Errorf("trace mismatch (-want +got):\n%s", diff)
	}
}

func TestInterrupt(t *testing.T) {
	in := newInterp(t)
	in.Interrupt()
	// Interrupt before a run is forgotten: Apply starts afresh.
	if v, err := in.RunSource([]byte("(+ 1 2)"), "i.scm"); err != nil || rt.WriteString(v) != "3" {
		t.Fatalf("got %v %v", v, err)
	}
	interruptRun(t, in, "(let loop () (loop))")
}

// interruptRun runs src, which never ends, and interrupts it until the
// run returns Interrupted.
func interruptRun(t *testing.T, in *eval.Interp, src string) {
	t.Helper()
	done := make(chan error)
	go func() {
		_, err := in.RunSource([]byte(src), "i.scm")
		done <- err
	}()
	for {
		select {
		case err := <-done:
			if _, ok := err.(eval.Interrupted); !ok {
				t.Fatalf("got %v, want Interrupted", err)
			}
			return
		default:
			in.Interrupt()
		}
	}
}

// An unbound variable's hint offers the close names, keywords and
// Termite's names included, and none when no name is close.
func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct{ src, hint string }{
		{"(lamda (x) x)", "did you mean lambda?"},
		{"(spwan (lambda () 1))", "did you mean spawn or span?"},
		{"(recieve (x x))", "did you mean receive or recv?"},
		{"(dispaly 1)", "did you mean display?"},
		{"(define lst '(1)) (lenght lst)", "did you mean length or length+?"},
		{"x", ""},
		{"(define y 1) x", ""},
		{"(zzzzzz)", ""},
	} {
		t.Run(tc.src, func(t *testing.T) {
			_, err := newInterp(t).RunSource([]byte(tc.src), "test.scm")
			var se *eval.SchemeError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want an unbound variable", err)
			}
			eo, ok := se.Obj.(*rt.ErrorObject)
			if !ok || eo.Message != "unbound variable" {
				t.Fatalf("got %v, want an unbound variable", err)
			}
			if eo.Hint != tc.hint {
				t.Errorf("hint %q, want %q", eo.Hint, tc.hint)
			}
		})
	}
}

// TestDefaultArg: a procedure whose last argument may be left out gives
// its primitive the parameter's value in its place, as it is where the
// call is made (parameterize), however it is called; a call with too few
// or too many arguments fails with the procedure's own name.
func TestDefaultArg(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`(pick 1)`, `(1 default)`},
		{`(pick 1 2)`, `(1 2)`},
		{`(parameterize ((where 'inner)) (pick 1))`, `(1 inner)`},
		{`(apply pick '(1))`, `(1 default)`},
		{`(map pick '(1 2))`, `((1 default) (2 default))`},
		{`(define (tail x) (pick x)) (parameterize ((where 'tail)) (tail 3))`, `(3 tail)`},
		{`(pick)`, `error: test.scm:1:1: pick: wrong number of arguments: expected 1 to 2, got 0`},
		{`(pick 1 2 3)`, `error: test.scm:1:1: pick: wrong number of arguments: expected 1 to 2, got 3`},
	} {
		in := newInterp(t)
		param := &eval.Parameter{Value: rt.Intern("default")}
		prim := &rt.Primitive{Name: "%pick", Min: 2, Max: 2, Fn: func(a []rt.Value) (rt.Value, error) {
			return rt.List(a...), nil
		}}
		in.Define("where", param)
		in.Define("pick", &eval.DefaultArg{Name: "pick", Prim: prim, At: 1, Param: param})
		v, err := in.RunSource([]byte(tc.src), "test.scm")
		got := ""
		if err != nil {
			got = "error: " + err.Error()
		} else {
			got = rt.WriteString(v)
		}
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.src, got, tc.want)
		}
	}
}
