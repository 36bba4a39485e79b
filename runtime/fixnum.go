package runtime

import (
	"strconv"
	"unsafe"
)

// Fixnum is an exact integer between MinFixnum() and MaxFixnum(). It is an
// address in a stretch of address space that nothing is ever mapped at:
// the integer i is the address fixZero+i. A struct of one pointer is stored
// in an interface word as it is, so making a Value of a Fixnum never
// allocates, and two Fixnums are == exactly when their integers are equal.
// Exact integers outside the range are *Bignum; MakeFixnum and NormBig keep
// that true, so every integer has one representation.
//
// Go's collector ignores pointers that lead outside its heap, and the
// stretch is reserved (see reserveFixnums), so no Go object can ever be
// allocated at one of these addresses.
type Fixnum struct{ p unsafe.Pointer }

var (
	// fixZero is the address that stands for 0.
	fixZero unsafe.Pointer
	// fixMin and fixMax bound the fixnums: -fixMin is half the stretch.
	fixMin, fixMax int64
	// fixSpan is fixMax-fixMin, for FitsFixnum: one load fewer keeps
	// MakeFixnum small enough to be inlined.
	fixSpan uint64
)

// fixFallback is the stretch used where address space cannot be reserved:
// a Go array the program never reads or writes, which gives fixnums the
// range of a 17-bit integer.
var fixFallback [1 << 17]byte

func init() {
	stretch := reserveFixnums()
	if stretch == nil {
		stretch = fixFallback[:]
	}
	half := len(stretch) / 2
	fixZero = unsafe.Pointer(&stretch[half])
	fixMin, fixMax = -int64(half), int64(half-1)
	fixSpan = uint64(fixMax - fixMin)
}

// MinFixnum and MaxFixnum bound the exact integers that are Fixnums. The
// range depends on the address space the machine grants: ±2^39 on 64-bit
// Unix, ±2^16 at the least.
func MinFixnum() int64 { return fixMin }

// MaxFixnum: see MinFixnum.
func MaxFixnum() int64 { return fixMax }

// FitsFixnum reports whether i is in the fixnum range.
func FitsFixnum(i int64) bool { return uint64(i-fixMin) <= fixSpan }

// MakeFixnum returns the exact integer i: a Fixnum when it fits, which
// never allocates, else a *Bignum.
// The bignum is made out of line, so that MakeFixnum is inlined into the
// machine's arithmetic: it was a call for every sum and product.
func MakeFixnum(i int64) Value {
	if FitsFixnum(i) {
		return Fixnum{unsafe.Add(fixZero, i)}
	}
	return bignumOf(i)
}

//go:noinline
func bignumOf(i int64) Value {
	b := &Bignum{}
	b.I.SetInt64(i)
	return b
}

// FixnumOf returns i as a Fixnum, and false when it is out of range.
func FixnumOf(i int64) (Fixnum, bool) {
	if FitsFixnum(i) {
		return Fixnum{unsafe.Add(fixZero, i)}, true
	}
	return Fixnum{}, false
}

// Int returns f's integer.
func (f Fixnum) Int() int64 { return int64(uintptr(f.p) - uintptr(fixZero)) }

// Equal reports whether f and g are the same integer; go-cmp, which
// cannot look inside f, uses it.
func (f Fixnum) Equal(g Fixnum) bool { return f == g }

// String writes f in decimal, for Go's fmt.
func (f Fixnum) String() string { return strconv.FormatInt(f.Int(), 10) }

// Int64Of returns the exact integer v as an int64, and false when v is not
// an exact integer or does not fit in 64 bits.
func Int64Of(v Value) (int64, bool) {
	switch x := v.(type) {
	case Fixnum:
		return x.Int(), true
	case *Bignum:
		if x.I.IsInt64() {
			return x.I.Int64(), true
		}
	}
	return 0, false
}
