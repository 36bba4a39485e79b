// Package runtime owns the object model that every other termite package
// shares: the Value representation, pairs, interned symbols, the numeric
// tower, characters, mutable strings, vectors, bytevectors, records, error
// objects, primitive procedures, source positions and the printer.
//
// # Values
//
// A Value is any of the concrete types of this package (or a procedure or
// other object defined by a package that builds on it). Go nil is never a
// Value: the empty list, the booleans, the end-of-file object and the
// unspecified value are singletons, compared with ==.
//
// Exact integers between MinFixnum() and MaxFixnum() (±2^39 on 64-bit
// Unix) are Fixnum, which an interface holds without allocating (see
// Fixnum); the others are *Bignum. Arithmetic that leaves the range
// promotes to *Bignum, and results back in it demote to Fixnum.
//
// Nothing in this package is safe for concurrent mutation: a Scheme object
// belongs to the node (scheduler thread) that allocated it. Symbol interning
// is the exception and is goroutine-safe.
package runtime
