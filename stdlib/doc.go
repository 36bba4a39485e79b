// Package stdlib owns the Scheme procedures that are not part of the
// machine: the primitives written in Go (one file per chapter of R7RS,
// and a few more: the SRFIs', serialization's) and the library written in
// Scheme (embedded .scm files), Termite's process API among it. The
// Termite primitives that act on the scheduler (spawn-thunk, !, the
// receive primitives, link, ...) are part of the machine: they are
// package eval's (process_prims.go). Install puts the rest in an
// interpreter.
package stdlib
