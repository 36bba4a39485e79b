package eval

import (
	"fmt"

	rt "termite/runtime"
)

// This file is what package serialize needs to take code, closures,
// continuations and the other procedures of this package apart and to
// build them again: accessors, and constructors that check what they are
// given, since it may come from another node. Nothing else should need it.

// PosEntry is an element of Code.Pos: the instructions from PC on come
// from the source at Pos.
type PosEntry = posEntry

// Frame is a suspended call in a continuation: the code and closure that
// run there, where they resume (PC) and their frame pointer (FP: the
// stack index of their first local).
type Frame struct {
	Code    *Code
	Closure *Closure // nil only for the boot code at the bottom
	PC, FP  int
}

// ContinuationParts returns what k is made of: the operand stack below the
// capture point, the frames from the outermost (the boot code) to the
// innermost, and the dynamic state (see dynState).
func ContinuationParts(k *Continuation) (stack []rt.Value, frames []Frame, winders, handlers, params rt.Value) {
	stack, fs := k.flatten()
	frames = make([]Frame, len(fs))
	for i, f := range fs {
		frames[i] = Frame{Code: f.code, Closure: f.clo, PC: int(f.pc), FP: int(f.fp)}
	}
	return stack, frames, k.dyn.winders, k.dyn.handlers, k.dyn.params
}

// BootCode returns the code that starts every machine: call the procedure
// below n arguments, then halt. It is the bottom frame of every
// continuation and has no hash, being the same everywhere.
func BootCode(n int) *Code { return bootCode(n) }

// BootArgs reports whether c is boot code, and for how many arguments.
func BootArgs(c *Code) (int, bool) {
	if c.Name != "boot" || !c.Internal || c.Hash != ([32]byte{}) || len(c.Instrs) != 2 ||
		c.Instrs[0].Op != opCall || c.Instrs[1].Op != opHalt || c.NLocals != 0 ||
		c.MaxStack != int(c.Instrs[0].A)+1 {
		return 0, false
	}
	return int(c.Instrs[0].A), true
}

// CodeHash computes the content hash of c as the compiler does, so that a
// code object received from elsewhere can be checked against the hash it
// came with before it is trusted as the code of that hash.
func CodeHash(c *Code) [32]byte {
	return (&compiler{code: c}).hash()
}

// ControlPrimitiveName returns the name of a primitive built into the
// machine (call/cc, apply, values, ...); such primitives travel by name.
func ControlPrimitiveName(v rt.Value) (string, bool) {
	c, ok := v.(*controlPrim)
	if !ok {
		return "", false
	}
	return c.name, true
}

// RecordProc describes a procedure made by define-record-type. Kind is 0
// for a constructor, 1 for a predicate, 2 for an accessor and 3 for a
// modifier; Field is the field an accessor or modifier works on, Slots the
// field each argument of a constructor fills.
type RecordProc struct {
	Kind  int
	Type  *rt.RecordType
	Name  string
	Field int
	Slots []int
}

// RecordProcParts takes a record procedure apart.
func RecordProcParts(v rt.Value) (RecordProc, bool) {
	r, ok := v.(*recordProc)
	if !ok {
		return RecordProc{}, false
	}
	return RecordProc{Kind: int(r.kind), Type: r.rtype, Name: r.name, Field: r.field, Slots: r.slots}, true
}

// NewRecordProc makes the record procedure p describes, after checking
// that its kind and field numbers fit its type.
func NewRecordProc(p RecordProc) (rt.Value, error) {
	if p.Type == nil || p.Kind < int(recordConstructor) || p.Kind > int(recordModifier) {
		return nil, fmt.Errorf("record procedure %s: bad kind %d", p.Name, p.Kind)
	}
	n := len(p.Type.Fields)
	r := &recordProc{kind: recordProcKind(p.Kind), rtype: p.Type, name: p.Name}
	switch r.kind {
	case recordConstructor:
		r.slots = p.Slots
		for _, s := range p.Slots {
			if s < 0 || s >= n {
				return nil, fmt.Errorf("record constructor %s: field %d out of range", p.Name, s)
			}
		}
	case recordAccessor, recordModifier:
		if p.Field < 0 || p.Field >= n {
			return nil, fmt.Errorf("record procedure %s: field %d out of range", p.Name, p.Field)
		}
		r.field = p.Field
	}
	return r, nil
}

// SourceParts returns the file name and the environment name of a source
// object (the driver's record of where top-level forms come from); ok is
// false for anything else, and for a source whose environment has no name
// another interpreter could know it by.
func (in *Interp) SourceParts(v rt.Value) (file, env string, ok bool) {
	s, isSource := v.(*source)
	if !isSource {
		return "", "", false
	}
	env, ok = in.EnvironmentName(s.env)
	return s.file, env, ok
}

// NewSource returns a source object for file, without positions, whose
// forms are compiled in the environment named env.
func (in *Interp) NewSource(file, env string) (rt.Value, error) {
	e, ok := in.EnvironmentNamed(env)
	if !ok {
		return nil, fmt.Errorf("no environment named %s", env)
	}
	return &source{file: file, pos: rt.Positions{}, env: e}, nil
}

