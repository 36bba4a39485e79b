package eval

import (
	"slices"

	rt "termite/runtime"
)

// This file is the protocol between the scheduler and the network layer
// (package net): what the interpreter asks of the network (Network), and
// what the network may do to the interpreter's processes (the methods of
// Interp below). Both sides act on the interpreter's goroutine only: the
// network's goroutines hand their work over with Post.

// Network reaches the processes of other nodes. Its methods are called on
// the interpreter's goroutine, must not block, and never fail: what
// cannot be delivered is dropped, as a message to a dead process is.
type Network interface {
	// Send queues msg for the process to, which does not run here.
	Send(to *rt.Pid, msg rt.Value)
	// Signal queues sig for the process sig.To, which does not run here.
	Signal(sig Signal)
	// Name is this node's name (host:port), or "" while it is not a
	// node: its processes cannot be reached from elsewhere yet.
	Name() string
	// Gone tells the nodes a process passed through, which forward to
	// it, that it ended (see Forget).
	Gone(pid *rt.Pid, forwarders []string)
}

// SignalKind says what a Signal does.
type SignalKind uint8

const (
	// SigLink links From to To.
	SigLink SignalKind = iota
	// SigUnlink removes the link between From and To.
	SigUnlink
	// SigExit tells To that From, linked to it, ended for Reason (the
	// symbol normal for a normal end). With From nil, To raises Reason at
	// its next receive whatever its links.
	SigExit
	// SigMonitor makes From a watcher of To, under reference Ref.
	SigMonitor
	// SigDown tells To, which monitors From under Ref, that From ended
	// for Reason: To receives (down REF FROM REASON) and stops watching.
	SigDown
)

// Signal is what one process does to another across nodes, besides
// sending it a message.
type Signal struct {
	Kind     SignalKind
	From, To *rt.Pid
	Ref      *rt.Tag  // SigMonitor, SigDown
	Reason   rt.Value // SigExit, SigDown
}

// SetNetwork connects the interpreter to other nodes.
func (in *Interp) SetNetwork(n Network) { in.net = n }

// Post runs f on the interpreter's goroutine, between two turns of its
// processes, while an evaluation runs (RunSource, Apply). It may be called
// from any goroutine; it waits while many posts are pending.
func (in *Interp) Post(f func()) { in.posts <- f }

// NodeName returns the name of this interpreter's node, "" if none.
func (in *Interp) NodeName() string {
	if in.net == nil {
		return ""
	}
	return in.net.Name()
}

// Self returns the pid of the running process.
func (in *Interp) Self() *rt.Pid { return in.sched.self().pid }

// Local reports whether the process of pid runs on this node.
func (in *Interp) Local(pid *rt.Pid) bool {
	p, _ := pid.Proc.(*process)
	return p != nil && !p.dead
}

// Route returns the node where the process of pid runs as last known
// here: "" for this node.
func (in *Interp) Route(pid *rt.Pid) string {
	node := pid.Node
	switch {
	case pid.At != "": // it moved, or is moving (see Emigrant)
		node = pid.At
	case in.Local(pid):
		return ""
	}
	if node == in.NodeName() {
		return ""
	}
	return node
}

// Moved records that the process of pid, which does not run here, runs
// on node as far as this node knows.
func (in *Interp) Moved(pid *rt.Pid, node string) {
	if !in.Local(pid) && node != in.NodeName() {
		pid.At = node
	}
}

// Forget drops what this node knows of the process of pid, which passed
// through here and has ended: what comes for it now is dropped.
func (in *Interp) Forget(pid *rt.Pid) {
	if in.Local(pid) {
		return
	}
	delete(in.sched.away, pid)
	pid.At = ""
}

// Deliver gives msg, from a process of this node, to the process of pid:
// here if it runs here (after the hold, see Hold), else on to where it
// went (a process that moved away is forwarded to).
func (in *Interp) Deliver(to *rt.Pid, msg rt.Value) {
	if p, _ := to.Proc.(*process); p != nil && p.holding {
		p.held = append(p.held, msg)
		return
	}
	in.Arrive(to, msg)
}

// Arrive gives msg, which came from another node, to the process of pid,
// here or on to where it went.
func (in *Interp) Arrive(to *rt.Pid, msg rt.Value) {
	s := in.sched
	if p, _ := to.Proc.(*process); p != nil {
		s.send(p, msg)
		return
	}
	if in.net != nil && in.Route(to) != "" {
		in.net.Send(to, msg)
	}
}

// Hold makes the messages that this node's processes send to the process
// of pid, which just came here, wait until Release: those they sent
// before it came are still on their way by the old route, and must come
// first.
func (in *Interp) Hold(pid *rt.Pid) {
	if p, _ := pid.Proc.(*process); p != nil {
		p.holding = true
	}
}

