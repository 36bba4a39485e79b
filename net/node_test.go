package net

import (
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/binary"
	"fmt"
	"math/big"
	stdnet "net"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"termite/eval"
	rt "termite/runtime"
	"termite/stdlib"
)

// thereAndMe is Scheme that names the node n there, and the main process
// of the program me.
func thereAndMe(n *Node) string {
	node, _ := rt.NodeNamed(n.Name())
	return fmt.Sprintf("(define there (make-node %q %d))\n(define me (self))", node.Host, node.Port)
}

// syncBuffer is a log that node goroutines write while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls until the log contains want.
func (s *syncBuffer) waitFor(t testing.TB, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("log never said %q; it holds:\n%s", want, s.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// newInterp returns an interpreter with the library and the node
// procedures, logging to log.
func newInterp(t testing.TB, opts Options, log *syncBuffer) (*eval.Interp, *Node) {
	t.Helper()
	in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: log, Stderr: log})
	if err := stdlib.Install(in); err != nil {
		t.Fatal(err)
	}
	opts.Log = log
	n, err := Install(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	return in, n
}

// serveNode starts a node on 127.0.0.1 that serves until the test ends.
func serveNode(t testing.TB, opts Options) (*Node, *syncBuffer) {
	t.Helper()
	log := &syncBuffer{}
	in, n := newInterp(t, opts, log)
	if _, err := n.Listen("127.0.0.1", 0); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		in.RunSource([]byte("(%serve)"), "serve")
	}()
	t.Cleanup(func() {
		in.Interrupt()
		<-done
		n.Close()
	})
	return n, log
}

// ping asks, from a fresh interpreter, whether the node named name answers.
func ping(t *testing.T, name string, opts Options) string {
	t.Helper()
	log := &syncBuffer{}
	in, n := newInterp(t, opts, log)
	defer n.Close()
	node, _ := rt.NodeNamed(name)
	v, err := in.RunSource([]byte(fmt.Sprintf("(ping (make-node %q %d) 3)", node.Host, node.Port)), "ping")
	if err != nil {
		t.Fatalf("ping: %v\n%s", err, log.String())
	}
	return rt.WriteString(v)
}

var testCookie = []byte("test-cookie")

// TestBadPeersKeepTheNodeServing sends what is not a termite node to a
// node's port, and checks that the node refuses it, logs it, and still
// serves a real peer while the bad connection is open.
func TestBadPeersKeepTheNodeServing(t *testing.T) {
	garbage := make([]byte, 4096)
	rand.Read(garbage)
	cases := []struct {
		name string
		send []byte
		log  string // what the node logs; "" for a connection that is silent
	}{
		{"random bytes", garbage, "refused connection"},
		{"HTTP request", []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), "refused connection"},
		{"bad magic", append([]byte{0, 60}, bytes.Repeat([]byte("x"), 60)...), "bad magic"},
		{"silent", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, log := serveNode(t, Options{Cookie: testCookie})
			conn, err := stdnet.Dial("tcp", n.Name())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.Write(c.send)
			if got := ping(t, n.Name(), Options{Cookie: testCookie}); got != "pong" {
				t.Fatalf("a real peer got %s while the bad connection was open", got)
			}
			if c.log != "" {
				log.waitFor(t, c.log)
			}
		})
	}
}

func TestWrongCookieIsRefused(t *testing.T) {
	n, log := serveNode(t, Options{Cookie: testCookie})
	if got := ping(t, n.Name(), Options{Cookie: []byte("other")}); got != "no-reply" {
		t.Errorf("a peer with the wrong cookie got %s", got)
	}
	log.waitFor(t, "authentication failed")
	if got := ping(t, n.Name(), Options{Cookie: testCookie}); got != "pong" {
		t.Errorf("then a good peer got %s", got)
	}
}

// handshaken connects to the node and passes the handshake as a peer
// named name would.
func handshaken(t *testing.T, n *Node, name string) (stdnet.Conn, *bufio.Writer) {
	t.Helper()
	conn, err := stdnet.Dial("tcp", n.Name())
	if err != nil {
		t.Fatal(err)
	}
	r, w := bufio.NewReader(conn), bufio.NewWriter(conn)
	_, keep, err := dialHandshake(r, w, testCookie, newHello(name, 7), n.Name())
	if err != nil || !keep {
		t.Fatalf("handshake: keep %v, %v", keep, err)
	}
	return conn, w
}

func TestOversizedFrameDropsTheConnection(t *testing.T) {
	n, log := serveNode(t, Options{Cookie: testCookie, MaxFrame: 1 << 20})
	conn, w := handshaken(t, n, "127.0.0.1:1")
	defer conn.Close()
	var head [4]byte
	binary.BigEndian.PutUint32(head[:], 1<<30)
	w.Write(head[:])
	w.Flush()
	log.waitFor(t, "more than the 1048576 allowed")
	if got := ping(t, n.Name(), Options{Cookie: testCookie}); got != "pong" {
		t.Errorf("then a good peer got %s", got)
	}
}

