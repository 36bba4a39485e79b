package eval

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"sync/atomic"

	rt "termite/runtime"
)

// Opcode is an instruction of the machine. Every instruction leaves the
// operand stack one value deeper or shallower in a way the compiler tracks,
// so a code object knows the most stack it needs (Code.MaxStack).
type Opcode uint8

// The instruction set. A and B are the instruction's operands.
const (
	opConst       Opcode = iota // push Consts[A]
	opLocal                     // push stack[fp+A]
	opLocalBox                  // push stack[fp+A].(*Box).V
	opFree                      // push closure.Free[A]
	opFreeBox                   // push closure.Free[A].(*Box).V
	opGlobal                    // push Globals[A].Value (error if unbound)
	opSetLocal                  // stack[fp+A] = pop
	opSetLocalBox               // stack[fp+A].(*Box).V = pop
	opSetFreeBox                // closure.Free[A].(*Box).V = pop
	opSetGlobal                 // Globals[A].Value = pop (error if unbound)
	opDefGlobal                 // Globals[A].Value = pop
	opMakeBox                   // replace top with a box holding it
	opBoxLocal                  // stack[fp+A] = &Box{stack[fp+A]}
	opPop                       // drop top
	opJump                      // pc = A
	opJumpFalse                 // if pop is #f, pc = A
	opClosure                   // pop B free values, push a closure of Children[A]
	opFixClosure                // closure in stack[fp+A] (or its box): Free[B] = pop
	opCall                      // call the procedure below the A arguments on top
	opTailCall                  // same, replacing the current frame
	opReturn                    // return top to the caller
	opPrim                      // call Globals[A] (a primitive) on the B values on top
	opAdd                       // the inlined primitives: fast path, else as opPrim
	opSub
	opMul
	opQuotient
	opRemainder
	opModulo
	opNumEq
	opLt
	opGt
	opLe
	opGe
	opCar
	opCdr
	opCons
	opNullP
	opPairP
	opEqP
	opNot
	opZeroP
	opVectorRef
	opHalt // stop the machine: the result is on top

	// (call/cc (lambda (k) body...)) run in place (see letCCExpr): if
	// Globals[A] still holds call/cc, push the continuation of the
	// expression, else jump to B, the plain call. opLetCC's continuation
	// resumes where the jump before B goes, after the expression;
	// opLetCCTail's is the caller's, the expression being in tail position.
	opLetCC
	opLetCCTail

	opRecvNext // (%recv-next deadline): Globals[A] on the value on top, in place

	opSelfTailCall // a lambda's tail call of itself: the A arguments on top become its parameters, and it starts over

	// The inlined primitives with a fixnum constant, C, for second
	// argument: (+ x 1), (< n 2). They take one value from the stack, as
	// the pair of a constant and an inlined primitive would take two: in
	// loops and recursions this is one instruction less to dispatch.
	opAddImm
	opSubImm
	opNumEqImm
	opLtImm
	opGtImm
	opLeImm
	opGeImm

	// (%recv-scan keep? deadline), the loop of ??, while Globals[A] holds
	// %recv-scan: on top are keep?, deadline and the scan's state (an
	// epoch, an index and the answer of keep?, three #f to begin with).
	// It calls keep? on each message in turn, with itself as the return
	// point, and leaves the first message keep? accepts, taken out of
	// the mailbox, or %recv-timeout (see recv_scan.go).
	opRecvScan

	// Calls of a global variable's value: opCall and opTailCall with the
	// procedure read from Globals[B] after the arguments are on top, not
	// pushed before them (R7RS leaves the order of evaluation open). The
	// instruction slides the arguments up to put it below them.
	opCallGlobal
	opTailCallGlobal

	// Inlined primitives whose operands are variables without a box, B
	// (and C), named by opdVar, instead of instructions that push them:
	// (car l), (< i n), (- n 1). Each pushes its operands, then runs as
	// the instruction it is a variant of, which follows it in the machine.
	opCarVar
	opCdrVar
	opNullPVar
	opPairPVar
	opNotVar
	opZeroPVar
	opAddVars
	opSubVars
	opNumEqVars
	opLtVars
	opGtVars
	opLeVars
	opGeVars
	opEqPVars
	opAddImmVar
	opSubImmVar
	opNumEqImmVar
	opLtImmVar
	opGtImmVar
	opLeImmVar
	opGeImmVar

	opJumpTrue     // if pop is not #f, pc = A
	opJumpTrueKeep // if the top is not #f, pc = A, leaving it; else pop it
	opCallVar      // opCallGlobal with the procedure in the variable B (opdVar)
	opTailCallVar  // opTailCallGlobal with the procedure in the variable B
	opPush2        // push the variables A and B (opdVar)
	opReturnVar    // return the variable A (opdVar) to the caller

	numOpcodes // not an instruction: how many there are
)

