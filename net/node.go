package net

import (
	"crypto/rand"
	"crypto/tls"
	"encoding/binary"
	"fmt"
	"io"
	stdnet "net"
	"sync"
	"sync/atomic"
	"time"

	"termite/eval"
	rt "termite/runtime"
	"termite/serialize"
)

// Options configure a node.
type Options struct {
	// CookieFile is where the cookie is read (see LoadCookie); Cookie, if
	// set, is the cookie itself.
	CookieFile string
	Cookie     []byte
	// TLS, when set, makes the node talk TLS to its peers: it must hold
	// this node's certificate; with RootCAs and ClientCAs set, peers are
	// verified against them.
	TLS *tls.Config
	// Timeout is how long a silent peer is given before it is declared
	// down (default 6 s); heartbeats go out four times as often.
	Timeout time.Duration
	// MaxFrame bounds what a peer may send in one frame (default
	// DefaultMaxFrame).
	MaxFrame int
	// Log receives refusals and lost connections (default: the
	// interpreter's standard error).
	Log io.Writer
	// Announce, if set, is told the node's name once it listens.
	Announce func(name string)
}

// Node is this interpreter's presence on the network. Its exported methods
// and the eval.Network ones run on the interpreter's goroutine, unless
// they say otherwise.
type Node struct {
	in   *eval.Interp
	ctx  *serialize.Context
	opts Options

	cookie      []byte
	incarnation uint64
	name        atomic.Value // string: host:port, once listening
	self        *rt.Node
	ln          stdnet.Listener

	mu    sync.Mutex
	peers map[string]*peer

	reqMu   sync.Mutex
	reqs    map[uint64]*request
	nextReq uint64

	services     map[string]*rt.Pid // published on this node
	servicesKept int                // how many services there were after the last pruning
	// relocating holds the processes whose new location this node waits
	// to confirm (see relocate.go); the interpreter's goroutine only.
	relocating map[*rt.Pid]*relocation
	// leaving holds the processes that are moving away, with the
	// relocation markers that came for them meanwhile.
	leaving map[*rt.Pid][]marker
	portTab portTable
	// portParams are current-input-port, current-output-port and
	// current-error-port, whose values a migrating process takes with it.
	portParams []rt.Value
	children   []*child // worker nodes that spawn-node started
	closed     atomic.Bool
	// sentBytes counts the bytes of the frames queued for peers.
	sentBytes atomic.Int64
}

// Install makes in able to become a node and defines the Scheme
// procedures of nodes; the node listens once (node-init NODE) runs, Listen
// is called, or a process first needs to be reached from elsewhere.
func Install(in *eval.Interp, opts Options) (*Node, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 6 * time.Second
	}
	if opts.MaxFrame <= 0 {
		opts.MaxFrame = DefaultMaxFrame
	}
	if opts.Log == nil {
		opts.Log = in.Options().Stderr
	}
	var inc [8]byte
	rand.Read(inc[:])
	n := &Node{
		in:          in,
		ctx:         serialize.ContextOf(in),
		opts:        opts,
		incarnation: binary.BigEndian.Uint64(inc[:]),
		peers:       make(map[string]*peer),
		reqs:        make(map[uint64]*request),
		services:    make(map[string]*rt.Pid),
		relocating:  make(map[*rt.Pid]*relocation),
		leaving:     make(map[*rt.Pid][]marker),
	}
	n.name.Store("")
	in.SetNetwork(n)
	for _, p := range n.primitives() {
		in.DefinePrimitive(p)
	}
	// The procedures written in Scheme load when first used: a program
	// that never leaves its node does not pay for compiling them.
	in.Autoload(schemeSource, "<net.scm>")
	for _, name := range []string{"current-input-port", "current-output-port", "current-error-port"} {
		if p, ok := in.Lookup(name); ok {
			n.portParams = append(n.portParams, p)
		}
	}
	return n, nil
}

// Name is this node's name, "" until it listens. Safe from any goroutine.
func (n *Node) Name() string { return n.name.Load().(string) }

