package net

import (
	"fmt"
	"testing"
)

// BenchmarkRoundTrip measures a message to a process on another node and
// its answer, as the netrtt and netlist programs of the benchmark kit do
// between two programs: the latency of the wire, from the interpreter of
// one node to the other's and back. Both nodes run in this process.
func BenchmarkRoundTrip(b *testing.B) {
	for _, c := range []struct{ name, msg string }{
		{"small", "i"},
		{"list1000", "(iota 1000)"},
	} {
		b.Run(c.name, func(b *testing.B) {
			server, _ := serveNode(b, Options{Cookie: testCookie})
			log := &syncBuffer{}
			in, client := newInterp(b, Options{Cookie: testCookie}, log)
			defer client.Close()
			src := thereAndMe(server) + fmt.Sprintf(`
			  (define (echo)
			    (let ((m (?)))
			      (if (pair? m) (begin (! (car m) (cdr m)) (echo)))))
			  (define peer (remote-spawn there echo))
			  (define (rounds n)
			    (let loop ((i 0))
			      (if (< i n)
			          (begin (! peer (cons me %s)) (?) (loop (+ i 1))))))
			  (rounds 100)`, c.msg)
			if _, err := in.RunSource([]byte(src), "setup"); err != nil {
				b.Fatal(err, log.String())
			}
			b.ResetTimer()
			if _, err := in.RunSource([]byte(fmt.Sprintf("(rounds %d)", b.N)), "rounds"); err != nil {
				b.Fatal(err, log.String())
			}
		})
	}
}
