package serialize

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"sync"
	"unicode/utf8"

	"github.com/fxamacker/cbor/v2"

	"termite/eval"
	rt "termite/runtime"
)

// Limits bound what decoding a message may cost, whoever sent it. Zero
// fields take the value of DefaultLimits. Decoding allocates at most a
// small multiple of MaxBytes (about 40 bytes per byte of message, for a
// message made of nothing but one-byte list elements).
type Limits struct {
	MaxBytes       int // length of the message
	MaxDepth       int // nesting of CBOR arrays and tags; the format needs 8
	MaxArrayLen    int // elements of one CBOR array (a list entry, a vector...)
	MaxObjects     int // entries of the object table
	MaxFrameSlots  int // stack slots of one frame (Code.MaxStack)
	MaxBignumBytes int // bytes of one bignum, numerator or denominator
}

// DefaultLimits are the limits of a decode that sets none: enough for a
// list of a few million elements or a continuation a million frames deep.
var DefaultLimits = Limits{
	MaxBytes:       64 << 20,
	MaxDepth:       16,
	MaxArrayLen:    1 << 24,
	MaxObjects:     1 << 24,
	MaxFrameSlots:  1 << 20,
	MaxBignumBytes: 1 << 16,
}

// DecodeOptions are the network layer's hooks into decoding.
type DecodeOptions struct {
	Limits Limits
	// ResolveCode returns the code object of a hash that a message refers
	// to without carrying it (see EncodeOptions.PeerHasCode), when this
	// interpreter does not know it already; nil if it cannot.
	ResolveCode func(hash [32]byte) *eval.Code
	// MakeProxy makes the local stand-in of an object that the sender's
	// EncodeOptions.Proxy described. Without it, a proxy is an error.
	MakeProxy func(desc []byte) (rt.Value, error)
}

// Decode reads a message that Encode wrote, in this interpreter or
// another. Any fault of the data (malformed, over a limit, not a message
// Encode could have written, code the machine could not run safely) is an
// error object that says what is wrong; it never panics. Decoding has no
// effect on the interpreter unless it succeeds; then the globals that the
// message carries values for and that are unbound here are defined.
func (c *Context) Decode(data []byte, opts *DecodeOptions) (v rt.Value, err error) {
	d := &decoder{ctx: c, wire: c.in.Wire(), r: reader{b: data}, syms: make(map[string]*rt.Symbol)}
	if opts != nil {
		d.opts = *opts
	}
	d.lim = d.opts.Limits.withDefaults()
	defer func() {
		// Every input is checked before it is used: a panic here is a bug
		// (of this package, of fxamacker/cbor or of a hook), and still
		// must not take the node down.
		if r := recover(); r != nil {
			v, err = nil, decodeError("internal error: %v", r)
		}
	}()
	if len(data) == 0 {
		return nil, decodeError("empty message")
	}
	if len(data) > d.lim.MaxBytes {
		return nil, decodeError("message of %d bytes is over the limit of %d", len(data), d.lim.MaxBytes)
	}
	if err := d.lim.decMode().Wellformed(data); err != nil {
		return nil, decodeError("malformed data: %v", err)
	}
	c.op++
	c.loadSystem()
	v, err = d.decode()
	if err != nil {
		return nil, decodeError("%v", err)
	}
	return v, nil
}

func decodeError(format string, args ...interface{}) *rt.ErrorObject {
	return rt.NewError("deserialize: " + fmt.Sprintf(format, args...))
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxBytes, DefaultLimits.MaxBytes)
	def(&l.MaxDepth, DefaultLimits.MaxDepth)
	def(&l.MaxArrayLen, DefaultLimits.MaxArrayLen)
	def(&l.MaxObjects, DefaultLimits.MaxObjects)
	def(&l.MaxFrameSlots, DefaultLimits.MaxFrameSlots)
	def(&l.MaxBignumBytes, DefaultLimits.MaxBignumBytes)
	return l
}

// decModes caches the fxamacker decoding modes, one per set of limits.
var decModes sync.Map // Limits -> cbor.DecMode

