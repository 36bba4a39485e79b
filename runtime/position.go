package runtime

import "fmt"

// Pos is a position in a source file. The zero Pos means "unknown".
type Pos struct {
	File      string
	Line, Col int32
}

// IsValid reports whether p names a real place.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col.
func (p Pos) String() string {
	if !p.IsValid() {
		if p.File != "" {
			return p.File
		}
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Positions maps the pairs read from source text to where they started, so
// that error messages can point into the source without making every pair
// larger.
type Positions map[*Pair]Pos