// variantOf maps each instruction that has a variant taking its operands
// from variables (opdVar) to the variant.
var variantOf = func() (m [numOpcodes]Opcode) {
	for v, op := range varVariants {
		m[op] = v
	}
	return m
}()

// baseOf maps each instruction that takes operands from variables to the
// one that takes them from the stack, and any other to itself. (It has
// an entry for every byte, so that the machine's look-ups need no bounds
// check.)
var baseOf = func() (m [256]Opcode) {
	for op := range m {
		m[op] = Opcode(op)
	}
	for v, op := range varVariants {
		m[v] = op
	}
	return m
}()

// varVariants maps each instruction that takes operands from variables
// to the one that takes them from the stack.
var varVariants = map[Opcode]Opcode{
	opCarVar: opCar, opCdrVar: opCdr, opNullPVar: opNullP, opPairPVar: opPairP,
	opNotVar: opNot, opZeroPVar: opZeroP,
	opAddVars: opAdd, opSubVars: opSub, opNumEqVars: opNumEq, opLtVars: opLt,
	opGtVars: opGt, opLeVars: opLe, opGeVars: opGe, opEqPVars: opEqP,
	opAddImmVar: opAddImm, opSubImmVar: opSubImm, opNumEqImmVar: opNumEqImm,
	opLtImmVar: opLtImm, opGtImmVar: opGtImm, opLeImmVar: opLeImm, opGeImmVar: opGeImm,
}

// operand is what an operand of an instruction stands for: what the
// code checker bounds it by, and how a listing shows it.
type operand uint8

const (
	opdNone      operand = iota
	opdConst             // an index into Consts
	opdLocal             // a frame slot, below NLocals
	opdFree              // an index into the running closure's Free
	opdGlobal            // an index into Globals
	opdPrimitive         // an index into Globals: the primitive the instruction inlines, whose name is the instruction's
	opdChild             // an index into Children
	opdTarget            // an instruction to go to
	opdCount             // values taken from the operand stack, over the instruction's own pop
	opdPatchFree         // an index into Free of the closure in the slot of the other operand
	opdImm               // a fixnum, the instruction's constant
	opdVar               // a variable without a box: a frame slot v, below NLocals, or for v < 0 the running closure's Free[-1-v]
)

// opInfo is what the compiler, the code checker and the listing know of an
// instruction: its name, its operands A, B and C, and its effect on the
// operand stack. It takes pop values (plus the value of its opdCount
// operand) and leaves push. An instruction that does not fall through
// (next false) leaves, as push counts, the value of the expression it
// ends: the compiler counts the depth on past it as if it did, and the
// checker ignores what such an instruction leaves. bLabel comes before B
// in a listing. prim names the primitive that an instruction whose A is
// opdPrimitive inlines (baseOf gives, for a variant that takes its
// operands from variables, the instruction it varies).
type opInfo struct {
	name      string
	prim      string
	a, b, c   operand
	pop, push int8
	next      bool
	bLabel    string
	// scratch is how many slots above its operands the instruction fills
	// while it runs, over the depth it starts from.
	scratch int8
}

// inlined is the entry of an instruction that inlines the primitive named
// name, of arity arguments: its fast path, else as opPrim. An inlined
// test followed by a jump-false branches at once, without the boolean.
func inlined(name string, arity int8) opInfo {
	return opInfo{name: name, prim: name, a: opdPrimitive, pop: arity, push: 1, next: true}
}

// inlinedImm is the entry of the instruction that inlines the binary
// primitive named name with C for second argument.
func inlinedImm(name string) opInfo {
	return opInfo{name: name + "/imm", prim: name, a: opdPrimitive, c: opdImm, pop: 1, push: 1, next: true}
}

