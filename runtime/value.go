package runtime

import "sync/atomic"

// Value is a Scheme value. See the package documentation for the rules.
type Value interface{}

// Boolean is #t or #f. Converting a bool to an interface never allocates.
type Boolean bool

// The boolean singletons.
const (
	True  = Boolean(true)
	False = Boolean(false)
)

// MakeBool returns True or False.
func MakeBool(b bool) Value {
	if b {
		return True
	}
	return False
}

// IsTrue reports whether v counts as true: everything but #f does.
func IsTrue(v Value) bool {
	b, ok := v.(Boolean)
	return !ok || bool(b)
}

type nullType struct{}
type unspecifiedType struct{}
type eofType struct{}
type defaultType struct{}

// Null is the empty list.
var Null Value = &nullType{}

// Unspecified is the value of expressions whose value the report leaves
// unspecified; it prints as nothing at the REPL.
var Unspecified Value = &unspecifiedType{}

// EOF is the end-of-file object.
var EOF Value = &eofType{}

// Default marks an optional argument that was not supplied.
var Default Value = &defaultType{}

// Char is a Unicode scalar value.
type Char rune

// Fixnum is an exact integer that fits in 64 bits.
type Fixnum int64

const (
	fixCacheMin = -1024
	fixCacheMax = 1 << 16
	fixChunk    = 1024
)

// fixChunks hold the boxed small fixnums, each chunk made on first use:
// boxing 66,000 of them when the program starts would cost milliseconds
// that most programs never win back. The chunks are shared by every
// interpreter of the Go process, hence the atomic pointers.
var fixChunks [(fixCacheMax - fixCacheMin) / fixChunk]atomic.Pointer[[fixChunk]Value]

// MakeFixnum boxes i, without allocating when it is small.
func MakeFixnum(i int64) Value {
	if k := uint64(i - fixCacheMin); k < uint64(fixCacheMax-fixCacheMin) {
		if c := fixChunks[k/fixChunk].Load(); c != nil {
			return c[k%fixChunk]
		}
		return makeFixChunk(k)[k%fixChunk]
	}
	return Fixnum(i)
}

// FixnumAllocates reports whether MakeFixnum(i) allocates a box for i.
func FixnumAllocates(i int64) bool {
	return uint64(i-fixCacheMin) >= uint64(fixCacheMax-fixCacheMin)
}

func makeFixChunk(k uint64) *[fixChunk]Value {
	n := k / fixChunk
	c := new([fixChunk]Value)
	for j := range c {
		c[j] = Fixnum(int64(n*fixChunk+uint64(j)) + fixCacheMin)
	}
	if !fixChunks[n].CompareAndSwap(nil, c) {
		return fixChunks[n].Load()
	}
	return c
}

// MultipleValues is the result of (values ...) with other than one value.
// It is never stored in a variable or a data structure by well-formed code:
// only call-with-values and continuations take it apart.
type MultipleValues struct {
	Vals []Value
}

// Box is a mutable cell: the compiler puts variables that are both
// captured by a closure and assigned into boxes.
type Box struct {
	V Value
}
