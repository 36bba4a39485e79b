package eval

import (
	"errors"
	"fmt"

	rt "termite/runtime"
)

// machine runs code objects. Its state is data: the operand stack, the
// frames of suspended callers, the dynamic state, and the registers of the
// running frame (code, pc, fp, closure). Scheme calls never recurse on the
// Go stack: a call pushes a frame record and jumps; a return pops one. A
// continuation is made of copies of stack slots and frame records (see
// continuation.go).
//
// A machine is owned by one goroutine at a time.
type machine struct {
	in     *Interp
	stack  []rt.Value
	sp     int
	frames []frame
	dyn    *dynState // immutable: continuations share it

	// The bottom of the stack and frames may be lazy: left in a
	// continuation until a return needs them (see continuation.go).
	under  *Continuation
	lazyF  int
	lazySP int

	// Registers of the running frame, saved here while Go code outside
	// run() looks at the state.
	code *Code
	clo  *Closure
	pc   int
	fp   int

	budget   int  // calls left before checkpoint runs
	overflow bool // the stack went over its limit: checkpoint raises

	status status
	err    error    // when failed
	proc   *process // the process the machine runs

	// While blocked: the stack slot where the awaited value goes (that of
	// the waiting call's procedure), and how many arguments are above it.
	waitBase, waitArgs int32
}

// reductionQuantum is how many calls a machine makes between checkpoints,
// where its process yields: the scheduler preempts a process that loops,
// and an interrupt is noticed.
const reductionQuantum = 2000

// initialStack is the stack size of a new machine: small, since a
// process waiting for a message should cost little.
const initialStack = 8

// stackMargin is room kept above a frame's MaxStack for the values the
// machine itself pushes (a raise, a spread apply's first arguments).
const stackMargin = 3

func newMachine(in *Interp) *machine {
	return &machine{
		in:     in,
		stack:  make([]rt.Value, initialStack),
		frames: make([]frame, 0, 2),
		dyn:    emptyDyn,
		budget: reductionQuantum,
	}
}

// setup prepares m to call (proc args...) when it runs, from a fresh
// stack and dynamic state.
func (m *machine) setup(proc rt.Value, args []rt.Value) {
	boot := bootCode(len(args))
	m.sp = 0
	m.ensure(len(args) + 1 + stackMargin)
	m.frames = m.frames[:0]
	m.under, m.lazyF, m.lazySP = nil, 0, 0
	m.stack[0] = proc
	copy(m.stack[1:], args)
	m.sp = 1 + len(args)
	m.code, m.clo, m.pc, m.fp = boot, nil, 0, 0
	m.dyn = emptyDyn
	m.status, m.err = running, nil
}

// bootCodes are the code objects that start a machine: call the procedure
// below n arguments, then halt. Shared, since every process has one.
var bootCodes = func() (b [4]*Code) {
	for n := range b {
		b[n] = makeBootCode(n)
	}
	return b
}()

func bootCode(n int) *Code {
	if n < len(bootCodes) {
		return bootCodes[n]
	}
	return makeBootCode(n)
}

func makeBootCode(n int) *Code {
	c := &Code{
		Name:     "boot",
		Instrs:   []Instr{{Op: opCall, A: int32(n)}, {Op: opHalt}},
		MaxStack: n + 1,
		Internal: true,
	}
	c.hash.Store(new([32]byte)) // the same everywhere: it has no hash
	return c
}

// result is the value of a machine that is done.
func (m *machine) result() rt.Value { return m.stack[m.sp] }

// runAlone runs m to completion outside any scheduler: for code that
// cannot block (compiling the driver). Interrupts are honoured.
func (m *machine) runAlone() (rt.Value, error) {
	for {
		switch m.run() {
		case done:
			return m.result(), nil
		case failed:
			return nil, m.err
		case blocked:
			return nil, rt.NewError("cannot wait for messages here")
		}
		if m.in.interrupted.Swap(false) {
			return nil, Interrupted{}
		}
	}
}

// ensure makes the stack at least n slots long. Past the limit
// (Options.MaxStack) it grows by an eighth at a time, and the next
// checkpoint, which comes at once, raises a stack overflow error in the
// running code: where ensure is called the machine is in the middle of
// a call or a throw.
func (m *machine) ensure(n int) {
	if n <= len(m.stack) {
		return
	}
	size := 2 * len(m.stack)
	for size < n {
		size *= 2
	}
	if limit := m.in.opts.MaxStack; size > limit {
		size = max(n, limit)
		if n > limit {
			size = n + n/8
			m.overflow, m.budget = true, 0
		}
	}
	s := make([]rt.Value, size)
	copy(s, m.stack[:m.sp])
	m.stack = s
}

// status says why run returned.
type status uint8

const (
	running status = iota
	done           // the boot code halted: the value is in result
	failed         // err says why: uncaught raise, exit, interrupt
	yielded        // the reduction budget ran out
	blocked        // waiting in a receive or a sleep (see process)
)

