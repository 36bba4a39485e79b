package stdlib

import rt "termite/runtime"

// The SRFI 133 procedures that take no procedure argument: they only move
// elements around, so they are primitives. The rest of SRFI 133 is in
// scheme/srfi-133.scm.
func init() {
	register(
		&rt.Primitive{Name: "vector-empty?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			v, err := argVector("vector-empty?", args[0])
			if err != nil {
				return nil, err
			}
			return rt.MakeBool(len(v.Items) == 0), nil
		}},
		&rt.Primitive{Name: "vector-swap!", Min: 3, Max: 3, Fn: vectorSwap},
		&rt.Primitive{Name: "vector-reverse!", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			v, start, end, err := vectorRange("vector-reverse!", args)
			if err != nil {
				return nil, err
			}
			reverseValues(v.Items[start:end])
			return rt.Unspecified, nil
		}},
		&rt.Primitive{Name: "vector-reverse-copy", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			v, start, end, err := vectorRange("vector-reverse-copy", args)
			if err != nil {
				return nil, err
			}
			items := append([]rt.Value(nil), v.Items[start:end]...)
			reverseValues(items)
			return &rt.Vector{Items: nonNil(items)}, nil
		}},
		&rt.Primitive{Name: "vector-reverse-copy!", Min: 3, Max: 5, Fn: vectorReverseCopyInto},
		&rt.Primitive{Name: "vector-concatenate", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			vs, err := argList("vector-concatenate", args[0])
			if err != nil {
				return nil, err
			}
			return vectorAppend(vs)
		}},
		&rt.Primitive{Name: "vector-append-subvectors", Min: 0, Max: rt.Variadic, Fn: vectorAppendSubvectors},
		&rt.Primitive{Name: "reverse-vector->list", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			v, start, end, err := vectorRange("reverse-vector->list", args)
			if err != nil {
				return nil, err
			}
			l := rt.Null
			for _, x := range v.Items[start:end] {
				l = rt.Cons(x, l)
			}
			return l, nil
		}},
		&rt.Primitive{Name: "reverse-list->vector", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			items, err := argList("reverse-list->vector", args[0])
			if err != nil {
				return nil, err
			}
			reverseValues(items)
			return &rt.Vector{Items: nonNil(items)}, nil
		}},
	)
}

func reverseValues(s []rt.Value) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// nonNil keeps an empty vector's slice non-nil, as the other vector
// constructors make it, so that no code has to tell the two apart.
func nonNil(s []rt.Value) []rt.Value {
	if s == nil {
		return []rt.Value{}
	}
	return s
}

func vectorSwap(args []rt.Value) (rt.Value, error) {
	v, err := argVector("vector-swap!", args[0])
	if err != nil {
		return nil, err
	}
	i, err := argRef("vector-swap!", args, 1, len(v.Items))
	if err != nil {
		return nil, err
	}
	j, err := argRef("vector-swap!", args, 2, len(v.Items))
	if err != nil {
		return nil, err
	}
	v.Items[i], v.Items[j] = v.Items[j], v.Items[i]
	return rt.Unspecified, nil
}

// vectorReverseCopyInto is (vector-reverse-copy! to at from [start end]).
// The source is reversed into a copy first, so that overlapping source
// and destination behave as if the source had been copied out before.
func vectorReverseCopyInto(args []rt.Value) (rt.Value, error) {
	to, err := argVector("vector-reverse-copy!", args[0])
	if err != nil {
		return nil, err
	}
	from, start, end, err := vectorRange("vector-reverse-copy!", args[2:])
	if err != nil {
		return nil, err
	}
	at, err := copyDestination("vector-reverse-copy!", args, len(to.Items), end-start)
	if err != nil {
		return nil, err
	}
	items := append([]rt.Value(nil), from.Items[start:end]...)
	reverseValues(items)
	copy(to.Items[at:], items)
	return rt.Unspecified, nil
}

// vectorAppendSubvectors is (vector-append-subvectors [vec start end]
// ...): the arguments come in threes.
func vectorAppendSubvectors(args []rt.Value) (rt.Value, error) {
	if len(args)%3 != 0 {
		return nil, rt.NewError("vector-append-subvectors: arguments must come in threes (vector start end)", fixnum(len(args)))
	}
	items := []rt.Value{}
	for i := 0; i < len(args); i += 3 {
		v, start, end, err := vectorRange("vector-append-subvectors", args[i:i+3])
		if err != nil {
			return nil, err
		}
		items = append(items, v.Items[start:end]...)
	}
	return &rt.Vector{Items: items}, nil
}
