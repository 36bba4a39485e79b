package stdlib

import rt "termite/runtime"

func init() {
	register(
		&rt.Primitive{Name: "pair?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(*rt.Pair)
			return rt.MakeBool(ok), nil
		}},
		&rt.Primitive{Name: "cons", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.Cons(args[0], args[1]), nil
		}},
		prim("set-car!", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, ok := args[0].(*rt.Pair)
				if !ok {
					return nil, w.typeError("pair", args[0])
				}
				p.Car = args[1]
				return rt.Unspecified, nil
			}
		}),
		prim("set-cdr!", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, ok := args[0].(*rt.Pair)
				if !ok {
					return nil, w.typeError("pair", args[0])
				}
				p.Cdr = args[1]
				return rt.Unspecified, nil
			}
		}),
		&rt.Primitive{Name: "null?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(args[0] == rt.Null), nil
		}},
		&rt.Primitive{Name: "list?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(rt.ListLength(args[0]) >= 0), nil
		}},
		prim("make-list", 1, 2, makeList),
		&rt.Primitive{Name: "list", Min: 0, Max: rt.Variadic, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.List(args...), nil
		}},
		prim("length", 1, 1, length),
		prim("append", 0, rt.Variadic, appendLists),
		prim("reverse", 1, 1, reverse),
		prim("list-tail", 2, 2, listTail),
		prim("list-ref", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := listPairAt(w, args)
				if err != nil {
					return nil, err
				}
				return p.Car, nil
			}
		}),
		prim("list-set!", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := listPairAt(w, args)
				if err != nil {
					return nil, err
				}
				p.Car = args[2]
				return rt.Unspecified, nil
			}
		}),
		prim("list-copy", 1, 1, listCopy),
		prim("last-pair", 1, 1, lastPair),
		prim("memq", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return search(w, args[0], args[1], byEq, false)
			}
		}),
		prim("memv", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return search(w, args[0], args[1], byEqv, false)
			}
		}),
		prim("member", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return search(w, args[0], args[1], byEqual, false)
			}
		}),
		prim("assq", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return search(w, args[0], args[1], byEq, true)
			}
		}),
		prim("assv", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return search(w, args[0], args[1], byEqv, true)
			}
		}),
		prim("assoc", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return search(w, args[0], args[1], byEqual, true)
			}
		}),
	)
	registerCxrs()
}

// registerCxrs registers car, cdr and their compositions up to four
// levels deep, from the a/d pattern of each name.
func registerCxrs() {
	names := []string{"a", "d"}
	level := names
	for depth := 2; depth <= 4; depth++ {
		var next []string
		for _, prefix := range []string{"a", "d"} {
			for _, s := range level {
				next = append(next, prefix+s)
			}
		}
		names = append(names, next...)
		level = next
	}
	for _, ops := range names {
		register(cxr("c" + ops + "r"))
	}
}

func cxr(name string) *rt.Primitive {
	ops := name[1 : len(name)-1]
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			v := args[0]
			for i := len(ops) - 1; i >= 0; i-- {
				p, ok := v.(*rt.Pair)
				if !ok {
					if i == len(ops)-1 {
						return nil, w.typeError("pair", args[0])
					}
					return nil, w.typeError("list of the right shape", args[0])
				}
				if ops[i] == 'a' {
					v = p.Car
				} else {
					v = p.Cdr
				}
			}
			return v, nil
		}
	})
}

// errCircular reports a circular list. The list is not an irritant: it
// could not be printed in full anyway.
func errCircular(w who) error {
	return w.error("circular list")
}

// walkList calls f on each pair of l in order until f returns true, and
// returns that pair (nil if f never returned true) and the object that
// ended the list (Null for a proper list). A circular list is an error:
// no procedure that walks a list to its end can finish on one.
func walkList(w who, l rt.Value, f func(*rt.Pair) bool) (stop *rt.Pair, tail rt.Value, err error) {
	// Floyd's slow walk is a *Pair, not a Value: a pair compared with l
	// is two words compared, where two Values of one type cost a call
	// (runtime.efaceeq, 7% of a program of assq lookups).
	slow, _ := l.(*rt.Pair)
	for i := 0; ; i++ {
		p, ok := l.(*rt.Pair)
		if !ok {
			rt.Charge(i)
			return nil, l, nil
		}
		if f(p) {
			rt.Charge(i)
			return p, nil, nil
		}
		l = p.Cdr
		if i&1 == 1 {
			slow = slow.Cdr.(*rt.Pair)
			if slow == l {
				rt.Charge(i)
				return nil, nil, errCircular(w)
			}
		}
	}
}