// run executes until the boot code halts, the machine fails, its budget
// runs out or it blocks. Calling run again resumes it.
func (m *machine) run() (st status) {
	code, clo, pc, fp, sp := m.code, m.clo, m.pc, m.fp, m.sp
	stack := m.stack
	instrs := code.Instrs

	// intact is whether no variable whose primitive the compiler inlines
	// has been assigned: then the inlined instructions need not look at
	// theirs (Global.inline).
	intact := !m.in.redefined

	// variable is the value of the variable that operand v of an
	// instruction names (opdVar).
	variable := func(v int32) rt.Value {
		if v >= 0 {
			return stack[fp+int(v)]
		}
		return clo.Free[-1-v]
	}
	// save and load move the registers between these locals and m, around
	// the slow paths that are methods of machine.
	save := func() { m.code, m.clo, m.pc, m.fp, m.sp = code, clo, pc, fp, sp }
	// load also reports whether the slow path stopped the machine.
	load := func() bool {
		code, clo, pc, fp, sp = m.code, m.clo, m.pc, m.fp, m.sp
		intact = !m.in.redefined
		stack = m.stack
		instrs = code.Instrs
		return m.status != running
	}
	// corrupt raises, in place of the n values on top of the stack, the
	// error of an instruction that finds no box where its what has one
	// (see machine.corrupt), and reports whether that stopped the
	// machine. The error is made after save, as every call of the run
	// loop is made with the registers saved and reloaded after: a value
	// live across a call is spilled to memory, and the spills of the
	// registers would be made at every dispatch.
	//
	// corrupt is too big to be inlined, and so it is a closure that holds
	// the registers by reference: that keeps them in the frame's memory,
	// not in Go's registers. Measured with Go 1.26, this is the faster
	// way, by 16% on fib: with the registers in its registers, Go's
	// allocator stores most of them again at every dispatch.
	corrupt := func(n int, what string) bool {
		save()
		m.raise(n, m.corrupt(what, m.code.Instrs[m.pc-1].A))
		return load()
	}
	// yield ends the quantum of a call that spent the budget (see tick).
	yield := func() status {
		save()
		m.checkpoint()
		return m.status
	}
	defer func() {
		if r := recover(); r != nil {
			// A broken invariant, in the machine or a primitive: the
			// evaluation fails with an error and the interpreter lives on.
			// (The backtrace is as of the last slow path.)
			m.fail(&SchemeError{
				Obj:   rt.NewError(fmt.Sprintf("internal error: %v", r)),
				Trace: m.backtrace(),
			})
			st = m.status
		}
	}()
	m.status = running

	var t bool    // the value of an inlined test (see test below)
	var nargs int // the operands of an inlined primitive's slow path (see slow below)
	for {
		// A pointer, not a copy: the operands stay in memory, where a
		// copy's would be spilled around every slow path's call.
		in := &instrs[pc]
		pc++
		switch in.Op {
		case opConst:
			stack[sp] = code.Consts[in.A]
			sp++
		case opLocal:
			stack[sp] = stack[fp+int(in.A)]
			sp++
		case opPush2:
			stack[sp], stack[sp+1] = variable(in.A), variable(in.B)
			sp += 2
		case opLocalBox:
			b, ok := stack[fp+int(in.A)].(*rt.Box)
			if !ok {
				if corrupt(0, "local") {
					return m.status
				}
				continue
			}
			stack[sp] = b.V
			sp++
		case opFree:
			stack[sp] = clo.Free[in.A]
			sp++
		case opFreeBox:
			b, ok := clo.Free[in.A].(*rt.Box)
			if !ok {
				if corrupt(0, "free variable") {
					return m.status
				}
				continue
			}
			stack[sp] = b.V
			sp++
		case opGlobal:
			g := code.Globals[in.A]
			if g.Value == nil {
				save()
				m.raise(0, m.in.unboundError(g))
				if load() {
					return m.status
				}
				continue
			}
			stack[sp] = g.Value
			sp++
		case opSetLocal:
			sp--
			stack[fp+int(in.A)] = stack[sp]
		case opSetLocalBox:
			b, ok := stack[fp+int(in.A)].(*rt.Box)
			if !ok {
				if corrupt(1, "local") {
					return m.status
				}
				continue
			}
			sp--
			b.V = stack[sp]
		case opSetFreeBox:
			b, ok := clo.Free[in.A].(*rt.Box)
			if !ok {
				if corrupt(1, "free variable") {
					return m.status
				}
				continue
			}
			sp--
			b.V = stack[sp]
		case opSetGlobal, opDefGlobal:
			g := code.Globals[in.A]
			if g.Value == nil && in.Op == opSetGlobal {
				save()
				m.raise(1, rt.NewError("set!: unbound variable", g.Name))
				if load() {
					return m.status
				}
				continue
			}
			sp--
			g.Value = stack[sp]
			if g.inline {
				save()
				m.in.uninline(g)
				load()
			}
		case opMakeBox:
			save()
			m.box(m.sp - 1)
			load()
		case opBoxLocal:
			save()
			m.box(fp + int(in.A))
			load()
		case opPop:
			sp--
		case opJump:
			pc = int(in.A)
		case opJumpFalse:
			sp--
			if !rt.IsTrue(stack[sp]) {
				pc = int(in.A)
			}
		case opJumpTrue:
			sp--
			if rt.IsTrue(stack[sp]) {
				pc = int(in.A)
			}
		case opJumpTrueKeep:
			if !rt.IsTrue(stack[sp-1]) {
				sp--
			} else {
				pc = int(in.A)
			}
		case opClosure:
			save()
			m.closure(code.Children[in.A], int(in.B))
			load()
		case opFixClosure:
			sp--
			target := stack[fp+int(in.A)]
			if b, ok := target.(*rt.Box); ok {
				target = b.V
			}
			// The program may have assigned the variable another value
			// by now; then there is no closure of its to patch.
			if c, ok := target.(*Closure); ok && int(in.B) < len(c.Free) {
				c.Free[in.B] = stack[sp]
			}
		case opRecvScan:
			// Either way, the call of keep? on a message, which returns
			// here, is then a call instruction's (see recv_scan.go).
			if j, ok := m.proc.goOn(stack[sp-recvScanOperands : sp]); ok {
				setAsk(stack[sp-recvScanOperands:sp+1], j, m.proc.mailbox[j])
				sp++
				pc--
			} else {
				save()
				call := m.recvScan(code.Globals[in.A])
				if load() {
					return m.status
				}
				if !call {
					continue
				}
			}
			in = &recvScanCall
			fallthrough
		case opCall, opTailCall, opCallGlobal, opTailCallGlobal, opCallVar, opTailCallVar:
			n := int(in.A)
			if in.Op != opCall && in.Op != opTailCall {
				var proc rt.Value
				if in.Op == opCallVar || in.Op == opTailCallVar {
					proc = variable(in.B)
				} else if proc = code.Globals[in.B].Value; proc == nil {
					save()
					m.raise(n, m.in.unboundError(m.code.Globals[m.code.Instrs[m.pc-1].B]))
					if load() {
						return m.status
					}
					continue
				}
				// The procedure goes under the arguments. A loop, not
				// copy, as below.
				for i := sp; i > sp-n; i-- {
					stack[i] = stack[i-1]
				}
				stack[sp-n] = proc
				sp++
			}
			tail := !opTable[in.Op].next
			c, ok := stack[sp-n-1].(*Closure)
			if !ok {
				// A case-lambda: the clause that takes n arguments, as
				// call picks it.
				if cl, isCL := stack[sp-n-1].(*CaseLambda); isCL {
					if c = cl.clause(n); c != nil {
						stack[sp-n-1], ok = c, true
					}
				}
			}
			if ok && c.Code.NParams == n {
				// The fast path: a closure called with its number of
				// parameters, and none over them for a rest list.
				cc := c.Code
				if !tail {
					// Not append, whose call on growth is a call of the
					// loop (see corrupt).
					top := len(m.frames)
					if top == cap(m.frames) {
						save()
						m.growFrames()
						load()
					}
					m.frames = m.frames[:top+1]
					m.frames[top] = frame{code, clo, int32(pc), int32(fp)}
					fp = sp - n
				} else {
					// A loop, not copy: a few values, and copy's call
					// costs more than the copying.
					for i, v := range stack[sp-n-1 : sp] {
						stack[fp-1+i] = v
					}
				}
				code, clo, pc, instrs = cc, c, 0, cc.Instrs
				if fp+cc.MaxStack+stackMargin > len(stack) {
					sp = fp + n
					save()
					m.ensure(fp + cc.MaxStack + stackMargin)
					stack = m.stack
				}
				sp = fp + n
				if cc.Rest {
					stack[sp] = rt.Null
					sp++
				}
				for ; sp < fp+cc.NLocals; sp++ {
					stack[sp] = rt.Unspecified
				}
				if m.budget--; m.budget <= 0 {
					return yield()
				}
				continue
			}
			save()
			// A continuation called in tail position drops the frame with
			// everything else: no need to pop it, which could copy back
			// the frame below (see underflow).
			if _, k := stack[sp-n-1].(*Continuation); tail && !k {
				if e := m.callError(n); e != nil {
					// Fail here, where the call is, not in the caller.
					m.raise(n+1, e)
					if load() {
						return m.status
					}
					continue
				}
				m.tailToCall(n)
			}
			m.call(n)
			if load() {
				return m.status
			}
		case opSelfTailCall:
			n := int(in.A)
			for i, v := range stack[sp-n : sp] {
				stack[fp+i] = v
			}
			for sp = fp + n; sp < fp+code.NLocals; sp++ {
				stack[sp] = rt.Unspecified
			}
			pc = 0
			if m.budget--; m.budget <= 0 {
				return yield()
			}
		case opReturn, opReturnVar:
			v := stack[sp-1]
			if in.Op == opReturnVar {
				v = variable(in.A)
			}
			sp = fp - 1
			top := len(m.frames) - 1
			if top < m.lazyF {
				save()
				m.underflow()
				stack = m.stack
			}
			f := m.frames[top]
			m.frames = m.frames[:top]
			code, clo, pc, fp = f.code, f.clo, int(f.pc), int(f.fp)
			instrs = code.Instrs
			stack[sp] = v
			sp++
		case opPrim:
			n := int(in.B)
			g := code.Globals[in.A]
			if !g.inline {
				save()
				m.inlineSlow(g, n)
				if load() {
					return m.status
				}
				continue
			}
			v, err := g.Value.(*rt.Primitive).Fn(stack[sp-n : sp])
			m.charge()
			if err != nil {
				save()
				m.primError(n, err)
				if load() {
					return m.status
				}
				continue
			}
			sp -= n
			stack[sp] = v
			sp++
		case opLtVars, opGtVars, opLeVars, opGeVars, opNumEqVars:
			stack[sp], stack[sp+1] = variable(in.B), variable(in.C)
			sp += 2
			fallthrough
		case opLt, opGt, opLe, opGe, opNumEq:
			if a, ok := stack[sp-2].(rt.Fixnum); ok && (intact || code.Globals[in.A].inline) {
				if b, ok := stack[sp-1].(rt.Fixnum); ok {
					t = compareFix(in.Op, a.Int(), b.Int())
					sp -= 2
					goto test
				}
			}
			nargs = 2
			goto slow
		case opAddVars, opSubVars:
			stack[sp], stack[sp+1] = variable(in.B), variable(in.C)
			sp += 2
			fallthrough
		case opAdd, opSub, opMul, opQuotient, opRemainder, opModulo:
			if a, ok := stack[sp-2].(rt.Fixnum); ok && (intact || code.Globals[in.A].inline) {
				if b, ok := stack[sp-1].(rt.Fixnum); ok {
					// Results past the fixnums take the slow path, which
					// makes a bignum: the fast path makes no call.
					var r int64
					switch op := baseOf[in.Op]; op {
					case opAdd:
						// No overflow: fixnums are far inside int64.
						r = a.Int() + b.Int()
					case opSub:
						r = a.Int() - b.Int()
					case opMul:
						x, y := a.Int(), b.Int()
						if x < -(1<<31) || x > 1<<31 || y < -(1<<31) || y > 1<<31 {
							goto slowArith
						}
						r = x * y
					case opQuotient, opRemainder, opModulo:
						if y := b.Int(); y == 0 || y == -1 { // an error, or left to the slow path
							goto slowArith
						}
						mode := rt.TruncateDiv
						if op == opModulo {
							mode = rt.FloorDiv
						}
						q, rem := rt.DivModInt(mode, a.Int(), b.Int())
						if r = rem; op == opQuotient {
							r = q
						}
					}
					f, ok := rt.FixnumOf(r)
					if !ok {
						goto slowArith
					}
					sp--
					stack[sp-1] = f
					continue
				}
			}
		slowArith:
			nargs = 2
			goto slow
		case opAddImmVar, opSubImmVar:
			stack[sp] = variable(in.B)
			sp++
			fallthrough
		case opAddImm, opSubImm:
			if a, ok := stack[sp-1].(rt.Fixnum); ok && (intact || code.Globals[in.A].inline) {
				// No overflow: fixnums and C are far inside int64.
				k := int64(in.C)
				if baseOf[in.Op] == opSubImm {
					k = -k
				}
				if r, ok := rt.FixnumOf(a.Int() + k); ok {
					stack[sp-1] = r
					continue
				}
			}
			nargs = 1 // and the constant: see slow
			goto slow
		case opNumEqImmVar, opLtImmVar, opGtImmVar, opLeImmVar, opGeImmVar:
			stack[sp] = variable(in.B)
			sp++
			fallthrough
		case opNumEqImm, opLtImm, opGtImm, opLeImm, opGeImm:
			if a, ok := stack[sp-1].(rt.Fixnum); ok && (intact || code.Globals[in.A].inline) {
				t = compareFix(in.Op, a.Int(), int64(in.C))
				sp--
				goto test
			}
			nargs = 1 // and the constant: see slow
			goto slow
		case opNullPVar, opPairPVar, opNotVar, opZeroPVar:
			stack[sp] = variable(in.B)
			sp++
			fallthrough
		case opNullP, opPairP, opNot, opZeroP:
			x := stack[sp-1]
			if intact || code.Globals[in.A].inline {
				switch baseOf[in.Op] {
				case opNullP:
					t = x == rt.Null
				case opPairP:
					_, t = x.(*rt.Pair)
				case opNot:
					t = !rt.IsTrue(x)
				default:
					i, ok := x.(rt.Fixnum)
					if !ok {
						nargs = 1
						goto slow
					}
					t = i.Int() == 0
				}
				sp--
				goto test
			}
			nargs = 1
			goto slow
		case opCarVar, opCdrVar:
			stack[sp] = variable(in.B)
			sp++
			fallthrough
		case opCar, opCdr:
			x := stack[sp-1]
			switch op := baseOf[in.Op]; {
			case !intact && !code.Globals[in.A].inline:
			case op == opCar:
				if p, ok := x.(*rt.Pair); ok {
					stack[sp-1] = p.Car
					continue
				}
			case op == opCdr:
				if p, ok := x.(*rt.Pair); ok {
					stack[sp-1] = p.Cdr
					continue
				}
			}
			nargs = 1
			goto slow
		case opEqPVars:
			stack[sp], stack[sp+1] = variable(in.B), variable(in.C)
			sp += 2
			fallthrough
		case opCons, opEqP, opVectorRef:
			a, b := stack[sp-2], stack[sp-1]
			switch op := baseOf[in.Op]; {
			case !intact && !code.Globals[in.A].inline:
			case op == opCons:
				save()
				m.cons()
				load()
				continue
			case op == opEqP:
				if t = rt.SameWords(a, b); !t && !rt.IdentityTyped(a) {
					save()
					t = rt.Eq(a, b)
					load()
				}
				sp -= 2
				goto test
			case op == opVectorRef:
				if v, ok := a.(*rt.Vector); ok {
					if i, ok := b.(rt.Fixnum); ok && uint64(i.Int()) < uint64(len(v.Items)) {
						sp--
						stack[sp-1] = v.Items[i.Int()]
						continue
					}
				}
			}
			nargs = 2
			goto slow
		case opLetCC, opLetCCTail:
			if !code.Globals[in.A].inline {
				pc = int(in.B) // call/cc was redefined: the plain call
				continue
			}
			save()
			var k *Continuation
			if in.Op == opLetCC {
				k = m.capture(sp, int(instrs[in.B-1].A))
				// The frame goes on running: it keeps its own slots, and
				// leaves k the frames below it.
				m.under = k.below(len(k.frames) - 1)
				m.lazyF, m.lazySP = len(m.frames), fp-1
			} else {
				// The frame keeps running above k: leave k everything
				// below it, as call/cc does.
				k = m.captureReturn()
				m.leaveBelow(k, fp-1)
			}
			// No reduction is counted: a loop needs a call or a throw,
			// which count.
			stack[sp] = k
			sp++
		case opRecvNext:
			g := code.Globals[in.A]
			if p := m.proc; g.inline && p != nil && p.exitPending == nil {
				if msg, ok := p.nextMessage(); ok {
					stack[sp-1] = msg
					continue
				}
			}
			save()
			if g.inline {
				m.recvNext(sp-1, stack[sp-1])
			} else {
				m.callGlobal(g, 1)
			}
			if load() {
				return m.status
			}
		case opHalt:
			m.sp = sp - 1 // the value stays at stack[sp]: result() takes it
			m.status = done
			return done
		default:
			panic(fmt.Sprintf("machine: bad opcode %d", in.Op))
		}
		continue
	slow:
		// An inlined primitive whose fast path did not apply, on the
		// nargs values on top, and on its constant for an instruction
		// with one.
		save()
		if in := m.code.Instrs[m.pc-1]; opTable[in.Op].c == opdImm {
			m.pushFixnum(in.C)
			nargs++
		}
		m.inlineSlow(m.code.Globals[m.code.Instrs[m.pc-1].A], nargs)
		if load() {
			return m.status
		}
		continue
	test:
		// An inlined test's fast path took its operands and left t. With
		// a jump-false or jump-true after it, it branches at once, without
		// the boolean.
		switch next := &instrs[pc]; next.Op {
		case opJumpFalse:
			if pc++; !t {
				pc = int(next.A)
			}
			continue
		case opJumpTrue:
			if pc++; t {
				pc = int(next.A)
			}
			continue
		}
		stack[sp] = rt.MakeBool(t)
		sp++
	}
}

