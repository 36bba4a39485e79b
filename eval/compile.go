package eval

import (
	rt "termite/runtime"
)

// compiler emits the code object of one lambda. The frame of a running
// lambda is stack[fp : fp+NLocals] (parameters first, then the variables
// of its lets and internal definitions) with the operand stack above it;
// stack[fp-1] holds the closure being run. depth tracks the operand stack
// so that MaxStack is known when the lambda is entered: emit counts each
// instruction's effect (opTable), and the compiler adjusts it where control
// joins.
type compiler struct {
	in      *Interp
	fn      *lambdaExpr
	code    *Code
	depth   int
	globals indexOf[*Global]
	consts  indexOf[rt.Value]
}

// indexOf finds items in a slice that a compiler appends them to. A
// function uses few globals and constants: looking along the slice costs
// less than a map, which is made only for the long ones.
type indexOf[T comparable] struct {
	m map[T]int32 // nil while the slice is short
}

// shortIndex is the length past which indexOf makes its map.
const shortIndex = 32

// find returns the index of v in items, or -1.
func (x *indexOf[T]) find(items []T, v T) int32 {
	if x.m != nil {
		if i, ok := x.m[v]; ok {
			return i
		}
		return -1
	}
	for i, w := range items {
		if w == v {
			return int32(i)
		}
	}
	return -1
}

// add appends v to *items and returns its index.
func (x *indexOf[T]) add(items *[]T, v T) int32 {
	i := int32(len(*items))
	*items = append(*items, v)
	switch {
	case x.m != nil:
		x.m[v] = i
	case len(*items) > shortIndex:
		x.m = make(map[T]int32, 2*len(*items))
		for j, w := range *items {
			if _, dup := x.m[w]; !dup {
				x.m[w] = int32(j)
			}
		}
	}
	return i
}

// compileLambda compiles fn and, recursively, the lambdas inside it.
func (in *Interp) compileLambda(fn *lambdaExpr, internal bool) *Code {
	nparams := len(fn.params)
	if fn.rest {
		nparams--
	}
	c := &compiler{
		in: in, fn: fn,
		code: &Code{Name: fn.name, NParams: nparams, Rest: fn.rest,
			NLocals: len(fn.locals), Internal: internal},
	}
	c.markPos(fn.pos)
	for _, b := range fn.params {
		if b.boxed {
			c.emit(opBoxLocal, int32(b.slot), 0)
		}
	}
	if fn.top {
		// Not a tail call: the top-level form's own frame stays in
		// backtraces, which then point at the form.
		c.compile(fn.body, false)
		c.emit(opReturn, 0, 0)
	} else {
		c.compile(fn.body, true)
	}
	c.code.MaxStack += c.code.NLocals + 1
	return c.code
}

// emit appends an instruction and counts its effect on the operand stack
// (a call of no arguments may deepen it: the result takes the place of no
// argument).
func (c *compiler) emit(op Opcode, a, b int32) int {
	return c.emit3(op, a, b, 0)
}

// emit3 is emit for an instruction with an operand C.
func (c *compiler) emit3(op Opcode, a, b, k int32) int {
	in := Instr{Op: op, A: a, B: b, C: k}
	c.code.Instrs = append(c.code.Instrs, in)
	pop, push := in.effect()
	c.code.MaxStack = max(c.code.MaxStack, c.depth+int(opTable[op].scratch))
	c.depth += push - pop
	if c.depth > c.code.MaxStack {
		c.code.MaxStack = c.depth
	}
	return len(c.code.Instrs) - 1
}

func (c *compiler) markPos(p rt.Pos) {
	if !p.IsValid() {
		return
	}
	pc := int32(len(c.code.Instrs))
	if n := len(c.code.Pos); n > 0 {
		last := &c.code.Pos[n-1]
		if last.Pos == p {
			return
		}
		if last.PC == pc {
			last.Pos = p
			return
		}
	}
	c.code.Pos = append(c.code.Pos, PosEntry{pc, p})
}

func (c *compiler) constIndex(v rt.Value) int32 {
	switch v.(type) {
	case rt.Flonum, rt.Compnum: // NaN is never equal to itself; no sharing
	default:
		if i := c.consts.find(c.code.Consts, v); i >= 0 {
			return i
		}
	}
	return c.consts.add(&c.code.Consts, v)
}

func (c *compiler) globalIndex(g *Global) int32 {
	if i := c.globals.find(c.code.Globals, g); i >= 0 {
		return i
	}
	return c.globals.add(&c.code.Globals, g)
}

func (c *compiler) constant(v rt.Value, tail bool) {
	c.emit(opConst, c.constIndex(v), 0)
	c.ret(tail)
}

