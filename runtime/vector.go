package runtime

// Vector is a Scheme vector.
type Vector struct {
	Items []Value
}

// Bytevector is a Scheme bytevector.
type Bytevector struct {
	B []byte
}