// pushFixnum pushes the fixnum c, an instruction's constant.
func (m *machine) pushFixnum(c int32) {
	m.stack[m.sp] = rt.MakeFixnum(int64(c))
	m.sp++
}

// box puts the value of stack slot i in a box, in its place.
func (m *machine) box(i int) { m.stack[i] = &rt.Box{V: m.stack[i]} }

// closure replaces the n values on top of the stack by a closure of code
// with them for free values.
func (m *machine) closure(code *Code, n int) {
	c := newClosure(code, n)
	copy(c.Free, m.stack[m.sp-n:m.sp])
	m.sp -= n
	m.stack[m.sp] = c
	m.sp++
}

// cons replaces the two values on top of the stack by a pair of them.
func (m *machine) cons() {
	m.sp--
	m.stack[m.sp-1] = &rt.Pair{Car: m.stack[m.sp-1], Cdr: m.stack[m.sp]}
}

// growFrames makes room for one more frame record.
func (m *machine) growFrames() { m.frames = append(m.frames, frame{})[:len(m.frames)] }

// corrupt is the error of an instruction that reads a variable's box
// where there is none: code that came from elsewhere and passed the
// checker, which cannot vouch for what a slot holds. Free values may be
// patched (opFixClosure) by other code than the closure's own, so the
// machine checks at each use, for the cost of the type test it makes anyway.
func (m *machine) corrupt(what string, i int32) *rt.ErrorObject {
	return rt.NewError(fmt.Sprintf("corrupt code: %s %d of %s holds no variable's box", what, i, codeName(m.code)))
}

