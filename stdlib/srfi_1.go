package stdlib

import rt "termite/runtime"

// The SRFI 1 procedures that take no procedure argument and only walk or
// copy list structure. They are Go primitives because they are called
// often on long lists; the rest of SRFI 1 is in scheme/srfi-1.scm, since a
// primitive may not call back into Scheme.
func init() {
	register(
		&rt.Primitive{Name: "xcons", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.Cons(args[1], args[0]), nil
		}},
		&rt.Primitive{Name: "cons*", Min: 1, Max: rt.Variadic, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.ListWithTail(args[:len(args)-1], args[len(args)-1]), nil
		}},
		prim("iota", 1, 3, iotaList),
		&rt.Primitive{Name: "proper-list?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(rt.ListLength(args[0]) >= 0), nil
		}},
		&rt.Primitive{Name: "circular-list?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, tail := listShape(args[0])
			return rt.MakeBool(tail == nil), nil
		}},
		&rt.Primitive{Name: "dotted-list?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, tail := listShape(args[0])
			return rt.MakeBool(tail != nil && tail != rt.Null), nil
		}},
		&rt.Primitive{Name: "length+", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			n, tail := listShape(args[0])
			if tail == nil {
				return rt.False, nil
			}
			return fixnum(n), nil
		}},
		prim("take", 2, 2, take),
		prim("drop", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return dropPairs(w, args[0], args[1])
			}
		}),
		prim("take-right", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				lag, _, err := takeRight(w, args, false)
				return lag, err
			}
		}),
		prim("drop-right", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				_, head, err := takeRight(w, args, true)
				return head, err
			}
		}),
		prim("last", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, ok := args[0].(*rt.Pair)
				if !ok {
					return nil, w.typeError("pair", args[0])
				}
				_, _, err := walkList(w, p, func(q *rt.Pair) bool { p = q; return false })
				if err != nil {
					return nil, err
				}
				return p.Car, nil
			}
		}),
		prim("append-reverse", 2, 2, appendReverse),
	)
}

// listShape counts the pairs of x and returns the object that ends it:
// Null for a proper list, another atom for a dotted one, and nil when x
// is circular.
func listShape(x rt.Value) (int, rt.Value) {
	n := 0
	slow, _ := x.(*rt.Pair) // see walkList
	for {
		p, ok := x.(*rt.Pair)
		if !ok {
			rt.Charge(n)
			return n, x
		}
		x = p.Cdr
		n++
		if n&1 == 0 {
			slow = slow.Cdr.(*rt.Pair)
			if slow == x {
				rt.Charge(n)
				return n, nil
			}
		}
	}
}

// iotaList computes each element as start + i*step rather than by repeated
// addition, as SRFI 1 asks, so that inexact steps do not accumulate
// rounding errors.
func iotaList(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		n, err := argSize(w, args[0], 16)
		if err != nil {
			return nil, err
		}
		var start, step rt.Value = rt.MakeFixnum(0), rt.MakeFixnum(1)
		if len(args) > 1 {
			start = args[1]
		}
		if len(args) > 2 {
			step = args[2]
		}
		// Check the types even when n is 0, so that a mistake is not hidden
		// by an empty result.
		if _, err := rt.Add(start, step); err != nil {
			return nil, err
		}
		var l rt.Value = rt.Null
		rt.Charge(n)
		ps := rt.NewPairs(n)
		for i := n - 1; i >= 0; i-- {
			off, err := rt.Mul(fixnum(i), step)
			if err != nil {
				return nil, err
			}
			x, err := rt.Add(start, off)
			if err != nil {
				return nil, err
			}
			l = ps.Cons(x, l)
		}
		return l, nil
	}
}

// dropPairs follows k cdrs of l. l may be dotted or circular: k bounds
// the walk.
func dropPairs(w who, l, kv rt.Value) (rt.Value, error) {
	k, err := argIndex(w, kv)
	if err != nil {
		return nil, err
	}
	x := l
	for ; k > 0; k-- {
		p, ok := x.(*rt.Pair)
		if !ok {
			return nil, w.error("list too short", l, kv)
		}
		x = p.Cdr
	}
	return x, nil
}

// take copies the first k elements of a list, which may be dotted or
// circular.
func take(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		k, err := argIndex(w, args[1])
		if err != nil {
			return nil, err
		}
		var b rt.ListBuilder
		x := args[0]
		for ; k > 0; k-- {
			p, ok := x.(*rt.Pair)
			if !ok {
				return nil, w.error("list too short", args[0], args[1])
			}
			b.Add(p.Car)
			x = p.Cdr
		}
		return b.List(), nil
	}
}

// takeRight walks a lead k pairs ahead of a lag: when the lead reaches
// the end of the list, the lag is at its last k pairs. With copy, the
// elements the lag passed over are also returned as a fresh list (what
// drop-right wants). A circular list has no end and is an error.
func takeRight(w who, args []rt.Value, copy bool) (lag, head rt.Value, err error) {
	lead, err := dropPairs(w, args[0], args[1])
	if err != nil {
		return nil, nil, err
	}
	if _, tail := listShape(args[0]); tail == nil {
		return nil, nil, errCircular(w)
	}
	var b rt.ListBuilder
	lag = args[0]
	n, _ := listShape(lead)
	for ; n > 0; n-- {
		p := lag.(*rt.Pair)
		if copy {
			b.Add(p.Car)
		}
		lag = p.Cdr
	}
	return lag, b.List(), nil
}

// appendReverse conses the elements of rev-head, in order, onto tail:
// the result is (append (reverse rev-head) tail) without the
// intermediate list.
func appendReverse(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		n, err := properLength(w, args[0])
		if err != nil {
			return nil, err
		}
		return reverseOnto(args[0], n, args[1]), nil
	}
}