// Release ends Hold: the messages held join the mailbox.
func (in *Interp) Release(pid *rt.Pid) {
	p, _ := pid.Proc.(*process)
	if p == nil || !p.holding {
		return
	}
	held := p.held
	p.holding, p.held = false, nil
	for _, msg := range held {
		in.sched.send(p, msg)
	}
}

// signal acts on sig here if its target runs here, else sends it on.
func (in *Interp) signal(sig Signal) {
	if in.Local(sig.To) {
		in.Receive(sig)
	} else if in.net != nil && in.Route(sig.To) != "" {
		in.net.Signal(sig)
	}
}

// Receive acts on a signal that came for a process of this node. A link
// or monitor of a process that is no longer here is answered as Erlang
// does: the monitor is told noproc, the linker dies of noproc.
func (in *Interp) Receive(sig Signal) {
	s := in.sched
	p, _ := sig.To.Proc.(*process)
	if p == nil || p.dead {
		switch {
		case p == nil && sig.To.At != "" && in.net != nil && in.Route(sig.To) != "":
			in.net.Signal(sig) // it moved on: follow it
		case sig.Kind == SigMonitor:
			reason := rt.Value(symNoproc)
			if p != nil {
				reason = p.reason
			}
			in.down(sig.From, sig.Ref, sig.To, reason)
		case sig.Kind == SigLink:
			in.signal(Signal{Kind: SigExit, From: sig.To, To: sig.From, Reason: symNoproc})
		}
		return
	}
	switch sig.Kind {
	case SigLink:
		s.relations(p).addLink(sig.From)
	case SigUnlink:
		if p.rel != nil {
			p.rel.removeLink(sig.From)
		}
	case SigExit:
		linked := sig.From == nil || p.rel != nil && p.rel.removeLink(sig.From)
		if linked && sig.Reason != symNormal {
			var from *Death
			if sig.From != nil {
				from = &Death{Pid: sig.From, Reason: sig.Reason}
			}
			s.linkedDeath(p, sig.Reason, from)
		}
	case SigMonitor:
		r := s.relations(p)
		r.watchers = append(r.watchers, monitor{sig.Ref, sig.From})
	case SigDown:
		if r := p.rel; r != nil {
			r.watching = slices.DeleteFunc(r.watching, func(w monitor) bool { return w.ref == sig.Ref })
		}
		s.send(p, rt.List(symDown, sig.Ref, sig.From, sig.Reason))
	}
}

// down tells watcher, wherever it runs, that the process of pid, which
// it monitors under ref, ended for reason.
func (in *Interp) down(watcher *rt.Pid, ref *rt.Tag, pid *rt.Pid, reason rt.Value) {
	in.signal(Signal{Kind: SigDown, From: pid, To: watcher, Ref: ref, Reason: reason})
}

// NodeDown makes every process of this node that is linked to, or
// monitors, a process last known on node see that process die of
// (node-down NODE); nodeVal is the node as a Scheme value.
func (in *Interp) NodeDown(node string, nodeVal rt.Value) {
	s := in.sched
	reason := rt.List(symNodeDown, nodeVal)
	for p := range s.related {
		r := p.rel
		if r == nil || p.dead {
			continue
		}
		links := r.links[:0]
		died := false
		for _, l := range r.links {
			if in.Route(l) == node {
				died = true
				continue
			}
			links = append(links, l)
		}
		r.links = links
		watching := r.watching[:0]
		for _, w := range r.watching {
			if in.Route(w.pid) == node {
				s.send(p, rt.List(symDown, w.ref, w.pid, reason))
				continue
			}
			watching = append(watching, w)
		}
		r.watching = watching
		if died {
			s.linkedDeath(p, reason, nil)
		}
	}
}

// SpawnThunk starts a process that calls thunk, linked to link unless it
// is nil, and returns its pid: what a remote spawn does here.
func (in *Interp) SpawnThunk(thunk rt.Value, link *rt.Pid) *rt.Pid {
	p := in.sched.spawn(thunk)
	if link != nil {
		in.sched.link(p, link)
	}
	return p.pid
}

// Emigrant is a process about to move to another node: its continuation
// comes from (migrate NODE); the rest is what Emigrant reads of it.
type Emigrant struct {
	Pid      *rt.Pid
	Mailbox  []rt.Value
	Links    []*rt.Pid
	Watchers []rt.Value // (REF . PID) pairs
	Watching []rt.Value // (REF . PID) pairs
	// Trail are the nodes it passed through, which forward to it.
	Trail []string
}

