package eval_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"termite/eval"
	rt "termite/runtime"
	"termite/stdlib"
)

// allCode returns every code object reachable from the global variables
// of in: the procedures of the library and of whatever in has run.
func allCode(in *eval.Interp) []*eval.Code {
	seen := make(map[*eval.Code]bool)
	var out, work []*eval.Code
	addProc := func(v rt.Value) {
		switch p := v.(type) {
		case *eval.Closure:
			work = append(work, p.Code)
		case *eval.CaseLambda:
			for _, c := range p.Clauses {
				work = append(work, c.Code)
			}
		}
	}
	for g := range in.GlobalNames() {
		if g.Value != nil {
			addProc(g.Value)
		}
	}
	for len(work) > 0 {
		c := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
		work = append(work, c.Children...)
		for _, k := range c.Consts {
			addProc(k)
		}
	}
	return out
}

// TestCheckerAcceptsCompiledCode checks the checker against the compiler:
// every code object of the library and of the Scheme tests passes.
func TestCheckerAcceptsCompiledCode(t *testing.T) {
	// The Scheme tests that exercise the most forms and run quickly.
	names := []string{"basics", "callcc", "macros", "records", "parameters",
		"promises", "values", "define-macro", "errors", "toplevel-reentry"}
	total := 0
	for _, name := range names {
		f := filepath.Join("..", "tests", "scheme", name+".scm")
		if _, err := os.Stat(f); err != nil {
			t.Fatal(err)
		}
		in := eval.New(eval.Options{Stdout: io.Discard, Stderr: io.Discard, Stdin: strings.NewReader("")})
		if err := stdlib.Install(in); err != nil {
			t.Fatal(err)
		}
		in.RunFile(f) // errors are some tests' point; the code stays defined
		ck := eval.NewCodeChecker(1 << 20)
		for _, c := range allCode(in) {
			total++
			if err := ck.Check(c); err != nil {
				t.Errorf("%s: %v\n%s", f, err, c.Disassemble())
			}
		}
	}
	if total < 1000 {
		t.Errorf("only %d code objects checked", total)
	}
}

func code(instrs ...eval.Instr) *eval.Code {
	return &eval.Code{Name: "t", NLocals: 1, MaxStack: 4, Instrs: instrs,
		Consts: []rt.Value{rt.MakeFixnum(1)}, Globals: []*eval.Global{{Name: rt.Intern("g")}}}
}

// The opcodes the tests below use, found by their names.
var (
	opConst      = opcode("const")
	opLocal      = opcode("local")
	opFree       = opcode("free")
	opGlobal     = opcode("global")
	opPop        = opcode("pop")
	opJump       = opcode("jump")
	opJumpFalse  = opcode("jump-false")
	opCall       = opcode("call")
	opReturn     = opcode("return")
	opCar        = opcode("car")
	opCarVar     = opcode("car/var")
	opLtVars     = opcode("</vars")
	opCallGlobal = opcode("call-global")
	opHalt       = opcode("halt")
	opLetCC      = opcode("let/cc")
	opSelfTail   = opcode("self-tail-call")
)

func opcode(name string) eval.Opcode {
	for op := 0; op < 256; op++ {
		if eval.Opcode(op).String() == name {
			return eval.Opcode(op)
		}
	}
	panic("no opcode " + name)
}

