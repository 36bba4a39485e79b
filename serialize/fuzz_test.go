package serialize_test

import (
	"bytes"
	"testing"

	rt "termite/runtime"
	"termite/serialize"
)

// FuzzDecode feeds Decode arbitrary bytes, starting from messages of every
// kind: it must never panic, must fail with an error object, and what it
// accepts must encode again. Each input is decoded twice, the second time
// as a node decodes a frame (Owned), from a copy, since a large string or
// bytevector then keeps the bytes it is given: both must agree. `make
// fuzz` runs it for a while; `go test` runs the seeds.
func FuzzDecode(f *testing.F) {
	in := newInterp(f)
	seeds := []string{
		`'()`, `'(1 -2 3.5 "s" #\c sym)`, `(vector 1 (vector 2) (bytevector 1 2))`,
		`(expt 3 200)`, `-5/7`, `1+2i`, `(string->uninterned-symbol "g")`,
		`(let ((l (list 1 2))) (set-cdr! (cdr l) l) l)`,
		`(let ((s "x")) (list s s))`,
		`(define-record-type point (make-point x y) point? (x point-x set-point-x!) (y point-y)) (list (make-point 1 2) point? point-x set-point-x! make-point)`,
		`(list (make-tag) (self) (eof-object) (if #f #f) car display current-output-port)`,
		`(define (make-counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n))) (make-counter)`,
		`(case-lambda ((x) x) ((x y) (+ x y)))`,
		`(make-parameter 1 (lambda (x) x))`,
		`(delay (+ 1 2))`, `(let ((p (delay 1))) (force p) p)`,
		`(guard (e (#t e)) (error "boom" 1 'two))`,
		`(define k #f) (define (deep n) (if (= n 0) (call/cc (lambda (c) (set! k c) 0)) (+ 1 (deep (- n 1))))) (deep 5) k`,
		`(define g 5) (define (use-g) (+ g 1)) use-g`,
		`(interaction-environment)`,
		`(list (make-string 5000 #\a) "b" (make-bytevector 10 1))`,
		`(list (make-bytevector 5000 1) 'x)`,
	}
	for _, src := range seeds {
		v, err := in.RunSource([]byte(src), "seed.scm")
		if err != nil {
			f.Fatalf("%s: %v", src, err)
		}
		f.Add(encode(f, in, v))
	}
	f.Add([]byte{})
	f.Add([]byte{0x83, serialize.Version, 0x80, 0xf6})
	ctx := serialize.ContextOf(in)
	opts := &serialize.DecodeOptions{Limits: serialize.Limits{MaxBytes: 1 << 16, MaxFrameSlots: 1 << 12, MaxBignumBytes: 1 << 10}}
	owned := *opts
	owned.Owned = true
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := ctx.Decode(data, opts)
		ov, oerr := ctx.Decode(bytes.Clone(data), &owned)
		if (err == nil) != (oerr == nil) {
			t.Fatalf("decoded with Owned: %v; without: %v", oerr, err)
		}
		if err != nil {
			for _, err := range []error{err, oerr} {
				if _, ok := err.(*rt.ErrorObject); !ok {
					t.Fatalf("error %T (%v) is not an error object", err, err)
				}
			}
			return
		}
		if w, ow := rt.WriteString(v), rt.WriteString(ov); w != ow {
			t.Fatalf("decoded %s with Owned, %s without", ow, w)
		}
		for _, v := range []rt.Value{v, ov} {
			if _, err := ctx.Encode(v, nil); err != nil {
				t.Fatalf("decoded %s, which does not encode again: %v", rt.WriteString(v), err)
			}
		}
	})
}

// FuzzRunDecoded decodes arbitrary bytes, starting from closures and
// continuations (and the bit-flipped ones that once broke the machine,
// in testdata), and calls what decodes to a procedure with a time limit:
// it must be refused, or run to a value or a Scheme error, never to a Go
// panic, an internal error or a hang.
func FuzzRunDecoded(f *testing.F) {
	in := newInterp(f)
	for _, src := range bitFlipSources {
		f.Add(encode(f, in, run(f, in, src)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var st flipStats
		if runMutant(in, data, &st) {
			in = newInterp(t)
		}
		for _, msg := range st.failures {
			t.Error(msg)
		}
	})
}
