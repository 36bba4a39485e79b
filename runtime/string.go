package runtime

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"iter"
	"slices"
	"unicode/utf8"
)

// String is a mutable Scheme string. Nearly every string's characters are
// all below U+0100, so a string is held narrow, one byte a character
// (Latin-1: the byte is the code point), until a character above U+00FF
// is stored in it or it is made with one; it is then wide, one rune a
// character, for the rest of its life. Both forms keep string-ref and
// string-set! O(1) (but for the one string-set! that widens a string).
// Equality, ordering and hashing are by characters only: only Wide tells
// the forms apart.
//
// w is a pointer so that a String is 32 bytes, not the 48 of two slices:
// most strings are small and narrow, and never use it.
type String struct {
	b []byte  // the characters while the string is narrow
	w *[]rune // nil while the string is narrow; its characters once wide
}

// narrowLimit is the first code point that a narrow string cannot hold.
const narrowLimit = 0x100

// NewString returns a new string holding the UTF-8 text s; each byte of s
// that is not part of valid UTF-8 becomes U+FFFD.
func NewString(s string) *String {
	b := []byte(s)
	if n := asciiPrefix(b); n < len(b) {
		return decodeUTF8(b, b[:n:n])
	}
	return &String{b: b}
}

// NewStringUTF8 is NewString for text held in bytes, which the new string
// does not share.
func NewStringUTF8(b []byte) *String {
	ascii, n := appendASCII(make([]byte, 0, len(b)), b)
	if n < len(b) {
		return decodeUTF8(b, ascii)
	}
	return &String{b: ascii}
}

// NewStringValidUTF8 is NewStringUTF8 for text that must be valid UTF-8,
// as a message's must: it returns false, and no string, when b is not.
// ASCII text, which is valid, is looked at as it is copied, not once more
// to be validated.
func NewStringValidUTF8(b []byte) (*String, bool) {
	ascii, n := appendASCII(make([]byte, 0, len(b)), b)
	if n == len(b) {
		return &String{b: ascii}, true
	}
	if !utf8.Valid(b[n:]) {
		return nil, false
	}
	return decodeUTF8(b, ascii), true
}

// StringOfASCII returns a narrow string whose characters are the bytes
// of b, when b is all ASCII (its UTF-8 text is then its narrow form), and
// false, leaving b alone, when it is not. The string takes b over rather
// than copying it: the caller must never read, change or reuse b again,
// and must cap it (b[i:j:j]) if its array holds anything after it.
func StringOfASCII(b []byte) (*String, bool) {
	if asciiPrefix(b) < len(b) {
		return nil, false
	}
	return &String{b: b}, true
}

// asciiBlock is how much of a text appendASCII looks at before copying
// it: a small part of the first-level cache.
const asciiBlock = 4 << 10

// appendASCII appends to dst the part of src before its first byte that
// is not ASCII, and returns the extended slice and the length of that
// part. It looks at a block at a time just before copying it, so that the
// copy reads what the look brought into the cache: for 100 KB of text it
// costs about what the copy alone does, where looking at the whole text
// first, then copying it, cost a fifth more.
func appendASCII(dst, src []byte) ([]byte, int) {
	n := 0
	for n < len(src) {
		block := src[n:min(len(src), n+asciiBlock)]
		k := asciiPrefix(block)
		dst = append(dst, block[:k]...)
		n += k
		if k < len(block) {
			break
		}
	}
	return dst, n
}

// NewStringRunes returns a new string holding the characters r, which it
// does not share.
func NewStringRunes(r []rune) *String {
	for _, c := range r {
		if c >= narrowLimit {
			w := slices.Clone(r)
			return &String{w: &w}
		}
	}
	b := make([]byte, len(r))
	for i, c := range r {
		b[i] = byte(c)
	}
	return &String{b: b}
}

// MakeString returns a new string of n characters, each fill.
func MakeString(n int, fill rune) *String {
	if fill >= narrowLimit && n > 0 {
		w := make([]rune, n)
		for i := range w {
			w[i] = fill
		}
		return &String{w: &w}
	}
	return &String{b: bytes.Repeat([]byte{byte(fill)}, n)}
}

