package serialize

import (
	"fmt"
	"math/big"

	"termite/eval"
	rt "termite/runtime"
)

// Version is the format version written in every message. Decode refuses
// any other: bump it whenever the layout of FORMAT.md changes.
const Version = 2

// kind is the first element of every entry of the object table.
type kind uint8

// The kinds of table entries; FORMAT.md gives each one's fields.
const (
	kList         kind = 1
	kVector       kind = 2
	kString       kind = 3
	kBytevector   kind = 4
	kChar         kind = 5
	kSymbol       kind = 6 // uninterned
	kComplex      kind = 7
	kEOF          kind = 8
	kDefault      kind = 9
	kBox          kind = 10
	kValues       kind = 11
	kRecordType   kind = 12
	kRecord       kind = 13
	kPromise      kind = 14
	kPromiseState kind = 15
	kError        kind = 16
	kTag          kind = 17
	kPid          kind = 18
	kSystem       kind = 19
	kProxy        kind = 20
	kEnvironment  kind = 21
	kSource       kind = 22
	kCode         kind = 23
	kCodeRef      kind = 24
	kBoot         kind = 25
	kGlobal       kind = 26
	kClosure      kind = 27
	kCaseLambda   kind = 28
	kParameter    kind = 29
	kRecordProc   kind = 30
	kContinuation kind = 31
	kindCount          = 32
)

// isValue tells the kinds whose entries are Scheme values, which a slot
// may refer to, from the parts of other entries (code, global cells,
// promise states).
var isValue = func() (v [kindCount]bool) {
	for k := kList; k < kindCount; k++ {
		v[k] = true
	}
	v[kPromiseState], v[kCode], v[kCodeRef], v[kBoot], v[kGlobal] = false, false, false, false, false
	return v
}()

// EncodeOptions are the network layer's hooks into encoding. The zero
// value encodes everything in full and refuses ports other than the
// console's.
type EncodeOptions struct {
	// PeerHasCode reports whether the receiver already holds the code
	// object with this hash: such code is written by hash alone (and so
	// are neither its constants nor the globals it uses).
	PeerHasCode func(hash [32]byte) bool
	// CodeWritten is called for each code object written in full, so
	// that a connection can remember that its peer now has it.
	CodeWritten func(c *eval.Code)
	// Proxy turns an object that cannot travel (a port, a Go handle) into
	// a description from which the receiver's DecodeOptions.MakeProxy
	// makes a stand-in; ok false refuses, and encoding then fails unless
	// the object is a console port.
	Proxy func(v rt.Value) (desc []byte, ok bool)
}

// Encode writes v as a message (see FORMAT.md). An object that cannot
// travel makes it fail with an error object naming it.
func (c *Context) Encode(v rt.Value, opts *EncodeOptions) (data []byte, err error) {
	e := &encoder{ctx: c, wire: c.in.Wire(), ids: make(map[any]int32)}
	if opts != nil {
		e.opts = *opts
	}
	defer func() {
		// A broken invariant (or a Go value of a type that cannot be a map
		// key) must fail this call, not the node.
		if r := recover(); r != nil {
			data, err = nil, rt.NewError(fmt.Sprintf("serialize: internal error: %v", r), v)
		}
	}()
	c.op++
	c.loadSystem()
	if err := e.discover(v); err != nil {
		return nil, err
	}
	return e.emit(v), nil
}

// encoder holds the state of one Encode: the heap objects found from the
// root, as nodes in the order found (which is their order in the table),
// and the output.
type encoder struct {
	ctx     *Context
	wire    eval.Wire
	opts    EncodeOptions
	nodes   []node
	pairs   pairTable           // every pair found, kept apart: most objects are pairs
	ids     map[any]int32       // any other object -> node
	hash    map[[32]byte]int32  // code hash -> node
	work    []int32             // nodes whose parts are still to be looked at
	bulk    int                 // bytes of strings and bytevectors, at most
	symbols map[*rt.Symbol]bool // interned or not, as found
	w       writer
}

// node is a heap object that gets an entry of the object table (its
// number is the entry's). A pair gets one when something other than a
// pair's cdr refers to it, or more than one thing does; any other pair is
// written inside the list entry of the pair whose cdr it is.
type node struct {
	obj  any
	kind kind
	aux  any // per kind: see classify
}

// globalAux is what a global cell's node writes.
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

// immediate reports whether v is written in place rather than as an entry
// of the table: the values without identity that CBOR has an item for.
func (e *encoder) immediate(v rt.Value) bool {
	switch x := v.(type) {
	case rt.Fixnum, rt.Flonum, rt.Boolean, *rt.Bignum, *rt.Ratnum:
		return true
	case *rt.Symbol:
		return e.interned(x)
	}
	return v == rt.Null || v == rt.Unspecified
}

