package serialize

import (
	"termite/eval"
	rt "termite/runtime"
)

// How the entries of code, global cells, procedures, continuations and
// environments are written: the parts and write functions of their kinds
// (see kindInfo).

// globalAux is what a global cell's entry writes.
type globalAux struct {
	name eval.GlobalName
	ship bool // the value travels too
}

// contAux holds a continuation's parts, taken apart once.
type contAux struct {
	stack                     []rt.Value
	frames                    []eval.Frame
	winders, handlers, params rt.Value
	globals                   []*eval.Global // named by the pending top-level forms
}

// globalAux decides how global cell g travels: by name always, with its
// value when the value is the program's (see FORMAT.md, "Globals").
func (e *encoder) globalAux(g *eval.Global) *globalAux {
	n, ok := e.ctx.nameOf(g)
	if !ok {
		n = eval.GlobalName{Name: g.Name} // in no environment
	}
	a := &globalAux{name: n}
	switch {
	case g.Value == nil || n.Sealed:
	case n.Env == "system":
		// A standard name the program redefined.
		a.ship = e.ctx.sysValue[n.Name] != g.Value
	default:
		a.ship = true
	}
	return a
}

// contAux takes continuation k apart. When k holds the top-level driver's
// frame, the program's globals that the pending top-level forms name
// travel with it, since those forms are data that the receiver compiles.
func (e *encoder) contAux(k *eval.Continuation) *contAux {
	a := &contAux{}
	a.stack, a.frames, a.winders, a.handlers, a.params = eval.ContinuationParts(k)
	for _, f := range a.frames {
		if f.Closure == nil || f.Closure != e.ctx.driver || f.FP+1 >= len(a.stack) {
			continue
		}
		if _, env, ok := e.wire.SourceName(a.stack[f.FP+1]); ok && env == "program" {
			a.globals = append(a.globals, e.namedGlobals(a.stack[f.FP])...)
		}
	}
	return a
}

// namedGlobals returns the bound program globals named by the symbols of
// forms.
func (e *encoder) namedGlobals(forms rt.Value) []*eval.Global {
	var out []*eval.Global
	named := make(map[*rt.Symbol]bool)
	rt.Walk(forms, func(v rt.Value) bool {
		if x, ok := v.(*rt.Symbol); ok && !named[x] {
			named[x] = true
			if g := e.wire.FindGlobal(eval.GlobalName{Env: "program", Name: x}); g != nil && g.Value != nil {
				out = append(out, g)
			}
		}
		return true
	})
	return out
}

func (e *encoder) writeEnvironment(n *entry) {
	e.header(kEnvironment, 1)
	e.w.text(n.aux.(string))
}

func (e *encoder) writeSource(n *entry) {
	a := n.aux.([2]string)
	e.header(kSource, 2)
	e.w.text(a[0])
	e.w.text(a[1])
}

func (e *encoder) codeParts(n entry) error {
	x := n.obj.(*eval.Code)
	for _, g := range x.Globals {
		if err := e.add(g); err != nil {
			return err
		}
	}
	if err := e.addAll(x.Consts); err != nil {
		return err
	}
	for _, ch := range x.Children {
		if err := e.add(ch); err != nil {
			return err
		}
	}
	return nil
}

// writeCode writes a code object in full.
func (e *encoder) writeCode(n *entry) {
	c := n.obj.(*eval.Code)
	w := &e.w
	e.header(kCode, 12)
	h := c.Hash()
	w.bytes(h[:])
	// The globals come first: the decoder needs them to tell whether it
	// already has this code before it reads the rest.
	w.array(len(c.Globals))
	for _, g := range c.Globals {
		e.refTo(g)
	}
	w.text(c.Name)
	w.uint(uint64(c.NParams))
	w.bool(c.Rest)
	w.uint(uint64(c.NLocals))
	w.uint(uint64(c.MaxStack))
	w.bool(c.Internal)
	nums := 3 * len(c.Instrs)
	for _, in := range c.Instrs {
		if in.Op.HasC() {
			nums++
		}
	}
	w.array(nums)
	for _, in := range c.Instrs {
		w.uint(uint64(in.Op))
		w.int(int64(in.A))
		w.int(int64(in.B))
		if in.Op.HasC() {
			w.int(int64(in.C))
		}
	}
	w.array(len(c.Consts))
	e.slots(c.Consts)
	w.array(len(c.Children))
	for _, ch := range c.Children {
		e.refTo(ch)
	}
	w.array(4 * len(c.Pos))
	file := ""
	for i, p := range c.Pos {
		w.uint(uint64(p.PC))
		w.int(int64(p.Pos.Line))
		w.int(int64(p.Pos.Col))
		if i > 0 && p.Pos.File == file {
			w.null()
		} else {
			w.text(p.Pos.File)
			file = p.Pos.File
		}
	}
	if e.opts.CodeWritten != nil {
		e.opts.CodeWritten(c)
	}
}

