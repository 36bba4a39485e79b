package main

import (
	"os"
	"os/signal"
	"sync"

	"termite/eval"
)

// interrupter turns Ctrl-C into in.Interrupt while an evaluation runs, so
// that a runaway loop stops with an error instead of killing the program
// (the REPL survives it; a script still flushes its output). While the REPL
// reads a line the terminal is in raw mode and readline sees Ctrl-C as a
// key, so no signal arrives then.
type interrupter struct {
	in *eval.Interp

	mu      sync.Mutex
	running bool
	hits    int // signals received during the current evaluation
	onStuck func()
}

// watchInterrupts starts the signal goroutine. onStuck runs when a second
// Ctrl-C arrives during one evaluation, which means the first one was not
// honoured (the machine is blocked outside its reduction checks).
func watchInterrupts(in *eval.Interp, onStuck func()) *interrupter {
	it := &interrupter{in: in, onStuck: onStuck}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		for range sigs {
			it.signal()
		}
	}()
	return it
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
	it.mu.Unlock()
	defer func() {
		it.mu.Lock()
		it.running = false
		it.mu.Unlock()
	}()
	return f()
}
