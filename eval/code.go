package eval

import (
	"fmt"
	"strings"

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

	// (call/cc (lambda (k) body...)) run in place (see letCCNode): if
	// Globals[A] still holds call/cc, push the continuation of the
	// expression, else jump to B, the plain call. opLetCC's continuation
	// resumes where the jump before B goes, after the expression;
	// opLetCCTail's is the caller's, the expression being in tail position.
	opLetCC
	opLetCCTail

	opRecvNext // (%recv-next deadline): Globals[A] on the value on top, in place

	opSelfTailCall // a lambda's tail call of itself: the A arguments on top become its parameters, and it starts over
)

var opNames = [...]string{
	opConst: "const", opLocal: "local", opLocalBox: "local-box", opFree: "free",
	opFreeBox: "free-box", opGlobal: "global", opSetLocal: "set-local",
	opSetLocalBox: "set-local-box", opSetFreeBox: "set-free-box",
	opSetGlobal: "set-global", opDefGlobal: "def-global", opMakeBox: "make-box",
	opBoxLocal: "box-local", opPop: "pop", opJump: "jump", opJumpFalse: "jump-false",
	opClosure: "closure", opFixClosure: "fix-closure", opCall: "call", opTailCall: "tail-call", opReturn: "return",
	opPrim: "prim", opAdd: "+", opSub: "-", opMul: "*", opQuotient: "quotient",
	opRemainder: "remainder", opModulo: "modulo", opNumEq: "=", opLt: "<",
	opGt: ">", opLe: "<=", opGe: ">=", opCar: "car", opCdr: "cdr", opCons: "cons",
	opNullP: "null?", opPairP: "pair?", opEqP: "eq?", opNot: "not", opZeroP: "zero?",
	opVectorRef: "vector-ref", opHalt: "halt", opLetCC: "let/cc", opLetCCTail: "let/cc-tail",
	opRecvNext: "recv-next", opSelfTailCall: "self-tail-call",
}

func (op Opcode) String() string {
	if int(op) < len(opNames) && opNames[op] != "" {
		return opNames[op]
	}
	return fmt.Sprintf("op%d", op)
}

// inlineOps maps the names of primitives that have their own instruction
// (with a fast path for the common case) to it, and their arity.
var inlineOps = map[string]struct {
	op    Opcode
	arity int
}{
	"+": {opAdd, 2}, "-": {opSub, 2}, "*": {opMul, 2}, "quotient": {opQuotient, 2},
	"remainder": {opRemainder, 2}, "modulo": {opModulo, 2}, "=": {opNumEq, 2},
	"<": {opLt, 2}, ">": {opGt, 2}, "<=": {opLe, 2}, ">=": {opGe, 2},
	"car": {opCar, 1}, "cdr": {opCdr, 1}, "cons": {opCons, 2},
	"null?": {opNullP, 1}, "pair?": {opPairP, 1}, "eq?": {opEqP, 2},
	"not": {opNot, 1}, "zero?": {opZeroP, 1}, "vector-ref": {opVectorRef, 2},
}

// Instr is one instruction.
type Instr struct {
	Op   Opcode
	A, B int32
}

// posEntry says that the instructions from PC on come from source at Pos.
type posEntry struct {
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
	Pos      []posEntry // ascending by PC
	Hash     [32]byte   // content hash: the code's identity across nodes
	Internal bool       // part of the system library: hidden in backtraces
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
		switch in.Op {
		case opConst:
			fmt.Fprintf(b, " %s", rt.WriteString(c.Consts[in.A]))
		case opGlobal, opSetGlobal, opDefGlobal, opRecvNext:
			fmt.Fprintf(b, " %s", c.Globals[in.A].Name.Name)
		case opPrim:
			fmt.Fprintf(b, " %s %d", c.Globals[in.A].Name.Name, in.B)
		case opClosure:
			fmt.Fprintf(b, " %d free=%d", in.A, in.B)
		case opLetCC, opLetCCTail:
			fmt.Fprintf(b, " %s else %d", c.Globals[in.A].Name.Name, in.B)
		case opFixClosure:
			fmt.Fprintf(b, " %d %d", in.A, in.B)
		case opLocal, opLocalBox, opFree, opFreeBox, opSetLocal, opSetLocalBox,
			opSetFreeBox, opBoxLocal, opJump, opJumpFalse, opCall, opTailCall, opSelfTailCall:
			fmt.Fprintf(b, " %d", in.A)
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
