package eval

import (
	"container/heap"
	"errors"
	"fmt"
	"time"

	rt "termite/runtime"
)

// scheduler interleaves the processes of a node on one goroutine (the one
// that calls Apply), so Scheme code never runs concurrently with itself.
// Each process runs until it blocks, ends, or spends reductionQuantum
// calls; then the next runnable one runs (round robin).
type scheduler struct {
	in   *Interp
	runq []*process // runq[runqHead:] are the runnable processes, in turn
	// runqHead is where the run queue starts: taking a process moves it
	// on, rather than the slice, so that the array is used again.
	runqHead int
	timers   timerHeap
	current  *process
	main     *process
	epoch    time.Time
	nextID   uint64
	nextTag  uint64

	ioDone    chan *ioResult // parked primitives that finished
	ioPending int            // parked primitives still running

	// live holds every process that has not ended, so that a process
	// waiting for a message stays alive when only other nodes know its pid
	// (pids are held weakly by the serialization tables).
	live map[*process]struct{}
	// related are the processes that have links or monitors: those a
	// lost node may concern.
	related map[*process]struct{}
	// names are the registered names of processes (register).
	names map[*rt.Symbol]*process
	// away holds the pids of processes that moved to other nodes, so that
	// messages that come here for them keep finding where they went.
	away map[*rt.Pid]struct{}
}

func newScheduler(in *Interp) *scheduler {
	s := &scheduler{
		in:      in,
		epoch:   time.Now(),
		ioDone:  make(chan *ioResult, 16),
		live:    make(map[*process]struct{}),
		related: make(map[*process]struct{}),
		away:    make(map[*rt.Pid]struct{}),
		names:   make(map[*rt.Symbol]*process),
	}
	s.main = s.newProcess(in.main)
	return s
}

// now is the scheduler's clock, in seconds.
func (s *scheduler) now() float64 {
	return time.Since(s.epoch).Seconds()
}

func (s *scheduler) newProcess(m *machine) *process {
	s.nextID++
	p := &process{m: m, last: -1, deadline: -1, timerAt: -1}
	p.pidVal = rt.Pid{ID: s.nextID, Proc: p}
	p.pid = &p.pidVal
	m.proc = p
	s.live[p] = struct{}{}
	return p
}

// spawn starts a process that calls thunk; its parameter bindings are
// those of the process that spawns it.
func (s *scheduler) spawn(thunk rt.Value) *process {
	m := newMachine(s.in)
	m.setup(thunk, nil)
	if s.current != nil {
		m.dyn = &dynState{rt.Null, rt.Null, s.current.m.dyn.params}
	}
	p := s.newProcess(m)
	s.ready(p)
	return p
}

// self returns the running process: the main one between turns.
func (s *scheduler) self() *process {
	if s.current != nil {
		return s.current
	}
	return s.main
}

// relations returns p's links and monitors, making them on first use.
func (s *scheduler) relations(p *process) *relations {
	if p.rel == nil {
		p.rel = &relations{}
		s.related[p] = struct{}{}
	}
	return p.rel
}

// link links p to the process of pid, wherever it runs. If that process
// has ended, p sees it die of noproc, as in Erlang: a link made too late
// must not hide the death it was made to report.
func (s *scheduler) link(p *process, pid *rt.Pid) {
	if pid == p.pid {
		return
	}
	if q, _ := pid.Proc.(*process); q != nil {
		if q.dead {
			s.linkedDeath(p, symNoproc, &Death{Pid: pid, Reason: symNoproc})
			return
		}
		s.relations(q).addLink(p.pid)
	} else if s.in.Route(pid) == "" {
		s.linkedDeath(p, symNoproc, &Death{Pid: pid, Reason: symNoproc})
		return
	} else {
		s.in.signal(Signal{Kind: SigLink, From: p.pid, To: pid})
	}
	s.relations(p).addLink(pid)
}

// unlink removes the link between p and the process of pid, if any.
func (s *scheduler) unlink(p *process, pid *rt.Pid) {
	if p.rel != nil {
		p.rel.removeLink(pid)
	}
	if q, _ := pid.Proc.(*process); q != nil {
		if q.rel != nil {
			q.rel.removeLink(p.pid)
		}
	} else {
		s.in.signal(Signal{Kind: SigUnlink, From: p.pid, To: pid})
	}
}

