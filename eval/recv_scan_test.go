package eval_test

import (
	"testing"

	"termite/eval"
)

// TestRecvScanCalledAsValue calls %recv-scan other than directly: through
// a variable, apply, and after the program assigned it, where code
// compiled before calls the new value. ?? itself is the library's, which
// the assignment leaves alone.
func TestRecvScanCalledAsValue(t *testing.T) {
	runCases(t, []evalCase{
		{"through a variable and apply", `
			(! (self) 1) (! (self) '(a)) (! (self) 'b)
			(define f %recv-scan)
			(list (f pair? #f) (apply %recv-scan (list symbol? #f)) (? 0 'none))`,
			`((a) b 1)`},
		{"a timeout as a value", `(eq? (apply %recv-scan (list pair? (%deadline 0))) %recv-timeout)`, `#t`},
		{"assigned after code that calls it was compiled", `
			(define (scan) (%recv-scan pair? #f))
			(set! %recv-scan (lambda (keep? deadline) 'assigned))
			(! (self) '(a))
			(list (scan) (?? pair?))`,
			`(assigned (a))`},
	})
}

// TestRecvScanStack checks that the operand stack that code calling
// %recv-scan claims covers the slot the instruction fills above its
// operands when it calls the predicate, as the compiler counts it and as
// the checker does for code from elsewhere that claims less.
func TestRecvScanStack(t *testing.T) {
	in := newInterp(t)
	v, err := in.RunSource([]byte(`(lambda (keep?) (%recv-scan keep? #f))`), "t.scm")
	if err != nil {
		t.Fatal(err)
	}
	c := v.(*eval.Closure).Code
	// keep?, the deadline, the three slots of the scan's state, and
	// keep? and a message in place of the last: 6 operands.
	want := c.NLocals + 1 + 6
	if c.MaxStack != want {
		t.Fatalf("MaxStack %d, want %d:\n%s", c.MaxStack, want, c.Disassemble())
	}
	c.MaxStack--
	if err := eval.NewCodeChecker(1 << 20).Check(c); err != nil {
		t.Fatal(err)
	}
	if c.MaxStack != want {
		t.Errorf("the checker left MaxStack at %d, want it raised to %d", c.MaxStack, want)
	}
}

// TestInterruptScan interrupts a scan that never ends (its predicate
// sends every message back to the process): the scan yields, and the
// interrupt is noticed.
func TestInterruptScan(t *testing.T) {
	in := newInterp(t)
	interruptRun(t, in, `(! (self) 'go) (?? (lambda (m) (! (self) m) #f))`)
}

// benchSkip runs a receive of a message past 1000 others that it passes
// over, and reports the time per message passed over (the receive of the
// one wanted included).
func benchSkip(b *testing.B, receive string) {
	benchRuns(b, `(define (hit? m) (and (pair? m) (eq? (car m) 'want)))
	(define (pair-like? m) (pair? m))
	(lambda (n)
	  (do ((i 0 (+ i 1))) ((= i 1000)) (! (self) i))
	  (do ((i 0 (+ i 1))) ((= i n))
	    (! (self) (list 'want i))
	    `+receive+`))`)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/skip")
}

// BenchmarkSelectiveSkip1000Closure: ?? with a predicate of the program's.
func BenchmarkSelectiveSkip1000Closure(b *testing.B) { benchSkip(b, `(?? hit?)`) }

// BenchmarkSelectiveSkip1000Wrapper: ?? with a predicate of the
// program's that only applies a primitive to the message.
func BenchmarkSelectiveSkip1000Wrapper(b *testing.B) { benchSkip(b, `(?? pair-like?)`) }

// BenchmarkSelectiveSkip1000Primitive: ?? with a primitive predicate.
func BenchmarkSelectiveSkip1000Primitive(b *testing.B) { benchSkip(b, `(?? pair?)`) }

// TestPredicatePrimitive: a predicate that only applies a primitive of
// one argument to the message runs as that primitive, whatever
// instructions the compiler makes of it; one that does more does not.
func TestPredicatePrimitive(t *testing.T) {
	in := newInterp(t)
	for src, want := range map[string]string{
		`(lambda (m) (pair? m))`:       "pair?",
		`(lambda (m) (car m))`:         "car",
		`(lambda (m) (symbol? m))`:     "symbol?",
		`car`:                          "car",
		`(lambda (m) (pair? (car m)))`: "",
		`(lambda (m) (+ m 1))`:         "",
		`(lambda (m n) (pair? m))`:     "",
	} {
		v, err := in.RunSource([]byte(src), "p.scm")
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if p := eval.PredicatePrimitive(v); p != nil {
			got = p.Name
		}
		if got != want {
			t.Errorf("%s runs as %q, want %q", src, got, want)
		}
	}
}
