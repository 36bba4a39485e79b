package stdlib

import (
	"sync"

	rt "termite/runtime"
)

// The sorts of SRFI 132 and 95 are written in Scheme (scheme/srfi-132.scm)
// since the ordering is usually a Scheme procedure, which a primitive may
// not call. But the ordering is very often one of the comparison
// primitives themselves (<, string<?, char<? ...), whose Go function is
// pure and returns at once: sorting with it in Go is safe, and about a
// hundred times faster than interpreting the merge sort.
func init() {
	register(&rt.Primitive{Name: "%sort-list", Min: 2, Max: 2, Fn: sortListPrimitive})
}

// sortableNames are the primitives %sort-list may call: pure comparisons
// of two arguments, which neither block nor touch the machine.
var sortableNames = []string{
	"<", ">", "<=", ">=",
	"char<?", "char>?", "char<=?", "char>=?",
	"char-ci<?", "char-ci>?", "char-ci<=?", "char-ci>=?",
	"string<?", "string>?", "string<=?", "string>=?",
	"string-ci<?", "string-ci>?", "string-ci<=?", "string-ci>=?",
}

var (
	sortableOnce sync.Once
	sortable     map[*rt.Primitive]bool
)

// sortablePrimitive returns the primitive behind v when it is one of
// sortableNames. Identity, not the name, decides: the registered objects
// are the only ones the machine calls by these names.
func sortablePrimitive(v rt.Value) *rt.Primitive {
	sortableOnce.Do(func() {
		sortable = map[*rt.Primitive]bool{}
		for _, p := range primitives {
			for _, name := range sortableNames {
				if p.Name == name {
					sortable[p] = true
				}
			}
		}
	})
	p, ok := v.(*rt.Primitive)
	if !ok || !sortable[p] {
		return nil
	}
	return p
}

// sortListPrimitive is (%sort-list less? list): the sorted list, or #f when
// less? is not a sortable primitive and the caller must sort in Scheme.
// It mirrors %list-sort of srfi-132.scm step for step (same split, same
// merge rule), so that both make the same comparisons and give the same
// result, whatever the ordering, even a non-strict one like <=.
func sortListPrimitive(args []rt.Value) (rt.Value, error) {
	p := sortablePrimitive(args[0])
	if p == nil {
		return rt.False, nil
	}
	// The error names list-sort, the procedure the program called.
	items, err := argList("list-sort", args[1])
	if err != nil {
		return nil, err
	}
	s := mergeSorter{less: p, buf: make([]rt.Value, len(items))}
	if err := s.sort(items); err != nil {
		return nil, err
	}
	return rt.List(items...), nil
}

type mergeSorter struct {
	less *rt.Primitive
	buf  []rt.Value // scratch space for merging, as long as the input
	arg  [2]rt.Value
}

// before reports (less? a b).
func (s *mergeSorter) before(a, b rt.Value) (bool, error) {
	s.arg[0], s.arg[1] = a, b
	v, err := s.less.Fn(s.arg[:])
	if err != nil {
		return false, err
	}
	return rt.IsTrue(v), nil
}

// sort sorts v in place: the first half (rounded down) and the rest are
// sorted, then merged taking the right element only when it is strictly
// before the left one, which keeps the sort stable.
func (s *mergeSorter) sort(v []rt.Value) error {
	n := len(v)
	if n == 2 {
		swap, err := s.before(v[1], v[0])
		if err != nil {
			return err
		}
		if swap {
			v[0], v[1] = v[1], v[0]
		}
		return nil
	}
	if n < 2 {
		return nil
	}
	half := n / 2
	if err := s.sort(v[:half]); err != nil {
		return err
	}
	if err := s.sort(v[half:]); err != nil {
		return err
	}
	left := s.buf[:half]
	copy(left, v[:half])
	i, j, k := 0, half, 0
	for i < half && j < n {
		right, err := s.before(v[j], left[i])
		if err != nil {
			return err
		}
		if right {
			v[k] = v[j]
			j++
		} else {
			v[k] = left[i]
			i++
		}
		k++
	}
	// What is left of the right half is already in place.
	copy(v[k:], left[i:])
	return nil
}