// interned reports whether s is an interned symbol, remembering the answer
// for the rest of the message (the symbol table takes a lock).
func (e *encoder) interned(s *rt.Symbol) bool {
	in, ok := e.symbols[s]
	if !ok {
		if e.symbols == nil {
			e.symbols = make(map[*rt.Symbol]bool)
		}
		in = rt.Intern(s.Name) == s
		e.symbols[s] = in
	}
	return in
}

// discover walks everything reachable from root, once each, with an
// explicit worklist: a million-element list or a deep continuation takes
// no Go stack.
func (e *encoder) discover(root rt.Value) error {
	if err := e.add(root); err != nil {
		return err
	}
	for len(e.work) > 0 {
		i := e.work[len(e.work)-1]
		e.work = e.work[:len(e.work)-1]
		if err := e.expand(i); err != nil {
			return err
		}
	}
	return nil
}

// add records a reference to v, making its node the first time.
func (e *encoder) add(v rt.Value) error {
	if p, ok := v.(*rt.Pair); ok {
		e.addPair(p, false)
		return nil
	}
	if e.immediate(v) {
		return nil
	}
	if _, ok := e.ids[v]; ok {
		return nil
	}
	k, aux, err := e.classify(v)
	if err != nil {
		return err
	}
	code, isCode := v.(*eval.Code)
	isCode = isCode && code.Hash != ([32]byte{})
	if isCode {
		// One entry per code hash, however many copies of the code exist.
		if j, ok := e.hash[code.Hash]; ok {
			e.ids[v] = j
			return nil
		}
	}
	i := e.newNode(v, k, aux)
	e.ids[v] = i
	if isCode {
		if e.hash == nil {
			e.hash = make(map[[32]byte]int32)
		}
		e.hash[code.Hash] = i
	}
	return nil
}

// addPair records a reference to pair p, which comes from a cdr when
// viaCdr, and returns its node, or -1 if it has none (yet).
func (e *encoder) addPair(p *rt.Pair, viaCdr bool) int32 {
	s := e.pairs.find(p)
	if s == nil {
		if viaCdr {
			e.pairs.add(p, -1)
			return -1
		}
		i := e.newNode(p, kList, nil)
		e.pairs.add(p, i)
		return i
	}
	if s.node < 0 {
		// Found again: it must have an entry of its own. Its parts are
		// known already (it was met as a cdr).
		s.node = int32(len(e.nodes))
		e.nodes = append(e.nodes, node{obj: p, kind: kList})
	}
	return s.node
}

func (e *encoder) newNode(v any, k kind, aux any) int32 {
	i := int32(len(e.nodes))
	e.nodes = append(e.nodes, node{obj: v, kind: k, aux: aux})
	e.work = append(e.work, i)
	return i
}

