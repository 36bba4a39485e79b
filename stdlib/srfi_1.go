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
		&rt.Primitive{Name: "iota", Min: 1, Max: 3, Fn: iotaList},
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
		&rt.Primitive{Name: "take", Min: 2, Max: 2, Fn: take},
		&rt.Primitive{Name: "drop", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			return dropPairs("drop", args[0], args[1])
		}},
		&rt.Primitive{Name: "take-right", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			lag, _, err := takeRight("take-right", args, false)
			return lag, err
		}},
		&rt.Primitive{Name: "drop-right", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			_, head, err := takeRight("drop-right", args, true)
			return head, err
		}},
		&rt.Primitive{Name: "last", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, ok := args[0].(*rt.Pair)
			if !ok {
				return nil, rt.TypeError("last", "pair", args[0])
			}
			_, _, err := walkList("last", p, func(q *rt.Pair) bool { p = q; return false })
			if err != nil {
				return nil, err
			}
			return p.Car, nil
		}},
		&rt.Primitive{Name: "append-reverse", Min: 2, Max: 2, Fn: appendReverse},
	)
}

// listShape counts the pairs of x and returns the object that ends it:
// Null for a proper list, another atom for a dotted one, and nil when x
// is circular.
func listShape(x rt.Value) (int, rt.Value) {
	n := 0
	slow := x
	for {
		p, ok := x.(*rt.Pair)
		if !ok {
			return n, x
		}
		x = p.Cdr
		n++
		if n&1 == 0 {
			slow = slow.(*rt.Pair).Cdr
			if slow == x {
				return n, nil
			}
		}
	}
}

// iotaList computes each element as start + i*step rather than by repeated
// addition, as SRFI 1 asks, so that inexact steps do not accumulate
// rounding errors.
func iotaList(args []rt.Value) (rt.Value, error) {
	n, err := argSize("iota", args[0], 16)
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
	l := rt.Null
	for i := n - 1; i >= 0; i-- {
		off, err := rt.Mul(fixnum(i), step)
		if err != nil {
			return nil, err
		}
		x, err := rt.Add(start, off)
		if err != nil {
			return nil, err
		}
		l = rt.Cons(x, l)
	}
	return l, nil
}

// dropPairs follows k cdrs of l. l may be dotted or circular: k bounds
// the walk.
func dropPairs(who string, l, kv rt.Value) (rt.Value, error) {
	k, err := argIndex(who, kv)
	if err != nil {
		return nil, err
	}
	x := l
	for ; k > 0; k-- {
		p, ok := x.(*rt.Pair)
		if !ok {
			return nil, rt.NewError(who+": list too short", l, kv)
		}
		x = p.Cdr
	}
	return x, nil
}

// take copies the first k elements of a list, which may be dotted or
// circular.
func take(args []rt.Value) (rt.Value, error) {
	k, err := argIndex("take", args[1])
	if err != nil {
		return nil, err
	}
	var b rt.ListBuilder
	x := args[0]
	for ; k > 0; k-- {
		p, ok := x.(*rt.Pair)
		if !ok {
			return nil, rt.NewError("take: list too short", args[0], args[1])
		}
		b.Add(p.Car)
		x = p.Cdr
	}
	return b.List(), nil
}

// takeRight walks a lead k pairs ahead of a lag: when the lead reaches
// the end of the list, the lag is at its last k pairs. With copy, the
// elements the lag passed over are also returned as a fresh list (what
// drop-right wants). A circular list has no end and is an error.
func takeRight(who string, args []rt.Value, copy bool) (lag, head rt.Value, err error) {
	lead, err := dropPairs(who, args[0], args[1])
	if err != nil {
		return nil, nil, err
	}
	if _, tail := listShape(args[0]); tail == nil {
		return nil, nil, errCircular(who)
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
func appendReverse(args []rt.Value) (rt.Value, error) {
	r := args[1]
	_, end, err := walkList("append-reverse", args[0], func(p *rt.Pair) bool {
		r = rt.Cons(p.Car, r)
		return false
	})
	if err != nil {
		return nil, err
	}
	if end != rt.Null {
		return nil, rt.TypeError("append-reverse", "proper list", args[0])
	}
	return r, nil
}
