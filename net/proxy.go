package net

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	rt "termite/runtime"
	"termite/serialize"
)

// Ports cannot travel: a port that goes to another node in a message
// becomes there a stand-in for the port on its home node. What is written
// to an output stand-in goes home, in order; a read of an input stand-in
// asks the home node for the bytes (the reading process waits, parked, as
// for a console read).

// portTable holds, on the interpreter's goroutine, the ports of this node
// that went to other nodes (by number; held for the life of the node, as
// the peers may write to them at any time) and the stand-ins made here for
// the ports of other nodes (so that a port that comes back twice is the
// same stand-in), with their descriptions (so that a stand-in that goes
// on is described as the port it stands for, not wrapped in another).
type portTable struct {
	ids      map[*rt.Port]uint64
	ports    map[uint64]*rt.Port
	standIns map[string]*rt.Port
	descs    map[*rt.Port]string
}

// proxy describes a port of this node for a peer: NODE ID HOW, where HOW
// is o (output) or i (input), then t (textual) or b (binary).
func (n *Node) proxy(v rt.Value) ([]byte, bool) {
	p, ok := v.(*rt.Port)
	if !ok || p.IsOutput() == p.IsInput() {
		return nil, false
	}
	t := &n.portTab
	if desc, ok := t.descs[p]; ok {
		return []byte(desc), true
	}
	id, ok := t.ids[p]
	if !ok {
		if t.ids == nil {
			t.ids, t.ports = make(map[*rt.Port]uint64), make(map[uint64]*rt.Port)
		}
		id = uint64(len(t.ids) + 1)
		t.ids[p], t.ports[id] = id, p
	}
	how := "o"
	if p.IsInput() {
		how = "i"
	}
	if p.IsTextual() {
		how += "t"
	} else {
		how += "b"
	}
	return []byte(n.Name() + " " + strconv.FormatUint(id, 10) + " " + how), true
}

// standIn makes the stand-in of a port that proxy described, or finds the
// port itself when it is one of this node's.
func (n *Node) standIn(desc []byte) (rt.Value, error) {
	f := bytes.Fields(desc)
	if len(f) != 3 {
		return nil, fmt.Errorf("bad port description %q", desc)
	}
	home := string(f[0])
	id, err := strconv.ParseUint(string(f[1]), 10, 64)
	if err != nil {
		return nil, fmt.Errorf("bad port description %q", desc)
	}
	t := &n.portTab
	if home == n.Name() {
		if p, ok := t.ports[id]; ok {
			return p, nil
		}
		return nil, fmt.Errorf("no port %d here", id)
	}
	if p, ok := t.standIns[string(desc)]; ok {
		return p, nil
	}
	if _, ok := rt.NodeNamed(home); !ok {
		return nil, fmt.Errorf("bad port description %q", desc)
	}
	how := string(f[2])
	var p *rt.Port
	switch how {
	case "ot", "ob":
		p = rt.NewOutputPort(&remoteWriter{n: n, home: home, id: id}, "port of "+home, how == "ot")
		p.SetAutoFlush(true) // each write goes at once, so that output keeps its order
	case "it", "ib":
		// A console-like port: its reads park the reading process.
		p = rt.NewInputPort(&remoteReader{n: n, home: home, id: id}, "port of "+home, how == "it")
	default:
		return nil, fmt.Errorf("bad port description %q", desc)
	}
	if t.standIns == nil {
		t.standIns, t.descs = make(map[string]*rt.Port), make(map[*rt.Port]string)
	}
	t.standIns[string(desc)], t.descs[p] = p, string(desc)
	return p, nil
}

// remoteWriter sends what is written to a stand-in to its home node. It
// is called on the interpreter's goroutine, as Scheme code writes.
type remoteWriter struct {
	n    *Node
	home string
	id   uint64
}

func (w *remoteWriter) Write(b []byte) (int, error) {
	w.n.oneWay(w.home, rt.List(symPortWrite, rt.MakeFixnum(int64(w.id)), &rt.Bytevector{B: append([]byte(nil), b...)}), outFrame{sender: w.n.in.Self()})
	return len(b), nil
}

// portWrite writes what a stand-in of another node sent to port id.
func (n *Node) portWrite(from string, id rt.Value, data rt.Value) {
	i, ok1 := id.(rt.Fixnum)
	b, ok2 := data.(*rt.Bytevector)
	var p *rt.Port
	if ok1 {
		p = n.portTab.ports[uint64(i.Int())]
	}
	if !ok1 || !ok2 || p == nil {
		n.logf("bad port write from %s dropped", from)
		return
	}
	if _, err := p.Write(b.B); err != nil {
		n.logf("writing for %s to %s: %v", from, p.Name(), err)
	}
}

// remoteReader reads what a stand-in's port on its home node gives. It
// runs on the goroutine of a parked read, and hands the request and the
// decoding of the answer to the interpreter's goroutine.
type remoteReader struct {
	n    *Node
	home string
	id   uint64
}

func (r *remoteReader) Read(b []byte) (int, error) {
	n := r.n
	answer := onInterp(n, func() chan reply {
		req, err := n.request(r.home, symPortRead, rt.List(rt.MakeFixnum(int64(r.id)), rt.MakeFixnum(int64(len(b)))), nil)
		if err != nil {
			failed := make(chan reply, 1)
			failed <- reply{err: err}
			return failed
		}
		return req.reply
	})
	a := <-answer
	if a.err != nil {
		return 0, a.err
	}
	// a.data is the answer's frame, which only this reply holds: the
	// bytes read may stay in it (Owned), as they are copied into b next.
	v := onInterp(n, func() rt.Value {
		v, _ := n.ctx.Decode(a.data, &serialize.DecodeOptions{Owned: true})
		return v
	})
	if bv, ok := v.(*rt.Bytevector); ok {
		return copy(b, bv.B), nil
	}
	if v == rt.EOF {
		return 0, io.EOF
	}
	return 0, fmt.Errorf("bad answer from %s to a read", r.home)
}

// onInterp runs f on the interpreter's goroutine and returns its result,
// for a goroutine of the node's own.
func onInterp[T any](n *Node, f func() T) T {
	c := make(chan T, 1)
	n.in.Post(func() { c <- f() })
	return <-c
}

// portRead is the work of reading for a stand-in of another node: (ID
// COUNT) names the port and how many bytes at most.
func (n *Node) portRead(arg rt.Value) (later, bool) {
	args, ok := listOf(arg, 2)
	if !ok {
		return nil, false
	}
	id, ok1 := args[0].(rt.Fixnum)
	count, ok2 := args[1].(rt.Fixnum)
	if !ok1 || !ok2 || count.Int() <= 0 || count.Int() > fragmentSize {
		return nil, false
	}
	p := n.portTab.ports[uint64(id.Int())]
	if p == nil || !p.IsInput() {
		return nil, false
	}
	read := p.ParkRead(func() (rt.Value, error) {
		buf := make([]byte, count.Int())
		k, err := p.Read(buf)
		switch {
		case k > 0 || err == nil:
			return &rt.Bytevector{B: buf[:k]}, nil
		case err == io.EOF:
			return rt.EOF, nil
		}
		return nil, err
	})
	return later(read), true
}

var symPortWrite = rt.Intern("port-write")