// classify says how a new object v is written.
func (e *encoder) classify(v rt.Value) (kind, any, error) {
	c := e.ctx
	switch x := v.(type) {
	case *rt.Vector:
		return kVector, nil, nil
	case *rt.String:
		e.bulk += len(x.R) // as ASCII: more grows the buffer
		return kString, nil, nil
	case *rt.Bytevector:
		e.bulk += len(x.B)
		return kBytevector, nil, nil
	case rt.Char:
		return kChar, nil, nil
	case *rt.Symbol:
		if name, ok := c.sysName[v]; ok {
			return kSystem, name, nil // a unique symbol of the machine's (%recv-timeout)
		}
		return kSymbol, nil, nil
	case rt.Compnum:
		return kComplex, nil, nil
	case *rt.Box:
		return kBox, nil, nil
	case *rt.MultipleValues:
		return kValues, nil, nil
	case *rt.Record:
		return kRecord, nil, nil
	case *rt.Promise:
		return kPromise, nil, nil
	case *rt.PromiseState:
		return kPromiseState, nil, nil
	case *rt.ErrorObject:
		return kError, nil, nil
	case *rt.Tag:
		if x.Node == "" {
			c.tags.put(idKey{c.self, x.ID}, x) // so that it comes back as itself
		}
		return kTag, nil, nil
	case *rt.Pid:
		if x.Node == "" {
			c.pids.put(idKey{c.self, x.ID}, x)
		}
		return kPid, nil, nil
	case *eval.Code:
		if _, ok := eval.BootArgs(x); ok {
			return kBoot, nil, nil
		}
		c.addCode(x) // what goes out may come back by hash
		if e.opts.PeerHasCode != nil && x.Hash != ([32]byte{}) && e.opts.PeerHasCode(x.Hash) {
			return kCodeRef, nil, nil
		}
		return kCode, nil, nil
	case *eval.Global:
		return kGlobal, e.globalAux(x), nil
	case *eval.Continuation:
		return kContinuation, e.contAux(x), nil
	case *eval.Environment:
		if name, ok := e.wire.EnvironmentName(x); ok {
			return kEnvironment, name, nil
		}
		return 0, nil, rt.NewError("serialize: cannot serialize an environment made by (environment ...)", v)
	}
	if v == rt.EOF {
		return kEOF, nil, nil
	}
	if v == rt.Default {
		return kDefault, nil, nil
	}
	// The system library's values travel by name, and so keep their
	// identity: (eq? car (deserialize (serialize car))).
	if name, ok := c.sysName[v]; ok {
		// With a node, even the console ports become proxies of the node
		// they belong to.
		if _, isPort := v.(*rt.Port); isPort && e.opts.Proxy != nil {
			if desc, ok := e.opts.Proxy(v); ok {
				return kProxy, desc, nil
			}
		}
		return kSystem, name, nil
	}
	switch x := v.(type) {
	case *rt.Primitive:
		return kSystem, rt.Intern(x.Name), nil
	case *eval.Closure:
		return kClosure, nil, nil
	case *eval.CaseLambda:
		return kCaseLambda, nil, nil
	case *eval.Parameter:
		return kParameter, nil, nil
	case *rt.RecordType:
		return kRecordType, nil, nil
	}
	if name, ok := eval.ControlPrimitiveName(v); ok {
		return kSystem, rt.Intern(name), nil
	}
	if _, ok := eval.RecordProcParts(v); ok {
		return kRecordProc, nil, nil
	}
	if file, env, ok := e.wire.SourceName(v); ok {
		return kSource, [2]string{file, env}, nil
	}
	// What is left cannot travel: a port, or an object of Go.
	if e.opts.Proxy != nil {
		if desc, ok := e.opts.Proxy(v); ok {
			return kProxy, desc, nil
		}
	}
	return 0, nil, rt.NewError("serialize: cannot serialize", v)
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

// expand adds the parts of node i.
func (e *encoder) expand(i int32) error {
	// Copied out: adding parts may move e.nodes.
	k, aux := e.nodes[i].kind, e.nodes[i].aux
	switch x := e.nodes[i].obj.(type) {
	case *rt.Pair:
		// Follow the cdrs here, so that a long list does not go through
		// the worklist one pair at a time.
		for {
			if err := e.add(x.Car); err != nil {
				return err
			}
			next, ok := x.Cdr.(*rt.Pair)
			if !ok {
				return e.add(x.Cdr)
			}
			if s := e.pairs.find(next); s != nil {
				e.addPair(next, true) // met before: shared or a cycle
				return nil
			}
			e.pairs.add(next, -1)
			x = next
		}
	case *rt.Vector:
		return e.addAll(x.Items)
	case *rt.Box:
		return e.add(x.V)
	case *rt.MultipleValues:
		return e.addAll(x.Vals)
	case *rt.Record:
		if err := e.add(x.Type); err != nil {
			return err
		}
		return e.addAll(x.Fields)
	case *rt.Promise:
		return e.add(x.State)
	case *rt.PromiseState:
		return e.add(x.Value)
	case *rt.ErrorObject:
		return e.addAll(x.Irritants)
	case *eval.Code:
		if k != kCode {
			return nil
		}
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
	case *eval.Global:
		if aux.(*globalAux).ship {
			return e.add(x.Value)
		}
	case *eval.Closure:
		if k != kClosure {
			return nil
		}
		if err := e.add(x.Code); err != nil {
			return err
		}
		return e.addAll(x.Free)
	case *eval.CaseLambda:
		if k != kCaseLambda {
			return nil
		}
		for _, cl := range x.Clauses {
			if err := e.add(cl); err != nil {
				return err
			}
		}
	case *eval.Parameter:
		if k != kParameter {
			return nil
		}
		if err := e.add(x.Value); err != nil {
			return err
		}
		if x.Converter != nil {
			return e.add(x.Converter)
		}
	case *eval.Continuation:
		a := aux.(*contAux)
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
	default:
		if k == kRecordProc {
			p, _ := eval.RecordProcParts(x)
			return e.add(p.Type)
		}
	}
	return nil
}

func (e *encoder) addAll(vs []rt.Value) error {
	for _, v := range vs {
		if err := e.add(v); err != nil {
			return err
		}
	}
	return nil
}

// emit writes the message: the header, the table, the root.
func (e *encoder) emit(root rt.Value) []byte {
	e.w.b = make([]byte, 0, 64+16*len(e.nodes)+4*e.pairs.n+e.bulk)
	e.w.array(3)
	e.w.uint(Version)
	e.w.array(len(e.nodes))
	for i := range e.nodes {
		e.entry(&e.nodes[i])
	}
	e.slot(root)
	return e.w.b
}

// slot writes a value where the format expects one: in place when it is
// immediate, else as a reference to its entry.
func (e *encoder) slot(v rt.Value) {
	w := &e.w
	switch x := v.(type) {
	case rt.Fixnum:
		w.int(int64(x))
		return
	case rt.Flonum:
		w.float(float64(x))
		return
	case rt.Boolean:
		w.bool(bool(x))
		return
	case *rt.Pair:
		w.ref(e.pairs.find(x).node)
		return
	case *rt.Bignum:
		e.bigInt(&x.I)
		return
	case *rt.Ratnum:
		w.head(majorTag, tagRational)
		w.array(2)
		e.bigInt(x.R.Num())
		e.bigInt(x.R.Denom())
		return
	case *rt.Symbol:
		if e.interned(x) {
			w.text(x.Name)
			return
		}
	}
	switch v {
	case rt.Null:
		w.null()
	case rt.Unspecified:
		w.simple(simpleUndefined)
	default:
		w.ref(e.ids[v])
	}
}

// bigInt writes an integer: plain when it fits in 64 bits, else as a
// bignum (RFC 8949 §3.4.3).
func (e *encoder) bigInt(i *big.Int) {
	if i.IsInt64() {
		e.w.int(i.Int64())
		return
	}
	if i.Sign() >= 0 {
		e.w.head(majorTag, tagPosBignum)
		e.w.bytes(i.Bytes())
		return
	}
	m := new(big.Int).Neg(i)
	m.Sub(m, big.NewInt(1))
	e.w.head(majorTag, tagNegBignum)
	e.w.bytes(m.Bytes())
}

func (e *encoder) slots(vs []rt.Value) {
	for _, v := range vs {
		e.slot(v)
	}
}

// refTo writes a reference to the entry of obj, which is not a value (a
// code object or a global cell).
func (e *encoder) refTo(obj any) {
	e.w.ref(e.ids[obj])
}

// entry writes the table entry of node n.
func (e *encoder) entry(n *node) {
	w := &e.w
	switch n.kind {
	case kList:
		// The run of pairs that have no entry of their own.
		count := 1
		p := n.obj.(*rt.Pair)
		for {
			q, ok := p.Cdr.(*rt.Pair)
			if !ok || e.pairs.find(q).node >= 0 {
				break
			}
			count++
			p = q
		}
		w.array(count + 2)
		w.uint(uint64(kList))
		p = n.obj.(*rt.Pair)
		for {
			e.slot(p.Car)
			q, ok := p.Cdr.(*rt.Pair)
			if !ok {
				e.slot(p.Cdr)
				return
			}
			if j := e.pairs.find(q).node; j >= 0 {
				w.ref(j)
				return
			}
			p = q
		}
	case kVector:
		x := n.obj.(*rt.Vector)
		w.array(1 + len(x.Items))
		w.uint(uint64(kVector))
		e.slots(x.Items)
	case kString:
		w.array(2)
		w.uint(uint64(kString))
		w.runes(n.obj.(*rt.String).R)
	case kBytevector:
		w.array(2)
		w.uint(uint64(kBytevector))
		w.bytes(n.obj.(*rt.Bytevector).B)
	case kChar:
		w.array(2)
		w.uint(uint64(kChar))
		w.uint(uint64(n.obj.(rt.Char)))
	case kSymbol:
		w.array(2)
		w.uint(uint64(kSymbol))
		w.text(n.obj.(*rt.Symbol).Name)
	case kComplex:
		z := complex128(n.obj.(rt.Compnum))
		w.array(3)
		w.uint(uint64(kComplex))
		w.float(real(z))
		w.float(imag(z))
	case kEOF, kDefault:
		w.array(1)
		w.uint(uint64(n.kind))
	case kBox:
		w.array(2)
		w.uint(uint64(kBox))
		e.slot(n.obj.(*rt.Box).V)
	case kValues:
		x := n.obj.(*rt.MultipleValues)
		w.array(1 + len(x.Vals))
		w.uint(uint64(kValues))
		e.slots(x.Vals)
	case kRecordType:
		x := n.obj.(*rt.RecordType)
		w.array(3 + len(x.Fields))
		w.uint(uint64(kRecordType))
		w.text(x.Name)
		w.text(x.UID)
		for _, f := range x.Fields {
			w.text(f.Name)
		}
	case kRecord:
		x := n.obj.(*rt.Record)
		w.array(2 + len(x.Fields))
		w.uint(uint64(kRecord))
		e.slot(x.Type)
		e.slots(x.Fields)
	case kPromise:
		w.array(2)
		w.uint(uint64(kPromise))
		e.refTo(n.obj.(*rt.Promise).State)
	case kPromiseState:
		x := n.obj.(*rt.PromiseState)
		w.array(3)
		w.uint(uint64(kPromiseState))
		w.bool(x.Done)
		e.slot(x.Value)
	case kError:
		x := n.obj.(*rt.ErrorObject)
		w.array(7 + len(x.Irritants))
		w.uint(uint64(kError))
		w.text(x.Message)
		w.uint(uint64(x.Kind))
		w.text(x.Hint)
		w.text(x.Pos.File)
		w.int(int64(x.Pos.Line))
		w.int(int64(x.Pos.Col))
		e.slots(x.Irritants)
	case kTag, kPid:
		var node string
		var id uint64
		if t, ok := n.obj.(*rt.Tag); ok {
			node, id = t.Node, t.ID
		} else {
			p := n.obj.(*rt.Pid)
			node, id = p.Node, p.ID
		}
		if node == "" {
			node = e.ctx.self
		}
		w.array(3)
		w.uint(uint64(n.kind))
		w.text(node)
		w.uint(id)
	case kSystem:
		w.array(2)
		w.uint(uint64(kSystem))
		w.text(n.aux.(*rt.Symbol).Name)
	case kProxy:
		w.array(2)
		w.uint(uint64(kProxy))
		w.bytes(n.aux.([]byte))
	case kEnvironment:
		w.array(2)
		w.uint(uint64(kEnvironment))
		w.text(n.aux.(string))
	case kSource:
		a := n.aux.([2]string)
		w.array(3)
		w.uint(uint64(kSource))
		w.text(a[0])
		w.text(a[1])
	case kCode:
		e.code(n.obj.(*eval.Code))
	case kCodeRef:
		w.array(2)
		w.uint(uint64(kCodeRef))
		h := n.obj.(*eval.Code).Hash
		w.bytes(h[:])
	case kBoot:
		args, _ := eval.BootArgs(n.obj.(*eval.Code))
		w.array(2)
		w.uint(uint64(kBoot))
		w.uint(uint64(args))
	case kGlobal:
		a := n.aux.(*globalAux)
		if a.ship {
			w.array(5)
		} else {
			w.array(4)
		}
		w.uint(uint64(kGlobal))
		w.text(a.name.Env)
		w.text(a.name.Name.Name)
		w.bool(a.name.Sealed)
		if a.ship {
			e.slot(n.obj.(*eval.Global).Value)
		}
	case kClosure:
		x := n.obj.(*eval.Closure)
		w.array(2 + len(x.Free))
		w.uint(uint64(kClosure))
		e.refTo(x.Code)
		e.slots(x.Free)
	case kCaseLambda:
		x := n.obj.(*eval.CaseLambda)
		w.array(2 + len(x.Clauses))
		w.uint(uint64(kCaseLambda))
		w.text(x.Name)
		for _, cl := range x.Clauses {
			e.slot(cl)
		}
	case kParameter:
		x := n.obj.(*eval.Parameter)
		w.array(3)
		w.uint(uint64(kParameter))
		e.slot(x.Value)
		if x.Converter == nil {
			w.bool(false)
		} else {
			e.slot(x.Converter)
		}
	case kRecordProc:
		p, _ := eval.RecordProcParts(n.obj)
		w.array(5 + len(p.Slots))
		w.uint(uint64(kRecordProc))
		w.uint(uint64(p.Kind))
		e.slot(p.Type)
		w.text(p.Name)
		w.uint(uint64(p.Field))
		for _, s := range p.Slots {
			w.uint(uint64(s))
		}
	case kContinuation:
		a := n.aux.(*contAux)
		w.array(7)
		w.uint(uint64(kContinuation))
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
}

// code writes a code object in full.
func (e *encoder) code(c *eval.Code) {
	w := &e.w
	w.array(13)
	w.uint(uint64(kCode))
	w.bytes(c.Hash[:])
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
	w.array(3 * len(c.Instrs))
	for _, in := range c.Instrs {
		w.uint(uint64(in.Op))
		w.int(int64(in.A))
		w.int(int64(in.B))
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
