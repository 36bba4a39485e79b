package runtime

import (
	"net"
	"strconv"
	"sync"
)

// Node names a termite node: the host and port it listens on. Nodes are
// interned: two nodes with the same host and port are the same pointer,
// so eq? compares them.
type Node struct {
	Host string
	Port int
	name string // host:port, as peers know it
}

var nodetab = struct {
	sync.Mutex
	m map[string]*Node
}{m: make(map[string]*Node)}

// MakeNode returns the node listening on host and port.
func MakeNode(host string, port int) *Node {
	name := net.JoinHostPort(host, strconv.Itoa(port))
	nodetab.Lock()
	defer nodetab.Unlock()
	n, ok := nodetab.m[name]
	if !ok {
		n = &Node{Host: host, Port: port, name: name}
		nodetab.m[name] = n
	}
	return n
}

// NodeNamed returns the node whose name is host:port, and false when name
// is not of that form.
func NodeNamed(name string) (*Node, bool) {
	host, port, err := net.SplitHostPort(name)
	if err != nil {
		return nil, false
	}
	p, err := strconv.Atoi(port)
	if err != nil || p < 0 || p > 65535 {
		return nil, false
	}
	return MakeNode(host, p), true
}

// Name returns host:port.
func (n *Node) Name() string { return n.name }

// OpaqueString prints the node.
func (n *Node) OpaqueString() string { return "#<node " + n.name + ">" }