func TestBadValueFrameIsDropped(t *testing.T) {
	n, log := serveNode(t, Options{Cookie: testCookie})
	conn, w := handshaken(t, n, "127.0.0.1:1")
	defer conn.Close()
	w.Write(makeFrame(frameValue, 0, false, []byte("not cbor at all")))
	w.Flush()
	log.waitFor(t, "bad message from 127.0.0.1:1 dropped")
	if got := ping(t, n.Name(), Options{Cookie: testCookie}); got != "pong" {
		t.Errorf("then a good peer got %s", got)
	}
}

func TestSilentPeerIsDeclaredDown(t *testing.T) {
	n, log := serveNode(t, Options{Cookie: testCookie, Timeout: 300 * time.Millisecond})
	conn, _ := handshaken(t, n, "127.0.0.1:1")
	defer conn.Close()
	start := time.Now()
	log.waitFor(t, "lost node 127.0.0.1:1: silent for 300ms")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("declared down after %v", d)
	}
}

func TestTLS(t *testing.T) {
	cfg := selfSigned(t)
	n, _ := serveNode(t, Options{Cookie: testCookie, TLS: cfg})
	if got := ping(t, n.Name(), Options{Cookie: testCookie, TLS: cfg}); got != "pong" {
		t.Errorf("a TLS peer got %s", got)
	}
	if got := ping(t, n.Name(), Options{Cookie: testCookie}); got != "no-reply" {
		t.Errorf("a plain peer of a TLS node got %s", got)
	}
}

// selfSigned makes a certificate for 127.0.0.1 that is its own authority,
// and a configuration that requires peers to show it.
func selfSigned(t *testing.T) *tls.Config {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "termite test"},
		IPAddresses:           []stdnet.IP{stdnet.IPv4(127, 0, 0, 1)},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}},
		RootCAs:      pool,
		ClientCAs:    pool,
		ClientAuth:   tls.RequireAndVerifyClientCert,
		MinVersion:   tls.VersionTLS13,
	}
}

func TestLoadCookie(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("TERMITE_COOKIE", "")
	c1, err := LoadCookie("")
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(home, ".termite-cookie"))
	if err != nil || info.Mode().Perm() != 0o600 || len(c1) < 20 {
		t.Fatalf("cookie file: %v, %v, %q", info, err, c1)
	}
	if c2, _ := LoadCookie(""); !bytes.Equal(c1, c2) {
		t.Errorf("the cookie changed: %q then %q", c1, c2)
	}
	t.Setenv("TERMITE_COOKIE", "from-env")
	if c, _ := LoadCookie(""); string(c) != "from-env" {
		t.Errorf("TERMITE_COOKIE ignored: %q", c)
	}
	open := filepath.Join(home, "open-cookie")
	os.WriteFile(open, []byte("x"), 0o644)
	if _, err := LoadCookie(open); err == nil || !strings.Contains(err.Error(), "can be read by others") {
		t.Errorf("a readable cookie file was accepted: %v", err)
	}
}

func FuzzReadFrame(f *testing.F) {
	f.Add(makeFrame(frameValue, 0, false, []byte{1, 2, 3}))
	f.Add(makeFrame(frameRequest, 9, true, []byte("x")))
	f.Add([]byte{0, 0, 0, 0})
	f.Add([]byte{255, 255, 255, 255, 'v'})
	f.Add(fragmentFrame(3, true, []byte("vxyz")))
	f.Add(append(fragmentFrame(3, false, []byte("q12345678")), fragmentFrame(3, true, []byte("xyz"))...))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bufio.NewReader(bytes.NewReader(data))
		parts := assembler{max: 1 << 16}
		for {
			typ, payload, err := readFrame(r, 1<<16, &parts)
			if err != nil {
				return
			}
			switch {
			case typ == frameFragment && payload != nil,
				typ != 0 && typ != frameValue && typ != frameFragment && len(payload) < 8:
				t.Fatalf("frame %c with a payload of %d bytes", typ, len(payload))
			}
		}
	})
}

func FuzzHandshake(f *testing.F) {
	h := newHello("127.0.0.1:4000", 1)
	f.Add(h.encode(nil))
	f.Add(h.encode(make([]byte, 32)))
	f.Add([]byte("TRMT"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var in bytes.Buffer
		binary.Write(&in, binary.BigEndian, uint16(len(data)))
		in.Write(data)
		in.Write(make([]byte, 34))
		var out bytes.Buffer
		me := newHello("127.0.0.1:5000", 2)
		_, keep, err := acceptHandshake(bufio.NewReader(&in), bufio.NewWriter(&out), testCookie, me, func(hello) bool { return true })
		if err == nil || keep {
			t.Fatalf("an unauthenticated peer passed: %v", err)
		}
	})
}

