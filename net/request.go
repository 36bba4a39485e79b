package net

import (
	"encoding/binary"
	"fmt"
	"slices"
	"time"

	"termite/eval"
	rt "termite/runtime"
	"termite/serialize"
)

// A request asks another node to act (spawn, adopt a migrating process,
// resolve a service, answer a ping) and waits for its answer: the answer's
// bytes, decoded later on the interpreter's goroutine, or why not.
type request struct {
	id    uint64
	node  string
	reply chan reply
	// then, if set, runs on the interpreter's goroutine when the answer
	// comes, before anything that came after it from the same node.
	then func()
}

type reply struct {
	data []byte
	err  error
}

// call sends (OP ARG) to node as a request and returns, for the calling
// primitive, a Blocking whose work waits for the answer: its value is the
// serialized answer, as a bytevector. who names the operation in errors.
// timeout <= 0 waits as long as the node is up.
func (n *Node) call(who string, node *rt.Node, op *rt.Symbol, arg rt.Value, timeout time.Duration, then func()) (rt.Value, error) {
	if err := n.ensure(); err != nil {
		return nil, rt.NewError(who+": cannot become a node: "+err.Error(), node)
	}
	if node.Name() == n.Name() {
		return nil, rt.NewError(who+": the node is this one", node)
	}
	r, err := n.request(node.Name(), op, arg, then)
	if err != nil {
		return nil, err
	}
	return nil, &rt.Blocking{Do: func() (rt.Value, error) {
		var expired <-chan time.Time
		if timeout > 0 {
			t := time.NewTimer(timeout)
			defer t.Stop()
			expired = t.C
		}
		select {
		case a := <-r.reply:
			if a.err != nil {
				return nil, rt.NewError(fmt.Sprintf("%s: %v", who, a.err), node)
			}
			return &rt.Bytevector{B: a.data}, nil
		case <-expired:
			n.forget(r.id)
			return nil, &rt.Raise{Obj: rt.Intern("timeout")}
		}
	}}
}

// request sends (OP ARG) to node as a request, on the interpreter's
// goroutine; its answer comes to the request's reply channel.
func (n *Node) request(node string, op *rt.Symbol, arg rt.Value, then func()) (*request, error) {
	r := &request{node: node, reply: make(chan reply, 1), then: then}
	n.reqMu.Lock()
	n.nextReq++
	id := n.nextReq
	r.id = id
	n.reqs[id] = r
	n.reqMu.Unlock()
	if err := n.send(n.peer(node), frameRequest, id, rt.List(op, arg), outFrame{sender: n.in.Self()}); err != nil {
		n.forget(id)
		return nil, err
	}
	return r, nil
}

func (n *Node) forget(id uint64) {
	n.reqMu.Lock()
	delete(n.reqs, id)
	n.reqMu.Unlock()
}

// answered completes a request with the reply or refusal that came for
// it. Any goroutine.
func (n *Node) answered(typ byte, payload []byte) {
	id := binary.BigEndian.Uint64(payload)
	n.reqMu.Lock()
	r := n.reqs[id]
	delete(n.reqs, id)
	n.reqMu.Unlock()
	if r == nil {
		return // timed out
	}
	if typ == frameRefusal {
		r.reply <- reply{err: fmt.Errorf("node %s refused: %s", r.node, payload[8:])}
		return
	}
	if r.then == nil {
		r.reply <- reply{data: payload[8:]}
		return
	}
	// then runs before the waiting process can see the answer.
	n.in.Post(func() {
		r.then()
		r.reply <- reply{data: payload[8:]}
	})
}

// failRequests ends the requests waiting for node with err. Any goroutine.
func (n *Node) failRequests(node string, err error) {
	n.reqMu.Lock()
	defer n.reqMu.Unlock()
	for id, r := range n.reqs {
		if r.node == node {
			delete(n.reqs, id)
			r.reply <- reply{err: err}
		}
	}
}

// serveRequest acts on a request of peer p on the interpreter's goroutine
// and sends the answer back.
func (n *Node) serveRequest(p *peer, payload []byte) {
	id := binary.BigEndian.Uint64(payload)
	data := payload[8:]
	n.in.Post(func() {
		v, err := n.act(p, data)
		if f, ok := v.(followed); ok {
			n.answer(p, id, f.v, nil)
			f.then()
			return
		}
		if work, ok := v.(later); ok {
			// It would block this goroutine: it runs on its own, and
			// the answer is sent from here once it is done.
			go func() {
				v, err := work()
				n.in.Post(func() { n.answer(p, id, v, err) })
			}()
			return
		}
		n.answer(p, id, v, err)
	})
}

// service returns the process published as name, or nil; a service
// whose process ended here is forgotten.
func (n *Node) service(name string) *rt.Pid {
	pid := n.services[name]
	if pid != nil && !n.in.Local(pid) && n.in.Route(pid) == "" {
		delete(n.services, name)
		return nil
	}
	return pid
}

// later is an answer that waits for something (a read of a port): act
// returns it to be run off the interpreter's goroutine.
type later func() (rt.Value, error)

// followed is an answer v, with what to do once it is on its way.
type followed struct {
	v    rt.Value
	then func()
}

