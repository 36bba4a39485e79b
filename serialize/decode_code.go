package serialize

import (
	"encoding/hex"
	"fmt"
	"math"

	"termite/eval"
	rt "termite/runtime"
)

// How the entries of code, global cells, procedures, continuations and
// environments are read: the create, link and fill functions of their
// kinds (see kindInfo); and accept, which checks the code a message
// brings before the interpreter takes it.

// globalEntry is the decoded form of a kGlobal entry.
type globalEntry struct {
	name        eval.GlobalName
	placeholder *eval.Global // what new code refers to until the message is accepted
	value       rt.Value     // the value that came with it, or nil
}

// freshCode is a code object built from the message, not found here.
type freshCode struct {
	hash    [32]byte
	globals []*globalEntry
	trusted int8 // 0: unknown, 1: its hash is right and so are its parts', -1: not, 2: being found
}

// contEntry is a continuation to build once all code is checked.
type contEntry struct {
	k                         *eval.Continuation
	stack                     []rt.Value
	frames                    []eval.Frame
	winders, handlers, params rt.Value
	globals                   []*globalEntry
}

func (d *decoder) readEnvironment(int, int) (any, error) {
	name, err := d.r.text("environment name")
	if err != nil {
		return nil, err
	}
	if err := programOnly(name); err != nil {
		return nil, err
	}
	e, ok := d.wire.Environment(name)
	if !ok {
		return nil, fmt.Errorf("no environment %s here", name)
	}
	return e, nil
}

// programOnly refuses a message's environment, or source of top-level
// forms, other than the program's: through the system environment or a
// library's, eval or the forms of a continuation's rest of the script
// could redefine the receiver's library.
func programOnly(env string) error {
	switch env {
	case "program":
		return nil
	case "system":
		return fmt.Errorf("a reference to the system environment")
	}
	return fmt.Errorf("a reference to the environment of library %s", env)
}

func (d *decoder) readSource(int, int) (any, error) {
	file, err := d.r.text("file name")
	if err != nil {
		return nil, err
	}
	env, err := d.r.text("environment name")
	if err != nil {
		return nil, err
	}
	if err := programOnly(env); err != nil {
		return nil, err
	}
	return d.wire.Source(file, env)
}

func (d *decoder) hash() ([32]byte, error) {
	var h [32]byte
	b, err := d.r.raw(majorBytes, "code hash")
	if err != nil {
		return h, err
	}
	if len(b) != len(h) {
		return h, fmt.Errorf("code hash of %d bytes", len(b))
	}
	copy(h[:], b)
	return h, nil
}

func (d *decoder) readCodeRef(int, int) (any, error) {
	h, err := d.hash()
	if err != nil {
		return nil, err
	}
	d.ctx.loadCodes()
	if c := d.ctx.codes.get(h); c != nil {
		return c, nil
	}
	if d.opts.ResolveCode != nil {
		if c := d.opts.ResolveCode(h); c != nil {
			return c, nil
		}
	}
	return nil, fmt.Errorf("code %s is not known here", hex.EncodeToString(h[:8]))
}

func (d *decoder) readBoot(int, int) (any, error) {
	n, err := d.r.small("argument count", d.lim.MaxFrameSlots-1)
	if err != nil {
		return nil, err
	}
	return eval.BootCode(n), nil
}

// readGlobal reads a global's name; fillGlobal reads the value that came
// with it, if any.
func (d *decoder) readGlobal(_, nf int) (any, error) {
	r := &d.r
	env, err := r.text("environment name")
	if err != nil {
		return nil, err
	}
	name, err := r.raw(majorText, "global name")
	if err != nil {
		return nil, err
	}
	sealed, err := r.bool("sealed flag")
	if err != nil {
		return nil, err
	}
	sym := d.intern(name)
	if nf == 4 {
		if err := r.skip(1); err != nil { // the value: read by fillGlobal
			return nil, err
		}
	}
	return &globalEntry{name: eval.GlobalName{Env: env, Name: sym, Sealed: sealed},
		placeholder: &eval.Global{Name: sym}}, nil
}

func (d *decoder) fillGlobal(i int) (err error) {
	if d.nfields[i] == 4 {
		if err := d.r.skip(3); err != nil { // read by readGlobal
			return err
		}
		d.objs[i].(*globalEntry).value, err = d.datum()
	}
	return err
}

