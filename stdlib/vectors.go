package stdlib

import (
	rt "termite/runtime"
)

func init() {
	register(
		&rt.Primitive{Name: "vector?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(*rt.Vector)
			return rt.MakeBool(ok), nil
		}},
		vectorType.maker("make-vector", rt.False),
		&rt.Primitive{Name: "vector", Min: 0, Max: rt.Variadic, Fn: func(args []rt.Value) (rt.Value, error) {
			// args aliases the machine's stack: copy it.
			return rt.NewVector(args), nil
		}},
		prim("vector-length", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				v, err := argVector(w, args[0])
				if err != nil {
					return nil, err
				}
				return fixnum(len(v.Items)), nil
			}
		}),
		prim("vector-ref", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				v, err := argVector(w, args[0])
				if err != nil {
					return nil, err
				}
				k, err := argRef(w, args, 1, len(v.Items))
				if err != nil {
					return nil, err
				}
				return v.Items[k], nil
			}
		}),
		prim("vector-set!", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				v, err := argVector(w, args[0])
				if err != nil {
					return nil, err
				}
				k, err := argRef(w, args, 1, len(v.Items))
				if err != nil {
					return nil, err
				}
				v.Items[k] = args[2]
				return rt.Unspecified, nil
			}
		}),
		vectorType.toList("vector->list"),
		prim("list->vector", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				items, err := argList(w, args[0])
				if err != nil {
					return nil, err
				}
				return &rt.Vector{Items: nonNil(items)}, nil
			}
		}),
		vectorType.filler("vector-fill!"),
		vectorType.copier("vector-copy", 1),
		vectorType.copierInto("vector-copy!"),
		vectorType.appender("vector-append"),
	)
}

// nonNil keeps an empty vector's slice non-nil, as the other vector
// constructors make it, so that no code has to tell the two apart.
func nonNil(s []rt.Value) []rt.Value {
	if s == nil {
		return []rt.Value{}
	}
	return s
}
