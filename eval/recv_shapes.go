package eval

import rt "termite/runtime"

// A recv whose clauses all test something of the message passes over, in
// Go, the messages that cannot match: its loop calls
// (%recv-next-matching deadline 'SHAPES) where a plain recv calls
// (%recv-next deadline), and the clauses' own code runs only on the
// messages left, which it tests in full (guards, unquoted values and
// repeated variables included). A shape is what a pattern asks of a value,
// as data, so that code holding it can travel:
//
//	#t                 anything
//	(%same . D)        a value eq? or equal? to D (a literal or quoted datum)
//	(%pair A . B)      a pair whose car is A and whose cdr is B
//	(%vector S...)     a vector of as many items as shapes S
//
// A shape may accept a message the clause refuses, never the reverse:
// what a shape cannot tell (a pattern variable, an unquoted value, a form
// it does not know) is #t.
var (
	shapeSame   = rt.Intern("%same")
	shapePair   = rt.Intern("%pair")
	shapeVector = rt.Intern("%vector")
)

// maxShapeDepth bounds the walk of a shape: the code holding one may come
// from another node, and a shape nested deeper (or a cyclic one) is #t
// from there down.
const maxShapeDepth = 64

// recvShapes returns the shapes of clauses, or false when some clause can
// match any message: then every message must go through the clauses'
// code anyway.
func (x *expander) recvShapes(clauses []*matchClause, sc *scope) (rt.Value, bool) {
	if len(clauses) == 0 {
		return nil, false
	}
	shapes := make([]rt.Value, len(clauses))
	for i, c := range clauses {
		shapes[i] = x.shape(c.pattern, sc, 0)
		if shapes[i] == rt.True {
			return nil, false
		}
	}
	return rt.List(shapes...), true
}

// shape returns the shape of pattern p, read as matcher.pattern reads it.
func (x *expander) shape(p rt.Value, sc *scope, depth int) rt.Value {
	if depth > maxShapeDepth {
		return rt.True
	}
	switch q := p.(type) {
	case *rt.Symbol, *Ident:
		return rt.True // a variable, or _
	case *rt.Pair:
		switch {
		case x.isGlobalName(q.Car, sc, "quote"):
			if rest, ok := q.Cdr.(*rt.Pair); ok && rest.Cdr == rt.Null {
				return rt.Cons(shapeSame, rest.Car)
			}
			return rt.True
		case x.isGlobalName(q.Car, sc, "unquote"), x.isGlobalName(q.Car, sc, "unquote-splicing"),
			x.isGlobalName(q.Car, sc, "quasiquote"):
			return rt.True
		}
		car, cdr := x.shape(q.Car, sc, depth+1), x.shape(q.Cdr, sc, depth+1)
		return rt.Cons(shapePair, rt.Cons(car, cdr))
	case *rt.Vector:
		items := make([]rt.Value, len(q.Items))
		for i, it := range q.Items {
			items[i] = x.shape(it, sc, depth+1)
		}
		return rt.Cons(shapeVector, rt.List(items...))
	}
	return rt.Cons(shapeSame, p) // a literal, or ()
}

// maxShapeClauses bounds the walk of a list of shapes, for the same
// reason; a recv with more clauses than that tests only the first ones.
const maxShapeClauses = 1 << 12

// matchShapes reports whether v matches one of the shapes in the list
// shapes.
func matchShapes(shapes, v rt.Value) bool {
	for range maxShapeClauses {
		p, ok := shapes.(*rt.Pair)
		if !ok {
			return shapes != rt.Null // past the end of a list that is not one: no test
		}
		if matchShape(p.Car, v, 0) {
			return true
		}
		shapes = p.Cdr
	}
	return true
}

// matchShape reports whether v matches shape s, or may: anything that is
// not a shape matches.
func matchShape(s, v rt.Value, depth int) bool {
	for ; depth <= maxShapeDepth; depth++ {
		sp, ok := s.(*rt.Pair)
		if !ok {
			return true
		}
		switch sp.Car {
		case shapeSame:
			return rt.Eq(sp.Cdr, v) || rt.Equal(sp.Cdr, v)
		case shapePair:
			parts, ok := sp.Cdr.(*rt.Pair)
			if !ok {
				return true
			}
			vp, ok := v.(*rt.Pair)
			if !ok {
				return false
			}
			if !matchShape(parts.Car, vp.Car, depth+1) {
				return false
			}
			s, v = parts.Cdr, vp.Cdr
		case shapeVector:
			vv, ok := v.(*rt.Vector)
			if !ok {
				return false
			}
			items := sp.Cdr
			for _, it := range vv.Items {
				ip, ok := items.(*rt.Pair)
				if !ok {
					return items != rt.Null // fewer shapes than items, or no list
				}
				if !matchShape(ip.Car, it, depth+1) {
					return false
				}
				items = ip.Cdr
			}
			return !isPair(items) // more shapes than items: no match
		default:
			return true
		}
	}
	return true
}

func isPair(v rt.Value) bool {
	_, ok := v.(*rt.Pair)
	return ok
}
