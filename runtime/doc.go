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
// Small exact integers are Fixnum, boxed without allocation through
// MakeFixnum's cache when they are small; arithmetic that overflows int64
// promotes to *Bignum and results that fit demote back to Fixnum.
//
// Nothing in this package is safe for concurrent mutation: a Scheme object
// belongs to the node (scheduler thread) that allocated it. Symbol interning
// is the exception and is goroutine-safe.
package runtime