func never(*rt.Pair) bool { return false }

func makeList(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		k, err := argSize(w, args[0], 32)
		if err != nil {
			return nil, err
		}
		var fill rt.Value = rt.False
		if len(args) > 1 {
			fill = args[1]
		}
		rt.Charge(k)
		ps := rt.NewPairs(k)
		var l rt.Value = rt.Null
		for ; k > 0; k-- {
			l = ps.Cons(fill, l)
		}
		return l, nil
	}
}

func length(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		n, err := properLength(w, args[0])
		if err != nil {
			return nil, err
		}
		return fixnum(n), nil
	}
}

// appendLists copies every argument but the last, which becomes the tail
// of the result as it is, whatever it is. It counts the elements first,
// to allocate their pairs together (see rt.Pairs).
func appendLists(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		if len(args) == 0 {
			return rt.Null, nil
		}
		n := 0
		for _, l := range args[:len(args)-1] {
			k, err := properLength(w, l)
			if err != nil {
				return nil, err
			}
			n += k
		}
		ps := rt.NewPairs(n)
		tail := args[len(args)-1]
		head := tail
		var last *rt.Pair
		for _, l := range args[:len(args)-1] {
			for ; l != rt.Null; l = l.(*rt.Pair).Cdr {
				p := ps.Cons(l.(*rt.Pair).Car, tail)
				if last == nil {
					head = p
				} else {
					last.Cdr = p
				}
				last = p
			}
		}
		return head, nil
	}
}

func reverse(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		n, err := properLength(w, args[0])
		if err != nil {
			return nil, err
		}
		return reverseOnto(args[0], n, rt.Null), nil
	}
}

// reverseOnto conses the n elements of the proper list l onto tail, in
// reverse order.
func reverseOnto(l rt.Value, n int, tail rt.Value) rt.Value {
	ps := rt.NewPairs(n)
	for ; l != rt.Null; l = l.(*rt.Pair).Cdr {
		tail = ps.Cons(l.(*rt.Pair).Car, tail)
	}
	return tail
}

// properLength returns the length of the proper list l, or an error.
func properLength(w who, l rt.Value) (int, error) {
	n := 0
	_, tail, err := walkList(w, l, func(*rt.Pair) bool { n++; return false })
	if err != nil {
		return 0, err
	}
	if tail != rt.Null {
		return 0, w.typeError("proper list", l)
	}
	return n, nil
}

// listTail follows k cdrs; a cycle cannot trap it since k bounds the walk.
func listTail(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		k, err := argIndex(w, args[1])
		if err != nil {
			return nil, err
		}
		rt.Charge(k)
		l := args[0]
		for ; k > 0; k-- {
			p, ok := l.(*rt.Pair)
			if !ok {
				return nil, w.error("index out of range", args[0], args[1])
			}
			l = p.Cdr
		}
		return l, nil
	}
}

// listPairAt returns the pair whose car is element args[1] of list
// args[0].
func listPairAt(w who, args []rt.Value) (*rt.Pair, error) {
	k, err := argIndex(w, args[1])
	if err != nil {
		return nil, err
	}
	l := args[0]
	for {
		p, ok := l.(*rt.Pair)
		if !ok {
			if _, isPair := args[0].(*rt.Pair); !isPair && args[0] != rt.Null {
				return nil, w.typeError("list", args[0])
			}
			return nil, w.error("index out of range", args[0], args[1])
		}
		if k == 0 {
			return p, nil
		}
		l = p.Cdr
		k--
	}
}

