package runtime

// Pair is a mutable cons cell.
type Pair struct {
	Car, Cdr Value
}

// Cons returns a new pair.
func Cons(car, cdr Value) *Pair { return &Pair{car, cdr} }

// List returns a proper list of vals.
func List(vals ...Value) Value {
	return ListWithTail(vals, Null)
}

// ListWithTail returns vals consed in front of tail.
func ListWithTail(vals []Value, tail Value) Value {
	l := tail
	for i := len(vals) - 1; i >= 0; i-- {
		l = &Pair{vals[i], l}
	}
	return l
}

// ListToSlice returns the elements of a proper list, and false if l is not
// one (improper or circular).
func ListToSlice(l Value) ([]Value, bool) {
	var out []Value
	slow := l
	for i := 0; ; i++ {
		if l == Null {
			return out, true
		}
		p, ok := l.(*Pair)
		if !ok {
			return out, false
		}
		out = append(out, p.Car)
		l = p.Cdr
		if i&1 == 1 {
			slow = slow.(*Pair).Cdr
			if slow == l {
				return out, false
			}
		}
	}
}

// ListLength returns the length of a proper list, or -1 when l is improper
// or circular.
func ListLength(l Value) int {
	n := 0
	slow := l
	for {
		if l == Null {
			return n
		}
		p, ok := l.(*Pair)
		if !ok {
			return -1
		}
		l = p.Cdr
		n++
		if n&1 == 0 {
			slow = slow.(*Pair).Cdr
			if slow == l {
				return -1
			}
		}
	}
}