func TestCheckerRefuses(t *testing.T) {
	tests := []struct {
		name string
		c    *eval.Code
		want string
	}{
		{"const out of range", code(eval.Instr{Op: opConst, A: 1}, eval.Instr{Op: opReturn}), "constant 1 out of range"},
		{"local out of range", code(eval.Instr{Op: opLocal, A: 1}, eval.Instr{Op: opReturn}), "local 1 out of range"},
		{"negative local", code(eval.Instr{Op: opLocal, A: -1}, eval.Instr{Op: opReturn}), "local -1 out of range"},
		{"global out of range", code(eval.Instr{Op: opGlobal, A: 2}, eval.Instr{Op: opReturn}), "global 2 out of range"},
		{"jump out of range", code(eval.Instr{Op: opJump, A: 7}), "jump to 7 out of range"},
		{"jump to itself", code(eval.Instr{Op: opJump, A: 0}), "jump backwards"},
		{"jump-false backwards", code(eval.Instr{Op: opConst}, eval.Instr{Op: opJumpFalse, A: 0}, eval.Instr{Op: opConst},
			eval.Instr{Op: opReturn}), "jump backwards"},
		{"underflow", code(eval.Instr{Op: opPop}, eval.Instr{Op: opReturn}), "underflow"},
		{"return on empty", code(eval.Instr{Op: opReturn}), "underflow"},
		{"off the end", code(eval.Instr{Op: opConst}), "runs off the end"},
		{"halt", code(eval.Instr{Op: opConst}, eval.Instr{Op: opHalt}), "bad opcode"},
		{"unknown opcode", code(eval.Instr{Op: 200}), "bad opcode"},
		{"operand B of car", code(eval.Instr{Op: opConst}, eval.Instr{Op: opCar, B: 2}, eval.Instr{Op: opReturn}), "operand B of car"},
		{"slot of an operand out of range", code(eval.Instr{Op: opCarVar, B: 1}, eval.Instr{Op: opReturn}), "variable 1 out of range"},
		{"second slot out of range", code(eval.Instr{Op: opLtVars, C: 3}, eval.Instr{Op: opReturn}), "variable 3 out of range"},
		{"jump-true-keep with its value where the way on has none", code(eval.Instr{Op: opConst},
			eval.Instr{Op: opcode("jump-true-keep"), A: 2}, eval.Instr{Op: opReturn}), "operand depths"},
		{"called global out of range", code(eval.Instr{Op: opCallGlobal, B: 1}, eval.Instr{Op: opReturn}), "global 1 out of range"},
		{"call underflow", code(eval.Instr{Op: opConst}, eval.Instr{Op: opCall, A: 1}, eval.Instr{Op: opReturn}), "underflow"},
		{"inconsistent merge", code(
			eval.Instr{Op: opConst}, eval.Instr{Op: opJumpFalse, A: 3}, eval.Instr{Op: opConst},
			eval.Instr{Op: opConst}, eval.Instr{Op: opReturn}), "operand depths"},
		{"let/cc to the end", code(eval.Instr{Op: opLetCC, B: 2}, eval.Instr{Op: opReturn}), "out of range"},
		{"let/cc backwards", code(eval.Instr{Op: opLetCC, B: 0}, eval.Instr{Op: opReturn}), "out of range"},
		{"let/cc without the jump", code(eval.Instr{Op: opLetCC, B: 2}, eval.Instr{Op: opReturn},
			eval.Instr{Op: opConst}, eval.Instr{Op: opReturn}), "no jump before the plain call"},
		{"let/cc resuming at another depth", code(eval.Instr{Op: opLetCC, B: 3}, eval.Instr{Op: opPop},
			eval.Instr{Op: opJump, A: 4}, eval.Instr{Op: opConst}, eval.Instr{Op: opConst}, eval.Instr{Op: opReturn}),
			"operand depths"},
		{"self tail call of the wrong arity", code(eval.Instr{Op: opConst}, eval.Instr{Op: opSelfTail, A: 1}),
			"self tail call with 1 arguments for 0 parameters"},
		{"operand C where there is none", code(eval.Instr{Op: opConst, C: 7}, eval.Instr{Op: opReturn}), "operand C of const"},
		{"no instructions", code(), "no instructions"},
		{"huge frame", &eval.Code{Name: "t", MaxStack: 1 << 30, Instrs: []eval.Instr{{Op: opConst}, {Op: opReturn}}}, "too big"},
		{"locals beyond MaxStack", &eval.Code{Name: "t", NLocals: 5, MaxStack: 3, Instrs: []eval.Instr{{Op: opReturn}}}, "no room"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := eval.NewCodeChecker(1 << 20).Check(tt.c)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestCheckerFrameSize(t *testing.T) {
	deep := func() *eval.Code {
		return code(eval.Instr{Op: opConst}, eval.Instr{Op: opConst}, eval.Instr{Op: opConst},
			eval.Instr{Op: opConst}, eval.Instr{Op: opReturn})
	}
	if err := eval.NewCodeChecker(5).Check(deep()); err == nil || !strings.Contains(err.Error(), "deeper than a frame may be") {
		t.Errorf("a frame of 6 slots passed a checker allowing 5: %v", err)
	}
	c := deep()
	if err := eval.NewCodeChecker(100).Check(c); err != nil {
		t.Fatal(err)
	}
	if c.MaxStack != 6 {
		t.Errorf("MaxStack = %d, want it raised to the 6 slots the code needs", c.MaxStack)
	}
}

func TestCheckClosureFreeValues(t *testing.T) {
	// The third free value read by free, and as an operand variable
	// (opdVar: -1-2) in A, B or C.
	for _, c := range []*eval.Code{
		code(eval.Instr{Op: opFree, A: 2}, eval.Instr{Op: opReturn}),
		code(eval.Instr{Op: opcode("return/var"), A: -3}),
		code(eval.Instr{Op: opCarVar, B: -3}, eval.Instr{Op: opReturn}),
		code(eval.Instr{Op: opLtVars, B: 0, C: -3}, eval.Instr{Op: opReturn}),
	} {
		ck := eval.NewCodeChecker(1 << 20)
		if err := ck.CheckClosure(&eval.Closure{Code: c, Free: make([]rt.Value, 2)}); err == nil {
			t.Errorf("a closure with 2 free values for code reading the third was accepted: %v", c.Instrs[0])
		}
		if err := ck.CheckClosure(&eval.Closure{Code: c, Free: make([]rt.Value, 3)}); err != nil {
			t.Error(err)
		}
	}
}

// TestContinuationParamsChangedAfterCheck: the parameter bindings of a
// continuation that came from elsewhere were checked on arrival, but the
// message may share their pairs with data that the program changes later
// (the bit-flip test made such a message). Reading a parameter then must
// not fail inside the machine.
func TestContinuationParamsChangedAfterCheck(t *testing.T) {
	in := newInterp(t)
	if _, err := in.RunSource([]byte(`
		(define p (make-parameter 1))
		(define saved #f)
		(parameterize ((p 2)) (+ (call/cc (lambda (k) (set! saved k) 0)) (p)))`), "test.scm"); err != nil {
		t.Fatal(err)
	}
	v, _ := in.Lookup("saved")
	stack, frames, w, h, params := eval.ContinuationParts(v.(*eval.Continuation))
	for _, corrupt := range []func(l *rt.Pair){
		func(l *rt.Pair) { l.Car = rt.MakeFixnum(7) },
		func(l *rt.Pair) { l.Cdr = rt.MakeFixnum(7) },
	} {
		l := rt.Cons(params.(*rt.Pair).Car, params.(*rt.Pair).Cdr) // the test's own copy
		k := new(eval.Continuation)
		if err := eval.NewCodeChecker(1<<20).FillContinuation(k, stack, frames, w, h, l); err != nil {
			t.Fatal(err)
		}
		corrupt(l)
		in.Define("%k", k)
		if _, err := in.RunSource([]byte(`(%k 10)`), "test.scm"); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Error(err)
		}
	}
}

// TestContinuationRebuilt takes a captured continuation apart and puts it
// together again: the copy resumes the computation like the original.
func TestContinuationRebuilt(t *testing.T) {
	in := newInterp(t)
	v, err := in.RunSource([]byte(`
		(define saved #f)
		(define (deep n) (if (= n 0) (call/cc (lambda (k) (set! saved k) 0)) (+ 1 (deep (- n 1)))))
		(deep 10)`), "test.scm")
	if err != nil {
		t.Fatal(err)
	}
	v, _ = in.Lookup("saved")
	k := v.(*eval.Continuation)
	stack, frames, w, h, p := eval.ContinuationParts(k)
	ck := eval.NewCodeChecker(1 << 20)
	k2 := new(eval.Continuation)
	if err := ck.FillContinuation(k2, stack, frames, w, h, p); err != nil {
		t.Fatal(err)
	}
	in.Define("%k2", k2)
	got, err := in.RunSource([]byte(`(%k2 100)`), "test.scm")
	if err != nil {
		t.Fatal(err)
	}
	if rt.WriteString(got) != "110" {
		t.Errorf("resumed copy gave %s, want 110", rt.WriteString(got))
	}

	bad := func(name string, mutate func(fs []eval.Frame) []eval.Frame, want string) {
		fs := mutate(append([]eval.Frame(nil), frames...))
		err := ck.FillContinuation(new(eval.Continuation), stack, fs, w, h, p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: FillContinuation = %v, want an error containing %q", name, err, want)
		}
	}
	bad("no frames", func(fs []eval.Frame) []eval.Frame { return nil }, "without frames")
	bad("no boot", func(fs []eval.Frame) []eval.Frame { return fs[1:] }, "boot code")
	bad("pc out of range", func(fs []eval.Frame) []eval.Frame {
		fs[2].PC = 1 << 20
		return fs
	}, "out of range")
	bad("pc at the end of the code", func(fs []eval.Frame) []eval.Frame {
		fs[2].PC = len(fs[2].Code.Instrs)
		return fs
	}, "out of range")
	bad("fp beyond the stack", func(fs []eval.Frame) []eval.Frame {
		fs[len(fs)-1].FP = len(stack) + 5
		return fs
	}, "frame")
	bad("overlapping frames", func(fs []eval.Frame) []eval.Frame {
		fs[3].FP = fs[2].FP
		return fs
	}, "overlap")
	bad("foreign closure", func(fs []eval.Frame) []eval.Frame {
		fs[2].Closure = fs[len(fs)-1].Closure
		return fs
	}, "does not run")
	if err := ck.FillContinuation(new(eval.Continuation), stack, frames, rt.MakeFixnum(1), h, p); err == nil {
		t.Error("winders that are not a list were accepted")
	}
}

// TestCorruptBoxes runs code that the checker accepts but that reads and
// writes a variable's box where the slot holds none: the machine raises
// a Scheme error instead of failing in Go.
func TestCorruptBoxes(t *testing.T) {
	in := newInterp(t)
	mk := func(op string, free []rt.Value) *eval.Closure {
		c := &eval.Code{Name: "t", NParams: 1, NLocals: 1, MaxStack: 4, Instrs: []eval.Instr{
			{Op: opcode(op)}, {Op: opReturn}}}
		if strings.HasPrefix(op, "set-") {
			c.Instrs = []eval.Instr{{Op: opLocal}, {Op: opcode(op)}, {Op: opLocal}, {Op: opReturn}}
		}
		clo := &eval.Closure{Code: c, Free: free}
		if err := eval.NewCodeChecker(1 << 20).CheckClosure(clo); err != nil {
			t.Fatalf("%s: %v", op, err)
		}
		return clo
	}
	for _, op := range []string{"local-box", "set-local-box", "free-box", "set-free-box"} {
		_, err := in.Apply(mk(op, []rt.Value{rt.MakeFixnum(7)}), rt.MakeFixnum(5))
		if err == nil || !strings.Contains(err.Error(), "corrupt code") || strings.Contains(err.Error(), "internal error") {
			t.Errorf("%s on a number: %v, want a corrupt code error", op, err)
		}
	}
}

// TestLetrecReassignedBeforePatch assigns a letrec variable that holds a
// closure before the variable the closure refers to is initialized: the
// patch of the closure finds a number in the variable, and leaves it, with
// no internal error. (letrec assigns every variable once all inits are
// evaluated, R7RS 4.2.2, so f ends up the closure again.)
func TestLetrecReassignedBeforePatch(t *testing.T) {
	in := newInterp(t)
	v, err := in.RunSource([]byte(`(define (t) (letrec ((f (lambda () g)) (h (begin (set! f 5) (lambda () f))) (g 2)) (list f (h)))) (t)`), "test.scm")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rt.WriteString(v), "(#<procedure f> #<procedure f>)"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