// EnvironmentName returns the name other interpreters know e by: "system",
// "program", or the written name of the library it belongs to. An
// environment made by (environment ...) has none.
func (in *Interp) EnvironmentName(e *Environment) (string, bool) {
	switch {
	case e == nil:
		return "", false
	case e == in.system:
		return "system", true
	case e == in.program:
		return "program", true
	}
	if lib, ok := in.libraries[e.name]; ok && lib.env == e {
		return e.name, true
	}
	return "", false
}

// EnvironmentNamed is the inverse of EnvironmentName.
func (in *Interp) EnvironmentNamed(name string) (*Environment, bool) {
	switch name {
	case "system":
		return in.system, true
	case "program":
		return in.program, true
	}
	if lib, ok := in.libraries[name]; ok {
		return lib.env, true
	}
	return nil, false
}

// GlobalName says which global variable a cell is, in terms another
// interpreter understands: its environment's name (see EnvironmentName),
// its name there, and whether it is the private copy that the system
// library's code (and the standard forms) refer to.
type GlobalName struct {
	Env    string
	Name   *rt.Symbol
	Sealed bool
}

// GlobalNames maps every global cell of in to its name: the cells of the
// system environment, of the program and of each library, and the sealed
// copies. A cell imported into several environments gets the name of the
// one that defines it.
func (in *Interp) GlobalNames() map[*Global]GlobalName {
	out := make(map[*Global]GlobalName, 2*len(in.system.vars)+len(in.program.vars))
	add := func(env string, e *Environment) {
		for sym, g := range e.vars {
			if _, seen := out[g]; !seen {
				out[g] = GlobalName{Env: env, Name: sym}
			}
		}
	}
	// The system first: libraries and the program import its cells.
	add("system", in.system)
	for name, lib := range in.libraries {
		add(name, lib.env)
	}
	add("program", in.program)
	for g, f := range in.frozen {
		if n, ok := out[g]; ok {
			out[f] = GlobalName{Env: n.Env, Name: n.Name, Sealed: true}
		}
	}
	return out
}

// FindGlobal returns the cell n names in in, or nil when there is none: it
// never makes one.
func (in *Interp) FindGlobal(n GlobalName) *Global {
	e, ok := in.EnvironmentNamed(n.Env)
	if !ok {
		return nil
	}
	g, _ := e.own(n.Name)
	if g != nil && n.Sealed {
		return in.frozen[g]
	}
	return g
}

// ResolveGlobal returns the cell of in that n names. When n's environment
// has no such variable, a program name that no standard binding already
// has gets a new unbound variable of the program; anything else (an
// unknown library, a name the system lacks) gets a new cell of its own,
// in no environment, so that a message never adds to the system or to
// a library.
func (in *Interp) ResolveGlobal(n GlobalName) *Global {
	if e, ok := in.EnvironmentNamed(n.Env); ok {
		g, found := e.own(n.Name)
		if !found && e == in.program {
			_, sys := in.system.own(n.Name)
			if _, kw := e.syntax[n.Name]; !kw && !sys {
				g, found = e.define(n.Name), true
			}
		}
		if found {
			if n.Sealed {
				return in.bound(g, true)
			}
			return g
		}
	}
	return &Global{Name: n.Name, home: n.Env}
}

// SystemValue returns the value the standard library gave name, as its
// own code sees it (whatever the program redefined since); the top-level
// driver is compiled if need be.
func (in *Interp) SystemValue(name *rt.Symbol) (rt.Value, bool) {
	g, ok := in.system.own(name)
	if !ok {
		return nil, false
	}
	if g == in.runForms && g.Value == nil {
		if _, err := in.driver(); err != nil {
			return nil, false
		}
	}
	if f, ok := in.frozen[g]; ok && in.sealed {
		g = f
	}
	if g.Value == nil {
		return nil, false
	}
	return g.Value, true
}

// EachSystemValue calls f with each bound variable of the system
// environment and its value as SystemValue gives it.
func (in *Interp) EachSystemValue(f func(name *rt.Symbol, v rt.Value)) {
	in.autoloadAll()
	for sym := range in.system.vars {
		if v, ok := in.SystemValue(sym); ok {
			f(sym, v)
		}
	}
}

// CodeChecker checks code objects, closures and continuations that come
// from outside the interpreter before the machine may run them, so that
// hostile or corrupt data cannot make it index out of range or allocate
// without bound: every operand must be in range, every jump land on an
// instruction, the operand stack never go below empty nor deeper than
// the frame (a MaxStack short of what the code needs is raised to it),
// and a continuation's frames must nest as the machine's do. It remembers
// what it learned about each code object. A CodeChecker is not safe for
// concurrent use.
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

