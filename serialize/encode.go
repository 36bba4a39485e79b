package serialize

import (
	"fmt"
	"math/big"
	"slices"
	"sync"

	"termite/eval"
	rt "termite/runtime"
)

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
// travel makes it fail with an error object naming it, and so does a
// message that a decoder with DefaultLimits would refuse as too big: the
// sender learns it at once, not the receiver later.
func (c *Context) Encode(v rt.Value, opts *EncodeOptions) (data []byte, err error) {
	return c.AppendEncode(nil, v, opts)
}

// AppendEncode is Encode writing the message after dst: it returns dst
// extended by the message, or dst and an error. A caller that sends the
// message with something in front (a frame head) writes that first, and
// the message is written in place, not copied behind it afterwards.
func (c *Context) AppendEncode(dst []byte, v rt.Value, opts *EncodeOptions) (data []byte, err error) {
	e := encoders.Get().(*encoder)
	// Discovery writes the runs of lists (see listParts) where the last
	// encoding of this encoder did.
	*e = encoder{ctx: c, wire: c.in.Wire(), ids: make(map[any]int32), w: writer{b: e.runs[:0]}}
	if opts != nil {
		e.opts = *opts
	}
	defer func() {
		// A broken invariant (or a Go value of a type that cannot be a map
		// key) must fail this call, not the node.
		if r := recover(); r != nil {
			data, err = dst, rt.NewError(fmt.Sprintf("serialize: internal error: %v", r), v)
		}
		runs := e.runs
		*e = encoder{}
		if cap(runs) <= 2*maxRunBytes { // the last item written may have grown it past
			e.runs = runs
		}
		encoders.Put(e)
	}()
	c.op++
	c.loadSystem()
	if err := e.discover(v); err != nil {
		return dst, err
	}
	lim := DefaultLimits
	if n := len(e.entries); n > lim.MaxObjects {
		return dst, rt.NewError(fmt.Sprintf("serialize: %d objects is over the limit of %d that deserialize accepts", n, lim.MaxObjects))
	}
	if e.bulk > lim.MaxBytes {
		return dst, tooBig(e.bulk)
	}
	data = e.emit(dst, v)
	if n := len(data) - len(dst); n > lim.MaxBytes {
		return dst, tooBig(n)
	}
	return data, nil
}

// tooBig is the error of a message of n bytes or more, over
// DefaultLimits.MaxBytes.
func tooBig(n int) *rt.ErrorObject {
	return rt.NewError(fmt.Sprintf("serialize: a message of %d bytes or more is over the limit of %d MiB that deserialize accepts",
		n, DefaultLimits.MaxBytes>>20))
}

// encoders recycles encoders: the functions of the kind table take one,
// which is therefore on the heap, and a small message would pay more for
// its allocation than for its encoding.
var encoders = sync.Pool{New: func() any { return new(encoder) }}

// maxRunBytes bounds what discovery writes of runs (see listParts), and
// so the buffer it writes them in, which an idle encoder keeps: enough
// for lists of thousands of small elements.
const maxRunBytes = 64 << 10

// encoder holds the state of one Encode: the heap objects found from the
// root, as entries of the table, and the output. While it discovers them,
// it writes the runs of lists: w is then what becomes runs.
type encoder struct {
	ctx       *Context
	wire      eval.Wire
	opts      EncodeOptions
	entries   []entry
	pairs     pairMarks           // every pair found, kept apart: most objects are pairs
	ids       map[any]int32       // any other object -> entry
	hash      map[[32]byte]int32  // code hash -> entry
	work      []int32             // entries whose parts are still to be looked at
	bulk      int                 // bytes of strings and bytevectors, at most
	runs      []byte              // each run's items, as listParts wrote them
	unwritten int                 // pairs of the runs it did not write
	symbols   map[*rt.Symbol]bool // interned or not, as found
	split     bool                // a pair inside a run was found again, and so ends that run
	w         writer
}

// entry is a heap object that gets an entry of the object table, in the
// order found. A pair gets one when something other than a pair's cdr
// refers to it, or more than one thing does; any other pair is written
// inside the list entry of the pair whose cdr it is.
type entry struct {
	obj  any
	aux  any // per kind: see classify
	kind kind
	// For a list, its run as discovery found it: how many pairs, and
	// where listParts wrote their items in runs.
	run, at, end int32
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

// add records a reference to v, making its entry the first time.
func (e *encoder) add(v rt.Value) error {
	if p, ok := v.(*rt.Pair); ok {
		e.addPair(p)
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
	var hash [32]byte
	if code, ok := v.(*eval.Code); ok {
		hash = code.Hash()
	}
	isCode := hash != [32]byte{}
	if isCode {
		// One entry per code hash, however many copies of the code exist.
		if j, ok := e.hash[hash]; ok {
			e.ids[v] = j
			return nil
		}
	}
	i := e.newEntry(v, k, aux)
	e.ids[v] = i
	if isCode {
		if e.hash == nil {
			e.hash = make(map[[32]byte]int32)
		}
		e.hash[hash] = i
	}
	return nil
}

// addPair records a reference to pair p from anywhere but the cdr of the
// pair before it in a run (see listParts).
func (e *encoder) addPair(p *rt.Pair) {
	if !e.pairs.meet(p) {
		e.pairs.setEntry(p, e.newEntry(p, kList, nil))
		return
	}
	if e.pairs.entry(p) < 0 {
		// Found again: it must have an entry of its own. Its parts are
		// known already (it was met as a cdr).
		e.pairs.setEntry(p, int32(len(e.entries)))
		e.entries = append(e.entries, entry{obj: p, kind: kList})
		e.split = true
	}
}

func (e *encoder) newEntry(v any, k kind, aux any) int32 {
	i := int32(len(e.entries))
	e.entries = append(e.entries, entry{obj: v, kind: k, aux: aux})
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
		e.bulk += x.Len() // as ASCII: more grows the buffer
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
	case *rt.Node:
		return kNode, nil, nil
	case *rt.HashTable:
		var flat []rt.Value // key, value, key, value...
		x.Each(func(k, v rt.Value) { flat = append(flat, k, v) })
		return kHashTable, flat, nil
	case *eval.Code:
		if _, ok := eval.BootArgs(x); ok {
			return kBoot, nil, nil
		}
		c.addCode(x) // what goes out may come back by hash
		if h := x.Hash(); e.opts.PeerHasCode != nil && h != ([32]byte{}) && e.opts.PeerHasCode(h) {
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

// expand adds the parts of entry i.
func (e *encoder) expand(i int32) error {
	// Copied out: adding parts may move e.entries.
	n := e.entries[i]
	if parts := kinds[n.kind].parts; parts != nil {
		return parts(e, n)
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

// emit writes the message after dst: the header, the table, the root.
func (e *encoder) emit(dst []byte, root rt.Value) []byte {
	e.runs = e.w.b
	e.w.b = slices.Grow(dst, 64+16*len(e.entries)+len(e.runs)+4*e.unwritten+e.bulk)
	e.w.array(3)
	e.w.uint(Version)
	e.w.array(len(e.entries))
	for i := range e.entries {
		n := &e.entries[i]
		kinds[n.kind].write(e, n)
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
		w.int(x.Int())
		return
	case rt.Flonum:
		w.float(float64(x))
		return
	case rt.Boolean:
		w.bool(bool(x))
		return
	case *rt.Pair:
		w.ref(e.pairs.entry(x))
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