// asciiPrefix returns the length of the part of b before its first byte
// that is not ASCII. It looks at 64 bytes at a time, as 8 words whose
// high bits it tests at once (the loop of one word at a time took 3 times
// as long), then at 8, then at one.
func asciiPrefix(b []byte) int {
	const high = 0x8080808080808080
	le := binary.LittleEndian
	n := len(b)
	for len(b) >= 64 {
		if (le.Uint64(b)|le.Uint64(b[8:])|le.Uint64(b[16:])|le.Uint64(b[24:])|
			le.Uint64(b[32:])|le.Uint64(b[40:])|le.Uint64(b[48:])|le.Uint64(b[56:]))&high != 0 {
			break
		}
		b = b[64:]
	}
	for len(b) >= 8 && le.Uint64(b)&high == 0 {
		b = b[8:]
	}
	for len(b) > 0 && b[0] < utf8.RuneSelf {
		b = b[1:]
	}
	return n - len(b)
}

// decodeUTF8 returns a new string holding the UTF-8 text b, whose first
// bytes are ASCII, copied in ascii: narrow if every code point of b is
// below U+0100. The narrow string is ascii extended when it has room,
// never b.
func decodeUTF8(b, ascii []byte) *String {
	n := len(ascii) + utf8.RuneCount(b[len(ascii):])
	narrow := ascii
	if cap(narrow) < n {
		narrow = append(make([]byte, 0, n), ascii...)
	}
	var wide []rune
	for i := len(ascii); i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		i += size
		if wide == nil && c >= narrowLimit {
			wide = latin1Runes(narrow, n)
		}
		if wide != nil {
			wide = append(wide, c)
		} else {
			narrow = append(narrow, byte(c))
		}
	}
	if wide != nil {
		return &String{w: &wide}
	}
	return &String{b: narrow}
}

// Len returns the number of characters of s.
func (s *String) Len() int {
	if s.w != nil {
		return len(*s.w)
	}
	return len(s.b)
}

// Ref returns character i of s, which must be in range.
func (s *String) Ref(i int) rune {
	if s.w != nil {
		return (*s.w)[i]
	}
	return rune(s.b[i])
}

// Set makes character i of s, which must be in range, c; s becomes wide
// if c does not fit a narrow string.
func (s *String) Set(i int, c rune) {
	if s.w == nil && c >= narrowLimit {
		s.widen()
	}
	if s.w != nil {
		(*s.w)[i] = c
	} else {
		s.b[i] = byte(c)
	}
}

// Fill makes characters start to end of s, which must be in range, c.
func (s *String) Fill(c rune, start, end int) {
	if s.w == nil && c >= narrowLimit && start < end {
		s.widen()
	}
	if s.w != nil {
		w := (*s.w)[start:end]
		for i := range w {
			w[i] = c
		}
		return
	}
	b := s.b[start:end]
	for i := range b {
		b[i] = byte(c)
	}
}

// CopyFrom copies characters start to end of src into s from at, as
// string-copy! does; the ranges must be valid, and they may overlap when
// src is s. s becomes wide if a character copied does not fit it.
func (s *String) CopyFrom(at int, src *String, start, end int) {
	if src.w == nil {
		from := src.b[start:end]
		if s.w == nil {
			copy(s.b[at:], from)
			return
		}
		to := (*s.w)[at:]
		for i, c := range from {
			to[i] = rune(c)
		}
		return
	}
	from := (*src.w)[start:end]
	if s.w == nil && !allNarrow(from) {
		s.widen()
	}
	if s.w != nil {
		copy((*s.w)[at:], from)
		return
	}
	to := s.b[at:]
	for i, c := range from {
		to[i] = byte(c)
	}
}

// widen turns narrow s wide.
func (s *String) widen() {
	w := latin1Runes(s.b, len(s.b))
	s.w, s.b = &w, nil
}

// latin1Runes returns the code points of the Latin-1 bytes b in a new
// slice of capacity n (at least len(b)).
func latin1Runes(b []byte, n int) []rune {
	w := make([]rune, len(b), max(n, len(b)))
	for i, c := range b {
		w[i] = rune(c)
	}
	return w
}

// allNarrow reports whether every character of r fits a narrow string.
func allNarrow(r []rune) bool {
	for _, c := range r {
		if c >= narrowLimit {
			return false
		}
	}
	return true
}

// Wide reports whether s holds a rune a character rather than a byte.
func (s *String) Wide() bool { return s.w != nil }

