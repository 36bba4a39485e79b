package net

import (
	"bytes"
	"fmt"
	"strconv"

	rt "termite/runtime"
)

// Output ports cannot travel: a port that goes to another node in a
// message becomes there a stand-in that sends what is written to it back
// to the port, on its home node, in order. Input ports travel as before:
// the console's is the receiving node's console, others cannot travel.

// portTable holds, on the interpreter's goroutine, the ports of this node
// that went to other nodes (by number; held for the life of the node, as
// the peers may write to them at any time) and the stand-ins made here for
// the ports of other nodes (so that a port that comes back twice is the
// same stand-in).
type portTable struct {
	ids      map[*rt.Port]uint64
	ports    map[uint64]*rt.Port
	standIns map[string]*rt.Port
}

// proxy describes an output port of this node for a peer: NODE ID TEXTUAL.
func (n *Node) proxy(v rt.Value) ([]byte, bool) {
	p, ok := v.(*rt.Port)
	if !ok || !p.IsOutput() || p.IsInput() {
		return nil, false
	}
	t := &n.portTab
	id, ok := t.ids[p]
	if !ok {
		if t.ids == nil {
			t.ids, t.ports = make(map[*rt.Port]uint64), make(map[uint64]*rt.Port)
		}
		id = uint64(len(t.ids) + 1)
		t.ids[p], t.ports[id] = id, p
	}
	textual := "b"
	if p.IsTextual() {
		textual = "t"
	}
	return []byte(n.Name() + " " + strconv.FormatUint(id, 10) + " " + textual), true
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
	p := rt.NewOutputPort(&remoteWriter{n: n, home: home, id: id}, "port of "+home, string(f[2]) == "t")
	p.SetAutoFlush(true) // each write goes at once, so that output keeps its order
	if t.standIns == nil {
		t.standIns = make(map[string]*rt.Port)
	}
	t.standIns[string(desc)] = p
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
	w.n.oneWay(w.home, rt.List(symPortWrite, rt.MakeFixnum(int64(w.id)), &rt.Bytevector{B: append([]byte(nil), b...)}), w.n.in.Self())
	return len(b), nil
}

// portWrite writes what a stand-in of another node sent to port id.
func (n *Node) portWrite(from string, id rt.Value, data rt.Value) {
	i, ok1 := id.(rt.Fixnum)
	b, ok2 := data.(*rt.Bytevector)
	p := n.portTab.ports[uint64(i)]
	if !ok1 || !ok2 || p == nil {
		n.logf("bad port write from %s dropped", from)
		return
	}
	if _, err := p.Write(b.B); err != nil {
		n.logf("writing for %s to %s: %v", from, p.Name(), err)
	}
}

var symPortWrite = rt.Intern("port-write")