// fail stops the machine with err; run returns once the slow path that
// called fail has returned.
func (m *machine) fail(err error) {
	m.err = err
	m.status = failed
}

// tick counts a call against the reduction budget, and runs the
// checkpoint when it is spent. The run loop's fast paths do the same with
// the registers in locals.
func (m *machine) tick() {
	if m.budget--; m.budget <= 0 {
		m.checkpoint()
	}
}

// charge counts the work that a primitive just charged (rt.Charge)
// against the budget, workPerReduction units for a call: a loop of calls
// over long data yields as often as a loop of as much Scheme code.
func (m *machine) charge() {
	if w := rt.TakeWork(); w > 0 {
		m.budget -= int(min(w/workPerReduction, reductionQuantum))
	}
}

// workPerReduction is how many units of rt.Charge's work take about the
// time of a call.
const workPerReduction = 32

// checkpoint runs every reductionQuantum calls: the process yields. It
// also runs at once when the stack went over its limit (see ensure).
func (m *machine) checkpoint() {
	m.budget = reductionQuantum
	m.status = yielded
	if m.overflow {
		m.overflow = false
		m.raise(0, rt.NewError("stack overflow: recursion deeper than the limit of "+byteSize(16*m.in.opts.MaxStack)+" of stack"))
	}
}

