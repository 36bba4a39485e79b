package eval_test

import (
	"testing"

	rt "termite/runtime"
)

// TestWaitsShareTheirTimer: a process that waits with a deadline, and
// wakes again and again to messages it passes over, keeps one timer
// entry, not one more each time it waits again.
func TestWaitsShareTheirTimer(t *testing.T) {
	in := newInterp(t)
	in.Define("%timers", &rt.Primitive{Name: "%timers", Fn: func([]rt.Value) (rt.Value, error) {
		return rt.MakeFixnum(int64(in.TimerCount())), nil
	}})
	v, err := in.RunSource([]byte(`
		(define waiter (spawn (lambda () (?? (lambda (m) (eq? m 'stop)) 60 'none))))
		(define receiver (spawn (lambda () (recv ('stop 'ok) (after 60 'none)))))
		(define echo (spawn (lambda () (let loop () (! (?) 'ok) (loop)))))
		(do ((i 0 (+ i 1))) ((= i 2000))
		  (! waiter i)
		  (! receiver i)
		  (! echo (self))
		  (?))
		(%timers)`), "timers.scm")
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := v.(rt.Fixnum); !ok || n.Int() > 10 {
		t.Errorf("%v timer entries for two waiting processes", v)
	}
}
