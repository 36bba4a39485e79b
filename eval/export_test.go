package eval

// TimerCount is the number of entries in the scheduler's timer heap.
func (in *Interp) TimerCount() int { return len(in.sched.timers) }
