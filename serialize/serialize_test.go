package serialize_test

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/fxamacker/cbor/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"termite/eval"
	rt "termite/runtime"
	"termite/serialize"
	"termite/stdlib"
)

// version is the format version, as the messages written by hand here
// carry it.
const version = uint64(serialize.Version)

// newInterp returns an interpreter with the standard library, whose
// output goes nowhere.
func newInterp(tb testing.TB) *eval.Interp {
	tb.Helper()
	in, _ := newInterpOut(tb)
	return in
}

// newInterpOut returns an interpreter with the standard library and the
// buffer its standard output goes to.
func newInterpOut(tb testing.TB) (*eval.Interp, *bytes.Buffer) {
	tb.Helper()
	out := new(bytes.Buffer)
	in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: out, Stderr: io.Discard})
	if err := stdlib.Install(in); err != nil {
		tb.Fatal(err)
	}
	return in, out
}

// run evaluates src in in and returns the value of its last form.
func run(tb testing.TB, in *eval.Interp, src string) rt.Value {
	tb.Helper()
	v, err := in.RunSource([]byte(src), "test.scm")
	if err != nil {
		tb.Fatalf("%s: %v", src, err)
	}
	return v
}

func encode(tb testing.TB, in *eval.Interp, v rt.Value) []byte {
	tb.Helper()
	data, err := serialize.ContextOf(in).Encode(v, nil)
	if err != nil {
		tb.Fatalf("encoding %s: %v", rt.WriteString(v), err)
	}
	return data
}

func decode(tb testing.TB, in *eval.Interp, data []byte) rt.Value {
	tb.Helper()
	v, err := serialize.ContextOf(in).Decode(data, nil)
	if err != nil {
		tb.Fatalf("decoding: %v", err)
	}
	return v
}

// TestRoundTrip sends a value of every kind from one interpreter to
// another and checks that the copy is equal? to it and prints the same.
func TestRoundTrip(t *testing.T) {
	exprs := []string{
		`'()`, `#t`, `#f`, `0`, `-1`, `42`, `65536`, `-1000000`,
		`9223372036854775807`, `-9223372036854775808`,
		`9223372036854775808`, `18446744073709551616`, `-18446744073709551617`,
		`(expt 7 300)`, `(- (expt 7 300))`,
		`1/3`, `-22/7`, `(/ 1 (expt 3 100))`, `(/ (expt 2 100) 3)`,
		`0.0`, `-0.0`, `1.5`, `0.1`, `1e300`, `-1e-300`, `5e-324`, `65504.0`, `(/ 1. 3)`,
		`+inf.0`, `-inf.0`, `1+2i`, `-0.5-1e100i`, `(make-polar 1 2)`, `-1.0-0.0i`, `(make-rectangular 2.0 0.0)`,
		`#\a`, `#\x3bb`, `#\x10FFFF`, `#\null`, `#\space`,
		`""`, `"hello"`, `"λ and 𝄞 and \x0;"`, `(make-string 1000 #\z)`,
		`"ascii for a while, then λ"`, `(string-append (make-string 17 #\a) "é")`, `(string-append (make-string 16 #\a) "\x7f;")`,
		`'foo`, `'|hello world|`, `'λ`, `(string->symbol "")`,
		`'(1 2 3)`, `'(1 . 2)`, `'(a (b (c (d))) . e)`, `'((1 . 2) (3 . 4))`,
		`(vector)`, `#(1 #(2 #(3)) "x")`, `(bytevector)`, `(bytevector 0 1 255)`,
		`(eof-object)`, `(if #f #f)`,
		`(list 1.5 'a "b" #\c (vector 2) (bytevector 3))`,
		`(let loop ((i 0) (l '())) (if (= i 300) l (loop (+ i 1) (cons (* i i) l))))`,
		// Integers of each width around those that a list reads itself
		// (reader.smallInts), among other items, across 1024-pair blocks.
		`'(0 23 24 255 256 65535 65536 -1 -24 -25 -256 -257 -65536 -65537 4294967296 -4294967297 x "s" 1.5 7 . 8)`,
		`(append (iota 1030 -3) '(a "b" 7) (iota 1100 60000))`,
	}
	a, b := newInterp(t), newInterp(t)
	for _, src := range exprs {
		v := run(t, a, src)
		c := decode(t, b, encode(t, a, v))
		if rt.WriteString(c) != rt.WriteString(v) {
			t.Errorf("%s: copy prints %s, want %s", src, rt.WriteString(c), rt.WriteString(v))
		}
		if !rt.Equal(v, c) && !isNaN(v) {
			t.Errorf("%s: copy %s is not equal? to the original", src, rt.WriteString(c))
		}
	}
	// NaN is not equal to itself; it must still be a NaN.
	if f, ok := decode(t, b, encode(t, a, run(t, a, `+nan.0`))).(rt.Flonum); !ok || !math.IsNaN(float64(f)) {
		t.Errorf("+nan.0 came back as %v", f)
	}
}

func isNaN(v rt.Value) bool {
	f, ok := v.(rt.Flonum)
	return ok && math.IsNaN(float64(f))
}

// TestImmediates checks the Go values of the immediates that Scheme
// cannot tell apart by printing (fixnum against bignum, -0.0).
func TestImmediates(t *testing.T) {
	in := newInterp(t)
	for _, v := range []rt.Value{rt.MakeFixnum(rt.MaxFixnum()), rt.MakeFixnum(rt.MinFixnum()), rt.Flonum(math.Copysign(0, -1)),
		rt.Flonum(math.SmallestNonzeroFloat64), rt.Flonum(6.103515625e-05), rt.Flonum(5.960464477539063e-08),
		rt.Flonum(float32(0.1)), rt.Char(0), rt.Unspecified, rt.EOF, rt.Null, rt.True} {
		c := decode(t, in, encode(t, in, v))
		if f, ok := v.(rt.Flonum); ok {
			if math.Float64bits(float64(f)) != math.Float64bits(float64(c.(rt.Flonum))) {
				t.Errorf("%v came back as %v", f, c)
			}
			continue
		}
		if c != v {
			t.Errorf("%#v came back as %#v", v, c)
		}
	}
}