// Emigrant returns what the running process takes with it when it moves.
// The mailbox is as it is now: Depart forwards what comes later.
func (in *Interp) Emigrant() (*Emigrant, error) {
	s := in.sched
	p := s.self()
	if p == s.main {
		return nil, rt.NewError("migrate: the main process cannot move; spawn a process to move instead")
	}
	e := &Emigrant{Pid: p.pid, Mailbox: append([]rt.Value(nil), p.mailbox...), Trail: p.trail}
	if here := in.NodeName(); !slices.Contains(e.Trail, here) {
		e.Trail = append(slices.Clip(e.Trail), here)
	}
	p.moving = len(p.mailbox)
	if r := p.rel; r != nil {
		e.Links = append(e.Links, r.links...)
		for _, w := range r.watchers {
			e.Watchers = append(e.Watchers, rt.Cons(w.ref, w.pid))
		}
		for _, w := range r.watching {
			e.Watching = append(e.Watching, rt.Cons(w.ref, w.pid))
		}
	}
	return e, nil
}

// Depart ends here, without a death, the process of pid, which waits
// while it moves (see Emigrant): it now runs on node, where everything
// sent to it from now on is forwarded, starting with the messages that
// came since Emigrant. The network calls it as soon as node has the
// process, before anything else that node sent after saying so: the
// process may already be on its way back.
func (in *Interp) Depart(pid *rt.Pid, node string) {
	s := in.sched
	p, _ := pid.Proc.(*process)
	if p == nil || p.dead {
		return
	}
	late := append(p.mailbox[min(p.moving, len(p.mailbox)):], p.held...)
	pending := p.exitPending
	pid.Proc, pid.At = nil, node
	s.away[pid] = struct{}{}
	for _, msg := range late {
		in.net.Send(pid, msg)
	}
	if pending != nil {
		// A linked process died while this one was moving: it raises
		// that death there.
		in.net.Signal(Signal{Kind: SigExit, To: pid, Reason: pending})
	}
	// Its machine waits for the answer of the move, which now finds it
	// dead and so never runs it again.
	p.dead, p.rel, p.mailbox, p.m = true, nil, nil, nil
	delete(s.related, p)
	delete(s.live, p)
	s.forget(p) // names are the node's
}

// Immigrate starts, here, a process that moved from another node: it
// returns from migrate by calling k, and has the pid, mailbox, links and monitors of
// e. A process that already runs here cannot come again.
func (in *Interp) Immigrate(e *Emigrant, k rt.Value) error {
	s := in.sched
	if in.Local(e.Pid) {
		return rt.NewError("migrate: the process already runs here", e.Pid)
	}
	delete(s.away, e.Pid)
	m := newMachine(in)
	m.setup(k, []rt.Value{rt.Unspecified})
	p := &process{m: m, pid: e.Pid, last: -1, deadline: -1, timerAt: -1}
	m.proc = p
	s.live[p] = struct{}{}
	e.Pid.Proc, e.Pid.At = p, ""
	p.mailbox = e.Mailbox
	here := in.NodeName()
	p.trail = slices.DeleteFunc(slices.Clone(e.Trail), func(node string) bool { return node == here })
	if len(e.Links)+len(e.Watchers)+len(e.Watching) > 0 {
		r := s.relations(p)
		r.links = e.Links
		for _, l := range e.Links {
			// A link to a process of this node is now a local one: its
			// side still holds our pid, which is local again.
			if q, _ := l.Proc.(*process); q != nil && !q.dead {
				s.relations(q).addLink(p.pid)
			}
		}
		r.watchers = monitors(e.Watchers)
		r.watching = monitors(e.Watching)
	}
	s.ready(p)
	return nil
}

func monitors(pairs []rt.Value) []monitor {
	var ms []monitor
	for _, v := range pairs {
		pr, ok := v.(*rt.Pair)
		if !ok {
			continue
		}
		ref, ok1 := pr.Car.(*rt.Tag)
		pid, ok2 := pr.Cdr.(*rt.Pid)
		if ok1 && ok2 {
			ms = append(ms, monitor{ref, pid})
		}
	}
	return ms
}

// CarryParams returns a copy of continuation k that binds each parameter
// of ps, outside its own bindings, to the value it has in the running
// process, unless k binds it already: the values then travel with k (a
// migrating process keeps writing to the output ports it had).
func (in *Interp) CarryParams(k rt.Value, ps ...rt.Value) rt.Value {
	c, ok := k.(*Continuation)
	if !ok || c.dyn == nil {
		return k
	}
	m := in.sched.self().m
	var outer []rt.Value
	for _, v := range ps {
		p, ok := v.(*Parameter)
		if !ok || paramBinding(c.dyn.params, p) != nil {
			continue
		}
		outer = append(outer, rt.Cons(p, m.paramValue(p)))
	}
	if len(outer) == 0 {
		return k
	}
	params := rt.List(outer...)
	// The bindings of k come first: copy them in front of the new ones.
	var own []rt.Value
	for l, ok := c.dyn.params.(*rt.Pair); ok; l, ok = l.Cdr.(*rt.Pair) {
		own = append(own, l.Car)
	}
	for i := len(own) - 1; i >= 0; i-- {
		params = rt.Cons(own[i], params)
	}
	copied := *c
	copied.dyn = &dynState{winders: c.dyn.winders, handlers: c.dyn.handlers, params: params}
	return &copied
}
