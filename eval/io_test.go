package eval_test

import (
	"bytes"
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
	go func() {
		time.Sleep(100 * time.Millisecond)
		io.WriteString(feed, "hello\n")
	}()
	src := `(define me (self))
	        (spawn (let loop ((i 0)) (if (< i 3) (begin (sleep 0.001) (loop (+ i 1))))) (! me 'ticked))
	        (define line (read-line))
	        (list line (? 0 'no-tick))`
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