// inlineSlow is the way of an instruction that calls primitive g directly
// when its fast path did not apply: through the primitive's Go function
// (which reports the error, if any), or, if the program has redefined g,
// as a call of g's new value.
func (m *machine) inlineSlow(g *Global, n int) {
	if !g.inline {
		m.callGlobal(g, n)
		return
	}
	v, err := g.Value.(*rt.Primitive).Fn(m.stack[m.sp-n : m.sp])
	m.charge()
	if err != nil {
		m.primError(n, err)
		return
	}
	m.sp -= n
	m.stack[m.sp] = v
	m.sp++
}

// callGlobal calls the current value of g on the n arguments on top of
// the stack: the path of an inlined primitive whose global was redefined.
func (m *machine) callGlobal(g *Global, n int) {
	if g.Value == nil {
		m.raise(n, m.in.unboundError(g))
		return
	}
	copy(m.stack[m.sp-n+1:m.sp+1], m.stack[m.sp-n:m.sp])
	m.stack[m.sp-n] = g.Value
	m.sp++
	m.call(n)
}

// primError raises the error a primitive returned, in place of its call
// (the n values on top of the stack: its arguments, and its own slot for a
// call through opCall).
func (m *machine) primError(n int, err error) {
	var exit *ExitError
	if errors.As(err, &exit) {
		m.fail(exit)
		return
	}
	if k, ok := err.(*killed); ok {
		m.fail(k)
		return
	}
	if b, ok := err.(*rt.Blocking); ok && m.proc != nil {
		// The result goes where the call's first value is.
		m.park(m.sp-n, n-1, b)
		return
	}
	m.raise(n, rt.RaisedObject(err))
}