// monitor makes p a watcher of the process of pid under ref.
func (s *scheduler) monitor(p *process, pid *rt.Pid, ref *rt.Tag) {
	switch q, _ := pid.Proc.(*process); {
	case q != nil && q.dead:
		s.in.down(p.pid, ref, pid, q.reason)
	case q != nil:
		r := s.relations(q)
		r.watchers = append(r.watchers, monitor{ref, p.pid})
	case s.in.Route(pid) == "":
		s.in.down(p.pid, ref, pid, symNoproc)
	default:
		r := s.relations(p)
		r.watching = append(r.watching, monitor{ref, pid})
		s.in.signal(Signal{Kind: SigMonitor, From: p.pid, To: pid, Ref: ref})
	}
}

// linkedDeath makes p raise reason, the death of a process linked to it
// (from, if known), at its next receive, or at once if it waits in one.
func (s *scheduler) linkedDeath(p *process, reason rt.Value, from *Death) {
	p.exitPending, p.exitFrom = reason, from
	if p.wait != notWaiting {
		s.ready(p)
	}
}

// next takes the process at the head of the run queue, which is not
// empty.
func (s *scheduler) next() *process {
	p := s.runq[s.runqHead]
	s.runq[s.runqHead] = nil
	s.runqHead++
	switch {
	case s.runqHead == len(s.runq):
		s.runq, s.runqHead = s.runq[:0], 0
	case s.runqHead >= 64 && 2*s.runqHead >= len(s.runq):
		// A queue that never empties: move it down, lest it grow.
		n := copy(s.runq, s.runq[s.runqHead:])
		clear(s.runq[n:])
		s.runq, s.runqHead = s.runq[:n], 0
	}
	return p
}

func (s *scheduler) ready(p *process) {
	if !p.queued && !p.dead {
		p.queued = true
		s.runq = append(s.runq, p)
	}
}

// send puts msg in p's mailbox, waking p if it waits for one.
func (s *scheduler) send(p *process, msg rt.Value) {
	if p.dead {
		return
	}
	p.mailbox = append(p.mailbox, msg)
	if n := len(p.mailbox); n >= mailboxWarning && n >= 2*p.mailWarned {
		p.mailWarned = n
		fmt.Fprintf(s.in.opts.Stderr, "termite: process %s has %d messages waiting in its mailbox\n", rt.WriteString(p.pid), n)
	}
	if p.wait.forMessage() {
		s.ready(p)
	}
}

// mailboxWarning is the mailbox length at which a line on standard error
// says that messages pile up (a process that does not keep up, or never
// receives), and again at each doubling: memory that grows without bound
// should not go unnoticed until it runs out.
const mailboxWarning = 100000

// wait records that p, whose machine has blocked (machine.block), waits:
// kind says for what, until deadline (< 0: none).
func (s *scheduler) wait(p *process, kind waitKind, deadline float64) {
	p.wait = kind
	p.deadline = deadline
	if deadline >= 0 && deadline != p.timerAt {
		heap.Push(&s.timers, timer{deadline, p})
		p.timerAt = deadline
	}
}

// startIO runs b.Do, the work of a primitive that p waits for
// (machine.park), on a goroutine of its own; the result comes back through
// ioDone.
func (s *scheduler) startIO(p *process, b *rt.Blocking) {
	s.ioPending++
	go func() {
		r := &ioResult{p: p}
		defer func() {
			if e := recover(); e != nil {
				r.err = rt.NewError(fmt.Sprintf("internal error: %v", e))
			}
			s.ioDone <- r
		}()
		r.v, r.err = b.Do()
	}()
}

// collect takes the results of finished parked primitives; with wait, it
// waits for one (or an interrupt, or the next timer) first.
func (s *scheduler) collect(r *ioResult) {
	s.ioPending--
	r.p.io = r
	s.ready(r.p)
}

