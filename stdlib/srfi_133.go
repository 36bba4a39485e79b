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
		prim("vector-empty?", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				v, err := argVector(w, args[0])
				if err != nil {
					return nil, err
				}
				return rt.MakeBool(len(v.Items) == 0), nil
			}
		}),
		prim("vector-swap!", 3, 3, vectorSwap),
		prim("vector-reverse!", 1, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				items, err := vectorType.argSpan(w, args)
				if err != nil {
					return nil, err
				}
				slices.Reverse(items)
				return rt.Unspecified, nil
			}
		}),
		prim("vector-reverse-copy", 1, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				items, err := vectorType.argSpan(w, args)
				if err != nil {
					return nil, err
				}
				v := vectorType.clone(items)
				slices.Reverse(v.(*rt.Vector).Items)
				return v, nil
			}
		}),
		prim("vector-reverse-copy!", 3, 5, vectorReverseCopyInto),
		prim("vector-concatenate", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				vs, err := argList(w, args[0])
				if err != nil {
					return nil, err
				}
				return vectorType.join(w, vs)
			}
		}),
		prim("vector-append-subvectors", 0, rt.Variadic, vectorAppendSubvectors),
		prim("reverse-vector->list", 1, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				items, err := vectorType.argSpan(w, args)
				if err != nil {
					return nil, err
				}
				ps := rt.NewPairs(len(items))
				var l rt.Value = rt.Null
				for _, x := range items {
					l = ps.Cons(x, l)
				}
				return l, nil
			}
		}),
		prim("reverse-list->vector", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				items, err := argList(w, args[0])
				if err != nil {
					return nil, err
				}
				slices.Reverse(items)
				return &rt.Vector{Items: nonNil(items)}, nil
			}
		}),
	)
}

func vectorSwap(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		v, err := argVector(w, args[0])
		if err != nil {
			return nil, err
		}
		i, err := argRef(w, args, 1, len(v.Items))
		if err != nil {
			return nil, err
		}
		j, err := argRef(w, args, 2, len(v.Items))
		if err != nil {
			return nil, err
		}
		v.Items[i], v.Items[j] = v.Items[j], v.Items[i]
		return rt.Unspecified, nil
	}
}

// vectorReverseCopyInto is (vector-reverse-copy! to at from [start end]).
// The source is reversed into a copy first, so that overlapping source
// and destination behave as if the source had been copied out before.
func vectorReverseCopyInto(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		to, from, at, err := vectorType.copyArgs(w, args)
		if err != nil {
			return nil, err
		}
		items := slices.Clone(from)
		slices.Reverse(items)
		copy(to[at:], items)
		return rt.Unspecified, nil
	}
}

// vectorAppendSubvectors is (vector-append-subvectors [vec start end]
// ...): the arguments come in threes.
func vectorAppendSubvectors(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		if len(args)%3 != 0 {
			return nil, w.error("arguments must come in threes (vector start end)", fixnum(len(args)))
		}
		items := []rt.Value{}
		for i := 0; i < len(args); i += 3 {
			span, err := vectorType.argSpan(w, args[i:i+3])
			if err != nil {
				return nil, err
			}
			items = append(items, span...)
		}
		return &rt.Vector{Items: items}, nil
	}
}
