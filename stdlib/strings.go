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
		&rt.Primitive{Name: "make-string", Min: 1, Max: 2, Fn: makeString},
		&rt.Primitive{Name: "string", Min: 0, Max: rt.Variadic, Fn: func(args []rt.Value) (rt.Value, error) {
			s := make([]rune, len(args))
			for i, a := range args {
				c, err := argChar("string", a)
				if err != nil {
					return nil, err
				}
				s[i] = rune(c)
			}
			return &rt.String{R: s}, nil
		}},
		&rt.Primitive{Name: "string-length", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			s, err := argString("string-length", args[0])
			if err != nil {
				return nil, err
			}
			return fixnum(len(s.R)), nil
		}},
		&rt.Primitive{Name: "string-ref", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			s, err := argString("string-ref", args[0])
			if err != nil {
				return nil, err
			}
			k, err := argRef("string-ref", args, 1, len(s.R))
			if err != nil {
				return nil, err
			}
			return rt.Char(s.R[k]), nil
		}},
		&rt.Primitive{Name: "string-set!", Min: 3, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			s, err := argString("string-set!", args[0])
			if err != nil {
				return nil, err
			}
			k, err := argRef("string-set!", args, 1, len(s.R))
			if err != nil {
				return nil, err
			}
			c, err := argChar("string-set!", args[2])
			if err != nil {
				return nil, err
			}
			s.R[k] = rune(c)
			return rt.Unspecified, nil
		}},
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
		&rt.Primitive{Name: "substring", Min: 3, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			return stringCopy("substring", args)
		}},
		&rt.Primitive{Name: "string-copy", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			return stringCopy("string-copy", args)
		}},
		&rt.Primitive{Name: "string-append", Min: 0, Max: rt.Variadic, Fn: stringAppend},
		&rt.Primitive{Name: "string-copy!", Min: 3, Max: 5, Fn: stringCopyInto},
		&rt.Primitive{Name: "string-fill!", Min: 2, Max: 4, Fn: stringFill},
		&rt.Primitive{Name: "string->list", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			s, start, end, err := stringRange("string->list", args)
			if err != nil {
				return nil, err
			}
			l := rt.Null
			for i := end - 1; i >= start; i-- {
				l = rt.Cons(rt.Char(s.R[i]), l)
			}
			return l, nil
		}},
		&rt.Primitive{Name: "list->string", Min: 1, Max: 1, Fn: listToString},
		&rt.Primitive{Name: "string->vector", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			s, start, end, err := stringRange("string->vector", args)
			if err != nil {
				return nil, err
			}
			items := make([]rt.Value, end-start)
			for i, r := range s.R[start:end] {
				items[i] = rt.Char(r)
			}
			return &rt.Vector{Items: items}, nil
		}},
		&rt.Primitive{Name: "vector->string", Min: 1, Max: 3, Fn: vectorToString},
		stringMap("string-upcase", upcaseString),
		stringMap("string-downcase", downcaseString),
		stringMap("string-foldcase", foldString),
		&rt.Primitive{Name: "string->utf8", Min: 1, Max: 3, Fn: func(args []rt.Value) (rt.Value, error) {
			s, start, end, err := stringRange("string->utf8", args)
			if err != nil {
				return nil, err
			}
			return &rt.Bytevector{B: []byte(string(s.R[start:end]))}, nil
		}},
		&rt.Primitive{Name: "utf8->string", Min: 1, Max: 3, Fn: utf8ToString},
	)
}

// stringRange reads a string and its optional start and end.
func stringRange(who string, args []rt.Value) (s *rt.String, start, end int, err error) {
	if s, err = argString(who, args[0]); err != nil {
		return nil, 0, 0, err
	}
	start, end, err = argRange(who, args, 1, len(s.R))
	return s, start, end, err
}

func makeString(args []rt.Value) (rt.Value, error) {
	k, err := argSize("make-string", args[0], 4)
	if err != nil {
		return nil, err
	}
	fill := ' '
	if len(args) > 1 {
		c, err := argChar("make-string", args[1])
		if err != nil {
			return nil, err
		}
		fill = rune(c)
	}
	s := make([]rune, k)
	for i := range s {
		s[i] = fill
	}
	return &rt.String{R: s}, nil
}