// Listen makes this interpreter the node at host:port (port 0: a free
// one), and returns the node it is.
func (n *Node) Listen(host string, port int) (*rt.Node, error) {
	if n.self != nil {
		if n.self.Host == host && (port == 0 || n.self.Port == port) {
			return n.self, nil
		}
		return nil, fmt.Errorf("this interpreter is already the node %s", n.self.Name())
	}
	if n.cookie == nil {
		cookie := n.opts.Cookie
		if cookie == nil {
			var err error
			if cookie, err = LoadCookie(n.opts.CookieFile); err != nil {
				return nil, err
			}
		}
		n.cookie = cookie
	}
	ln, err := stdnet.Listen("tcp", stdnet.JoinHostPort(host, fmt.Sprint(port)))
	if err != nil {
		return nil, err
	}
	port = ln.Addr().(*stdnet.TCPAddr).Port
	n.ln = ln
	n.self = rt.MakeNode(host, port)
	n.name.Store(n.self.Name())
	n.ctx.SetNode(n.self.Name())
	if n.opts.Announce != nil {
		n.opts.Announce(n.self.Name())
	}
	go n.accept(ln)
	return n.self, nil
}

// ensure makes this interpreter a node on the loopback interface if it is
// not one yet: its processes need a name that peers can answer.
func (n *Node) ensure() error {
	if n.self != nil {
		return nil
	}
	_, err := n.Listen("127.0.0.1", 0)
	return err
}

// Close stops listening, closes every connection and stops the worker
// nodes this one started. Safe from any goroutine.
func (n *Node) Close() {
	if n.closed.Swap(true) {
		return
	}
	n.stopChildren() // first: they would report the loss of this node
	if n.ln != nil {
		n.ln.Close()
	}
	n.mu.Lock()
	peers := make([]*peer, 0, len(n.peers))
	for _, p := range n.peers {
		peers = append(peers, p)
	}
	n.mu.Unlock()
	for _, p := range peers {
		p.mu.Lock()
		c := p.conn
		p.mu.Unlock()
		if c != nil {
			c.close()
		}
	}
}

func (n *Node) logf(format string, args ...any) {
	if n.closed.Load() {
		return
	}
	fmt.Fprintf(n.opts.Log, "termite: node %s: "+format+"\n", append([]any{n.Name()}, args...)...)
}

// Send implements eval.Network.
func (n *Node) Send(to *rt.Pid, msg rt.Value) {
	n.toProcess(to, rt.List(symSend, to, msg), outFrame{sender: n.in.Self()})
}

// Signal implements eval.Network.
func (n *Node) Signal(sig eval.Signal) {
	var op rt.Value
	switch sig.Kind {
	case eval.SigLink:
		op = rt.List(symLink, sig.From, sig.To)
	case eval.SigUnlink:
		op = rt.List(symUnlink, sig.From, sig.To)
	case eval.SigExit:
		var from rt.Value = rt.False
		if sig.From != nil {
			from = sig.From
		}
		op = rt.List(symExit, from, sig.To, sig.Reason)
	case eval.SigMonitor:
		op = rt.List(symMonitor, sig.From, sig.To, sig.Ref)
	case eval.SigDown:
		op = rt.List(symDown, sig.From, sig.To, sig.Ref, sig.Reason)
	}
	n.toProcess(sig.To, op, outFrame{sender: sig.From})
}

// oneWay sends op to node, never failing: what cannot be encoded is
// logged and dropped, what cannot reach node is lost with the connection.
func (n *Node) oneWay(node string, op rt.Value, lane outFrame) {
	if node == "" {
		return
	}
	if err := n.ensure(); err != nil {
		n.logf("cannot become a node: %v", err)
		return
	}
	if err := n.send(n.peer(node), frameValue, 0, op, lane); err != nil {
		n.logf("message to %s dropped: %v", node, err)
	}
}

// received runs a one-way operation that came from peer.
func (n *Node) received(p *peer, payload []byte) {
	v, err := n.decodeFrom(p, payload)
	if err != nil {
		n.logf("bad message from %s dropped: %v", p.name, err)
		return
	}
	n.perform(p.name, v)
}

