package eval

import (
	"fmt"

	rt "termite/runtime"
)

// CodeChecker checks code objects, closures and continuations that come
// from outside the interpreter before the machine may run them, so that
// hostile or corrupt data cannot make it index out of range or allocate
// without bound: every operand must be in range, every jump land on an
// instruction, the operand stack never go below empty nor deeper than
// the frame (a MaxStack short of what the code needs is raised to it),
// and a continuation's frames must nest as the machine's do. It remembers
// what it learned about each code object. What each instruction's
// operands are and what it does to the operand stack come from opTable,
// the compiler's own account. A CodeChecker is not safe for concurrent
// use.
type CodeChecker struct {
	maxSlots int
	infos    map[*Code]*codeInfo
	frees    map[*Code]int
}

// codeInfo is what checking a code object found.
type codeInfo struct {
	err   error
	depth []int32 // operand depth before each instruction; -1: unreachable
	free  int     // free values a closure of the code must hold
	boot  bool
}

// NewCodeChecker returns a checker that refuses frames bigger than
// maxSlots stack slots (Code.MaxStack).
func NewCodeChecker(maxSlots int) *CodeChecker {
	return &CodeChecker{maxSlots: maxSlots, infos: make(map[*Code]*codeInfo), frees: make(map[*Code]int)}
}

// Check reports what is wrong with c, or nil. Children are not checked
// (only the free values their closures need): check each code object.
func (ck *CodeChecker) Check(c *Code) error {
	_, err := ck.info(c)
	return err
}

// CheckClosure checks that c's code is sound and that c holds as many free
// values as its code reads.
func (ck *CodeChecker) CheckClosure(c *Closure) error {
	if c.Code == nil {
		return fmt.Errorf("closure without code")
	}
	inf, err := ck.info(c.Code)
	if err != nil {
		return err
	}
	if inf.boot {
		return fmt.Errorf("closure of boot code")
	}
	if len(c.Free) < inf.free {
		return fmt.Errorf("closure of %s: %d free values, its code reads %d", codeName(c.Code), len(c.Free), inf.free)
	}
	return nil
}

// CheckLinked checks what code c from elsewhere does with the globals
// it refers to, once they are linked to in's cells (after Check): it may
// not assign a variable of the system library or of a library, which a
// message must never redefine; and an instruction that calls a primitive
// directly while its global holds one (see Global.inline) must name a
// primitive that takes its arguments, the primitive its opcode inlines,
// and the in-place call/cc, %recv-next and %recv-scan must name those.
func (w Wire) CheckLinked(c *Code) error {
	for pc, in := range c.Instrs {
		op := &opTable[in.Op]
		if op.a != opdGlobal && op.a != opdPrimitive {
			continue
		}
		g := c.Globals[in.A]
		if (in.Op == opSetGlobal || in.Op == opDefGlobal) && w.in.libraryCell(g) {
			return fmt.Errorf("%s: instruction %d: assigns %s of the %s environment", codeName(c), pc, g.Name.Name, g.home)
		}
		if !g.inline {
			continue // the slow path: an ordinary call of its value
		}
		ok := true
		switch in.Op {
		case opLetCC, opLetCCTail, opRecvNext, opRecvScan:
			want := ctlCallCC
			switch in.Op {
			case opRecvNext:
				want = ctlRecvNext
			case opRecvScan:
				want = ctlRecvScan
			}
			cp, isCtl := g.Value.(*controlPrim)
			ok = isCtl && cp.op == want
		case opPrim:
			p, isPrim := g.Value.(*rt.Primitive)
			ok = isPrim && int(in.B) >= p.Min && (p.Max < 0 || int(in.B) <= p.Max)
		default:
			if op.a == opdPrimitive {
				p, isPrim := g.Value.(*rt.Primitive)
				ok = isPrim && p.Name == op.prim
			}
		}
		if !ok {
			return fmt.Errorf("%s: instruction %d: %s cannot run %s", codeName(c), pc, op.name, g.Name.Name)
		}
	}
	return nil
}