// TestRemotelyKnownProcessSurvivesGC checks that a process waiting for a
// message, whose pid only another node holds, is not collected (it was:
// pids are held weakly by the serialization tables).
func TestRemotelyKnownProcessSurvivesGC(t *testing.T) {
	n, _ := serveNode(t, Options{Cookie: testCookie})
	log := &syncBuffer{}
	in, client := newInterp(t, Options{Cookie: testCookie}, log)
	defer client.Close()
	node, _ := rt.NodeNamed(n.Name())
	spawn := fmt.Sprintf(`(define p (remote-spawn (make-node %q %d)
	  (lambda () (let loop () (recv ((from tag x) (! from (list tag x)))) (loop)))))`, node.Host, node.Port)
	if _, err := in.RunSource([]byte(spawn), "spawn"); err != nil {
		t.Fatal(err, log.String())
	}
	for range 3 {
		goruntime.GC()
	}
	v, err := in.RunSource([]byte("(!? p 'still-there 5 'collected)"), "call")
	if err != nil || rt.WriteString(v) != "still-there" {
		t.Errorf("got %v, %v", v, err)
	}
}

// TestOutputComesHome checks that a process that migrates, and one that
// is spawned on another node, write to the output port of the node they
// came from, in order.
func TestOutputComesHome(t *testing.T) {
	n, serverLog := serveNode(t, Options{Cookie: testCookie})
	out := &syncBuffer{}
	in, client := newInterp(t, Options{Cookie: testCookie}, out)
	defer client.Close()
	src := thereAndMe(n) + `
	  (spawn (lambda ()
	           (display "1 here ")
	           (migrate there)
	           (display "2 there ")
	           (display "3 there ")
	           (! me 'moved)))
	  (?)
	  (remote-spawn there (lambda () (display "4 spawned there ") (! me 'spawned)))
	  (?)
	  (display "5 here")
	  (flush-output-port)`
	if _, err := in.RunSource([]byte(src), "output"); err != nil {
		t.Fatal(err, out.String())
	}
	if got, want := out.String(), "1 here 2 there 3 there 4 spawned there 5 here"; got != want {
		t.Errorf("the client printed %q, want %q", got, want)
	}
	if strings.Contains(serverLog.String(), "there") {
		t.Errorf("the server printed %q", serverLog.String())
	}
}

// TestBounces checks that what comes from a node for a process this node
// would route back to it is dropped instead of sent back and forth.
func TestBounces(t *testing.T) {
	_, n := newInterp(t, Options{Cookie: testCookie}, &syncBuffer{})
	if _, err := n.Listen("127.0.0.1", 0); err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	cases := []struct {
		pid  *rt.Pid
		from string
		want bool
	}{
		{&rt.Pid{ID: 1, Node: "127.0.0.1:1"}, "127.0.0.1:1", true},
		{&rt.Pid{ID: 1, Node: "127.0.0.1:1"}, "127.0.0.1:2", false},
		{&rt.Pid{ID: 1, Node: "127.0.0.1:2", At: "127.0.0.1:1"}, "127.0.0.1:1", true},
		{&rt.Pid{ID: 1, Node: "127.0.0.1:1", At: "127.0.0.1:3"}, "127.0.0.1:1", false},
	}
	for _, c := range cases {
		if got := n.bounces(c.pid, c.from); got != c.want {
			t.Errorf("bounces(%+v, %s) = %v", *c.pid, c.from, got)
		}
	}
}

// TestCodeGoesOncePerConnection checks that code a peer has had on the
// connection is sent by hash, and that the peer still runs it after a
// collection.
func TestCodeGoesOncePerConnection(t *testing.T) {
	n, _ := serveNode(t, Options{Cookie: testCookie})
	log := &syncBuffer{}
	in, client := newInterp(t, Options{Cookie: testCookie}, log)
	defer client.Close()
	src := thereAndMe(n) + `
	  (define (square-there x) (on there (lambda () (* x x))))`
	if _, err := in.RunSource([]byte(src), "define"); err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for i := range 3 {
		before := client.sentBytes.Load()
		v, err := in.RunSource([]byte(fmt.Sprintf("(square-there %d)", i+2)), "call")
		if err != nil || rt.WriteString(v) != fmt.Sprint((i+2)*(i+2)) {
			t.Fatalf("call %d: %v, %v\n%s", i, v, err, log.String())
		}
		sizes = append(sizes, int(client.sentBytes.Load()-before))
		goruntime.GC()
	}
	t.Logf("bytes sent per call: %v", sizes)
	if sizes[1] >= sizes[0]/2 || sizes[2] != sizes[1] {
		t.Errorf("bytes sent per call: %v; the code should go with the first only", sizes)
	}
}

