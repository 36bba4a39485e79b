// Package reader owns the translation of source text to datums: the whole
// R7RS lexical syntax (comments of the three kinds, #!fold-case, strings,
// characters, numbers, vectors, bytevectors, |symbols|, the quote
// abbreviations and datum labels), with the start position of every pair
// kept aside for error messages.
//
// # Limits
//
// Lists are read in a loop, so their length is bounded only by memory;
// nesting (of lists, vectors, quotes, datum comments and labels) is
// bounded by a depth limit that gives a syntax error instead of a Go stack
// overflow. No input makes the reader panic.
//
// # Positions
//
// Lines and columns count from 1; columns count runes. The first pair of a
// list is recorded at its opening parenthesis, each later pair at the
// element it holds, and the pairs of 'x at the quote character and at x.
package reader
