package net

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
)

// Frame types. A frame is a 4-byte big-endian length n, then n bytes: the
// type, then the payload. n = 0 is a heartbeat.
const (
	frameValue    byte = 'v' // a serialized one-way operation (send, link, ...)
	frameRequest  byte = 'q' // 8-byte request id, then a serialized (OP ARG)
	frameReply    byte = 'r' // 8-byte request id, then the serialized answer
	frameRefusal  byte = 'e' // 8-byte request id, then why, as text
	frameFragment byte = 'f' // 4-byte stream id, 1 if last, part of a large frame (outbox.go)
	frameHeadSize      = 4
)

// DefaultMaxFrame is the largest frame a node accepts unless told
// otherwise: a message of a few million list elements.
const DefaultMaxFrame = 256 << 20

// frameError is a peer that broke the framing: its connection is closed.
type frameError struct{ msg string }

func (e *frameError) Error() string { return e.msg }

// readFrame reads one frame; a heartbeat has type 0. A frame longer than
// max is refused before any of it is read. A fragment is read into
// parts, straight into the frame it is part of: readFrame returns the
// type and payload of that frame if the fragment completes it, else type
// frameFragment and no payload. A payload is a buffer of its own, which
// nothing else holds.
func readFrame(r *bufio.Reader, max int, parts *assembler) (typ byte, payload []byte, err error) {
	var head [frameHeadSize]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(head[:])
	if n == 0 {
		return 0, nil, nil
	}
	if uint64(n) > uint64(max) {
		return 0, nil, &frameError{fmt.Sprintf("frame of %d bytes, more than the %d allowed", n, max)}
	}
	if typ, err = r.ReadByte(); err != nil {
		return 0, nil, err
	}
	switch typ {
	case frameValue, frameRequest, frameReply, frameRefusal:
	case frameFragment:
		if n < 6 {
			return 0, nil, &frameError{"fragment too short"}
		}
		typ, payload, done, err := parts.read(r, int(n)-1)
		if err != nil || !done {
			return frameFragment, nil, err
		}
		return typ, payload, nil
	default:
		return 0, nil, &frameError{fmt.Sprintf("unknown frame type %d", typ)}
	}
	if typ != frameValue && n < 9 {
		return 0, nil, &frameError{"frame too short for its request id"}
	}
	payload = make([]byte, n-1)
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, nil, err
	}
	return typ, payload, nil
}

// frameStart begins a frame of type typ: room for its length, the type,
// then id for requests and replies, with room for size more bytes. The
// payload is appended to it, often by serialize.AppendEncode, so that it
// is written in place rather than copied behind the head; frameEnd then
// writes the length.
func frameStart(typ byte, id uint64, withID bool, size int) []byte {
	b := make([]byte, frameHeadSize, frameHeadSize+1+8+size)
	b = append(b, typ)
	if withID {
		b = binary.BigEndian.AppendUint64(b, id)
	}
	return b
}

// frameEnd completes b, a frame that frameStart began, by writing its
// length.
func frameEnd(b []byte) []byte {
	binary.BigEndian.PutUint32(b, uint32(len(b)-frameHeadSize))
	return b
}

// makeFrame returns a whole frame of type typ: id (for requests and
// replies) then payload.
func makeFrame(typ byte, id uint64, withID bool, payload []byte) []byte {
	return frameEnd(append(frameStart(typ, id, withID, len(payload)), payload...))
}

// heartbeat is the empty frame.
var heartbeat = []byte{0, 0, 0, 0}
