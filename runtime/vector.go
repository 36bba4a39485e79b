package runtime

// Vector is a Scheme vector.
type Vector struct {
	Items []Value
}

// Small vectors are made with their items in the same allocation as the
// Vector: one allocation instead of two, for the tuples and records-as-
// vectors that programs make by the million.
type (
	vector2 struct {
		Vector
		items [2]Value
	}
	vector4 struct {
		Vector
		items [4]Value
	}
	vector8 struct {
		Vector
		items [8]Value
	}
)

// NewVector returns a new vector holding a copy of items.
func NewVector(items []Value) *Vector {
	var v *Vector
	switch n := len(items); {
	case n == 0:
		return &Vector{Items: []Value{}}
	case n <= 2:
		w := &vector2{}
		w.Items = w.items[:n:n]
		v = &w.Vector
	case n <= 4:
		w := &vector4{}
		w.Items = w.items[:n:n]
		v = &w.Vector
	case n <= 8:
		w := &vector8{}
		w.Items = w.items[:n:n]
		v = &w.Vector
	default:
		v = &Vector{Items: make([]Value, n)}
	}
	copy(v.Items, items)
	return v
}

// Bytevector is a Scheme bytevector.
type Bytevector struct {
	B []byte
}
