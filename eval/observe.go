package eval

import (
	"cmp"
	"slices"
	"unsafe"

	rt "termite/runtime"
)

// This file is how a program, or a tool such as the REPL, observes and
// controls the processes of its node, as Erlang's processes(),
// process_info/1, exit/2 and register/2 do: the Go methods below, and the
// Scheme procedures made of them (observePrimitives).

// ProcessInfo describes a live process of this node.
type ProcessInfo struct {
	Pid  *rt.Pid
	Name *rt.Symbol // its registered name, or nil
	// Status is running (the process that asks), runnable, waiting (for
	// a message), sleeping, or blocked (in a read or another parked
	// primitive).
	Status      string
	Mailbox     int       // messages waiting in its mailbox
	Links       []*rt.Pid // the processes it is linked to
	Monitors    []*rt.Pid // the processes it monitors
	MonitoredBy []*rt.Pid // the processes that monitor it
	// Where is its innermost frame outside the system library; empty
	// for the running process.
	Where      TraceEntry
	Reductions uint64 // calls made so far
	// Memory is an estimate, in bytes, of what the process holds of its
	// own: its stack, frames and mailbox (not the values they point to,
	// which may be shared).
	Memory int
}

// Processes returns the pids of the live processes of this node, oldest
// first.
func (in *Interp) Processes() []*rt.Pid {
	var pids []*rt.Pid
	for p := range in.sched.live {
		pids = append(pids, p.pid)
	}
	slices.SortFunc(pids, func(a, b *rt.Pid) int {
		return cmp.Or(cmp.Compare(a.Node, b.Node), cmp.Compare(a.ID, b.ID))
	})
	return pids
}

// localProcess returns the live process of pid on this node; nil, with
// an error, for a process of another node; nil, nil for one that ended.
func (in *Interp) localProcess(who string, pid *rt.Pid) (*process, error) {
	if p, _ := pid.Proc.(*process); p != nil && !p.dead {
		return p, nil
	}
	if node := in.Route(pid); node != "" {
		return nil, rt.NewError(who+": the process runs on another node", pid, rt.NewString(node))
	}
	return nil, nil
}

// ProcessInfo describes the process of pid: nil if it has ended or is
// unknown here, an error if it runs on another node (ask there).
func (in *Interp) ProcessInfo(pid *rt.Pid) (*ProcessInfo, error) {
	s := in.sched
	p, err := in.localProcess("process-info", pid)
	if p == nil {
		return nil, err
	}
	info := &ProcessInfo{Pid: pid, Name: p.name, Mailbox: len(p.mailbox), Reductions: p.reductions}
	switch {
	case p == s.current:
		info.Status = "running"
	case p.wait.forMessage():
		info.Status = "waiting"
	case p.wait == waitSleep:
		info.Status = "sleeping"
	case p.wait == waitIO:
		info.Status = "blocked"
	default:
		info.Status = "runnable"
	}
	if r := p.rel; r != nil {
		info.Links = slices.Clone(r.links)
		for _, w := range r.watchers {
			info.MonitoredBy = append(info.MonitoredBy, w.pid)
		}
		for _, w := range r.watching {
			info.Monitors = append(info.Monitors, w.pid)
		}
	}
	// A monitor of a local process is held by the process watched.
	for q := range s.related {
		for _, w := range q.rel.watchers {
			if w.pid == pid {
				info.Monitors = append(info.Monitors, q.pid)
			}
		}
	}
	m := p.m
	if p != s.current {
		// The running machine's registers are saved only on its slow
		// paths: where it is now is not known.
		m.walkFrames(func(t TraceEntry) bool {
			info.Where = t
			return false
		})
	}
	info.Memory = int(unsafe.Sizeof(*p)+unsafe.Sizeof(*m)) +
		cap(m.stack)*int(unsafe.Sizeof(rt.Value(nil))) +
		cap(m.frames)*int(unsafe.Sizeof(frame{})) +
		cap(p.mailbox)*int(unsafe.Sizeof(rt.Value(nil)))
	return info, nil
}

// alist is info as the association list process-info returns.
func (info *ProcessInfo) alist() rt.Value {
	var name, proc, pos rt.Value = rt.False, rt.False, rt.False
	if info.Name != nil {
		name = info.Name
	}
	if info.Where.Proc != "" {
		proc = rt.Intern(info.Where.Proc)
	}
	if info.Where.Pos.IsValid() {
		pos = rt.NewString(info.Where.Pos.String())
	}
	entry := func(key string, v rt.Value) rt.Value { return rt.Cons(rt.Intern(key), v) }
	return rt.List(
		entry("name", name),
		entry("status", rt.Intern(info.Status)),
		entry("mailbox-length", rt.MakeFixnum(int64(info.Mailbox))),
		entry("links", list(info.Links)),
		entry("monitors", list(info.Monitors)),
		entry("monitored-by", list(info.MonitoredBy)),
		entry("procedure", proc),
		entry("position", pos),
		entry("reductions", rt.MakeFixnum(int64(info.Reductions))),
		entry("memory", rt.MakeFixnum(int64(info.Memory))),
	)
}