// linkRecordProc makes a record procedure, once its type is made.
func (d *decoder) linkRecordProc(i int) error {
	r := &d.r
	kind, err := r.small("record procedure kind", 3)
	if err != nil {
		return err
	}
	tv, err := d.value()
	if err != nil {
		return err
	}
	t, ok := tv.(*rt.RecordType)
	if !ok {
		return fmt.Errorf("record procedure of a %s", typeName(tv))
	}
	name, err := r.text("procedure name")
	if err != nil {
		return err
	}
	field, err := r.small("field", math.MaxInt32)
	if err != nil {
		return err
	}
	slots := make([]int, d.nfields[i]-4)
	for j := range slots {
		if slots[j], err = r.small("field", math.MaxInt32); err != nil {
			return err
		}
	}
	p, err := eval.NewRecordProc(eval.RecordProc{Kind: kind, Type: t, Name: name, Field: field, Slots: slots})
	d.objs[i] = p
	return err
}

// linkCode makes a code object once the global entries are made: its
// globals say whether the code here with the same hash is the same code.
func (d *decoder) linkCode(i int) error {
	r := &d.r
	h, err := d.hash()
	if err != nil {
		return err
	}
	n, err := r.array("code globals")
	if err != nil {
		return err
	}
	globals := make([]*globalEntry, n)
	for j := range globals {
		e, err := d.reference(kGlobal)
		if err != nil {
			return err
		}
		globals[j] = e.(*globalEntry)
	}
	d.ctx.loadCodes()
	if c := d.ctx.codes.get(h); c != nil && d.sameGlobals(c, globals) {
		d.objs[i] = c
		return nil
	}
	c := eval.CodeWithHash(h)
	if d.fresh == nil {
		d.fresh = make(map[*eval.Code]*freshCode)
	}
	d.fresh[c] = &freshCode{hash: h, globals: globals}
	d.objs[i] = c
	return nil
}

// sameGlobals reports whether code c of this interpreter refers to the
// globals a message's code with the same hash does. The hash names
// globals without their environment, so two libraries' copies of one
// procedure share it: only the names tell them apart.
func (d *decoder) sameGlobals(c *eval.Code, globals []*globalEntry) bool {
	if len(c.Globals) != len(globals) {
		return false
	}
	for j, g := range c.Globals {
		if n, ok := d.ctx.nameOf(g); !ok || n != globals[j].name {
			return false
		}
	}
	return true
}

// fillCode reads a code object the interpreter does not have.
func (d *decoder) fillCode(i int) error {
	c := d.objs[i].(*eval.Code)
	fc, ok := d.fresh[c]
	if !ok {
		return nil // this interpreter's own
	}
	r := &d.r
	// The hash and the globals were read by linkCode.
	if err := r.skip(2); err != nil {
		return err
	}
	c.Globals = make([]*eval.Global, len(fc.globals))
	for j, g := range fc.globals {
		c.Globals[j] = g.placeholder
	}
	var err error
	if c.Name, err = r.text("code name"); err != nil {
		return err
	}
	if c.NParams, err = r.small("parameter count", math.MaxInt32); err != nil {
		return err
	}
	if c.Rest, err = r.bool("rest flag"); err != nil {
		return err
	}
	if c.NLocals, err = r.small("local count", math.MaxInt32); err != nil {
		return err
	}
	if c.MaxStack, err = r.small("stack size", math.MaxInt32); err != nil {
		return err
	}
	if c.Internal, err = r.bool("internal flag"); err != nil {
		return err
	}
	n, err := r.array("instructions")
	if err != nil {
		return err
	}
	// Most instructions take three numbers, and none fewer.
	c.Instrs = make([]eval.Instr, 0, n/3)
	for left := n; left > 0; {
		if left < 3 {
			return fmt.Errorf("instructions: %d numbers left over", left)
		}
		op, err := r.small("opcode", math.MaxUint8)
		if err != nil {
			return err
		}
		in := eval.Instr{Op: eval.Opcode(op)}
		if in.A, err = d.int32("operand"); err != nil {
			return err
		}
		if in.B, err = d.int32("operand"); err != nil {
			return err
		}
		left -= 3
		if in.Op.HasC() {
			if left == 0 {
				return fmt.Errorf("instructions: %s without its operand C", in.Op)
			}
			if in.C, err = d.int32("operand"); err != nil {
				return err
			}
			left--
		}
		c.Instrs = append(c.Instrs, in)
	}
	if n, err = r.array("constants"); err != nil {
		return err
	}
	if c.Consts, err = d.data(n); err != nil {
		return err
	}
	if n, err = r.array("children"); err != nil {
		return err
	}
	c.Children = make([]*eval.Code, n)
	for j := range c.Children {
		ch, err := d.reference(kCode, kCodeRef)
		if err != nil {
			return err
		}
		c.Children[j] = ch.(*eval.Code)
	}
	if n, err = r.array("positions"); err != nil {
		return err
	}
	if n%4 != 0 {
		return fmt.Errorf("positions: %d items, not a multiple of 4", n)
	}
	c.Pos = make([]eval.PosEntry, n/4)
	file := ""
	for j := range c.Pos {
		pc, err := r.small("position pc", math.MaxInt32)
		if err != nil {
			return err
		}
		line, err := d.int32("line")
		if err != nil {
			return err
		}
		col, err := d.int32("column")
		if err != nil {
			return err
		}
		if !r.isNull() {
			if file, err = r.text("file"); err != nil {
				return err
			}
		}
		c.Pos[j] = eval.PosEntry{PC: int32(pc), Pos: rt.Pos{File: file, Line: line, Col: col}}
	}
	return nil
}

