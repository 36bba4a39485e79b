package runtime

import "testing"

// The sink keeps the compiler from discarding the results.
var arithSink Value

func BenchmarkAddFixnum(b *testing.B) {
	b.ReportAllocs()
	x, y := MakeFixnum(3), MakeFixnum(4)
	for b.Loop() {
		arithSink, _ = Add(x, y)
	}
}

// BenchmarkAddFixnumLarge measures a sum outside MakeFixnum's cache, which
// has to box its result.
func BenchmarkAddFixnumLarge(b *testing.B) {
	b.ReportAllocs()
	x, y := MakeFixnum(1<<40), MakeFixnum(1<<41)
	for b.Loop() {
		arithSink, _ = Add(x, y)
	}
}

func BenchmarkAddFlonum(b *testing.B) {
	b.ReportAllocs()
	x, y := Value(Flonum(1.5)), Value(Flonum(2.25))
	for b.Loop() {
		arithSink, _ = Add(x, y)
	}
}

func BenchmarkMulFixnum(b *testing.B) {
	b.ReportAllocs()
	x, y := MakeFixnum(-123), MakeFixnum(45)
	for b.Loop() {
		arithSink, _ = Mul(x, y)
	}
}

func BenchmarkLessMixed(b *testing.B) {
	b.ReportAllocs()
	x, y := MakeFixnum(3), Value(Flonum(3.5))
	for b.Loop() {
		_, _ = Less(x, y)
	}
}
