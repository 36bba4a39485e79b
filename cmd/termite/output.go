package main

import (
	"bufio"
	"io"
	"os"
	"sync"

	"github.com/chzyer/readline"

	rt "termite/runtime"
)

// output is the interpreter's standard output. Writes to a pipe or file
// are buffered, since a script printing a character at a time would
// otherwise make a system call per character; writes to a terminal are
// not, so that a long computation shows its progress. Every way out of the
// program goes through Flush.
//
// Blocking output may complete on a goroutine other than the scheduler's,
// hence the mutex.
type output struct {
	mu sync.Mutex
	w  *bufio.Writer // nil when unbuffered
	f  *os.File
	// midLine is set when the last byte written was not a newline; the
	// REPL then ends the line so that its prompt starts a line of its own.
	midLine bool
}

func newOutput(f *os.File) *output {
	o := &output{f: f}
	if !readline.IsTerminal(int(f.Fd())) {
		o.w = bufio.NewWriterSize(f, 64<<10)
	}
	return o
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(p) > 0 {
		o.midLine = p[len(p)-1] != '\n'
	}
	if o.w == nil {
		return o.f.Write(p)
	}
	return o.w.Write(p)
}

// Flush writes out what is buffered. Flush errors are not reported: the
// reader of a closed pipe has gone away and there is nobody to tell.
func (o *output) Flush() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.w == nil {
		return nil
	}
	return o.w.Flush()
}

// endLine writes a newline if the output stopped in the middle of a line.
func (o *output) endLine() {
	o.mu.Lock()
	mid := o.midLine
	o.mu.Unlock()
	if mid {
		o.Write([]byte{'\n'})
	}
}

// tryFlush flushes unless a write is in progress: it is for exiting from
// the signal goroutine while the machine may be stuck inside a Write.
func (o *output) tryFlush() {
	if !o.mu.TryLock() {
		return
	}
	defer o.mu.Unlock()
	if o.w != nil {
		o.w.Flush()
	}
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
