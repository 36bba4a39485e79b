package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startWorker starts `termite --node 127.0.0.1:0 --serve`, with more
// options if given, and returns it with the port it listens on.
func startWorker(t *testing.T, options ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(termiteBin, append(options, "--node", "127.0.0.1:0", "--serve")...)
	cmd.Env = append(os.Environ(), "TERMITE_COOKIE=cli-tests")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stderr).ReadString('\n')
	name, ok := strings.CutPrefix(strings.TrimSpace(line), "termite: node 127.0.0.1:")
	if err != nil || !ok {
		t.Fatalf("the worker said %q, %v", line, err)
	}
	go io.Copy(io.Discard, stderr)
	return cmd, name
}

// TestKilledNode kills -9 a node in the middle of a conversation: the
// processes linked to its processes raise (node-down NODE), monitors
// report it, and everything else, another node included, lives on.
func TestKilledNode(t *testing.T) {
	victim, victimPort := startWorker(t)
	_, otherPort := startWorker(t)
	dir := t.TempDir()
	script := `(define victim (make-node "127.0.0.1" ` + victimPort + `))
(define other (make-node "127.0.0.1" ` + otherPort + `))
(define me (self))
(define echo (remote-spawn victim (lambda () (let loop () (recv ((from tag x) (! from (list tag x)))) (loop)))))
(define ref (monitor echo))
(spawn (lambda ()
         (link echo)
         (catch (lambda (e) (! me (list 'raised e))) (? 60))))
(display (!? echo 'talking)) (newline)
(display "ready") (newline)
(flush-output-port)
(recv (('down ,ref ,echo reason) (write (equal? reason (list 'node-down victim))) (newline)))
(recv (('raised e) (write (equal? e (list 'node-down victim))) (newline)))
(write (ping victim 1)) (newline)
(write (on other (lambda () 'other-node-lives))) (newline)
`
	path := filepath.Join(dir, "client.scm")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	client := exec.Command(termiteBin, path)
	client.Env = append(os.Environ(), "TERMITE_COOKIE=cli-tests", "TERMITE_NODE_TIMEOUT=2")
	stdout, err := client.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	client.Stderr = &errOut
	if err := client.Start(); err != nil {
		t.Fatal(err)
	}
	defer client.Process.Kill()
	r := bufio.NewReader(stdout)
	var got []string
	for len(got) < 2 {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("client: %v; printed %q; stderr %s", err, got, errOut.String())
		}
		got = append(got, strings.TrimSpace(line))
	}
	victim.Process.Kill()
	done := make(chan struct{})
	go func() {
		rest, _ := io.ReadAll(r)
		got = append(got, strings.Fields(string(rest))...)
		client.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		client.Process.Kill()
		<-done
	}
	want := []string{"talking", "ready", "#t", "#t", "no-reply", "other-node-lives"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the client printed %q, want %q\nstderr: %s", got, want, errOut.String())
	}
}

// TestCookieFile: --cookie names the cookie; a cookie file that others can
// read is refused before the node listens.
func TestCookieFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "cookie")
	if err := os.WriteFile(good, []byte("cli-tests\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, port := startWorker(t, "--cookie", good)
	r := termite(t, dir, "", "--cookie", good, "-p", "(ping (make-node \"127.0.0.1\" "+port+") 3)")
	if r.code != 0 || r.stdout != "pong\n" {
		t.Errorf("a peer with the same cookie: %v", r)
	}
	open := filepath.Join(dir, "open-cookie")
	if err := os.WriteFile(open, []byte("cli-tests\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = termite(t, dir, "", "--cookie", open, "--node", "127.0.0.1:0", "-e", "1")
	if r.code != exitUnavailable || !strings.Contains(r.stderr, "can be read by others") {
		t.Errorf("a readable cookie file: %v", r)
	}
}

// TestRemoteLinkedDeathSaysWhere checks that a process that dies of an
// error on another node is reported, to the process linked to it here,
// with where it failed there and where the death was noticed here.
func TestRemoteLinkedDeathSaysWhere(t *testing.T) {
	dir := writeFiles(t, map[string]string{"linked.scm": `(define worker (spawn-node))
(define (fail x) (car x))
(define p (remote-spawn-link worker (lambda () (? 5) (fail 5))))
(! p 'go)
(? 10)
`})
	cmd := exec.Command(termiteBin, "linked.scm")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERMITE_COOKIE=cli-tests")
	out, _ := cmd.CombinedOutput()
	// The worker's own report of the death comes first, on the same
	// standard error: this node's report starts with "error: linked".
	_, report, ok := strings.Cut(string(out), "error: linked process #<pid ")
	if !ok {
		t.Fatalf("no report of the linked death:\n%s", out)
	}
	for _, want := range []string{
		"died: car: expected pair 5\n",
		"\n  at linked.scm:2:18\n  noticed at linked.scm:",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
}
