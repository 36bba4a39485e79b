package stdlib

import rt "termite/runtime"

// seqType describes strings, vectors or bytevectors, whose elements are
// Es in Go, to the procedures that make, copy, fill, join and convert
// them: R7RS gives the three types the same procedures, which differ only
// in what this holds. The references to one element (string-ref and the
// like) are not among them: they are hot, and a type switch written out
// is faster than these indirect calls.
//
// A string holds its characters narrow or wide inside the runtime, so
// stringType's elems is a copy of them as runes: strings use only the
// procedures here that read a string whole or make a new one (string,
// list->string, string->list and the vector conversions). Those that
// change a string in place, or copy and join strings, are in strings.go.
type seqType[E any] struct {
	name  string                             // the type in error messages: "expected string"
	elems func(v rt.Value) ([]E, bool)       // the elements of v, false when v is another type
	make  func(elems []E) rt.Value           // a new object holding elems, which it may keep
	box   func(e E) rt.Value                 // an element as a Scheme value
	unbox func(w who, v rt.Value) (E, error) // v as an element, or why it cannot be one
	size  int                                // the bytes of an element, to refuse absurd sizes
}

var (
	stringType = &seqType[rune]{
		name: "string",
		elems: func(v rt.Value) ([]rune, bool) {
			s, ok := v.(*rt.String)
			if !ok {
				return nil, false
			}
			return s.Runes(), true
		},
		make: func(r []rune) rt.Value { return rt.NewStringRunes(r) },
		box:  func(r rune) rt.Value { return rt.Char(r) },
		unbox: func(w who, v rt.Value) (rune, error) {
			c, err := argChar(w, v)
			return rune(c), err
		},
	}
	vectorType = &seqType[rt.Value]{
		name: "vector",
		elems: func(v rt.Value) ([]rt.Value, bool) {
			x, ok := v.(*rt.Vector)
			if !ok {
				return nil, false
			}
			return x.Items, true
		},
		make:  func(items []rt.Value) rt.Value { return &rt.Vector{Items: items} },
		box:   func(v rt.Value) rt.Value { return v },
		unbox: func(_ who, v rt.Value) (rt.Value, error) { return v, nil },
		size:  16,
	}
	bytevectorType = &seqType[byte]{
		name: "bytevector",
		elems: func(v rt.Value) ([]byte, bool) {
			x, ok := v.(*rt.Bytevector)
			if !ok {
				return nil, false
			}
			return x.B, true
		},
		make:  func(b []byte) rt.Value { return &rt.Bytevector{B: b} },
		box:   func(b byte) rt.Value { return fixnum(int(b)) },
		unbox: argByte,
		size:  1,
	}
)

// arg returns the elements of v, which must be of the type.
func (t *seqType[E]) arg(w who, v rt.Value) ([]E, error) {
	e, ok := t.elems(v)
	if !ok {
		return nil, w.typeError(t.name, v)
	}
	return e, nil
}

// argSpan returns the elements of args[0], which must be of the type,
// from its optional start and end in args[1] and args[2].
func (t *seqType[E]) argSpan(w who, args []rt.Value) ([]E, error) {
	e, err := t.arg(w, args[0])
	if err != nil {
		return nil, err
	}
	start, end, err := argRange(w, args, 1, len(e))
	if err != nil {
		return nil, err
	}
	return e[start:end], nil
}

// clone returns a new object holding a copy of e. Its slice is never nil,
// even when empty, so that no code has to tell nil and empty apart.
func (t *seqType[E]) clone(e []E) rt.Value {
	rt.Charge(len(e))
	return t.make(append(make([]E, 0, len(e)), e...))
}

// maker is (make-T k [fill]), whose default fill is def.
func (t *seqType[E]) maker(name string, def E) *rt.Primitive {
	return prim(name, 1, 2, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			k, err := argSize(w, args[0], t.size)
			if err != nil {
				return nil, err
			}
			fill := def
			if len(args) > 1 {
				if fill, err = t.unbox(w, args[1]); err != nil {
					return nil, err
				}
			}
			rt.Charge(k)
			e := make([]E, k)
			for i := range e {
				e[i] = fill
			}
			return t.make(e), nil
		}
	})
}

// copier is (T-copy x [start end]), and substring when min is 3.
func (t *seqType[E]) copier(name string, min int) *rt.Primitive {
	return prim(name, min, 3, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			e, err := t.argSpan(w, args)
			if err != nil {
				return nil, err
			}
			return t.clone(e), nil
		}
	})
}

