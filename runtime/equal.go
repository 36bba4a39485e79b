package runtime

import (
	"math"
	"reflect"
)

// Eq reports whether a and b are the same object (eq?). Small exact
// integers, characters and booleans have no identity of their own in this
// representation, so they compare by value; bignums, strings and the other
// heap objects compare by pointer.
func Eq(a, b Value) bool {
	switch x := a.(type) {
	case Fixnum:
		y, ok := b.(Fixnum)
		return ok && x == y
	case Char:
		y, ok := b.(Char)
		return ok && x == y
	case Boolean:
		y, ok := b.(Boolean)
		return ok && x == y
	case Flonum, Compnum:
		// Inexact numbers are unboxed Go values with no identity: the
		// closest thing to "the same object" is the same bits.
		return Eqv(a, b)
	}
	return identical(a, b)
}

// Eqv reports whether a and b are equivalent in the sense of eqv?: numbers
// of the same exactness that are numerically equal (with -0.0 distinct from
// 0.0 and every NaN eqv to every NaN), equal characters, and otherwise the
// same object.
func Eqv(a, b Value) bool {
	switch x := a.(type) {
	case Fixnum:
		y, ok := b.(Fixnum)
		return ok && x == y
	case Char:
		y, ok := b.(Char)
		return ok && x == y
	case Boolean:
		y, ok := b.(Boolean)
		return ok && x == y
	case Flonum:
		y, ok := b.(Flonum)
		return ok && flonumEqv(float64(x), float64(y))
	case Compnum:
		y, ok := b.(Compnum)
		return ok && flonumEqv(real(x), real(y)) && flonumEqv(imag(x), imag(y))
	case *Bignum:
		y, ok := b.(*Bignum)
		return ok && x.I.Cmp(&y.I) == 0
	case *Ratnum:
		y, ok := b.(*Ratnum)
		return ok && x.R.Cmp(&y.R) == 0
	}
	return identical(a, b)
}

func flonumEqv(x, y float64) bool {
	if x != x || y != y {
		return x != x && y != y
	}
	return x == y && math.Signbit(x) == math.Signbit(y)
}

// identical compares with interface ==, which is pointer identity for the
// heap objects. Values of a type Go cannot compare (a struct holding a
// slice, say, defined by some other package) are only identical to
// themselves in the sense that nothing can tell: such a value is never eq?
// to anything, rather than panicking.
func identical(a, b Value) bool {
	switch a.(type) {
	case *Pair, *Symbol, *String, *Vector, *Bytevector, *Record, *Primitive:
		return a == b
	}
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb || ta == nil {
		return ta == tb
	}
	return ta.Comparable() && a == b
}

// equalBudget is how many nodes Equal compares naively before it suspects
// a cycle and switches to the union-find algorithm. Most comparisons are
// of small acyclic data and never pay for the bookkeeping.
const equalBudget = 2000

// Equal reports whether a and b are equal?: pairs, vectors, strings and
// bytevectors compare by content, everything else with Eqv. It terminates
// on circular structure, where two objects are equal when no finite walk
// tells them apart, and it uses no Go stack in proportion to the size or
// depth of the data.
func Equal(a, b Value) bool {
	if eq, ok := equalBounded(a, b); ok {
		return eq
	}
	return equalCyclic(a, b)
}

// equalLeaf compares a and b when at least one is not a pair or a vector.
// It returns done=false when both are pairs or both are vectors of the
// same length, whose contents the caller must compare.
func equalLeaf(a, b Value) (eq, done bool) {
	switch x := a.(type) {
	case *Pair:
		if _, ok := b.(*Pair); ok {
			return false, false
		}
		return false, true
	case *Vector:
		y, ok := b.(*Vector)
		if !ok || len(x.Items) != len(y.Items) {
			return false, true
		}
		return false, false
	case *String:
		y, ok := b.(*String)
		if !ok || len(x.R) != len(y.R) {
			return false, true
		}
		for i, r := range x.R {
			if y.R[i] != r {
				return false, true
			}
		}
		return true, true
	case *Bytevector:
		y, ok := b.(*Bytevector)
		return ok && string(x.B) == string(y.B), true
	}
	return Eqv(a, b), true
}

type equalTask struct{ a, b Value }

// equalBounded compares naively with an explicit stack, giving up
// (ok=false) after equalBudget compound nodes.
func equalBounded(a, b Value) (eq, ok bool) {
	var buf [32]equalTask
	stack := append(buf[:0], equalTask{a, b})
	budget := equalBudget
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for {
			e, done := equalLeaf(t.a, t.b)
			if done {
				if !e {
					return false, true
				}
				break
			}
			if t.a == t.b {
				break
			}
			budget--
			if budget < 0 {
				return false, false
			}
			if p, isPair := t.a.(*Pair); isPair {
				q := t.b.(*Pair)
				stack = append(stack, equalTask{p.Cdr, q.Cdr})
				t = equalTask{p.Car, q.Car}
				continue
			}
			x, y := t.a.(*Vector), t.b.(*Vector)
			for i := len(x.Items) - 1; i >= 0; i-- {
				stack = append(stack, equalTask{x.Items[i], y.Items[i]})
			}
			break
		}
	}
	return true, true
}

// equalCyclic is the union-find equality of Adams and Dybvig: two compound
// nodes found in the same class are assumed equal, which is sound because
// any difference would be found along another path of the walk. Each node
// enters the union-find once, so the walk ends even on cycles.
func equalCyclic(a, b Value) bool {
	uf := unionFind{parent: make(map[Value]Value)}
	stack := []equalTask{{a, b}}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		e, done := equalLeaf(t.a, t.b)
		if done {
			if !e {
				return false
			}
			continue
		}
		if !uf.union(t.a, t.b) {
			continue
		}
		if p, isPair := t.a.(*Pair); isPair {
			q := t.b.(*Pair)
			stack = append(stack, equalTask{p.Cdr, q.Cdr}, equalTask{p.Car, q.Car})
			continue
		}
		x, y := t.a.(*Vector), t.b.(*Vector)
		for i := len(x.Items) - 1; i >= 0; i-- {
			stack = append(stack, equalTask{x.Items[i], y.Items[i]})
		}
	}
	return true
}

// unionFind holds equivalence classes of pairs and vectors, keyed by
// pointer.
type unionFind struct {
	parent map[Value]Value
}

func (u *unionFind) find(x Value) Value {
	root := x
	for {
		p, ok := u.parent[root]
		if !ok || p == root {
			break
		}
		root = p
	}
	// Path compression keeps later finds near O(1).
	for x != root {
		next := u.parent[x]
		u.parent[x] = root
		x = next
	}
	return root
}

// union merges the classes of a and b and reports whether they were
// distinct.
func (u *unionFind) union(a, b Value) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return false
	}
	u.parent[ra] = rb
	return true
}
