// Package stdlib owns the Scheme procedures that are not part of the
// machine: the primitives written in Go (one file per chapter of R7RS, plus
// the Termite ones) and the library written in Scheme (embedded .scm
// files). Install puts them in an interpreter.
package stdlib
