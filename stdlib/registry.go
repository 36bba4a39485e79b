package stdlib

import rt "termite/runtime"

// primitives holds every primitive of this package; each file registers its
// own from an init function.
var primitives []*rt.Primitive

func register(ps ...*rt.Primitive) {
	primitives = append(primitives, ps...)
}
