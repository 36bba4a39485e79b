package runtime

import (
	"math"
	"reflect"
	"unsafe"
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

// SameWords reports whether the interface words of a and b are the same:
// then a and b are eq?. Made in line, where a == b is a call.
func SameWords(a, b Value) bool {
	x, y := (*[2]unsafe.Pointer)(unsafe.Pointer(&a)), (*[2]unsafe.Pointer)(unsafe.Pointer(&b))
	return x[0] == y[0] && x[1] == y[1]
}

// IdentityTyped reports whether v is of one of the commonest types whose
// values are eq? to another value only when SameWords says so: symbols,
// pairs, fixnums (one representation each) and the empty list. For the
// others, Eq tells.
func IdentityTyped(v Value) bool {
	switch v.(type) {
	case *Symbol, *Pair, Fixnum, *nullType:
		return true
	}
	return false
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

// equalBudget is how many lists and vectors Equal compares naively, in a
// stretch, before it suspects a cycle through cars or vector elements and
// compares as many with union-find; then it goes back to the naive walk.
// Most comparisons are of small acyclic data and never pay for the
// bookkeeping; large acyclic data pays for it on a part only.
const equalBudget = 2000

// Equal reports whether a and b are equal?: pairs, vectors, strings and
// bytevectors compare by content, everything else with Eqv. It terminates
// on circular structure, where two objects are equal when no finite walk
// tells them apart, and it uses no Go stack in proportion to the size or
// depth of the data.
func Equal(a, b Value) bool {
	if eq, done := equalLeaf(a, b); done {
		return eq // most calls compare atoms or strings: no walk to set up
	}
	return equalWalk(a, b)
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
		return ok && x.Equal(y), true
	case *Bytevector:
		y, ok := b.(*Bytevector)
		return ok && string(x.B) == string(y.B), true
	}
	return Eqv(a, b), true
}

type equalTask struct{ a, b Value }

// equalWalk compares a and b with an explicit stack of lists and vectors
// still to compare. A list is walked along its cdrs in a loop, with
// Floyd's cycle detection on the pair of positions: once the two walks are
// both back where they were, the rest has been compared already.
//
// Cycles through cars and vector elements are caught by the interleaved
// equality of Adams and Dybvig ("Efficient nondestructive equality
// checking for trees and graphs", 2008). The walk alternates stretches:
// equalBudget lists and vectors compared naively, then equalBudget merges
// of union-find classes, in which the heads of lists and the vectors
// compared join one class, and two already in one class are assumed equal
// (sound: a difference would be found along another path of the walk).
// The stack carries over from one stretch to the next. It ends because
// each merge joins two classes of a finite set, and between two merging
// stretches a naive one does bounded work.
func equalWalk(a, b Value) bool {
	var buf [32]equalTask
	stack := append(buf[:0], equalTask{a, b})
	var uf *unionFind
	naive, merges := equalBudget, 0 // what is left of this stretch
	steps := 0                      // pairs and vector elements compared
	defer func() { Charge(steps) }()
	for len(stack) > 0 {
		steps++
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		e, done := equalLeaf(t.a, t.b)
		if done {
			if !e {
				return false
			}
			continue
		}
		if t.a == t.b {
			continue
		}
		if naive > 0 {
			if naive--; naive == 0 {
				merges = equalBudget
			}
		} else {
			if uf == nil {
				uf = &unionFind{index: make(map[unsafe.Pointer]int32)}
			}
			if !uf.union(t.a, t.b) {
				continue
			}
			if merges--; merges == 0 {
				naive = equalBudget
			}
		}
		if x, isVec := t.a.(*Vector); isVec {
			y := t.b.(*Vector)
			steps += len(x.Items)
			for i := len(x.Items) - 1; i >= 0; i-- {
				if e, done := equalLeaf(x.Items[i], y.Items[i]); !done {
					stack = append(stack, equalTask{x.Items[i], y.Items[i]})
				} else if !e {
					return false
				}
			}
			continue
		}
		x, y := t.a, t.b
		slowX, slowY := x, y
		for i := 0; ; i++ {
			steps++
			p, q := x.(*Pair), y.(*Pair)
			if e, done := equalLeaf(p.Car, q.Car); !done {
				stack = append(stack, equalTask{p.Car, q.Car})
			} else if !e {
				return false
			}
			x, y = p.Cdr, q.Cdr
			e, done := equalLeaf(x, y)
			if done {
				if !e {
					return false
				}
				break
			}
			if x == y {
				break
			}
			if _, isVec := x.(*Vector); isVec {
				stack = append(stack, equalTask{x, y})
				break
			}
			if i&1 == 1 {
				slowX, slowY = slowX.(*Pair).Cdr, slowY.(*Pair).Cdr
			}
			if x == slowX && y == slowY {
				break
			}
		}
	}
	return true
}

// unionFind holds equivalence classes of pairs and vectors. They are
// numbered by address (a map keyed by pointer hashes faster than one
// keyed by interface), and a class is a tree of numbers in parent.
type unionFind struct {
	index  map[unsafe.Pointer]int32
	parent []int32
}

// id returns the number of v, a pair or a vector.
func (u *unionFind) id(v Value) int32 {
	var p unsafe.Pointer
	switch x := v.(type) {
	case *Pair:
		p = unsafe.Pointer(x)
	case *Vector:
		p = unsafe.Pointer(x)
	}
	i, ok := u.index[p]
	if !ok {
		i = int32(len(u.parent))
		u.index[p] = i
		u.parent = append(u.parent, i)
	}
	return i
}

func (u *unionFind) find(x int32) int32 {
	root := x
	for u.parent[root] != root {
		root = u.parent[root]
	}
	// Path compression keeps later finds near O(1).
	for x != root {
		x, u.parent[x] = u.parent[x], root
	}
	return root
}

// union merges the classes of a and b and reports whether they were
// distinct.
func (u *unionFind) union(a, b Value) bool {
	ra, rb := u.find(u.id(a)), u.find(u.id(b))
	if ra == rb {
		return false
	}
	u.parent[ra] = rb
	return true
}
