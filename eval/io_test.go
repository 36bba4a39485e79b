package eval_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"termite/eval"
	rt "termite/runtime"
	"termite/stdlib"
)

// TestConsoleReadParks checks that a process reading the console does not
// stop the others: the ticker runs to its end while the main process
// waits for its line.
func TestConsoleReadParks(t *testing.T) {
	stdin, feed := io.Pipe()
	var out bytes.Buffer
	in := eval.New(eval.Options{Stdin: stdin, Stdout: &out, Stderr: &out})
	if err := stdlib.Install(in); err != nil {
		t.Fatal(err)
	}
	// The line is typed only once the ticker has run to its end, which it
	// can only do while the main process waits for the line.
	ticked := make(chan struct{})
	in.DefinePrimitive(&rt.Primitive{Name: "ticked", Fn: func([]rt.Value) (rt.Value, error) {
		close(ticked)
		return rt.Unspecified, nil
	}})
	go func() {
		select {
		case <-ticked:
			io.WriteString(feed, "hello\n")
		case <-time.After(10 * time.Second):
			feed.CloseWithError(errors.New("the ticker never ran"))
		}
	}()
	src := `(define me (self))
	        (spawn (let loop ((i 0)) (if (< i 3) (begin (sleep 0.001) (loop (+ i 1))))) (ticked) (! me 'ticked))
	        (define line (read-line))
	        (list line (? 1 'no-tick))`
	v, err := in.RunSource([]byte(src), "io.scm")
	if err != nil {
		t.Fatal(err)
	}
	if got := rt.WriteString(v); got != `("hello" ticked)` {
		t.Errorf("got %s, want (\"hello\" ticked)", got)
	}
	rt.FlushAllPorts()
	if strings.Contains(out.String(), "error") {
		t.Errorf("unexpected output %q", out.String())
	}
}