func (c *compiler) ret(tail bool) {
	if tail {
		c.emit(opReturn, 0, 0)
	}
}

// load pushes the value of local b (unboxed).
func (c *compiler) load(b *binding) {
	if b.owner == c.fn {
		if b.boxed {
			c.emit(opLocalBox, int32(b.slot), 0)
		} else {
			c.emit(opLocal, int32(b.slot), 0)
		}
	} else if b.boxed {
		c.emit(opFreeBox, int32(c.fn.freeAt[b]), 0)
	} else {
		c.emit(opFree, int32(c.fn.freeAt[b]), 0)
	}
}

// loadRaw pushes what holds b: its box if it has one; what closures capture.
func (c *compiler) loadRaw(b *binding) {
	if b.owner == c.fn {
		c.emit(opLocal, int32(b.slot), 0)
	} else {
		c.emit(opFree, int32(c.fn.freeAt[b]), 0)
	}
}

// store pops into local b.
func (c *compiler) store(b *binding) {
	switch {
	case b.owner != c.fn:
		c.emit(opSetFreeBox, int32(c.fn.freeAt[b]), 0)
	case b.boxed:
		c.emit(opSetLocalBox, int32(b.slot), 0)
	default:
		c.emit(opSetLocal, int32(b.slot), 0)
	}
}

func (c *compiler) compile(n expr, tail bool) {
	switch n := n.(type) {
	case *constExpr:
		c.constant(n.v, tail)
	case *localRef:
		if v, ok := c.variable(n); ok && tail {
			c.emit(opReturnVar, v, 0)
			return
		}
		c.load(n.b)
		c.ret(tail)
	case *globalRef:
		c.markPos(n.pos)
		c.emit(opGlobal, c.globalIndex(c.in.bound(n.g, c.code.Internal || n.core)), 0)
		c.ret(tail)
	case *setLocal:
		c.effect(n)
		c.constant(rt.Unspecified, tail)
	case *setGlobal:
		c.effect(n)
		c.constant(rt.Unspecified, tail)
	case *ifExpr:
		toElse := c.branch(n.test)
		c.compile(n.then, tail)
		var jend int
		if !tail {
			jend = c.emit(opJump, 0, 0)
			c.depth-- // the else branch leaves its own value
		}
		c.patch(toElse)
		c.compile(n.els, tail)
		if !tail {
			c.code.Instrs[jend].A = int32(len(c.code.Instrs))
		}
	case *orExpr:
		// a; if true, on to the end with it; else b.
		c.compile(n.a, false)
		j := c.emit(opJumpTrueKeep, 0, 0)
		c.compile(n.b, tail)
		c.patch([]int{j})
		if tail {
			c.emit(opReturn, 0, 0)
		}
	case *seqExpr:
		for _, e := range n.body[:len(n.body)-1] {
			c.effect(e)
		}
		c.compile(n.body[len(n.body)-1], tail)
	case *callExpr:
		c.call(n, tail)
	case *letCCExpr:
		c.letCC(n, tail)
	case *lambdaExpr:
		c.closure(n)
		c.ret(tail)
	case *letExpr:
		c.let(n, tail)
	default:
		panic("compile: unknown expr")
	}
}

// branch compiles test for an if: the code goes on when it is true, and
// the jumps it returns, still to patch, go to the else branch. An or and
// an and are tested without their values: (if (or a b) x y) jumps from a
// to x, (if (and a b) x y) from a to y.
func (c *compiler) branch(test expr) (toElse []int) {
	switch n := test.(type) {
	case *orExpr:
		c.compile(n.a, false)
		toThen := c.emit(opJumpTrue, 0, 0)
		toElse = c.branch(n.b)
		c.patch([]int{toThen})
		return toElse
	case *ifExpr:
		if k, ok := n.els.(*constExpr); ok && !rt.IsTrue(k.v) { // (and a b)
			return append(c.branch(n.test), c.branch(n.then)...)
		}
	}
	c.compile(test, false)
	return []int{c.emit(opJumpFalse, 0, 0)}
}

// patch makes the jumps at jumps go to the next instruction.
func (c *compiler) patch(jumps []int) {
	for _, j := range jumps {
		c.code.Instrs[j].A = int32(len(c.code.Instrs))
	}
}

// effect compiles n for its effects only: its value is dropped, and an
// assignment does not make the unspecified value it would return.
func (c *compiler) effect(n expr) {
	switch n := n.(type) {
	case *constExpr, *localRef:
	case *setLocal:
		c.compile(n.val, false)
		c.store(n.b)
	case *setGlobal:
		op := opSetGlobal
		if n.define {
			op = opDefGlobal
			n.g.defined = true // before its value, which may call it
		}
		c.compile(n.val, false)
		c.markPos(n.pos)
		c.emit(op, c.globalIndex(n.g), 0)
	default:
		c.compile(n, false)
		c.emit(opPop, 0, 0)
	}
}