func (d *decoder) fillClosure(i int) error {
	c := d.objs[i].(*eval.Closure)
	code, err := d.reference(kCode, kCodeRef)
	if err != nil {
		return err
	}
	c.Code = code.(*eval.Code)
	if c.Free, err = d.values(d.nfields[i] - 1); err != nil {
		return err
	}
	d.closures = append(d.closures, c)
	return nil
}

func (d *decoder) fillCaseLambda(i int) (err error) {
	c := d.objs[i].(*eval.CaseLambda)
	if c.Name, err = d.r.text("case-lambda name"); err != nil {
		return err
	}
	clauses, err := d.values(d.nfields[i] - 1)
	if err != nil {
		return err
	}
	c.Clauses = make([]*eval.Closure, len(clauses))
	for j, v := range clauses {
		if c.Clauses[j], _ = v.(*eval.Closure); c.Clauses[j] == nil {
			return fmt.Errorf("case-lambda clause is a %s", typeName(v))
		}
	}
	return nil
}

func (d *decoder) fillParameter(i int) (err error) {
	p := d.objs[i].(*eval.Parameter)
	if p.Value, err = d.datum(); err != nil {
		return err
	}
	conv, err := d.value()
	if err != nil {
		return err
	}
	if rt.IsTrue(conv) {
		if _, ok := conv.(rt.Procedure); !ok {
			return fmt.Errorf("parameter converter is a %s", typeName(conv))
		}
		p.Converter = conv
	}
	return nil
}

// fillContinuation reads a continuation's parts; accept builds it.
func (d *decoder) fillContinuation(i int) error {
	r := &d.r
	ce := &contEntry{k: d.objs[i].(*eval.Continuation)}
	var err error
	if ce.winders, err = d.value(); err != nil {
		return err
	}
	if ce.handlers, err = d.value(); err != nil {
		return err
	}
	if ce.params, err = d.value(); err != nil {
		return err
	}
	n, err := r.array("stack")
	if err != nil {
		return err
	}
	if ce.stack, err = d.values(n); err != nil {
		return err
	}
	if n, err = r.array("frames"); err != nil {
		return err
	}
	if n%4 != 0 {
		return fmt.Errorf("frames: %d items, not a multiple of 4", n)
	}
	ce.frames = make([]eval.Frame, n/4)
	for j := range ce.frames {
		f := &ce.frames[j]
		code, err := d.reference(kCode, kCodeRef, kBoot)
		if err != nil {
			return err
		}
		f.Code = code.(*eval.Code)
		if !r.isNull() {
			v, err := d.value()
			if err != nil {
				return err
			}
			if f.Closure, _ = v.(*eval.Closure); f.Closure == nil {
				return fmt.Errorf("frame %d runs a %s", j, typeName(v))
			}
		}
		if f.PC, err = r.small("frame pc", math.MaxInt32); err != nil {
			return err
		}
		if f.FP, err = r.small("frame pointer", math.MaxInt32); err != nil {
			return err
		}
	}
	if n, err = r.array("globals"); err != nil {
		return err
	}
	ce.globals = make([]*globalEntry, n)
	for j := range ce.globals {
		g, err := d.reference(kGlobal)
		if err != nil {
			return err
		}
		ce.globals[j] = g.(*globalEntry)
	}
	d.conts = append(d.conts, ce)
	return nil
}

