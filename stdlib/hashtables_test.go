package stdlib

import (
	"testing"

	rt "termite/runtime"
)

func TestHashTablePrimitives(t *testing.T) {
	T, F := rt.True, rt.False
	tbl := func(args ...rt.Value) rt.Value {
		t.Helper()
		v, err := call(t, "make-hash-table", args...)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	h := tbl()
	runCases(t, []primCase{
		ok("hash-table?", T, h),
		ok("hash-table?", F, lst()),
		ok("hash-table-set!", rt.Unspecified, h, lst(fx(1), str("a")), sym("one")),
		ok("hash-table-ref/default", sym("one"), h, lst(fx(1), str("a")), F),
		ok("hash-table-ref/default", F, h, lst(fx(1), str("b")), F),
		ok("hash-table-exists?", T, h, lst(fx(1), str("a"))),
		ok("hash-table-contains?", F, h, sym("x")),
		ok("hash-table-size", fx(1), h),
		ok("hash-table->alist", lst(rt.Cons(lst(fx(1), str("a")), sym("one"))), h),
		ok("hash-table-keys", lst(lst(fx(1), str("a"))), h),
		ok("hash-table-values", lst(sym("one")), h),
		ok("hash-table-delete!", rt.Unspecified, h, lst(fx(1), str("a"))),
		ok("hash-table-count", fx(0), h),
		fails("hash-table-set!", "expected hash table", lst(), fx(1), fx(2)),
		fails("make-hash-table", "only equal?, eqv?, eq? and string=?", lookup(t, "car")),
		fails("make-hash-table", "expected hash function", lookup(t, "equal?"), fx(3)),
		fails("hash", "expected exact positive integer", fx(1), fx(0)),
	})

	// The equivalence predicates are recognised by identity.
	for _, name := range []string{"equal?", "eqv?", "eq?", "string=?"} {
		p := lookup(t, name)
		got, err := call(t, "hash-table-equivalence-function", tbl(p, lookup(t, "hash")))
		if err != nil || got != p {
			t.Errorf("table made with %s: equivalence function %v, %v", name, got, err)
		}
	}
	s := tbl(lookup(t, "string=?"))
	runCases(t, []primCase{
		ok("hash-table-set!", rt.Unspecified, s, str("k"), fx(1)),
		ok("hash-table-ref/default", fx(1), s, str("k"), F),
		fails("hash-table-set!", "keys of a string=? table must be strings", s, sym("k"), fx(1)),
		fails("hash-table-ref/default", "keys of a string=? table must be strings", s, fx(1), F),
	})

	// alist->hash-table keeps the first association of a key.
	a, err := call(t, "alist->hash-table",
		lst(rt.Cons(sym("x"), fx(1)), rt.Cons(sym("x"), fx(2)), rt.Cons(sym("y"), fx(3))), lookup(t, "eq?"))
	if err != nil {
		t.Fatal(err)
	}
	runCases(t, []primCase{
		ok("hash-table-ref/default", fx(1), a, sym("x"), F),
		ok("hash-table-size", fx(2), a),
		fails("alist->hash-table", "association list", lst(fx(1))),
	})
	c, _ := call(t, "hash-table-copy", a)
	call(t, "hash-table-clear!", a)
	runCases(t, []primCase{
		ok("hash-table-size", fx(0), a),
		ok("hash-table-size", fx(2), c),
	})
	m := tbl()
	call(t, "hash-table-set!", m, sym("y"), fx(0))
	call(t, "hash-table-merge!", m, c)
	runCases(t, []primCase{ok("hash-table->alist", lst(rt.Cons(sym("y"), fx(3)), rt.Cons(sym("x"), fx(1))), m)})
}

func TestHashFunctions(t *testing.T) {
	h1, _ := call(t, "hash", lst(fx(1), str("two")))
	h2, _ := call(t, "hash", lst(fx(1), str("two")))
	if h1 != h2 {
		t.Errorf("hash of equal lists: %v and %v", h1, h2)
	}
	if n, ok := h1.(rt.Fixnum); !ok || n.Int() < 0 {
		t.Errorf("hash gave %v, want a nonnegative fixnum", h1)
	}
	for _, name := range []string{"hash", "string-hash", "hash-by-identity"} {
		v, err := call(t, name, str("abc"), fx(7))
		if n, ok := v.(rt.Fixnum); err != nil || !ok || n.Int() < 0 || n.Int() >= 7 {
			t.Errorf("(%s \"abc\" 7) = %v, %v", name, v, err)
		}
	}
	s1, _ := call(t, "string-hash", str("abc"))
	s2, _ := call(t, "hash", str("abc"))
	if s1 != s2 {
		t.Error("string-hash and hash disagree on a string")
	}
}

func TestDicts(t *testing.T) {
	T, F := rt.True, rt.False
	d, _ := call(t, "make-dict")
	runCases(t, []primCase{
		ok("dict?", T, d),
		ok("dict?", F, fx(1)),
		ok("dict-ref", F, d, sym("k")),
		ok("dict-ref", sym("none"), d, sym("k"), sym("none")),
		ok("dict-set!", rt.Unspecified, d, str("k"), fx(1)),
		ok("dict-ref", fx(1), d, str("k")),
		ok("dict-count", fx(1), d),
		fails("dict-ref", "expected hash table", lst(), fx(1)),
	})
	e, err := call(t, "dict-set", d, sym("other"), fx(2))
	if err != nil {
		t.Fatal(err)
	}
	runCases(t, []primCase{
		ok("dict-ref", fx(2), e, sym("other")),
		ok("dict-ref", F, d, sym("other")),
		ok("dict->list", lst(rt.Cons(str("k"), fx(1)), rt.Cons(sym("other"), fx(2))), e),
		ok("dict-remove!", rt.Unspecified, e, str("k")),
		ok("dict-keys", lst(sym("other")), e),
		ok("dict-values", lst(fx(2)), e),
		ok("dict-contains?", F, e, str("k")),
		ok("dict-count", fx(1), d),
	})
}