// Register names the process of pid on this node, as Erlang's register/2:
// the name is taken until unregistered, or until the process ends or
// leaves the node. A name in use, a process that already has a name, and
// a process that is not alive here are errors.
func (in *Interp) Register(name *rt.Symbol, pid *rt.Pid) error {
	s := in.sched
	if q := s.names[name]; q != nil {
		return rt.NewError("register: the name is already registered", name, q.pid)
	}
	p, err := in.localProcess("register", pid)
	switch {
	case err != nil:
		return err
	case p == nil:
		return rt.NewError("register: the process is not alive", pid)
	case p.name != nil:
		return rt.NewError("register: the process is already registered as", p.name)
	}
	p.name = name
	s.names[name] = p
	return nil
}

// Unregister removes a name that Register gave; an unknown name is an
// error.
func (in *Interp) Unregister(name *rt.Symbol) error {
	p := in.sched.names[name]
	if p == nil {
		return rt.NewError("unregister: no process is registered as", name)
	}
	in.sched.forget(p)
	return nil
}

// forget removes p's registered name, if it has one.
func (s *scheduler) forget(p *process) {
	if p.name != nil {
		delete(s.names, p.name)
		p.name = nil
	}
}

// Whereis returns the pid of the process registered as name, or nil.
func (in *Interp) Whereis(name *rt.Symbol) *rt.Pid {
	if p := in.sched.names[name]; p != nil {
		return p.pid
	}
	return nil
}

// Registered returns the registered names, in alphabetical order.
func (in *Interp) Registered() []*rt.Symbol {
	var names []*rt.Symbol
	for name := range in.sched.names {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b *rt.Symbol) int { return cmp.Compare(a.Name, b.Name) })
	return names
}

// killed stops the machine of a process that killed itself: the
// scheduler ends the process for reason, as kill does another one.
type killed struct{ reason rt.Value }

func (k *killed) Error() string { return "killed: " + describe(k.reason) }

// kill ends the process of pid for reason, as Erlang's exit/2 (without
// trapping): its links and monitors see reason. A process that has ended
// is left alone; one of another node is an error.
func (in *Interp) kill(pid *rt.Pid, reason rt.Value) error {
	s := in.sched
	p, err := in.localProcess("kill", pid)
	switch {
	case err != nil:
		return err
	case p == nil:
		return nil
	case p == s.current:
		return &killed{reason}
	}
	s.exit(p, reason, reason != symNormal)
	return nil
}

// list is a Scheme list of xs.
func list[T rt.Value](xs []T) rt.Value {
	vs := make([]rt.Value, len(xs))
	for i, x := range xs {
		vs[i] = x
	}
	return rt.List(vs...)
}

// observePrimitives are the Scheme procedures of this file.
func observePrimitives(in *Interp) []*rt.Primitive {
	// onName declares a procedure whose first argument is a name.
	onName := func(who string, min, max int, body func(name *rt.Symbol, a []rt.Value) (rt.Value, error)) *rt.Primitive {
		return prim(who, min, max, func(a []rt.Value) (rt.Value, error) {
			name, ok := a[0].(*rt.Symbol)
			if !ok {
				return nil, rt.TypeError(who, "symbol", a[0])
			}
			return body(name, a)
		})
	}
	return []*rt.Primitive{
		prim("processes", 0, 0, func(a []rt.Value) (rt.Value, error) {
			return list(in.Processes()), nil
		}),
		prim("process-info", 1, 1, func(a []rt.Value) (rt.Value, error) {
			pid, err := pidArg("process-info", a[0])
			if err != nil {
				return nil, err
			}
			info, err := in.ProcessInfo(pid)
			if info == nil {
				return rt.False, err
			}
			return info.alist(), nil
		}),
		prim("kill", 1, 2, func(a []rt.Value) (rt.Value, error) {
			pid, err := pidArg("kill", a[0])
			if err != nil {
				return nil, err
			}
			reason := rt.Value(symKilled)
			if len(a) == 2 {
				reason = a[1]
			}
			if err := in.kill(pid, reason); err != nil {
				return nil, err
			}
			return rt.Unspecified, nil
		}),
		onName("register", 2, 2, func(name *rt.Symbol, a []rt.Value) (rt.Value, error) {
			pid, err := pidArg("register", a[1])
			if err != nil {
				return nil, err
			}
			return rt.Unspecified, in.Register(name, pid)
		}),
		onName("unregister", 1, 1, func(name *rt.Symbol, a []rt.Value) (rt.Value, error) {
			return rt.Unspecified, in.Unregister(name)
		}),
		onName("whereis", 1, 1, func(name *rt.Symbol, a []rt.Value) (rt.Value, error) {
			if pid := in.Whereis(name); pid != nil {
				return pid, nil
			}
			return rt.False, nil
		}),
		prim("registered", 0, 0, func(a []rt.Value) (rt.Value, error) {
			return list(in.Registered()), nil
		}),
	}
}
