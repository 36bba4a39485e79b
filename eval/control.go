package eval

import (
	"fmt"

	rt "termite/runtime"
)

// controlOp names a primitive built into the machine.
type controlOp uint8

const (
	ctlApply controlOp = iota
	ctlCallCC
	ctlValues
	ctlApplyValues
	ctlWinders
	ctlSetWinders
	ctlHandlers
	ctlSetHandlers
	ctlParams
	ctlSetParams
	ctlUncaught
	ctlThrow
	ctlEval
	ctlRecvNext
	ctlRecvMatching
	ctlRecvScan
	ctlTake
	ctlSleep
)

var controlPrims = []*controlPrim{
	{"apply", 2, rt.Variadic, ctlApply},
	{"call-with-current-continuation", 1, 1, ctlCallCC},
	{"call/cc", 1, 1, ctlCallCC},
	{"values", 0, rt.Variadic, ctlValues},
	{"%apply-values", 2, 2, ctlApplyValues},
	{"%winders", 0, 0, ctlWinders},
	{"%set-winders!", 1, 1, ctlSetWinders},
	{"%handlers", 0, 0, ctlHandlers},
	{"%set-handlers!", 1, 1, ctlSetHandlers},
	{"%params", 0, 0, ctlParams},
	{"%set-params!", 1, 1, ctlSetParams},
	{"%uncaught", 1, 1, ctlUncaught},
	{"%throw", 2, 2, ctlThrow},
	{"eval", 1, 2, ctlEval},
	{"%recv-next", 1, 1, ctlRecvNext},
	{"%recv-next-matching", 2, 2, ctlRecvMatching},
	{"%recv-scan", 2, 2, ctlRecvScan},
	{"?", 0, 2, ctlTake},
	{"sleep", 1, 1, ctlSleep},
}

// control runs control primitive f, called with n arguments whose
// procedure slot is stack[base]. It either leaves a value in that slot, or
// sets up another call there and returns its argument count and true.
func (m *machine) control(f *controlPrim, base, n int) (int, bool) {
	arg := func(i int) rt.Value { return m.stack[base+1+i] }
	result := func(v rt.Value) (int, bool) {
		m.stack[base] = v
		m.sp = base + 1
		return 0, false
	}
	switch f.op {
	case ctlApply:
		items, ok := rt.ListToSlice(arg(n - 1))
		if !ok {
			m.raise(n+1, rt.TypeError("apply", "proper list", arg(n-1)))
			return 0, false
		}
		// base: proc a1 ... a(k) list  ->  base: proc a1 ... a(k) items...
		m.stack[base] = arg(0)
		copy(m.stack[base+1:], m.stack[base+2:base+n])
		m.sp = base + n - 1
		m.ensure(m.sp + len(items) + stackMargin)
		copy(m.stack[m.sp:], items)
		m.sp += len(items)
		return m.sp - base - 1, true
	case ctlCallCC:
		proc := arg(0)
		k := m.capture(base, m.pc)
		m.stack[base] = proc
		m.stack[base+1] = k
		m.sp = base + 2
		if c, ok := proc.(*Closure); ok && m.callError(1) == nil {
			// Called from k's top frame, the receiver leaves everything
			// below it to k: the next capture shares it instead of
			// copying it again.
			m.enter(c, 1)
			m.leaveBelow(k, base)
			return 0, false
		}
		return 1, true
	case ctlValues:
		if n == 1 {
			return result(arg(0))
		}
		if !takesAnyValues(m.code, m.pc, frameWalk{m.frames[m.lazyF:], m.under}) {
			m.raise(n+1, valuesError(m.stack[base+1:m.sp]))
			return 0, false
		}
		return result(&rt.MultipleValues{Vals: append([]rt.Value(nil), m.stack[base+1:m.sp]...)})
	case ctlApplyValues:
		proc, v := arg(0), arg(1)
		m.stack[base] = proc
		if mv, ok := v.(*rt.MultipleValues); ok {
			m.sp = base + 1
			m.ensure(m.sp + len(mv.Vals) + stackMargin)
			copy(m.stack[m.sp:], mv.Vals)
			m.sp += len(mv.Vals)
			return len(mv.Vals), true
		}
		m.stack[base+1] = v
		m.sp = base + 2
		return 1, true
	case ctlWinders:
		return result(m.dyn.winders)
	case ctlSetWinders:
		m.dyn = &dynState{arg(0), m.dyn.handlers, m.dyn.params}
		return result(rt.Unspecified)
	case ctlHandlers:
		return result(m.dyn.handlers)
	case ctlSetHandlers:
		m.dyn = &dynState{m.dyn.winders, arg(0), m.dyn.params}
		return result(rt.Unspecified)
	case ctlParams:
		return result(m.dyn.params)
	case ctlSetParams:
		m.dyn = &dynState{m.dyn.winders, m.dyn.handlers, arg(0)}
		return result(rt.Unspecified)
	case ctlUncaught:
		m.fail(m.uncaught(arg(0)))
		return 0, false
	case ctlThrow:
		k, ok := arg(0).(*Continuation)
		if !ok {
			m.raise(n+1, rt.TypeError("%throw", "continuation", arg(0)))
			return 0, false
		}
		vals, ok := rt.ListToSlice(arg(1))
		if !ok {
			m.raise(n+1, rt.TypeError("%throw", "list", arg(1)))
			return 0, false
		}
		var v rt.Value
		if len(vals) == 1 {
			v = vals[0]
		} else {
			v = &rt.MultipleValues{Vals: vals}
		}
		m.throw(k, v)
		return 0, false
	case ctlEval:
		src := &source{file: "eval", env: m.in.program}
		if n == 2 {
			env, ok := arg(1).(*Environment)
			if !ok {
				m.raise(n+1, rt.TypeError("eval", "environment", arg(1)))
				return 0, false
			}
			src.env = env
		}
		thunk, err := m.in.compileTop(arg(0), src)
		if err != nil {
			m.raise(n+1, err)
			return 0, false
		}
		m.stack[base] = thunk
		m.sp = base + 1
		return 0, true
	case ctlRecvNext:
		m.recvNext(base, arg(0))
		return 0, false
	case ctlRecvMatching:
		m.recvMatching(base, n, arg(0), arg(1))
		return 0, false
	case ctlRecvScan:
		proc, err := m.in.recvScanProc()
		if err != nil {
			m.raise(n+1, rt.RaisedObject(err))
			return 0, false
		}
		m.stack[base] = proc
		return n, true
	case ctlTake:
		// (? [TIMEOUT [DEFAULT]]): the oldest message, in Go since it is
		// the receive most programs use.
		p, s := m.proc, m.in.sched
		if obj := p.takePending(); obj != nil {
			m.raise(n+1, obj)
			return 0, false
		}
		if msg, ok := p.take(); ok {
			return result(msg)
		}
		deadline := -1.0
		if n >= 1 && rt.IsTrue(arg(0)) {
			secs, ok := rt.RealToFloat(arg(0))
			if !ok || secs != secs {
				m.raise(n+1, rt.TypeError("?", "real number of seconds", arg(0)))
				return 0, false
			}
			if secs <= 0 {
				if n >= 2 {
					return result(arg(1))
				}
				m.raise(n+1, symTimeout)
				return 0, false
			}
			deadline = s.now() + secs
		}
		m.block(waitTake, base, n, deadline)
		return 0, false
	case ctlSleep:
		secs, ok := rt.RealToFloat(arg(0))
		if !ok || secs != secs {
			m.raise(n+1, rt.TypeError("sleep", "real number", arg(0)))
			return 0, false
		}
		if secs <= 0 {
			return result(rt.Unspecified)
		}
		m.block(waitSleep, base, n, m.in.sched.now()+secs)
		return 0, false
	}
	panic("machine: bad control primitive")
}

