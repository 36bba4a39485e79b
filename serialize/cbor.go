package serialize

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unicode/utf8"

	rt "termite/runtime"
)

// The format uses a small part of CBOR (RFC 8949), and uses it often: a
// message is mostly small integers, short arrays and references. These
// are written and read here directly, into and from a byte slice, which
// is several times faster than going through reflection (measured: a
// list of 1000 fixnums as a []any through fxamacker/cbor takes 44 µs to
// marshal and 36 µs to unmarshal, against a few µs here). The reader is
// also all that checks an incoming message: each head as it is read,
// each length against the bytes left, and, in skip, whatever the decoder
// passes over without reading it item by item.

// CBOR major types.
const (
	majorUint   = 0
	majorNeg    = 1
	majorBytes  = 2
	majorText   = 3
	majorArray  = 4
	majorMap    = 5
	majorTag    = 6
	majorSimple = 7
)

// CBOR tags the format uses; all are registered with IANA.
const (
	tagPosBignum = 2  // RFC 8949 §3.4.3: unsigned bignum
	tagNegBignum = 3  // RFC 8949 §3.4.3: negative bignum
	tagSharedRef = 29 // value sharing: here, the nth entry of the object table
	tagRational  = 30 // rational number: [numerator, denominator]
)

// Simple values.
const (
	simpleFalse     = 20
	simpleTrue      = 21
	simpleNull      = 22
	simpleUndefined = 23
)

// writer appends CBOR items to a buffer.
type writer struct {
	b []byte
}

