package stdlib

import (
	"unicode/utf8"

	rt "termite/runtime"
)

func init() {
	register(
		&rt.Primitive{Name: "string?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(*rt.String)
			return rt.MakeBool(ok), nil
		}},
		prim("make-string", 1, 2, makeString),
		stringType.constructor("string"),
		prim("string-length", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				return fixnum(s.Len()), nil
			}
		}),
		prim("string-ref", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				k, err := argRef(w, args, 1, s.Len())
				if err != nil {
					return nil, err
				}
				return rt.Char(s.Ref(k)), nil
			}
		}),
		prim("string-set!", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				k, err := argRef(w, args, 1, s.Len())
				if err != nil {
					return nil, err
				}
				c, err := argChar(w, args[2])
				if err != nil {
					return nil, err
				}
				s.Set(k, rune(c))
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
		prim("substring", 3, 3, stringCopy),
		prim("string-copy", 1, 3, stringCopy),
		prim("string-append", 0, rt.Variadic, stringAppend),
		prim("string-copy!", 3, 5, stringCopyInto),
		prim("string-fill!", 2, 4, stringFill),
		stringType.toList("string->list"),
		stringType.fromList("list->string"),
		converter("string->vector", stringType, vectorType),
		converter("vector->string", vectorType, stringType),
		stringMap("string-upcase", upcaseString),
		stringMap("string-downcase", downcaseString),
		stringMap("string-foldcase", foldString),
		prim("string->utf8", 1, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, start, end, err := argStringSpan(w, args)
				if err != nil {
					return nil, err
				}
				s = s.Slice(start, end)
				return &rt.Bytevector{B: s.AppendUTF8(make([]byte, 0, s.Len()))}, nil
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
			var prev *rt.String
			for i, a := range args {
				s, err := argString(w, a)
				if err != nil {
					return nil, err
				}
				if fold {
					s = foldString(s)
				}
				if i > 0 && result && !ok(prev.Compare(s)) {
					result = false
				}
				prev = s
			}
			return rt.MakeBool(result), nil
		}
	})
}

func stringMap(name string, f func(*rt.String) *rt.String) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			s, err := argString(w, args[0])
			if err != nil {
				return nil, err
			}
			return f(s), nil
		}
	})
}

// The procedures that make, copy, join and fill strings are written for
// strings, not with seqType as those of vectors and bytevectors are: a
// string keeps its characters narrow or wide inside the runtime, and these
// are too hot to work on a copy of them as runes.

// makeString is (make-string k [fill]). The size limit counts 4 bytes a
// character, as a string may become wide.
func makeString(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		k, err := argSize(w, args[0], 4)
		if err != nil {
			return nil, err
		}
		fill := rt.Char(' ')
		if len(args) > 1 {
			if fill, err = argChar(w, args[1]); err != nil {
				return nil, err
			}
		}
		rt.Charge(k)
		return rt.MakeString(k, rune(fill)), nil
	}
}

// argStringSpan returns the string args[0] and the span of it that its
// optional start and end in args[1] and args[2] give.
func argStringSpan(w who, args []rt.Value) (s *rt.String, start, end int, err error) {
	if s, err = argString(w, args[0]); err != nil {
		return nil, 0, 0, err
	}
	start, end, err = argRange(w, args, 1, s.Len())
	return s, start, end, err
}

// stringCopy is (string-copy s [start end]) and (substring s start end).
func stringCopy(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		s, start, end, err := argStringSpan(w, args)
		if err != nil {
			return nil, err
		}
		rt.Charge(end - start)
		return s.Slice(start, end), nil
	}
}

// stringAppend is (string-append s ...); every argument is checked before
// anything is allocated.
func stringAppend(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		n := 0
		for _, a := range args {
			s, err := argString(w, a)
			if err != nil {
				return nil, err
			}
			n += s.Len()
		}
		rt.Charge(n)
		var b rt.StringBuilder
		b.Grow(n)
		for _, a := range args {
			b.Append(a.(*rt.String))
		}
		return b.Build(), nil
	}
}

// stringCopyInto is (string-copy! to at from [start end]).
func stringCopyInto(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		to, err := argString(w, args[0])
		if err != nil {
			return nil, err
		}
		from, start, end, err := argStringSpan(w, args[2:])
		if err != nil {
			return nil, err
		}
		at, err := copyDestination(w, args, to.Len(), end-start)
		if err != nil {
			return nil, err
		}
		rt.Charge(end - start)
		to.CopyFrom(at, from, start, end)
		return rt.Unspecified, nil
	}
}

// stringFill is (string-fill! s fill [start end]).
func stringFill(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		s, err := argString(w, args[0])
		if err != nil {
			return nil, err
		}
		fill, err := argChar(w, args[1])
		if err != nil {
			return nil, err
		}
		start, end, err := argRange(w, args, 2, s.Len())
		if err != nil {
			return nil, err
		}
		rt.Charge(end - start)
		s.Fill(rune(fill), start, end)
		return rt.Unspecified, nil
	}
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
		return rt.NewStringUTF8(b), nil
	}
}