// listCopy copies the pairs of a list, keeping an improper tail; any
// other object is returned as it is.
func listCopy(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		var b rt.ListBuilder
		_, tail, err := walkList(w, args[0], func(p *rt.Pair) bool {
			b.Add(p.Car)
			return false
		})
		if err != nil {
			return nil, err
		}
		return b.ListWithTail(tail), nil
	}
}

func lastPair(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		p, ok := args[0].(*rt.Pair)
		if !ok {
			return nil, w.typeError("pair", args[0])
		}
		_, _, err := walkList(w, p, func(q *rt.Pair) bool {
			p = q
			return false
		})
		if err != nil {
			return nil, err
		}
		return p, nil
	}
}

// equivalence is the predicate a search of memq, memv, member, assq,
// assv or assoc compares with.
type equivalence uint8

const (
	byEq equivalence = iota
	byEqv
	byEqual
)

// search returns the first pair of the list l whose element is x by e
// (with keyed, whose element is a pair whose car is x by e), or #f.
//
// The keys of most searches are symbols, fixnums, characters or strings:
// for those, scanFor compares with a type assertion and ==, in a loop of
// its own, instead of calling Eq, Eqv or Equal through a function value
// for each element (3 to 5 times faster a step; see BenchmarkAssq50).
func search(w who, x, l rt.Value, e equivalence, keyed bool) (rt.Value, error) {
	var r scanResult
	switch k := x.(type) {
	case *rt.Symbol:
		r = scanFor(w, l, keyed, k, nil)
	case rt.Fixnum:
		r = scanFor(w, l, keyed, k, nil)
	case rt.Char:
		r = scanFor(w, l, keyed, k, nil)
	case *rt.String:
		if e == byEqual {
			r = scanFor(w, l, keyed, k, (*rt.String).Equal)
		} else {
			r = scanFor(w, l, keyed, k, nil)
		}
	default:
		// Flonums and bignums are eqv by value, pairs and vectors
		// equal by content, and other keys are rare.
		same := e.test()
		r.found, r.tail, r.err = walkList(w, l, func(p *rt.Pair) bool {
			v := p.Car
			if keyed {
				entry, ok := v.(*rt.Pair)
				if !ok {
					r.bad = v
					return true
				}
				v = entry.Car
			}
			return same(x, v)
		})
	}
	switch {
	case r.err != nil:
		return nil, r.err
	case r.bad != nil:
		return nil, w.typeError("association list (a list of pairs)", l)
	case r.found != nil:
		if keyed {
			return r.found.Car, nil
		}
		return r.found, nil
	case r.tail != rt.Null:
		return nil, w.typeError("proper list", l)
	}
	return rt.False, nil
}

func (e equivalence) test() func(a, b rt.Value) bool {
	switch e {
	case byEq:
		return rt.Eq
	case byEqv:
		return rt.Eqv
	}
	return rt.Equal
}

// scanResult is the end of a search's walk: the pair found, or the object
// that ended the list, or an element that is not a pair (keyed only), or
// the error of a circular list.
type scanResult struct {
	found     *rt.Pair
	tail, bad rt.Value
	err       error
}

// scanFor is walkList for search, with the test of an element written in:
// the element (keyed: its car) is the one searched for when it is a T
// that is == x, or, with equal, one that equal says is the same. For the
// types search calls it with, and equal nil, == is what eq?, eqv? and
// equal? all come down to.
func scanFor[T comparable](w who, l rt.Value, keyed bool, x T, equal func(a, b T) bool) scanResult {
	slow, _ := l.(*rt.Pair) // see walkList
	for i := 0; ; i++ {
		p, ok := l.(*rt.Pair)
		if !ok {
			rt.Charge(i)
			return scanResult{tail: l}
		}
		v := p.Car
		if keyed {
			entry, ok := v.(*rt.Pair)
			if !ok {
				rt.Charge(i)
				return scanResult{bad: v}
			}
			v = entry.Car
		}
		if y, ok := v.(T); ok && (y == x || equal != nil && equal(y, x)) {
			rt.Charge(i)
			return scanResult{found: p}
		}
		l = p.Cdr
		if i&1 == 1 {
			slow = slow.Cdr.(*rt.Pair)
			if slow == l {
				rt.Charge(i)
				return scanResult{err: errCircular(w)}
			}
		}
	}
}