// stringCompare makes a variadic comparison; like the char comparisons it
// checks every argument even after the answer is known.
func stringCompare(name string, fold bool, ok func(int) bool) *rt.Primitive {
	return &rt.Primitive{Name: name, Min: 1, Max: rt.Variadic, Fn: func(args []rt.Value) (rt.Value, error) {
		result := true
		var prev []rune
		for i, a := range args {
			s, err := argString(name, a)
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
	}}
}

func stringCopy(who string, args []rt.Value) (rt.Value, error) {
	s, start, end, err := stringRange(who, args)
	if err != nil {
		return nil, err
	}
	return &rt.String{R: slices.Clone(s.R[start:end])}, nil
}

func stringAppend(args []rt.Value) (rt.Value, error) {
	n := 0
	for _, a := range args {
		s, err := argString("string-append", a)
		if err != nil {
			return nil, err
		}
		n += len(s.R)
	}
	out := make([]rune, 0, n)
	for _, a := range args {
		out = append(out, a.(*rt.String).R...)
	}
	return &rt.String{R: out}, nil
}

// stringCopyInto is string-copy!; Go's copy handles overlapping source
// and destination as R7RS requires.
func stringCopyInto(args []rt.Value) (rt.Value, error) {
	to, err := argString("string-copy!", args[0])
	if err != nil {
		return nil, err
	}
	from, start, end, err := stringRange("string-copy!", args[2:])
	if err != nil {
		return nil, err
	}
	at, err := copyDestination("string-copy!", args, len(to.R), end-start)
	if err != nil {
		return nil, err
	}
	copy(to.R[at:], from.R[start:end])
	return rt.Unspecified, nil
}

func stringFill(args []rt.Value) (rt.Value, error) {
	s, err := argString("string-fill!", args[0])
	if err != nil {
		return nil, err
	}
	c, err := argChar("string-fill!", args[1])
	if err != nil {
		return nil, err
	}
	start, end, err := argRange("string-fill!", args, 2, len(s.R))
	if err != nil {
		return nil, err
	}
	for i := start; i < end; i++ {
		s.R[i] = rune(c)
	}
	return rt.Unspecified, nil
}

func listToString(args []rt.Value) (rt.Value, error) {
	items, err := argList("list->string", args[0])
	if err != nil {
		return nil, err
	}
	s := make([]rune, len(items))
	for i, it := range items {
		c, err := argChar("list->string", it)
		if err != nil {
			return nil, err
		}
		s[i] = rune(c)
	}
	return &rt.String{R: s}, nil
}

func vectorToString(args []rt.Value) (rt.Value, error) {
	v, err := argVector("vector->string", args[0])
	if err != nil {
		return nil, err
	}
	start, end, err := argRange("vector->string", args, 1, len(v.Items))
	if err != nil {
		return nil, err
	}
	s := make([]rune, end-start)
	for i, it := range v.Items[start:end] {
		c, err := argChar("vector->string", it)
		if err != nil {
			return nil, err
		}
		s[i] = rune(c)
	}
	return &rt.String{R: s}, nil
}

func stringMap(name string, f func([]rune) []rune) *rt.Primitive {
	return &rt.Primitive{Name: name, Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
		s, err := argString(name, args[0])
		if err != nil {
			return nil, err
		}
		return &rt.String{R: f(s.R)}, nil
	}}
}

// utf8ToString refuses malformed UTF-8 rather than substituting U+FFFD:
// silently changing data read from a binary port hides bugs.
func utf8ToString(args []rt.Value) (rt.Value, error) {
	bv, err := argBytevector("utf8->string", args[0])
	if err != nil {
		return nil, err
	}
	start, end, err := argRange("utf8->string", args, 1, len(bv.B))
	if err != nil {
		return nil, err
	}
	b := bv.B[start:end]
	if !utf8.Valid(b) {
		return nil, rt.NewError("utf8->string: invalid UTF-8", args[0])
	}
	return rt.NewString(string(b)), nil
}
