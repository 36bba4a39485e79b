package net

import (
	rt "termite/runtime"
)

// Where a process that migrated runs is learned as it is needed. A node
// that passes something on for a process that moved away tells the node
// it came from: (moved PID NODE). So does the node a process leaves, to
// the nodes of its links and monitors, which must hear when its new node
// is lost. And a pid in a message carries where its process runs
// (serialize's DecodeOptions.Located reports it for a pid known here).
//
// A node that hears such news does not send straight to NODE at once:
// what it sent before by the old route may still be on its way there and
// would be overtaken. It sends instead a marker by the old route,
// (relocate PID ORIGIN), as a barrier frame on every connection of the
// route, so that the marker comes after everything sent before it. The
// node where the marker finds the process answers (relocated PID NODE);
// until then what this node sends to the process waits, and then goes to
// NODE in the order it was sent.
//
// A node that adopts a migrating process it sent messages to does the
// same: those messages may still be on their way by the old route, so
// what its processes send the newcomer is held (Interp.Hold) until its own
// marker comes back to it by that route.
//
// A marker that reaches a process while it is leaving waits until the
// move is over (Node.leaving), then goes on to where it went.
//
// When the process ends, the nodes it passed through, which forward to
// it, are told (gone PID) and forget it.

// relocation is the news this node waits to confirm for one process.
type relocation struct {
	via, to string   // the old route, and where the process is said to be
	queue   []queued // what was sent to the process meanwhile
	// hold: the process came here, and this node's messages to it are
	// held until the marker is back.
	hold bool
}

type queued struct {
	op   rt.Value
	lane outFrame
}

// toProcess sends op, which concerns the process of pid, to where that
// process runs, or queues it while the route changes.
func (n *Node) toProcess(pid *rt.Pid, op rt.Value, lane outFrame) {
	if r := n.relocating[pid]; r != nil {
		r.queue = append(r.queue, queued{op, lane})
		return
	}
	route := n.in.Route(pid)
	if route == "" {
		// The process came back while the route changed.
		n.perform("", op)
		return
	}
	n.oneWay(route, op, lane)
}

// tellMoved tells node that the process of pid runs elsewhere, at the
// route this node knows.
func (n *Node) tellMoved(node string, pid *rt.Pid) {
	if at, ok := rt.NodeNamed(n.in.Route(pid)); ok && node != at.Name() {
		n.oneWay(node, rt.List(symMoved, pid, at), outFrame{})
	}
}

// moved acts on news that the process of pid runs on node.
func (n *Node) moved(pid *rt.Pid, node string) {
	route := n.in.Route(pid)
	if route == "" || route == node || node == n.Name() || n.relocating[pid] != nil {
		return
	}
	n.relocating[pid] = &relocation{via: route, to: node}
	n.oneWay(route, rt.List(symRelocate, pid, n.self), outFrame{barrier: true})
}

// relocate passes on toward the process of pid the marker of a node that
// waits for its location, or answers it if the process is here (or ended
// here, or is unknown).
func (n *Node) relocate(pid *rt.Pid, origin *rt.Node, from string) {
	if markers, ok := n.leaving[pid]; ok {
		// Where it goes is known once the move is over.
		n.leaving[pid] = append(markers, marker{origin, from})
		return
	}
	route := n.in.Route(pid)
	// Back to where it came from only if the process went there.
	if route != "" && (route != from || route == origin.Name()) {
		n.toProcess(pid, rt.List(symRelocate, pid, origin), outFrame{barrier: true})
		return
	}
	if origin == n.self {
		n.relocated(pid, n.Name())
		return
	}
	n.oneWay(origin.Name(), rt.List(symRelocated, pid, n.self), outFrame{})
}

// marker is a relocation marker that waits for a process to finish
// leaving.
type marker struct {
	origin *rt.Node
	from   string
}

// left is told that the process of pid is done moving away, or failed to:
// the markers that came meanwhile go on, or are answered.
func (n *Node) left(pid *rt.Pid) {
	markers := n.leaving[pid]
	delete(n.leaving, pid)
	for _, m := range markers {
		n.relocate(pid, m.origin, m.from)
	}
}

// relocated ends the relocation of pid: the process runs on node, where
// what waited now goes.
func (n *Node) relocated(pid *rt.Pid, node string) {
	r := n.relocating[pid]
	if r == nil {
		return
	}
	n.in.Moved(pid, node)
	n.release(pid, r)
}

// release ends relocation r of pid: what waited goes by the route known
// now.
func (n *Node) release(pid *rt.Pid, r *relocation) {
	delete(n.relocating, pid)
	for _, q := range r.queue {
		n.toProcess(pid, q.op, q.lane)
	}
	if r.hold {
		n.in.Release(pid)
	}
}

// adopted is told that the process of pid came here, and was known by the
// route it had before. What this node sent it may still be on the way:
// the process's messages from here wait until a marker sent after them
// comes back.
func (n *Node) adopted(pid *rt.Pid, route string) {
	if route == "" {
		return
	}
	n.in.Hold(pid)
	if r := n.relocating[pid]; r != nil {
		r.hold = true // its marker went after them
		return
	}
	n.relocating[pid] = &relocation{via: route, to: n.Name(), hold: true}
	n.oneWay(route, rt.List(symRelocate, pid, n.self), outFrame{barrier: true})
}

// relocationsLost ends the relocations that went by, or toward, node,
// which is lost: the marker or its answer may never come. What waited goes
// by the route that remains.
func (n *Node) relocationsLost(node string) {
	for pid, r := range n.relocating {
		switch node {
		case r.via:
			n.in.Moved(pid, r.to)
		case r.to:
		default:
			continue
		}
		n.release(pid, r)
	}
}

// Gone implements eval.Network: it tells the nodes that forward to the
// process of pid that it ended.
func (n *Node) Gone(pid *rt.Pid, forwarders []string) {
	for _, node := range forwarders {
		n.oneWay(node, rt.List(symGone, pid), outFrame{})
	}
}

var (
	symMoved     = rt.Intern("moved")
	symRelocate  = rt.Intern("relocate")
	symRelocated = rt.Intern("relocated")
	symGone      = rt.Intern("gone")
)
