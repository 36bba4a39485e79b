package net

import (
	"encoding/binary"
	"fmt"
	"io"
	"slices"

	rt "termite/runtime"
)

// A large message must not hold up the small ones queued after it for
// long (as Erlang fragments large messages since OTP 22): a frame larger
// than fragmentSize goes out in fragments, and between two fragments the
// writer sends what else is ready. Order is kept where it is promised:
// between the frames of one sending process (the frames queued by the
// node itself count as one more sender), a frame queued after a large one
// waits for it. A barrier frame waits for every large frame queued before
// it, whatever its sender: it tells the peer that all of them went out
// (see relocate.go).

// fragmentSize is the largest frame sent whole, and the size of a
// fragment.
const fragmentSize = 64 << 10

// outFrame is a frame waiting to go out, with the process that sent it
// (nil for the node itself).
type outFrame struct {
	b       []byte
	sender  *rt.Pid
	barrier bool
	seq     uint64 // order of queuing, given by the outbox
}

// stream is a large frame being sent in fragments, and the frames of the
// same sender queued after it.
type stream struct {
	id     uint32
	seq    uint64
	sender *rt.Pid
	b      []byte // the frame without its length: type, then payload
	off    int
	after  []outFrame
}

// outbox orders the frames of one connection's writer.
type outbox struct {
	ready   [][]byte  // whole frames to write now, in order
	streams []*stream // large frames in progress, sent round robin
	// held are barriers waiting for streams, each followed by the frames
	// of its sender queued after it.
	held    []outFrame
	nextID  uint32
	lastSeq uint64
}

// add queues f behind the large frame of its sender, if one is in
// progress, or behind a barrier that waits; else it is ready at once, or
// starts a stream if large.
func (o *outbox) add(f outFrame) {
	if f.seq == 0 {
		o.lastSeq++
		f.seq = o.lastSeq
	}
	for _, h := range o.held {
		if h.sender == f.sender {
			o.held = append(o.held, f)
			return
		}
	}
	// Behind its sender's large frame first, barrier or not: held, it
	// would pass the frames of its sender already waiting there.
	for _, s := range o.streams {
		if s.sender == f.sender {
			s.after = append(s.after, f)
			return
		}
	}
	if f.barrier && o.before(f.seq) {
		o.held = append(o.held, f)
		return
	}
	if len(f.b) <= frameHeadSize+fragmentSize {
		o.ready = append(o.ready, f.b)
		return
	}
	o.nextID++
	o.streams = append(o.streams, &stream{id: o.nextID, seq: f.seq, sender: f.sender, b: f.b[frameHeadSize:]})
}

// before reports whether a large frame queued before seq is still going
// out (the frames queued behind a stream come after it).
func (o *outbox) before(seq uint64) bool {
	for _, s := range o.streams {
		if s.seq < seq {
			return true
		}
	}
	return false
}

// release queues the held frames whose barrier has nothing left to wait
// for, in order, up to the first barrier that still waits.
func (o *outbox) release() {
	held := o.held
	o.held = nil
	for i, f := range held {
		if f.barrier && o.before(f.seq) {
			o.held = append(o.held, held[i:]...)
			return
		}
		f.barrier = false
		o.add(f)
	}
}

// next returns the frames to write now, one after the other: those
// ready, then a fragment of each large frame in progress, as its head and
// then its part of the large frame, which is not copied into a frame of
// its own. busy reports whether fragments remain.
func (o *outbox) next() (frames [][]byte, busy bool) {
	frames, o.ready = o.ready, nil
	streams := o.streams
	o.streams = nil
	var done []*stream
	for _, s := range streams {
		end := min(s.off+fragmentSize, len(s.b))
		last := end == len(s.b)
		frames = append(frames, fragmentHead(s.id, last, end-s.off), s.b[s.off:end])
		s.off = end
		if last {
			done = append(done, s)
		} else {
			o.streams = append(o.streams, s)
		}
	}
	for _, s := range done {
		for _, f := range s.after {
			o.add(f)
		}
	}
	if len(done) > 0 {
		o.release()
	}
	return frames, len(o.streams) > 0 || len(o.ready) > 0
}

// fragmentHead is the head of a frame of type frameFragment: its length,
// type, stream id and whether it is the last fragment, which n bytes of
// the large frame follow.
func fragmentHead(id uint32, last bool, n int) []byte {
	b := make([]byte, frameHeadSize, frameHeadSize+6)
	binary.BigEndian.PutUint32(b, uint32(1+4+1+n))
	b = append(b, frameFragment)
	b = binary.BigEndian.AppendUint32(b, id)
	if last {
		return append(b, 1)
	}
	return append(b, 0)
}

// assembler puts fragments back together on the reading side. The bytes
// it holds in all are bounded by the largest frame allowed.
type assembler struct {
	parts map[uint32][]byte
	held  int
	max   int
}

// read reads from r the rest of a fragment frame, n bytes after its
// type, straight into the frame it is part of, and returns the type and
// payload of that frame when the fragment completes it (done).
func (a *assembler) read(r io.Reader, n int) (typ byte, whole []byte, done bool, err error) {
	var h [5]byte // stream id, last
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, nil, false, err
	}
	id := binary.BigEndian.Uint32(h[:])
	last := h[4] != 0
	size := n - len(h)
	if a.parts == nil {
		a.parts = make(map[uint32][]byte)
	}
	if a.held+size > a.max {
		return 0, nil, false, &frameError{fmt.Sprintf("fragments of more than the %d bytes allowed", a.max)}
	}
	b := slices.Grow(a.parts[id], size) // as append grows it: rarely
	b = b[:len(b)+size]
	if _, err := io.ReadFull(r, b[len(b)-size:]); err != nil {
		return 0, nil, false, err
	}
	a.held += size
	if !last {
		a.parts[id] = b
		return 0, nil, false, nil
	}
	delete(a.parts, id)
	a.held -= len(b)
	switch {
	case len(b) == 0:
		return 0, nil, false, &frameError{"empty fragmented frame"}
	case b[0] != frameValue && b[0] != frameRequest && b[0] != frameReply && b[0] != frameRefusal:
		return 0, nil, false, &frameError{fmt.Sprintf("fragmented frame of type %d", b[0])}
	case b[0] != frameValue && len(b) < 9:
		return 0, nil, false, &frameError{"fragmented frame too short for its request id"}
	}
	return b[0], b[1:], true, nil
}
