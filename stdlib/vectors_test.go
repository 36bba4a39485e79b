package stdlib

import (
	"testing"

	rt "termite/runtime"
)

func TestVectors(t *testing.T) {
	T, F := rt.True, rt.False
	a, b, c := sym("a"), sym("b"), sym("c")
	runCases(t, []primCase{
		ok("vector?", T, vec()),
		ok("vector?", F, lst(a)),
		ok("vector?", F, str("a")),
		ok("make-vector", vec(a, a), fx(2), a),
		ok("make-vector", vec(), fx(0)),
		fails("make-vector", "expected exact nonnegative integer", fx(-2)),
		fails("make-vector", "size too large", rt.MakeFixnum(1<<40)),
		ok("vector", vec(a, b), a, b),
		ok("vector", vec()),
		ok("vector-length", fx(3), vec(a, b, c)),
		fails("vector-length", "vector-length: expected vector", lst(a)),
		ok("vector-ref", c, vec(a, b, c), fx(2)),
		fails("vector-ref", "vector-ref: index out of range", vec(a, b, c), fx(3)),
		fails("vector-ref", "exact nonnegative integer", vec(a), sym("x")),
		fails("vector-ref", "expected vector", lst(a), fx(0)),
		ok("vector->list", lst(a, b, c), vec(a, b, c)),
		ok("vector->list", lst(b, c), vec(a, b, c), fx(1)),
		ok("vector->list", lst(b), vec(a, b, c), fx(1), fx(2)),
		ok("vector->list", rt.Null, vec(a, b, c), fx(3)),
		fails("vector->list", "start index past end index", vec(a, b, c), fx(2), fx(1)),
		ok("list->vector", vec(a, b), lst(a, b)),
		ok("list->vector", vec(), rt.Null),
		fails("list->vector", "list->vector: expected proper list", rt.Cons(a, b)),
		ok("vector-copy", vec(a, b, c), vec(a, b, c)),
		ok("vector-copy", vec(c), vec(a, b, c), fx(2)),
		ok("vector-copy", vec(b), vec(a, b, c), fx(1), fx(2)),
		fails("vector-copy", "end index out of range", vec(a), fx(0), fx(2)),
		ok("vector-append", vec(a, b, c), vec(a), vec(), vec(b, c)),
		ok("vector-append", vec()),
		fails("vector-append", "vector-append: expected vector", vec(a), lst(b)),
	})
}

func TestVectorMutation(t *testing.T) {
	a, b := sym("a"), sym("b")
	v := vec(fx(1), fx(2), fx(3), fx(4), fx(5))
	call(t, "vector-set!", v, fx(0), a)
	if v.Items[0] != a {
		t.Error("vector-set! did not store")
	}
	if _, err := call(t, "vector-set!", v, fx(5), a); err == nil {
		t.Error("vector-set! past the end succeeded")
	}
	call(t, "vector-fill!", v, b, fx(3))
	if !rt.Equal(v, vec(a, fx(2), fx(3), b, b)) {
		t.Errorf("vector-fill! with start gave %s", rt.WriteString(v))
	}
	call(t, "vector-fill!", v, a, fx(1), fx(2))
	if !rt.Equal(v, vec(a, a, fx(3), b, b)) {
		t.Errorf("vector-fill! with range gave %s", rt.WriteString(v))
	}
	call(t, "vector-fill!", v, fx(0))
	if !rt.Equal(v, vec(fx(0), fx(0), fx(0), fx(0), fx(0))) {
		t.Errorf("vector-fill! gave %s", rt.WriteString(v))
	}
	w := vec(fx(1), fx(2), fx(3), fx(4), fx(5))
	call(t, "vector-copy!", w, fx(1), w, fx(0), fx(3))
	if !rt.Equal(w, vec(fx(1), fx(1), fx(2), fx(3), fx(5))) {
		t.Errorf("overlapping vector-copy! gave %s", rt.WriteString(w))
	}
	call(t, "vector-copy!", w, fx(0), w, fx(2))
	if !rt.Equal(w, vec(fx(2), fx(3), fx(5), fx(3), fx(5))) {
		t.Errorf("overlapping vector-copy! left gave %s", rt.WriteString(w))
	}
	if _, err := call(t, "vector-copy!", w, fx(4), vec(a, b)); err == nil {
		t.Error("vector-copy! overflowing the destination succeeded")
	}
	src := vec(a)
	cp, _ := call(t, "vector-copy", src)
	cp.(*rt.Vector).Items[0] = b
	if src.Items[0] != a {
		t.Error("vector-copy shares storage with its argument")
	}
	args := []rt.Value{a, b}
	made, _ := call(t, "vector", args...)
	args[0] = b
	if made.(*rt.Vector).Items[0] != a {
		t.Error("vector keeps the argument slice, which aliases the machine's stack")
	}
}

