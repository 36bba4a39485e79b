package stdlib

import rt "termite/runtime"

func init() {
	register(
		&rt.Primitive{Name: "symbol?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(*rt.Symbol)
			return rt.MakeBool(ok), nil
		}},
		prim("symbol=?", 2, rt.Variadic, symbolEq),
		prim("symbol->string", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, ok := args[0].(*rt.Symbol)
				if !ok {
					return nil, w.typeError("symbol", args[0])
				}
				// A fresh string each time: mutating it must not rename the
				// symbol or affect other callers.
				return rt.NewString(s.Name), nil
			}
		}),
		prim("string->symbol", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				return rt.InternMadeUp(s.String()), nil
			}
		}),
		prim("string->uninterned-symbol", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				return &rt.Symbol{Name: s.String()}, nil
			}
		}),
		prim("gensym", 0, 1, gensym),
	)
}

func symbolEq(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		result := true
		for _, a := range args {
			s, ok := a.(*rt.Symbol)
			if !ok {
				return nil, w.typeError("symbol", a)
			}
			if s != args[0].(*rt.Symbol) {
				result = false
			}
		}
		return rt.MakeBool(result), nil
	}
}

// gensym takes an optional prefix, a string or a symbol, as Gambit and
// most Lisps do.
func gensym(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		prefix := "g"
		if len(args) > 0 {
			switch p := args[0].(type) {
			case *rt.String:
				prefix = p.String()
			case *rt.Symbol:
				prefix = p.Name
			default:
				return nil, w.typeError("string or symbol", args[0])
			}
		}
		return rt.Gensym(prefix), nil
	}
}
