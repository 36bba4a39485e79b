package net

import (
	_ "embed"
	"time"

	rt "termite/runtime"
	"termite/serialize"
)

// schemeSource is the part of the node procedures written in Scheme.
//
//go:embed net.scm
var schemeSource []byte

// primitives are the Scheme procedures of nodes written in Go.
func (n *Node) primitives() []*rt.Primitive {
	prim := func(name string, min, max int, fn func(a []rt.Value) (rt.Value, error)) *rt.Primitive {
		return &rt.Primitive{Name: name, Min: min, Max: max, Fn: fn}
	}
	nodeArg := func(who string, v rt.Value) (*rt.Node, error) {
		node, ok := v.(*rt.Node)
		if !ok {
			return nil, rt.TypeError(who, "node", v)
		}
		return node, nil
	}
	return []*rt.Primitive{
		prim("make-node", 2, 2, func(a []rt.Value) (rt.Value, error) {
			host, ok := a[0].(*rt.String)
			if !ok {
				return nil, rt.TypeError("make-node", "string", a[0])
			}
			port, ok := a[1].(rt.Fixnum)
			if !ok || port.Int() < 0 || port.Int() > 65535 {
				return nil, rt.TypeError("make-node", "port number (0 to 65535)", a[1])
			}
			return rt.MakeNode(host.String(), int(port.Int())), nil
		}),
		prim("node?", 1, 1, func(a []rt.Value) (rt.Value, error) {
			_, ok := a[0].(*rt.Node)
			return rt.MakeBool(ok), nil
		}),
		prim("node-host", 1, 1, func(a []rt.Value) (rt.Value, error) {
			node, err := nodeArg("node-host", a[0])
			if err != nil {
				return nil, err
			}
			return rt.NewString(node.Host), nil
		}),
		prim("node-port", 1, 1, func(a []rt.Value) (rt.Value, error) {
			node, err := nodeArg("node-port", a[0])
			if err != nil {
				return nil, err
			}
			return rt.MakeFixnum(int64(node.Port)), nil
		}),
		// A program that asks which node it is becomes one, on the
		// loopback interface, so that (current-node) can be sent to others
		// and migrated back to (as the paper's examples do).
		prim("current-node", 0, 0, func(a []rt.Value) (rt.Value, error) {
			if err := n.ensure(); err != nil {
				return nil, rt.NewError("current-node: cannot become a node: " + err.Error())
			}
			return n.self, nil
		}),
		prim("node-init", 1, 1, func(a []rt.Value) (rt.Value, error) {
			node, err := nodeArg("node-init", a[0])
			if err != nil {
				return nil, err
			}
			self, err := n.Listen(node.Host, node.Port)
			if err != nil {
				return nil, rt.NewError("node-init: "+err.Error(), node)
			}
			return self, nil
		}),
		prim("pid-node", 1, 1, func(a []rt.Value) (rt.Value, error) {
			pid, ok := a[0].(*rt.Pid)
			if !ok {
				return nil, rt.TypeError("pid-node", "pid", a[0])
			}
			route := n.in.Route(pid)
			if route == "" {
				if err := n.ensure(); err != nil {
					return nil, rt.NewError("pid-node: cannot become a node: " + err.Error())
				}
				return n.self, nil
			}
			node, ok := rt.NodeNamed(route)
			if !ok {
				return rt.False, nil // a pid written before its node had a name
			}
			return node, nil
		}),
		// (%node-call NODE WHO OP ARG TIMEOUT) asks NODE to do OP and
		// returns the serialized answer.
		prim("%node-call", 5, 5, func(a []rt.Value) (rt.Value, error) {
			who := rt.WriteString(a[1])
			node, err := nodeArg(who, a[0])
			if err != nil {
				return nil, err
			}
			op, ok := a[2].(*rt.Symbol)
			if !ok {
				return nil, rt.TypeError("%node-call", "symbol", a[2])
			}
			var timeout time.Duration
			if rt.IsTrue(a[4]) {
				secs, ok := rt.RealToFloat(a[4])
				if !ok || secs != secs || secs < 0 {
					return nil, rt.TypeError(who, "timeout in seconds", a[4])
				}
				timeout = max(time.Duration(secs*float64(time.Second)), 1)
			}
			return n.call(who, node, op, a[3], timeout, nil)
		}),
		// (%node-decode BYTEVECTOR) is the value an answer of %node-call
		// holds.
		prim("%node-decode", 1, 1, func(a []rt.Value) (rt.Value, error) {
			bv, ok := a[0].(*rt.Bytevector)
			if !ok {
				return nil, rt.TypeError("%node-decode", "bytevector", a[0])
			}
			return n.ctx.Decode(bv.B, &serialize.DecodeOptions{MakeProxy: n.standIn})
		}),
		// (%migrate NODE K) sends the running process, to continue with
		// K, and returns once NODE has it.
		prim("%migrate", 2, 2, func(a []rt.Value) (rt.Value, error) {
			node, err := nodeArg("migrate", a[0])
			if err != nil {
				return nil, err
			}
			if node.Name() == n.Name() {
				return rt.Unspecified, nil
			}
			e, err := n.in.Emigrant()
			if err != nil {
				return nil, err
			}
			// It keeps the ports it had: they become stand-ins there for
			// the ports here.
			k := n.in.CarryParams(a[1], n.portParams...)
			// Once the node has the process, it ends here, before
			// anything else that node sends is handled.
			n.leaving[e.Pid] = nil
			moved := func() {
				n.departed(e, node.Name())
				n.left(e.Pid)
			}
			_, err = n.call("migrate", node, symAdopt, emigrant(e, k), 0, moved)
			if b, ok := err.(*rt.Blocking); ok {
				do := b.Do
				b.Do = func() (rt.Value, error) {
					v, err := do()
					if err != nil { // it stays
						n.in.Post(func() { n.left(e.Pid) })
					}
					return v, err
				}
				return nil, b
			}
			n.left(e.Pid)
			return nil, err
		}),
		prim("publish-service", 2, 2, func(a []rt.Value) (rt.Value, error) {
			name, ok := a[0].(*rt.Symbol)
			if !ok {
				return nil, rt.TypeError("publish-service", "symbol", a[0])
			}
			pid, ok := a[1].(*rt.Pid)
			if !ok {
				return nil, rt.TypeError("publish-service", "pid", a[1])
			}
			n.services[name.Name] = pid
			// Services of processes that ended go, now and then,
			// rather than pile up in a node that publishes many.
			if len(n.services) >= 2*n.servicesKept {
				for name := range n.services {
					n.service(name)
				}
				n.servicesKept = len(n.services)
			}
			return rt.Unspecified, nil
		}),
		prim("unpublish-service", 1, 1, func(a []rt.Value) (rt.Value, error) {
			name, ok := a[0].(*rt.Symbol)
			if !ok {
				return nil, rt.TypeError("unpublish-service", "symbol", a[0])
			}
			delete(n.services, name.Name)
			return rt.Unspecified, nil
		}),
		prim("%resolve-local", 1, 1, func(a []rt.Value) (rt.Value, error) {
			name, ok := a[0].(*rt.Symbol)
			if !ok {
				return nil, rt.TypeError("resolve-service", "symbol", a[0])
			}
			if pid := n.service(name.Name); pid != nil {
				return pid, nil
			}
			return rt.False, nil
		}),
		prim("spawn-node", 0, 0, func(a []rt.Value) (rt.Value, error) {
			if err := n.ensure(); err != nil {
				return nil, rt.NewError("spawn-node: cannot become a node: " + err.Error())
			}
			return nil, &rt.Blocking{Do: n.spawnNode}
		}),
	}
}
