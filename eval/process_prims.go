package eval

import (
	"os"
	"strconv"
	"strings"

	rt "termite/runtime"
)

// processPrimitives are the Termite procedures that act on the scheduler:
// the ones the library's recv, ?, ?? and !? are written with, and those
// of Termite's API that need no Scheme (self, make-tag, link, monitor,
// ...).
func processPrimitives(in *Interp) []*rt.Primitive {
	s := in.sched
	self := s.self
	return append([]*rt.Primitive{
		prim("self", 0, 0, func(a []rt.Value) (rt.Value, error) {
			return self().pid, nil
		}),
		prim("pid?", 1, 1, func(a []rt.Value) (rt.Value, error) {
			_, ok := a[0].(*rt.Pid)
			return rt.MakeBool(ok), nil
		}),
		prim("spawn-thunk", 1, 1, func(a []rt.Value) (rt.Value, error) {
			if _, ok := a[0].(rt.Procedure); !ok {
				return nil, rt.TypeError("spawn-thunk", "procedure", a[0])
			}
			return s.spawn(a[0]).pid, nil
		}),
		prim("spawn-link-thunk", 1, 1, func(a []rt.Value) (rt.Value, error) {
			if _, ok := a[0].(rt.Procedure); !ok {
				return nil, rt.TypeError("spawn-link-thunk", "procedure", a[0])
			}
			p := s.spawn(a[0])
			s.link(self(), p.pid)
			return p.pid, nil
		}),
		// Sending never fails and never blocks: a message to a process
		// that has died is dropped ("send and pray").
		prim("!", 2, 2, func(a []rt.Value) (rt.Value, error) {
			pid, err := pidArg("!", a[0])
			if err != nil {
				return nil, err
			}
			in.Deliver(pid, a[1])
			return rt.Unspecified, nil
		}),
		// (%recv-start [MARK]) begins a scan of the mailbox: at its
		// start, or at a mark that %recv-mark returned and that no
		// message taken since has moved.
		prim("%recv-start", 0, 1, func(a []rt.Value) (rt.Value, error) {
			p := self()
			p.cursor, p.last = 0, -1
			if len(a) == 1 {
				mark, ok := a[0].(rt.Fixnum)
				if !ok || mark.Int() < 0 {
					return nil, rt.TypeError("%recv-start", "mailbox mark", a[0])
				}
				p.cursor = int(min(mark.Int(), int64(len(p.mailbox))))
			}
			if obj := p.takePending(); obj != nil {
				return nil, &rt.Raise{Obj: obj}
			}
			return rt.Unspecified, nil
		}),
		// (%recv-mark) is where the messages that come from now on
		// begin: a reply that carries a tag made after the mark cannot be
		// before it, so a scan for it starts there (Erlang's receive
		// mark), and an RPC costs the same however long the mailbox.
		prim("%recv-mark", 0, 0, func(a []rt.Value) (rt.Value, error) {
			return rt.MakeFixnum(int64(len(self().mailbox))), nil
		}),
		prim("%recv-accept", 0, 0, func(a []rt.Value) (rt.Value, error) {
			self().accept()
			return rt.Unspecified, nil
		}),
		prim("%deadline", 1, 1, func(a []rt.Value) (rt.Value, error) {
			if !rt.IsTrue(a[0]) {
				return rt.False, nil
			}
			secs, ok := rt.RealToFloat(a[0])
			if !ok || secs != secs {
				return nil, rt.TypeError("timeout", "real number of seconds", a[0])
			}
			return rt.Flonum(s.now() + secs), nil
		}),
		prim("make-tag", 0, 0, func(a []rt.Value) (rt.Value, error) {
			s.nextTag++
			return &rt.Tag{ID: s.nextTag}, nil
		}),
		prim("tag?", 1, 1, func(a []rt.Value) (rt.Value, error) {
			_, ok := a[0].(*rt.Tag)
			return rt.MakeBool(ok), nil
		}),
		prim("link", 1, 1, func(a []rt.Value) (rt.Value, error) {
			pid, err := pidArg("link", a[0])
			if err != nil {
				return nil, err
			}
			s.link(self(), pid)
			return rt.Unspecified, nil
		}),
		prim("unlink", 1, 1, func(a []rt.Value) (rt.Value, error) {
			pid, err := pidArg("unlink", a[0])
			if err != nil {
				return nil, err
			}
			s.unlink(self(), pid)
			return rt.Unspecified, nil
		}),
		prim("monitor", 1, 1, func(a []rt.Value) (rt.Value, error) {
			pid, err := pidArg("monitor", a[0])
			if err != nil {
				return nil, err
			}
			s.nextTag++
			ref := &rt.Tag{ID: s.nextTag}
			s.monitor(self(), pid, ref)
			return ref, nil
		}),
		prim("local-loadavg", 0, 0, func(a []rt.Value) (rt.Value, error) {
			data, err := os.ReadFile("/proc/loadavg")
			if err != nil {
				return nil, rt.NewError("local-loadavg: " + err.Error())
			}
			f, err := strconv.ParseFloat(strings.Fields(string(data))[0], 64)
			if err != nil {
				return nil, rt.NewError("local-loadavg: cannot parse /proc/loadavg")
			}
			return rt.Flonum(f), nil
		}),
	}, observePrimitives(in)...)
}

func prim(name string, min, max int, fn func(a []rt.Value) (rt.Value, error)) *rt.Primitive {
	return &rt.Primitive{Name: name, Min: min, Max: max, Fn: fn}
}

func pidArg(who string, v rt.Value) (*rt.Pid, error) {
	p, ok := v.(*rt.Pid)
	if !ok {
		return nil, rt.TypeError(who, "pid", v)
	}
	return p, nil
}
