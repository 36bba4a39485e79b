package stdlib

import (
	"math"
	"testing"

	rt "termite/runtime"
)

func circularList(vals ...rt.Value) *rt.Pair {
	head := rt.List(vals...).(*rt.Pair)
	last := head
	for last.Cdr != rt.Null {
		last = last.Cdr.(*rt.Pair)
	}
	last.Cdr = head
	return head
}

func TestLists(t *testing.T) {
	a, b, c := sym("a"), sym("b"), sym("c")
	dotted := rt.ListWithTail([]rt.Value{a, b}, c)
	circ := circularList(a, b)
	alist := lst(rt.Cons(a, fx(1)), rt.Cons(b, fx(2)))
	nested := lst(lst(fx(1), fx(2)), fx(3))
	runCases(t, []primCase{
		ok("pair?", rt.True, rt.Cons(a, b)),
		ok("pair?", rt.False, rt.Null),
		ok("pair?", rt.False, vec(a)),
		ok("cons", rt.Cons(a, b), a, b),
		ok("car", a, rt.Cons(a, b)),
		ok("cdr", b, rt.Cons(a, b)),
		fails("car", "car: expected pair", rt.Null),
		fails("cdr", "cdr: expected pair", fx(1)),
		ok("caar", fx(1), nested),
		ok("cadr", fx(3), nested),
		ok("cdar", lst(fx(2)), nested),
		ok("cddr", rt.Null, nested),
		ok("cadar", fx(2), nested),
		ok("caddr", c, lst(a, b, c)),
		ok("cdddr", rt.Null, lst(a, b, c)),
		ok("cadddr", fx(4), lst(fx(1), fx(2), fx(3), fx(4))),
		ok("cddddr", lst(fx(5)), lst(fx(1), fx(2), fx(3), fx(4), fx(5))),
		ok("caaaar", a, lst(lst(lst(lst(a))))),
		fails("caddr", "caddr: expected list of the right shape", lst(a, b)),
		fails("cadr", "cadr: expected pair", fx(1)),
		ok("null?", rt.True, rt.Null),
		ok("null?", rt.False, lst(a)),
		ok("list?", rt.True, lst(a, b)),
		ok("list?", rt.True, rt.Null),
		ok("list?", rt.False, dotted),
		ok("list?", rt.False, circ),
		ok("list?", rt.False, fx(1)),
		ok("make-list", lst(a, a, a), fx(3), a),
		ok("make-list", rt.Null, fx(0)),
		fails("make-list", "expected exact nonnegative integer", fx(-1)),
		ok("list", lst(a, b), a, b),
		ok("list", rt.Null),
		ok("length", fx(3), lst(a, b, c)),
		ok("length", fx(0), rt.Null),
		fails("length", "length: expected proper list", dotted),
		fails("length", "length: circular list", circ),
		fails("length", "length: expected proper list", fx(1)),
		ok("append", rt.Null),
		ok("append", a, a),
		ok("append", lst(a, b, c), lst(a), lst(b, c)),
		ok("append", rt.ListWithTail([]rt.Value{a, b}, c), lst(a), lst(b), c),
		ok("append", lst(a), rt.Null, lst(a)),
		ok("append", lst(a, b), lst(a, b), rt.Null),
		ok("append", c, rt.Null, c),
		fails("append", "append: expected proper list", dotted, rt.Null),
		fails("append", "append: expected proper list", a, rt.Null),
		fails("append", "append: circular list", circ, rt.Null),
		ok("reverse", lst(c, b, a), lst(a, b, c)),
		ok("reverse", rt.Null, rt.Null),
		fails("reverse", "reverse: expected proper list", dotted),
		ok("list-tail", lst(c), lst(a, b, c), fx(2)),
		ok("list-tail", rt.Null, lst(a, b, c), fx(3)),
		ok("list-tail", c, dotted, fx(2)),
		ok("list-tail", b, rt.Cons(a, b), fx(1)),
		fails("list-tail", "list-tail: index out of range", lst(a), fx(2)),
		fails("list-tail", "exact nonnegative integer", lst(a), fx(-1)),
		ok("list-ref", c, lst(a, b, c), fx(2)),
		ok("list-ref", a, circ, fx(4)),
		fails("list-ref", "list-ref: index out of range", lst(a, b), fx(2)),
		fails("list-ref", "list-ref: expected list", fx(5), fx(0)),
		fails("list-ref", "exact nonnegative integer", lst(a), rt.Flonum(0)),
		fails("list-set!", "list-set!: index out of range", lst(a), fx(1), b),
		ok("list-copy", lst(a, b), lst(a, b)),
		ok("list-copy", dotted, dotted),
		ok("list-copy", fx(5), fx(5)),
		ok("list-copy", rt.Null, rt.Null),
		fails("list-copy", "list-copy: circular list", circ),
		ok("last-pair", lst(c), lst(a, b, c)),
		ok("last-pair", rt.Cons(b, c), dotted),
		fails("last-pair", "last-pair: expected pair", rt.Null),
		fails("last-pair", "circular list", circ),
		ok("memq", lst(b, c), b, lst(a, b, c)),
		ok("memq", rt.False, sym("d"), lst(a, b, c)),
		ok("memq", rt.False, a, rt.Null),
		ok("memq", circ.Cdr, b, circ),
		fails("memq", "memq: circular list", c, circ),
		fails("memq", "memq: expected proper list", c, dotted),
		ok("memv", lst(fx(101), fx(102)), fx(101), lst(fx(100), fx(101), fx(102))),
		ok("memv", rt.False, rt.Flonum(101), lst(fx(100), fx(101))),
		ok("member", lst(lst(a), c), lst(a), lst(b, lst(a), c)),
		ok("member", rt.False, str("x"), lst(str("y"))),
		ok("member", lst(str("x")), str("x"), lst(str("x"))),
		ok("memq", rt.False, lst(a), lst(b, lst(a), c)),
		ok("assq", rt.Cons(b, fx(2)), b, alist),
		ok("assq", rt.False, c, alist),
		ok("assq", rt.False, c, rt.Null),
		fails("assq", "assq: expected association list", c, lst(a)),
		fails("assq", "assq: expected proper list", c, rt.ListWithTail([]rt.Value{rt.Cons(a, b)}, c)),
		ok("assv", rt.Cons(fx(5), fx(7)), fx(5), lst(rt.Cons(fx(2), fx(3)), rt.Cons(fx(5), fx(7)))),
		ok("assoc", lst(lst(a)), lst(a), lst(rt.Cons(b, c), lst(lst(a)))),
		ok("assq", rt.False, lst(a), lst(rt.Cons(b, c), lst(lst(a)))),
		ok("assoc", rt.Cons(rt.Flonum(2), c), rt.Flonum(2), lst(rt.Cons(fx(2), b), rt.Cons(rt.Flonum(2), c))),
	})
}

