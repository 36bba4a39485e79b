package eval_test

import (
	"strings"
	"testing"

	rt "termite/runtime"
)

// paperServer is the dispatch of the paper's examples, written with match.
const paperServer = `
(define (handle msg)
  (match msg
    (('set! new-content) (list 'set new-content))
    ((from tag 'get) (list 'get from tag))
    ((from tag ('proc-tag arg)) (list 'proc from tag arg))
    (_ 'other)))
`

func TestMatch(t *testing.T) {
	runCases(t, []evalCase{
		{"variable", `(match 5 (x (* x 2)))`, `10`},
		{"underscore", `(match 5 (_ 'any))`, `any`},
		{"number", `(match 5 (4 'four) (5 'five))`, `five`},
		{"flonum", `(match 1.5 (1 'one) (1.5 'x))`, `x`},
		{"exactness matters", `(match 2.0 (2 'exact) (_ 'inexact))`, `inexact`},
		{"bignum", `(match (* 99999999999 99999999999) (9999999999800000000001 'big))`, `big`},
		{"string", `(match (string #\a #\b) ("ab" 'ab))`, `ab`},
		{"char", `(match #\x (#\y 'y) (#\x 'x))`, `x`},
		{"boolean", `(list (match #f (#t 't) (#f 'f)) (match #t (#f 'f) (#t 't)))`, `(f t)`},
		{"quoted symbol", `(match 'b ('a 1) ('b 2))`, `2`},
		{"quoted list", `(match (list 1 "x" 'y) ('(1 "x" z) 'no) ('(1 "x" y) 'yes))`, `yes`},
		{"empty list", `(list (match '() ('() 'empty)) (match '() (() 'empty)) (match 5 ('() 'empty) (_ 'no)))`, `(empty empty no)`},
		{"list", `(match '(1 2 3) ((a b) 'two) ((a b c) (list c b a)))`, `(3 2 1)`},
		{"list too long", `(match '(1 2 3) ((a b) 'two) (_ 'other))`, `other`},
		{"list too short", `(match '(1) ((a b) 'two) (_ 'other))`, `other`},
		{"not a list", `(match 7 ((a) 'one) (_ 'other))`, `other`},
		{"improper list", `(match '(1 . 2) ((a) 'one) ((a . b) (list a b)))`, `(1 2)`},
		{"dotted tail", `(match '(1 2 3) ((a . rest) (list a rest)))`, `(1 (2 3))`},
		{"dotted tail empty", `(match '(1) ((a b . rest) 'no) ((a . rest) rest))`, `()`},
		{"vector", `(match (vector 1 2 3) (#(a b) 'two) (#(a b c) (+ a b c)))`, `6`},
		{"vector literals", `(match (vector 'x "y" 1) (#(x "y" 2) 'no) (#('x "y" n) n))`, `1`},
		{"vector is not a list", `(match (vector 1) ((a) 'list) (#(a) 'vector))`, `vector`},
		{"empty vector", `(match (vector) (#() 'empty))`, `empty`},
		{"nested", `(match '(1 (2 #(3 (4 . 5))) 6) ((a (b #(c (d . e))) f) (list a b c d e f)))`, `(1 2 3 4 5 6)`},
		{"repeated variable", `(list (match '(1 1) ((a a) 'same) (_ 'different))
			(match '(1 2) ((a a) 'same) (_ 'different)))`, `(same different)`},
		{"repeated variable by equal?", `(match (list (list 1 "s") (list 1 "s")) ((a a) a))`, `(1 "s")`},
		{"repeated variable nested", `(match '((1 2) 2 1) (((a b) b a) (list a b)) (_ 'no))`, `(1 2)`},
		{"unquote", `(define x 3) (list (match 3 (,x 'x) (_ 'no)) (match 4 (,x 'x) (_ 'no)))`, `(x no)`},
		{"unquote expression", `(match 6 (,(* 2 3) 'six))`, `six`},
		{"unquote by equal?", `(define k (list "a" 1)) (match (list 'got (list "a" 1)) (('got ,k) 'ok))`, `ok`},
		{"unquote sees outer variable", `(let ((a 1)) (match '(2 1) ((a ,a) a) (_ 'no)))`, `2`},
		{"unquote evaluated at match time", `(define x 1) (define (f v) (match v (,x 'x) (_ 'no)))
			(define r1 (f 2)) (set! x 2) (list r1 (f 2))`, `(no x)`},
		{"where", `(define (sign n) (match n (x (where (< x 0)) 'neg) (0 'zero) (_ 'pos)))
			(list (sign -1) (sign 0) (sign 1))`, `(neg zero pos)`},
		{"where sees bindings", `(match '(3 4) ((a b) (where (> a b)) 'gt) ((a b) (where (< a b)) (list 'lt a b)))`, `(lt 3 4)`},
		{"where without body", `(match 1 (x (where #t)))`, `#<unspecified>`},
		{"empty body", `(match 1 (1))`, `#<unspecified>`},
		{"body defines", `(match '(1 2) ((a b) (define c (+ a b)) (* c 2)))`, `6`},
		{"body sequence", `(define n 0) (match 1 (1 (set! n 5) (+ n 1)))`, `6`},
		{"evaluated once", `(define n 0) (match (begin (set! n (+ n 1)) n) (5 'no) ('x 'no) ((a) 'no) (_ n))`, `1`},
		{"fallthrough keeps order", `(match '(1 2) ((a b) (where #f) 'first) ((a . b) 'second) (_ 'third))`, `second`},
		{"no clause", `(match 5 (4 'x))`, `error: test.scm:1:1: match: no clause matches 5`},
		{"no clauses at all", `(match 5)`, `error: test.scm:1:1: match: no clause matches 5`},
		{"no clause error object", `(guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
			(match '(1) ((a b) a)))`, `("match: no clause matches" ((1)))`},
		{"tail position", `(define (count n) (match n (0 'done) (_ (count (- n 1))))) (count 1000000)`, `done`},
		{"tail position through a clause procedure", `(define (count n)
			(match (list n) ((0) 'done) ((k) (where (> k 0)) (count (- k 1)))))
			(count 100000)`, `done`},
		{"closure over pattern variable", `(define fs (map (lambda (p) (match p ((a b) (lambda () (+ a b))))) '((1 2) (3 4))))
			(map (lambda (f) (f)) fs)`, `(3 7)`},
		{"hygiene: user names like temporaries", `(let ((v 1) (m 2) (p 3) (x 4) (vec 5) (try 6) (scan 7) (msg 8))
			(match '(a #(b)) ((q #(r)) (where (= v 1)) (list v m p x vec try scan msg q r))))`, `(1 2 3 4 5 6 7 8 a b)`},
		{"hygiene: user binds car and friends", `(let ((car cdr) (cdr car) (pair? vector?) (null? pair?) (equal? eq?) (eq? equal?)
			(vector? pair?) (vector-ref list) (vector-length car) (error list) (if 1) (let 2) (lambda 3) (letrec 4))
			(list (match '(1 "s") ((a "s") a)) (match (vector 'k) (#('k) 'v))
				(guard (e (#t 'raised)) (match 1 (2 'no)))))`, `(1 v raised)`},
		{"hygiene: next clause not captured by variables", `(let ((x 'outer) (y 'outer))
			(list (match 5 (x (where #f) 'no) (_ x))
				(match '(1 2) ((y 1) 'no) ((y . x) (where #f) 'no) ((,y . _) 'no) (_ y))))`, `(outer outer)`},
		{"hygiene: inside a macro", `(define-syntax first-of
			(syntax-rules () ((_ e) (match e ((a . _) a) (_ 'none)))))
			(let ((a 9) (_ 8)) (list (first-of '(1 2)) (first-of 5) a _))`, `(1 none 9 8)`},
		{"locally bound _ is a variable", `(let ((_ 0)) (match '(1 2) ((_ _) 'same) ((_ b) _)))`, `1`},
		{"paper: set!", paperServer + `(handle '(set! 42))`, `(set 42)`},
		{"paper: get", paperServer + `(handle '(client 7 get))`, `(get client 7)`},
		{"paper: proc-tag", paperServer + `(handle '(client 7 (proc-tag 99)))`, `(proc client 7 99)`},
		{"paper: other", paperServer + `(list (handle '(client 7 put)) (handle '(set! 1 2)))`, `(other other)`},
	})
}

func TestMatchSyntaxErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"missing expression", `(match)`, `match: missing expression`},
		{"clause not a list", `(match 1 x)`, `match: bad clause x`},
		{"empty clause", `(match 1 ())`, `match: bad clause ()`},
		{"improper clause", `(match 1 (x . 1))`, `match: bad clause (x . 1)`},
		{"where without guard", `(match 1 (x (where) 1))`, `match: where expects one guard expression (where)`},
		{"where with two guards", `(match 1 (x (where a b) 1))`, `match: where expects one guard expression (where a b)`},
		{"bad quote", `(match 1 ((quote a b) 1))`, `match: bad pattern (quote a b)`},
		{"bad unquote", `(match 1 ((unquote) 1))`, `match: bad pattern (unquote)`},
		{"unquote-splicing", `(match 1 ((a ,@b) 1))`, `match: bad pattern (unquote-splicing b)`},
		{"quasiquote", "(match 1 (`(a) 1))", `match: bad pattern (quasiquote (a))`},
		{"ellipsis", `(match 1 ((a ...) a))`, `match: ellipsis patterns are not supported ...`},
		{"recv after not last", `(define (f) (recv (after 1 'x) (y y)))`,
			`test.scm:1:19: recv: after must be the last clause (after 1 (quote x))`},
		{"recv after without timeout", `(define (f) (recv (after)))`, `recv: after expects a timeout in seconds (after)`},
		{"recv bad clause", `(define (f) (recv 5))`, `recv: bad clause 5`},
		{"recv bad pattern", `(define (f) (recv ((quote) 1)))`, `recv: bad pattern (quote)`},
		{"recv mark not a mark", `(%recv-start 'x)`, `%recv-start: expected mailbox mark`},
		{"recv mark negative", `(%recv-start -1)`, `%recv-start: expected mailbox mark`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, tc.src)
			if !strings.HasPrefix(got, "error: ") || !strings.Contains(got, tc.want) {
				t.Errorf("got  %s\nwant an error containing %s", got, tc.want)
			}
		})
	}
}