// raise drops the n values on top of the stack and calls (raise obj) in
// their place, so that the raise's continuation is the failed operation's.
func (m *machine) raise(n int, obj rt.Value) {
	if _, ok := obj.(Interrupted); ok {
		m.fail(Interrupted{})
		return
	}
	m.sp -= n
	r := m.in.fixed(m.in.raiseProc)
	if r == nil {
		m.fail(m.uncaught(obj))
		return
	}
	m.stack[m.sp] = r
	m.stack[m.sp+1] = obj
	m.sp += 2
	m.call(1)
}

// callError returns the error that calling the procedure below the n
// arguments on top of the stack would raise at once, or nil.
func (m *machine) callError(n int) *rt.ErrorObject {
	switch f := m.stack[m.sp-n-1].(type) {
	case *Closure:
		if n != f.Code.NParams && (!f.Code.Rest || n < f.Code.NParams) {
			return arityError(procName(f), f.Code.NParams, restMax(f.Code), n)
		}
	case *rt.Primitive:
		if n < f.Min || (f.Max >= 0 && n > f.Max) {
			return arityError(f.Name, f.Min, f.Max, n)
		}
	case *controlPrim:
		if n < f.min || (f.max >= 0 && n > f.max) {
			return arityError(f.name, f.min, f.max, n)
		}
	case *Parameter:
		if n != 0 {
			return rt.NewError("parameter: expects no arguments", f)
		}
	case *DefaultArg:
		return f.arityError(n)
	case *CaseLambda, *Continuation, *recordProc:
	default:
		return rt.NewError("attempt to call a non-procedure", f)
	}
	return nil
}