func TestListMutators(t *testing.T) {
	p := rt.Cons(fx(1), fx(2))
	call(t, "set-car!", p, fx(3))
	call(t, "set-cdr!", p, fx(4))
	if p.Car != fx(3) || p.Cdr != fx(4) {
		t.Errorf("set-car!/set-cdr! gave %s", rt.WriteString(p))
	}
	if _, err := call(t, "set-car!", rt.Null, fx(1)); err == nil {
		t.Error("set-car! accepted ()")
	}
	if _, err := call(t, "set-cdr!", fx(1), fx(1)); err == nil {
		t.Error("set-cdr! accepted a number")
	}
	l := lst(fx(1), fx(2), fx(3))
	call(t, "list-set!", l, fx(1), sym("x"))
	if !rt.Equal(l, lst(fx(1), sym("x"), fx(3))) {
		t.Errorf("list-set! gave %s", rt.WriteString(l))
	}
	// append and list-copy copy their arguments but share the last.
	x, y := lst(fx(1)), lst(fx(2))
	r, _ := call(t, "append", x, y)
	if r.(*rt.Pair) == x || r.(*rt.Pair).Cdr != y {
		t.Error("append must copy all but its last argument and share the last")
	}
	cp, _ := call(t, "list-copy", x)
	if cp == x {
		t.Error("list-copy returned its argument")
	}
}

func TestListsLong(t *testing.T) {
	const n = 1000000
	items := make([]rt.Value, n)
	for i := range items {
		items[i] = fx(i)
	}
	l := rt.List(items...)
	for _, c := range []struct {
		name string
		args []rt.Value
	}{
		{"length", []rt.Value{l}},
		{"reverse", []rt.Value{l}},
		{"append", []rt.Value{l, l}},
		{"list-copy", []rt.Value{l}},
		{"memv", []rt.Value{fx(n - 1), l}},
		{"member", []rt.Value{fx(-1), l}},
		{"last-pair", []rt.Value{l}},
		{"list?", []rt.Value{l}},
		{"equal?", []rt.Value{l, rt.List(items...)}},
	} {
		if _, err := call(t, c.name, c.args...); err != nil {
			t.Errorf("%s on a long list: %v", c.name, err)
		}
	}
}

func TestCxrNames(t *testing.T) {
	n := 0
	for _, p := range primitives {
		name := p.Name
		if len(name) >= 3 && name[0] == 'c' && name[len(name)-1] == 'r' {
			mid := name[1 : len(name)-1]
			allAD := true
			for _, r := range mid {
				if r != 'a' && r != 'd' {
					allAD = false
				}
			}
			if allAD {
				n++
			}
		}
	}
	if n != 2+4+8+16 {
		t.Errorf("%d c[ad]+r procedures, want 30", n)
	}
}

