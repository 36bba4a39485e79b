package stdlib

import (
	"slices"

	rt "termite/runtime"
)

func init() {
	register(
		&rt.Primitive{Name: "bytevector?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(*rt.Bytevector)
			return rt.MakeBool(ok), nil
		}},
		&rt.Primitive{Name: "make-bytevector", Min: 1, Max: 2, Fn: makeBytevector},
		&rt.Primitive{Name: "bytevector", Min: 0, Max: rt.Variadic, Fn: func(args []rt.Value) (rt.Value, error) {
			b := make([]byte, len(args))
			for i, a := range args {
				x, err := argByte("bytevector", a)
				if err != nil {
					return nil, err
				}
				b[i] = x
			}
			return &rt.Bytevector{B: b}, nil
		}},
		&rt.Primitive{Name: "bytevector-length", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			bv, err := argBytevector("bytevector-length", args[0])
			if err != nil {
				return nil, err
			}
			return fixnum(len(bv.B)), nil
		}},
		&rt.Primitive{Name: "bytevector-u8-ref", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			bv, err := argBytevector("bytevector-u8-ref", args[0])
			if err != nil {
				return nil, err
			}
			k, err := argRef("bytevector-u8-ref", args, 1, len(bv.B))
			if err != nil {
				return nil, err
			}
			return fixnum(int(bv.B[k])), nil
		}},
		&rt.Primitive{Name: "bytevector-u8-set!", Min: 3, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			bv, err := argBytevector("bytevector-u8-set!", args[0])
			if err != nil {
				return nil, err
			}
			k, err := argRef("bytevector-u8-set!", args, 1, len(bv.B))
			if err != nil {
				return nil, err
			}
			x, err := argByte("bytevector-u8-set!", args[2])
			if err != nil {
				return nil, err
			}
			bv.B[k] = x
			return rt.Unspecified, nil
		}},
		&rt.Primitive{Name: "bytevector-copy", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			bv, start, end, err := bytevectorRange("bytevector-copy", args)
			if err != nil {
				return nil, err
			}
			return &rt.Bytevector{B: slices.Clone(bv.B[start:end])}, nil
		}},
		&rt.Primitive{Name: "bytevector-copy!", Min: 3, Max: 5, Fn: bytevectorCopyInto},
		&rt.Primitive{Name: "bytevector-append", Min: 0, Max: rt.Variadic, Fn: bytevectorAppend},
	)
}

// bytevectorRange reads a bytevector and its optional start and end.
func bytevectorRange(who string, args []rt.Value) (bv *rt.Bytevector, start, end int, err error) {
	if bv, err = argBytevector(who, args[0]); err != nil {
		return nil, 0, 0, err
	}
	start, end, err = argRange(who, args, 1, len(bv.B))
	return bv, start, end, err
}

func makeBytevector(args []rt.Value) (rt.Value, error) {
	k, err := argSize("make-bytevector", args[0], 1)
	if err != nil {
		return nil, err
	}
	var fill byte
	if len(args) > 1 {
		if fill, err = argByte("make-bytevector", args[1]); err != nil {
			return nil, err
		}
	}
	b := make([]byte, k)
	if fill != 0 {
		for i := range b {
			b[i] = fill
		}
	}
	return &rt.Bytevector{B: b}, nil
}

func bytevectorCopyInto(args []rt.Value) (rt.Value, error) {
	to, err := argBytevector("bytevector-copy!", args[0])
	if err != nil {
		return nil, err
	}
	from, start, end, err := bytevectorRange("bytevector-copy!", args[2:])
	if err != nil {
		return nil, err
	}
	at, err := copyDestination("bytevector-copy!", args, len(to.B), end-start)
	if err != nil {
		return nil, err
	}
	copy(to.B[at:], from.B[start:end])
	return rt.Unspecified, nil
}

func bytevectorAppend(args []rt.Value) (rt.Value, error) {
	n := 0
	for _, a := range args {
		bv, err := argBytevector("bytevector-append", a)
		if err != nil {
			return nil, err
		}
		n += len(bv.B)
	}
	b := make([]byte, 0, n)
	for _, a := range args {
		b = append(b, a.(*rt.Bytevector).B...)
	}
	return &rt.Bytevector{B: b}, nil
}
