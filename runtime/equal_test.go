package runtime

import (
	"math"
	"math/big"
	"testing"
)

func eqBig(s string) *Bignum {
	b := &Bignum{}
	b.I.SetString(s, 10)
	return b
}

func eqRat(s string) *Ratnum {
	r := &Ratnum{}
	r.R.SetString(s)
	return r
}

type uncomparable struct{ s []int }

func TestEqv(t *testing.T) {
	p := Cons(MakeFixnum(1), Null)
	str := NewString("a")
	nan := Flonum(math.NaN())
	unc := uncomparable{[]int{1}}
	tests := []struct {
		a, b     Value
		eqv, eq  bool
		explains string
	}{
		{MakeFixnum(3), MakeFixnum(3), true, true, "small fixnums"},
		{MakeFixnum(MaxFixnum()), MakeFixnum(MaxFixnum()), true, true, "large fixnums"},
		{MakeFixnum(MaxFixnum() + 1), MakeFixnum(MaxFixnum() + 1), true, false, "integers past the fixnums"},
		{MakeFixnum(3), Flonum(3), false, false, "exactness differs"},
		{Flonum(1.5), Flonum(1.5), true, true, "flonums"},
		{Flonum(0), Flonum(math.Copysign(0, -1)), false, false, "signed zeros"},
		{nan, nan, true, true, "NaN"},
		{nan, Flonum(1), false, false, "NaN and number"},
		{Compnum(complex(1, 2)), Compnum(complex(1, 2)), true, true, "complex"},
		{Compnum(complex(1, 2)), Compnum(complex(1, 3)), false, false, "complex differs"},
		{eqBig("100000000000000000000"), eqBig("100000000000000000000"), true, false, "bignums by value"},
		{eqBig("100000000000000000000"), eqBig("100000000000000000001"), false, false, "bignums differ"},
		{eqRat("1/3"), eqRat("1/3"), true, false, "ratnums"},
		{eqRat("1/3"), eqRat("2/3"), false, false, "ratnums differ"},
		{Char('a'), Char('a'), true, true, "chars"},
		{Char('a'), Char('b'), false, false, "chars differ"},
		{Char('a'), MakeFixnum('a'), false, false, "char and integer"},
		{True, True, true, true, "booleans"},
		{True, False, false, false, "booleans differ"},
		{Null, Null, true, true, "empty list"},
		{Intern("x"), Intern("x"), true, true, "symbols"},
		{Gensym("x"), Gensym("x"), false, false, "gensyms"},
		{p, p, true, true, "same pair"},
		{p, Cons(MakeFixnum(1), Null), false, false, "different pairs"},
		{str, str, true, true, "same string"},
		{str, NewString("a"), false, false, "different strings"},
		{unc, unc, false, false, "uncomparable values do not panic"},
		{unc, MakeFixnum(1), false, false, "uncomparable and fixnum"},
	}
	for _, tt := range tests {
		if got := Eqv(tt.a, tt.b); got != tt.eqv {
			t.Errorf("Eqv %s: got %v", tt.explains, got)
		}
		if got := Eq(tt.a, tt.b); got != tt.eq {
			t.Errorf("Eq %s: got %v", tt.explains, got)
		}
	}
}

func longList(n int, tail Value) Value {
	l := tail
	for i := n - 1; i >= 0; i-- {
		l = Cons(MakeFixnum(int64(i)), l)
	}
	return l
}

func TestEqual(t *testing.T) {
	vec := func(vs ...Value) *Vector { return &Vector{vs} }
	tests := []struct {
		a, b Value
		want bool
	}{
		{List(MakeFixnum(1), NewString("ab"), vec(Char('x'))), List(MakeFixnum(1), NewString("ab"), vec(Char('x'))), true},
		{List(MakeFixnum(1), NewString("ab")), List(MakeFixnum(1), NewString("ac")), false},
		{List(MakeFixnum(1)), List(MakeFixnum(1), MakeFixnum(2)), false},
		{ListWithTail([]Value{MakeFixnum(1)}, MakeFixnum(2)), ListWithTail([]Value{MakeFixnum(1)}, MakeFixnum(2)), true},
		{vec(), vec(), true},
		{vec(MakeFixnum(1)), vec(MakeFixnum(1), MakeFixnum(2)), false},
		{&Bytevector{[]byte{1, 2}}, &Bytevector{[]byte{1, 2}}, true},
		{&Bytevector{[]byte{1, 2}}, &Bytevector{[]byte{1, 3}}, false},
		{NewString(""), NewString(""), true},
		{NewString("λ"), NewString("λ"), true},
		{Flonum(2), MakeFixnum(2), false},
		{eqBig("123456789012345678901234"), eqBig("123456789012345678901234"), true},
		{vec(Flonum(math.NaN())), vec(Flonum(math.NaN())), true},
		{Cons(Null, Null), Cons(Null, Null), true},
		{&Record{}, &Record{}, false},
	}
	for i, tt := range tests {
		if got := Equal(tt.a, tt.b); got != tt.want {
			t.Errorf("%d: Equal(%s, %s) = %v", i, WriteString(tt.a), WriteString(tt.b), got)
		}
	}
}

