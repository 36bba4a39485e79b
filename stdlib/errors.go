package stdlib

import rt "termite/runtime"

// Error objects (R7RS 6.11). raise and its kin are in scheme/control.scm.
func init() {
	register(
		&rt.Primitive{Name: "error", Min: 1, Max: rt.Variadic, Fn: func(a []rt.Value) (rt.Value, error) {
			msg, ok := a[0].(*rt.String)
			if !ok {
				// Gambit and chibi accept any object as the message.
				return nil, rt.NewError(rt.DisplayString(a[0]), append([]rt.Value(nil), a[1:]...)...)
			}
			return nil, rt.NewError(msg.String(), append([]rt.Value(nil), a[1:]...)...)
		}},
		prim("%make-error", 2, 2, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				irritants, ok := rt.ListToSlice(a[1])
				if !ok {
					return nil, w.typeError("list", a[1])
				}
				return rt.NewError(rt.DisplayString(a[0]), irritants...), nil
			}
		}),
		&rt.Primitive{Name: "error-object?", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			_, ok := a[0].(*rt.ErrorObject)
			return rt.MakeBool(ok), nil
		}},
		prim("error-object-message", 1, 1, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				e, ok := a[0].(*rt.ErrorObject)
				if !ok {
					return nil, w.typeError("error object", a[0])
				}
				return rt.NewString(e.Message), nil
			}
		}),
		prim("error-object-irritants", 1, 1, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				e, ok := a[0].(*rt.ErrorObject)
				if !ok {
					return nil, w.typeError("error object", a[0])
				}
				return rt.List(e.Irritants...), nil
			}
		}),
		&rt.Primitive{Name: "file-error?", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			e, ok := a[0].(*rt.ErrorObject)
			return rt.MakeBool(ok && e.Kind == rt.FileError), nil
		}},
		&rt.Primitive{Name: "read-error?", Min: 1, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			e, ok := a[0].(*rt.ErrorObject)
			return rt.MakeBool(ok && e.Kind == rt.ReadError), nil
		}},
	)
}
