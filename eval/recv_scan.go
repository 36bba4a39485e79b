package eval

import rt "termite/runtime"

// The recv-scan instruction is the loop of (?? keep? ...): it asks keep?
// about each message in turn and takes the first one it accepts. A
// predicate that is a primitive is called from Go, with no interpreter
// call at all; any other procedure is called as by a call instruction,
// whose return point is the recv-scan instruction itself: the predicate's
// answer comes back on top of the scan's state, and the instruction goes
// on from there. So each message costs one call of the predicate and
// nothing else, and the state of the scan is five values of the frame's
// operand stack, which a continuation captured inside the predicate
// holds like any other frame's and which can travel to another node.
//
// The state names a message by its index in the mailbox. Indexes hold
// while nothing leaves the mailbox, which the predicate itself may do (a
// receive inside it): the epoch slot holds the process's epoch object of
// the moment (see process.epoch), which any removal replaces. When the
// instruction finds another epoch there, it cannot know which message
// its answer was about, and the scan starts over from the first message,
// asking again. That is also what a continuation captured inside the
// predicate does when called after a message was taken, or on another
// node.

// The operands of recv-scan, from the bottom of the five.
const (
	scanKeep     = iota // the predicate
	scanDeadline        // a flonum on the scheduler's clock, or #f for none
	scanEpoch           // the epoch of scanIndex, or #f: the scan has not begun
	scanIndex           // the message the predicate was asked about last
	scanAnswer          // the predicate's answer about it
	recvScanOperands
)

// recvScanCall is what recv-scan turns into to call keep? on a message.
var recvScanCall = Instr{Op: opCall, A: 1}

// recvScan runs the recv-scan instruction just before m.pc, whose global
// (the instruction's operand) is g, on the operands on top of the stack.
// It returns true when it leaves, for the machine to make, the call of
// keep? on a message (see ask).
func (m *machine) recvScan(g *Global) bool {
	base := m.sp - recvScanOperands
	ops := m.stack[base:m.sp:m.sp]
	p := m.proc
	if !rt.IsTrue(ops[scanEpoch]) {
		if !g.inline {
			// %recv-scan was redefined: an ordinary call of its value.
			m.sp = base + 2
			m.callGlobal(g, 2)
			return false
		}
		// A receive begins: a linked process's death is raised here.
		if obj := p.takePending(); obj != nil {
			m.raise(recvScanOperands, obj)
			return false
		}
	}
	last := -1 // the index of the last message refused
	if i, ok := p.asked(ops); ok {
		if rt.IsTrue(ops[scanAnswer]) {
			m.takeAt(base, i)
			return false
		}
		last = i
	}
	ops[scanEpoch] = p.currentEpoch()
	prim := predicatePrimitive(ops[scanKeep])
	if prim != nil && (prim.Min > 1 || prim.Max == 0) {
		prim = nil // the call raises the arity error
	}
	for j := last + 1; j < len(p.mailbox); j++ {
		if p.exitPending != nil {
			m.raise(recvScanOperands, p.takePending())
			return false
		}
		if prim == nil {
			m.ask(base, j)
			return true
		}
		// The arguments alias the mailbox as they alias the stack
		// elsewhere: a primitive copies what it keeps. No primitive
		// takes messages (receiving is the machine's), so the index
		// holds.
		v, err := prim.Fn(p.mailbox[j : j+1 : j+1])
		m.charge()
		if err != nil {
			m.ask(base, j)
			m.primError(2, err)
			return false
		}
		if rt.IsTrue(v) {
			m.takeAt(base, j)
			return false
		}
		// Each message asked about counts as a call, so that a long
		// scan yields to the other processes, and runs again.
		if m.budget--; m.budget <= 0 {
			ops[scanIndex], ops[scanAnswer] = rt.MakeFixnum(int64(j)), rt.False
			m.pc--
			m.checkpoint()
			return false
		}
	}
	if p.exitPending != nil {
		m.raise(recvScanOperands, p.takePending())
		return false
	}
	// Every message was refused: wait for another, or for the deadline.
	ops[scanIndex], ops[scanAnswer] = rt.MakeFixnum(int64(len(p.mailbox)-1)), rt.False
	at := -1.0
	if d, ok := ops[scanDeadline].(rt.Flonum); ok {
		at = float64(d)
		if m.in.sched.now() >= at {
			m.stack[base] = recvTimeout
			m.sp = base + 1
			return false
		}
	}
	m.block(waitScan, base, recvScanOperands-1, at)
	return false
}

