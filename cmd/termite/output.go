package main

import (
	"io"
	"sync"

	rt "termite/runtime"
)

// output is the writer under one of the interpreter's standard ports. The
// port does the buffering; output remembers whether the last line was left
// unfinished, so that the REPL can start its prompt on a line of its own,
// and lets the REPL pass what is written through readline, which redraws
// the line being typed. Blocking output may complete on a goroutine other
// than the scheduler's, hence the mutex.
type output struct {
	mu      sync.Mutex
	w       io.Writer
	midLine bool
	err     error // the first write that failed
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(p) > 0 {
		o.midLine = p[len(p)-1] != '\n'
	}
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

// redirect makes what is written from now on go to w.
func (o *output) redirect(w io.Writer) {
	o.mu.Lock()
	o.w = w
	o.mu.Unlock()
}

// failed returns the first write that failed, if any.
func (o *output) failed() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}

// endLine writes a newline if the output stopped in the middle of a line,
// and reports whether it did.
func (o *output) endLine() bool {
	o.mu.Lock()
	mid := o.midLine
	o.mu.Unlock()
	if mid {
		o.Write([]byte{'\n'})
	}
	return mid
}

// flushOutput passes on what the program's output ports hold. It must run
// when no Scheme code is running, before anything is written to standard
// error and before exiting, so that the program's output comes first and
// is never lost. It returns the first write that failed: output that is
// lost at the end of a run that otherwise succeeded makes it fail.
func flushOutput() error {
	return rt.FlushAllPorts()
}

// printResult writes a value the way the REPL and -p show it: nothing for
// the unspecified value, and one line per value of a (values ...).
func printResult(w io.Writer, v rt.Value) {
	if v == rt.Unspecified {
		return
	}
	if mv, ok := v.(*rt.MultipleValues); ok {
		for _, x := range mv.Vals {
			io.WriteString(w, rt.WriteString(x)+"\n")
		}
		return
	}
	io.WriteString(w, rt.WriteString(v)+"\n")
}
