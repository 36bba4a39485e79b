package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"termite/eval"
)

// interrupter turns Ctrl-C into in.Interrupt while an evaluation runs, so
// that a runaway loop stops with an error instead of killing the program
// (the REPL survives it; a script still flushes its output). While the REPL
// reads a line the terminal is in raw mode and readline sees Ctrl-C as a
// key, so no signal arrives then.
type interrupter struct {
	in *eval.Interp

	mu       sync.Mutex
	running  bool
	hits     int           // signals received during the current evaluation
	done     chan struct{} // closed when the current evaluation returns
	killedBy syscall.Signal
	onStuck  func()
}

// terminated is the error of an evaluation that a SIGTERM or SIGHUP
// interrupted: the program ends with the status the signal would give.
type terminated syscall.Signal

func (t terminated) Error() string { return syscall.Signal(t).String() }

// status is the exit status of a death by the signal, as shells report it.
func (t terminated) status() int { return 128 + int(t) }

// stopGrace is how long a SIGTERM or SIGHUP waits for the evaluation to
// stop before flushing the output anyway.
const stopGrace = 2 * time.Second

// watchInterrupts starts the signal goroutine. onStuck runs when a second
// Ctrl-C arrives during one evaluation, which means the first one was not
// honoured (the machine is blocked outside its reduction checks).
func watchInterrupts(in *eval.Interp, onStuck func()) *interrupter {
	it := &interrupter{in: in, onStuck: onStuck}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		for s := range sigs {
			if s == os.Interrupt {
				it.signal()
			} else {
				it.terminate(s.(syscall.Signal))
			}
		}
	}()
	return it
}

// terminate ends the program for a SIGTERM or SIGHUP, its buffered output
// written first (the default action would lose it). An evaluation that
// runs is interrupted, and run reports it as terminated, so that no
// Scheme code writes to the ports while they are flushed; when none runs,
// or it does not stop in time, this goroutine flushes and exits.
func (it *interrupter) terminate(sig syscall.Signal) {
	it.mu.Lock()
	it.killedBy = sig
	running, done := it.running, it.done
	it.mu.Unlock()
	if running {
		it.in.Interrupt()
		select {
		case <-done:
			return // the main goroutine ends the program
		case <-time.After(stopGrace):
		}
	}
	flushOutput()
	os.Exit(terminated(sig).status())
}

func (it *interrupter) signal() {
	it.mu.Lock()
	defer it.mu.Unlock()
	if !it.running {
		return
	}
	it.hits++
	if it.hits > 1 {
		it.onStuck()
		return
	}
	it.in.Interrupt()
}

// run calls f with interrupts enabled.
func (it *interrupter) run(f func() error) error {
	it.mu.Lock()
	it.running, it.hits = true, 0
	done := make(chan struct{})
	it.done = done
	it.mu.Unlock()
	err := f()
	it.mu.Lock()
	it.running = false
	sig := it.killedBy
	it.mu.Unlock()
	close(done)
	if sig != 0 && isInterrupted(err) {
		return terminated(sig)
	}
	return err
}
