package stdlib

import (
	"strings"

	rt "termite/runtime"
)

// SRFI 28: (format FORMAT-STRING OBJ ...) returns a new string. It is a
// primitive because display and write are Go; it calls no procedure.
func init() {
	register(prim("format", 1, rt.Variadic, format))
}

// format interprets the four directives of SRFI 28: ~a (display), ~s
// (write), ~% (newline) and ~~ (a tilde). Any other directive, and a
// directive with no argument left, is an error. Arguments left over are
// ignored: SRFI 28 gives them no meaning, and its sample implementation
// does not complain of them either.
func format(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		fs, err := argString(w, args[0])
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		rest := args[1:]
		next := func(directive rune) (rt.Value, error) {
			if len(rest) == 0 {
				return nil, w.error("too few arguments for ~"+string(directive), fs)
			}
			v := rest[0]
			rest = rest[1:]
			return v, nil
		}
		for i := 0; i < fs.Len(); i++ {
			if c := fs.Ref(i); c != '~' {
				b.WriteRune(c)
				continue
			}
			i++
			if i == fs.Len() {
				return nil, w.error("incomplete directive at end of format string", fs)
			}
			switch d := fs.Ref(i); d {
			case 'a':
				v, err := next(d)
				if err != nil {
					return nil, err
				}
				if err := rt.Display(&b, v); err != nil {
					return nil, err
				}
			case 's':
				v, err := next(d)
				if err != nil {
					return nil, err
				}
				if err := rt.Write(&b, v); err != nil {
					return nil, err
				}
			case '%':
				b.WriteByte('\n')
			case '~':
				b.WriteByte('~')
			default:
				return nil, w.error("unknown directive ~"+string(d), fs)
			}
		}
		return rt.NewString(b.String()), nil
	}
}
