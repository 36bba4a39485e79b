package net

import (
	"termite/eval"
	rt "termite/runtime"
	"termite/serialize"
)

// Code goes to a peer once per connection: a message carries in full only
// the code objects it has not carried before on that connection, and the
// rest by hash; the receiver keeps every code object it got on the
// connection, so that it can resolve those hashes. Both sides forget when
// the connection is lost (the frames in flight are lost with it), and a
// frame encoded before a loss is encoded again, so that it never refers to
// code the new connection has not carried.

// codeTables are a peer's code tables, used on the interpreter's
// goroutine only; gen is the peer's connection generation they belong to.
type codeTables struct {
	gen  uint64
	sent map[[32]byte]bool       // code the peer has from us
	held map[[32]byte]*eval.Code // code we have from the peer
}

// tables returns p's code tables, emptied if the connection they belong
// to is gone, and the generation they belong to.
func (p *peer) tables() (*codeTables, uint64) {
	p.mu.Lock()
	gen := p.gen
	p.mu.Unlock()
	t := &p.codes
	if t.sent == nil || t.gen != gen {
		t.gen = gen
		t.sent = make(map[[32]byte]bool)
		t.held = make(map[[32]byte]*eval.Code)
	}
	return t, gen
}

// send encodes v and queues it for p as a frame of type typ (with the
// request id for requests and replies), carrying only the code p lacks;
// lane says how it queues (see outFrame): its sender, the process it
// comes from (nil: the node itself), and whether it is a barrier.
func (n *Node) send(p *peer, typ byte, id uint64, v rt.Value, lane outFrame) error {
	for {
		t, gen := p.tables()
		var written [][32]byte
		frame, err := n.encodeFrame(typ, id, v, &serialize.EncodeOptions{
			Proxy:       n.proxy,
			PeerHasCode: func(h [32]byte) bool { return t.sent[h] },
			CodeWritten: func(c *eval.Code) { written = append(written, c.Hash()) },
		})
		if err != nil {
			return err
		}
		lane.b = frame
		if p.enqueueAt(lane, gen) {
			n.sentBytes.Add(int64(len(frame)))
			for _, h := range written {
				t.sent[h] = true
			}
			return nil
		}
		// The connection was lost while encoding: again, for the next one.
	}
}

// encodeFrame returns a frame of type typ (with the request id for
// requests and replies) whose payload is v, encoded with opts straight
// after the frame's head: the message is not copied into the frame.
func (n *Node) encodeFrame(typ byte, id uint64, v rt.Value, opts *serialize.EncodeOptions) ([]byte, error) {
	b, err := n.ctx.AppendEncode(frameStart(typ, id, typ != frameValue, 0), v, opts)
	if err != nil {
		return nil, err
	}
	return frameEnd(b), nil
}

// decodeFrom decodes what p sent, resolving the code it sent by hash.
// data is the payload of a frame, which the reading loop read into a
// buffer of its own (or reassembled from fragments into one) and handed
// on: nothing else holds it, so the decoded value may keep it (Owned).
func (n *Node) decodeFrom(p *peer, data []byte) (rt.Value, error) {
	t, _ := p.tables()
	return n.ctx.Decode(data, &serialize.DecodeOptions{
		Owned:       true,
		MakeProxy:   n.standIn,
		ResolveCode: func(h [32]byte) *eval.Code { return t.held[h] },
		CodeRead: func(c *eval.Code) {
			if h := c.Hash(); h != ([32]byte{}) {
				t.held[h] = c
			}
		},
		Located: n.moved,
	})
}
