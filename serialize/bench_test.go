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
// 36 µs, 100,000 characters 11 µs. Each reports the message size. Each
// decodes as a node decodes a message that came off the wire, which it
// gives up to the decoder (DecodeOptions.Owned), but String100KCopied.

func benchRoundTrip(b *testing.B, setup string) {
	benchRoundTripWith(b, setup, &serialize.DecodeOptions{Owned: true})
}

func benchRoundTripWith(b *testing.B, setup string, opts *serialize.DecodeOptions) {
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
	size := len(data)
	if _, err := ctx.Decode(data, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data, err := ctx.Encode(v, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ctx.Decode(data, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "bytes")
}

func BenchmarkEmptyList(b *testing.B) { benchRoundTrip(b, `'()`) }

func BenchmarkList1000(b *testing.B) { benchRoundTrip(b, `(iota 1000 1)`) }

func BenchmarkList1M(b *testing.B) { benchRoundTrip(b, `(iota 1000000)`) }

func BenchmarkClosure1000(b *testing.B) {
	benchRoundTrip(b, `(let ((l (iota 1000))) (lambda () (length l)))`)
}

// BenchmarkString100K copies the text once, into the message: the new
// string keeps its bytes in the message, which the decoder was given.
func BenchmarkString100K(b *testing.B) { benchRoundTrip(b, `(make-string 100000 #\a)`) }

// BenchmarkString100KCopied is the round trip of a decoder that may not
// keep the message (deserialize, whose bytevector the program holds):
// the text is copied twice, into the message and into the new string.
func BenchmarkString100KCopied(b *testing.B) {
	benchRoundTripWith(b, `(make-string 100000 #\a)`, nil)
}

// BenchmarkCopies100K is the least that String100KCopied can cost: its
// two copies of the text, each into memory just allocated (Scheme strings
// are mutable, so without Owned the new string cannot share the message).
// String100K makes the first only. On a machine where fresh memory is
// slow to touch, these copies, not the encoding, are most of the cost.
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