// decMode returns the fxamacker mode that checks a message against l:
// well-formed CBOR, no indefinite lengths (the format never uses them),
// nesting and array lengths within bounds.
func (l Limits) decMode() cbor.DecMode {
	if dm, ok := decModes.Load(l); ok {
		return dm.(cbor.DecMode)
	}
	clamp := func(v, lo, hi int) int { return max(lo, min(v, hi)) }
	dm, err := cbor.DecOptions{
		MaxNestedLevels:  clamp(l.MaxDepth, 4, 65535),
		MaxArrayElements: clamp(l.MaxArrayLen, 16, math.MaxInt32),
		MaxMapPairs:      16, // the format has no maps
		IndefLength:      cbor.IndefLengthForbidden,
	}.DecMode()
	if err != nil {
		panic(err) // the options are clamped into their documented ranges
	}
	decModes.Store(l, dm)
	return dm
}

// decoder holds the state of one Decode. It reads the object table twice:
// the first pass makes an object (or an empty shell) for every entry, so
// that the second can fill the shells with references to any entry,
// before or after, which is how cycles come back.
type decoder struct {
	ctx  *Context
	wire eval.Wire
	opts DecodeOptions
	lim  Limits
	r    reader

	objs    []any  // per entry: its object, or the shell being filled
	kinds   []kind // per entry
	offs    []int  // per entry: where its fields start
	nfields []int  // per entry

	syms    map[string]*rt.Symbol
	scanned bool // the record types of the interpreter were looked for

	codes    []int // entries of kind kCode
	fresh    map[*eval.Code]*freshCode
	closures []*eval.Closure
	conts    []*contEntry
	pairs    []rt.Pair // pairs not handed out yet, allocated in blocks
}

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

func (d *decoder) decode() (rt.Value, error) {
	r := &d.r
	if n, err := r.array("message"); err != nil || n != 3 {
		return nil, fmt.Errorf("not a message: expected an array of 3")
	}
	version, err := r.uint("version")
	if err != nil {
		return nil, err
	}
	if version != Version {
		return nil, fmt.Errorf("format version %d; this termite reads version %d", version, Version)
	}
	count, err := r.array("object table")
	if err != nil {
		return nil, err
	}
	if count > d.lim.MaxObjects {
		return nil, fmt.Errorf("%d objects is over the limit of %d", count, d.lim.MaxObjects)
	}
	d.objs = make([]any, count)
	d.kinds = make([]kind, count)
	d.offs = make([]int, count)
	d.nfields = make([]int, count)
	for i := 0; i < count; i++ {
		if err := d.first(i); err != nil {
			return nil, fmt.Errorf("entry %d: %v", i, err)
		}
	}
	rootAt := r.off
	for i := 0; i < count; i++ {
		if err := d.middle(i); err != nil {
			return nil, fmt.Errorf("entry %d: %v", i, err)
		}
	}
	for i := 0; i < count; i++ {
		r.off = d.offs[i]
		if err := d.fill(i); err != nil {
			return nil, fmt.Errorf("entry %d: %v", i, err)
		}
	}
	r.off = rootAt
	root, err := d.value()
	if err != nil {
		return nil, fmt.Errorf("root: %v", err)
	}
	if r.off != len(r.b) {
		return nil, fmt.Errorf("extra data after the message")
	}
	if err := d.finish(); err != nil {
		return nil, err
	}
	return root, nil
}