func TestBytevectors(t *testing.T) {
	T, F := rt.True, rt.False
	runCases(t, []primCase{
		ok("bytevector?", T, bvec()),
		ok("bytevector?", F, vec()),
		ok("make-bytevector", bvec(7, 7), fx(2), fx(7)),
		ok("make-bytevector", bvec(0, 0, 0), fx(3)),
		fails("make-bytevector", "expected byte", fx(2), fx(256)),
		fails("make-bytevector", "expected exact nonnegative integer", fx(-1)),
		ok("bytevector", bvec(1, 2, 255), fx(1), fx(2), fx(255)),
		ok("bytevector", bvec()),
		fails("bytevector", "bytevector: expected byte", fx(-1)),
		fails("bytevector", "bytevector: expected byte", ch('a')),
		ok("bytevector-length", fx(3), bvec(1, 2, 3)),
		fails("bytevector-length", "expected bytevector", vec()),
		ok("bytevector-u8-ref", fx(255), bvec(1, 255), fx(1)),
		fails("bytevector-u8-ref", "bytevector-u8-ref: index out of range", bvec(1), fx(1)),
		ok("bytevector-copy", bvec(1, 2, 3), bvec(1, 2, 3)),
		ok("bytevector-copy", bvec(2, 3), bvec(1, 2, 3), fx(1)),
		ok("bytevector-copy", bvec(2), bvec(1, 2, 3), fx(1), fx(2)),
		fails("bytevector-copy", "start index past end index", bvec(1, 2, 3), fx(2), fx(1)),
		ok("bytevector-append", bvec(1, 2, 3), bvec(1), bvec(), bvec(2, 3)),
		ok("bytevector-append", bvec()),
		fails("bytevector-append", "expected bytevector", bvec(1), str("a")),
	})
	bv := bvec(1, 2, 3, 4, 5)
	call(t, "bytevector-u8-set!", bv, fx(0), fx(9))
	if bv.B[0] != 9 {
		t.Error("bytevector-u8-set! did not store")
	}
	if _, err := call(t, "bytevector-u8-set!", bv, fx(0), fx(300)); err == nil {
		t.Error("bytevector-u8-set! stored 300")
	}
	if _, err := call(t, "bytevector-u8-set!", bv, fx(5), fx(0)); err == nil {
		t.Error("bytevector-u8-set! past the end succeeded")
	}
	call(t, "bytevector-copy!", bv, fx(1), bv, fx(0), fx(3))
	if string(bv.B) != "\x09\x09\x02\x03\x05" {
		t.Errorf("overlapping bytevector-copy! gave %v", bv.B)
	}
	if _, err := call(t, "bytevector-copy!", bv, fx(4), bvec(1, 2)); err == nil {
		t.Error("bytevector-copy! overflowing the destination succeeded")
	}
	src := bvec(1)
	cp, _ := call(t, "bytevector-copy", src)
	cp.(*rt.Bytevector).B[0] = 2
	if src.B[0] != 1 {
		t.Error("bytevector-copy shares storage with its argument")
	}
}