// int32 reads an integer that fits in int32.
func (d *decoder) int32(what string) (int32, error) {
	v, err := d.r.int(what)
	if err != nil {
		return 0, err
	}
	if v != int64(int32(v)) {
		return 0, fmt.Errorf("%s %d out of range", what, v)
	}
	return int32(v), nil
}

// accept checks everything the machine will run, and only then changes
// the interpreter: global cells for the new code, values for the unbound
// globals that came with one, the new code known by its hash.
func (d *decoder) accept() error {
	ck := eval.NewCodeChecker(d.lim.MaxFrameSlots)
	for i, k := range d.kinds {
		if k != kCode {
			continue
		}
		if err := ck.Check(d.objs[i].(*eval.Code)); err != nil {
			return fmt.Errorf("bad code: %v", err)
		}
	}
	for _, c := range d.closures {
		if err := ck.CheckClosure(c); err != nil {
			return fmt.Errorf("bad closure: %v", err)
		}
	}
	for _, ce := range d.conts {
		if err := ck.FillContinuation(ce.k, ce.stack, ce.frames, ce.winders, ce.handlers, ce.params); err != nil {
			return fmt.Errorf("bad continuation: %v", err)
		}
	}
	// Link the new code to the cells it will get, without making any:
	// what it does with them decides whether it may run here.
	for c, fc := range d.fresh {
		for j, g := range fc.globals {
			c.Globals[j] = d.probeGlobal(g)
		}
		if err := d.wire.CheckLinked(c); err != nil {
			return fmt.Errorf("bad code: %v", err)
		}
	}
	// The message is accepted.
	cells := make(map[*globalEntry]*eval.Global)
	cell := func(g *globalEntry) *eval.Global {
		c, ok := cells[g]
		if !ok {
			c = d.wire.ResolveGlobal(g.name, g.value != nil)
			cells[g] = c
			if g.value != nil && c.Value == nil {
				c.Value = g.value
			}
		}
		return c
	}
	for _, i := range d.objs {
		if g, ok := i.(*globalEntry); ok && g.value != nil {
			cell(g)
		}
	}
	for c, fc := range d.fresh {
		for j, g := range fc.globals {
			c.Globals[j] = cell(g)
		}
	}
	for c := range d.fresh {
		if d.trusted(c) {
			d.ctx.addCode(c)
		}
	}
	return nil
}

// probeGlobal returns the cell of this interpreter that accept will give
// g, if it is one that exists already (or, for the system library's
// private copy of a variable not yet made, the variable itself), else
// g's placeholder: the cells that accept makes are fresh and unbound.
func (d *decoder) probeGlobal(g *globalEntry) *eval.Global {
	if g.value != nil && g.name.Env == "system" {
		return g.placeholder
	}
	if c := d.wire.FindGlobal(g.name); c != nil {
		return c
	}
	if c := d.wire.FindGlobal(eval.GlobalName{Env: g.name.Env, Name: g.name.Name}); c != nil && g.name.Sealed {
		return c
	}
	return g.placeholder
}

// trusted reports whether fresh code c may be known by its hash from now
// on: its hash must be that of its contents, and the code objects it
// holds (children, constant closures) must be this interpreter's or
// trusted too, since its hash covers only their hashes. The walk keeps its
// own stack: a message may nest code deeply.
func (d *decoder) trusted(c *eval.Code) bool {
	type item struct {
		c    *eval.Code
		done bool
	}
	parts := func(c *eval.Code) []*eval.Code {
		out := append([]*eval.Code(nil), c.Children...)
		for _, k := range c.Consts {
			if cl, ok := k.(*eval.Closure); ok {
				out = append(out, cl.Code)
			}
		}
		return out
	}
	stack := []item{{c, false}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		fc := d.fresh[it.c]
		if it.done {
			ok := eval.CodeHash(it.c) == fc.hash
			for _, p := range parts(it.c) {
				if pf, isFresh := d.fresh[p]; isFresh && pf.trusted != 1 {
					ok = false // not trusted, or a cycle
				}
			}
			fc.trusted = -1
			if ok {
				fc.trusted = 1
			}
			continue
		}
		if fc.trusted != 0 {
			continue
		}
		fc.trusted = 2 // being looked at
		stack = append(stack, item{it.c, true})
		for _, p := range parts(it.c) {
			if pf, ok := d.fresh[p]; ok && pf.trusted == 0 {
				stack = append(stack, item{p, false})
			}
		}
	}
	return d.fresh[c].trusted == 1
}
