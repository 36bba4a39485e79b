package stdlib

import (
	"strings"

	rt "termite/runtime"
)

// primitives holds every primitive of this package; each file registers its
// own from an init function.
var primitives []*rt.Primitive

func register(ps ...*rt.Primitive) {
	primitives = append(primitives, ps...)
}

// fn is the Go function of a primitive.
type fn = func(args []rt.Value) (rt.Value, error)

// who is the name a primitive gives in the errors it reports: its own,
// but without the % of the internal primitives that Scheme wrappers call
// under the R7RS name (%write-char for write-char).
type who string

// prim declares the primitive name that takes min to max arguments (max
// rt.Variadic for any number). body receives the primitive's who, for its
// argument checks and errors, and returns the primitive's function, a
// closure over it: so the name is written once, and a call costs no more
// than if it were written in the function, where a wrapper passing it to
// the body would add a second call to every call of a primitive.
//
// prim is not inlined: where it is, into an init function, the compiler
// copies each body's closure into init and, init being big, inlines no
// calls in the copy (argChar and the like), which costs the call of a
// primitive a nanosecond or two.
//
//go:noinline
func prim(name string, min, max int, body func(w who) fn) *rt.Primitive {
	return &rt.Primitive{Name: name, Min: min, Max: max, Fn: body(who(strings.TrimPrefix(name, "%")))}
}

// error returns the error object "WHO: msg" with the irritants.
func (w who) error(msg string, irritants ...rt.Value) *rt.ErrorObject {
	return rt.NewError(string(w)+": "+msg, irritants...)
}

// typeError reports that w wanted a want and got got.
func (w who) typeError(want string, got rt.Value) *rt.ErrorObject {
	return rt.TypeError(string(w), want, got)
}