// inlineArity is the operand count of each inlined-primitive instruction.
var inlineArity = func() (a [opHalt + 1]int8) {
	for i := range a {
		a[i] = -1
	}
	for _, in := range inlineOps {
		a[in.op] = int8(in.arity)
	}
	return a
}()

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
		case f.PC < 0 || f.PC > len(f.Code.Instrs) || f.FP < 0 || f.FP > len(stack):
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
		// A raise in place of an instruction that pops one value resumes
		// one deeper than the instruction would have left the stack.
		if f.PC < len(inf.depth) && inf.depth[f.PC] >= 0 && (d < int(inf.depth[f.PC]) || d > int(inf.depth[f.PC])+1) {
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
		switch in.Op {
		case opFree, opFreeBox, opSetFreeBox:
			if int(in.A)+1 > n {
				n = int(in.A) + 1
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
	inRange := func(i int32, n int) bool { return i >= 0 && int(i) < n }
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
		pop, push := 0, 0
		next, jump := true, -1 // falls through; jumps to jump when >= 0
		switch in.Op {
		case opConst:
			if !inRange(in.A, len(c.Consts)) {
				return bad("instruction %d: constant %d out of range", pc, in.A)
			}
			push = 1
		case opLocal, opLocalBox, opSetLocal, opSetLocalBox, opBoxLocal:
			if !inRange(in.A, c.NLocals) {
				return bad("instruction %d: local %d out of range", pc, in.A)
			}
			switch in.Op {
			case opLocal, opLocalBox:
				push = 1
			case opSetLocal, opSetLocalBox:
				pop = 1
			}
		case opFree, opFreeBox:
			push = 1 // in range by freeCount, which closures are checked against
		case opSetFreeBox:
			pop = 1
		case opGlobal, opSetGlobal, opDefGlobal, opRecvNext:
			if !inRange(in.A, len(c.Globals)) || c.Globals[in.A] == nil {
				return bad("instruction %d: global %d out of range", pc, in.A)
			}
			switch in.Op {
			case opGlobal:
				push = 1
			case opRecvNext:
				pop, push = 1, 1
			default:
				pop = 1
			}
		case opMakeBox:
			pop, push = 1, 1
		case opPop:
			pop = 1
		case opJump, opJumpFalse:
			if !inRange(in.A, len(c.Instrs)) {
				return bad("instruction %d: jump to %d out of range", pc, in.A)
			}
			jump = int(in.A)
			if in.Op == opJump {
				next = false
			} else {
				pop = 1
			}
		case opClosure:
			if !inRange(in.A, len(c.Children)) || c.Children[in.A] == nil {
				return bad("instruction %d: child %d out of range", pc, in.A)
			}
			if in.B < 0 || int(in.B) < ck.freeCount(c.Children[in.A]) {
				return bad("instruction %d: closure with %d free values, its code reads %d", pc, in.B, ck.freeCount(c.Children[in.A]))
			}
			pop, push = int(in.B), 1
		case opFixClosure:
			if !inRange(in.A, c.NLocals) || in.B < 0 {
				return bad("instruction %d: operand out of range", pc)
			}
			pop = 1
		case opCall, opTailCall:
			if in.A < 0 {
				return bad("instruction %d: negative argument count", pc)
			}
			pop, push = int(in.A)+1, 1
			next = in.Op == opCall
		case opReturn:
			pop, next = 1, false
		case opSelfTailCall:
			if int(in.A) != c.NParams || c.Rest {
				return bad("instruction %d: self tail call with %d arguments for %d parameters", pc, in.A, c.NParams)
			}
			pop, next = int(in.A), false
		case opLetCC, opLetCCTail:
			if !inRange(in.A, len(c.Globals)) || c.Globals[in.A] == nil || !inRange(in.B, len(c.Instrs)) || int(in.B) <= pc+1 {
				return bad("instruction %d: operand out of range", pc)
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
			push = 1
		case opPrim:
			if !inRange(in.A, len(c.Globals)) || c.Globals[in.A] == nil || in.B < 0 {
				return bad("instruction %d: operand out of range", pc)
			}
			pop, push = int(in.B), 1
		default:
			if int(in.Op) >= len(inlineArity) || inlineArity[in.Op] < 0 {
				return bad("instruction %d: bad opcode %d", pc, in.Op)
			}
			if !inRange(in.A, len(c.Globals)) || c.Globals[in.A] == nil {
				return bad("instruction %d: operand out of range", pc)
			}
			// B != 0 fuses a test with the jump-false after it (see
			// compiler.fusable): the fast path goes where that jump goes,
			// at the depth it leaves, so the jump's successors cover it.
			if in.B != 0 && (pc+1 >= len(c.Instrs) || c.Instrs[pc+1].Op != opJumpFalse || c.Instrs[pc+1].A != in.B-1) {
				return bad("instruction %d: fused with no jump-false to %d", pc, in.B-1)
			}
			pop, push = int(inlineArity[in.Op]), 1
		}
		if depth < pop {
			return bad("instruction %d: operand stack underflow", pc)
		}
		depth += push - pop
		if depth > maxDepth {
			return bad("instruction %d: operand stack deeper than a frame may be", pc)
		}
		needed = max(needed, depth)
		targets := [2]int{-1, jump}
		if next {
			if pc+1 >= len(c.Instrs) {
				return bad("instruction %d: runs off the end of the code", pc)
			}
			targets[0] = pc + 1
		}
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