// first reads the head of entry i and makes its object: in full when it
// refers to no other entry, else as a shell that fill completes.
func (d *decoder) first(i int) error {
	r := &d.r
	n, err := r.array("table entry")
	if err != nil {
		return err
	}
	if n < 1 {
		return fmt.Errorf("empty entry")
	}
	k, err := r.small("kind", kindCount-1)
	if err != nil {
		return err
	}
	if k == 0 {
		return fmt.Errorf("bad kind 0")
	}
	d.kinds[i], d.offs[i], d.nfields[i] = kind(k), r.off, n-1
	nf := n - 1
	fields := func(want int) error {
		if nf != want {
			return fmt.Errorf("%d fields where kind %d has %d", nf, k, want)
		}
		return nil
	}
	atLeast := func(want int) error {
		if nf < want {
			return fmt.Errorf("%d fields where kind %d has at least %d", nf, k, want)
		}
		return nil
	}
	var obj any
	switch kind(k) {
	case kList:
		err = atLeast(2)
		obj = &rt.Pair{}
	case kVector:
		obj = &rt.Vector{}
	case kBox:
		err = fields(1)
		obj = &rt.Box{}
	case kValues:
		obj = &rt.MultipleValues{}
	case kRecord:
		err = atLeast(1)
		obj = &rt.Record{}
	case kPromise:
		err = fields(1)
		obj = &rt.Promise{}
	case kPromiseState:
		err = fields(2)
		obj = &rt.PromiseState{}
	case kError:
		err = atLeast(6)
		obj = &rt.ErrorObject{}
	case kClosure:
		err = atLeast(1)
		obj = &eval.Closure{}
	case kCaseLambda:
		err = atLeast(1)
		obj = &eval.CaseLambda{}
	case kParameter:
		err = fields(2)
		obj = &eval.Parameter{}
	case kContinuation:
		err = fields(6)
		obj = new(eval.Continuation)
	case kCode:
		err = fields(12)
		d.codes = append(d.codes, i) // made once the global entries are known
	case kRecordProc:
		err = atLeast(4) // made once the record types are known
	default:
		// The rest refer to no other entry: made now.
		if obj, err = d.leaf(kind(k), nf); err != nil {
			return err
		}
		d.objs[i] = obj
		// The entry must have been read to its end, no further.
		end := r.off
		r.off = d.offs[i]
		if err := r.skip(uint64(nf)); err != nil {
			return err
		}
		if r.off != end {
			return fmt.Errorf("entry of kind %d has fields of the wrong kinds", k)
		}
		return nil
	}
	if err != nil {
		return err
	}
	d.objs[i] = obj
	return r.skip(uint64(nf))
}

// leafFields is the field count of the entries that refer to no other
// and have a fixed number of fields.
var leafFields = map[kind]int{kString: 1, kBytevector: 1, kChar: 1, kSymbol: 1, kComplex: 2, kEOF: 0,
	kDefault: 0, kTag: 2, kPid: 2, kSystem: 1, kProxy: 1, kEnvironment: 1, kSource: 2,
	kCodeRef: 1, kBoot: 1}

// leaf reads the fields of an entry that refers to no other.
func (d *decoder) leaf(k kind, nf int) (any, error) {
	r := &d.r
	if w, ok := leafFields[k]; ok && nf != w {
		return nil, fmt.Errorf("%d fields where kind %d has %d", nf, k, w)
	}
	switch k {
	case kString:
		b, err := r.raw(majorText, "string")
		if err != nil {
			return nil, err
		}
		return &rt.String{R: decodeRunes(b)}, nil
	case kBytevector:
		b, err := r.raw(majorBytes, "bytevector")
		if err != nil {
			return nil, err
		}
		return &rt.Bytevector{B: append([]byte(nil), b...)}, nil
	case kChar:
		c, err := r.small("character", utf8.MaxRune)
		if err != nil {
			return nil, err
		}
		if c >= 0xd800 && c <= 0xdfff {
			return nil, fmt.Errorf("character U+%04X is a surrogate", c)
		}
		return rt.Char(c), nil
	case kSymbol:
		name, err := r.text("symbol name")
		return &rt.Symbol{Name: name}, err
	case kComplex:
		re, err := r.float("real part")
		if err != nil {
			return nil, err
		}
		im, err := r.float("imaginary part")
		return rt.NormComplex(complex(re, im)), err
	case kEOF:
		return rt.EOF, nil
	case kDefault:
		return rt.Default, nil
	case kTag, kPid:
		node, err := r.text("node")
		if err != nil {
			return nil, err
		}
		id, err := r.uint("id")
		if err != nil {
			return nil, err
		}
		if k == kTag {
			return d.tag(node, id), nil
		}
		return d.pid(node, id), nil
	case kRecordType:
		return d.recordType(nf)
	case kSystem:
		name, err := r.text("name")
		if err != nil {
			return nil, err
		}
		sym := d.intern([]byte(name))
		if v, ok := d.ctx.sysValue[sym]; ok {
			return v, nil
		}
		if v, ok := d.wire.SystemValue(sym); ok {
			return v, nil
		}
		return nil, fmt.Errorf("%s is not defined here", name)
	case kProxy:
		desc, err := r.raw(majorBytes, "proxy description")
		if err != nil {
			return nil, err
		}
		if d.opts.MakeProxy == nil {
			return nil, fmt.Errorf("a proxy for an object of another node, and no node here to make it")
		}
		v, err := d.opts.MakeProxy(append([]byte(nil), desc...))
		if err == nil && v == nil {
			err = fmt.Errorf("no proxy made")
		}
		return v, err
	case kEnvironment:
		name, err := r.text("environment name")
		if err != nil {
			return nil, err
		}
		e, ok := d.wire.Environment(name)
		if !ok {
			return nil, fmt.Errorf("no environment %s here", name)
		}
		return e, nil
	case kSource:
		file, err := r.text("file name")
		if err != nil {
			return nil, err
		}
		env, err := r.text("environment name")
		if err != nil {
			return nil, err
		}
		return d.wire.Source(file, env)
	case kCodeRef:
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
	case kBoot:
		n, err := r.small("argument count", d.lim.MaxFrameSlots-1)
		if err != nil {
			return nil, err
		}
		return eval.BootCode(n), nil
	case kGlobal:
		if nf != 3 && nf != 4 {
			return nil, fmt.Errorf("%d fields where a global has 3 or 4", nf)
		}
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
			if err := r.skip(1); err != nil { // the value: read by fill
				return nil, err
			}
		}
		return &globalEntry{name: eval.GlobalName{Env: env, Name: sym, Sealed: sealed},
			placeholder: &eval.Global{Name: sym}}, nil
	}
	return nil, fmt.Errorf("bad kind %d", k)
}