func (e *encoder) writeCodeRef(n *entry) {
	e.header(kCodeRef, 1)
	h := n.obj.(*eval.Code).Hash()
	e.w.bytes(h[:])
}

func (e *encoder) writeBoot(n *entry) {
	args, _ := eval.BootArgs(n.obj.(*eval.Code))
	e.header(kBoot, 1)
	e.w.uint(uint64(args))
}

func (e *encoder) globalParts(n entry) error {
	if n.aux.(*globalAux).ship {
		return e.add(n.obj.(*eval.Global).Value)
	}
	return nil
}

func (e *encoder) writeGlobal(n *entry) {
	a := n.aux.(*globalAux)
	if a.ship {
		e.header(kGlobal, 4)
	} else {
		e.header(kGlobal, 3)
	}
	e.w.text(a.name.Env)
	e.w.text(a.name.Name.Name)
	e.w.bool(a.name.Sealed)
	if a.ship {
		e.slot(n.obj.(*eval.Global).Value)
	}
}

func (e *encoder) closureParts(n entry) error {
	x := n.obj.(*eval.Closure)
	if err := e.add(x.Code); err != nil {
		return err
	}
	return e.addAll(x.Free)
}

func (e *encoder) writeClosure(n *entry) {
	x := n.obj.(*eval.Closure)
	e.header(kClosure, 1+len(x.Free))
	e.refTo(x.Code)
	e.slots(x.Free)
}

func (e *encoder) caseLambdaParts(n entry) error {
	for _, cl := range n.obj.(*eval.CaseLambda).Clauses {
		if err := e.add(cl); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) writeCaseLambda(n *entry) {
	x := n.obj.(*eval.CaseLambda)
	e.header(kCaseLambda, 1+len(x.Clauses))
	e.w.text(x.Name)
	for _, cl := range x.Clauses {
		e.slot(cl)
	}
}

func (e *encoder) parameterParts(n entry) error {
	x := n.obj.(*eval.Parameter)
	if err := e.add(x.Value); err != nil {
		return err
	}
	if x.Converter != nil {
		return e.add(x.Converter)
	}
	return nil
}

func (e *encoder) writeParameter(n *entry) {
	x := n.obj.(*eval.Parameter)
	e.header(kParameter, 2)
	e.slot(x.Value)
	if x.Converter == nil {
		e.w.bool(false)
	} else {
		e.slot(x.Converter)
	}
}

func (e *encoder) recordProcParts(n entry) error {
	p, _ := eval.RecordProcParts(n.obj)
	return e.add(p.Type)
}

func (e *encoder) writeRecordProc(n *entry) {
	p, _ := eval.RecordProcParts(n.obj)
	w := &e.w
	e.header(kRecordProc, 4+len(p.Slots))
	w.uint(uint64(p.Kind))
	e.slot(p.Type)
	w.text(p.Name)
	w.uint(uint64(p.Field))
	for _, s := range p.Slots {
		w.uint(uint64(s))
	}
}

func (e *encoder) continuationParts(n entry) error {
	a := n.aux.(*contAux)
	if err := e.addAll([]rt.Value{a.winders, a.handlers, a.params}); err != nil {
		return err
	}
	if err := e.addAll(a.stack); err != nil {
		return err
	}
	for _, f := range a.frames {
		if err := e.add(f.Code); err != nil {
			return err
		}
		if f.Closure != nil {
			if err := e.add(f.Closure); err != nil {
				return err
			}
		}
	}
	for _, g := range a.globals {
		if err := e.add(g); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) writeContinuation(n *entry) {
	a := n.aux.(*contAux)
	w := &e.w
	e.header(kContinuation, 6)
	e.slot(a.winders)
	e.slot(a.handlers)
	e.slot(a.params)
	w.array(len(a.stack))
	e.slots(a.stack)
	w.array(4 * len(a.frames))
	for _, f := range a.frames {
		e.refTo(f.Code)
		if f.Closure == nil {
			w.null()
		} else {
			e.slot(f.Closure)
		}
		w.uint(uint64(f.PC))
		w.uint(uint64(f.FP))
	}
	w.array(len(a.globals))
	for _, g := range a.globals {
		e.refTo(g)
	}
}
