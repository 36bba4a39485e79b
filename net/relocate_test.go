package net

import (
	stdnet "net"
	"testing"

	rt "termite/runtime"
)

// TestRelocationEndsWhenItsNodeIsLost: messages queued while a process's
// relocation waits are not stranded when the node of its old route, or
// the node it was said to have moved to, is lost: they go, in order, by
// the route that remains, here to the live server where it runs.
func TestRelocationEndsWhenItsNodeIsLost(t *testing.T) {
	server, _ := serveNode(t, Options{Cookie: testCookie})
	log := &syncBuffer{}
	in, client := newInterp(t, Options{Cookie: testCookie}, log)
	defer client.Close()
	if _, err := in.RunSource([]byte(thereAndMe(server)), "there"); err != nil {
		t.Fatal(err, log.String())
	}
	// An address where no node is, as a node that was lost.
	l, err := stdnet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := l.Addr().String()
	l.Close()

	cases := []struct {
		name    string
		at      string // where the client believes the process runs
		via, to string
	}{
		// It believes the process is on the dead node, and has heard it
		// moved to the server: its marker went by the dead node.
		{"by the lost node", dead, dead, server.Name()},
		// It has heard that the process on the server moved to the dead
		// node: its marker went by the server, and the dead node would
		// have answered.
		{"toward the lost node", "", server.Name(), dead},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A process on the server that keeps what it gets until asked.
			v, err := in.RunSource([]byte(`
			  (define p (remote-spawn there
			              (lambda ()
			                (let loop ((got '()))
			                  (recv (('done from) (! from (reverse got)))
			                        (x (loop (cons x got))))))))
			  p`), "spawn")
			if err != nil {
				t.Fatal(err, log.String())
			}
			p := v.(*rt.Pid)
			// RunSource ran the interpreter on this goroutine, and
			// nothing else runs it: its tables can be set here.
			if c.at != "" {
				in.Moved(p, c.at)
			}
			client.relocating[p] = &relocation{via: c.via, to: c.to}
			if _, err := in.RunSource([]byte("(! p 'one) (! p 'two) (! p 'three)"), "send"); err != nil {
				t.Fatal(err, log.String())
			}
			if r := client.relocating[p]; r == nil || len(r.queue) != 3 {
				t.Fatalf("the three messages were not queued: %+v", r)
			}
			// The main process waits for p's answer, which needs the
			// queue released; the loss of the node is handled while it
			// waits, posted as the node's goroutines post it.
			in.Post(func() { client.relocationsLost(dead) })
			v, err = in.RunSource([]byte("(! p (list 'done me)) (? 5 'nothing)"), "lost")
			if err != nil {
				t.Fatal(err, log.String())
			}
			if got, want := rt.WriteString(v), "(one two three)"; got != want {
				t.Errorf("p got %s, want %s\n%s", got, want, log.String())
			}
			if client.relocating[p] != nil {
				t.Error("the relocation is still pending")
			}
		})
	}
}