// tailToCall turns a tail call of the n arguments on top of the stack
// into an ordinary call from the current frame's caller: the procedure
// and arguments move down over the current frame, which is popped.
func (m *machine) tailToCall(n int) {
	copy(m.stack[m.fp-1:], m.stack[m.sp-n-1:m.sp])
	m.sp = m.fp + n
	top := len(m.frames) - 1
	if top < m.lazyF {
		m.underflow()
	}
	f := m.frames[top]
	m.frames = m.frames[:top]
	m.code, m.clo, m.pc, m.fp = f.code, f.clo, int(f.pc), int(f.fp)
}

// call calls the procedure below the n arguments on top of the stack, as a
// non-tail call from the current registers: a closure gets a new frame
// (entered, not run: run's loop continues there); anything else runs to
// its value here and leaves it in the procedure's slot.
func (m *machine) call(n int) {
	for {
		base := m.sp - n - 1
		switch f := m.stack[base].(type) {
		case *Closure:
			m.enter(f, n)
			return
		case *rt.Primitive:
			if n < f.Min || (f.Max >= 0 && n > f.Max) {
				m.raise(n+1, arityError(f.Name, f.Min, f.Max, n))
				return
			}
			v, err := f.Fn(m.stack[base+1 : m.sp])
			m.charge()
			if err != nil {
				m.primError(n+1, err)
				return
			}
			m.stack[base] = v
			m.sp = base + 1
			return
		case *controlPrim:
			if n < f.min || (f.max >= 0 && n > f.max) {
				m.raise(n+1, arityError(f.name, f.min, f.max, n))
				return
			}
			if nn, again := m.control(f, base, n); again {
				n = nn // it set up another call, of nn arguments
				continue
			}
			return
		case *DefaultArg:
			if e := f.arityError(n); e != nil {
				m.raise(n+1, e)
				return
			}
			m.stack[base] = f.Prim
			if n == f.At {
				m.ensure(m.sp + 1 + stackMargin)
				m.stack[m.sp] = m.paramValue(f.Param)
				m.sp++
				n++
			}
		case *CaseLambda:
			c := f.clause(n)
			if c == nil {
				m.raise(n+1, rt.NewError(fmt.Sprintf("%s: no clause accepts %d arguments", procName(f), n)))
				return
			}
			m.stack[base] = c
		case *Continuation:
			var v rt.Value
			if n == 1 {
				v = m.stack[base+1]
			} else {
				j := len(f.frames) - 1
				if !takesAnyValues(f.frames[j].code, int(f.frames[j].pc), frameWalk{f.frames[:j], f.parent}) {
					m.raise(n+1, valuesError(m.stack[base+1:m.sp]))
					return
				}
				v = &rt.MultipleValues{Vals: append([]rt.Value(nil), m.stack[base+1:m.sp]...)}
			}
			if f.dyn.winders != m.dyn.winders {
				// dynamic-wind handlers must run: the library does that
				// in Scheme, then throws.
				w := m.in.fixed(m.in.windAndThrow)
				if w == nil {
					m.raise(n+1, rt.NewError("continuation: dynamic-wind support is not loaded"))
					return
				}
				copy(m.stack[base+1:m.sp+1], m.stack[base:m.sp])
				m.stack[base] = w
				m.sp++
				n++
				continue
			}
			m.throw(f, v)
			return
		case *Parameter:
			if n != 0 {
				m.raise(n+1, rt.NewError("parameter: expects no arguments", f))
				return
			}
			m.stack[base] = m.paramValue(f)
			m.sp = base + 1
			return
		case *recordProc:
			v, err := f.call(m.stack[base+1 : m.sp])
			if err != nil {
				m.primError(n+1, err)
				return
			}
			m.stack[base] = v
			m.sp = base + 1
			return
		default:
			m.raise(n+1, rt.NewError("attempt to call a non-procedure", f))
			return
		}
	}
}

