package stdlib

import (
	"slices"
	"unicode/utf8"

	rt "termite/runtime"
)

func init() {
	register(
		&rt.Primitive{Name: "string?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(*rt.String)
			return rt.MakeBool(ok), nil
		}},
		stringType.maker("make-string", ' '),
		stringType.constructor("string"),
		prim("string-length", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				return fixnum(len(s.R)), nil
			}
		}),
		prim("string-ref", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				k, err := argRef(w, args, 1, len(s.R))
				if err != nil {
					return nil, err
				}
				return rt.Char(s.R[k]), nil
			}
		}),
		prim("string-set!", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				k, err := argRef(w, args, 1, len(s.R))
				if err != nil {
					return nil, err
				}
				c, err := argChar(w, args[2])
				if err != nil {
					return nil, err
				}
				s.R[k] = rune(c)
				return rt.Unspecified, nil
			}
		}),
		stringCompare("string=?", false, func(c int) bool { return c == 0 }),
		stringCompare("string<?", false, func(c int) bool { return c < 0 }),
		stringCompare("string>?", false, func(c int) bool { return c > 0 }),
		stringCompare("string<=?", false, func(c int) bool { return c <= 0 }),
		stringCompare("string>=?", false, func(c int) bool { return c >= 0 }),
		stringCompare("string-ci=?", true, func(c int) bool { return c == 0 }),
		stringCompare("string-ci<?", true, func(c int) bool { return c < 0 }),
		stringCompare("string-ci>?", true, func(c int) bool { return c > 0 }),
		stringCompare("string-ci<=?", true, func(c int) bool { return c <= 0 }),
		stringCompare("string-ci>=?", true, func(c int) bool { return c >= 0 }),
		stringType.copier("substring", 3),
		stringType.copier("string-copy", 1),
		stringType.appender("string-append"),
		stringType.copierInto("string-copy!"),
		stringType.filler("string-fill!"),
		stringType.toList("string->list"),
		stringType.fromList("list->string"),
		converter("string->vector", stringType, vectorType),
		converter("vector->string", vectorType, stringType),
		stringMap("string-upcase", upcaseString),
		stringMap("string-downcase", downcaseString),
		stringMap("string-foldcase", foldString),
		prim("string->utf8", 1, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := stringType.argSpan(w, args)
				if err != nil {
					return nil, err
				}
				return &rt.Bytevector{B: []byte(string(s))}, nil
			}
		}),
		prim("utf8->string", 1, 3, utf8ToString),
	)
}

// stringCompare makes a variadic comparison; like the char comparisons it
// checks every argument even after the answer is known.
func stringCompare(name string, fold bool, ok func(int) bool) *rt.Primitive {
	return prim(name, 2, rt.Variadic, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			result := true
			var prev []rune
			for i, a := range args {
				s, err := argString(w, a)
				if err != nil {
					return nil, err
				}
				r := s.R
				if fold {
					r = foldString(r)
				}
				if i > 0 && result && !ok(slices.Compare(prev, r)) {
					result = false
				}
				prev = r
			}
			return rt.MakeBool(result), nil
		}
	})
}

func stringMap(name string, f func([]rune) []rune) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			s, err := argString(w, args[0])
			if err != nil {
				return nil, err
			}
			return &rt.String{R: f(s.R)}, nil
		}
	})
}

// utf8ToString refuses malformed UTF-8 rather than substituting U+FFFD:
// silently changing data read from a binary port hides bugs.
func utf8ToString(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		b, err := bytevectorType.argSpan(w, args)
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(b) {
			return nil, w.error("invalid UTF-8", args[0])
		}
		return rt.NewString(string(b)), nil
	}
}
