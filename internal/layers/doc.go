// Package layers holds the test of termite's import rule: each package
// imports only the packages below it in the layering that ARCHITECTURE.md
// describes (runtime, reader, eval, serialize, then stdlib and net, then
// cmd/termite). The rule is what lets the machine know nothing of CBOR or
// sockets; the test keeps it from eroding one import at a time.
package layers