// answer sends p the answer to its request id: v, or why not.
func (n *Node) answer(p *peer, id uint64, v rt.Value, err error) {
	if err == nil {
		// Answers carry their code in full: they are decoded by
		// %node-decode, which does not know the connection.
		var frame []byte
		if frame, err = n.encodeFrame(frameReply, id, v, &serialize.EncodeOptions{Proxy: n.proxy}); err == nil {
			p.enqueueAt(outFrame{b: frame}, p.generation())
			return
		}
	}
	p.enqueueAt(outFrame{b: makeFrame(frameRefusal, id, true, []byte(errorText(err)))}, p.generation())
}

// act does what a request asks and returns the answer.
func (n *Node) act(p *peer, data []byte) (rt.Value, error) {
	v, err := n.decodeFrom(p, data)
	if err != nil {
		return nil, err
	}
	args, ok := opArgs(v)
	if !ok || len(args) != 2 {
		return nil, fmt.Errorf("bad request %s", rt.WriteString(v))
	}
	arg := args[1]
	switch args[0] {
	case symPing:
		return symPong, nil
	case symSpawn: // (THUNK . LINK-PID-or-#f)
		pr, ok := arg.(*rt.Pair)
		if !ok {
			break
		}
		if _, ok := pr.Car.(rt.Procedure); !ok {
			break
		}
		link, _ := pr.Cdr.(*rt.Pid)
		return n.in.SpawnThunk(pr.Car, link), nil
	case symResolve:
		name, ok := arg.(*rt.Symbol)
		if !ok {
			break
		}
		if pid := n.service(name.Name); pid != nil {
			return pid, nil
		}
		return rt.False, nil
	case symAdopt:
		return n.adopt(arg)
	case symPortRead:
		if work, ok := n.portRead(arg); ok {
			return work, nil
		}
	}
	return nil, fmt.Errorf("bad request %s", rt.WriteString(v))
}

func errorText(err error) string {
	if e, ok := err.(*rt.ErrorObject); ok {
		return e.Error()
	}
	return err.Error()
}

// adopt starts here a process that migrates from another node: arg is
// (PID K MAILBOX LINKS WATCHERS WATCHING TRAIL), as migrate sends it.
func (n *Node) adopt(arg rt.Value) (rt.Value, error) {
	parts, ok := listOf(arg, 7)
	if !ok {
		return nil, fmt.Errorf("bad migration %s", rt.WriteString(arg))
	}
	pid, ok := parts[0].(*rt.Pid)
	if !ok {
		return nil, fmt.Errorf("bad migration: %s is not a pid", rt.WriteString(parts[0]))
	}
	if _, ok := parts[1].(rt.Procedure); !ok {
		return nil, fmt.Errorf("bad migration: no continuation")
	}
	e := &eval.Emigrant{Pid: pid}
	var ok1, ok2, ok3, ok4, ok5 bool
	e.Mailbox, ok1 = listOf(parts[2], -1)
	var links, trail []rt.Value
	links, ok2 = listOf(parts[3], -1)
	e.Watchers, ok3 = listOf(parts[4], -1)
	e.Watching, ok4 = listOf(parts[5], -1)
	trail, ok5 = listOf(parts[6], -1)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
		return nil, fmt.Errorf("bad migration %s", rt.WriteString(arg))
	}
	for _, l := range links {
		if p, ok := l.(*rt.Pid); ok {
			e.Links = append(e.Links, p)
		}
	}
	for _, t := range trail {
		if node, ok := t.(*rt.Node); ok {
			e.Trail = append(e.Trail, node.Name())
		}
	}
	route := n.in.Route(pid)
	if err := n.in.Immigrate(e, parts[1]); err != nil {
		return nil, err
	}
	// The marker goes after the answer, which ends the process on the
	// node it leaves: there, the marker finds it gone and comes back.
	return followed{rt.True, func() { n.adopted(pid, route) }}, nil
}

// emigrant is what migrate sends: the running process, with k.
func emigrant(e *eval.Emigrant, k rt.Value) rt.Value {
	links := make([]rt.Value, len(e.Links))
	for i, l := range e.Links {
		links[i] = l
	}
	var trail []rt.Value
	for _, name := range e.Trail {
		if node, ok := rt.NodeNamed(name); ok {
			trail = append(trail, node)
		}
	}
	return rt.List(e.Pid, k, rt.List(e.Mailbox...), rt.List(links...), rt.List(e.Watchers...), rt.List(e.Watching...), rt.List(trail...))
}

// departed ends here the process of e, which now runs on node, and tells
// the nodes of its links and monitors where it went: they must hear of it
// if that node is lost.
func (n *Node) departed(e *eval.Emigrant, node string) {
	n.in.Depart(e.Pid, node)
	told := map[string]bool{"": true, node: true}
	tell := func(pid *rt.Pid) {
		if at := n.in.Route(pid); !told[at] {
			told[at] = true
			n.tellMoved(at, e.Pid)
		}
	}
	for _, l := range e.Links {
		tell(l)
	}
	for _, pair := range append(slices.Clip(e.Watchers), e.Watching...) {
		if pid, ok := pair.(*rt.Pair).Cdr.(*rt.Pid); ok {
			tell(pid)
		}
	}
}

// listOf returns the elements of a proper list, which must have n of them
// unless n < 0.
func listOf(v rt.Value, n int) ([]rt.Value, bool) {
	out, ok := rt.ListToSlice(v)
	return out, ok && (n < 0 || len(out) == n)
}

var (
	symPing     = rt.Intern("ping")
	symPong     = rt.Intern("pong")
	symSpawn    = rt.Intern("spawn")
	symResolve  = rt.Intern("resolve")
	symAdopt    = rt.Intern("adopt")
	symPortRead = rt.Intern("port-read")
)