// TestFormat reads messages back with fxamacker/cbor: they are standard
// CBOR with the layout of FORMAT.md.
func TestFormat(t *testing.T) {
	in := newInterp(t)
	tests := []struct {
		src  string
		want any
	}{
		{`'()`, []any{version, []any{}, nil}},
		{`42`, []any{version, []any{}, uint64(42)}},
		{`'sym`, []any{version, []any{}, "sym"}},
		{`'(1 -2 . 3)`, []any{version, []any{[]any{uint64(1), uint64(1), int64(-2), uint64(3)}}, cbor.Tag{Number: 29, Content: uint64(0)}}},
		{`(let ((s "ab")) (vector s s))`, []any{version,
			[]any{[]any{uint64(2), cbor.Tag{Number: 29, Content: uint64(1)}, cbor.Tag{Number: 29, Content: uint64(1)}},
				[]any{uint64(3), "ab"}},
			cbor.Tag{Number: 29, Content: uint64(0)}}},
		{`1/3`, []any{version, []any{}, cbor.Tag{Number: 30, Content: []any{uint64(1), uint64(3)}}}},
		{`1.5`, []any{version, []any{}, 1.5}},
	}
	for _, tt := range tests {
		data := encode(t, in, run(t, in, tt.src))
		var got any
		if err := cbor.Unmarshal(data, &got); err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: message differs (-want +got):\n%s", tt.src, diff)
		}
	}
	// A list of 1000 small integers: the goal is within 1.5 times
	// Erlang's 4,242 bytes.
	if n := len(encode(t, in, run(t, in, `(iota 1000 1)`))); n > 4242*3/2 {
		t.Errorf("a list of 1000 integers takes %d bytes", n)
	}
}

// TestSharingAndCycles checks that what was eq? stays eq?.
func TestSharingAndCycles(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	v := run(t, a, `
		(define s (string #\a))
		(define l (list 1 2 3))
		(set-cdr! (cddr l) l)
		(define v (vector 0 s))
		(vector-set! v 0 v)
		(define tail (list 'x 'y))
		(define p (cons 0 0))
		(set-car! p p)
		(list s s l v (cons 1 tail) (cons 2 tail) p (list 'q (cdr tail)))`)
	b.Define("%copy", decode(t, b, encode(t, a, v)))
	got := run(t, b, `
		(define c %copy)
		(list (eq? (list-ref c 0) (list-ref c 1))
		      (let ((l (list-ref c 2))) (eq? l (cdddr l)))
		      (let ((v (list-ref c 3))) (and (eq? v (vector-ref v 0)) (eq? (vector-ref v 1) (car c))))
		      (eq? (cdr (list-ref c 4)) (cdr (list-ref c 5)))
		      (let ((p (list-ref c 6))) (eq? p (car p)))
		      (eq? (cadr (list-ref c 7)) (cddr (list-ref c 4))))`)
	if s := rt.WriteString(got); s != "(#t #t #t #t #t #t)" {
		t.Errorf("sharing lost: %s", s)
	}
}

// TestRunsEndAtSharedPairs: a pair inside a run of cdrs that turns out,
// later in the walk, to be shared ends the run where it is, whichever of
// its references is met first.
func TestRunsEndAtSharedPairs(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	tests := []struct{ src, check string }{
		// The list is walked before the vector finds its middle.
		{`(let ((l (iota 10))) (list (vector (list-tail l 5)) l))`,
			`(eq? (vector-ref (car c) 0) (list-tail (cadr c) 5))`},
		// The middle is found before the list.
		{`(let ((l (iota 10))) (list l (vector (list-tail l 5))))`,
			`(eq? (vector-ref (cadr c) 0) (list-tail (car c) 5))`},
		// A cycle back into the middle of its own run.
		{`(let ((l (iota 6))) (set-cdr! (list-tail l 5) (list-tail l 2)) l)`,
			`(and (eq? (list-tail c 2) (list-tail c 6)) (equal? (list (car c) (cadr c) (caddr c)) '(0 1 2)))`},
		// Two runs that share their tail, and a third that starts inside it.
		{`(let* ((t (iota 5)) (x (cons 'x t)) (y (cons 'y t))) (list x y (cddr t)))`,
			`(and (eq? (cdar c) (cdadr c)) (eq? (cddr (cdar c)) (caddr c)) (equal? (car c) '(x 0 1 2 3 4)))`},
	}
	// Runs past what discovery writes of them (maxRunBytes), and a shared
	// tail found only after.
	long := `(let* ((t (iota 30000)) (x (cons 'x t))) (list (iota 30000 70000) x (list-tail t 29990) (iota 3)))`
	tests = append(tests, struct{ src, check string }{long,
		`(and (equal? c ` + long + `) (eq? (list-tail (cadr c) 29991) (caddr c)))`})
	for _, tt := range tests {
		b.Define("c", decode(t, b, encode(t, a, run(t, a, tt.src))))
		if got := run(t, b, tt.check); got != rt.True {
			t.Errorf("%s: %s is %s", tt.src, tt.check, rt.WriteString(got))
		}
	}
}

