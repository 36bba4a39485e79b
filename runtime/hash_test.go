package runtime

import (
	"math"
	"testing"
	"time"
)

// hashEqualPairs are values that are equal? (some only by content) and
// must therefore hash alike under Hash.
func TestHashConsistentWithEqual(t *testing.T) {
	nan1 := Flonum(math.NaN())
	nan2 := Flonum(math.Float64frombits(0x7ff8000000000abc))
	rec := &Record{Type: &RecordType{Name: "point"}, Fields: []Value{MakeFixnum(1)}}
	tag := &Tag{ID: 7}
	pid := &Pid{ID: 3}
	pairs := [][2]Value{
		{MakeFixnum(42), MakeFixnum(42)},
		{Flonum(2.5), Flonum(2.5)},
		{nan1, nan2},
		{eqBig("123456789012345678901234567890"), eqBig("123456789012345678901234567890")},
		{eqBig("-123456789012345678901234567890"), eqBig("-123456789012345678901234567890")},
		{eqRat("-7/3"), eqRat("-14/6")},
		{Compnum(complex(1, 2)), Compnum(complex(1, 2))},
		{Char('x'), Char('x')},
		{True, True},
		{Intern("sym"), Intern("sym")},
		{NewString("héllo"), NewString("héllo")},
		{&Bytevector{B: []byte{1, 2}}, &Bytevector{B: []byte{1, 2}}},
		{List(MakeFixnum(1), NewString("a"), &Vector{Items: []Value{Flonum(1)}}),
			List(MakeFixnum(1), NewString("a"), &Vector{Items: []Value{Flonum(1)}})},
		{rec, rec},
		{tag, tag},
		{pid, pid},
		{Null, Null},
		{EOF, EOF},
	}
	for _, p := range pairs {
		if !Equal(p[0], p[1]) {
			t.Fatalf("test data: %s and %s are not equal?", WriteString(p[0]), WriteString(p[1]))
		}
		if Hash(p[0]) != Hash(p[1]) {
			t.Errorf("Hash differs for equal values %s and %s", WriteString(p[0]), WriteString(p[1]))
		}
		if Eqv(p[0], p[1]) && HashEqv(p[0]) != HashEqv(p[1]) {
			t.Errorf("HashEqv differs for eqv values %s and %s", WriteString(p[0]), WriteString(p[1]))
		}
	}
}

// Values that differ should, for these simple cases, hash differently:
// a collision here would mean a type or a sign is not mixed in.
func TestHashSeparates(t *testing.T) {
	distinct := []Value{
		MakeFixnum(2), Flonum(2), Flonum(0), Flonum(math.Copysign(0, -1)),
		Char('a'), MakeFixnum(97), True, False, Null, Intern("a"), NewString("a"),
		eqBig("123456789012345678901234567890"), eqBig("-123456789012345678901234567890"),
		eqRat("1/3"), eqRat("-1/3"), List(MakeFixnum(1)), &Vector{Items: []Value{MakeFixnum(1)}},
		&Tag{ID: 1}, &Tag{ID: 2}, &Pid{ID: 1}, &Pid{ID: 1, Node: "n:1"},
	}
	seen := map[uint64]Value{}
	for _, v := range distinct {
		h := Hash(v)
		if w, dup := seen[h]; dup {
			t.Errorf("%s and %s hash alike", WriteString(v), WriteString(w))
		}
		seen[h] = v
	}
}

// HashEqv hashes by identity what Eqv compares by identity: two equal
// strings are usually told apart, and the same one hashes the same.
func TestHashEqvIdentity(t *testing.T) {
	a, b := NewString("same"), NewString("same")
	if HashEqv(a) != HashEqv(a) {
		t.Error("HashEqv of one string varies")
	}
	if HashEqv(a) == HashEqv(b) {
		t.Error("HashEqv of two distinct strings collides (by content?)")
	}
	p := List(MakeFixnum(1))
	h := HashEqv(p)
	p.(*Pair).Car = MakeFixnum(2)
	if HashEqv(p) != h {
		t.Error("HashEqv of a pair changed when its car did")
	}
	// A type the runtime does not know, comparable or not.
	type opaque struct{ n *int }
	type uncomparableOpaque struct{ s []int }
	o := &opaque{}
	if HashEqv(o) != HashEqv(o) || Hash(uncomparableOpaque{}) != Hash(uncomparableOpaque{}) {
		t.Error("opaque values hash inconsistently")
	}
}

// Cyclic and huge structures hash in bounded time, and a cycle hashes as
// its unrolling does, which Equal considers the same.
func TestHashBounded(t *testing.T) {
	ring := List(MakeFixnum(1), MakeFixnum(2))
	ring.(*Pair).Cdr.(*Pair).Cdr = ring
	unrolled := List(MakeFixnum(1), MakeFixnum(2), MakeFixnum(1), MakeFixnum(2))
	unrolled.(*Pair).Cdr.(*Pair).Cdr.(*Pair).Cdr.(*Pair).Cdr = unrolled
	if !Equal(ring, unrolled) {
		t.Fatal("test data: rings not equal?")
	}
	if Hash(ring) != Hash(unrolled) {
		t.Error("equal rings hash differently")
	}
	v := &Vector{Items: make([]Value, 1)}
	v.Items[0] = v
	Hash(v)

	long := Value(Null)
	for i := 0; i < 1_000_000; i++ {
		long = Cons(MakeFixnum(int64(i)), long)
	}
	wide := &Vector{Items: make([]Value, 1_000_000)}
	for i := range wide.Items {
		wide.Items[i] = MakeFixnum(int64(i))
	}
	start := time.Now()
	for i := 0; i < 1000; i++ {
		Hash(long)
		Hash(wide)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("2000 hashes of huge structures took %v: not bounded", d)
	}
}

func BenchmarkHashList(b *testing.B) {
	l := List(Intern("store"), NewString("key"), MakeFixnum(42))
	for b.Loop() {
		Hash(l)
	}
}
