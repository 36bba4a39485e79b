package main

import (
	"runtime"
	"testing"
	"time"
)

func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 1600},        // nothing known yet: the goal is minHeap
		{1 << 20, 1600},  // 17 MiB would be the goal at 1600: minHeap is
		{8 << 20, 700},   // 8 x 8 MiB = minHeap
		{12 << 20, 433},  // just under 5 x live = minHeap
		{16 << 20, 400},  // 5 x live is over minHeap
		{1 << 30, 400},   // a big heap: 5 x live, as GOGC 400 gives
		{minHeap, 400},   //
		{3 << 20, 1600},  // 17 x 3 MiB is under minHeap: goal minHeap
		{5 << 20, 1180},  // 5 MiB x 12.8 = minHeap
		{40 << 20, 400},  //
		{60 << 20, 400},  //
		{100 << 20, 400}, //
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("gcPercent(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// TestTuneGC checks that the tuner follows the live heap from one
// collection to the next: GOGC 400 while 40 MiB are live, back to the
// floor's once they are not. (The tuner then stays on in this test
// process; it changes only how often the collector runs.)
func TestTuneGC(t *testing.T) {
	tuneGC()
	waitFor := func(want int64) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
			runtime.GC()
			if tunedPercent.Load() == want {
				return
			}
			time.Sleep(time.Millisecond)
		}
		t.Fatalf("GOGC %d, want %d", tunedPercent.Load(), want)
	}
	waitFor(1600)
	live := make([]*[1 << 20]byte, 40)
	for i := range live {
		live[i] = new([1 << 20]byte)
	}
	waitFor(400)
	runtime.KeepAlive(live)
	live = nil
	waitFor(1600)
}
