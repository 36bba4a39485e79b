package eval_test

import (
	"runtime"
	"testing"

	rt "termite/runtime"
)

// TestCountingDoesNotAllocate: a loop counting to a million, and summing
// to half a trillion, allocates nothing per iteration, at any size of integer.
func TestCountingDoesNotAllocate(t *testing.T) {
	in := newInterp(t)
	thunk, err := in.RunSource([]byte(`
		(lambda ()
		  (let loop ((i 0) (sum 0))
		    (if (< i 1000000) (loop (+ i 1) (+ sum i)) sum)))`), "count.scm")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	v, err := in.Apply(thunk)
	runtime.ReadMemStats(&after)
	if err != nil || rt.WriteString(v) != "499999500000" {
		t.Fatalf("got %v, %v", v, err)
	}
	if n := after.Mallocs - before.Mallocs; n > 1000 {
		t.Errorf("the loop made %d allocations", n)
	}
}
