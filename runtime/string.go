package runtime

// String is a mutable Scheme string, held as code points so that
// string-ref and string-set! are O(1).
type String struct {
	R []rune
}

// NewString returns a Scheme string holding s.
func NewString(s string) *String { return &String{[]rune(s)} }

// String returns the Go form of s.
func (s *String) String() string { return string(s.R) }