// recvNext runs (%recv-next deadline), whose value goes to stack[base]:
// the next message not looked at yet, or %recv-timeout once the deadline
// (a flonum, or #f for none) has passed; else the process blocks until one
// of them. A linked process's death is raised instead, in place of the
// values from base up.
func (m *machine) recvNext(base int, deadline rt.Value) {
	m.recvMatching(base, 0, deadline, nil)
}

// recvMatching runs (%recv-next-matching deadline shapes), with n
// arguments above base, as recvNext, passing over in Go the messages
// that match none of shapes (see matchShapes); nil shapes match all. The
// arguments stay on the stack while the process waits, for the
// scheduler to look at the messages that come with the same shapes.
func (m *machine) recvMatching(base, n int, deadline, shapes rt.Value) {
	p, s := m.proc, m.in.sched
	if obj := p.takePending(); obj != nil {
		m.raise(m.sp-base, obj)
		return
	}
	if msg, ok := p.nextMatching(shapes); ok {
		m.stack[base] = msg
		m.sp = base + 1
		return
	}
	at := -1.0
	if d, ok := deadline.(rt.Flonum); ok {
		at = float64(d)
		if s.now() >= at {
			m.stack[base] = recvTimeout
			m.sp = base + 1
			return
		}
	}
	m.block(waitRecv, base, n, at)
}

// takesAnyValues reports whether the continuation at pc of code, with
// the frames of callers below it, takes any number of values (R7RS 6.10):
// one that drops its value (a non-final expression of a sequence), or one
// in the library, which passes values on (call-with-values, dynamic-wind,
// the top level's driver). Every other continuation takes exactly one
// value.
func takesAnyValues(code *Code, pc int, callers frameWalk) bool {
	for !code.Internal {
		switch consumer(code, pc) {
		case opPop, opHalt:
			return true
		case opReturn:
			f, ok := callers.next()
			if !ok {
				return true // the value goes out of the machine
			}
			code, pc = f.code, int(f.pc)
		default:
			return false
		}
	}
	return true
}

// consumer returns the operation that takes the value returned to pc of
// code: jumps lead from the end of a branch to it. A chain of jumps longer
// than the code is a cycle, and gives opJump.
func consumer(code *Code, pc int) Opcode {
	for range code.Instrs {
		if pc < 0 || pc >= len(code.Instrs) {
			break
		}
		in := code.Instrs[pc]
		if in.Op != opJump {
			return in.Op
		}
		pc = int(in.A)
	}
	return opJump
}

// frameWalk gives frames from the top down: those of frames from the last,
// then those of the continuation under them.
type frameWalk struct {
	frames []frame
	under  *Continuation
}

func (w *frameWalk) next() (frame, bool) {
	for len(w.frames) == 0 {
		if w.under == nil {
			return frame{}, false
		}
		w.frames, w.under = w.under.frames, w.under.parent
	}
	f := w.frames[len(w.frames)-1]
	w.frames = w.frames[:len(w.frames)-1]
	return f, true
}

// valuesError is the error of passing vals, other than one value, to a
// continuation that takes exactly one.
func valuesError(vals []rt.Value) *rt.ErrorObject {
	return rt.NewError(fmt.Sprintf("%d values passed to a continuation that takes exactly one", len(vals)),
		append([]rt.Value(nil), vals...)...)
}
