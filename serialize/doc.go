// Package serialize owns the encoding of every Scheme value to CBOR and
// back: data, closures with their code, continuations, records, tags and
// pids, with shared and cyclic structure kept. It is how a computation
// becomes bytes (serialize, object->u8vector) and how a process will move
// between nodes.
//
// # Format
//
// A message is the CBOR array [version, objects, root]: the heap reachable
// from root written as a numbered table of objects, each a small array
// [kind, fields...] that refers to others by their number (CBOR tag 29
// followed by the number). Sharing and cycles therefore survive, and
// neither encoding nor decoding recurses on the Go stack. Values without
// identity (fixnums, flonums, booleans, '(), the unspecified value,
// bignums, ratnums, interned symbols) are written in place. FORMAT.md
// beside this file gives every kind's layout; Version is its number, and
// Decode refuses any other.
//
// # Code and globals
//
// A closure or continuation carries its code objects, one entry per
// code hash. The globals that code refers to are written by environment
// and name; those of the program (and the standard names it redefined)
// carry their values too, so that an interpreter that never loaded the
// program can run it. On decoding, a global that is unbound here takes the
// value that came with it; a bound one keeps its own: a node's definitions
// are its own, and a message cannot redefine them. The system library's
// procedures, parameters and ports travel by name and come back as the
// receiver's own (eq? to them).
//
// # Hooks for the network layer
//
// EncodeOptions.PeerHasCode writes the code a peer already has by hash
// alone, and EncodeOptions.CodeWritten tells which code a message carried
// in full; DecodeOptions.ResolveCode finds code that came by hash alone.
// EncodeOptions.Proxy and DecodeOptions.MakeProxy turn objects that
// cannot travel (ports, Go handles) into stand-ins. Context.SetNode names
// this interpreter's pids and tags on the wire. Context.AppendEncode
// writes a message after a frame's head, and DecodeOptions.Owned lets a
// large string or bytevector keep its bytes in the frame read, rather
// than a copy: a large text in a message crosses the wire with one copy
// into the frame sent, and none out of the frame read.
//
// # Untrusted input
//
// Decode assumes nothing of its input: every CBOR item is checked to be
// well-formed and within the nesting and length limits (Limits) as it is
// read, every length against the bytes left before anything is allocated
// for it, every reference and kind before use, and code and
// continuations pass eval.CodeChecker before the machine may run them.
// Text must be UTF-8, data may not hold the machine's own objects (a
// variable's box, values on their way, the default object), and a
// message may not name the system environment or a library's, nor bring
// code that assigns their variables: it may define and set the program's
// globals only. A fault is an error object that says what is wrong.
package serialize