// fromVars is the entry of the variant of the instruction whose entry is
// inf that takes its stack operands from variables B (and C) instead; for
// an instruction with a constant, C stays the constant.
func fromVars(inf opInfo) opInfo {
	n := inf.pop
	inf.pop, inf.scratch = 0, n
	inf.b = opdVar
	if n == 2 {
		inf.c = opdVar
	}
	if inf.c == opdImm {
		inf.scratch++ // the slow path pushes the constant too
	}
	if n == 1 {
		inf.name += "/var"
	} else {
		inf.name += "/vars"
	}
	return inf
}

// opTable describes every instruction, by opcode.
var opTable = func() [numOpcodes]opInfo {
	t := [numOpcodes]opInfo{
		opConst:        {name: "const", a: opdConst, push: 1, next: true},
		opLocal:        {name: "local", a: opdLocal, push: 1, next: true},
		opLocalBox:     {name: "local-box", a: opdLocal, push: 1, next: true},
		opFree:         {name: "free", a: opdFree, push: 1, next: true},
		opFreeBox:      {name: "free-box", a: opdFree, push: 1, next: true},
		opGlobal:       {name: "global", a: opdGlobal, push: 1, next: true},
		opSetLocal:     {name: "set-local", a: opdLocal, pop: 1, next: true},
		opSetLocalBox:  {name: "set-local-box", a: opdLocal, pop: 1, next: true},
		opSetFreeBox:   {name: "set-free-box", a: opdFree, pop: 1, next: true},
		opSetGlobal:    {name: "set-global", a: opdGlobal, pop: 1, next: true},
		opDefGlobal:    {name: "def-global", a: opdGlobal, pop: 1, next: true},
		opMakeBox:      {name: "make-box", pop: 1, push: 1, next: true},
		opBoxLocal:     {name: "box-local", a: opdLocal, next: true},
		opPop:          {name: "pop", pop: 1, next: true},
		opJump:         {name: "jump", a: opdTarget},
		opJumpFalse:    {name: "jump-false", a: opdTarget, pop: 1, next: true},
		opClosure:      {name: "closure", a: opdChild, b: opdCount, push: 1, next: true, bLabel: "free="},
		opFixClosure:   {name: "fix-closure", a: opdLocal, b: opdPatchFree, pop: 1, next: true},
		opCall:         {name: "call", a: opdCount, pop: 1, push: 1, next: true},
		opTailCall:     {name: "tail-call", a: opdCount, pop: 1, push: 1},
		opReturn:       {name: "return", pop: 1, push: 1},
		opPrim:         {name: "prim", a: opdGlobal, b: opdCount, push: 1, next: true},
		opAdd:          inlined("+", 2),
		opSub:          inlined("-", 2),
		opMul:          inlined("*", 2),
		opQuotient:     inlined("quotient", 2),
		opRemainder:    inlined("remainder", 2),
		opModulo:       inlined("modulo", 2),
		opNumEq:        inlined("=", 2),
		opLt:           inlined("<", 2),
		opGt:           inlined(">", 2),
		opLe:           inlined("<=", 2),
		opGe:           inlined(">=", 2),
		opCar:          inlined("car", 1),
		opCdr:          inlined("cdr", 1),
		opCons:         inlined("cons", 2),
		opNullP:        inlined("null?", 1),
		opPairP:        inlined("pair?", 1),
		opEqP:          inlined("eq?", 2),
		opNot:          inlined("not", 1),
		opZeroP:        inlined("zero?", 1),
		opVectorRef:    inlined("vector-ref", 2),
		opHalt:         {name: "halt", pop: 1},
		opLetCC:        {name: "let/cc", a: opdGlobal, b: opdTarget, push: 1, next: true, bLabel: "else "},
		opLetCCTail:    {name: "let/cc-tail", a: opdGlobal, b: opdTarget, push: 1, next: true, bLabel: "else "},
		opRecvNext:     {name: "recv-next", a: opdGlobal, pop: 1, push: 1, next: true},
		opSelfTailCall: {name: "self-tail-call", a: opdCount, push: 1},
		opAddImm:       inlinedImm("+"),
		opSubImm:       inlinedImm("-"),
		opNumEqImm:     inlinedImm("="),
		opLtImm:        inlinedImm("<"),
		opGtImm:        inlinedImm(">"),
		opLeImm:        inlinedImm("<="),
		opGeImm:        inlinedImm(">="),
		// Calling keep? on a message, it replaces the answer by keep? and
		// the message: one slot more.
		opRecvScan: {name: "recv-scan", a: opdGlobal, pop: recvScanOperands, push: 1, next: true, scratch: 1},
		// The procedure takes a slot over the arguments while they slide up.
		opCallGlobal:     {name: "call-global", a: opdCount, b: opdGlobal, push: 1, next: true, scratch: 1},
		opTailCallGlobal: {name: "tail-call-global", a: opdCount, b: opdGlobal, push: 1, scratch: 1},
		opPush2:          {name: "push2", a: opdVar, b: opdVar, push: 2, next: true},
		opCallVar:        {name: "call-var", a: opdCount, b: opdVar, push: 1, next: true, scratch: 1},
		opTailCallVar:    {name: "tail-call-var", a: opdCount, b: opdVar, push: 1, scratch: 1},
		opJumpTrue:       {name: "jump-true", a: opdTarget, pop: 1, next: true},
		// The effect is the way on's: the jump goes with one more value.
		opJumpTrueKeep: {name: "jump-true-keep", a: opdTarget, pop: 1, next: true},
		opReturnVar:    {name: "return/var", a: opdVar, push: 1},
	}
	for v, op := range varVariants {
		t[v] = fromVars(t[op])
	}
	return t
}()