// copierInto is (T-copy! to at from [start end]); Go's copy handles
// overlapping source and destination as R7RS requires.
func (t *seqType[E]) copierInto(name string) *rt.Primitive {
	return prim(name, 3, 5, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			to, from, at, err := t.copyArgs(w, args)
			if err != nil {
				return nil, err
			}
			rt.Charge(len(from))
			copy(to[at:], from)
			return rt.Unspecified, nil
		}
	})
}

// copyArgs reads the arguments of a copy! procedure, (who to at from
// [start end]): the destination's elements, the source's span, and AT,
// after which the destination has room for the span.
func (t *seqType[E]) copyArgs(w who, args []rt.Value) (to, from []E, at int, err error) {
	if to, err = t.arg(w, args[0]); err != nil {
		return nil, nil, 0, err
	}
	if from, err = t.argSpan(w, args[2:]); err != nil {
		return nil, nil, 0, err
	}
	at, err = copyDestination(w, args, len(to), len(from))
	return to, from, at, err
}

// filler is (T-fill! x fill [start end]).
func (t *seqType[E]) filler(name string) *rt.Primitive {
	return prim(name, 2, 4, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			e, err := t.arg(w, args[0])
			if err != nil {
				return nil, err
			}
			fill, err := t.unbox(w, args[1])
			if err != nil {
				return nil, err
			}
			start, end, err := argRange(w, args, 2, len(e))
			if err != nil {
				return nil, err
			}
			rt.Charge(end - start)
			for i := start; i < end; i++ {
				e[i] = fill
			}
			return rt.Unspecified, nil
		}
	})
}

// appender is (T-append x ...).
func (t *seqType[E]) appender(name string) *rt.Primitive {
	return prim(name, 0, rt.Variadic, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			return t.join(w, args)
		}
	})
}

// join returns a new object holding the elements of each of xs in turn.
// Every one is checked before anything is allocated.
func (t *seqType[E]) join(w who, xs []rt.Value) (rt.Value, error) {
	n := 0
	for _, x := range xs {
		e, err := t.arg(w, x)
		if err != nil {
			return nil, err
		}
		n += len(e)
	}
	rt.Charge(n)
	out := make([]E, 0, n)
	for _, x := range xs {
		e, _ := t.elems(x)
		out = append(out, e...)
	}
	return t.make(out), nil
}

// toList is (T->list x [start end]).
func (t *seqType[E]) toList(name string) *rt.Primitive {
	return prim(name, 1, 3, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			e, err := t.argSpan(w, args)
			if err != nil {
				return nil, err
			}
			rt.Charge(len(e))
			ps := rt.NewPairs(len(e))
			var l rt.Value = rt.Null
			for i := len(e) - 1; i >= 0; i-- {
				l = ps.Cons(t.box(e[i]), l)
			}
			return l, nil
		}
	})
}

// constructor is (T x ...), as string and bytevector are; vector, whose
// arguments need no check, is a copy of them.
func (t *seqType[E]) constructor(name string) *rt.Primitive {
	return prim(name, 0, rt.Variadic, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			return fromValues(w, t, args)
		}
	})
}

// fromList is (list->T list).
func (t *seqType[E]) fromList(name string) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			// Counted first, the elements go straight into the slice
			// the new object keeps, with no slice of the list's values
			// in between.
			n, err := properLength(w, args[0])
			if err != nil {
				return nil, err
			}
			e := make([]E, n)
			l := args[0]
			for i := range e {
				p := l.(*rt.Pair)
				if e[i], err = t.unbox(w, p.Car); err != nil {
					return nil, err
				}
				l = p.Cdr
			}
			return t.make(e), nil
		}
	})
}

// fromValues returns a new object of type t holding vals, each of which
// must be an element of t.
func fromValues[E any](w who, t *seqType[E], vals []rt.Value) (rt.Value, error) {
	rt.Charge(len(vals))
	e := make([]E, len(vals))
	for i, v := range vals {
		x, err := t.unbox(w, v)
		if err != nil {
			return nil, err
		}
		e[i] = x
	}
	return t.make(e), nil
}

// converter is (F->T x [start end]), from one sequence type to another.
func converter[F, T any](name string, from *seqType[F], to *seqType[T]) *rt.Primitive {
	return prim(name, 1, 3, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			src, err := from.argSpan(w, args)
			if err != nil {
				return nil, err
			}
			rt.Charge(len(src))
			e := make([]T, len(src))
			for i, x := range src {
				if e[i], err = to.unbox(w, from.box(x)); err != nil {
					return nil, err
				}
			}
			return to.make(e), nil
		}
	})
}
