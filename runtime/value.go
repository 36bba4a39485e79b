package runtime

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

// IsTrue reports whether v counts as true: everything but #f does. Use
// it, not v == False or v != False: those compare two Values, by a call
// (runtime.efaceeq).
func IsTrue(v Value) bool {
	b, ok := v.(Boolean)
	return !ok || bool(b)
}

type nullType struct{}
type unspecifiedType struct{}
type eofType struct{}
type defaultType struct{}

// The singletons below have pointer types of their own, not Value: a
// Value compared with one of them is compared in line, type and pointer,
// where two Values are compared by a call (runtime.efaceeq).

// Null is the empty list.
var Null = &nullType{}

// Unspecified is the value of expressions whose value the report leaves
// unspecified; it prints as nothing at the REPL.
var Unspecified = &unspecifiedType{}

// EOF is the end-of-file object.
var EOF = &eofType{}

// Default marks an optional argument that was not supplied.
var Default = &defaultType{}

// Char is a Unicode scalar value.
type Char rune

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
