package eval

import rt "termite/runtime"

// The machine's side of waiting, the one way the machine and the
// scheduler touch each other's state: the machine blocks (block, park),
// and the scheduler, when what the process waits for comes, hands the
// machine a value (deliver) or an object to raise (deliverRaise) in place
// of the waiting call, or has it run its waiting instruction again
// (rescan), then runs it again.

// block stops the machine in a receive, a sleep or a read whose value
// goes to stack[base], with n more values above it (the arguments of a
// control primitive whose procedure slot is base, nothing for the
// recv-next instruction, the operands above the first for recv-scan);
// kind says for what, until deadline (< 0: none).
func (m *machine) block(kind waitKind, base, n int, deadline float64) {
	m.sp = base + 1 + n
	m.status = blocked
	m.waitBase, m.waitArgs = int32(base), int32(n)
	m.in.sched.wait(m.proc, kind, deadline)
}

// park blocks the machine in a primitive that returned Blocking, whose
// work then runs on a goroutine of its own.
func (m *machine) park(base, n int, b *rt.Blocking) {
	m.block(waitIO, base, n, -1)
	m.in.sched.startIO(m.proc, b)
}

// deliver makes v the value of the call the machine waits in.
func (m *machine) deliver(v rt.Value) {
	base := int(m.waitBase)
	m.stack[base] = v
	m.sp = base + 1
}

// rescan makes the machine, blocked in a recv-scan instruction, run that
// instruction again: its operands, the state of the scan, are still on
// the stack.
func (m *machine) rescan() {
	m.pc--
}

// deliverRaise raises obj in place of the call the machine waits in.
func (m *machine) deliverRaise(obj rt.Value) {
	m.raise(int(m.waitArgs)+1, obj)
}

// waitArg returns argument i of the call the machine waits in, if it has
// one.
func (m *machine) waitArg(i int) (rt.Value, bool) {
	if i >= int(m.waitArgs) {
		return nil, false
	}
	return m.stack[int(m.waitBase)+1+i], true
}
