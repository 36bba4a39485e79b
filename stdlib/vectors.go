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
		&rt.Primitive{Name: "make-vector", Min: 1, Max: 2, Fn: makeVector},
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
		&rt.Primitive{Name: "vector->list", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			v, start, end, err := vectorRange("vector->list", args)
			if err != nil {
				return nil, err
			}
			return rt.List(v.Items[start:end]...), nil
		}},
		&rt.Primitive{Name: "list->vector", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			items, err := argList("list->vector", args[0])
			if err != nil {
				return nil, err
			}
			if items == nil {
				items = []rt.Value{}
			}
			return &rt.Vector{Items: items}, nil
		}},
		&rt.Primitive{Name: "vector-fill!", Min: 2, Max: 4, Fn: func(args []rt.Value) (rt.Value, error) {
			v, err := argVector("vector-fill!", args[0])
			if err != nil {
				return nil, err
			}
			start, end, err := argRange("vector-fill!", args, 2, len(v.Items))
			if err != nil {
				return nil, err
			}
			for i := start; i < end; i++ {
				v.Items[i] = args[1]
			}
			return rt.Unspecified, nil
		}},
		&rt.Primitive{Name: "vector-copy", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			v, start, end, err := vectorRange("vector-copy", args)
			if err != nil {
				return nil, err
			}
			return &rt.Vector{Items: append([]rt.Value{}, v.Items[start:end]...)}, nil
		}},
		&rt.Primitive{Name: "vector-copy!", Min: 3, Max: 5, Fn: vectorCopyInto},
		&rt.Primitive{Name: "vector-append", Min: 0, Max: rt.Variadic, Fn: vectorAppend},
	)
}

// vectorRange reads a vector and its optional start and end.
func vectorRange(who string, args []rt.Value) (v *rt.Vector, start, end int, err error) {
	if v, err = argVector(who, args[0]); err != nil {
		return nil, 0, 0, err
	}
	start, end, err = argRange(who, args, 1, len(v.Items))
	return v, start, end, err
}

func makeVector(args []rt.Value) (rt.Value, error) {
	k, err := argSize("make-vector", args[0], 16)
	if err != nil {
		return nil, err
	}
	var fill rt.Value = rt.False
	if len(args) > 1 {
		fill = args[1]
	}
	items := make([]rt.Value, k)
	for i := range items {
		items[i] = fill
	}
	return &rt.Vector{Items: items}, nil
}

func vectorCopyInto(args []rt.Value) (rt.Value, error) {
	to, err := argVector("vector-copy!", args[0])
	if err != nil {
		return nil, err
	}
	from, start, end, err := vectorRange("vector-copy!", args[2:])
	if err != nil {
		return nil, err
	}
	at, err := copyDestination("vector-copy!", args, len(to.Items), end-start)
	if err != nil {
		return nil, err
	}
	copy(to.Items[at:], from.Items[start:end])
	return rt.Unspecified, nil
}

func vectorAppend(args []rt.Value) (rt.Value, error) {
	n := 0
	for _, a := range args {
		v, err := argVector("vector-append", a)
		if err != nil {
			return nil, err
		}
		n += len(v.Items)
	}
	items := make([]rt.Value, 0, n)
	for _, a := range args {
		items = append(items, a.(*rt.Vector).Items...)
	}
	return &rt.Vector{Items: items}, nil
}