func TestEqualLong(t *testing.T) {
	const n = 1000000
	a, b := longList(n, Null), longList(n, Null)
	if !Equal(a, b) {
		t.Fatal("equal long lists reported different")
	}
	c := longList(n, MakeFixnum(0))
	if Equal(a, c) {
		t.Fatal("lists with different tails reported equal")
	}
	// Deep nesting in the car direction.
	var x, y Value = Null, Null
	for i := 0; i < n; i++ {
		x = List(x)
		y = List(y)
	}
	if !Equal(x, y) {
		t.Fatal("deep car nesting reported different")
	}
}

func circular(vals ...Value) *Pair {
	head := List(vals...).(*Pair)
	last := head
	for last.Cdr != Null {
		last = last.Cdr.(*Pair)
	}
	last.Cdr = head
	return head
}

func TestEqualCycles(t *testing.T) {
	one, two := MakeFixnum(1), MakeFixnum(2)
	// Cycles of different period that unfold to the same infinite list.
	if !Equal(circular(one, one), circular(one, one, one)) {
		t.Error("(1 1 ...) and (1 1 1 ...) should be equal")
	}
	if Equal(circular(one, two), circular(one, two, one)) {
		t.Error("(1 2 ...) and (1 2 1 ...) should differ")
	}
	if !Equal(circular(one, two), circular(one, two)) {
		t.Error("equal cycles reported different")
	}
	// A cycle through the car and through a vector.
	p := Cons(Null, Null)
	p.Car = p
	q := Cons(Null, Null)
	q.Car = q
	if !Equal(p, q) {
		t.Error("car cycles reported different")
	}
	v := &Vector{[]Value{one, nil}}
	v.Items[1] = v
	w := &Vector{[]Value{one, nil}}
	w.Items[1] = w
	if !Equal(v, w) {
		t.Error("vector cycles reported different")
	}
	w2 := &Vector{[]Value{two, nil}}
	w2.Items[1] = w2
	if Equal(v, w2) {
		t.Error("different vector cycles reported equal")
	}
	// A long cycle, past the naive budget, with a difference at its end.
	long1 := circular(append(make([]Value, 5000), one)...)
	long2 := circular(append(make([]Value, 5000), two)...)
	for _, l := range []*Pair{long1, long2} {
		for p, i := l, 0; i < 5000; i++ {
			p.Car = MakeFixnum(0)
			p = p.Cdr.(*Pair)
		}
	}
	if Equal(long1, long2) {
		t.Error("long cycles differing at the end reported equal")
	}
	if !Equal(long1, long1) {
		t.Error("a cycle is not equal to itself")
	}
	// Many cycles through cars: past the budget, into union-find.
	selfish := func(n int, last Value) Value {
		items := make([]Value, n)
		for i := range items {
			q := Cons(one, Null)
			q.Car = q
			items[i] = q
		}
		items[n-1] = last
		return List(items...)
	}
	if !Equal(selfish(5000, one), selfish(5000, one)) {
		t.Error("lists of many car cycles reported different")
	}
	if Equal(selfish(5000, one), selfish(5000, two)) {
		t.Error("lists of many car cycles differing at the end reported equal")
	}
	// A cdr cycle whose cars are themselves cycles.
	r1, r2 := circular(one, two), circular(one, two)
	r1.Car, r2.Car = r1, r2
	if !Equal(r1, r2) {
		t.Error("nested cycles reported different")
	}
	if Equal(circular(one), List(one)) {
		t.Error("circular and finite lists reported equal")
	}
}

func TestEqualBignumNotAliased(t *testing.T) {
	a := eqBig("99999999999999999999")
	b := &Bignum{}
	b.I.Set(new(big.Int).Set(&a.I))
	if !Equal(List(a), List(b)) {
		t.Error("bignums inside lists should be equal")
	}
}

func BenchmarkEqualSmall(b *testing.B) {
	x := List(MakeFixnum(1), NewString("abc"), List(Intern("a"), Flonum(2)))
	y := List(MakeFixnum(1), NewString("abc"), List(Intern("a"), Flonum(2)))
	b.ReportAllocs()
	for b.Loop() {
		Equal(x, y)
	}
}

// BenchmarkEqualLarge compares two equal trees of 100,000 small vectors
// and lists: past the naive budget many times over, without a cycle.
func BenchmarkEqualLarge(b *testing.B) {
	tree := func() Value {
		items := make([]Value, 100000)
		for i := range items {
			items[i] = &Vector{Items: []Value{MakeFixnum(int64(i)), List(NewString("x"), Flonum(1))}}
		}
		return List(items...)
	}
	x, y := tree(), tree()
	b.ReportAllocs()
	for b.Loop() {
		if !Equal(x, y) {
			b.Fatal("equal trees reported different")
		}
	}
}
