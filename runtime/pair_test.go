package runtime

import "testing"

func TestListBuilder(t *testing.T) {
	var empty ListBuilder
	if got := empty.List(); got != Null {
		t.Errorf("empty builder gave %s", WriteString(got))
	}
	tail := Intern("tail")
	if got := empty.ListWithTail(tail); got != tail {
		t.Errorf("empty builder with a tail gave %s", WriteString(got))
	}
	var b ListBuilder
	for i := 1; i <= 3; i++ {
		b.Add(MakeFixnum(int64(i)))
	}
	if got := WriteString(b.ListWithTail(tail)); got != "(1 2 3 . tail)" {
		t.Errorf("builder gave %s", got)
	}
}

func TestPairs(t *testing.T) {
	for _, n := range []int{0, 1, 2, 31, 32, 33, 100} {
		ps := NewPairs(n)
		seen := map[*Pair]bool{}
		var l Value = Null
		// Three more than announced: those are allocated one by one.
		for i := range n + 3 {
			p := ps.Cons(MakeFixnum(int64(i)), l)
			if seen[p] {
				t.Fatalf("NewPairs(%d): pair %d handed out twice", n, i)
			}
			seen[p] = true
			l = p
		}
		for i := n + 2; i >= 0; i-- {
			p := l.(*Pair)
			if p.Car != MakeFixnum(int64(i)) {
				t.Fatalf("NewPairs(%d): element %d is %s", n, i, WriteString(p.Car))
			}
			l = p.Cdr
		}
		if l != Null {
			t.Fatalf("NewPairs(%d): the list ends in %s", n, WriteString(l))
		}
	}
}

// TestPairsAllocateInBlocks checks what Pairs is for: pairBlock pairs in
// one allocation, and no more.
func TestPairsAllocateInBlocks(t *testing.T) {
	for _, c := range []struct{ n, allocs int }{
		{1, 1}, {pairBlock, 1}, {pairBlock + 1, 2}, {3 * pairBlock, 3},
	} {
		got := testing.AllocsPerRun(10, func() {
			ps := NewPairs(c.n)
			for range c.n {
				ps.Cons(Null, Null)
			}
		})
		if int(got) != c.allocs {
			t.Errorf("%d pairs: %v allocations, want %d", c.n, got, c.allocs)
		}
	}
	var ps Pairs // announced none: one allocation a pair
	if got := testing.AllocsPerRun(10, func() { ps.Cons(Null, Null) }); got != 1 {
		t.Errorf("a pair not announced: %v allocations, want 1", got)
	}
}

func TestListWithTail(t *testing.T) {
	for _, n := range []int{0, 1, 5, pairBlock, pairBlock + 1, 70} {
		vals := make([]Value, n)
		for i := range vals {
			vals[i] = MakeFixnum(int64(i))
		}
		got, ok := ListToSlice(ListWithTail(vals, Null))
		if !ok || len(got) != n {
			t.Fatalf("List of %d: %d elements, proper %v", n, len(got), ok)
		}
		for i, v := range got {
			if v != vals[i] {
				t.Fatalf("List of %d: element %d is %s", n, i, WriteString(v))
			}
		}
	}
}

func TestListToSlice(t *testing.T) {
	a, b, c := Intern("a"), Intern("b"), Intern("c")
	circ := &Pair{a, Null}
	circ.Cdr = &Pair{b, circ}
	for _, x := range []struct {
		l      Value
		want   string // the elements, written as a list
		proper bool
		length int
	}{
		{Null, "()", true, 0},
		{List(a, b, c), "(a b c)", true, 3},
		{ListWithTail([]Value{a, b}, c), "(a b)", false, -1},
		{c, "()", false, -1},
		{circ, "(a b a b)", false, -1}, // twice around: where Floyd's walks meet
	} {
		got, proper := ListToSlice(x.l)
		if w := WriteString(List(got...)); w != x.want || proper != x.proper {
			t.Errorf("ListToSlice(%s) = %s, %v; want %s, %v", WriteString(x.l), w, proper, x.want, x.proper)
		}
		if n := ListLength(x.l); n != x.length {
			t.Errorf("ListLength(%s) = %d, want %d", WriteString(x.l), n, x.length)
		}
	}
	l := List(a, b, c, a, b, c, a, b, c)
	if n := testing.AllocsPerRun(10, func() { ListToSlice(l) }); n != 1 {
		t.Errorf("ListToSlice of 9 elements: %v allocations, want 1", n)
	}
}