// predicatePrimitive returns the primitive that keep? is, or that it
// only applies to its argument, as (lambda (m) (pair? m)) does: the scan
// then calls it from Go, which is what the closure would do. Nothing
// runs between two messages of such a scan, so the primitive's variable
// cannot change under it.
func predicatePrimitive(keep rt.Value) *rt.Primitive {
	switch k := keep.(type) {
	case *rt.Primitive:
		return k
	case *Closure:
		// Its code is the variant of an inlined primitive of one argument
		// that reads it from the parameter's slot, or the parameter
		// pushed and the primitive called on it; then return.
		c := k.Code
		if c.NParams != 1 || c.Rest || len(c.Instrs) < 2 || c.Instrs[len(c.Instrs)-1].Op != opReturn {
			return nil
		}
		var in Instr
		switch is := c.Instrs; {
		case len(is) == 2 && int(is[0].Op) < len(opTable):
			op, base := &opTable[is[0].Op], baseOf[is[0].Op]
			if base == is[0].Op || op.a != opdPrimitive || opTable[base].pop != 1 || op.c != opdNone || is[0].B != 0 {
				return nil
			}
			in = is[0]
		case len(is) == 3 && is[0] == (Instr{Op: opLocal}) && is[1].Op == opPrim && is[1].B == 1:
			in = is[1]
		default:
			return nil
		}
		g := c.Globals[in.A]
		if p, ok := g.Value.(*rt.Primitive); ok && g.inline {
			return p
		}
	}
	return nil
}

// asked returns the index of the message that the operands ops of a
// recv-scan hold the answer about, if the mailbox has not changed under
// them (see epoch): nothing left it since the index was taken, so that
// the index names the same message, and the mailbox only grew.
func (p *process) asked(ops []rt.Value) (int, bool) {
	e, _ := ops[scanEpoch].(*rt.Pair)
	if e == nil || e != p.epoch {
		return 0, false
	}
	i, _ := ops[scanIndex].(rt.Fixnum)
	return int(i.Int()), true
}

// goOn returns the index of the message that a recv-scan, with
// operands ops, asks keep? about next when the scan just goes on: keep?
// refused the last message, it is not a primitive nor a closure around
// one (which recvScan calls itself), the next message is there, and no
// linked death waits.
func (p *process) goOn(ops []rt.Value) (int, bool) {
	i, ok := p.asked(ops)
	if !ok || predicatePrimitive(ops[scanKeep]) != nil || rt.IsTrue(ops[scanAnswer]) || i+1 >= len(p.mailbox) || p.exitPending != nil {
		return 0, false
	}
	return i + 1, true
}

// setAsk sets up, over the operands ops of a recv-scan and the slot
// above them, the call of keep? on message j: the index, keep? where its
// answer goes, and the message. The call returns to the instruction.
func setAsk(ops []rt.Value, j int, msg rt.Value) {
	ops[scanIndex], ops[scanAnswer], ops[recvScanOperands] = rt.MakeFixnum(int64(j)), ops[scanKeep], msg
}

// ask sets up the call of keep? on message j (see setAsk) over the
// operands of a recv-scan at base, as the instruction before m.pc would
// make it.
func (m *machine) ask(base, j int) {
	setAsk(m.stack[base:m.sp+1], j, m.proc.mailbox[j])
	m.sp++
	m.pc--
}

// takeAt ends a recv-scan whose operands start at base: message i leaves
// the mailbox and is the instruction's value.
func (m *machine) takeAt(base, i int) {
	p := m.proc
	m.stack[base] = p.mailbox[i]
	m.sp = base + 1
	p.remove(i)
}
