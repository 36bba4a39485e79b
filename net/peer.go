package net

import (
	"bufio"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	stdnet "net"
	"os"
	"sync"
	"time"
)

// peer is another node as this one sees it: at most one connection, and
// the frames waiting to go out on it. Its methods are safe from any
// goroutine.
type peer struct {
	n    *Node
	name string

	mu          sync.Mutex
	conn        *conn         // the connection in use, nil if none
	dialing     bool          // a dial runs
	out         []outFrame    // frames waiting for the writer
	wake        chan struct{} // tells the writer there are frames
	incarnation uint64        // of the peer, on the current connection
	// gen counts the losses of frames queued for the peer (a lost
	// connection, a failed dial): code tables belong to one generation.
	gen uint64

	codes codeTables // the interpreter's goroutine only
}

// peer returns the peer named name, making it on first use.
func (n *Node) peer(name string) *peer {
	n.mu.Lock()
	defer n.mu.Unlock()
	p := n.peers[name]
	if p == nil {
		p = &peer{n: n, name: name, wake: make(chan struct{}, 1)}
		n.peers[name] = p
	}
	return p
}

// enqueueAt queues a frame for the peer, dialing it if there is no
// connection: frames to one peer go out in the order queued. A frame
// encoded for an earlier generation is refused.
func (p *peer) enqueueAt(f outFrame, gen uint64) bool {
	p.mu.Lock()
	if gen != p.gen {
		p.mu.Unlock()
		return false
	}
	p.out = append(p.out, f)
	dial := p.conn == nil && !p.dialing
	if dial {
		p.dialing = true
	}
	p.mu.Unlock()
	if dial {
		go p.dial()
	} else {
		p.signal()
	}
	return true
}

// generation returns the peer's connection generation.
func (p *peer) generation() uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.gen
}

func (p *peer) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// take returns the frames waiting, for the writer of c; nil if c is no
// longer the peer's connection.
func (p *peer) take(c *conn) ([]outFrame, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.conn != c {
		return nil, false
	}
	out := p.out
	p.out = nil
	return out, true
}

// dialTimeout bounds connecting and the handshake.
const dialTimeout = 5 * time.Second

// dial connects to the peer; on failure the frames waiting are dropped
// and the peer counts as down.
func (p *peer) dial() {
	n := p.n
	c, err := p.connect()
	p.mu.Lock()
	p.dialing = false
	if err != nil {
		p.out = nil
		p.gen++
	}
	p.mu.Unlock()
	if err != nil {
		if errors.Is(err, errAuth) {
			n.logf("refused node %s: %v", p.name, err)
		}
		n.nodeDown(p.name, fmt.Errorf("cannot reach node %s: %v", p.name, cause(err)))
		return
	}
	if c != nil {
		c.start()
	}
	// c == nil: the peer keeps the connection it dialed to us at the same
	// time; its writer takes the frames.
	p.signal()
}

// connect dials the peer and runs the handshake; it returns nil, nil if
// the peer already has a connection with this node.
func (p *peer) connect() (*conn, error) {
	n := p.n
	raw, err := stdnet.DialTimeout("tcp", p.name, dialTimeout)
	if err != nil {
		return nil, err
	}
	nc := raw
	if n.opts.TLS != nil {
		cfg := n.opts.TLS.Clone()
		if cfg.RootCAs == nil {
			cfg.InsecureSkipVerify = true // the cookie authenticates
		}
		cfg.ServerName, _, _ = stdnet.SplitHostPort(p.name)
		nc = tls.Client(raw, cfg)
	}
	c := newConn(p, nc)
	nc.SetDeadline(time.Now().Add(dialTimeout))
	peerHello, keep, err := dialHandshake(c.r, c.w, n.cookie, newHello(n.Name(), n.incarnation), p.name)
	if err != nil {
		nc.Close()
		return nil, err
	}
	nc.SetDeadline(time.Time{})
	if !keep {
		nc.Close()
		return nil, nil
	}
	if !p.install(c, peerHello.incarnation) {
		nc.Close()
		return nil, nil
	}
	return c, nil
}

// install makes c the peer's connection, unless it has a live one of the
// same incarnation (a simultaneous dial that lost).
func (p *peer) install(c *conn, incarnation uint64) bool {
	p.mu.Lock()
	old := p.conn
	if old != nil && p.incarnation == incarnation {
		p.mu.Unlock()
		return false
	}
	p.conn, p.incarnation = c, incarnation
	if old != nil {
		p.out = nil // for the node that restarted
		p.gen++
	}
	p.mu.Unlock()
	if old != nil {
		// The peer restarted: what ran there is gone.
		old.close()
		p.n.nodeDown(p.name, fmt.Errorf("node %s restarted", p.name))
	}
	return true
}

// lost forgets c, which failed; the processes of the peer count as dead.
func (p *peer) lost(c *conn, err error) {
	p.mu.Lock()
	if p.conn != c {
		p.mu.Unlock()
		return
	}
	p.conn = nil
	p.out = nil
	p.gen++
	p.mu.Unlock()
	if !p.n.closed.Load() && !errors.Is(err, io.EOF) {
		// A peer that closes the connection has ended, as programs do:
		// only other losses are worth a line.
		p.n.logf("lost node %s: %v", p.name, err)
	}
	p.n.nodeDown(p.name, fmt.Errorf("lost node %s: %v", p.name, err))
}

