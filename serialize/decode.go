package serialize

import (
	"fmt"
	"math"
	"math/big"
	"sync"
	"unicode/utf8"

	"termite/eval"
	rt "termite/runtime"
)

// Limits bound what decoding a message may cost, whoever sent it. Zero
// fields take the value of DefaultLimits. Decoding allocates at most a
// small multiple of MaxBytes (about 40 bytes per byte of message, for a
// message made of nothing but one-byte list elements).
type Limits struct {
	MaxBytes       int // length of the message
	MaxDepth       int // nesting of CBOR arrays and tags; at least formatDepth
	MaxArrayLen    int // elements of one CBOR array (a list entry, a vector...)
	MaxObjects     int // entries of the object table
	MaxFrameSlots  int // stack slots of one frame (Code.MaxStack)
	MaxBignumBytes int // bytes of one bignum, numerator or denominator
}

// formatDepth is the least MaxDepth: how deep the format nests items at
// most (a bignum, in a rational, on a continuation's stack). Where the
// decoder reads items one by one it expects each, never nesting deeper,
// so what it refuses for depth is always in what skip passes over.
const formatDepth = 7

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
	// CodeRead is called, once a message is decoded, with each code
	// object it carried in full, so that a connection can keep what its
	// peer will later send by hash alone.
	CodeRead func(c *eval.Code)
	// Located is called, once a message is decoded, for each pid it
	// carried that this interpreter knew already, and that the sender
	// knew to run at another node than this interpreter thinks.
	Located func(pid *rt.Pid, at string)
	// Owned says that the caller gives data up to Decode: it will never
	// read, change or reuse it again, whatever Decode returns. A large
	// string of ASCII text or bytevector may then keep its bytes in
	// data rather than a copy (see decoder.takes). Without it, nothing
	// decoded shares data.
	Owned bool
}

// Decode reads a message that Encode wrote, in this interpreter or
// another. Any fault of the data (malformed, over a limit, not a message
// Encode could have written, code the machine could not run safely) is an
// error object that says what is wrong; it never panics. Decoding has no
// effect on the interpreter unless it succeeds; then the globals that the
// message carries values for and that are unbound here are defined.
func (c *Context) Decode(data []byte, opts *DecodeOptions) (v rt.Value, err error) {
	d := decoders.Get().(*decoder)
	*d = decoder{ctx: c, wire: c.in.Wire(), r: reader{b: data}}
	if opts != nil {
		d.opts = *opts
	}
	d.lim = d.opts.Limits.withDefaults()
	d.r.maxArray, d.r.maxDepth = d.lim.MaxArrayLen, d.lim.MaxDepth
	defer func() {
		// Every input is checked before it is used: a panic here is a bug
		// (of this package or of a hook), and still must not take the
		// node down.
		if r := recover(); r != nil {
			v, err = nil, decodeError("internal error: %v", r)
		}
		*d = decoder{}
		decoders.Put(d)
	}()
	if len(data) == 0 {
		return nil, decodeError("empty message")
	}
	if len(data) > d.lim.MaxBytes {
		return nil, decodeError("message of %d bytes is over the limit of %d", len(data), d.lim.MaxBytes)
	}
	c.op++
	c.loadSystem()
	v, err = d.decode()
	if err != nil {
		return nil, decodeError("%v", err)
	}
	if d.opts.CodeRead != nil {
		for i, k := range d.kinds {
			if k == kCode {
				d.opts.CodeRead(d.objs[i].(*eval.Code))
			}
		}
	}
	if d.opts.Located != nil {
		for _, l := range d.located {
			d.opts.Located(l.pid, l.at)
		}
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
	l.MaxDepth = max(l.MaxDepth, formatDepth)
	return l
}

// decoders recycles decoders, as encoders does encoders.
var decoders = sync.Pool{New: func() any { return new(decoder) }}

// decoder holds the state of one Decode. It reads the object table in
// three passes (see kindInfo): create makes an object, or an empty shell,
// for every entry; link makes the objects that need others made first;
// the references that create noted are stored (resolve); fill completes
// the shells with references to any entry, before or after, which is how
// cycles come back. Then accept checks the code.
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

	fresh    map[*eval.Code]*freshCode
	closures []*eval.Closure
	tables   []tableEntries // filled last (fillTables)
	conts    []*contEntry
	slab     []rt.Pair // pairs not handed out yet (see pairs)
	later    []laterRef
	located  []location // for Located
}

// laterRef is a reference read before the entry it refers to was made:
// entry i's field at byte at, to be stored in *dst.
type laterRef struct {
	dst    *rt.Value
	i, ref int32
	at     int32
	datum  bool // checkDatum applies
}

