package eval

import (
	rt "termite/runtime"
)

// Closure is a compiled lambda with the values of its free variables
// (flat closures: each captured variable is copied in, boxed when it is
// also assigned).
type Closure struct {
	Code *Code
	Free []rt.Value
}

// ProcName returns the name the lambda was defined under.
func (c *Closure) ProcName() string { return c.Code.Name }

// Closures with few free variables hold them in the same allocation.
type (
	closure1 struct {
		Closure
		free [1]rt.Value
	}
	closure2 struct {
		Closure
		free [2]rt.Value
	}
	closure3 struct {
		Closure
		free [3]rt.Value
	}
	closure4 struct {
		Closure
		free [4]rt.Value
	}
)

// newClosure returns a closure of code with room for n free values.
func newClosure(code *Code, n int) *Closure {
	switch n {
	case 1:
		c := &closure1{}
		c.Closure = Closure{Code: code, Free: c.free[:]}
		return &c.Closure
	case 2:
		c := &closure2{}
		c.Closure = Closure{Code: code, Free: c.free[:]}
		return &c.Closure
	case 3:
		c := &closure3{}
		c.Closure = Closure{Code: code, Free: c.free[:]}
		return &c.Closure
	case 4:
		c := &closure4{}
		c.Closure = Closure{Code: code, Free: c.free[:]}
		return &c.Closure
	}
	return &Closure{Code: code, Free: make([]rt.Value, n)}
}

// CaseLambda is the procedure made by case-lambda: the first clause that
// accepts the number of arguments runs.
type CaseLambda struct {
	Name    string
	Clauses []*Closure
}

// ProcName returns the case-lambda's name.
func (c *CaseLambda) ProcName() string { return c.Name }

// clause returns the first clause that accepts n arguments, or nil.
func (c *CaseLambda) clause(n int) *Closure {
	for _, cl := range c.Clauses {
		if n == cl.Code.NParams || (cl.Code.Rest && n > cl.Code.NParams) {
			return cl
		}
	}
	return nil
}

// DefaultArg is a procedure that calls Prim with the same arguments, and
// when the caller passes only At of them, with the value of Param as one
// more: R7RS's write, display, read-char and the like, whose port may be
// left out (Param is then current-output-port or current-input-port),
// over primitives that always take it.
type DefaultArg struct {
	Name  string
	Prim  *rt.Primitive
	At    int
	Param *Parameter
}

// ProcName names the procedure in messages.
func (d *DefaultArg) ProcName() string { return d.Name }

// arityError is the error of a call with n arguments, or nil.
func (d *DefaultArg) arityError(n int) *rt.ErrorObject {
	if n < d.At || (d.Prim.Max >= 0 && n > d.Prim.Max) {
		return arityError(d.Name, d.At, d.Prim.Max, n)
	}
	return nil
}

// Parameter is a parameter object (make-parameter). Its value in a process
// is the innermost parameterize binding of the process's dynamic
// environment, else Value.
type Parameter struct {
	Value     rt.Value
	Converter rt.Value // a procedure, or nil
}

// ProcName names parameter objects in messages.
func (p *Parameter) ProcName() string { return "parameter" }

// frame is a suspended caller: where to resume (Code, PC), its frame
// pointer and the closure that is running there. A continuation is made of
// operand stack slots and these records: plain data, no Go closures.
type frame struct {
	code *Code
	clo  *Closure
	pc   int32
	fp   int32
}

// dynState is the part of a process's state that continuations capture
// besides the stack: the dynamic-wind list (innermost first, each entry a
// pair (before . after)), the exception handler stack (a list of
// procedures, innermost first) and the parameterize bindings (an alist
// from *Parameter to value, innermost first).
type dynState struct {
	winders  rt.Value
	handlers rt.Value
	params   rt.Value
}

// emptyDyn is the dynamic state of a new process.
var emptyDyn = &dynState{winders: rt.Null, handlers: rt.Null, params: rt.Null}

// recordProcKind says what a record procedure does.
type recordProcKind uint8

const (
	recordConstructor recordProcKind = iota
	recordPredicate
	recordAccessor
	recordModifier
)

// recordProc is a constructor, predicate, accessor or modifier made by
// define-record-type: data, not a Go closure, so it serializes.
type recordProc struct {
	kind  recordProcKind
	rtype *rt.RecordType
	name  string
	field int   // accessor and modifier
	slots []int // constructor: the field index of each argument
}

// ProcName returns the name given in define-record-type.
func (r *recordProc) ProcName() string { return r.name }

// controlPrim is a primitive built into the machine because it needs the
// machine's state: it may call procedures, capture or reinstate
// continuations, or read the dynamic state.
type controlPrim struct {
	name     string
	min, max int
	op       controlOp
}

// ProcName returns the primitive's name.
func (c *controlPrim) ProcName() string { return c.name }

// Global is a top-level variable. Value is nil while it is unbound.
// inline is true while Value is still the primitive that the compiler may
// replace by an instruction of its own.
type Global struct {
	Name   *rt.Symbol
	Value  rt.Value
	inline bool
	home   string // the name of the environment that made it
	// defined is set when a define of the variable is compiled: from
	// then on, calls of it may read it after their arguments (see
	// compiler.call).
	defined bool
}