// TestLargeFixnums: integers of every size come back as the same numbers,
// fixnums as fixnums and integers past them as bignums, and keep their
// values when more messages are decoded.
func TestLargeFixnums(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	src := `(map (lambda (i) (if (even? i) (* i 1000003) (- (* i 1000003)))) (iota 3000))`
	b.Define("l1", decode(t, b, encode(t, a, run(t, a, src))))
	b.Define("l2", decode(t, b, encode(t, a, run(t, a, `(list (expt 2 62) (- (expt 2 63)) 65536 65537 -1025)`))))
	runtime.GC()
	if got := run(t, b, `
		(list (equal? l1 `+src+`)
		      (eqv? (list-ref l1 2999) -2999008997)
		      (+ (list-ref l1 2998) 1)
		      (exact-integer? (list-ref l1 1))
		      (let ((h (make-hash-table)))
		        (hash-table-set! h (* 7 1000003) 'seven)
		        (hash-table-ref/default h (- (list-ref l1 7)) #f))
		      l2
		      (exact? (car l2)))`); rt.WriteString(got) != "(#t #t 2998008995 #t seven (4611686018427387904 -9223372036854775808 65536 65537 -1025) #t)" {
		t.Errorf("got %s", rt.WriteString(got))
	}
	for _, i := range []int64{rt.MaxFixnum(), rt.MinFixnum()} {
		if v := decode(t, b, encode(t, a, rt.MakeFixnum(i))); v != rt.MakeFixnum(i) {
			t.Errorf("%d came back as %#v", i, v)
		}
	}
	for _, i := range []int64{rt.MaxFixnum() + 1, rt.MinFixnum() - 1, math.MaxInt64, math.MinInt64} {
		v := decode(t, b, encode(t, a, rt.MakeFixnum(i)))
		if n, ok := v.(*rt.Bignum); !ok || !n.I.IsInt64() || n.I.Int64() != i {
			t.Errorf("%d came back as %#v", i, v)
		}
	}
}

// TestClosureCopiesKeepOwnState: a counter decoded twice is two counters,
// each going on from where the original was.
func TestClosureCopiesKeepOwnState(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	data := encode(t, a, run(t, a, `
		(define (make-counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
		(define c (make-counter))
		(c) (c)
		c`))
	b.Define("%c1", decode(t, b, data))
	b.Define("%c2", decode(t, b, data))
	got := run(t, b, `(list (%c1) (%c1) (%c1) (%c2))`)
	if s := rt.WriteString(got); s != "(3 4 5 3)" {
		t.Errorf("two copies of a counter at 2 counted %s, want (3 4 5 3)", s)
	}
	if s := rt.WriteString(run(t, a, `(c)`)); s != "3" {
		t.Errorf("the original counted %s after the copies, want 3", s)
	}
}

// TestCodeTravels: a procedure goes to an interpreter that never saw its
// definition, with the globals it uses; its code comes out as it went in.
func TestCodeTravels(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	v := run(t, a, `
		(define scale 3)
		(define (helper x) (* x scale))
		(define-record-type point (make-point x y) point? (x point-x) (y point-y))
		(define (f . xs) (map (lambda (x) (helper (point-x x))) xs))
		(lambda (n) (apply f (map (lambda (i) (make-point i 0)) (iota n))))`)
	c := decode(t, b, encode(t, a, v))
	b.Define("%f", c)
	if got := rt.WriteString(run(t, b, `(%f 4)`)); got != "(0 3 6 9)" {
		t.Errorf("the copy computed %s, want (0 3 6 9)", got)
	}
	if _, ok := b.Lookup("helper"); !ok {
		t.Error("helper did not come with the code that uses it")
	}
	byName := cmp.Transformer("name", func(g *eval.Global) string { return g.Name.Name })
	opts := cmp.Options{byName, cmpopts.IgnoreFields(eval.Code{}, "MaxStack"), cmpopts.EquateEmpty(),
		cmpopts.IgnoreUnexported(eval.Global{}, eval.Code{}), cmp.Comparer(func(x, y *rt.RecordType) bool { return x.UID == y.UID })}
	if diff := cmp.Diff(v.(*eval.Closure).Code, c.(*eval.Closure).Code, opts); diff != "" {
		t.Errorf("code differs after the trip (-sent +received):\n%s", diff)
	}
	// The hash covers the children's and the constants' hashes too.
	if v.(*eval.Closure).Code.Hash() != c.(*eval.Closure).Code.Hash() {
		t.Error("the code's hash differs after the trip")
	}
}

// TestVariableOperandsTravel: code whose instructions read free values
// as operands (negative operands on the wire: </vars, call-var, -/vars)
// runs the same in the receiver.
func TestVariableOperandsTravel(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	v := run(t, a, `(let ((n 3) (g (lambda (y) (* y 10)))) (lambda (x) (if (< x n) (g x) (- x n))))`)
	if listing := v.(*eval.Closure).Code.Disassemble(); !strings.Contains(listing, "free0") {
		t.Fatalf("the code reads no free value as an operand:\n%s", listing)
	}
	b.Define("%f", decode(t, b, encode(t, a, v)))
	if got := rt.WriteString(run(t, b, `(list (%f 1) (%f 5))`)); got != "(10 2)" {
		t.Errorf("the copy computed %s, want (10 2)", got)
	}
}

