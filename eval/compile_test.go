package eval

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"termite/reader"
	rt "termite/runtime"
)

// compileOne compiles the first form of src in an interpreter with the
// given primitives bound (as stdlib would bind them).
func compileOne(t *testing.T, src string, prims ...string) *Code {
	t.Helper()
	in := New(Options{})
	for _, name := range prims {
		in.DefinePrimitive(&rt.Primitive{Name: name, Min: 1, Max: 2,
			Fn: func([]rt.Value) (rt.Value, error) { return rt.Unspecified, nil }})
	}
	forms, pos, err := reader.ReadAll([]byte(src), "c.scm")
	if err != nil {
		t.Fatal(err)
	}
	thunk, errObj := in.compileTop(forms[0], &source{file: "c.scm", pos: pos})
	if errObj != nil {
		t.Fatal(rt.WriteString(errObj))
	}
	return thunk.Code
}

// TestCompile checks the shape of compiled code: lexical addressing,
// inlined primitives, proper tail calls, flat closures and boxes.
func TestCompile(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // lines that must appear in the listing, in order
	}{
		{"inline primitive and tail call", `(define (f n) (if (< n 2) n (f (- n 1))))`,
			[]string{"</imm/var 0 2", "jump-false", "return/var 0", "-/imm/var 0 1", "tail-call-global 1 f"}},
		{"an or tested by if branches on each operand", `(define (t a b) (if (or (< a b) (car a)) 1 2))`,
			[]string{"</vars 0 1", "jump-true 4", "car/var 0", "jump-false", "const 1", "return", "const 2"}},
		{"an and tested by if branches on each operand", `(define (t a b) (if (and (< a b) (car a)) 1 2))`,
			[]string{"</vars 0 1", "jump-false 6", "car/var 0", "jump-false 6", "const 1", "return", "const 2"}},
		{"an or's value", `(define (v a b) (list (or (car a) b)))`,
			[]string{"car/var 0", "jump-true-keep 4", "local 1", "tail-call 1"}},
		{"two locals in a row are pushed together", `(define (g a b c) (g c b a))`,
			[]string{"push2 2 1", "local 0", "tail-call-global 3 g"}},
		{"a constant first argument of + is its immediate", `(define (h x) (+ 7 (car x)))`,
			[]string{"car/var 0", "+/imm 7", "return"}},
		{"operands from frame slots", `(define (m a b) (if (< a b) (- a b) (+ (car a) b)))`,
			[]string{"</vars 0 1", "jump-false", "-/vars 0 1", "return", "car/var 0", "local 1", "+", "return"}},
		{"a name never defined is read before the arguments", `(define (u x) (undefined-thing x))`,
			[]string{"global undefined-thing", "local 0", "tail-call 1"}},
		{"constants that are not small fixnums stay constants", `(define (h x) (list (< x 1.5) (- x 4294967296) (- 3 x)))`,
			[]string{"local 0", "const 1.5", "<", "local 0", "const 4294967296", "-", "const 3", "local 0", "-"}},
		{"non-tail call", `(define (g x) (+ 1 (g x)))`,
			[]string{"local 0", "call-global 1 g", "+/imm 1", "return"}},
		{"flat closure", `(define (adder n) (lambda (x) (+ x n)))`,
			[]string{"local 0", "closure 0 free=1", "+/vars 0 free0"}},
		{"assigned variable is boxed", `(define (c n) (set! n (+ n 1)) n)`,
			[]string{"box-local 0", "local-box 0", "set-local-box 0", "local-box 0", "return"}},
		{"named let patches its closure instead of boxing", `(define (r) (let loop ((i 0)) (loop i)))`,
			[]string{"closure 0 free=1", "set-local 0", "local 0", "fix-closure 0 0", "self-tail-call 1"}},
		{"a loop's tail call of itself starts it over", `(define (r) (let loop ((i 0)) (if (< i 9) (loop (+ i 1)) (loop2 i))))`,
			[]string{"self-tail-call 1", "global loop2", "tail-call 1"}},
		{"a loop calls itself plainly when not in tail position", `(define (r) (let loop ((i 0)) (+ 1 (loop i))))`,
			[]string{"local 0", "call-var 1 free0", "+/imm 1", "return"}},
		{"a loop assigned is called plainly", `(define (r) (let loop ((i 0)) (set! loop car) (loop i)))`,
			[]string{"free-box 0", "local 0", "tail-call 1"}},
		{"primitive call", `(define (p x) (car x))`, []string{"car", "return"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			listing := compileOne(t, tc.src, "<", "-", "+", "car").Disassemble()
			rest := listing
			for _, w := range tc.want {
				i := strings.Index(rest, " "+w)
				if i < 0 {
					t.Fatalf("listing lacks %q (in order):\n%s", w, listing)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// TestMaxStack checks that the operand stack a code object claims covers
// the value of a primitive called without arguments.
func TestMaxStack(t *testing.T) {
	in := New(Options{})
	in.DefinePrimitive(&rt.Primitive{Name: "zero-args", Min: 0, Max: 0,
		Fn: func([]rt.Value) (rt.Value, error) { return rt.Unspecified, nil }})
	forms, pos, err := reader.ReadAll([]byte(`(lambda () (zero-args))`), "m.scm")
	if err != nil {
		t.Fatal(err)
	}
	thunk, errObj := in.compileTop(forms[0], &source{file: "m.scm", pos: pos, env: in.program})
	if errObj != nil {
		t.Fatal(rt.WriteString(errObj))
	}
	lam := thunk.Code.Consts[0].(*Closure).Code
	if want := lam.NLocals + 1 + 1; lam.MaxStack < want {
		t.Errorf("MaxStack %d, want at least %d:\n%s", lam.MaxStack, want, lam.Disassemble())
	}
}

// TestCodeHash checks that a code object's identity depends on its
// content only.
func TestCodeHash(t *testing.T) {
	a := compileOne(t, `(define (f x) (* x 2))`, "*")
	b := compileOne(t, `(define (f x) (* x 2))`, "*")
	c := compileOne(t, `(define (f x) (* x 3))`, "*")
	if a.Hash() != b.Hash() {
		t.Error("the same source compiled twice gives different hashes")
	}
	if a.Hash() == c.Hash() {
		t.Error("different code gives the same hash")
	}
	// The constant of an instruction that carries one is code too.
	if compileOne(t, `(define (f x) (+ x 1))`, "+").Hash() == compileOne(t, `(define (f x) (+ x 2))`, "+").Hash() {
		t.Error("(+ x 1) and (+ x 2) have the same hash")
	}
}

// TestCodeTables checks that a function's globals and constants are each
// listed once, however many times it uses them, whether it has few (looked
// for along the list) or many (looked for in a map), and that a NaN is
// never shared.
func TestCodeTables(t *testing.T) {
	for _, n := range []int{3, shortIndex, shortIndex + 1, 3 * shortIndex} {
		var body strings.Builder
		for range 2 {
			for i := range n {
				fmt.Fprintf(&body, " (g%d 's%d)", i, i)
			}
		}
		body.WriteString(" (h +nan.0 +nan.0)")
		code := compileOne(t, "(lambda ()"+body.String()+")").Consts[0].(*Closure).Code
		if len(code.Globals) != n+1 {
			t.Errorf("%d globals used twice each, and h: %d listed", n, len(code.Globals))
		}
		seen := map[*Global]bool{}
		for _, g := range code.Globals {
			if seen[g] {
				t.Errorf("%d globals: %s listed twice", n, g.Name.Name)
			}
			seen[g] = true
		}
		if len(code.Consts) != n+2 {
			t.Errorf("%d symbols used twice each, and two NaNs: %d constants, want %d", n, len(code.Consts), n+2)
		}
	}
}

// TestCodeHashOnDemand checks that the hash, made the first time it is
// asked for, is the same for every goroutine that asks at once (the race
// detector watches), and is what CodeHash computes.
func TestCodeHashOnDemand(t *testing.T) {
	c := compileOne(t, `(define (f x) (lambda (y) (* x y 2)))`, "*")
	hashes := make([][32]byte, 4)
	var wg sync.WaitGroup
	for i := range hashes {
		wg.Go(func() { hashes[i] = c.Hash() })
	}
	wg.Wait()
	for i, h := range hashes {
		if h != CodeHash(c) || h == ([32]byte{}) {
			t.Errorf("goroutine %d got hash %x, want %x", i, h, CodeHash(c))
		}
	}
	if bootCode(1).Hash() != ([32]byte{}) {
		t.Error("boot code has a hash")
	}
}

// TestCodeHashEnvironments checks that the same text compiled in two
// environments, where it refers to different variables, gets two hashes.
func TestCodeHashEnvironments(t *testing.T) {
	in := New(Options{})
	hash := func(env *Environment) [32]byte {
		forms, pos, err := reader.ReadAll([]byte(`(lambda () x)`), "h.scm")
		if err != nil {
			t.Fatal(err)
		}
		thunk, errObj := in.compileTop(forms[0], &source{file: "h.scm", pos: pos, env: env})
		if errObj != nil {
			t.Fatal(rt.WriteString(errObj))
		}
		return thunk.Code.Consts[0].(*Closure).Code.Hash()
	}
	a := hash(newEnvironment("(a)", in.system, 0))
	b := hash(newEnvironment("(b)", in.system, 0))
	if a == b {
		t.Error("(lambda () x) has one hash in two environments, whose x differ")
	}
	if a != hash(newEnvironment("(a)", in.system, 0)) {
		t.Error("the same code in environments of the same name has two hashes")
	}
}

// TestConsumer: the operation that takes a value returned to a pc is found
// past jumps, and a cycle of jumps (which only a crafted code object can
// have) ends the search instead of looping.
func TestConsumer(t *testing.T) {
	code := &Code{Instrs: []Instr{
		{Op: opJump, A: 2},
		{Op: opPop, A: 0},
		{Op: opJump, A: 1},
		{Op: opJump, A: 4},
		{Op: opJump, A: 3},
		{Op: opReturn, A: 0},
	}}
	tests := []struct {
		pc   int
		want Opcode
	}{
		{0, opPop}, {1, opPop}, {5, opReturn}, {3, opJump}, {6, opJump}, {-1, opJump},
	}
	for _, tt := range tests {
		if got := consumer(code, tt.pc); got != tt.want {
			t.Errorf("consumer at %d: %v, want %v", tt.pc, got, tt.want)
		}
	}
}
