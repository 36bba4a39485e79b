// Package benchprog runs Scheme programs as Go benchmarks, for the
// benchmarks of several packages.
package benchprog

import (
	"syscall"
	"testing"
	"time"

	"termite/eval"
)

// Run runs setup once in in, then the expression call b.N times. Besides
// the time per op on the clock, it reports the CPU time per op
// (cpu-ns/op), which varies less on a machine shared with other work.
func Run(b *testing.B, in *eval.Interp, setup, call string) {
	b.Helper()
	if _, err := in.RunSource([]byte(setup), "setup"); err != nil {
		b.Fatal(err)
	}
	thunk, err := in.RunSource([]byte("(lambda () "+call+")"), "call")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := CPUTime()
	for b.Loop() {
		if _, err := in.Apply(thunk); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// CPUTime is the process's CPU time so far, user and system.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
