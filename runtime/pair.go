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
	ps := NewPairs(len(vals))
	l := tail
	for i := len(vals) - 1; i >= 0; i-- {
		l = ps.Cons(vals[i], l)
	}
	return l
}

// pairBlock is how many pairs Pairs allocates together at most. One
// allocation for several pairs costs half as much as one for each (a list
// of 4: 150 -> 80 ns); a pair keeps its whole block alive, and the bound
// keeps that to a kilobyte: a program that holds on to one pair of a
// list it drops holds at most 31 more.
const pairBlock = 32

// Pairs hands out new pairs, allocated in blocks, for code that knows how
// many pairs it is about to make. The zero value is ready to use, and
// allocates each pair by itself.
type Pairs struct {
	block []Pair
	left  int // pairs announced and not yet allocated
}

// NewPairs returns a source of n pairs: Cons called n times allocates
// about n/pairBlock times. Beyond n, each Cons allocates a pair.
func NewPairs(n int) Pairs { return Pairs{left: n} }

// Cons returns a new pair.
func (s *Pairs) Cons(car, cdr Value) *Pair {
	if len(s.block) == 0 {
		s.refill()
	}
	p := &s.block[0]
	s.block = s.block[1:]
	*p = Pair{car, cdr}
	return p
}

// refill allocates the next block, of at least one pair: out of line, so
// that Cons is inlined.
//
//go:noinline
func (s *Pairs) refill() {
	k := max(min(s.left, pairBlock), 1)
	s.block, s.left = make([]Pair, k), max(s.left-k, 0)
}

// ListBuilder makes a list in order, adding each element at the end
// through a pointer to the last pair: no slice to gather the elements
// first, no reversal after. The zero value is ready to use.
type ListBuilder struct {
	head Value
	last *Pair
}

// Add puts v at the end of the list.
func (b *ListBuilder) Add(v Value) {
	p := &Pair{v, Null}
	if b.last == nil {
		b.head = p
	} else {
		b.last.Cdr = p
	}
	b.last = p
}

// List returns the proper list of the elements added.
func (b *ListBuilder) List() Value {
	return b.ListWithTail(Null)
}

// ListWithTail returns the elements added consed in front of tail, which
// is returned itself when there are none.
func (b *ListBuilder) ListWithTail(tail Value) Value {
	if b.last == nil {
		return tail
	}
	b.last.Cdr = tail
	return b.head
}

// ListToSlice returns the elements of a proper list, and false if l is not
// one (improper or circular); then it returns the elements before the
// end, or those it walked before it saw the cycle. It counts them first,
// to allocate the slice once.
func ListToSlice(l Value) ([]Value, bool) {
	n, proper := walkLength(l)
	if n == 0 {
		return nil, proper
	}
	out := make([]Value, n)
	for i := range out {
		p := l.(*Pair)
		out[i] = p.Car
		l = p.Cdr
	}
	return out, proper
}

// ListLength returns the length of a proper list, or -1 when l is improper
// or circular.
func ListLength(l Value) int {
	if n, proper := walkLength(l); proper {
		return n
	}
	return -1
}

// walkLength walks l to its end, and returns how many pairs it passed and
// whether the end is (). On a circular list it stops once Floyd's slow
// walk meets it, at most twice around.
func walkLength(l Value) (int, bool) {
	n := 0
	slow, _ := l.(*Pair) // a *Pair, compared at no call (see stdlib.walkList)
	for {
		if l == Null {
			Charge(n)
			return n, true
		}
		p, ok := l.(*Pair)
		if !ok {
			Charge(n)
			return n, false
		}
		l = p.Cdr
		n++
		if n&1 == 0 {
			slow = slow.Cdr.(*Pair)
			if slow == l {
				Charge(n)
				return n, false
			}
		}
	}
}