// decodeRunes returns the code points of UTF-8 text b (U+FFFD for each
// bad byte). Text is mostly ASCII, which has a loop of its own.
func decodeRunes(b []byte) []rune {
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		runes := make([]rune, len(b))
		for i, c := range b {
			runes[i] = rune(c)
		}
		return runes
	}
	runes := make([]rune, 0, utf8.RuneCount(b))
	for len(b) > 0 {
		c, size := utf8.DecodeRune(b)
		runes = append(runes, c)
		b = b[size:]
	}
	return runes
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

// intern returns the interned symbol named name, remembering it for the
// rest of the message (a message often repeats a few symbols).
func (d *decoder) intern(name []byte) *rt.Symbol {
	if s, ok := d.syms[string(name)]; ok {
		return s
	}
	s := rt.Intern(string(name))
	d.syms[s.Name] = s
	return s
}

// tag returns the tag named node and id: the same one each time, and this
// interpreter's own when node is this interpreter.
func (d *decoder) tag(node string, id uint64) *rt.Tag {
	c := d.ctx
	key := idKey{node, id}
	if t := c.tags.get(key); t != nil {
		return t
	}
	t := &rt.Tag{ID: id, Node: node}
	if c.selves[node] {
		t.Node = "" // one of ours that nobody here holds any more
	}
	c.tags.put(key, t)
	return t
}

// pid is tag for pids. A pid of this interpreter that it no longer knows
// is a process that has ended: messages to it are dropped.
func (d *decoder) pid(node string, id uint64) *rt.Pid {
	c := d.ctx
	key := idKey{node, id}
	if p := c.pids.get(key); p != nil {
		return p
	}
	p := &rt.Pid{ID: id, Node: node}
	if c.selves[node] {
		p.Node = ""
	}
	c.pids.put(key, p)
	return p
}

// recordType reads a record type and returns the one of this interpreter
// with the same UID (the same definition), if any: records then keep
// their type across nodes.
func (d *decoder) recordType(nf int) (*rt.RecordType, error) {
	r := &d.r
	if nf < 2 {
		return nil, fmt.Errorf("record type with %d fields", nf)
	}
	name, err := r.text("record type name")
	if err != nil {
		return nil, err
	}
	uid, err := r.text("record type uid")
	if err != nil {
		return nil, err
	}
	fields := make([]*rt.Symbol, nf-2)
	for i := range fields {
		f, err := r.raw(majorText, "field name")
		if err != nil {
			return nil, err
		}
		fields[i] = d.intern(f)
	}
	c := d.ctx
	t := c.rtypes.get(uid)
	if t == nil && !d.scanned {
		d.scanned = true
		d.scanRecordTypes()
		t = c.rtypes.get(uid)
	}
	if t == nil {
		t = &rt.RecordType{Name: name, Fields: fields, UID: uid}
		c.rtypes.put(uid, t)
		return t, nil
	}
	same := t.Name == name && len(t.Fields) == len(fields)
	for i := 0; same && i < len(fields); i++ {
		same = t.Fields[i] == fields[i]
	}
	if !same {
		return nil, fmt.Errorf("record type %s is defined differently here", name)
	}
	return t, nil
}

