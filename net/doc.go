// Package net owns termite's nodes: listening on host:port, dialing
// peers, the authenticated handshake, the framing of what goes between
// two nodes, remote sends, links and monitors, remote spawn, migration,
// and the detection of lost peers. It implements eval.Network and adds the
// Scheme procedures of nodes (make-node, remote-spawn, migrate, ...).
//
// # Threads
//
// Each connection has a reader and a writer goroutine; they move bytes
// only. Every value is encoded and decoded on the interpreter's goroutine
// (serialize.Context is not shared): what a reader receives is handed to
// the interpreter with eval.Interp.Post, and what the interpreter sends is
// queued for the writer without waiting.
//
// # Protocol
//
// After a TCP (or TLS) connection opens, the handshake (handshake.go)
// checks the protocol version and proves on both sides knowledge of the
// shared cookie with HMAC-SHA256 over fresh challenges: the cookie never
// crosses the wire, and no byte of a peer is decoded as a value before it
// has proved itself. Then both sides exchange frames (frame.go): a 4-byte
// length, a type byte, a payload. A silent peer is sent heartbeats; a peer
// silent for longer than the timeout is declared down.
//
// Per connection, code objects go once (codes.go), frames over 64 KiB go
// in fragments that the frames of other processes may pass (outbox.go),
// and ports travel as stand-ins for the port on their home node
// (proxy.go). Migration and remote spawn are requests answered by the
// other node (request.go); links, monitors and messages are one-way.
package net