// TestInputComesFromHome checks that a process that migrates reads the
// input port of the node it came from.
func TestInputComesFromHome(t *testing.T) {
	n, _ := serveNode(t, Options{Cookie: testCookie})
	out := &syncBuffer{}
	in := eval.New(eval.Options{Stdin: strings.NewReader("hello\nworld\n"), Stdout: out, Stderr: out})
	if err := stdlib.Install(in); err != nil {
		t.Fatal(err)
	}
	client, err := Install(in, Options{Cookie: testCookie, Log: out})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	src := thereAndMe(n) + `
	  (spawn (lambda ()
	           (migrate there)
	           (let* ((a (read-line)) (b (read-line)) (c (read-line)))
	             (! me (list a b (eof-object? c) (eq? (current-node) there))))))
	  (?)`
	v, err := in.RunSource([]byte(src), "input")
	if err != nil {
		t.Fatal(err, out.String())
	}
	if got, want := rt.WriteString(v), `("hello" "world" #t #t)`; got != want {
		t.Errorf("the migrated process read %s, want %s", got, want)
	}
}

// TestSimultaneousDials: two nodes that dial each other at once end up
// with one connection between them, which both use.
func TestSimultaneousDials(t *testing.T) {
	for range 5 {
		a, _ := serveNode(t, Options{Cookie: testCookie})
		b, _ := serveNode(t, Options{Cookie: testCookie})
		var wg sync.WaitGroup
		for _, pair := range [][2]*Node{{a, b}, {b, a}} {
			from, to := pair[0], pair[1]
			wg.Add(1)
			from.in.Post(func() {
				defer wg.Done()
				from.Send(&rt.Pid{ID: 12345, Node: to.Name()}, rt.Intern("hello"))
			})
		}
		wg.Wait()
		conn := func(from, to *Node) *conn {
			p := from.peer(to.Name())
			for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
				p.mu.Lock()
				c, dialing := p.conn, p.dialing
				p.mu.Unlock()
				if c != nil && !dialing {
					return c
				}
			}
			t.Fatalf("%s has no connection to %s", from.Name(), to.Name())
			return nil
		}
		ca, cb := conn(a, b), conn(b, a)
		if ca.nc.LocalAddr().String() != cb.nc.RemoteAddr().String() {
			t.Fatalf("two connections: %v-%v and %v-%v", ca.nc.LocalAddr(), ca.nc.RemoteAddr(), cb.nc.LocalAddr(), cb.nc.RemoteAddr())
		}
	}
}

// TestOpArgsRefusesCycles: a request or message from a peer whose list is
// circular is refused, not walked forever (a cyclic adopt request hung
// the node).
func TestOpArgsRefusesCycles(t *testing.T) {
	cyclic := rt.Cons(symAdopt, rt.Null)
	cyclic.Cdr = cyclic
	if _, ok := opArgs(cyclic); ok {
		t.Error("opArgs took a circular list")
	}
	if _, ok := listOf(cyclic, 6); ok {
		t.Error("listOf took a circular list")
	}
	if args, ok := opArgs(rt.List(symSend, rt.True)); !ok || len(args) != 2 {
		t.Errorf("opArgs of (send #t): %v, %v", args, ok)
	}
}

// TestPortsDoNotNest checks that a process that migrates to and fro keeps
// writing to its home port through one stand-in: a stand-in that travels
// is described as the port it stands for, not wrapped in a new one each
// time.
func TestPortsDoNotNest(t *testing.T) {
	n, _ := serveNode(t, Options{Cookie: testCookie})
	out := &syncBuffer{}
	in, client := newInterp(t, Options{Cookie: testCookie}, out)
	defer client.Close()
	src := thereAndMe(n) + `
	  (spawn (lambda ()
	           (do ((i 0 (+ i 1))) ((= i 20))
	             (migrate there)
	             (display i)
	             (migrate (pid-node me)))
	           (! me 'done)))
	  (?)
	  (flush-output-port)`
	if _, err := in.RunSource([]byte(src), "to-and-fro"); err != nil {
		t.Fatal(err, out.String())
	}
	if got, want := out.String(), "012345678910111213141516171819"; got != want {
		t.Errorf("the client printed %q, want %q", got, want)
	}
	stands := make(chan int)
	n.in.Post(func() { stands <- len(n.portTab.standIns) })
	if got := <-stands; got > 3 {
		t.Errorf("the server made %d stand-ins for the client's 3 ports", got)
	}
	if got := len(client.portTab.standIns); got != 0 {
		t.Errorf("the client made %d stand-ins for its own ports", got)
	}
}