func TestRecv(t *testing.T) {
	runCases(t, []evalCase{
		{"expands in a procedure never called", `(define (f) (recv ((a b) (list a b)) (after 1 'timeout))) 'ok`, `ok`},
		{"expands without clauses", `(define (f) (recv)) (define (g) (recv (after 1))) 'ok`, `ok`},
		{"from self", `(! (self) 'x) (recv (x x))`, `x`},
		{"pattern", `(! (self) '(add 1 2)) (recv (('add a b) (+ a b)))`, `3`},
		{"skips and keeps order", `(! (self) 1) (! (self) 2) (! (self) 3)
			(list (recv (2 'two)) (?) (?))`, `(two 1 3)`},
		{"clauses tried per message", `(! (self) 'b) (! (self) 'a)
			(recv ('a 'got-a) ('b 'got-b))`, `got-b`},
		{"where", `(! (self) 1) (! (self) 5) (list (recv (n (where (> n 3)) n)) (?))`, `(5 1)`},
		{"guard failure keeps message", `(! (self) 1) (list (recv (n (where (> n 3)) n) (after 0 'none)) (?))`, `(none 1)`},
		{"after 0 polls", `(recv (x x) (after 0 'none))`, `none`},
		{"after 0 takes what is there", `(! (self) 'm) (recv (x (list 'got x)) (after 0 'none))`, `(got m)`},
		{"after keeps unmatched messages", `(! (self) 'a) (! (self) 'b)
			(list (recv ('c 'c) (after 0 'none)) (?) (?))`, `(none a b)`},
		{"after fraction", `(recv ('never 'no) (after 0.01 'timeout))`, `timeout`},
		{"after evaluated once", `(define n 0) (! (self) 'a)
			(list (recv ('b 'b) (after (begin (set! n (+ n 1)) 0) n)) n)`, `(1 1)`},
		{"empty after body", `(recv (after 0))`, `#<unspecified>`},
		{"unquote", `(define tag (make-tag)) (! (self) (list 'other 1)) (! (self) (list tag 2))
			(recv ((,tag v) v))`, `2`},
		{"body runs after removal", `(! (self) 'a) (! (self) 'b)
			(recv ('a (recv (x x))))`, `b`},
		{"tail position", `(define (loop n) (if (= n 0) 'done (begin (! (self) n) (recv (m (loop (- m 1)))))))
			(loop 100000)`, `done`},
		{"!? past earlier messages", `(define p (spawn (let loop () (recv ((from tag m) (! from (list tag (* m 2))) (loop))))))
			(! (self) 'early1) (! (self) 'early2)
			(list (!? p 21) (!? p 4) (?) (?))`, `(42 8 early1 early2)`},
		{"!? keeps what came before the reply", `(define p (spawn (recv ((from tag m) (! from 'junk) (! from (list tag m))))))
			(list (!? p 5) (?))`, `(5 junk)`},
		{"recv from a mark", `(! (self) 'a) (define mark (%recv-mark)) (! (self) 'b)
			(%recv-start mark) (list mark (%recv-next #f) (begin (%recv-accept) (?)))`, `(1 b a)`},
		{"recv from a mark past the end", `(! (self) 'a) (%recv-start 5)
			(list (eq? (%recv-next (%deadline 0)) %recv-timeout) (?))`, `(#t a)`},
		{"shapes pass over what cannot match", `(for-each (lambda (m) (! (self) m))
			  (list 'a '(b 1) "s" #(1 2 3) '(want) '(want 1 2) 2.5 '(want . 3) #(want 1) '(want 7)))
			(list (recv (('want x) x)) (recv (#(w y) (list w y))) (recv ((a . 3) a)) (recv ("s" 'string))
			      (recv (2.5 'flonum)) (recv (('b n) n)) (recv (('want) 'alone)) (?) (?) (?) (recv (x (where #f) 'never) (after 0 'left)))`,
			`(7 (want 1) want string flonum 1 alone a #(1 2 3) (want 1 2) left)`},
		{"shapes with unquote, repeats and guards", `(define tag (make-tag))
			(for-each (lambda (m) (! (self) m)) (list (list (make-tag) 1) '(x y) (list tag 2) '(z z) '(3) '(4)))
			(list (recv ((,tag v) v)) (recv ((a a) a)) (recv ((n) (where (even? n)) n)) (?) (?) (?))`,
			`(2 z 4 (#<tag 2> 1) (x y) (3))`},
		{"shapes and a waiting receive", `(define me (self))
			(spawn (lambda () (! me 'junk) (sleep 0.01) (! me '(other)) (sleep 0.01) (! me '(hit 5))))
			(list (recv (('hit n) n) (after 5 'timeout)) (?) (?))`, `(5 junk (other))`},
		{"shapes and a timeout", `(! (self) 1) (! (self) '(no))
			(list (recv (('yes) 'yes) (after 0.01 'timeout)) (?) (?))`, `(timeout 1 (no))`},
		{"shapes and signed zeros", `(! (self) -0.0) (! (self) 0.0)
			(list (recv (0.0 'zero)) (?))`, `(zero -0.0)`},
		{"reply from a process", `(define p (spawn (recv ((from x) (! from (* x 2))))))
			(! p (list (self) 21)) (recv (y y))`, `42`},
		{"a linked death raised at the next receive", `(spawn-link (lambda () (raise 'boom)))
			(let spin ((i 0)) (if (< i 100000) (spin (+ i 1))))
			(catch (lambda (e) 'raised) (recv (x x) (after 1 'timeout)))`, `raised`},
		{"%recv-next redefined after compiling", `(define (f) (%recv-next #f))
			(set! %recv-next (lambda (deadline) 'mine))
			(list (f) (recv (x x) (after 0 'recv-keeps-the-standard-one)))`, `(mine recv-keeps-the-standard-one)`},
		{"paper server", paperServer + `
			(define server (spawn (let loop () (recv ((from m) (! from (handle m)) (loop))))))
			(! server (list (self) '(set! 42)))
			(! server (list (self) '(client 7 get)))
			(list (recv (x x)) (recv (x x)))`, `((set 42) (get client 7))`},
	})
}