// TestGlobalsKeepReceiversValues: a global the receiver has keeps its
// value; one it lacks gets the sender's.
func TestGlobalsKeepReceiversValues(t *testing.T) {
	a := newInterp(t)
	data := encode(t, a, run(t, a, `(define base 10) (define (f x) (+ x base)) f`))

	b := newInterp(t)
	run(t, b, `(define base 100)`)
	b.Define("%f", decode(t, b, data))
	if got := rt.WriteString(run(t, b, `(%f 1)`)); got != "101" {
		t.Errorf("with base bound here: %s, want 101", got)
	}

	c := newInterp(t)
	c.Define("%f", decode(t, c, data))
	if got := rt.WriteString(run(t, c, `(list (%f 1) base)`)); got != "(11 10)" {
		t.Errorf("with base unbound here: %s, want (11 10)", got)
	}

	// A message cannot redefine the receiver's car, even if it says so;
	// the sender's code still sees the sender's car.
	d := newInterp(t)
	data = encode(t, a, run(t, a, `(define (car x) 'mine) (define count 1000) (lambda () (list (car '(1)) count))`))
	d.Define("%g", decode(t, d, data))
	if got := rt.WriteString(run(t, d, `(list (%g) (car '(1)) (procedure? count))`)); got != "((mine 1000) 1 #t)" {
		t.Errorf("a redefined car and count came back as %s, want ((mine 1000) 1 #t)", got)
	}
}

// TestIdentity: system procedures, tags, pids and record types keep
// their identity across trips.
func TestIdentity(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	src := `(define-record-type point (make-point x y) point? (x point-x) (y point-y))`
	run(t, a, src)
	run(t, b, src) // the same definition: the same type
	v := run(t, a, `(define t1 (make-tag)) (list car display current-output-port t1 (self) (make-point 1 2))`)
	copyB := decode(t, b, encode(t, a, v))
	b.Define("%v", copyB)
	if got := rt.WriteString(run(t, b, `
		(list (eq? (car %v) car) (eq? (cadr %v) display) (eq? (caddr %v) current-output-port)
		      (point? (list-ref %v 5)) (point-x (list-ref %v 5)) (eq? (list-ref %v 4) (self)))`)); got != "(#t #t #t #t 1 #f)" {
		t.Errorf("in the receiver: %s, want (#t #t #t #t 1 #f)", got)
	}
	// Back where they came from, the tag and the pid are the originals.
	back := decode(t, a, encode(t, b, copyB))
	a.Define("%back", back)
	if got := rt.WriteString(run(t, a, `(list (eq? (list-ref %back 3) t1) (eq? (list-ref %back 4) (self)))`)); got != "(#t #t)" {
		t.Errorf("back home: %s, want (#t #t)", got)
	}
	// Decoding a tag twice gives one tag.
	data := encode(t, a, run(t, a, `t1`))
	if decode(t, b, data) != decode(t, b, data) {
		t.Error("one tag decoded twice gave two tags")
	}
	// A record type the receiver does not have is made once.
	c := newInterp(t)
	data = encode(t, a, run(t, a, `(make-point 3 4)`))
	r1, r2 := decode(t, c, data).(*rt.Record), decode(t, c, data).(*rt.Record)
	if r1.Type != r2.Type || r1 == r2 {
		t.Error("two records of one new type have different types")
	}
}

// TestPorts: the console ports come back as the receiver's; other ports
// cannot travel without a proxy.
func TestPorts(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	out := decode(t, b, encode(t, a, run(t, a, `(current-output-port)`)))
	if stdout, _ := b.Lookup("%stdout"); out != stdout {
		t.Errorf("the standard output came back as %s, not the receiver's", rt.WriteString(out))
	}
	_, err := serialize.ContextOf(a).Encode(run(t, a, `(list 1 (open-output-string))`), nil)
	if err == nil || !strings.Contains(err.Error(), "cannot serialize #<output-port string>") {
		t.Errorf("a string port: error %v, want one naming the port", err)
	}
}

// TestProxyHooks: the network layer's hooks turn ports into stand-ins.
func TestProxyHooks(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	port := run(t, a, `(open-output-string)`)
	enc := &serialize.EncodeOptions{Proxy: func(v rt.Value) ([]byte, bool) {
		if v == port {
			return []byte("port-7"), true
		}
		return nil, false
	}}
	data, err := serialize.ContextOf(a).Encode(rt.List(port, port), enc)
	if err != nil {
		t.Fatal(err)
	}
	stand := rt.NewString("stand-in")
	dec := &serialize.DecodeOptions{MakeProxy: func(desc []byte) (rt.Value, error) {
		if string(desc) != "port-7" {
			t.Errorf("proxy description %q", desc)
		}
		return stand, nil
	}}
	v, err := serialize.ContextOf(b).Decode(data, dec)
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := rt.ListToSlice(v); len(l) != 2 || l[0] != stand || l[1] != stand {
		t.Errorf("decoded %s", rt.WriteString(v))
	}
	if _, err := serialize.ContextOf(b).Decode(data, nil); err == nil || !strings.Contains(err.Error(), "proxy") {
		t.Errorf("a proxy without the hook: error %v", err)
	}
}

