package runtime

import "sync/atomic"

// work is what Charge counted and the machine has not yet taken.
var work atomic.Int64

// chargeMin is the least work Charge counts: less is about the cost of a
// call, which the machine counts anyway, and not worth an atomic add.
const chargeMin = 64

// Charge counts n units of work (elements visited or copied) of a
// primitive that takes time in proportion to its data. The machine takes
// it (TakeWork) after the primitive returns and counts it against the
// running process's reductions, so that a loop of calls over millions of
// elements is preempted as often as a loop of as much Scheme code: other
// processes and Ctrl-C then wait milliseconds, not the thousands of such
// calls of a quantum. The count is shared by the interpreters of a Go
// program, each taking what it finds: work charged to the wrong one only
// makes it yield early.
func Charge(n int) {
	if n >= chargeMin {
		work.Add(int64(n))
	}
}

// TakeWork returns the work charged since it was last taken, and forgets
// it.
func TakeWork() int64 {
	if work.Load() == 0 {
		return 0
	}
	return work.Swap(0)
}
