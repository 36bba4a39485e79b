package eval

import "testing"

// TestRunQueue: the run queue gives processes back in the order they
// became ready, and a queue that never empties does not grow.
func TestRunQueue(t *testing.T) {
	s := &scheduler{}
	procs := make([]*process, 300)
	for i := range procs {
		procs[i] = &process{}
		s.ready(procs[i])
	}
	for turn := range 10000 {
		want := procs[turn%len(procs)]
		p := s.next()
		if p != want {
			t.Fatalf("turn %d: got another process than the one ready first", turn)
		}
		p.queued = false
		s.ready(p)
		if len(s.runq) > 2*len(procs)+64 {
			t.Fatalf("turn %d: the queue holds %d entries for %d processes", turn, len(s.runq), len(procs))
		}
	}
	for range procs {
		s.next().queued = false
	}
	if len(s.runq) != 0 || s.runqHead != 0 {
		t.Errorf("emptied, the queue is %d long from %d", len(s.runq), s.runqHead)
	}
	for i, p := range s.runq[:cap(s.runq)] {
		if p != nil {
			t.Fatalf("slot %d still holds a process", i)
		}
	}
}
