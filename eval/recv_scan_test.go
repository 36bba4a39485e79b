package eval_test

import "testing"

// benchSkip runs a receive of a message past 1000 others that it passes
// over, and reports the time per message passed over (the receive of the
// one wanted included).
func benchSkip(b *testing.B, receive string) {
	benchRuns(b, `(define (hit? m) (pair? m))
	(lambda (n)
	  (do ((i 0 (+ i 1))) ((= i 1000)) (! (self) i))
	  (do ((i 0 (+ i 1))) ((= i n))
	    (! (self) (list 'want i))
	    `+receive+`))`)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/skip")
}

// BenchmarkSelectiveSkip1000Closure: ?? with a predicate of the program's.
func BenchmarkSelectiveSkip1000Closure(b *testing.B) { benchSkip(b, `(?? hit?)`) }

// BenchmarkSelectiveSkip1000Primitive: ?? with a primitive predicate.
func BenchmarkSelectiveSkip1000Primitive(b *testing.B) { benchSkip(b, `(?? pair?)`) }