func (op Opcode) String() string {
	if int(op) < len(opTable) && opTable[op].name != "" {
		return opTable[op].name
	}
	return fmt.Sprintf("op%d", op)
}

// effect returns how many values in takes from the operand stack and how
// many it leaves (see opInfo).
func (in Instr) effect() (pop, push int) {
	inf := &opTable[in.Op]
	pop = int(inf.pop)
	if inf.a == opdCount {
		pop += int(in.A)
	}
	if inf.b == opdCount {
		pop += int(in.B)
	}
	return pop, int(inf.push)
}

// operandValue is an operand of an instruction: its kind, and its value.
type operandValue struct {
	kind operand
	v    int32
}

// operands returns the operands A, B and C of in, which must have a
// valid opcode.
func (in Instr) operands() [3]operandValue {
	inf := &opTable[in.Op]
	return [3]operandValue{{inf.a, in.A}, {inf.b, in.B}, {inf.c, in.C}}
}

// HasC reports whether instructions of op have the operand C: a constant,
// or the variable of a second operand (opdVar).
func (op Opcode) HasC() bool {
	return int(op) < len(opTable) && opTable[op].c != opdNone
}

// inlineOps and immOps map the names of the primitives that have an
// instruction of their own to it, and to the one with a constant.
var inlineOps, immOps = func() (m, imm map[string]Opcode) {
	m, imm = make(map[string]Opcode), make(map[string]Opcode)
	for op, inf := range opTable {
		switch {
		case inf.a != opdPrimitive, baseOf[op] != Opcode(op):
		case inf.c == opdImm:
			imm[inf.prim] = Opcode(op)
		default:
			m[inf.prim] = Opcode(op)
		}
	}
	return m, imm
}()

// Instr is one instruction.
type Instr struct {
	Op      Opcode
	A, B, C int32
}

// PosEntry is an element of Code.Pos: the instructions from PC on come
// from the source at Pos.
type PosEntry struct {
	PC  int32
	Pos rt.Pos
}

// Code is a compiled lambda body (or top-level form): instructions plus
// the constants, globals and nested code objects they refer to. A Code is
// immutable once built, so closures and continuations on any number of
// processes share it.
type Code struct {
	Name     string
	NParams  int  // required parameters
	Rest     bool // a rest list follows the required parameters
	NLocals  int  // parameters, rest list and body locals: the frame's slots
	MaxStack int  // slots plus the deepest operand stack
	Instrs   []Instr
	Consts   []rt.Value
	Globals  []*Global
	Children []*Code
	Pos      []PosEntry // ascending by PC
	Internal bool       // part of the system library: hidden in backtraces

	// hash is the content hash (see Hash), made the first time it is
	// asked for: most code never leaves its interpreter, and hashing it
	// was a tenth of the time the library takes to load.
	hash atomic.Pointer[[32]byte]
}