// runMain runs the scheduler until the main process's machine stops, and
// returns its value or error.
func (s *scheduler) runMain() (rt.Value, error) {
	main := s.main
	main.dead, main.reason, main.wait = false, nil, notWaiting
	s.live[main] = struct{}{}
	s.ready(main)
	for {
		if s.in.interrupted.Swap(false) {
			return nil, Interrupted{}
		}
		if main.dead {
			return nil, &SchemeError{
				Obj:   rt.NewError("the main process was killed with reason", main.reason),
				Trace: main.m.backtrace(),
			}
		}
		s.fireTimers()
		// A select of two channels costs more than a process switch:
		// look at their lengths first (a stale look only delays the
		// work to the next turn).
		for len(s.ioDone) > 0 || len(s.in.posts) > 0 {
			select {
			case r := <-s.ioDone:
				s.collect(r)
			case f := <-s.in.posts:
				f()
			default:
			}
		}
		if len(s.runq) == 0 {
			if !s.idle() {
				err := &SchemeError{
					Obj:   rt.NewError("deadlock: every process is waiting for a message that cannot come"),
					Trace: main.m.backtrace(),
				}
				s.endMain(err.Obj, true)
				return nil, err
			}
			continue
		}
		p := s.next()
		p.queued = false
		if p.dead {
			continue
		}
		if p.wait != notWaiting && !s.resume(p) {
			continue // woken, but what it waits for has not come
		}
		s.current = p
		budget := p.m.budget
		st := p.m.run()
		s.current = nil
		if st == yielded {
			p.reductions += uint64(budget) // checkpoint renewed the budget
		} else {
			p.reductions += uint64(budget - p.m.budget)
		}
		switch st {
		case yielded:
			s.ready(p)
		case blocked:
		case done:
			if p == main {
				s.endMain(symNormal, false)
				return p.m.result(), nil
			}
			s.exit(p, symNormal, false)
		case failed:
			if exit, ok := p.m.err.(*ExitError); ok {
				return nil, exit
			}
			if _, ok := p.m.err.(Interrupted); ok {
				return nil, p.m.err
			}
			if k, ok := p.m.err.(*killed); ok {
				s.exit(p, k.reason, k.reason != symNormal)
				continue // the top of the loop reports a killed main process
			}
			se, ok := p.m.err.(*SchemeError)
			if !ok {
				se = &SchemeError{Obj: rt.NewError(p.m.err.Error())}
			}
			p.failure = se
			if eo, ok := se.Obj.(*rt.ErrorObject); ok && !eo.Pos.IsValid() {
				// Where it failed goes with the error to the processes
				// linked to it, on other nodes too.
				eo.Pos = se.Pos()
			}
			if p == main {
				s.endMain(se.Obj, true)
				return nil, p.m.err
			}
			s.exit(p, se.Obj, true)
			s.logDeath(p.pid, se)
		}
	}
}

// endMain ends the evaluation of the main process, which dies with it
// unless it lives on for the session.
func (s *scheduler) endMain(reason rt.Value, failed bool) {
	if !s.in.opts.Session {
		s.exit(s.main, reason, failed)
		return
	}
	s.main.wait = notWaiting
}

// idle waits for the next timer or parked primitive; it returns false
// when nothing can ever wake a process.
func (s *scheduler) idle() bool {
	var timeout <-chan time.Time
	for len(s.timers) > 0 {
		t := s.timers[0]
		if !t.wakes() {
			s.popTimer()
			continue
		}
		d := time.Duration((t.at - s.now()) * float64(time.Second))
		if d <= 0 {
			return true
		}
		timer := time.NewTimer(d)
		defer timer.Stop()
		timeout = timer.C
		break
	}
	if timeout == nil && s.ioPending == 0 && s.in.NodeName() == "" {
		return false // a node's processes wait for its peers
	}
	if s.in.opts.OnIdle != nil {
		s.in.opts.OnIdle()
	}
	select {
	case <-timeout:
	case r := <-s.ioDone:
		s.collect(r)
	case f := <-s.in.posts:
		f()
	case <-s.in.wake:
	}
	return true
}

// fireTimers makes runnable the processes whose deadline has passed.
func (s *scheduler) fireTimers() {
	if len(s.timers) == 0 {
		return // and the clock, read on every turn, costs as much as a switch
	}
	now := s.now()
	for len(s.timers) > 0 && s.timers[0].at <= now {
		if t := s.popTimer(); t.wakes() {
			s.ready(t.p)
		}
	}
}

