package stdlib

import (
	"strings"
	"testing"

	rt "termite/runtime"
)

// lookup finds a registered primitive by name.
func lookup(t *testing.T, name string) *rt.Primitive {
	t.Helper()
	for _, p := range primitives {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no primitive %s", name)
	return nil
}

// call applies the primitive name to args, checking its arity as the
// machine would.
func call(t *testing.T, name string, args ...rt.Value) (rt.Value, error) {
	t.Helper()
	p := lookup(t, name)
	if len(args) < p.Min || p.Max >= 0 && len(args) > p.Max {
		t.Fatalf("%s: %d arguments outside arity %d..%d", name, len(args), p.Min, p.Max)
	}
	return p.Fn(args)
}

// Shorthands for building test values.
func fx(i int) rt.Value             { return rt.MakeFixnum(int64(i)) }
func str(s string) *rt.String       { return rt.NewString(s) }
func ch(r rune) rt.Value            { return rt.Char(r) }
func sym(s string) rt.Value         { return rt.Intern(s) }
func lst(vs ...rt.Value) rt.Value   { return rt.List(vs...) }
func vec(vs ...rt.Value) *rt.Vector { return &rt.Vector{Items: vs} }
func bvec(bs ...byte) *rt.Bytevector {
	if bs == nil {
		bs = []byte{}
	}
	return &rt.Bytevector{B: bs}
}

// primCase is one call and its expected outcome: a value compared with
// equal? (and exactness, since equal? distinguishes 2 from 2.0), or an
// error whose message contains errSub.
type primCase struct {
	name   string
	args   []rt.Value
	want   rt.Value
	errSub string
}

func ok(name string, want rt.Value, args ...rt.Value) primCase {
	return primCase{name: name, args: args, want: want}
}

func fails(name, errSub string, args ...rt.Value) primCase {
	return primCase{name: name, args: args, errSub: errSub}
}

func render(args []rt.Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = rt.WriteString(a)
	}
	return strings.Join(parts, " ")
}

func runCases(t *testing.T, cases []primCase) {
	t.Helper()
	for _, c := range cases {
		got, err := call(t, c.name, c.args...)
		desc := "(" + c.name + " " + render(c.args) + ")"
		switch {
		case c.errSub != "":
			if err == nil {
				t.Errorf("%s = %s, want error containing %q", desc, rt.WriteString(got), c.errSub)
			} else if !strings.Contains(err.Error(), c.errSub) {
				t.Errorf("%s: error %q, want it to contain %q", desc, err.Error(), c.errSub)
			}
		case err != nil:
			t.Errorf("%s: unexpected error %v", desc, err)
		case got == nil:
			t.Errorf("%s returned Go nil", desc)
		case !rt.Equal(got, c.want):
			t.Errorf("%s = %s, want %s", desc, rt.WriteString(got), rt.WriteString(c.want))
		}
	}
}

func TestEveryPrimitiveHasAName(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range primitives {
		if p.Name == "" || p.Fn == nil {
			t.Errorf("malformed primitive %+v", p)
		}
		if seen[p.Name] {
			t.Errorf("primitive %s registered twice", p.Name)
		}
		seen[p.Name] = true
	}
}

func TestEquivalence(t *testing.T) {
	p := lst(fx(1))
	runCases(t, []primCase{
		ok("eq?", rt.True, sym("a"), sym("a")),
		ok("eq?", rt.False, lst(fx(1)), lst(fx(1))),
		ok("eq?", rt.True, p, p),
		ok("eq?", rt.True, rt.Null, rt.Null),
		ok("eq?", rt.True, fx(7), fx(7)),
		ok("eqv?", rt.True, fx(7), fx(7)),
		ok("eqv?", rt.False, fx(2), rt.Flonum(2)),
		ok("eqv?", rt.False, str("a"), str("a")),
		ok("eqv?", rt.True, ch('λ'), ch('λ')),
		ok("equal?", rt.True, str("a"), str("a")),
		ok("equal?", rt.True, lst(fx(1), vec(str("x"))), lst(fx(1), vec(str("x")))),
		ok("equal?", rt.False, lst(fx(1)), lst(fx(2))),
		ok("equal?", rt.True, bvec(1, 2), bvec(1, 2)),
		ok("not", rt.True, rt.False),
		ok("not", rt.False, rt.Null),
		ok("not", rt.False, fx(0)),
		ok("boolean?", rt.True, rt.False),
		ok("boolean?", rt.False, rt.Null),
		ok("boolean=?", rt.True, rt.True, rt.True),
		ok("boolean=?", rt.True, rt.False, rt.False, rt.False),
		ok("boolean=?", rt.False, rt.True, rt.False),
		fails("boolean=?", "expected boolean", rt.True, fx(1)),
		fails("boolean=?", "expected boolean", rt.True, rt.False, fx(1)),
	})
}

func TestEqualOnCycles(t *testing.T) {
	mk := func(n int) rt.Value {
		items := make([]rt.Value, n)
		for i := range items {
			items[i] = sym("a")
		}
		head := rt.List(items...).(*rt.Pair)
		last := head
		for last.Cdr != rt.Null {
			last = last.Cdr.(*rt.Pair)
		}
		last.Cdr = head
		return head
	}
	runCases(t, []primCase{
		ok("equal?", rt.True, mk(2), mk(3)),
		ok("equal?", rt.False, mk(2), lst(sym("a"), sym("a"))),
	})
}

func TestSymbols(t *testing.T) {
	runCases(t, []primCase{
		ok("symbol?", rt.True, sym("a")),
		ok("symbol?", rt.False, str("a")),
		ok("symbol=?", rt.True, sym("a"), sym("a"), sym("a")),
		ok("symbol=?", rt.False, sym("a"), sym("b")),
		fails("symbol=?", "expected symbol", sym("a"), str("a")),
		ok("symbol->string", str("hello world"), sym("hello world")),
		fails("symbol->string", "expected symbol", str("a")),
		ok("string->symbol", sym("λx"), str("λx")),
		fails("string->symbol", "expected string", sym("a")),
	})
	s, _ := call(t, "symbol->string", sym("abc"))
	s.(*rt.String).Set(0, 'z')
	if rt.Intern("abc").Name != "abc" {
		t.Error("mutating the result of symbol->string renamed the symbol")
	}
	u, _ := call(t, "string->uninterned-symbol", str("abc"))
	if u == rt.Intern("abc") || u.(*rt.Symbol).Name != "abc" {
		t.Error("string->uninterned-symbol returned an interned symbol")
	}
	g1, _ := call(t, "gensym")
	g2, _ := call(t, "gensym")
	if g1 == g2 {
		t.Error("gensym returned the same symbol twice")
	}
	g3, _ := call(t, "gensym", str("tmp"))
	g4, _ := call(t, "gensym", sym("loop"))
	if !strings.HasPrefix(g3.(*rt.Symbol).Name, "tmp") || !strings.HasPrefix(g4.(*rt.Symbol).Name, "loop") {
		t.Errorf("gensym ignored its prefix: %s %s", g3.(*rt.Symbol).Name, g4.(*rt.Symbol).Name)
	}
	if g3 == rt.Intern(g3.(*rt.Symbol).Name) {
		t.Error("gensym result is interned")
	}
	if _, err := call(t, "gensym", fx(1)); err == nil {
		t.Error("gensym accepted a number prefix")
	}
}