// Hash returns the content hash of the code, its identity across nodes:
// equal for code compiled from the same source in the same environment
// (see CodeHash). Boot code has none: the zero hash.
func (c *Code) Hash() [32]byte {
	if h := c.hash.Load(); h != nil {
		return *h
	}
	h := CodeHash(c)
	c.hash.Store(&h)
	return h
}

// CodeHash computes the content hash of code from everything that
// determines its behaviour: instructions, constants, globals by name,
// children by hash, arity and name. Code.Hash keeps it; a decoder checks
// a code object received from elsewhere against the hash it came with
// before it trusts it as the code of that hash.
func CodeHash(code *Code) [32]byte {
	h := sha256.New()
	var buf [16]byte
	writeInt := func(v int64) {
		n := binary.PutVarint(buf[:], v)
		h.Write(buf[:n])
	}
	h.Write([]byte(code.Name))
	writeInt(int64(code.NParams))
	if code.Rest {
		writeInt(1)
	} else {
		writeInt(0)
	}
	writeInt(int64(code.NLocals))
	for _, in := range code.Instrs {
		writeInt(int64(in.Op))
		writeInt(int64(in.A))
		writeInt(int64(in.B))
		writeInt(int64(in.C))
	}
	for _, k := range code.Consts {
		if cl, ok := k.(*Closure); ok {
			ch := cl.Code.Hash()
			h.Write(ch[:])
			continue
		}
		h.Write([]byte(rt.WriteString(k)))
		h.Write([]byte{0})
	}
	for _, g := range code.Globals {
		// The environment too: the same text in two libraries refers to
		// different variables.
		h.Write([]byte(g.home))
		h.Write([]byte{0})
		h.Write([]byte(g.Name.Name))
		h.Write([]byte{0})
	}
	for _, child := range code.Children {
		ch := child.Hash()
		h.Write(ch[:])
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// CodeWithHash returns an empty code object whose hash is h, for a
// decoder to fill in and then to check against CodeHash before trusting
// it: that check reads its children's hashes, and so never loops on a
// cycle that a message may hold.
func CodeWithHash(h [32]byte) *Code {
	c := &Code{}
	c.hash.Store(&h)
	return c
}

// PosAt returns the source position of the instruction at pc.
func (c *Code) PosAt(pc int) rt.Pos {
	var p rt.Pos
	for _, e := range c.Pos {
		if int(e.PC) > pc {
			break
		}
		p = e.Pos
	}
	return p
}

// Disassemble returns a listing of c and its children, one instruction per
// line, for tests and debugging.
func (c *Code) Disassemble() string {
	var b strings.Builder
	c.disassemble(&b, "")
	return b.String()
}

func (c *Code) disassemble(b *strings.Builder, indent string) {
	fmt.Fprintf(b, "%scode %s params=%d rest=%v locals=%d stack=%d\n",
		indent, c.Name, c.NParams, c.Rest, c.NLocals, c.MaxStack)
	for pc, in := range c.Instrs {
		fmt.Fprintf(b, "%s  %3d %s", indent, pc, in.Op)
		if int(in.Op) < len(opTable) {
			for i, o := range in.operands() {
				label := ""
				if i == 1 {
					label = opTable[in.Op].bLabel
				}
				c.listOperand(b, o.kind, label, o.v)
			}
		}
		b.WriteByte('\n')
	}
	for _, k := range c.Consts {
		if cl, ok := k.(*Closure); ok {
			cl.Code.disassemble(b, indent+"  ")
		}
	}
	for _, ch := range c.Children {
		ch.disassemble(b, indent+"  ")
	}
}

// listOperand writes operand v, of kind k, in a listing.
func (c *Code) listOperand(b *strings.Builder, k operand, label string, v int32) {
	switch k {
	case opdNone, opdPrimitive:
	case opdConst:
		fmt.Fprintf(b, " %s%s", label, rt.WriteString(c.Consts[v]))
	case opdGlobal:
		fmt.Fprintf(b, " %s%s", label, c.Globals[v].Name.Name)
	case opdVar:
		if v < 0 {
			fmt.Fprintf(b, " %sfree%d", label, -1-v)
		} else {
			fmt.Fprintf(b, " %s%d", label, v)
		}
	default:
		fmt.Fprintf(b, " %s%d", label, v)
	}
}
