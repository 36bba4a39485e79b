package runtime

import "testing"

func TestWalk(t *testing.T) {
	a, b := Intern("a"), Intern("b")
	cyc := List(a, &Vector{Items: []Value{b, MakeFixnum(1)}})
	cyc.(*Pair).Cdr.(*Pair).Cdr = cyc // (a #(b 1) . <itself>)
	var leaves []string
	Walk(cyc, func(v Value) bool {
		switch v.(type) {
		case *Pair, *Vector:
		default:
			leaves = append(leaves, WriteString(v))
		}
		return true
	})
	if got := len(leaves); got != 3 {
		t.Errorf("visited %v, want a, b and 1 once each", leaves)
	}
	n := 0
	Walk(List(a, a, a), func(v Value) bool {
		if v == Value(a) {
			n++
		}
		return n < 2
	})
	if n != 2 {
		t.Errorf("Walk went on after visit returned false: %d visits", n)
	}
}