// TestSearchAgreesWithPredicates checks memq, memv, member, assq, assv and
// assoc, whose common key types have comparisons of their own, against
// the definition: the first element (or entry whose car) is eq?, eqv? or
// equal? to the key, found as the very pair that holds it.
func TestSearchAgreesWithPredicates(t *testing.T) {
	wide := str("ab") // wide, with the characters of the narrow "ab"
	wide.Set(0, 'λ')
	wide.Set(0, 'a')
	big, _ := rt.ParseNumber("100000000000000000000", 10)
	big2, _ := rt.ParseNumber("100000000000000000000", 10)
	a := sym("a")
	pool := []rt.Value{
		a, sym("b"), fx(1), fx(2), fx(-7), ch('a'), ch('λ'), str("ab"), str("ab"), wide,
		str("λx"), str("λx"), str(""), rt.Flonum(2), rt.Flonum(math.Copysign(0, -1)), rt.Flonum(0), big, big2,
		lst(a), lst(a), rt.True, rt.False, rt.Null, vec(fx(1)), vec(fx(1)),
	}
	preds := []struct {
		member, assoc string
		same          func(a, b rt.Value) bool
	}{{"memq", "assq", rt.Eq}, {"memv", "assv", rt.Eqv}, {"member", "assoc", rt.Equal}}
	list := lst(pool...)
	var entries []rt.Value
	for i, v := range pool {
		entries = append(entries, rt.Cons(v, fx(i)))
	}
	alist := lst(entries...)
	// The keys searched for are the pool's values and copies of them that
	// are equal but not the same object.
	keys := append([]rt.Value{str("ab"), str("λx"), lst(a), rt.Flonum(2), fx(2), ch('λ')}, pool...)
	for _, p := range preds {
		for _, k := range keys {
			var want, wantEntry rt.Value = rt.False, rt.False
			for l := list; l != rt.Null; l = l.(*rt.Pair).Cdr {
				if p.same(k, l.(*rt.Pair).Car) {
					want = l
					break
				}
			}
			for l := alist; l != rt.Null; l = l.(*rt.Pair).Cdr {
				if e := l.(*rt.Pair).Car.(*rt.Pair); p.same(k, e.Car) {
					wantEntry = e
					break
				}
			}
			if got, err := call(t, p.member, k, list); err != nil || got != want {
				t.Errorf("(%s %s list) = %s, %v; want %s", p.member, rt.WriteString(k), rt.WriteString(got), err, rt.WriteString(want))
			}
			if got, err := call(t, p.assoc, k, alist); err != nil || got != wantEntry {
				t.Errorf("(%s %s alist) = %s, %v; want %s", p.assoc, rt.WriteString(k), rt.WriteString(got), err, rt.WriteString(wantEntry))
			}
		}
	}
}

// TestSearchErrors checks that every kind of key reports the same errors:
// the key types with comparisons of their own walk the list themselves.
func TestSearchErrors(t *testing.T) {
	circ := circularList(fx(1), fx(2))
	circAlist := circularList(rt.Cons(fx(1), fx(1)))
	dotted := rt.ListWithTail([]rt.Value{fx(1)}, fx(2))
	dottedAlist := rt.ListWithTail([]rt.Value{rt.Cons(fx(1), fx(1))}, fx(2))
	var cases []primCase
	for _, k := range []rt.Value{sym("z"), fx(9), ch('z'), str("z"), rt.Flonum(9), lst(fx(9))} {
		for _, name := range []string{"memq", "memv", "member"} {
			cases = append(cases,
				fails(name, name+": circular list", k, circ),
				fails(name, name+": expected proper list", k, dotted),
				fails(name, name+": expected proper list", k, fx(3)))
		}
		for _, name := range []string{"assq", "assv", "assoc"} {
			cases = append(cases,
				fails(name, name+": circular list", k, circAlist),
				fails(name, name+": expected proper list", k, dottedAlist),
				fails(name, name+": expected association list", k, lst(rt.Cons(fx(1), fx(1)), fx(3))))
		}
	}
	runCases(t, cases)
}

// TestAppendCopies checks that append makes new pairs for every list but
// the last, which it shares, across the blocks its pairs come in.
func TestAppendCopies(t *testing.T) {
	items := make([]rt.Value, 70)
	for i := range items {
		items[i] = fx(i)
	}
	l, m := rt.List(items...), rt.List(items[:3]...)
	got, err := call(t, "append", l, l, m)
	if err != nil {
		t.Fatal(err)
	}
	if want := rt.List(append(append(append([]rt.Value{}, items...), items...), items[:3]...)...); !rt.Equal(got, want) {
		t.Fatalf("append gave %s", rt.WriteString(got))
	}
	seen := map[*rt.Pair]bool{}
	for p := l; p != rt.Null; p = p.(*rt.Pair).Cdr {
		seen[p.(*rt.Pair)] = true
	}
	p := got
	for range 140 {
		if seen[p.(*rt.Pair)] {
			t.Fatal("append shares a pair of a list it must copy")
		}
		seen[p.(*rt.Pair)] = true
		p = p.(*rt.Pair).Cdr
	}
	if p != m {
		t.Error("append copied its last list")
	}
}