// TestCodeByHash: code the peer has goes by hash, and comes back through
// the receiver's tables or its hook.
func TestCodeByHash(t *testing.T) {
	a := newInterp(t)
	f := run(t, a, `(define (twice x) (* 2 x)) twice`)
	var written []*eval.Code
	full, err := serialize.ContextOf(a).Encode(f, &serialize.EncodeOptions{CodeWritten: func(c *eval.Code) { written = append(written, c) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 1 || written[0] != f.(*eval.Closure).Code {
		t.Errorf("CodeWritten saw %d code objects", len(written))
	}
	short, err := serialize.ContextOf(a).Encode(f, &serialize.EncodeOptions{PeerHasCode: func([32]byte) bool { return true }})
	if err != nil {
		t.Fatal(err)
	}
	if len(short) >= len(full) {
		t.Errorf("by hash: %d bytes, in full: %d", len(short), len(full))
	}
	b := newInterp(t)
	if _, err := serialize.ContextOf(b).Decode(short, nil); err == nil || !strings.Contains(err.Error(), "not known here") {
		t.Errorf("unknown code by hash: error %v", err)
	}
	v, err := serialize.ContextOf(b).Decode(short, &serialize.DecodeOptions{ResolveCode: func(h [32]byte) *eval.Code {
		return decode(t, b, full).(*eval.Closure).Code
	}})
	if err != nil {
		t.Fatal(err)
	}
	b.Define("%twice", v)
	if got := rt.WriteString(run(t, b, `(%twice 21)`)); got != "42" {
		t.Errorf("code found through the hook computed %s", got)
	}
	// Once received in full, the code is known by hash.
	c := newInterp(t)
	decode(t, c, full)
	decode(t, c, short)
}

// defineKeep defines %keep in in, which hands its argument to the test,
// as a node would send it: through the pointer returned.
func defineKeep(in *eval.Interp) *rt.Value {
	kept := new(rt.Value)
	in.Define("%keep", &rt.Primitive{Name: "%keep", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
		*kept = args[0]
		return rt.Unspecified, nil
	}})
	return kept
}

// TestContinuationAcrossInterpreters resumes, in an interpreter that never
// saw the program, a continuation captured inside a loop: the loop
// finishes, then the rest of the program runs.
func TestContinuationAcrossInterpreters(t *testing.T) {
	// %keep hands the continuation to this test, as a node would send it.
	a, _ := newInterpOut(t)
	kept := defineKeep(a)
	run(t, a, `
		(define (show . xs) (for-each display xs) (newline))
		(define first-time #t)
		(define (loop i)
		  (when (< i 4)
		    (when (= i 2)
		      (call/cc (lambda (k) (when first-time (set! first-time #f) (%keep k)))))
		    (show "i=" i)
		    (loop (+ i 1))))
		(loop 0)
		(define (done) (show "done"))
		(done)`)
	if *kept == nil {
		t.Fatal("no continuation kept")
	}
	data := encode(t, a, *kept)
	b, out := newInterpOut(t)
	k := decode(t, b, data)
	if _, err := b.Apply(k, rt.Unspecified); err != nil {
		t.Fatal(err)
	}
	runtimeFlush(b)
	if got, want := out.String(), "i=2\ni=3\ndone\n"; got != want {
		t.Errorf("the resumed continuation printed %q, want %q", got, want)
	}
}

// TestScanContinuationAcrossInterpreters resumes, in another interpreter,
// a continuation captured inside the predicate of ??: the frame of the
// scan passes the checker, and there the scan asks again from the first
// message of that interpreter's mailbox, since the index it held was into
// another's.
func TestScanContinuationAcrossInterpreters(t *testing.T) {
	a, aOut := newInterpOut(t)
	kept := defineKeep(a)
	run(t, a, `
		(define (show . xs) (for-each display xs) (newline))
		(define first-time #t)
		(define (keep? m)
		  (when first-time
		    (set! first-time #f)
		    (call/cc (lambda (k) (%keep k))))
		  (number? m))
		(for-each (lambda (m) (! (self) m)) '(a 1 b 2))
		(show "got " (?? keep?))
		(show "left " (? 0 'none) (? 0 'none) (? 0 'none))`)
	runtimeFlush(a)
	if got, want := aOut.String(), "got 1\nleft ab2\n"; got != want {
		t.Fatalf("the program printed %q, want %q", got, want)
	}
	b, out := newInterpOut(t)
	b.Define("%k", decode(t, b, encode(t, a, *kept)))
	run(t, b, `(for-each (lambda (m) (! (self) m)) '(x y 7 z)) (%k #f)`)
	runtimeFlush(b)
	if got, want := out.String(), "got 7\nleft xyz\n"; got != want {
		t.Errorf("the resumed continuation printed %q, want %q", got, want)
	}
}

// runtimeFlush flushes in's standard output port.
func runtimeFlush(in *eval.Interp) {
	if p, ok := in.Lookup("%stdout"); ok {
		p.(*rt.Port).Flush()
	}
}

// TestLargeStructures: a long list and a deep continuation take no Go
// stack to encode or decode.
func TestLargeStructures(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	l := decode(t, b, encode(t, a, run(t, a, `(iota 1000000)`)))
	if n := rt.ListLength(l); n != 1000000 {
		t.Errorf("a list of a million came back with %d elements", n)
	}
	run(t, a, `
		(define k #f)
		(define (deep n) (if (= n 0) (call/cc (lambda (c) (set! k c) 0)) (+ 1 (deep (- n 1)))))
		(define result (deep 100000))`)
	kv, _ := a.Lookup("k")
	data := encode(t, a, kv)
	c, _ := newInterpOut(t)
	v, err := c.Apply(decode(t, c, data), rt.MakeFixnum(5))
	if err != nil {
		t.Fatal(err)
	}
	if v != rt.Unspecified {
		t.Errorf("the program's last form gave %s", rt.WriteString(v))
	}
	if r, _ := c.Lookup("result"); r != rt.MakeFixnum(100005) {
		t.Errorf("resumed 100,000 frames deep: result %v, want 100005", r)
	}
}

// TestDecodeRefuses feeds Decode bad messages: each must fail with an
// error that says why, and change nothing.
func TestDecodeRefuses(t *testing.T) {
	in := newInterp(t)
	good := encode(t, in, run(t, in, `(define (g x) (+ x 1)) (list g "s")`))
	hexMsg := func(items ...any) []byte {
		b, err := cbor.Marshal(items)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	ref := func(n uint64) cbor.Tag { return cbor.Tag{Number: 29, Content: n} }
	// codeMsg is a closure of code of no parameters with the given
	// instructions, constant 1 and the global env:name.
	codeMsg := func(instrs []any, env, name string) []byte {
		return hexMsg(version, []any{
			[]any{uint64(27), ref(1)},
			[]any{uint64(23), make([]byte, 32), []any{ref(2)}, "c", uint64(0), false, uint64(0), uint64(4), false,
				instrs, []any{1}, []any{}, []any{}},
			[]any{uint64(26), env, name, false}}, ref(0))
	}
	// A vector whose item is 40 arrays deep: the decoder passes over the
	// fields of a vector before it reads them.
	nested := []byte{0x83, byte(version), 0x81, 0x82, 0x02}
	for i := 0; i < 40; i++ {
		nested = append(nested, 0x81)
	}
	nested = append(nested, 0xf6, 0xd8, 0x1d, 0x00)
	tests := []struct {
		name string
		data []byte
		lim  serialize.Limits
		want string
	}{
		{"empty", nil, serialize.Limits{}, "empty message"},
		{"truncated", good[:len(good)-3], serialize.Limits{}, "truncated data"},
		{"not an array", []byte{0x01}, serialize.Limits{}, "not a message"},
		{"version", hexMsg(version+1, []any{}, nil), serialize.Limits{},
			fmt.Sprintf("format version %d; this termite reads version %d", version+1, version)},
		{"bad kind", hexMsg(version, []any{[]any{uint64(99)}}, ref(0)), serialize.Limits{}, "kind 99 out of range"},
		{"reference out of range", hexMsg(version, []any{}, ref(5)), serialize.Limits{}, "reference 5 out of range"},
		{"reference to code", hexMsg(version, []any{[]any{uint64(25), uint64(0)}}, ref(0)), serialize.Limits{}, "not a value"},
		{"list holding code", hexMsg(version, []any{[]any{uint64(1), uint64(1), ref(1), nil}, []any{uint64(25), uint64(0)}}, ref(0)),
			serialize.Limits{}, "entry 0: reference at byte 6 to an entry of kind 25, which is not a value"},
		{"list reference out of range", hexMsg(version, []any{[]any{uint64(1), ref(7), nil}}, ref(0)), serialize.Limits{}, "reference 7 out of range"},
		{"short list", hexMsg(version, []any{[]any{uint64(1), uint64(1)}}, ref(0)), serialize.Limits{}, "at least 2"},
		{"surrogate", hexMsg(version, []any{[]any{uint64(5), uint64(0xd800)}}, ref(0)), serialize.Limits{}, "surrogate"},
		{"unknown system value", hexMsg(version, []any{[]any{uint64(19), "no-such-thing"}}, ref(0)), serialize.Limits{}, "not defined here"},
		{"map", hexMsg(version, []any{}, map[string]int{"a": 1}), serialize.Limits{}, "unexpected CBOR item"},
		{"record of the wrong size", hexMsg(version, []any{
			[]any{uint64(13), ref(1), uint64(1)}, []any{uint64(12), "t", "uid-t", "a", "b"}}, ref(0)),
			serialize.Limits{}, "with 1 fields, not 2"},
		{"bad code", hexMsg(version, []any{
			[]any{uint64(27), ref(1)},
			[]any{uint64(23), make([]byte, 32), []any{}, "c", uint64(0), false, uint64(0), uint64(2), false,
				[]any{uint64(14), int64(9), int64(0)}, []any{}, []any{}, []any{}}}, ref(0)),
			serialize.Limits{}, "jump to 9 out of range"},
		{"closure short of free values", hexMsg(version, []any{
			[]any{uint64(27), ref(1)},
			[]any{uint64(23), make([]byte, 32), []any{}, "c", uint64(0), false, uint64(0), uint64(2), false,
				[]any{uint64(3), int64(0), int64(0), uint64(20), int64(0), int64(0)}, []any{}, []any{}, []any{}}}, ref(0)),
			serialize.Limits{}, "0 free values, its code reads 1"},
		{"multiple values in a list", hexMsg(version, []any{[]any{uint64(1), ref(1), nil}, []any{uint64(11), 1, 2}}, ref(0)),
			serialize.Limits{}, "multiple values where data belongs"},
		// Tag 29 in its 2-byte form: the list's reference to the box, made
		// before it, is read as a value, not noted for later.
		{"box in a list by a long reference", []byte{0x83, byte(version), 0x82,
			0x82, 0x0a, 0x01, 0x83, 0x01, 0xd9, 0x00, 0x1d, 0x00, 0xf6, 0xd8, 0x1d, 0x01},
			serialize.Limits{}, "entry 1: a variable's box where data belongs"},
		{"box in a vector", hexMsg(version, []any{[]any{uint64(2), ref(1)}, []any{uint64(10), 1}}, ref(0)),
			serialize.Limits{}, "box where data belongs"},
		{"default object", hexMsg(version, []any{[]any{uint64(9)}}, ref(0)), serialize.Limits{}, "default object where data belongs"},
		{"string not UTF-8", hexMsg(version, []any{[]any{uint64(3), "a\xffb"}}, ref(0)), serialize.Limits{}, "UTF-8"},
		{"symbol not UTF-8", hexMsg(version, []any{}, "a\xc0"), serialize.Limits{}, "UTF-8"},
		{"duplicate field names", hexMsg(version, []any{[]any{uint64(12), "t", "uid-dup", "a", "a"}}, ref(0)),
			serialize.Limits{}, "field a twice"},
		{"system environment", hexMsg(version, []any{[]any{uint64(21), "system"}}, ref(0)), serialize.Limits{}, "system environment"},
		{"source in the system environment", hexMsg(version, []any{[]any{uint64(22), "f.scm", "system"}}, ref(0)),
			serialize.Limits{}, "system environment"},
		{"set! of the system's car", codeMsg([]any{uint64(0), int64(0), int64(0), uint64(9), int64(0), int64(0),
			uint64(0), int64(0), int64(0), uint64(20), int64(0), int64(0)}, "system", "car"), serialize.Limits{}, "assigns car of the system"},
		{"prim car of no arguments", codeMsg([]any{uint64(21), int64(0), int64(0), uint64(20), int64(0), int64(0)}, "system", "car"),
			serialize.Limits{}, "prim cannot run car"},
		{"car instruction running cons", codeMsg([]any{uint64(0), int64(0), int64(0), uint64(33), int64(0), int64(0),
			uint64(20), int64(0), int64(0)}, "system", "cons"), serialize.Limits{}, "car cannot run cons"},
		{"too big", good, serialize.Limits{MaxBytes: 10}, "over the limit"},
		{"too many objects", good, serialize.Limits{MaxObjects: 2}, "over the limit"},
		{"too deep", nested, serialize.Limits{}, "entry 0: items nested over the limit of 16 deep at byte 18"},
		{"too long", encode(t, in, run(t, in, `(iota 100)`)), serialize.Limits{MaxArrayLen: 50}, "array of 102 elements at byte 3 is over the limit of 50"},
		{"huge bignum", encode(t, in, run(t, in, `(expt 2 100000)`)), serialize.Limits{MaxBignumBytes: 100}, "bignum of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := serialize.ContextOf(in).Decode(tt.data, &serialize.DecodeOptions{Limits: tt.lim})
			if err == nil {
				t.Fatalf("decoded %s", rt.WriteString(v))
			}
			if _, ok := err.(*rt.ErrorObject); !ok {
				t.Errorf("error %T is not an error object", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "deserialize: ") {
				t.Errorf("error %q, want one containing %q", err, tt.want)
			}
		})
	}
	// A message refused for its code defines none of its globals.
	a := newInterp(t)
	msg := encode(t, a, run(t, a, `(define unused-global 5) (define (h) unused-global) h`))
	b := newInterp(t)
	if _, err := serialize.ContextOf(b).Decode(msg, &serialize.DecodeOptions{Limits: serialize.Limits{MaxFrameSlots: 1}}); err == nil {
		t.Fatal("a frame over the limit was accepted")
	}
	if _, ok := b.Lookup("unused-global"); ok {
		t.Error("a refused message defined a global")
	}
}

// instructionSet is the machine's instruction set as of format version 7:
// code travels as opcode numbers, so a change to it is a change of format.
var instructionSet = []string{"const", "local", "local-box", "free", "free-box", "global",
	"set-local", "set-local-box", "set-free-box", "set-global", "def-global", "make-box",
	"box-local", "pop", "jump", "jump-false", "closure", "fix-closure", "call", "tail-call",
	"return", "prim", "+", "-", "*", "quotient", "remainder", "modulo", "=", "<", ">", "<=", ">=", "car", "cdr", "cons",
	"null?", "pair?", "eq?", "not", "zero?", "vector-ref", "halt", "let/cc", "let/cc-tail", "recv-next",
	"self-tail-call", "+/imm", "-/imm", "=/imm", "</imm", ">/imm", "<=/imm", ">=/imm",
	"recv-scan", "call-global", "tail-call-global",
	"car/var", "cdr/var", "null?/var", "pair?/var", "not/var", "zero?/var",
	"+/vars", "-/vars", "=/vars", "</vars", ">/vars", "<=/vars", ">=/vars", "eq?/vars",
	"+/imm/var", "-/imm/var", "=/imm/var", "</imm/var", ">/imm/var", "<=/imm/var", ">=/imm/var",
	"jump-true", "jump-true-keep", "call-var", "tail-call-var", "push2", "return/var"}

// TestInstructionSetPinned fails when eval's instruction set changes:
// then bump serialize.Version (and FORMAT.md) and update instructionSet.
func TestInstructionSetPinned(t *testing.T) {
	var got []string
	for op := 0; op < 256; op++ {
		name := eval.Opcode(op).String()
		if strings.HasPrefix(name, "op") {
			break
		}
		got = append(got, name)
	}
	if diff := cmp.Diff(instructionSet, got); diff != "" {
		t.Errorf("the instruction set changed (-format version %d +now): bump serialize.Version and FORMAT.md, then update instructionSet\n%s",
			serialize.Version, diff)
	}
}

// TestLibraryGlobals: a procedure of a define-library uses the library's
// own variables: where the library is loaded, the receiver's; elsewhere,
// variables of the message's own that start with the sender's values.
func TestLibraryGlobals(t *testing.T) {
	lib := `(define-library (counter)
		  (export next!)
		  (import (scheme base))
		  (begin (define n 0) (define (next!) (set! n (+ n 1)) n)))
		(import (counter))`
	a := newInterp(t)
	data := encode(t, a, run(t, a, lib+` (next!) (next!) next!`))

	b := newInterp(t) // never heard of (counter)
	b.Define("%next", decode(t, b, data))
	if got := rt.WriteString(run(t, b, `(list (%next) (%next))`)); got != "(3 4)" {
		t.Errorf("without the library: %s, want (3 4)", got)
	}

	c := newInterp(t) // has (counter), with its own state
	run(t, c, lib)
	c.Define("%next", decode(t, c, data))
	if got := rt.WriteString(run(t, c, `(list (%next) (next!) (%next))`)); got != "(1 2 3)" {
		t.Errorf("with the library: %s, want (1 2 3): the receiver's variable", got)
	}
}

// TestUniqueSystemSymbol: the machine's own unique symbols keep their
// identity, as the library's procedures do.
func TestUniqueSystemSymbol(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	v, _ := a.Lookup("%recv-timeout")
	w, _ := b.Lookup("%recv-timeout")
	if got := decode(t, b, encode(t, a, v)); got != w {
		t.Errorf("%%recv-timeout came back as another symbol")
	}
	g := run(t, a, `(string->uninterned-symbol "g")`)
	if got := decode(t, b, encode(t, a, rt.List(g, g))); rt.WriteString(got) != "(g g)" || got.(*rt.Pair).Car != got.(*rt.Pair).Cdr.(*rt.Pair).Car {
		t.Errorf("an uninterned symbol twice came back as %s, not one symbol", rt.WriteString(got))
	}
}

// TestHashTables: tables of every kind keep their entries, their order
// and their equivalence; a key that is a pair is found by equal?, and a
// table may hold itself.
func TestHashTables(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	v := run(t, a, `
	  (define d (make-dict))
	  (dict-set! d '(1 2) 'pair-key)
	  (dict-set! d "s" 'string-key)
	  (dict-set! d 'me d)
	  (define h (make-hash-table string=?))
	  (hash-table-set! h "x" 1)
	  (define q (make-hash-table eq?))
	  (hash-table-set! q 'a 2)
	  (list d h q)`)
	b.Define("%v", decode(t, b, encode(t, a, v)))
	got := rt.WriteString(run(t, b, `
	  (let ((d (car %v)) (h (cadr %v)) (q (caddr %v)))
	    (list (dict-ref d (list 1 2)) (dict-ref d (string #\s)) (eq? (dict-ref d 'me) d)
	          (map car (dict->list d))
	          (hash-table-ref/default h (string #\x) #f) (hash-table-ref/default q 'a #f)))`))
	if want := `(pair-key string-key #t ((1 2) "s" me) 1 2)`; got != want {
		t.Errorf("tables came back as %s, want %s", got, want)
	}
}

// TestPidLocation: a pid carries where its process runs when that is not
// the node it was born on; a receiver that meets the pid for the first
// time takes that route, one that knows it already is told through
// Located.
func TestPidLocation(t *testing.T) {
	a, b, c := newInterp(t), newInterp(t), newInterp(t)
	serialize.ContextOf(a).SetNode("127.0.0.1:1")
	serialize.ContextOf(b).SetNode("127.0.0.1:2")
	serialize.ContextOf(c).SetNode("127.0.0.1:3")
	moved := &rt.Pid{ID: 7, Node: "127.0.0.1:9", At: "127.0.0.1:1"}
	fresh := decode(t, b, encode(t, a, moved)).(*rt.Pid)
	if fresh.Node != "127.0.0.1:9" || fresh.At != "127.0.0.1:1" {
		t.Errorf("a new pid decoded as %+v, want it born on :9 and at :1", *fresh)
	}
	unmoved := &rt.Pid{ID: 8, Node: "127.0.0.1:9"}
	if p := decode(t, b, encode(t, a, unmoved)).(*rt.Pid); p.At != "" {
		t.Errorf("a pid that did not move decoded at %q", p.At)
	}
	// c knows the pid already, by another route: it is told, not changed.
	known := decode(t, c, encode(t, a, &rt.Pid{ID: 7, Node: "127.0.0.1:9"})).(*rt.Pid)
	var told []string
	v, err := serialize.ContextOf(c).Decode(encode(t, a, moved), &serialize.DecodeOptions{
		Located: func(pid *rt.Pid, at string) { told = append(told, fmt.Sprintf("%d@%s", pid.ID, at)) },
	})
	if err != nil || v != known || known.At != "" || len(told) != 1 || told[0] != "7@127.0.0.1:1" {
		t.Errorf("decoding a known pid: %v, %v, at %q, told %q", v, err, known.At, told)
	}
}

// TestEncodeRefusesTooBig: serialize refuses at once a message that
// deserialize would refuse as too big, and says which limit.
func TestEncodeRefusesTooBig(t *testing.T) {
	in := newInterp(t)
	for _, src := range []string{
		`(make-bytevector (+ (* 64 1024 1024) 1) 7)`,
		`(make-string (+ (* 64 1024 1024) 1) #\a)`,
		`(make-vector (* 33 1024 1024) 1000)`,
	} {
		v := run(t, in, src)
		_, err := serialize.ContextOf(in).Encode(v, nil)
		if err == nil || !strings.Contains(err.Error(), "over the limit of 64 MiB that deserialize accepts") {
			t.Errorf("%s: %v, want an error naming the limit", src, err)
		}
	}
}

// TestLibraryLoadedLater: encoding does not load the parts of the library
// that run on first use (the SRFIs, the generic server), and a procedure
// of such a part, loaded after the first message, still travels by name:
// the receiver, which has not loaded it either, gets its own.
func TestLibraryLoadedLater(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	loads := a.LibraryLoads()
	encode(t, a, run(t, a, `(list car 1 "two")`))
	if a.LibraryLoads() != loads {
		t.Errorf("the first message loaded %d files of the library", a.LibraryLoads()-loads)
	}
	// SRFI 1, the generic server, and a port procedure (see eval.DefaultArg)
	v := run(t, a, `(list fold generic-server-start display)`)
	data := encode(t, a, v)
	if len(data) > 120 {
		t.Errorf("three procedures of the library take %d bytes: they went as code, not by name", len(data))
	}
	b.Define("%got", decode(t, b, data))
	if got := rt.WriteString(run(t, b, `(equal? %got (list fold generic-server-start display))`)); got != "#t" {
		t.Errorf("the receiver got other procedures than its own fold, generic-server-start and display")
	}
}
