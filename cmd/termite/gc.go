package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// The collector's policy, unless GOGC is set. The machine allocates small
// short-lived objects at a high rate (frames captured by call/cc,
// closures, pairs) and keeps little: a heap 5 times the live data
// (GOGC 400) rather than Go's 2 halves the collector's share of the time.
// But Go's smallest heap goal is 4 MiB times GOGC/100, 16 MiB at GOGC
// 400, and a program whose live data is a few MiB then collects every few
// milliseconds, with write barriers on for half its run (the mark phase
// runs on a fraction of one of the two processors). So the goal is also
// at least minHeap: gcPercent keeps GOGC where the goal is
// max(minHeap, 5 x live), which cuts the CPU time of call/cc-heavy
// programs by a sixth to a fifth (measured: 0.23 -> 0.18 s, 0.51 ->
// 0.44 s), for a peak of some 75 MiB instead of 28.
const (
	basePercent = 400
	minHeap     = 64 << 20
	// goMinHeap is Go's smallest heap goal at GOGC 100 (defaultHeapMinimum).
	goMinHeap = 4 << 20
)

// gcPercent returns the GOGC that makes the heap goal max(minHeap, 5 x
// live): with GOGC p the goal is max(goMinHeap x p/100, live x (1 + p/100)).
func gcPercent(live uint64) int {
	top := minHeap / goMinHeap * 100 // the goal is minHeap while live is under minHeap/17
	if live == 0 {
		return top
	}
	p := int(float64(minHeap)/float64(live)*100) - 100
	return min(max(p, basePercent), top)
}

// tunedPercent is the GOGC the tuner set last (for the tests).
var tunedPercent atomic.Int64

// sentinel is what the tuner's cleanup waits on: an object with a pointer,
// so that it is not put in a block with other tiny objects, which would
// keep it alive.
type sentinel struct{ _ *byte }

// tuneGC sets GOGC for the live heap now, and again after every
// collection: a cleanup on an object nothing references runs once a
// collection has found it unreachable, and arms the next.
func tuneGC() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var retune func(struct{})
	retune = func(struct{}) {
		metrics.Read(sample)
		live := uint64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		if p := int64(gcPercent(live)); p != tunedPercent.Load() {
			debug.SetGCPercent(int(p))
			tunedPercent.Store(p)
		}
		runtime.AddCleanup(new(sentinel), retune, struct{}{})
	}
	retune(struct{}{})
}