// location is a pid known here, and where a message said it runs.
type location struct {
	pid *rt.Pid
	at  string
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
		if err := d.create(i); err != nil {
			return nil, fmt.Errorf("entry %d: %v", i, err)
		}
	}
	rootAt := r.off
	for pass := range 2 { // link, then fill (see decoder)
		if pass == 1 {
			if err := d.resolve(); err != nil {
				return nil, err
			}
		}
		for i, k := range d.kinds {
			step := kinds[k].link
			if pass == 1 {
				step = kinds[k].fill
			}
			if step == nil {
				continue
			}
			r.off = d.offs[i]
			if err := step(d, i); err != nil {
				return nil, fmt.Errorf("entry %d: %v", i, err)
			}
		}
	}
	d.fillTables()
	r.off = rootAt
	root, err := d.value()
	if _, several := root.(*rt.MultipleValues); err == nil && !several {
		err = checkDatum(root) // (serialize (values 1 2)) is the values
	}
	if err != nil {
		return nil, fmt.Errorf("root: %v", err)
	}
	if r.off != len(r.b) {
		return nil, fmt.Errorf("extra data after the message")
	}
	if err := d.accept(); err != nil {
		return nil, err
	}
	return root, nil
}

// intern returns the interned symbol named name, remembering it for the
// rest of the message (a message often repeats a few symbols).
func (d *decoder) intern(name []byte) *rt.Symbol {
	if s, ok := d.syms[string(name)]; ok {
		return s
	}
	s := rt.InternMadeUp(string(name))
	if d.syms == nil {
		d.syms = make(map[string]*rt.Symbol)
	}
	d.syms[s.Name] = s
	return s
}

// create reads the head of entry i and makes its object (see kindInfo).
func (d *decoder) create(i int) error {
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
	start, nf := r.off, n-1
	d.kinds[i], d.offs[i], d.nfields[i] = kind(k), start, nf
	if err := kind(k).checkFields(nf); err != nil {
		return err
	}
	if d.objs[i], err = kinds[k].create(d, i, nf); err != nil {
		return err
	}
	if kinds[k].whole {
		return nil
	}
	// create reads all of the entry or none of it: no further.
	end := r.off
	r.off = start
	if err := r.skip(uint64(nf)); err != nil {
		return err
	}
	if end != start && r.off != end {
		return fmt.Errorf("entry of kind %d has fields of the wrong kinds", k)
	}
	return nil
}

func typeName(v any) string {
	return fmt.Sprintf("%T", v)
}

// reference reads a reference to an entry of kind k (or one of ks) and
// returns its object.
func (d *decoder) reference(k kind, ks ...kind) (any, error) {
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
		if !utf8.Valid(name) {
			return nil, fmt.Errorf("symbol name at byte %d is not valid UTF-8", at)
		}
		return d.intern(name), nil
	case majorTag:
		switch it.arg {
		case tagSharedRef:
			i, err := r.small("reference", len(d.objs)-1)
			if err != nil {
				return nil, err
			}
			if !kinds[d.kinds[i]].value {
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

// slotOf reads a value of entry i, where a reference may be to an entry
// not made yet: it is noted, and resolve stores it. With datum, the value
// must be data (checkDatum).
func (d *decoder) slotOf(i int, dst *rt.Value, datum bool) error {
	r := &d.r
	at := r.off
	// Tag 29 takes a byte of argument after its head.
	if len(r.b)-at < 2 || r.b[at] != majorTag<<5|24 || r.b[at+1] != tagSharedRef {
		v, err := d.value()
		// Only a reference (a tag) can be one of the machine's objects:
		// an immediate value never is, and a list's elements mostly are.
		if err == nil && datum && r.b[at]>>5 == majorTag {
			err = checkDatum(v)
		}
		*dst = v
		return err
	}
	r.off += 2
	ref, err := r.small("reference", len(d.objs)-1)
	if err != nil {
		return err
	}
	d.later = append(d.later, laterRef{dst: dst, i: int32(i), ref: int32(ref), at: int32(at), datum: datum})
	return nil
}

// resolve stores the references slotOf noted, now that every entry is made.
func (d *decoder) resolve() error {
	for _, l := range d.later {
		k := d.kinds[l.ref]
		if !kinds[k].value {
			return fmt.Errorf("entry %d: reference at byte %d to an entry of kind %d, which is not a value", l.i, l.at, k)
		}
		*l.dst = d.objs[l.ref]
		if l.datum {
			if err := checkDatum(*l.dst); err != nil {
				return err
			}
		}
	}
	return nil
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

// datum reads a value that data holds (a list, a vector, a constant...):
// see checkDatum.
func (d *decoder) datum() (rt.Value, error) {
	v, err := d.value()
	if err == nil {
		err = checkDatum(v)
	}
	return v, err
}

// data reads n values with datum.
func (d *decoder) data(n int) ([]rt.Value, error) {
	vs, err := d.values(n)
	for _, v := range vs {
		if err == nil {
			err = checkDatum(v)
		}
	}
	return vs, err
}

// checkDatum refuses the machine's own objects where data belongs: a
// variable's box and values on their way to a continuation live only in
// a closure's free values and a continuation's stack, and the default
// object of a missing optional argument only in a frame. A program that
// met one as a value could break what the machine takes for granted.
func checkDatum(v rt.Value) error {
	var what string
	switch v.(type) {
	case *rt.Box:
		what = "a variable's box"
	case *rt.MultipleValues:
		what = "multiple values"
	default:
		if v != rt.Default {
			return nil
		}
		what = "the default object"
	}
	return fmt.Errorf("%s where data belongs", what)
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
