package eval

import (
	rt "termite/runtime"
)

// process is a Termite process: a machine (its continuation) plus a
// mailbox, links and monitors. A process waiting for a message is only
// this record, its machine's stack and its mailbox: no goroutine.
type process struct {
	pid    *rt.Pid
	pidVal rt.Pid // what pid points to: one allocation fewer per process
	m      *machine

	mailbox []rt.Value
	cursor  int // index of the next message %recv-next looks at
	last    int // index of the message %recv-next returned last, or -1

	wait     waitKind
	waitBase int32   // the stack slot of the waiting call's procedure
	waitArgs int32   // and how many arguments it has there
	deadline float64 // seconds on the scheduler's clock; < 0: none
	timerGen uint64  // invalidates timer entries of earlier waits
	queued   bool    // in the run queue

	rel *relations // links and monitors: most processes have none
	// exitPending is the object a linked process died of, raised at this
	// process's next receive.
	exitPending rt.Value

	dead   bool
	reason rt.Value // why it died: normal, or the raised object

	io *ioResult // the outcome of a parked primitive, once it is known
}

// ioResult is what a parked primitive's goroutine hands back.
type ioResult struct {
	p   *process
	v   rt.Value
	err error
}

type waitKind uint8

const (
	notWaiting waitKind = iota
	waitRecv            // in %recv-next
	waitTake            // in ?
	waitSleep
	waitIO // a primitive's work runs on another goroutine
)

// relations are the processes a process is linked to and those that
// monitor it.
type relations struct {
	links    []*process
	watchers []monitor
}

func (p *process) relations() *relations {
	if p.rel == nil {
		p.rel = &relations{}
	}
	return p.rel
}

// monitor is a watcher's request to hear of a process's death.
type monitor struct {
	ref     *rt.Tag
	watcher *process
}

// recvTimeout is what %recv-next returns when its deadline passes: an
// object no program can make or receive.
var recvTimeout = &rt.Symbol{Name: "#<recv-timeout>"}

// symbols used in process messages
var (
	symNormal  = rt.Intern("normal")
	symDown    = rt.Intern("down")
	symTimeout = rt.Intern("timeout")
)

// nextMessage returns the first message at or after the cursor, moving
// the cursor past it.
func (p *process) nextMessage() (rt.Value, bool) {
	if p.cursor >= len(p.mailbox) {
		return nil, false
	}
	p.last = p.cursor
	p.cursor++
	return p.mailbox[p.last], true
}

// accept removes the message last returned by nextMessage.
func (p *process) accept() {
	if p.last < 0 {
		return
	}
	if p.last == 0 {
		p.mailbox[0] = nil
		p.mailbox = p.mailbox[1:]
	} else {
		copy(p.mailbox[p.last:], p.mailbox[p.last+1:])
		p.mailbox[len(p.mailbox)-1] = nil
		p.mailbox = p.mailbox[:len(p.mailbox)-1]
	}
	if len(p.mailbox) == 0 {
		p.mailbox = nil
	}
	p.last = -1
	p.cursor = 0
}

func (p *process) link(q *process) {
	pr, qr := p.relations(), q.relations()
	for _, l := range pr.links {
		if l == q {
			return
		}
	}
	pr.links = append(pr.links, q)
	qr.links = append(qr.links, p)
}

func (p *process) unlink(q *process) {
	if p.rel != nil && q.rel != nil {
		p.rel.links = removeProcess(p.rel.links, q)
		q.rel.links = removeProcess(q.rel.links, p)
	}
}

func removeProcess(ps []*process, q *process) []*process {
	for i, x := range ps {
		if x == q {
			return append(ps[:i], ps[i+1:]...)
		}
	}
	return ps
}

// take removes and returns the oldest message.
func (p *process) take() (rt.Value, bool) {
	p.cursor, p.last = 0, -1
	if len(p.mailbox) == 0 {
		return nil, false
	}
	p.last = 0
	msg := p.mailbox[0]
	p.accept()
	return msg, true
}

// takePending returns and clears the death of a linked process that this
// process has yet to raise.
func (p *process) takePending() rt.Value {
	v := p.exitPending
	p.exitPending = nil
	return v
}
