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

	mailbox    []rt.Value
	cursor     int // index of the next message %recv-next looks at
	last       int // index of the message %recv-next returned last, or -1
	mailWarned int // the mailbox length last reported (see send)
	// epoch stands for the mailbox as no removal has changed it since it
	// was made: a recv-scan instruction holds it with the index of the
	// message it asks its predicate about, which that index names for as
	// long as epoch is the same object (see recv_scan.go). Nil until a
	// scan needs one; every removal forgets it.
	epoch *rt.Pair

	wait     waitKind
	deadline float64 // seconds on the scheduler's clock; < 0: none
	// timerAt is the time of the timer entry that may still wake the
	// process, < 0 for none: a wait until the same deadline uses it
	// again, rather than adding an entry each time the process wakes
	// to find nothing and waits again.
	timerAt float64
	queued  bool // in the run queue

	rel *relations // links and monitors: most processes have none
	// exitPending is the object a linked process died of, raised at this
	// process's next receive; exitFrom says which process, and how.
	exitPending rt.Value
	exitFrom    *Death
	// raisedDeath is the linked death raised at this process's last
	// receive: its report, if nothing catches it, tells where that
	// process failed.
	raisedDeath *Death
	// failure is the uncaught error the process is dying of, while its
	// links and monitors are told.
	failure *SchemeError

	dead   bool
	reason rt.Value // why it died: normal, or the raised object

	name       *rt.Symbol // its registered name (register), or nil
	reductions uint64     // calls made so far

	// moving is the length its mailbox had when the process began to move
	// to another node (see Interp.Emigrant).
	moving int
	// trail are the nodes it moved away from, which forward to it until
	// told that it ended.
	trail []string
	// holding: what this node's processes send it waits in held (see
	// Interp.Hold).
	holding bool
	held    []rt.Value

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
	waitScan            // in a recv-scan instruction, which runs again when woken
	waitSleep
	waitIO // a primitive's work runs on another goroutine
)

// forMessage reports whether a process waiting so waits for a message.
func (k waitKind) forMessage() bool {
	return k == waitRecv || k == waitTake || k == waitScan
}

// relations are the processes, here or on other nodes, that a process is
// linked to, that monitor it, and that it monitors elsewhere. They are
// held by pid, so that they survive a move of either side.
type relations struct {
	links    []*rt.Pid
	watchers []monitor // who monitors this process
	watching []monitor // monitors this process holds on processes of other nodes
}

// monitor is a reference and the other side of a monitor: the watcher,
// or the process watched.
type monitor struct {
	ref *rt.Tag
	pid *rt.Pid
}

// recvTimeout is what %recv-next returns when its deadline passes: an
// object no program can make or receive.
var recvTimeout = &rt.Symbol{Name: "#<recv-timeout>"}

// symbols used in process messages
var (
	symNormal   = rt.Intern("normal")
	symDown     = rt.Intern("down")
	symTimeout  = rt.Intern("timeout")
	symNoproc   = rt.Intern("noproc")
	symNodeDown = rt.Intern("node-down")
	symKilled   = rt.Intern("killed")
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

// nextMatching is nextMessage past the messages that match none of
// shapes (see matchShapes); nil shapes match every message. The first
// message of a scan is not tested: most often it is the one wanted, which
// the receive's own code tests in any case.
func (p *process) nextMatching(shapes rt.Value) (rt.Value, bool) {
	if shapes != nil && p.cursor > 0 {
		for p.cursor < len(p.mailbox) && !matchShapes(shapes, p.mailbox[p.cursor]) {
			p.cursor++
		}
	}
	return p.nextMessage()
}

// keptMailbox is the capacity up to which an empty mailbox keeps its
// array.
const keptMailbox = 64

// accept removes the message last returned by nextMessage.
func (p *process) accept() {
	if p.last >= 0 {
		p.remove(p.last)
	}
}

// remove takes message i out of the mailbox. The indexes of the messages
// after it change, so the scan of %recv-next starts over, and the epoch
// that recv-scan instructions hold is gone.
func (p *process) remove(i int) {
	switch {
	case len(p.mailbox) == 1:
		// The mailbox empties: its array serves the next message, unless
		// a burst made it large.
		p.mailbox[0] = nil
		p.mailbox = p.mailbox[:0]
		if cap(p.mailbox) > keptMailbox {
			p.mailbox = nil
		}
	case i == 0:
		p.mailbox[0] = nil
		p.mailbox = p.mailbox[1:]
	default:
		copy(p.mailbox[i:], p.mailbox[i+1:])
		p.mailbox[len(p.mailbox)-1] = nil
		p.mailbox = p.mailbox[:len(p.mailbox)-1]
	}
	p.last = -1
	p.cursor = 0
	p.epoch = nil
}

// currentEpoch returns the epoch of the mailbox as it is (see epoch),
// making one if need be: a fresh object, eq? to nothing else, which a
// continuation may carry to another node and back without ever being
// taken there for the epoch of another mailbox.
func (p *process) currentEpoch() *rt.Pair {
	if p.epoch == nil {
		p.epoch = &rt.Pair{Car: rt.False, Cdr: rt.False}
	}
	return p.epoch
}

// addLink records a link to q (one side of it).
func (r *relations) addLink(q *rt.Pid) {
	for _, l := range r.links {
		if l == q {
			return
		}
	}
	r.links = append(r.links, q)
}

// removeLink forgets the link to q, and reports whether there was one.
func (r *relations) removeLink(q *rt.Pid) bool {
	for i, l := range r.links {
		if l == q {
			r.links = append(r.links[:i], r.links[i+1:]...)
			return true
		}
	}
	return false
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
	// A death raised at an earlier receive was caught, since this one
	// runs: forget it, lest an object the process raises later be taken
	// for it.
	p.raisedDeath = p.exitFrom
	p.exitPending, p.exitFrom = nil, nil
	return v
}