// scanRecordTypes records the record types that the interpreter's globals
// hold, directly or through their procedures, by UID.
func (d *decoder) scanRecordTypes() {
	for g := range d.ctx.in.GlobalNames() {
		t, ok := g.Value.(*rt.RecordType)
		if !ok {
			p, isProc := eval.RecordProcParts(g.Value)
			t, ok = p.Type, isProc
		}
		if ok && d.ctx.rtypes.get(t.UID) == nil {
			d.ctx.rtypes.put(t.UID, t)
		}
	}
}

// middle makes the objects that needed others made first: record
// procedures (their type) and code objects (their globals say whether the
// code here with the same hash is the same code).
func (d *decoder) middle(i int) error {
	r := &d.r
	switch d.kinds[i] {
	case kRecordProc:
		r.off = d.offs[i]
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
	case kCode:
		r.off = d.offs[i]
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
			e, err := d.entry(kGlobal)
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
		c := &eval.Code{Hash: h}
		if d.fresh == nil {
			d.fresh = make(map[*eval.Code]*freshCode)
		}
		d.fresh[c] = &freshCode{hash: h, globals: globals}
		d.objs[i] = c
	}
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

func typeName(v any) string {
	return fmt.Sprintf("%T", v)
}

// entry reads a reference to an entry of kind k (or one of ks) and returns
// its object.
func (d *decoder) entry(k kind, ks ...kind) (any, error) {
	at := d.r.off
	tag, err := d.r.expect(majorTag, "reference")
	if err != nil {
		return nil, err
	}
	if tag != tagSharedRef {
		return nil, fmt.Errorf("expected a reference at byte %d", at)
	}
	i, err := d.r.small("reference", len(d.objs)-1)
	if err != nil {
		return nil, err
	}
	ok := d.kinds[i] == k
	for _, k2 := range ks {
		ok = ok || d.kinds[i] == k2
	}
	if !ok {
		return nil, fmt.Errorf("reference at byte %d to an entry of kind %d", at, d.kinds[i])
	}
	return d.objs[i], nil
}

// value reads a slot: an immediate value or a reference to a value.
func (d *decoder) value() (rt.Value, error) {
	r := &d.r
	at := r.off
	it, err := r.head()
	if err != nil {
		return nil, err
	}
	switch it.major {
	case majorUint:
		if it.arg <= math.MaxInt64 {
			return rt.MakeFixnum(int64(it.arg)), nil
		}
		return rt.NormBig(new(big.Int).SetUint64(it.arg)), nil
	case majorNeg:
		if it.arg <= math.MaxInt64 {
			return rt.MakeFixnum(-1 - int64(it.arg)), nil
		}
		b := new(big.Int).SetUint64(it.arg)
		return rt.NormBig(b.Neg(b.Add(b, big.NewInt(1)))), nil
	case majorText:
		if it.arg > uint64(len(r.b)-r.off) {
			return nil, errTruncated
		}
		name := r.b[r.off : r.off+int(it.arg)]
		r.off += int(it.arg)
		return d.intern(name), nil
	case majorTag:
		switch it.arg {
		case tagSharedRef:
			i, err := r.small("reference", len(d.objs)-1)
			if err != nil {
				return nil, err
			}
			if !isValue[d.kinds[i]] {
				return nil, fmt.Errorf("reference at byte %d to an entry of kind %d, which is not a value", at, d.kinds[i])
			}
			return d.objs[i], nil
		case tagPosBignum, tagNegBignum:
			r.off = at
			b, err := d.bigInt()
			if err != nil {
				return nil, err
			}
			return rt.NormBig(b), nil
		case tagRational:
			if n, err := r.array("rational"); err != nil || n != 2 {
				return nil, fmt.Errorf("bad rational at byte %d", at)
			}
			num, err := d.bigInt()
			if err != nil {
				return nil, err
			}
			den, err := d.bigInt()
			if err != nil {
				return nil, err
			}
			if den.Sign() <= 0 {
				return nil, fmt.Errorf("rational with denominator %s", den)
			}
			return rt.NormRat(new(big.Rat).SetFrac(num, den)), nil
		}
		return nil, fmt.Errorf("unknown tag %d at byte %d", it.arg, at)
	case majorSimple:
		switch it.ai {
		case simpleFalse:
			return rt.False, nil
		case simpleTrue:
			return rt.True, nil
		case simpleNull:
			return rt.Null, nil
		case simpleUndefined:
			return rt.Unspecified, nil
		}
		if f, ok := it.float(); ok {
			return rt.Flonum(f), nil
		}
	}
	return nil, fmt.Errorf("unexpected CBOR item (major type %d) at byte %d", it.major, at)
}

// bigInt reads an integer: plain, or a bignum of at most MaxBignumBytes.
func (d *decoder) bigInt() (*big.Int, error) {
	r := &d.r
	at := r.off
	it, err := r.head()
	if err != nil {
		return nil, err
	}
	switch {
	case it.major == majorUint:
		return new(big.Int).SetUint64(it.arg), nil
	case it.major == majorNeg:
		b := new(big.Int).SetUint64(it.arg)
		return b.Neg(b.Add(b, big.NewInt(1))), nil
	case it.major == majorTag && (it.arg == tagPosBignum || it.arg == tagNegBignum):
		bs, err := r.raw(majorBytes, "bignum")
		if err != nil {
			return nil, err
		}
		if len(bs) > d.lim.MaxBignumBytes {
			return nil, fmt.Errorf("bignum of %d bytes is over the limit of %d", len(bs), d.lim.MaxBignumBytes)
		}
		b := new(big.Int).SetBytes(bs)
		if it.arg == tagNegBignum {
			b.Neg(b.Add(b, big.NewInt(1)))
		}
		return b, nil
	}
	return nil, fmt.Errorf("expected an integer at byte %d", at)
}

func (d *decoder) values(n int) ([]rt.Value, error) {
	vs := make([]rt.Value, n)
	for j := range vs {
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		vs[j] = v
	}
	return vs, nil
}

// pair hands out a pair from a block: a long list takes one allocation
// per 128 pairs rather than one per pair.
func (d *decoder) pair() *rt.Pair {
	if len(d.pairs) == 0 {
		d.pairs = make([]rt.Pair, 128)
	}
	p := &d.pairs[0]
	d.pairs = d.pairs[1:]
	return p
}

// fill completes the shell of entry i.
func (d *decoder) fill(i int) error {
	r := &d.r
	nf := d.nfields[i]
	var err error
	switch d.kinds[i] {
	case kList:
		p := d.objs[i].(*rt.Pair)
		for j := 0; j < nf-1; j++ {
			if p.Car, err = d.value(); err != nil {
				return err
			}
			if j < nf-2 {
				next := d.pair()
				p.Cdr = next
				p = next
			}
		}
		p.Cdr, err = d.value()
	case kVector:
		d.objs[i].(*rt.Vector).Items, err = d.values(nf)
	case kBox:
		d.objs[i].(*rt.Box).V, err = d.value()
	case kValues:
		d.objs[i].(*rt.MultipleValues).Vals, err = d.values(nf)
	case kRecord:
		rec := d.objs[i].(*rt.Record)
		tv, err := d.value()
		if err != nil {
			return err
		}
		t, ok := tv.(*rt.RecordType)
		if !ok {
			return fmt.Errorf("record of a %s", typeName(tv))
		}
		if len(t.Fields) != nf-1 {
			return fmt.Errorf("record of type %s with %d fields, not %d", t.Name, nf-1, len(t.Fields))
		}
		rec.Type = t
		rec.Fields, err = d.values(nf - 1)
		return err
	case kPromise:
		s, err := d.entry(kPromiseState)
		if err != nil {
			return err
		}
		d.objs[i].(*rt.Promise).State = s.(*rt.PromiseState)
	case kPromiseState:
		s := d.objs[i].(*rt.PromiseState)
		if s.Done, err = r.bool("promise state"); err != nil {
			return err
		}
		s.Value, err = d.value()
	case kError:
		err = d.fillError(d.objs[i].(*rt.ErrorObject), nf)
	case kGlobal:
		if nf == 4 {
			if err := r.skip(3); err != nil { // read by first
				return err
			}
			d.objs[i].(*globalEntry).value, err = d.value()
		}
	case kClosure:
		c := d.objs[i].(*eval.Closure)
		code, err := d.entry(kCode, kCodeRef)
		if err != nil {
			return err
		}
		c.Code = code.(*eval.Code)
		if c.Free, err = d.values(nf - 1); err != nil {
			return err
		}
		d.closures = append(d.closures, c)
	case kCaseLambda:
		c := d.objs[i].(*eval.CaseLambda)
		if c.Name, err = r.text("case-lambda name"); err != nil {
			return err
		}
		clauses, err := d.values(nf - 1)
		if err != nil {
			return err
		}
		c.Clauses = make([]*eval.Closure, len(clauses))
		for j, v := range clauses {
			if c.Clauses[j], _ = v.(*eval.Closure); c.Clauses[j] == nil {
				return fmt.Errorf("case-lambda clause is a %s", typeName(v))
			}
		}
	case kParameter:
		p := d.objs[i].(*eval.Parameter)
		if p.Value, err = d.value(); err != nil {
			return err
		}
		conv, err := d.value()
		if err != nil {
			return err
		}
		if conv != rt.False {
			if _, ok := conv.(rt.Procedure); !ok {
				return fmt.Errorf("parameter converter is a %s", typeName(conv))
			}
			p.Converter = conv
		}
	case kCode:
		if fc, ok := d.fresh[d.objs[i].(*eval.Code)]; ok {
			err = d.fillCode(d.objs[i].(*eval.Code), fc)
		}
	case kContinuation:
		err = d.fillContinuation(d.objs[i].(*eval.Continuation))
	}
	return err
}

func (d *decoder) fillError(e *rt.ErrorObject, nf int) error {
	r := &d.r
	var err error
	if e.Message, err = r.text("message"); err != nil {
		return err
	}
	k, err := r.small("error kind", int(rt.ReadError))
	if err != nil {
		return err
	}
	e.Kind = rt.ErrorKind(k)
	if e.Hint, err = r.text("hint"); err != nil {
		return err
	}
	if e.Pos.File, err = r.text("file"); err != nil {
		return err
	}
	line, err := r.int("line")
	if err != nil {
		return err
	}
	col, err := r.int("column")
	if err != nil {
		return err
	}
	if line != int64(int32(line)) || col != int64(int32(col)) {
		return fmt.Errorf("position out of range")
	}
	e.Pos.Line, e.Pos.Col = int32(line), int32(col)
	e.Irritants, err = d.values(nf - 6)
	return err
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

// fillCode reads a code object the interpreter does not have.
func (d *decoder) fillCode(c *eval.Code, fc *freshCode) error {
	r := &d.r
	// The hash and the globals were read by middle.
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
	if n%3 != 0 {
		return fmt.Errorf("instructions: %d numbers, not a multiple of 3", n)
	}
	c.Instrs = make([]eval.Instr, n/3)
	for j := range c.Instrs {
		op, err := r.small("opcode", math.MaxUint8)
		if err != nil {
			return err
		}
		c.Instrs[j].Op = eval.Opcode(op)
		if c.Instrs[j].A, err = d.int32("operand"); err != nil {
			return err
		}
		if c.Instrs[j].B, err = d.int32("operand"); err != nil {
			return err
		}
	}
	if n, err = r.array("constants"); err != nil {
		return err
	}
	if c.Consts, err = d.values(n); err != nil {
		return err
	}
	if n, err = r.array("children"); err != nil {
		return err
	}
	c.Children = make([]*eval.Code, n)
	for j := range c.Children {
		ch, err := d.entry(kCode, kCodeRef)
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

// fillContinuation reads a continuation's parts; finish builds it.
func (d *decoder) fillContinuation(k *eval.Continuation) error {
	r := &d.r
	ce := &contEntry{k: k}
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
		code, err := d.entry(kCode, kCodeRef, kBoot)
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
		g, err := d.entry(kGlobal)
		if err != nil {
			return err
		}
		ce.globals[j] = g.(*globalEntry)
	}
	d.conts = append(d.conts, ce)
	return nil
}

// finish checks everything the machine will run, and only then changes
// the interpreter: global cells for the new code, values for the unbound
// globals that came with one, the new code known by its hash.
func (d *decoder) finish() error {
	ck := eval.NewCodeChecker(d.lim.MaxFrameSlots)
	for _, i := range d.codes {
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
	// The message is accepted.
	cells := make(map[*globalEntry]*eval.Global)
	cell := func(g *globalEntry) *eval.Global {
		c, ok := cells[g]
		if !ok {
			c = d.wire.ResolveGlobal(g.name)
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