// Slice returns a new string holding characters start to end of s, which
// must be in range; it is narrow when those characters allow it.
func (s *String) Slice(start, end int) *String {
	if s.w != nil {
		return NewStringRunes((*s.w)[start:end])
	}
	return &String{b: bytes.Clone(s.b[start:end])}
}

// Runes returns a new slice holding the characters of s.
func (s *String) Runes() []rune {
	if s.w != nil {
		return slices.Clone(*s.w)
	}
	return latin1Runes(s.b, len(s.b))
}

// All yields the index and character of each character of s in turn.
func (s *String) All() iter.Seq2[int, rune] {
	return func(yield func(int, rune) bool) {
		if s.w != nil {
			for i, c := range *s.w {
				if !yield(i, c) {
					return
				}
			}
			return
		}
		for i, c := range s.b {
			if !yield(i, rune(c)) {
				return
			}
		}
	}
}

// String returns the Go form of s, in UTF-8; a surrogate, which a string
// may hold but UTF-8 cannot, becomes U+FFFD.
func (s *String) String() string {
	if s.w != nil {
		return string(*s.w)
	}
	if asciiPrefix(s.b) == len(s.b) {
		return string(s.b)
	}
	return string(s.AppendUTF8(make([]byte, 0, 2*len(s.b))))
}

// AppendUTF8 appends s to dst in UTF-8, as String gives it, and returns
// the extended slice. A narrow string's ASCII part is copied as it is.
func (s *String) AppendUTF8(dst []byte) []byte {
	if s.w != nil {
		for _, c := range *s.w {
			dst = utf8.AppendRune(dst, c)
		}
		return dst
	}
	dst, n := appendASCII(dst, s.b)
	for _, c := range s.b[n:] {
		if c < utf8.RuneSelf {
			dst = append(dst, c)
		} else {
			dst = append(dst, 0xC0|c>>6, 0x80|c&0x3F)
		}
	}
	return dst
}

// Equal reports whether s and t hold the same characters.
func (s *String) Equal(t *String) bool {
	if s.w == nil && t.w == nil {
		return bytes.Equal(s.b, t.b)
	}
	return s.Len() == t.Len() && s.Compare(t) == 0
}

// Compare compares s and t character by character, by code point, as
// string<? does: -1 if s comes first, 0 if they are equal, +1 if t does.
func (s *String) Compare(t *String) int {
	switch {
	case s.w == nil && t.w == nil:
		return bytes.Compare(s.b, t.b)
	case s.w != nil && t.w != nil:
		return slices.Compare(*s.w, *t.w)
	}
	n := min(s.Len(), t.Len())
	for i := range n {
		if a, b := s.Ref(i), t.Ref(i); a != b {
			if a < b {
				return -1
			}
			return +1
		}
	}
	return cmp.Compare(s.Len(), t.Len())
}

// StringBuilder makes a string from the strings appended to it, narrow
// unless one of them holds a wide character. The zero value is an empty
// builder.
type StringBuilder struct {
	s String
}

// Grow makes room for n more characters.
func (sb *StringBuilder) Grow(n int) {
	if sb.s.w != nil {
		*sb.s.w = slices.Grow(*sb.s.w, n)
	} else {
		sb.s.b = slices.Grow(sb.s.b, n)
	}
}

// Append appends the characters of t.
func (sb *StringBuilder) Append(t *String) {
	switch {
	case t.w == nil && sb.s.w == nil:
		sb.s.b = append(sb.s.b, t.b...)
	case t.w == nil:
		for _, c := range t.b {
			*sb.s.w = append(*sb.s.w, rune(c))
		}
	case sb.s.w == nil && allNarrow(*t.w):
		for _, c := range *t.w {
			sb.s.b = append(sb.s.b, byte(c))
		}
	default:
		if sb.s.w == nil {
			// Keep the capacity that Grow asked for.
			w := latin1Runes(sb.s.b, cap(sb.s.b))
			sb.s.w, sb.s.b = &w, nil
		}
		*sb.s.w = append(*sb.s.w, *t.w...)
	}
}

// Build returns the string made, which the builder no longer holds: it is
// empty again.
func (sb *StringBuilder) Build() *String {
	s := sb.s
	sb.s = String{}
	return &s
}
