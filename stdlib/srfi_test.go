package stdlib

import (
	"testing"

	rt "termite/runtime"
)

func TestSRFI1Primitives(t *testing.T) {
	a, b, c, d := sym("a"), sym("b"), sym("c"), sym("d")
	dotted := rt.ListWithTail([]rt.Value{a, b, c}, d)
	circ := circularList(a, b)
	runCases(t, []primCase{
		ok("xcons", rt.Cons(a, b), b, a),
		ok("cons*", a, a),
		ok("cons*", rt.ListWithTail([]rt.Value{a, b}, c), a, b, c),
		ok("iota", lst(fx(0), fx(1), fx(2)), fx(3)),
		ok("iota", lst(fx(5), fx(3), fx(1)), fx(3), fx(5), fx(-2)),
		ok("iota", lst(rt.Flonum(0), rt.Flonum(0.5)), fx(2), rt.Flonum(0), rt.Flonum(0.5)),
		ok("iota", rt.Null, fx(0)),
		fails("iota", "expected exact nonnegative integer", fx(-1)),
		fails("iota", "expected number", fx(0), a),
		ok("proper-list?", rt.True, lst(a)),
		ok("proper-list?", rt.False, dotted),
		ok("proper-list?", rt.False, circ),
		ok("circular-list?", rt.True, circ),
		ok("circular-list?", rt.False, lst(a)),
		ok("dotted-list?", rt.True, dotted),
		ok("dotted-list?", rt.True, fx(1)),
		ok("dotted-list?", rt.False, rt.Null),
		ok("dotted-list?", rt.False, circ),
		ok("length+", fx(3), dotted),
		ok("length+", rt.False, circ),
		ok("take", lst(a, b), dotted, fx(2)),
		ok("take", lst(a, b, a), circ, fx(3)),
		fails("take", "take: list too short", lst(a), fx(2)),
		ok("drop", d, dotted, fx(3)),
		fails("drop", "drop: list too short", lst(a), fx(2)),
		ok("take-right", rt.ListWithTail([]rt.Value{c}, d), dotted, fx(1)),
		ok("take-right", lst(b, c), lst(a, b, c), fx(2)),
		fails("take-right", "take-right: circular list", circ, fx(1)),
		fails("take-right", "take-right: list too short", lst(a), fx(2)),
		ok("drop-right", lst(a, b), dotted, fx(1)),
		ok("drop-right", rt.Null, lst(a), fx(1)),
		ok("last", c, lst(a, b, c)),
		fails("last", "last: expected pair", rt.Null),
		fails("last", "last: circular list", circ),
		ok("append-reverse", lst(c, b, a, d), lst(a, b, c), lst(d)),
		ok("append-reverse", d, rt.Null, d),
		fails("append-reverse", "expected proper list", dotted, rt.Null),
	})
}

func TestFormat(t *testing.T) {
	runCases(t, []primCase{
		ok("format", str("x"), str("x")),
		ok("format", str("a \"b\" c\n~"), str("~a ~s ~a~%~~"), sym("a"), str("b"), ch('c')),
		ok("format", str("1"), str("~a"), fx(1), fx(2)),
		fails("format", "format: too few arguments for ~s", str("~a ~s"), fx(1)),
		fails("format", "format: unknown directive ~x", str("~x")),
		fails("format", "format: incomplete directive", str("~")),
		fails("format", "format: expected string", rt.True, str("~a")),
	})
}

func TestSortList(t *testing.T) {
	less := lookup(t, "<")
	var unsorted []rt.Value
	for _, n := range []int{5, 3, 9, 1, 3, 7, 2, 8, 0, 6, 4} {
		unsorted = append(unsorted, fx(n))
	}
	sorted := lst(fx(0), fx(1), fx(2), fx(3), fx(3), fx(4), fx(5), fx(6), fx(7), fx(8), fx(9))
	runCases(t, []primCase{
		ok("%sort-list", sorted, less, lst(unsorted...)),
		ok("%sort-list", rt.Null, less, rt.Null),
		ok("%sort-list", lst(fx(1)), less, lst(fx(1))),
		ok("%sort-list", lst(str("a"), str("b")), lookup(t, "string<?"), lst(str("b"), str("a"))),
		// Not a comparison primitive: Scheme must sort.
		ok("%sort-list", rt.False, lookup(t, "car"), lst(fx(1))),
		ok("%sort-list", rt.False, fx(1), lst(fx(1))),
		fails("%sort-list", "<: expected real number", less, lst(fx(2), sym("a"))),
		fails("%sort-list", "expected proper list", less, rt.Cons(fx(1), fx(2))),
	})
}

func TestSRFI133Primitives(t *testing.T) {
	a, b, c := sym("a"), sym("b"), sym("c")
	runCases(t, []primCase{
		ok("vector-empty?", rt.True, vec()),
		ok("vector-empty?", rt.False, vec(a)),
		fails("vector-empty?", "expected vector", lst()),
		ok("vector-reverse-copy", vec(c, b, a), vec(a, b, c)),
		ok("vector-reverse-copy", vec(b), vec(a, b, c), fx(1), fx(2)),
		fails("vector-reverse-copy", "end index out of range", vec(a), fx(0), fx(2)),
		ok("vector-concatenate", vec(a, b, c), lst(vec(a), vec(), vec(b, c))),
		ok("vector-concatenate", vec(), rt.Null),
		ok("vector-append-subvectors", vec(b, c, a), vec(a, b, c), fx(1), fx(3), vec(a), fx(0), fx(1)),
		fails("vector-append-subvectors", "in threes", vec(a), fx(0)),
		ok("reverse-vector->list", lst(c, b, a), vec(a, b, c)),
		ok("reverse-vector->list", lst(b), vec(a, b, c), fx(1), fx(2)),
		ok("reverse-list->vector", vec(c, b, a), lst(a, b, c)),
		ok("reverse-list->vector", vec(), rt.Null),
		fails("reverse-list->vector", "expected proper list", rt.Cons(a, b)),
	})
	v := vec(a, b, c)
	if _, err := call(t, "vector-swap!", v, fx(0), fx(2)); err != nil || !rt.Equal(v, vec(c, b, a)) {
		t.Errorf("vector-swap!: %v %s", err, rt.WriteString(v))
	}
	if _, err := call(t, "vector-reverse!", v, fx(1)); err != nil || !rt.Equal(v, vec(c, a, b)) {
		t.Errorf("vector-reverse!: %v %s", err, rt.WriteString(v))
	}
	if _, err := call(t, "vector-reverse-copy!", v, fx(0), v, fx(1)); err != nil || !rt.Equal(v, vec(b, a, b)) {
		t.Errorf("vector-reverse-copy!: %v %s", err, rt.WriteString(v))
	}
}