// libraryCell reports whether g is a variable of the system environment
// or of a library, or the system library's private copy of one.
func (in *Interp) libraryCell(g *Global) bool {
	e, ok := in.environmentNamed(g.home)
	if !ok || e == in.program {
		return false
	}
	own, found := e.own(g.Name)
	return found && (own == g || in.frozen[own] == g)
}

// FillContinuation makes k (a zero Continuation) the continuation of the
// given parts, after checking that they are one the machine could have
// captured: boot code at the bottom, frames whose closures run their code,
// frame pointers that leave room for each frame's locals and operands, and
// dynamic state that is made of lists.
func (ck *CodeChecker) FillContinuation(k *Continuation, stack []rt.Value, frames []Frame,
	winders, handlers, params rt.Value) error {
	if len(frames) == 0 {
		return fmt.Errorf("continuation without frames")
	}
	fs := make([]frame, len(frames))
	for i, f := range frames {
		if f.Code == nil {
			return fmt.Errorf("frame %d without code", i)
		}
		inf, err := ck.info(f.Code)
		if err != nil {
			return err
		}
		switch {
		case i == 0 && (!inf.boot || f.FP != 0 || f.Closure != nil):
			return fmt.Errorf("continuation does not start with boot code")
		case i > 0 && inf.boot:
			return fmt.Errorf("frame %d: boot code above the bottom", i)
		case i > 0 && (f.Closure == nil || f.Closure.Code != f.Code):
			return fmt.Errorf("frame %d: closure does not run the frame's code", i)
		case f.PC < 0 || f.PC >= len(f.Code.Instrs) || f.FP < 0 || f.FP > len(stack):
			return fmt.Errorf("frame %d: position out of range", i)
		}
		if f.Closure != nil {
			if err := ck.CheckClosure(f.Closure); err != nil {
				return err
			}
		}
		// d is the operand depth the frame resumes with, counting the
		// value returned to it: the next frame's procedure slot is where
		// that value goes.
		top := len(stack)
		if i+1 < len(frames) {
			top = frames[i+1].FP - 1
		}
		d := top + 1 - f.FP - f.Code.NLocals
		if d < 1 || d > f.Code.MaxStack-f.Code.NLocals {
			return fmt.Errorf("frame %d: frames overlap or overflow their stack", i)
		}
		// A frame resumes at an instruction the checker followed there:
		// the instructions no path reaches are not checked. A raise in
		// place of an instruction that pops one value resumes one deeper
		// than the instruction would have left the stack.
		if inf.depth[f.PC] < 0 {
			return fmt.Errorf("frame %d: resumes where %s never goes", i, codeName(f.Code))
		}
		if d < int(inf.depth[f.PC]) || d > int(inf.depth[f.PC])+1 {
			return fmt.Errorf("frame %d: stack depth %d where %s expects %d", i, d, codeName(f.Code), inf.depth[f.PC])
		}
		fs[i] = frame{code: f.Code, clo: f.Closure, pc: int32(f.PC), fp: int32(f.FP)}
	}
	if err := checkList("dynamic-wind list", winders, func(v rt.Value) bool { _, ok := v.(*rt.Pair); return ok }); err != nil {
		return err
	}
	if err := checkList("handler list", handlers, func(rt.Value) bool { return true }); err != nil {
		return err
	}
	if err := checkList("parameter bindings", params, func(v rt.Value) bool {
		p, ok := v.(*rt.Pair)
		if ok {
			_, ok = p.Car.(*Parameter)
		}
		return ok
	}); err != nil {
		return err
	}
	k.stack, k.frames = stack, fs
	k.dyn = &dynState{winders: winders, handlers: handlers, params: params}
	return nil
}

func checkList(what string, l rt.Value, ok func(rt.Value) bool) error {
	items, proper := rt.ListToSlice(l)
	if !proper {
		return fmt.Errorf("continuation: %s is not a list", what)
	}
	for _, x := range items {
		if !ok(x) {
			return fmt.Errorf("continuation: bad entry in %s", what)
		}
	}
	return nil
}

func codeName(c *Code) string {
	if c.Name == "" {
		return "anonymous code"
	}
	return "code " + c.Name
}