// head writes the initial byte of an item of the given major type and
// argument, in the shortest form (preferred serialization).
func (w *writer) head(major byte, n uint64) {
	m := major << 5
	switch {
	case n < 24:
		w.b = append(w.b, m|byte(n))
	case n <= math.MaxUint8:
		w.b = append(w.b, m|24, byte(n))
	case n <= math.MaxUint16:
		w.b = append(w.b, m|25, byte(n>>8), byte(n))
	case n <= math.MaxUint32:
		w.b = append(w.b, m|26, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	default:
		w.b = append(w.b, m|27)
		w.b = binary.BigEndian.AppendUint64(w.b, n)
	}
}

func (w *writer) uint(n uint64) { w.head(majorUint, n) }

// int is small enough to be inlined: most of what a message holds is
// integers.
func (w *writer) int(i int64) {
	sign := i >> 63 // 0, or -1 when i is negative
	// majorUint and i, or majorNeg and -1 - i.
	w.head(byte(sign)&majorNeg, uint64(i^sign))
}

func (w *writer) array(n int) { w.head(majorArray, uint64(n)) }

func (w *writer) text(s string) {
	w.head(majorText, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *writer) bytes(b []byte) {
	w.head(majorBytes, uint64(len(b)))
	w.b = append(w.b, b...)
}

func (w *writer) simple(v byte) { w.b = append(w.b, majorSimple<<5|v) }

func (w *writer) bool(b bool) {
	if b {
		w.simple(simpleTrue)
	} else {
		w.simple(simpleFalse)
	}
}

func (w *writer) null() { w.simple(simpleNull) }

// ref writes a reference to entry i of the object table.
func (w *writer) ref(i int32) {
	w.head(majorTag, tagSharedRef)
	w.head(majorUint, uint64(i))
}

// float writes f in the shortest of the three IEEE 754 widths that holds
// it exactly (preferred serialization); NaNs keep all their bits.
func (w *writer) float(f float64) {
	if f32 := float32(f); float64(f32) == f {
		if h, ok := toHalf(f32); ok {
			w.b = append(w.b, majorSimple<<5|25, byte(h>>8), byte(h))
			return
		}
		w.b = append(w.b, majorSimple<<5|26)
		w.b = binary.BigEndian.AppendUint32(w.b, math.Float32bits(f32))
		return
	}
	w.b = append(w.b, majorSimple<<5|27)
	w.b = binary.BigEndian.AppendUint64(w.b, math.Float64bits(f))
}

// toHalf returns the IEEE 754 half-precision bits of f when f is exactly
// representable in half precision.
func toHalf(f float32) (uint16, bool) {
	bits := math.Float32bits(f)
	sign := uint16(bits>>16) & 0x8000
	exp := int(bits>>23&0xff) - 127
	mant := bits & 0x7fffff
	switch {
	case bits&0x7fffffff == 0: // ±0
		return sign, true
	case exp == 128: // infinity (NaN never gets here: NaN != NaN)
		return sign | 0x7c00, mant == 0
	case exp >= -14 && exp <= 15: // normal
		if mant&0x1fff != 0 {
			return 0, false
		}
		return sign | uint16(exp+15)<<10 | uint16(mant>>13), true
	case exp >= -24 && exp < -14: // subnormal in half precision
		m := mant | 0x800000
		shift := uint(-(exp + 1))
		if m&(1<<shift-1) != 0 {
			return 0, false
		}
		return sign | uint16(m>>shift), true
	}
	return 0, false
}

// fromHalf converts half-precision bits to a float64.
func fromHalf(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h >> 10 & 0x1f)
	mant := float64(h & 0x3ff)
	switch exp {
	case 0:
		return sign * math.Ldexp(mant, -24)
	case 0x1f:
		if mant != 0 {
			return math.NaN()
		}
		return math.Inf(int(sign))
	}
	return sign * math.Ldexp(1+mant/1024, exp-15)
}

// reader reads CBOR items from a byte slice. Every read checks that the
// bytes are there: the data may be hostile.
type reader struct {
	b   []byte
	off int
	// The limits on arrays (Limits.MaxArrayLen, Limits.MaxDepth).
	maxArray, maxDepth int
}

// fieldDepth is how deep the fields of a table entry are nested: in the
// message, the table and the entry.
const fieldDepth = 3

var errTruncated = errors.New("truncated data")

// item is the head of a CBOR item: its major type, additional
// information and argument (a length, a value, or float bits).
type item struct {
	major byte
	ai    byte
	arg   uint64
}

func (r *reader) head() (item, error) {
	b := r.b[r.off:]
	if len(b) == 0 {
		return item{}, errTruncated
	}
	c := b[0]
	it := item{major: c >> 5, ai: c & 0x1f}
	// The argument is most often in the first byte, or in the one or two
	// after it (integers below 65536: counts, references, instructions):
	// those are read here, without the call to longHead.
	switch {
	case it.ai < 24:
		it.arg = uint64(it.ai)
		r.off++
	case it.ai == 24 && len(b) >= 2:
		it.arg = uint64(b[1])
		r.off += 2
	case it.ai == 25 && len(b) >= 3:
		it.arg = uint64(b[1])<<8 | uint64(b[2])
		r.off += 3
	default:
		r.off++
		return r.longHead(it)
	}
	return it, nil
}

// smallInts reads the cars of ps from the items ahead for as long as
// they are integers whose argument is in the first byte or the two after
// it, and returns how many it read. Most elements of most lists are such
// integers: a list's loop reads them here, without a call per element or
// value's switch over every kind of item, and what it returns is what
// value would. Each is a fixnum (their range is at least ±2^16), so none
// allocates.
func (r *reader) smallInts(ps []rt.Pair) int {
	b, off := r.b, r.off
	for j := range ps {
		if len(b)-off < 3 || b[off]>>5 > majorNeg {
			r.off = off
			return j // the general path reads it, or finds it truncated
		}
		n, size := int64(b[off]&0x1f), 1
		switch {
		case n == 24:
			n, size = int64(b[off+1]), 2
		case n == 25:
			n, size = int64(b[off+1])<<8|int64(b[off+2]), 3
		case n > 25:
			r.off = off
			return j
		}
		if b[off]>>5 == majorNeg {
			n = -1 - n
		}
		f, ok := rt.FixnumOf(n)
		if !ok {
			r.off = off
			return j
		}
		ps[j].Car = f
		off += size
	}
	r.off = off
	return len(ps)
}

// longHead reads the argument bytes that follow the first byte of it.
func (r *reader) longHead(it item) (item, error) {
	if it.ai > 27 {
		return item{}, fmt.Errorf("unsupported CBOR item (indefinite length or reserved) at byte %d", r.off-1)
	}
	n := 1 << (it.ai - 24) // 1, 2, 4 or 8 bytes
	if len(r.b)-r.off < n {
		return item{}, errTruncated
	}
	b := r.b[r.off:]
	switch n {
	case 1:
		it.arg = uint64(b[0])
	case 2:
		it.arg = uint64(binary.BigEndian.Uint16(b))
	case 4:
		it.arg = uint64(binary.BigEndian.Uint32(b))
	default:
		it.arg = binary.BigEndian.Uint64(b)
	}
	r.off += n
	return it, nil
}

// expect reads the head of an item of the given major type.
func (r *reader) expect(major byte, what string) (uint64, error) {
	at := r.off
	it, err := r.head()
	if err != nil {
		return 0, err
	}
	if it.major != major {
		return 0, fmt.Errorf("expected %s at byte %d", what, at)
	}
	return it.arg, nil
}

func (r *reader) uint(what string) (uint64, error) { return r.expect(majorUint, what) }

// small reads an unsigned integer no greater than max.
func (r *reader) small(what string, max int) (int, error) {
	n, err := r.uint(what)
	if err != nil {
		return 0, err
	}
	if max < 0 || n > uint64(max) {
		return 0, fmt.Errorf("%s %d out of range", what, n)
	}
	return int(n), nil
}

// int reads an integer that fits in int64.
func (r *reader) int(what string) (int64, error) {
	at := r.off
	it, err := r.head()
	if err != nil {
		return 0, err
	}
	switch {
	case it.major == majorUint && it.arg <= math.MaxInt64:
		return int64(it.arg), nil
	case it.major == majorNeg && it.arg <= math.MaxInt64:
		return -1 - int64(it.arg), nil
	}
	return 0, fmt.Errorf("expected %s at byte %d", what, at)
}

// array reads the head of an array (see arrayLen).
func (r *reader) array(what string) (int, error) {
	at := r.off
	n, err := r.expect(majorArray, what)
	if err != nil {
		return 0, err
	}
	if err := r.arrayLen(n, at); err != nil {
		return 0, err
	}
	return int(n), nil
}

// arrayLen checks the length n of the array whose head is at byte at: at
// most MaxArrayLen, and leaving at least one byte per element in the
// data, so that no allocation sized by a length can be larger than the
// message.
func (r *reader) arrayLen(n uint64, at int) error {
	if n > uint64(r.maxArray) {
		return fmt.Errorf("array of %d elements at byte %d is over the limit of %d", n, at, r.maxArray)
	}
	if n > uint64(len(r.b)-r.off) {
		return errTruncated
	}
	return nil
}

// raw reads the contents of a byte or text string, without copying;
// text must be valid UTF-8.
func (r *reader) raw(major byte, what string) ([]byte, error) {
	s, err := r.contents(major, what)
	if err == nil && major == majorText && !utf8.Valid(s) {
		return nil, fmt.Errorf("%s is not valid UTF-8", what)
	}
	return s, err
}

// contents is raw without the check of UTF-8, for a reader that checks
// text as it makes something of it.
func (r *reader) contents(major byte, what string) ([]byte, error) {
	n, err := r.expect(major, what)
	if err != nil {
		return nil, err
	}
	if n > uint64(len(r.b)-r.off) {
		return nil, errTruncated
	}
	s := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return s, nil
}

func (r *reader) text(what string) (string, error) {
	b, err := r.raw(majorText, what)
	return string(b), err
}

func (r *reader) bool(what string) (bool, error) {
	at := r.off
	it, err := r.head()
	if err != nil {
		return false, err
	}
	if it.major == majorSimple && (it.ai == simpleTrue || it.ai == simpleFalse) {
		return it.ai == simpleTrue, nil
	}
	return false, fmt.Errorf("expected %s at byte %d", what, at)
}

// isNull reports whether the next item is null, consuming it if so.
func (r *reader) isNull() bool {
	if r.off < len(r.b) && r.b[r.off] == majorSimple<<5|simpleNull {
		r.off++
		return true
	}
	return false
}

// float reads a floating-point number of any width.
func (r *reader) float(what string) (float64, error) {
	at := r.off
	it, err := r.head()
	if err != nil {
		return 0, err
	}
	if f, ok := it.float(); ok {
		return f, nil
	}
	return 0, fmt.Errorf("expected %s at byte %d", what, at)
}

// float returns the value of a floating-point item.
func (it item) float() (float64, bool) {
	if it.major != majorSimple {
		return 0, false
	}
	switch it.ai {
	case 25:
		return fromHalf(uint16(it.arg)), true
	case 26:
		return float64(math.Float32frombits(uint32(it.arg))), true
	case 27:
		return math.Float64frombits(it.arg), true
	}
	return 0, false
}

// skip passes over n whole items of an entry's fields, nested ones
// included, without recursion. The decoder reads some fields only through
// skip (those of code it has already), and checks every item it reads
// item by item, so skip checks all that a message must be even where the
// decoder expects nothing in particular: each head whole and well-formed
// (no reserved additional information, no indefinite length, no simple
// value below 32 in two bytes), each string within the data, each array
// as array does, arrays and tags nested at most MaxDepth deep, and no
// maps, which the format does not use.
func (r *reader) skip(n uint64) error {
	var buf [16]uint64
	open := buf[:0] // the items left in each enclosing array or tag
	for {
		for n == 0 {
			if len(open) == 0 {
				return nil
			}
			n, open = open[len(open)-1], open[:len(open)-1]
		}
		n--
		// Small integers and simple values, most of what is skipped, are
		// one byte.
		if r.off < len(r.b) {
			if c := r.b[r.off]; c&0x1f < 24 && (c>>5 == majorUint || c>>5 == majorNeg || c>>5 == majorSimple) {
				r.off++
				continue
			}
		}
		at := r.off
		it, err := r.head()
		if err != nil {
			return err
		}
		switch it.major {
		case majorBytes, majorText:
			if it.arg > uint64(len(r.b)-r.off) {
				return errTruncated
			}
			r.off += int(it.arg)
		case majorArray, majorTag:
			if fieldDepth+len(open) >= r.maxDepth {
				return fmt.Errorf("items nested over the limit of %d deep at byte %d", r.maxDepth, at)
			}
			open = append(open, n)
			n = 1 // a tag's content
			if it.major == majorArray {
				if err := r.arrayLen(it.arg, at); err != nil {
					return err
				}
				n = it.arg
			}
		case majorMap:
			return fmt.Errorf("unexpected CBOR map at byte %d", at)
		case majorSimple:
			if it.ai == 24 && it.arg < 32 {
				return fmt.Errorf("malformed simple value at byte %d", at)
			}
		}
	}
}