// resume finishes the wait of p, woken by a message, a timer or a linked
// death, and reports whether p can run.
func (s *scheduler) resume(p *process) bool {
	m := p.m
	if p.wait == waitIO && p.io == nil {
		// Its goroutine still runs: whatever else happened waits for it.
		return false
	}
	finish := func(v rt.Value) bool {
		m.deliver(v)
		p.wait = notWaiting
		return true
	}
	if obj := p.takePending(); obj != nil {
		p.wait = notWaiting
		m.deliverRaise(obj)
		return true
	}
	expired := p.deadline >= 0 && s.now() >= p.deadline
	switch p.wait {
	case waitRecv:
		shapes, _ := m.waitArg(1) // none for %recv-next
		if msg, ok := p.nextMatching(shapes); ok {
			return finish(msg)
		}
		if expired {
			return finish(recvTimeout)
		}
	case waitTake:
		if msg, ok := p.take(); ok {
			return finish(msg)
		}
		if expired {
			if dflt, ok := m.waitArg(1); ok {
				return finish(dflt)
			}
			p.wait = notWaiting
			m.deliverRaise(symTimeout)
			return true
		}
	case waitScan:
		// The instruction looks again at what came, and at the clock.
		p.wait = notWaiting
		m.rescan()
		return true
	case waitSleep:
		if expired {
			return finish(rt.Unspecified)
		}
	case waitIO:
		r := p.io
		if r == nil {
			return false
		}
		p.io = nil
		if r.err != nil {
			p.wait = notWaiting
			var exit *ExitError
			if errors.As(r.err, &exit) {
				m.fail(exit)
				return true
			}
			m.deliverRaise(rt.RaisedObject(r.err))
			return true
		}
		return finish(r.v)
	}
	return false
}

// exit records p's death and tells its links and monitors.
func (s *scheduler) exit(p *process, reason rt.Value, failed bool) {
	p.dead = true
	delete(s.live, p)
	s.forget(p)
	p.reason = reason
	p.wait = notWaiting
	death := &Death{Pid: p.pid, Reason: reason, Err: p.failure}
	p.failure = nil
	if r := p.rel; r != nil {
		for _, l := range r.links {
			q, _ := l.Proc.(*process)
			switch {
			case q == nil:
				s.in.signal(Signal{Kind: SigExit, From: p.pid, To: l, Reason: reason})
			case q.rel != nil && q.rel.removeLink(p.pid) && failed && !q.dead:
				s.linkedDeath(q, reason, death)
			}
		}
		for _, w := range r.watchers {
			s.in.down(w.pid, w.ref, p.pid, reason)
		}
		p.rel = nil
		delete(s.related, p)
	}
	if len(p.trail) > 0 {
		s.in.net.Gone(p.pid, p.trail)
	}
	p.mailbox = nil
	if p != s.main {
		p.m = nil // its stack is garbage now
	}
}

// logDeath reports on standard error a process that died of an
// uncaught error, as the main program's is reported.
func (s *scheduler) logDeath(pid *rt.Pid, e *SchemeError) {
	fmt.Fprint(s.in.opts.Stderr, e.ProcessReport(pid))
}

// timer is a process's deadline; gen tells a current one from a stale one.
type timer struct {
	at float64
	p  *process
}

// wakes reports whether t is for a wait of its process that goes on: a
// process that woke and waits again until another time has another entry.
func (t timer) wakes() bool {
	return !t.p.dead && t.p.wait != notWaiting && t.p.deadline == t.at
}

// popTimer takes the first timer entry, which its process no longer has.
func (s *scheduler) popTimer() timer {
	t := heap.Pop(&s.timers).(timer)
	if t.p.timerAt == t.at {
		t.p.timerAt = -1
	}
	return t
}

type timerHeap []timer

func (h timerHeap) Len() int            { return len(h) }
func (h timerHeap) Less(i, j int) bool  { return h[i].at < h[j].at }
func (h timerHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *timerHeap) Push(x interface{}) { *h = append(*h, x.(timer)) }
func (h *timerHeap) Pop() interface{} {
	old := *h
	t := old[len(old)-1]
	*h = old[:len(old)-1]
	return t
}