func (c *compiler) closure(n *lambdaExpr) {
	code := c.in.compileLambda(n, c.code.Internal)
	if len(n.free) == 0 {
		// Nothing to capture: one closure serves every evaluation.
		c.constant(&Closure{Code: code}, false)
		return
	}
	for _, b := range n.free {
		c.loadRaw(b)
	}
	c.code.Children = append(c.code.Children, code)
	c.emit(opClosure, int32(len(c.code.Children)-1), int32(len(n.free)))
}

func (c *compiler) call(n *callExpr, tail bool) {
	if ref, ok := n.fn.(*globalRef); ok && ref.g.inline {
		g := c.in.bound(ref.g, c.code.Internal || ref.core)
		if p, ok := g.Value.(*rt.Primitive); ok && len(n.args) >= p.Min && (p.Max < 0 || len(n.args) <= p.Max) {
			if c.immediate(p.Name, n, g) {
				c.ret(tail)
				return
			}
			if op, ok := inlineOps[p.Name]; ok && int(opTable[op].pop) == len(n.args) {
				c.inlined(op, n, g)
			} else {
				c.args(n.args)
				c.markPos(n.pos)
				c.emit(opPrim, c.globalIndex(g), int32(len(n.args)))
			}
			c.ret(tail)
			return
		}
	}
	if ref, ok := n.fn.(*globalRef); ok && ref.g.inline {
		g := c.in.bound(ref.g, c.code.Internal || ref.core)
		p, _ := g.Value.(*controlPrim)
		switch {
		case p == nil:
		case p.op == ctlRecvNext && len(n.args) == 1:
			c.compile(n.args[0], false)
			c.markPos(n.pos)
			c.emit(opRecvNext, c.globalIndex(g), 0)
			c.ret(tail)
			return
		case p.op == ctlRecvScan && len(n.args) == 2:
			c.compile(n.args[0], false)
			c.compile(n.args[1], false)
			// The call's position covers the instruction before it too,
			// where a backtrace through the predicate points.
			c.markPos(n.pos)
			for range recvScanOperands - 2 { // the scan's state: see opRecvScan
				c.emit(opConst, c.constIndex(rt.False), 0)
			}
			c.emit(opRecvScan, c.globalIndex(g), 0)
			c.ret(tail)
			return
		}
	}
	if ref, ok := n.fn.(*localRef); ok && tail && ref.b == c.fn.self && !ref.b.mutated &&
		!c.fn.rest && len(n.args) == len(c.fn.params) {
		// The callee is the closure running: no need to load it.
		c.args(n.args)
		c.markPos(n.pos)
		c.emit(opSelfTailCall, int32(len(n.args)), 0)
		return
	}
	if ref, ok := n.fn.(*globalRef); ok && (ref.g.Value != nil || ref.g.defined) {
		// The procedure is read after the arguments, by the call. Not
		// for a name that has never been defined, most likely a typo: its
		// error must come before any the arguments raise, as in
		// (lamda (x) x).
		c.args(n.args)
		c.markPos(n.pos)
		g := c.globalIndex(c.in.bound(ref.g, c.code.Internal || ref.core))
		if tail {
			c.emit(opTailCallGlobal, int32(len(n.args)), g)
		} else {
			c.emit(opCallGlobal, int32(len(n.args)), g)
		}
		return
	}
	if v, ok := c.variable(n.fn); ok {
		// Read after the arguments too: a variable's value cannot be
		// unbound.
		c.args(n.args)
		c.markPos(n.pos)
		if tail {
			c.emit(opTailCallVar, int32(len(n.args)), v)
		} else {
			c.emit(opCallVar, int32(len(n.args)), v)
		}
		return
	}
	c.compile(n.fn, false)
	c.args(n.args)
	c.markPos(n.pos)
	if tail {
		c.emit(opTailCall, int32(len(n.args)), 0)
	} else {
		c.emit(opCall, int32(len(n.args)), 0)
	}
}

// args compiles the arguments of a call, which it pushes: two variables
// in a row with one instruction.
func (c *compiler) args(args []expr) {
	for i := 0; i < len(args); i++ {
		if i+1 < len(args) {
			a, okA := c.variable(args[i])
			b, okB := c.variable(args[i+1])
			if okA && okB {
				c.emit(opPush2, a, b)
				i++
				continue
			}
		}
		c.compile(args[i], false)
	}
}