// BenchmarkMatch dispatches on the paper's message shapes: the clause
// procedures are made once per match, never per failure point.
func BenchmarkMatch(b *testing.B) {
	benchProgram(b, paperServer+`
	(define msgs '((set! 1) (c 1 get) (c 2 (proc-tag 3)) (c 3 put)))`,
		`(for-each handle msgs)`)
}

// benchRuns runs src, whose value is a procedure of a count, and calls it
// once with b.N. The messages the main process sends itself last only as
// long as a run (its mailbox goes when the run ends), so a benchmark that
// needs a full mailbox fills it in the procedure: that counts once per
// run.
func benchRuns(b *testing.B, src string) {
	in := newInterp(b)
	proc, err := in.RunSource([]byte(src), "setup")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := in.Apply(proc, rt.MakeFixnum(int64(b.N))); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRecvScan receives the last of 20 messages, scanning past the
// 19 others with a clause that fails on each.
func BenchmarkRecvScan(b *testing.B) {
	benchRuns(b, `(define (fill n) (if (> n 0) (begin (! (self) (list 'skip n)) (fill (- n 1)))))
	(lambda (n)
	  (fill 19)
	  (do ((i 0 (+ i 1))) ((= i n))
	    (! (self) '(want 1))
	    (recv (('want x) (where (number? x)) x))))`)
}

// BenchmarkRPCLongMailbox makes RPCs with !? from a process that has
// 10,000 other messages waiting: the reply is looked for only among the
// messages that came after the request's tag was made.
func BenchmarkRPCLongMailbox(b *testing.B) {
	benchRuns(b, `(define server (spawn (let loop () (recv ((from tag msg) (! from (list tag msg)))) (loop))))
	(define (fill n) (if (> n 0) (begin (! (self) (list 'skip n)) (fill (- n 1)))))
	(lambda (n)
	  (fill 10000)
	  (let loop ((i 0)) (if (< i n) (begin (!? server i) (loop (+ i 1))))))`)
}

// BenchmarkRecvSkip1000 receives a message with a pattern past 1000 that
// its shape refuses, which are passed over without running Scheme code.
func BenchmarkRecvSkip1000(b *testing.B) {
	benchRuns(b, `(lambda (n)
	  (do ((i 0 (+ i 1))) ((= i 1000)) (! (self) i))
	  (do ((i 0 (+ i 1))) ((= i n))
	    (! (self) (list 'want i))
	    (recv (('want x) x))))`)
}

// BenchmarkRecvFirst receives with a pattern the only message there, the
// common case that shapes must not slow down.
func BenchmarkRecvFirst(b *testing.B) {
	benchRuns(b, `(lambda (n)
	  (do ((i 0 (+ i 1))) ((= i n))
	    (! (self) (list 'want i))
	    (recv (('want x) x))))`)
}