// freeCount returns how many free values a closure of c must hold: one
// past the highest free-variable operand of its instructions.
func (ck *CodeChecker) freeCount(c *Code) int {
	if n, ok := ck.frees[c]; ok {
		return n
	}
	n := 0
	for _, in := range c.Instrs {
		if int(in.Op) >= len(opTable) {
			continue
		}
		for _, o := range in.operands() {
			switch {
			case o.kind == opdFree:
				n = max(n, int(o.v)+1)
			case o.kind == opdVar && o.v < 0:
				n = max(n, int(-1-int64(o.v))+1)
			}
		}
	}
	ck.frees[c] = n
	return n
}

// info checks c once and remembers the outcome.
func (ck *CodeChecker) info(c *Code) (*codeInfo, error) {
	if inf, ok := ck.infos[c]; ok {
		return inf, inf.err
	}
	inf := ck.check(c)
	ck.infos[c] = inf
	return inf, inf.err
}

func (ck *CodeChecker) check(c *Code) *codeInfo {
	bad := func(format string, args ...interface{}) *codeInfo {
		return &codeInfo{err: fmt.Errorf("%s: %s", codeName(c), fmt.Sprintf(format, args...))}
	}
	if n, ok := BootArgs(c); ok {
		if c.MaxStack > ck.maxSlots {
			return bad("frame of %d slots is too big", c.MaxStack)
		}
		// It starts with the procedure and its arguments on the stack.
		return &codeInfo{depth: []int32{int32(n + 1), 1}, boot: true}
	}
	rest := 0
	if c.Rest {
		rest = 1
	}
	switch {
	case c.NParams < 0 || c.NLocals < c.NParams+rest:
		return bad("bad parameter or local count")
	case c.MaxStack > ck.maxSlots:
		return bad("frame of %d slots is too big", c.MaxStack)
	case c.MaxStack < c.NLocals+1:
		return bad("MaxStack %d leaves no room for %d locals", c.MaxStack, c.NLocals)
	case len(c.Instrs) == 0:
		return bad("no instructions")
	}
	inf := &codeInfo{depth: make([]int32, len(c.Instrs)), free: ck.freeCount(c)}
	for i := range inf.depth {
		inf.depth[i] = -1
	}
	// The deepest the operand stack may go: what the frame can hold. A
	// MaxStack short of what the code needs (code from an older compiler
	// that undercounted calls of primitives without arguments) is raised
	// below to it.
	maxDepth := ck.maxSlots - c.NLocals - 1
	needed := 0
	// Abstract interpretation of the operand depth, instruction by
	// instruction, with a worklist of the places to look at next.
	work := []int{0}
	inf.depth[0] = 0
	// reach notes that instruction t runs at the given depth, and reports
	// false if it was reached before at another: every place is reached
	// alike.
	reach := func(t, depth int) bool {
		switch d := inf.depth[t]; {
		case d < 0:
			inf.depth[t] = int32(depth)
			work = append(work, t)
		case int(d) != depth:
			return false
		}
		return true
	}
	for len(work) > 0 {
		pc := work[len(work)-1]
		work = work[:len(work)-1]
		in := c.Instrs[pc]
		depth := int(inf.depth[pc])
		if int(in.Op) >= len(opTable) || opTable[in.Op].name == "" || in.Op == opHalt {
			// Halt belongs to boot code only, which BootArgs knows.
			return bad("instruction %d: bad opcode %d", pc, in.Op)
		}
		op := &opTable[in.Op]
		for i, o := range in.operands() {
			if o.kind == opdNone && o.v != 0 {
				return bad("instruction %d: operand %c of %s", pc, "ABC"[i], op.name)
			}
			if err := ck.checkOperand(c, o.kind, o.v); err != nil {
				return bad("instruction %d: %v", pc, err)
			}
		}
		switch in.Op {
		case opClosure:
			if n := ck.freeCount(c.Children[in.A]); int(in.B) < n {
				return bad("instruction %d: closure with %d free values, its code reads %d", pc, in.B, n)
			}
		case opSelfTailCall:
			if int(in.A) != c.NParams || c.Rest {
				return bad("instruction %d: self tail call with %d arguments for %d parameters", pc, in.A, c.NParams)
			}
		case opLetCC, opLetCCTail:
			if int(in.B) <= pc+1 {
				return bad("instruction %d: plain call %d out of range", pc, in.B)
			}
			// The plain call at B starts at this depth; the code after,
			// one deeper, with the continuation.
			if !reach(int(in.B), depth) {
				return bad("instruction %d: reached with operand depths %d and %d", in.B, inf.depth[in.B], depth)
			}
			if in.Op == opLetCC {
				// The continuation resumes where the jump before B goes,
				// with the expression's value pushed.
				j := c.Instrs[in.B-1]
				if j.Op != opJump || !inRange(j.A, len(c.Instrs)) {
					return bad("instruction %d: no jump before the plain call", pc)
				}
				if !reach(int(j.A), depth+1) {
					return bad("instruction %d: reached with operand depths %d and %d", j.A, inf.depth[j.A], depth+1)
				}
			}
		}
		// The machine counts calls, not jumps: a jump backwards could
		// loop without ever yielding or noticing an interrupt. Compiled
		// code loops through calls only.
		if (op.a == opdTarget && int(in.A) <= pc) || (op.b == opdTarget && int(in.B) <= pc) {
			return bad("instruction %d: jump backwards", pc)
		}
		pop, push := in.effect()
		if depth < pop {
			return bad("instruction %d: operand stack underflow", pc)
		}
		targets := [2]int{-1, -1} // the next instruction, a jump's target
		if op.next {
			if pc+1 >= len(c.Instrs) {
				return bad("instruction %d: runs off the end of the code", pc)
			}
			targets[0] = pc + 1
		}
		if op.a == opdTarget {
			targets[1] = int(in.A)
		}
		if in.Op == opJumpTrueKeep {
			// It jumps with the value it tests.
			if !reach(int(in.A), depth) {
				return bad("instruction %d: reached with operand depths %d and %d", in.A, inf.depth[in.A], depth)
			}
			targets[1] = -1
		}
		if targets == [2]int{-1, -1} {
			continue // what it leaves is the caller's business
		}
		during := depth + int(op.scratch) // the most it fills while it runs
		depth += push - pop
		if max(depth, during) > maxDepth {
			return bad("instruction %d: operand stack deeper than a frame may be", pc)
		}
		needed = max(needed, depth, during)
		for _, t := range targets {
			if t >= 0 && !reach(t, depth) {
				return bad("instruction %d: reached with operand depths %d and %d", t, inf.depth[t], depth)
			}
		}
	}
	if n := c.NLocals + 1 + needed; n > c.MaxStack {
		c.MaxStack = n // the frame must hold it all: see maxDepth
	}
	return inf
}

