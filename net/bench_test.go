package net

import (
	"bufio"
	"bytes"
	"fmt"
	"runtime/debug"
	"testing"

	rt "termite/runtime"
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

// BenchmarkFramePath is what a node does with a message holding a long
// string, but for the connection: it encodes the message into a frame,
// queues it, writes the frames (fragments, for a frame over fragmentSize)
// to a buffer, reads them back, puts fragments together and decodes.
// 50k goes as one frame, 100k in two fragments.
func BenchmarkFramePath(b *testing.B) {
	for _, size := range []int{50000, 100000} {
		b.Run(fmt.Sprintf("%dk", size/1000), func(b *testing.B) {
			defer debug.SetGCPercent(debug.SetGCPercent(400)) // as cmd/termite runs
			in, n := newInterp(b, Options{Cookie: testCookie}, &syncBuffer{})
			defer n.Close()
			v, err := in.RunSource([]byte(fmt.Sprintf(`(make-string %d #\a)`, size)), "bench")
			if err != nil {
				b.Fatal(err)
			}
			p := n.peer("127.0.0.1:1")
			var box outbox
			var wire bytes.Buffer
			r := bufio.NewReader(&wire)
			parts := assembler{max: DefaultMaxFrame}
			b.ReportAllocs()
			for range b.N {
				frame, err := n.encodeFrame(frameValue, 0, v, nil)
				if err != nil {
					b.Fatal(err)
				}
				box.add(outFrame{b: frame})
				for busy := true; busy; {
					var frames [][]byte
					frames, busy = box.next()
					for _, f := range frames {
						wire.Write(f)
					}
				}
				for typ := byte(frameFragment); typ == frameFragment; {
					var payload []byte
					typ, payload, err = readFrame(r, DefaultMaxFrame, &parts)
					if err != nil {
						b.Fatal(err)
					}
					if typ != frameFragment {
						got, err := n.decodeFrom(p, payload)
						if s, ok := got.(*rt.String); err != nil || !ok || s.Len() != size {
							b.Fatalf("decoded %v, %v", got, err)
						}
					}
				}
			}
		})
	}
}
