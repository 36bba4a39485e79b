package stdlib

import rt "termite/runtime"

func init() {
	register(
		&rt.Primitive{Name: "eq?", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(rt.Eq(args[0], args[1])), nil
		}},
		&rt.Primitive{Name: "eqv?", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(rt.Eqv(args[0], args[1])), nil
		}},
		&rt.Primitive{Name: "equal?", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(rt.Equal(args[0], args[1])), nil
		}},
		&rt.Primitive{Name: "not", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(!rt.IsTrue(args[0])), nil
		}},
		&rt.Primitive{Name: "boolean?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(rt.Boolean)
			return rt.MakeBool(ok), nil
		}},
		prim("boolean=?", 2, rt.Variadic, booleanEq),
	)
}

func booleanEq(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		result := true
		for _, a := range args {
			b, ok := a.(rt.Boolean)
			if !ok {
				return nil, w.typeError("boolean", a)
			}
			if b != args[0].(rt.Boolean) {
				result = false
			}
		}
		return rt.MakeBool(result), nil
	}
}
