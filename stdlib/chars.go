package stdlib

import (
	"unicode"
	"unicode/utf8"

	rt "termite/runtime"
)

func init() {
	register(
		&rt.Primitive{Name: "char?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(rt.Char)
			return rt.MakeBool(ok), nil
		}},
		prim("char->integer", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				c, err := argChar(w, args[0])
				if err != nil {
					return nil, err
				}
				return rt.MakeFixnum(int64(c)), nil
			}
		}),
		prim("integer->char", 1, 1, integerToChar),
		charCompare("char=?", false, func(a, b rune) bool { return a == b }),
		charCompare("char<?", false, func(a, b rune) bool { return a < b }),
		charCompare("char>?", false, func(a, b rune) bool { return a > b }),
		charCompare("char<=?", false, func(a, b rune) bool { return a <= b }),
		charCompare("char>=?", false, func(a, b rune) bool { return a >= b }),
		charCompare("char-ci=?", true, func(a, b rune) bool { return a == b }),
		charCompare("char-ci<?", true, func(a, b rune) bool { return a < b }),
		charCompare("char-ci>?", true, func(a, b rune) bool { return a > b }),
		charCompare("char-ci<=?", true, func(a, b rune) bool { return a <= b }),
		charCompare("char-ci>=?", true, func(a, b rune) bool { return a >= b }),
		charPredicate("char-alphabetic?", isAlphabetic),
		charPredicate("char-numeric?", unicode.IsDigit),
		charPredicate("char-whitespace?", func(r rune) bool { return unicode.Is(unicode.White_Space, r) }),
		charPredicate("char-upper-case?", isUppercase),
		charPredicate("char-lower-case?", isLowercase),
		prim("digit-value", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				c, err := argChar(w, args[0])
				if err != nil {
					return nil, err
				}
				if d := digitValue(rune(c)); d >= 0 {
					return fixnum(d), nil
				}
				return rt.False, nil
			}
		}),
		charMap("char-upcase", unicode.ToUpper),
		charMap("char-downcase", unicode.ToLower),
		charMap("char-foldcase", foldRune),
	)
}

func integerToChar(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		n, ok := args[0].(rt.Fixnum)
		if !ok {
			if rt.IsExactInteger(args[0]) {
				return nil, w.error("not a Unicode scalar value", args[0])
			}
			return nil, w.typeError("exact integer", args[0])
		}
		if n.Int() < 0 || n.Int() > unicode.MaxRune || !utf8.ValidRune(rune(n.Int())) {
			return nil, w.error("not a Unicode scalar value", args[0])
		}
		return rt.Char(n.Int()), nil
	}
}

// charCompare makes a variadic comparison that checks every argument's
// type even after the answer is known, so that a type error is never
// hidden by an early false.
func charCompare(name string, fold bool, cmp func(a, b rune) bool) *rt.Primitive {
	return prim(name, 2, rt.Variadic, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			result := true
			var prev rune
			for i, a := range args {
				c, err := argChar(w, a)
				if err != nil {
					return nil, err
				}
				r := rune(c)
				if fold {
					r = foldRune(r)
				}
				if i > 0 && !cmp(prev, r) {
					result = false
				}
				prev = r
			}
			return rt.MakeBool(result), nil
		}
	})
}

func charPredicate(name string, pred func(rune) bool) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			c, err := argChar(w, args[0])
			if err != nil {
				return nil, err
			}
			return rt.MakeBool(pred(rune(c))), nil
		}
	})
}

func charMap(name string, f func(rune) rune) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			c, err := argChar(w, args[0])
			if err != nil {
				return nil, err
			}
			return rt.Char(f(rune(c))), nil
		}
	})
}
