package eval

import (
	"fmt"

	rt "termite/runtime"
)

// This file is what package serialize needs to write code, closures,
// continuations and environments, and to read them back: functions that
// take this package's procedures apart and constructors that check what
// they are given (it may come from another node), and Wire, which names
// an interpreter's environments, sources, global variables and standard
// values in terms another interpreter understands. CodeChecker
// (checker.go) checks code before it may run. Nothing else should need
// any of it.

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
	if c.Name != "boot" || !c.Internal || c.Hash() != ([32]byte{}) || len(c.Instrs) != 2 ||
		c.Instrs[0].Op != opCall || c.Instrs[1].Op != opHalt || c.NLocals != 0 ||
		c.MaxStack != int(c.Instrs[0].A)+1 {
		return 0, false
	}
	return int(c.Instrs[0].A), true
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

// Wire names what an interpreter's code and continuations refer to in
// terms another interpreter understands: environments by "system",
// "program" or the written name of their library, global variables by
// GlobalName, the standard library's values by their global name.
type Wire struct{ in *Interp }

// Wire returns the naming of in's environments and globals for
// serialization.
func (in *Interp) Wire() Wire { return Wire{in} }

// EnvironmentName returns the name other interpreters know e by. An
// environment made by (environment ...) has none.
func (w Wire) EnvironmentName(e *Environment) (string, bool) {
	in := w.in
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

// Environment is the inverse of EnvironmentName.
func (w Wire) Environment(name string) (*Environment, bool) {
	return w.in.environmentNamed(name)
}

// environmentNamed returns the environment of the system, of the program
// or of a loaded library, by the name Wire gives it.
func (in *Interp) environmentNamed(name string) (*Environment, bool) {
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

// SourceName returns the file name and the environment name of a source
// object (the driver's record of where top-level forms come from); ok is
// false for anything else, and for a source whose environment has no
// name.
func (w Wire) SourceName(v rt.Value) (file, env string, ok bool) {
	s, isSource := v.(*source)
	if !isSource {
		return "", "", false
	}
	env, ok = w.EnvironmentName(s.env)
	return s.file, env, ok
}

// Source returns a source object for file, without positions, whose forms
// are compiled in the environment named env.
func (w Wire) Source(file, env string) (rt.Value, error) {
	e, ok := w.in.environmentNamed(env)
	if !ok {
		return nil, fmt.Errorf("no environment named %s", env)
	}
	return &source{file: file, pos: rt.Positions{}, env: e}, nil
}

// GlobalName says which global variable a cell is, in terms another
// interpreter understands: its environment's name (see Wire),
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

// FindGlobal returns the cell n names, or nil when there is none: it
// never makes one.
func (w Wire) FindGlobal(n GlobalName) *Global {
	in := w.in
	e, ok := in.environmentNamed(n.Env)
	if !ok {
		return nil
	}
	g, _ := e.own(n.Name)
	if g != nil && n.Sealed {
		return in.frozen[g]
	}
	return g
}

// ResolveGlobal returns the cell that n names. When n's environment
// has no such variable, a program name that no standard binding already
// has gets a new unbound variable of the program; anything else (an
// unknown library, a name the system lacks) gets a new cell of its own,
// in no environment, so that a message never adds to the system or to
// a library. A standard name that comes with a value (the sender's
// program redefined it) gets a cell of its own too: the sender's code
// sees the sender's definition, and the receiver's binding is untouched.
func (w Wire) ResolveGlobal(n GlobalName, withValue bool) *Global {
	in := w.in
	if withValue && n.Env == "system" {
		return &Global{Name: n.Name, home: n.Env}
	}
	if e, ok := in.environmentNamed(n.Env); ok {
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
func (w Wire) SystemValue(name *rt.Symbol) (rt.Value, bool) {
	return w.in.systemValue(name)
}

// systemValue is Wire.SystemValue, which EachSystemValue shares.
func (in *Interp) systemValue(name *rt.Symbol) (rt.Value, bool) {
	g, ok := in.system.own(name)
	if !ok {
		return nil, false
	}
	if g == in.runForms && g.Value == nil {
		if _, err := in.driver(); err != nil {
			return nil, false
		}
	}
	v := in.fixed(g)
	return v, v != nil
}

// EachSystemValue calls f with each bound variable of the system
// environment and its value as Wire.SystemValue gives it. The files of
// the library that run on first use and have not yet are left out: their
// values do not exist yet (LibraryLoads tells when more do).
func (in *Interp) EachSystemValue(f func(name *rt.Symbol, v rt.Value)) {
	for sym := range in.system.vars {
		if v, ok := in.systemValue(sym); ok {
			f(sym, v)
		}
	}
}
