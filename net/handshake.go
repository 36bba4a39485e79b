package net

import (
	"bufio"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ProtocolVersion is the version of the node protocol: the handshake, the
// frames, and what they hold. Nodes of different versions refuse each
// other.
const ProtocolVersion = 1

var magic = [4]byte{'T', 'R', 'M', 'T'}

// hello is what each side says first: who it is.
type hello struct {
	version     uint16
	incarnation uint64 // changes each time a node starts, so a restart is seen
	nonce       [32]byte
	name        string
}

// maxHandshake bounds a handshake record: a name and a few numbers.
const maxHandshake = 1024

func writeRecord(w *bufio.Writer, b []byte) error {
	var head [2]byte
	binary.BigEndian.PutUint16(head[:], uint16(len(b)))
	w.Write(head[:])
	w.Write(b)
	return w.Flush()
}

func readRecord(r *bufio.Reader) ([]byte, error) {
	var head [2]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint16(head[:])
	if n > maxHandshake {
		return nil, errors.New("handshake record too long")
	}
	b := make([]byte, n)
	_, err := io.ReadFull(r, b)
	return b, err
}

func (h *hello) encode(mac []byte) []byte {
	b := append([]byte(nil), magic[:]...)
	b = binary.BigEndian.AppendUint16(b, h.version)
	b = binary.BigEndian.AppendUint64(b, h.incarnation)
	b = append(b, h.nonce[:]...)
	b = binary.BigEndian.AppendUint16(b, uint16(len(h.name)))
	b = append(b, h.name...)
	return append(b, mac...)
}

// decodeHello reads a hello record and the MAC that may follow it.
func decodeHello(b []byte) (h hello, mac []byte, err error) {
	const fixed = 4 + 2 + 8 + 32 + 2
	if len(b) < 4 || [4]byte(b[:4]) != magic {
		return h, nil, errors.New("not a termite node (bad magic)")
	}
	if len(b) < fixed {
		return h, nil, errors.New("handshake too short")
	}
	h.version = binary.BigEndian.Uint16(b[4:])
	if h.version != ProtocolVersion {
		return h, nil, fmt.Errorf("protocol version %d, this node speaks %d", h.version, ProtocolVersion)
	}
	h.incarnation = binary.BigEndian.Uint64(b[6:])
	copy(h.nonce[:], b[14:46])
	n := int(binary.BigEndian.Uint16(b[46:]))
	if len(b) < fixed+n {
		return h, nil, errors.New("handshake too short for its name")
	}
	h.name = string(b[fixed : fixed+n])
	return h, b[fixed+n:], nil
}

// proof is the HMAC that shows knowledge of the cookie: over the other
// side's challenge, and the two names in the order of who proves.
func proof(cookie []byte, role string, nonce [32]byte, prover, verifier string) []byte {
	m := hmac.New(sha256.New, cookie)
	m.Write([]byte(role))
	m.Write(nonce[:])
	for _, s := range []string{prover, verifier} {
		var n [2]byte
		binary.BigEndian.PutUint16(n[:], uint16(len(s)))
		m.Write(n[:])
		m.Write([]byte(s))
	}
	return m.Sum(nil)
}

// errAuth is a peer that does not know the cookie.
var errAuth = errors.New("authentication failed (wrong cookie?)")

// Handshake status, the acceptor's last word.
const (
	statusOK  byte = 0
	statusDup byte = 1 // a connection between the two nodes already exists
)

// dialHandshake runs the dialing side: it returns the acceptor's hello,
// and whether the acceptor keeps the connection (false: it already has
// one with us).
func dialHandshake(r *bufio.Reader, w *bufio.Writer, cookie []byte, me hello, want string) (peer hello, keep bool, err error) {
	if err := writeRecord(w, me.encode(nil)); err != nil {
		return peer, false, err
	}
	b, err := readRecord(r)
	if err != nil {
		return peer, false, err
	}
	peer, mac, err := decodeHello(b)
	if err != nil {
		return peer, false, err
	}
	if !hmac.Equal(mac, proof(cookie, "accept", me.nonce, peer.name, me.name)) {
		return peer, false, errAuth
	}
	if peer.name != want {
		return peer, false, fmt.Errorf("the node there calls itself %s", peer.name)
	}
	if err := writeRecord(w, proof(cookie, "dial", peer.nonce, me.name, peer.name)); err != nil {
		return peer, false, err
	}
	var status [1]byte
	if _, err := io.ReadFull(r, status[:]); err != nil {
		return peer, false, err
	}
	return peer, status[0] == statusOK, nil
}

// acceptHandshake runs the accepting side up to the proof of the dialer;
// decide then says whether to keep the connection, and its answer is sent.
func acceptHandshake(r *bufio.Reader, w *bufio.Writer, cookie []byte, me hello, decide func(peer hello) bool) (peer hello, keep bool, err error) {
	b, err := readRecord(r)
	if err != nil {
		return peer, false, err
	}
	peer, _, err = decodeHello(b)
	if err != nil {
		return peer, false, err
	}
	if err := writeRecord(w, me.encode(proof(cookie, "accept", peer.nonce, me.name, peer.name))); err != nil {
		return peer, false, err
	}
	mac, err := readRecord(r)
	if errors.Is(err, io.EOF) {
		// It refused our proof: it holds another cookie.
		return peer, false, fmt.Errorf("%s hung up instead of proving it knows the cookie: %w", peer.name, errAuth)
	}
	if err != nil {
		return peer, false, err
	}
	if !hmac.Equal(mac, proof(cookie, "dial", me.nonce, peer.name, me.name)) {
		return peer, false, errAuth
	}
	keep = decide(peer)
	status := statusOK
	if !keep {
		status = statusDup
	}
	w.WriteByte(status)
	return peer, keep, w.Flush()
}

func newHello(name string, incarnation uint64) hello {
	h := hello{version: ProtocolVersion, incarnation: incarnation, name: name}
	rand.Read(h.nonce[:])
	return h
}
