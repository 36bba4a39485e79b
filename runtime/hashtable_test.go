package runtime

import (
	"math"
	"strconv"
	"testing"
)

func TestHashTableKinds(t *testing.T) {
	key := List(MakeFixnum(1), NewString("x"))
	same := List(MakeFixnum(1), NewString("x"))
	tests := []struct {
		kind     HashKind
		findSame bool // is a copy of key found?
	}{
		{TableEqual, true},
		{TableEqv, false},
		{TableEq, false},
	}
	for _, tc := range tests {
		h := NewHashTable(tc.kind)
		h.Set(key, MakeFixnum(1))
		if v, ok := h.Ref(key); !ok || v != MakeFixnum(1) {
			t.Errorf("%v: the key itself not found", tc.kind)
		}
		if _, ok := h.Ref(same); ok != tc.findSame {
			t.Errorf("%v: copy found = %v, want %v", tc.kind, ok, tc.findSame)
		}
	}
	s := NewHashTable(TableString)
	s.Set(NewString("k"), True)
	if _, ok := s.Ref(NewString("k")); !ok {
		t.Error("string table: equal string not found")
	}
	e := NewHashTable(TableEqv)
	e.Set(eqBig("100000000000000000000"), True)
	e.Set(Flonum(0), True)
	if _, ok := e.Ref(eqBig("100000000000000000000")); !ok {
		t.Error("eqv table: equal bignum not found")
	}
	if _, ok := e.Ref(Flonum(math.Copysign(0, -1))); ok {
		t.Error("eqv table: -0.0 found as 0.0")
	}
}

// A table behaves as a Go map under a long mix of sets and deletes,
// which exercises the chains and the compaction.
func TestHashTableAgainstMap(t *testing.T) {
	h := NewHashTable(TableEqual)
	m := map[string]int{}
	key := func(i int) Value { return List(Intern("k"), NewString(strconv.Itoa(i))) }
	for step := 0; step < 20000; step++ {
		i := (step * 7919) % 1013
		switch {
		case step%3 == 2:
			h.Delete(key(i))
			delete(m, strconv.Itoa(i))
		default:
			h.Set(key(i), MakeFixnum(int64(step)))
			m[strconv.Itoa(i)] = step
		}
		if h.Len() != len(m) {
			t.Fatalf("step %d: Len %d, want %d", step, h.Len(), len(m))
		}
	}
	for i := 0; i < 1013; i++ {
		v, ok := h.Ref(key(i))
		want, wok := m[strconv.Itoa(i)]
		if ok != wok || ok && v != MakeFixnum(int64(want)) {
			t.Errorf("key %d: got %v %v, want %v %v", i, v, ok, want, wok)
		}
	}
	n := 0
	h.Each(func(k, v Value) { n++ })
	if n != len(m) {
		t.Errorf("Each visited %d entries, want %d", n, len(m))
	}
}

// Keys that share one hash still work, through the chain: lists that
// differ only past the part Hash looks at collide.
func TestHashTableCollisions(t *testing.T) {
	h := NewHashTable(TableEqual)
	prefix := make([]Value, 2*hashBudget)
	for i := range prefix {
		prefix[i] = MakeFixnum(int64(i))
	}
	key := func(i int) Value { return ListWithTail(prefix, List(MakeFixnum(int64(i)))) }
	if Hash(key(1)) != Hash(key(2)) {
		t.Fatal("test data: the keys do not collide")
	}
	for i := 0; i < 100; i++ {
		h.Set(key(i), MakeFixnum(int64(i)))
	}
	for i := 0; i < 100; i += 2 {
		h.Delete(key(i))
	}
	for i := 0; i < 100; i++ {
		v, ok := h.Ref(key(i))
		if ok != (i%2 == 1) || ok && v != MakeFixnum(int64(i)) {
			t.Fatalf("key %d: got %v %v", i, v, ok)
		}
	}
	if h.Len() != 50 {
		t.Errorf("Len %d, want 50", h.Len())
	}
}

func TestHashTableOrderCopyClear(t *testing.T) {
	h := NewHashTable(TableEqual)
	for _, k := range []string{"c", "a", "b"} {
		h.Set(Intern(k), True)
	}
	h.Set(Intern("c"), False) // updating keeps the place
	c := h.Copy()
	h.Delete(Intern("a"))
	var order string
	c.Each(func(k, v Value) { order += k.(*Symbol).Name })
	if order != "cab" {
		t.Errorf("copy order %q, want cab", order)
	}
	if c.Len() != 3 || h.Len() != 2 {
		t.Errorf("Len: copy %d, original %d", c.Len(), h.Len())
	}
	if got := WriteString(c); got != "#<hash-table 3>" {
		t.Errorf("printed as %s", got)
	}
	c.Clear()
	if _, ok := c.Ref(Intern("c")); ok || c.Len() != 0 {
		t.Error("Clear left entries")
	}
}
