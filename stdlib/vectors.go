package stdlib

import (
	"slices"

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
			return &rt.Vector{Items: slices.Clone(args)}, nil
		}},
		&rt.Primitive{Name: "vector-length", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			v, err := argVector("vector-length", args[0])
			if err != nil {
				return nil, err
			}
			return fixnum(len(v.Items)), nil
		}},
		&rt.Primitive{Name: "vector-ref", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			v, err := argVector("vector-ref", args[0])
			if err != nil {
				return nil, err
			}
			k, err := argRef("vector-ref", args, 1, len(v.Items))
			if err != nil {
				return nil, err
			}
			return v.Items[k], nil
		}},
		&rt.Primitive{Name: "vector-set!", Min: 3, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			v, err := argVector("vector-set!", args[0])
			if err != nil {
				return nil, err
			}
			k, err := argRef("vector-set!", args, 1, len(v.Items))
			if err != nil {
				return nil, err
			}
			v.Items[k] = args[2]
			return rt.Unspecified, nil
		}},
		vectorType.toList("vector->list"),
		&rt.Primitive{Name: "list->vector", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			items, err := argList("list->vector", args[0])
			if err != nil {
				return nil, err
			}
			return &rt.Vector{Items: nonNil(items)}, nil
		}},
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