// enter starts closure c on the n arguments above it on the stack.
func (m *machine) enter(c *Closure, n int) {
	cc := c.Code
	if n != cc.NParams {
		if !cc.Rest || n < cc.NParams {
			m.raise(n+1, arityError(procName(c), cc.NParams, restMax(cc), n))
			return
		}
	}
	m.frames = append(m.frames, frame{m.code, m.clo, int32(m.pc), int32(m.fp)})
	m.fp = m.sp - n
	m.ensure(m.fp + cc.MaxStack + stackMargin)
	if cc.Rest {
		rest := rt.Value(rt.Null)
		for i := m.sp - 1; i >= m.fp+cc.NParams; i-- {
			rest = &rt.Pair{Car: m.stack[i], Cdr: rest}
		}
		m.stack[m.fp+cc.NParams] = rest
		m.sp = m.fp + cc.NParams + 1
	}
	for ; m.sp < m.fp+cc.NLocals; m.sp++ {
		m.stack[m.sp] = rt.Unspecified
	}
	m.code, m.clo, m.pc = cc, c, 0
	m.tick()
}

func restMax(c *Code) int {
	if c.Rest {
		return rt.Variadic
	}
	return c.NParams
}

func procName(p rt.Value) string {
	if n, ok := p.(rt.Procedure); ok && n.ProcName() != "" {
		return n.ProcName()
	}
	return "anonymous procedure"
}

func arityError(name string, min, max, got int) *rt.ErrorObject {
	if name == "" {
		name = "anonymous procedure"
	}
	var want string
	switch {
	case max == min:
		want = fmt.Sprintf("%d", min)
	case max < 0:
		want = fmt.Sprintf("at least %d", min)
	default:
		want = fmt.Sprintf("%d to %d", min, max)
	}
	return rt.NewError(fmt.Sprintf("%s: wrong number of arguments: expected %s, got %d", name, want, got))
}

// paramValue returns p's value in the current dynamic environment.
func (m *machine) paramValue(p *Parameter) rt.Value {
	if b := paramBinding(m.dyn.params, p); b != nil {
		return b.Cdr
	}
	return p.Value
}

// paramBinding returns the binding (p . value) of p in params, or nil.
// It checks each item it walks: the list of a continuation from another
// node was checked on arrival, but its pairs may be shared with data that
// the program has changed since.
func paramBinding(params rt.Value, p *Parameter) *rt.Pair {
	for l, ok := params.(*rt.Pair); ok; l, ok = l.Cdr.(*rt.Pair) {
		if b, ok := l.Car.(*rt.Pair); ok && b.Car == p {
			return b
		}
	}
	return nil
}

// uncaught builds the error of a raise that no handler took.
func (m *machine) uncaught(obj rt.Value) *SchemeError {
	e := &SchemeError{Obj: obj, Trace: m.backtrace()}
	if p := m.proc; p != nil && p.raisedDeath != nil && rt.Eq(p.raisedDeath.Reason, obj) {
		e.Linked = p.raisedDeath
	}
	return e
}

// backtrace lists the frames, innermost first, leaving out the system
// library's.
func (m *machine) backtrace() []TraceEntry {
	var t []TraceEntry
	m.walkFrames(func(e TraceEntry) bool {
		t = append(t, e)
		return true
	})
	return t
}

// walkFrames calls f on the frames outside the system library, innermost
// first, while f returns true.
func (m *machine) walkFrames(f func(TraceEntry) bool) {
	visit := func(c *Code, pc int) bool {
		return c == nil || c.Internal || f(TraceEntry{Proc: c.Name, Pos: c.PosAt(pc - 1)})
	}
	if !visit(m.code, m.pc) {
		return
	}
	for i := len(m.frames) - 1; i >= m.lazyF; i-- {
		if !visit(m.frames[i].code, int(m.frames[i].pc)) {
			return
		}
	}
	for k := m.under; k != nil; k = k.parent {
		for i := len(k.frames) - 1; i >= 0; i-- {
			if !visit(k.frames[i].code, int(k.frames[i].pc)) {
				return
			}
		}
	}
}

// compareFix is the comparison op (<, >, <=, >= or =, of two operands or
// of one and a constant) of the fixnums x and y. It looks the answer up
// rather than switching on op: a switch is a second indirect jump, after
// the dispatch, and one the processor mispredicts as often as the
// comparisons alternate.
func compareFix(op Opcode, x, y int64) bool {
	d := x - y // no overflow: fixnums and constants are far inside int64
	sign := d>>63 | int64(uint64(-d)>>63)
	return cmpTruth[op]>>(1+sign)&1 != 0
}

// cmpTruth holds, for each comparison instruction, which outcomes of
// comparing x with y make it true: bit 0 x < y, bit 1 x = y, bit 2 x > y.
var cmpTruth = func() (t [256]uint8) {
	for op, bits := range map[Opcode]uint8{
		opLt: 0b001, opLe: 0b011, opNumEq: 0b010, opGe: 0b110, opGt: 0b100,
	} {
		t[op] = bits
	}
	// Their variants with a constant or operands from variables.
	for op, inf := range opTable {
		if inf.a == opdPrimitive {
			t[op] = t[inlineOps[inf.prim]]
		}
	}
	return t
}()