// perform runs the one-way operation v that came from node from, or that
// waited here while its process moved (from "").
func (n *Node) perform(from string, v rt.Value) {
	args, ok := opArgs(v)
	if !ok {
		n.logf("bad message from %s dropped: %s", from, rt.WriteString(v))
		return
	}
	pid := func(i int) *rt.Pid {
		if i < len(args) {
			p, _ := args[i].(*rt.Pid)
			return p
		}
		return nil
	}
	node := func(i int) *rt.Node {
		if i < len(args) {
			n, _ := args[i].(*rt.Node)
			return n
		}
		return nil
	}
	// The process an operation is for, if it goes on elsewhere: the
	// sender learns where.
	to := pid(2)
	if args[0] == symSend {
		to = pid(1)
	}
	if to != nil && from != "" && !n.in.Local(to) && n.in.Route(to) != "" {
		if n.bounces(to, from) {
			return
		}
		switch args[0] {
		case symSend, symLink, symUnlink, symExit, symMonitor, symDown:
			n.tellMoved(from, to)
		}
	}
	switch op := args[0]; {
	case op == symSend && len(args) == 3 && pid(1) != nil:
		n.in.Arrive(pid(1), args[2])
	case op == symLink && len(args) == 3 && pid(1) != nil && pid(2) != nil:
		n.in.Receive(eval.Signal{Kind: eval.SigLink, From: pid(1), To: pid(2)})
	case op == symUnlink && len(args) == 3 && pid(1) != nil && pid(2) != nil:
		n.in.Receive(eval.Signal{Kind: eval.SigUnlink, From: pid(1), To: pid(2)})
	case op == symExit && len(args) == 4 && pid(2) != nil:
		n.in.Receive(eval.Signal{Kind: eval.SigExit, From: pid(1), To: pid(2), Reason: args[3]})
	case op == symPortWrite && len(args) == 3:
		n.portWrite(from, args[1], args[2])
	case op == symMonitor && len(args) == 4 && pid(1) != nil && pid(2) != nil:
		ref, ok := args[3].(*rt.Tag)
		if ok {
			n.in.Receive(eval.Signal{Kind: eval.SigMonitor, From: pid(1), To: pid(2), Ref: ref})
		}
	case op == symDown && len(args) == 5 && pid(1) != nil && pid(2) != nil:
		ref, ok := args[3].(*rt.Tag)
		if ok {
			n.in.Receive(eval.Signal{Kind: eval.SigDown, From: pid(1), To: pid(2), Ref: ref, Reason: args[4]})
		}
	case op == symMoved && len(args) == 3 && pid(1) != nil && node(2) != nil:
		n.moved(pid(1), node(2).Name())
	case op == symRelocate && len(args) == 3 && pid(1) != nil && node(2) != nil:
		n.relocate(pid(1), node(2), from)
	case op == symRelocated && len(args) == 3 && pid(1) != nil && node(2) != nil:
		n.relocated(pid(1), node(2).Name())
	case op == symGone && len(args) == 2 && pid(1) != nil:
		n.in.Forget(pid(1))
	default:
		n.logf("bad message from %s dropped: %s", from, rt.WriteString(v))
	}
}

// bounces reports whether what came from node from for the process of
// pid would be sent back there: two nodes that each believe the process
// runs on the other (one of them forgot it moved, or it ended) would pass
// it back and forth forever. It is dropped, as for a dead process.
func (n *Node) bounces(pid *rt.Pid, from string) bool {
	return !n.in.Local(pid) && n.in.Route(pid) == from
}

// opArgs returns the elements of a list that starts with a symbol.
func opArgs(v rt.Value) ([]rt.Value, bool) {
	args, ok := listOf(v, -1)
	if !ok || len(args) == 0 {
		return nil, false
	}
	_, ok = args[0].(*rt.Symbol)
	return args, ok
}

// nodeDown tells the interpreter that the processes of node are lost;
// why ends the requests waiting for it.
func (n *Node) nodeDown(name string, why error) {
	n.failRequests(name, why)
	nodeVal, ok := rt.NodeNamed(name)
	if !ok {
		return
	}
	n.in.Post(func() {
		n.relocationsLost(name)
		n.in.NodeDown(name, nodeVal)
	})
}

var (
	symSend    = rt.Intern("send")
	symLink    = rt.Intern("link")
	symUnlink  = rt.Intern("unlink")
	symExit    = rt.Intern("exit")
	symMonitor = rt.Intern("monitor")
	symDown    = rt.Intern("down")
)
