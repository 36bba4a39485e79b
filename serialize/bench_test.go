package serialize_test

import (
	"bytes"
	"runtime/debug"
	"testing"

	"termite/serialize"
)

// The benchmarks of issues 5 and 14: each encodes a value and decodes it
// again, as term_to_binary and binary_to_term do in Erlang, for the sizes
// whose Erlang round trips issue 14 gives: the empty list 0.6 µs, 1000
// integers 25 µs, 1,000,000 integers 66 ms, a closure over 1000 elements
// 36 µs, 100,000 characters 11 µs. Each reports the message size.

func benchRoundTrip(b *testing.B, setup string) {
	defer debug.SetGCPercent(debug.SetGCPercent(400)) // as cmd/termite runs
	in := newInterp(b)
	v, err := in.RunSource([]byte(setup), "bench.scm")
	if err != nil {
		b.Fatal(err)
	}
	ctx := serialize.ContextOf(in)
	data, err := ctx.Encode(v, nil)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ctx.Decode(data, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data, err := ctx.Encode(v, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ctx.Decode(data, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data)), "bytes")
}

func BenchmarkEmptyList(b *testing.B) { benchRoundTrip(b, `'()`) }

func BenchmarkList1000(b *testing.B) { benchRoundTrip(b, `(iota 1000 1)`) }

func BenchmarkList1M(b *testing.B) { benchRoundTrip(b, `(iota 1000000)`) }

func BenchmarkClosure1000(b *testing.B) {
	benchRoundTrip(b, `(let ((l (iota 1000))) (lambda () (length l)))`)
}

func BenchmarkString100K(b *testing.B) { benchRoundTrip(b, `(make-string 100000 #\a)`) }

// BenchmarkCopies100K is the least that String100K can cost: a round
// trip copies the text twice, into the message and into the new string,
// each time into memory just allocated (Scheme strings are mutable, so
// the new string cannot share the message). On a machine where fresh
// memory is slow to touch, this, not the encoding, is most of String100K.
func BenchmarkCopies100K(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	text := bytes.Repeat([]byte{'a'}, 100000)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		message := bytes.Clone(text)
		copies = bytes.Clone(message)
	}
}

// copies keeps BenchmarkCopies100K's last copy, so that making it is not
// optimized away.
var copies []byte

func BenchmarkContinuation100(b *testing.B) {
	benchRoundTrip(b, `
		(define k #f)
		(define (deep n) (if (= n 0) (call/cc (lambda (c) (set! k c) 0)) (+ 1 (deep (- n 1)))))
		(deep 100)
		k`)
}

// BenchmarkEncodeList1000 and BenchmarkDecodeList1000 split the round
// trip of the 1000-element list.
func BenchmarkEncodeList1000(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	in := newInterp(b)
	v, _ := in.RunSource([]byte(`(iota 1000 1)`), "bench.scm")
	ctx := serialize.ContextOf(in)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ctx.Encode(v, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeList1000(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	in := newInterp(b)
	v, _ := in.RunSource([]byte(`(iota 1000 1)`), "bench.scm")
	ctx := serialize.ContextOf(in)
	data, _ := ctx.Encode(v, nil)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ctx.Decode(data, nil); err != nil {
			b.Fatal(err)
		}
	}
}
