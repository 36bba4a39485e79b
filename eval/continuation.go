package eval

import (
	rt "termite/runtime"
)

// Continuation is a captured continuation: the operand stack and frames
// below the capture point, and the dynamic state (winders, exception
// handlers, parameter bindings) of that moment.
//
// It is a chain of segments, each immutable once made. This one holds the
// stack slots from index lo and the frames from index flo, up to the
// capture point; parent holds everything below (nil when lo and flo are
// 0). A capture copies only what the machine changed since its last
// capture or throw, and shares the rest with the continuations before it:
// a generator that captures in a loop copies one frame each time, however
// deep its stack.
type Continuation struct {
	stack   []rt.Value
	frames  []frame
	lo, flo int
	parent  *Continuation
	dyn     *dynState // nil in the segments that are only parents
}

// ProcName names continuations in messages.
func (k *Continuation) ProcName() string { return "continuation" }

// boundary is the stack index where the region of k's frame j begins: the
// slot of the procedure it runs, or 0 for the boot frame.
func (k *Continuation) boundary(j int) int {
	if j == 0 {
		return k.lo
	}
	return int(k.frames[j].fp) - 1
}

// below returns the continuation made of k's frames under its frame j,
// and of their stack: a view sharing k's memory, or k's parent.
func (k *Continuation) below(j int) *Continuation {
	if j == 0 {
		return k.parent
	}
	v := new(Continuation)
	v.stack = k.stack[:k.boundary(j)-k.lo]
	v.frames = k.frames[:j]
	v.lo, v.flo, v.parent = k.lo, k.flo, k.parent
	return v
}

// flatten returns the whole stack and all the frames of k.
func (k *Continuation) flatten() ([]rt.Value, []frame) {
	if k.parent == nil {
		return k.stack, k.frames
	}
	stack := make([]rt.Value, k.lo+len(k.stack))
	frames := make([]frame, k.flo+len(k.frames))
	for s := k; s != nil; s = s.parent {
		copy(stack[s.lo:], s.stack)
		copy(frames[s.flo:], s.frames)
	}
	return stack, frames
}

// The machine keeps only the top of its stack: the frames below lazyF and
// the stack slots below lazySP are those of the continuation m.under, and
// are copied back (underflow) when a return reaches them. Capture copies
// the frames and slots above the boundary into a new segment whose parent
// is m.under; call/cc then moves the boundary up to the capture point, so
// that the next capture, if nothing returned in between, copies nothing
// but the frames made since. Throw copies back the top frame only.
//
// Invariants: lazyF <= len(m.frames), and lazySP is where the region of
// frame lazyF begins (see Continuation.boundary; frame lazyF is the
// running one when lazyF == len(m.frames)). Nothing writes below lazySP.

// capture returns the continuation of a call whose procedure is at
// stack[base]: the stack below it and the frames including the current
// one, to resume at pc.
func (m *machine) capture(base, pc int) *Continuation {
	k := m.cut(base, 1)
	k.frames[len(k.frames)-1] = frame{m.code, m.clo, int32(pc), int32(m.fp)}
	return k
}

// captureReturn returns the continuation that the running frame returns
// to.
func (m *machine) captureReturn() *Continuation {
	if len(m.frames) == m.lazyF {
		// All of it is under already: share it, with the dynamic state
		// of now.
		k := new(Continuation)
		*k = *m.under
		k.dyn = m.dyn
		return k
	}
	return m.cut(m.fp-1, 0)
}

// cut returns a new segment holding the stack from lazySP to base and the
// frames from lazyF on, with room for extra more frames on top.
func (m *machine) cut(base, extra int) *Continuation {
	n := len(m.frames)
	k := newSegment(base-m.lazySP, n-m.lazyF+extra)
	k.lo, k.flo, k.parent, k.dyn = m.lazySP, m.lazyF, m.under, m.dyn
	// Loops, not copy: segments are a few slots long, and copy's call
	// costs more than the copying.
	for i, v := range m.stack[m.lazySP:base] {
		k.stack[i] = v
	}
	for i, f := range m.frames[m.lazyF:n] {
		k.frames[i] = f
	}
	return k
}

// leaveBelow makes everything below the running frame lazy, as the
// continuation k: right after k was captured, when the running frame was
// called from k's top frame and begins at stack index base.
func (m *machine) leaveBelow(k *Continuation, base int) {
	m.under, m.lazyF, m.lazySP = k, len(m.frames), base
}

// throw reinstates k and returns v to it. It counts as a call against the
// reduction budget (tick): a loop that only throws must be preempted too.
func (m *machine) throw(k *Continuation, v rt.Value) {
	j := len(k.frames) - 1
	f := k.frames[j]
	s, top := k.boundary(j), k.lo+len(k.stack)
	m.sp = 0 // nothing to keep if the stack grows
	m.ensure(max(top+1, int(f.fp)+f.code.MaxStack) + stackMargin)
	for i, v := range k.stack[s-k.lo:] { // a loop for a few slots: see cut
		m.stack[s+i] = v
	}
	m.sp = top
	depth := k.flo + j
	if depth > cap(m.frames) {
		m.frames = make([]frame, depth, 2*depth)
	}
	m.frames = m.frames[:depth]
	m.under, m.lazyF, m.lazySP = k.below(j), depth, s
	m.code, m.clo, m.pc, m.fp = f.code, f.clo, int(f.pc), int(f.fp)
	m.dyn = k.dyn
	m.stack[m.sp] = v
	m.sp++
	m.tick()
}

// underflowFrames is how many frames an underflow copies back at most:
// enough that returns rarely underflow, few enough that returning once into
// a deep continuation costs little.
const underflowFrames = 16

// underflow copies back the top frames of m.under: a return is about to
// pop frame lazyF-1. m.sp must be the height of the live stack.
func (m *machine) underflow() {
	u := m.under
	j := max(len(u.frames)-underflowFrames, 0)
	s, top := u.boundary(j), m.lazySP
	need := top
	for _, f := range u.frames[j:] {
		need = max(need, int(f.fp)+f.code.MaxStack)
	}
	m.ensure(need + stackMargin)
	copy(m.stack[s:top], u.stack[s-u.lo:])
	copy(m.frames[u.flo+j:], u.frames[j:])
	m.under, m.lazyF, m.lazySP = u.below(j), u.flo+j, s
}

// segment is a small continuation segment and its parts in one
// allocation: a generator or an escape captures at a high rate, and one
// allocation per capture instead of three halves the cost. Each capture
// has a block of its own, because a block shared by several captures
// would live while any of them does, and keep the others' dead values,
// parents included, reachable: a loop that escapes from nested call/cc's
// then grows a chain of blocks that is never freed.
type segment struct {
	k      Continuation
	vals   [segmentValues]rt.Value
	frames [segmentFrames]frame
}

const (
	segmentValues = 6
	segmentFrames = 2
)

// newSegment returns a continuation segment with room for n stack slots
// and nf frames.
func newSegment(n, nf int) *Continuation {
	if n > segmentValues || nf > segmentFrames {
		return &Continuation{stack: make([]rt.Value, n), frames: make([]frame, nf)}
	}
	b := &segment{}
	b.k.stack, b.k.frames = b.vals[:n:n], b.frames[:nf:nf]
	return &b.k
}