// inlined compiles the call n of the primitive bound in g as op, its
// inlined instruction, or as op's variant that reads the operands from
// their variables when they are all variables without a box.
func (c *compiler) inlined(op Opcode, n *callExpr, g *Global) {
	var vars [2]int32
	allVars := variantOf[op] != 0
	for i, a := range n.args {
		if v, ok := c.variable(a); ok && allVars {
			vars[i] = v
		} else {
			allVars = false
		}
	}
	if allVars {
		c.markPos(n.pos)
		c.emit3(variantOf[op], c.globalIndex(g), vars[0], vars[1])
		return
	}
	c.args(n.args)
	c.markPos(n.pos)
	c.emit(op, c.globalIndex(g), 0)
}

// variable returns, as an opdVar operand, the variable that e reads when
// it reads one without a box: a local of this lambda or a free value.
func (c *compiler) variable(e expr) (int32, bool) {
	ref, ok := e.(*localRef)
	switch {
	case !ok || ref.b.boxed:
		return 0, false
	case ref.b.owner == c.fn:
		return int32(ref.b.slot), true
	}
	return int32(-1 - c.fn.freeAt[ref.b]), true
}

// immediate compiles the call n of the inlined primitive name, bound in
// g, as an instruction with a constant, and reports whether it could: the
// primitive must have such an instruction, and its second argument (or
// the first, for +) must be a fixnum that fits the operand.
func (c *compiler) immediate(name string, n *callExpr, g *Global) bool {
	op, ok := immOps[name]
	if !ok || len(n.args) != 2 {
		return false
	}
	x, k := n.args[0], n.args[1]
	imm, ok := immediateOf(k)
	if !ok && op == opAddImm {
		x, k = k, x
		imm, ok = immediateOf(k)
	}
	if !ok {
		return false
	}
	if slot, ok := c.variable(x); ok && variantOf[op] != 0 {
		c.markPos(n.pos)
		c.emit3(variantOf[op], c.globalIndex(g), slot, imm)
		return true
	}
	c.compile(x, false)
	c.markPos(n.pos)
	c.emit3(op, c.globalIndex(g), 0, imm)
	return true
}

// immediateOf returns the value of n when it is a constant fixnum that
// fits an instruction's operand.
func immediateOf(n expr) (int32, bool) {
	k, ok := n.(*constExpr)
	if !ok {
		return 0, false
	}
	f, ok := k.v.(rt.Fixnum)
	if !ok || f.Int() != int64(int32(f.Int())) {
		return 0, false
	}
	return int32(f.Int()), true
}

// letCC compiles a letCCExpr: the body in place, then the plain call.
func (c *compiler) letCC(n *letCCExpr, tail bool) {
	ref := n.fallback.fn.(*globalRef)
	op := opLetCC
	if tail {
		op = opLetCCTail
	}
	c.markPos(n.fallback.pos)
	at := c.emit(op, c.globalIndex(c.in.bound(ref.g, c.code.Internal || ref.core)), 0)
	if n.k.boxed {
		c.emit(opMakeBox, 0, 0)
		c.emit(opSetLocal, int32(n.k.slot), 0)
	} else {
		c.store(n.k)
	}
	c.compile(n.body, tail)
	var jend int
	if !tail {
		jend = c.emit(opJump, 0, 0)
	}
	c.depth-- // the plain call leaves its own value
	c.code.Instrs[at].B = int32(len(c.code.Instrs))
	c.call(n.fallback, tail)
	if !tail {
		c.code.Instrs[jend].A = int32(len(c.code.Instrs))
	}
}

// let compiles the items of a letExpr. Boxed variables get their box
// before any init runs. In a letrec, a closure that captures a variable
// initialized later gets a placeholder, patched (opFixClosure) as soon as
// the variable is set.
func (c *compiler) let(n *letExpr, tail bool) {
	for _, b := range n.binds {
		if b.boxed {
			c.constant(rt.Unspecified, false)
			c.emit(opMakeBox, 0, 0)
			c.emit(opSetLocal, int32(b.slot), 0)
		}
	}
	type made struct {
		b  *binding
		fn *lambdaExpr
	}
	var closures []made
	for i, it := range n.items {
		last := i == len(n.items)-1
		if it.b == nil {
			if last {
				c.compile(it.e, tail)
			} else {
				c.effect(it.e)
			}
			continue
		}
		c.compile(it.e, false)
		c.store(it.b)
		if n.rec {
			if l, ok := it.e.(*lambdaExpr); ok && len(l.free) > 0 {
				closures = append(closures, made{it.b, l})
			}
			if !it.b.boxed && it.b.captured {
				for _, m := range closures {
					if fi, ok := m.fn.freeAt[it.b]; ok {
						c.load(it.b)
						c.emit(opFixClosure, int32(m.b.slot), int32(fi))
					}
				}
			}
		}
		if last {
			c.constant(rt.Unspecified, tail)
		}
	}
}