// checkOperand reports what is wrong with operand v, of kind k, of an
// instruction of c. Free values are bounded by freeCount instead, which
// closures are checked against.
func (ck *CodeChecker) checkOperand(c *Code, k operand, v int32) error {
	ok := true
	switch k {
	case opdConst:
		ok = inRange(v, len(c.Consts))
	case opdLocal:
		ok = inRange(v, c.NLocals)
	case opdVar:
		ok = v < 0 || inRange(v, c.NLocals) // free values: see freeCount
	case opdFree, opdPatchFree, opdCount:
		ok = v >= 0
	case opdGlobal, opdPrimitive:
		ok = inRange(v, len(c.Globals)) && c.Globals[v] != nil
	case opdChild:
		ok = inRange(v, len(c.Children)) && c.Children[v] != nil
	case opdTarget:
		ok = inRange(v, len(c.Instrs))
	}
	if !ok {
		return fmt.Errorf("%s %d out of range", operandNames[k], v)
	}
	return nil
}

// operandNames name the operand kinds in the checker's errors.
var operandNames = [...]string{
	opdConst: "constant", opdLocal: "local", opdFree: "free value", opdGlobal: "global",
	opdPrimitive: "global", opdChild: "child", opdTarget: "jump to", opdCount: "count",
	opdPatchFree: "free value", opdVar: "variable",
}

func inRange(i int32, n int) bool { return i >= 0 && int(i) < n }
