package stdlib

import rt "termite/runtime"

func init() {
	register(
		&rt.Primitive{Name: "bytevector?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(*rt.Bytevector)
			return rt.MakeBool(ok), nil
		}},
		bytevectorType.maker("make-bytevector", 0),
		bytevectorType.constructor("bytevector"),
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
		bytevectorType.copier("bytevector-copy", 1),
		bytevectorType.copierInto("bytevector-copy!"),
		bytevectorType.appender("bytevector-append"),
	)
}
