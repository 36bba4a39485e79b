package stdlib

import (
	"slices"

	rt "termite/runtime"
)

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
			items, err := vectorType.argSpan("vector-reverse!", args)
			if err != nil {
				return nil, err
			}
			slices.Reverse(items)
			return rt.Unspecified, nil
		}},
		&rt.Primitive{Name: "vector-reverse-copy", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			items, err := vectorType.argSpan("vector-reverse-copy", args)
			if err != nil {
				return nil, err
			}
			v := vectorType.clone(items)
			slices.Reverse(v.(*rt.Vector).Items)
			return v, nil
		}},
		&rt.Primitive{Name: "vector-reverse-copy!", Min: 3, Max: 5, Fn: vectorReverseCopyInto},
		&rt.Primitive{Name: "vector-concatenate", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			vs, err := argList("vector-concatenate", args[0])
			if err != nil {
				return nil, err
			}
			return vectorType.join("vector-concatenate", vs)
		}},
		&rt.Primitive{Name: "vector-append-subvectors", Min: 0, Max: rt.Variadic, Fn: vectorAppendSubvectors},
		&rt.Primitive{Name: "reverse-vector->list", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			items, err := vectorType.argSpan("reverse-vector->list", args)
			if err != nil {
				return nil, err
			}
			l := rt.Null
			for _, x := range items {
				l = rt.Cons(x, l)
			}
			return l, nil
		}},
		&rt.Primitive{Name: "reverse-list->vector", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			items, err := argList("reverse-list->vector", args[0])
			if err != nil {
				return nil, err
			}
			slices.Reverse(items)
			return &rt.Vector{Items: nonNil(items)}, nil
		}},
	)
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
	to, from, at, err := vectorType.copyArgs("vector-reverse-copy!", args)
	if err != nil {
		return nil, err
	}
	items := slices.Clone(from)
	slices.Reverse(items)
	copy(to[at:], items)
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
		span, err := vectorType.argSpan("vector-append-subvectors", args[i:i+3])
		if err != nil {
			return nil, err
		}
		items = append(items, span...)
	}
	return &rt.Vector{Items: items}, nil
}
