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
		prim("bytevector-length", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				bv, err := argBytevector(w, args[0])
				if err != nil {
					return nil, err
				}
				return fixnum(len(bv.B)), nil
			}
		}),
		prim("bytevector-u8-ref", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				bv, err := argBytevector(w, args[0])
				if err != nil {
					return nil, err
				}
				k, err := argRef(w, args, 1, len(bv.B))
				if err != nil {
					return nil, err
				}
				return fixnum(int(bv.B[k])), nil
			}
		}),
		prim("bytevector-u8-set!", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				bv, err := argBytevector(w, args[0])
				if err != nil {
					return nil, err
				}
				k, err := argRef(w, args, 1, len(bv.B))
				if err != nil {
					return nil, err
				}
				x, err := argByte(w, args[2])
				if err != nil {
					return nil, err
				}
				bv.B[k] = x
				return rt.Unspecified, nil
			}
		}),
		bytevectorType.copier("bytevector-copy", 1),
		bytevectorType.copierInto("bytevector-copy!"),
		bytevectorType.appender("bytevector-append"),
	)
}