// accept serves the listener: each connection is handshaken on a
// goroutine of its own, so that a silent one delays nobody.
func (n *Node) accept(ln stdnet.Listener) {
	for {
		raw, err := ln.Accept()
		if err != nil {
			if !n.closed.Load() {
				n.logf("stopped listening: %v", err)
			}
			return
		}
		go n.welcome(raw)
	}
}

// welcome runs the accepting side of the handshake on a new connection.
// Nothing the peer sends is decoded as a value before it proves it knows
// the cookie.
func (n *Node) welcome(raw stdnet.Conn) {
	nc := raw
	if n.opts.TLS != nil {
		nc = tls.Server(raw, n.opts.TLS)
	}
	nc.SetDeadline(time.Now().Add(dialTimeout))
	c := newConn(nil, nc)
	_, keep, err := acceptHandshake(c.r, c.w, n.cookie, newHello(n.Name(), n.incarnation), func(h hello) bool {
		c.p = n.peer(h.name)
		return n.keepIncoming(c.p, c, h)
	})
	if err != nil {
		if !isClosedErr(err) || !n.closed.Load() {
			n.logf("refused connection from %s: %v", raw.RemoteAddr(), err)
		}
		nc.Close()
		return
	}
	nc.SetDeadline(time.Time{})
	if !keep {
		nc.Close()
		return
	}
	c.start()
	c.p.signal()
}

// keepIncoming decides whether an authenticated incoming connection
// becomes the peer's, and installs it if so. Of two nodes dialing each
// other at once, the dial of the one whose name sorts first wins.
func (n *Node) keepIncoming(p *peer, c *conn, h hello) bool {
	p.mu.Lock()
	dialing := p.dialing
	p.mu.Unlock()
	if dialing && n.Name() < h.name {
		return false
	}
	return p.install(c, h.incarnation)
}

// conn is one connection to a peer, after the handshake.
type conn struct {
	p      *peer
	nc     stdnet.Conn
	r      *bufio.Reader
	w      *bufio.Writer
	done   chan struct{}
	once   sync.Once
	failed sync.Once
}

func newConn(p *peer, nc stdnet.Conn) *conn {
	return &conn{p: p, nc: nc, r: bufio.NewReaderSize(nc, 64<<10), w: bufio.NewWriterSize(nc, 64<<10), done: make(chan struct{})}
}

func (c *conn) close() {
	c.once.Do(func() {
		close(c.done)
		c.nc.Close()
	})
}

// start runs the reader and the writer of an installed connection.
func (c *conn) start() {
	go c.readLoop()
	go c.writeLoop()
}

// writeLoop writes the peer's frames as they are queued, and a heartbeat
// when nothing else went out for a while.
func (c *conn) writeLoop() {
	n := c.p.n
	beat := time.NewTicker(n.opts.Timeout / 4)
	defer beat.Stop()
	wrote, busy := false, false
	var box outbox
	for {
		if busy {
			// Fragments remain: go on at once, unless told to stop.
			select {
			case <-c.done:
				return
			default:
			}
		} else {
			select {
			case <-c.done:
				return
			case <-c.p.wake:
			case <-beat.C:
				if !wrote {
					c.w.Write(heartbeat)
				}
				wrote = false
			}
		}
		queued, ok := c.p.take(c)
		if !ok {
			c.p.signal() // the wake-up may have been for the new connection's writer
			return
		}
		for _, f := range queued {
			box.add(f)
		}
		var frames [][]byte
		frames, busy = box.next()
		for _, f := range frames {
			c.w.Write(f)
		}
		wrote = wrote || len(frames) > 0
		c.nc.SetWriteDeadline(time.Now().Add(n.opts.Timeout))
		if err := c.w.Flush(); err != nil {
			c.fail(err)
			return
		}
	}
}

// readLoop reads frames until the connection fails, handing their
// contents to the interpreter.
func (c *conn) readLoop() {
	n := c.p.n
	parts := assembler{max: n.opts.MaxFrame}
	for {
		c.nc.SetReadDeadline(time.Now().Add(n.opts.Timeout))
		typ, payload, err := readFrame(c.r, n.opts.MaxFrame, &parts)
		if err != nil {
			c.fail(err)
			return
		}
		switch typ {
		case 0, frameFragment: // a heartbeat, or a part of a frame still coming
		case frameValue:
			p := c.p
			n.in.Post(func() { n.received(p, payload) })
		case frameRequest:
			n.serveRequest(c.p, payload)
		case frameReply, frameRefusal:
			n.answered(typ, payload)
		}
	}
}

// fail closes the connection after an error and reports the peer lost.
// The first error is the one reported: closing the connection makes the
// other loop fail too, with "use of closed network connection".
func (c *conn) fail(err error) {
	c.failed.Do(func() {
		c.close()
		var fe *frameError
		switch {
		case errors.As(err, &fe):
			c.p.n.logf("dropped the connection of %s: %v", c.p.name, err)
		case errors.Is(err, os.ErrDeadlineExceeded):
			err = fmt.Errorf("silent for %v", c.p.n.opts.Timeout)
		}
		c.p.lost(c, err)
	})
}

func isClosedErr(err error) bool { return errors.Is(err, stdnet.ErrClosed) }

// cause returns what a failed dial says without the Go call that failed
// ("connection refused", not "dial tcp ...: connect: connection refused").
func cause(err error) error {
	var op *stdnet.OpError
	if errors.As(err, &op) {
		err = op.Err
	}
	var sys *os.SyscallError
	if errors.As(err, &sys) {
		err = sys.Err
	}
	return err
}
