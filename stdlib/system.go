package stdlib

import (
	"os"
	"strings"
	"time"

	"termite/eval"
	rt "termite/runtime"
)

// startTime is the origin of current-jiffy.
var startTime = time.Now()

// systemPrimitives are the procedures of (scheme process-context) and
// (scheme time): those that need the interpreter's options are made per
// interpreter.
func systemPrimitives(in *eval.Interp) []*rt.Primitive {
	return []*rt.Primitive{
		{Name: "command-line", Min: 0, Max: 0, Fn: func(a []rt.Value) (rt.Value, error) {
			var b rt.ListBuilder
			for _, s := range in.Options().Args {
				b.Add(rt.NewString(s))
			}
			return b.List(), nil
		}},
		// Its errors name exit, which calls it and which programs call
		// far more often.
		{Name: "emergency-exit", Min: 0, Max: 1, Fn: func(a []rt.Value) (rt.Value, error) {
			code := 0
			if len(a) == 1 {
				switch v := a[0].(type) {
				case rt.Boolean:
					if !v {
						code = 1
					}
				case rt.Fixnum, *rt.Bignum:
					// A status is a byte: the system would keep 256's
					// low byte, 0, and report success.
					i, ok := rt.Int64Of(v)
					if !ok || i < 0 || i > 255 {
						return nil, rt.NewError("exit: status not from 0 to 255", v)
					}
					code = int(i)
				default:
					return nil, rt.TypeError("exit", "integer or boolean", a[0])
				}
			}
			return nil, &eval.ExitError{Code: code}
		}},
		prim("get-environment-variable", 1, 1, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				s, err := argString(w, a[0])
				if err != nil {
					return nil, err
				}
				if v, ok := os.LookupEnv(s.String()); ok {
					return rt.NewString(v), nil
				}
				return rt.False, nil
			}
		}),
		{Name: "get-environment-variables", Min: 0, Max: 0, Fn: func(a []rt.Value) (rt.Value, error) {
			var b rt.ListBuilder
			for _, kv := range os.Environ() {
				k, v, _ := strings.Cut(kv, "=")
				b.Add(rt.Cons(rt.NewString(k), rt.NewString(v)))
			}
			return b.List(), nil
		}},
		{Name: "current-second", Min: 0, Max: 0, Fn: func(a []rt.Value) (rt.Value, error) {
			return rt.Flonum(float64(time.Now().UnixNano()) / 1e9), nil
		}},
		{Name: "current-jiffy", Min: 0, Max: 0, Fn: func(a []rt.Value) (rt.Value, error) {
			return rt.MakeFixnum(int64(time.Since(startTime) / time.Microsecond)), nil
		}},
		{Name: "jiffies-per-second", Min: 0, Max: 0, Fn: func(a []rt.Value) (rt.Value, error) {
			return rt.MakeFixnum(1000000), nil
		}},
	}
}
