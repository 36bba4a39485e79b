package eval

// TimerCount is the number of entries in the scheduler's timer heap.
func (in *Interp) TimerCount() int { return len(in.sched.timers) }

// InlinesIntact reports whether no variable whose primitive has an
// instruction has been assigned (see Interp.redefined).
func InlinesIntact(in *Interp) bool { return !in.redefined }

// PredicatePrimitive is predicatePrimitive, for the tests.
var PredicatePrimitive = predicatePrimitive
