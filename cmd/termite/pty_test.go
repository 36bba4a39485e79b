package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// terminal is termite running on a pseudo-terminal, as a user at a
// keyboard sees it.
type terminal struct {
	t       *testing.T
	master  *os.File
	history string // the history file
	cmd     *exec.Cmd

	mu     sync.Mutex
	screen bytes.Buffer // everything termite wrote, in raw terminal bytes
	seen   int          // how much of screen expect has passed
	done   chan struct{}
}

// openPTY returns the two ends of a new pseudo-terminal of 80 x 24.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	ioctl := func(req uintptr, arg unsafe.Pointer) {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), req, uintptr(arg)); e != 0 {
			master.Close()
			t.Skipf("pseudo-terminal ioctl %#x: %v", req, e)
		}
	}
	var unlock int32
	ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock))
	var n uint32
	ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n))
	size := [4]uint16{24, 80, 0, 0}
	ioctl(syscall.TIOCSWINSZ, unsafe.Pointer(&size))
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		t.Skipf("opening the pseudo-terminal: %v", err)
	}
	return master, slave
}

// startTerminal runs termite with args on a new pseudo-terminal, as the
// leader of a session whose terminal it is (so that Ctrl-C interrupts it).
func startTerminal(t *testing.T, env []string, args ...string) *terminal {
	t.Helper()
	master, slave := openPTY(t)
	cmd := exec.Command(termiteBin, args...)
	history := t.TempDir() + "/history"
	cmd.Env = append(append(os.Environ(), "TERM=xterm", "TERMITE_HISTORY="+history), env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	term := &terminal{t: t, master: master, history: history, cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(term.done)
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			term.mu.Lock()
			term.screen.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		master.Close()
	})
	return term
}

// typeIn sends keys as if typed.
func (term *terminal) typeIn(keys string) {
	term.t.Helper()
	if _, err := term.master.Write([]byte(keys)); err != nil {
		term.t.Fatal(err)
	}
}

// ansi matches the terminal control sequences readline writes.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[a-zA-Z]`)

// expect waits until termite writes text matching pattern (control
// sequences removed) after what earlier calls matched, and returns it.
func (term *terminal) expect(pattern string) string {
	term.t.Helper()
	re := regexp.MustCompile(pattern)
	deadline := time.Now().Add(10 * time.Second)
	for {
		term.mu.Lock()
		text := ansi.ReplaceAllString(term.screen.String()[term.seen:], "")
		raw := term.screen.Len()
		term.mu.Unlock()
		if loc := re.FindStringIndex(text); loc != nil {
			term.mu.Lock()
			// Past the match, in raw bytes: the match's end in the
			// cleaned text is at most that far into the raw text.
			term.seen += rawOffset(term.screen.String()[term.seen:], loc[1])
			term.mu.Unlock()
			return text[loc[0]:loc[1]]
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("the terminal never showed %q; it shows:\n%s", pattern, text)
		}
		select {
		case <-term.done:
			if raw == term.screen.Len() {
				term.t.Fatalf("termite ended before showing %q; it showed:\n%s", pattern, text)
			}
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// rawOffset returns the offset in raw of the n-th byte of raw with its
// control sequences removed.
func rawOffset(raw string, n int) int {
	off := 0
	for n > 0 && off < len(raw) {
		if loc := ansi.FindStringIndex(raw[off:]); loc != nil && loc[0] == 0 {
			off += loc[1]
			continue
		}
		off++
		n--
	}
	return off
}

// exit waits for termite to end and returns its exit status.
func (term *terminal) exit() int {
	term.t.Helper()
	select {
	case <-term.done:
	case <-time.After(10 * time.Second):
		term.cmd.Process.Signal(syscall.SIGQUIT)
		time.Sleep(500 * time.Millisecond)
		term.mu.Lock()
		defer term.mu.Unlock()
		term.t.Fatalf("termite did not end; it shows:\n%s", term.screen.String())
	}
	err := term.cmd.Wait()
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	term.t.Fatal(err)
	return -1
}

// TestREPLIsAProcess checks that the REPL's mailbox lasts from one input
// to the next, that processes run and print while the prompt waits, and
// that Ctrl-C stops a receive that waits.
func TestREPLIsAProcess(t *testing.T) {
	term := startTerminal(t, nil)
	term.expect(`,help for help`)
	term.expect(`> `)
	term.typeIn("(! (self) 'hi)\r")
	term.expect(`> `)
	term.typeIn("(?)\r")
	term.expect(`hi\s+> `)

	// A process prints while nothing is typed.
	term.typeIn("(define ticker (spawn (lambda () (let loop ((i 0)) (? 0.05 #f) (display i) (newline) (if (< i 3) (loop (+ i 1)))))))\r")
	term.expect(`3`)

	// Ctrl-C ends a receive that waits for ever, and the REPL goes on.
	term.typeIn("(spawn (lambda () (sleep 1000)))\r")
	term.expect(`> `)
	term.typeIn("(?)\r")
	time.Sleep(200 * time.Millisecond)
	term.typeIn("\x03")
	term.expect(`interrupted`)
	term.typeIn("(+ 1 2)\r")
	term.expect(`3\s+> `)
	term.typeIn(",q\r")
	if code := term.exit(); code != 0 {
		t.Errorf("exit status %d after ,q", code)
	}
}

// TestREPLInput checks the commands, a stray closing parenthesis, and
// multi-line entries.
func TestREPLInput(t *testing.T) {
	term := startTerminal(t, nil)
	term.expect(`> `)
	term.typeIn("(+ 1 2))\r")
	term.expect(`3\s+repl:1:8: unexpected .*\)`)
	term.typeIn("1 ) 2\r")
	term.expect(`1\s+repl:2:3: unexpected .*\)\s+2\s+> `)
	term.typeIn("(car '())\r")
	term.expect(`error: car`)
	term.typeIn(",bt\r")
	term.expect(`repl:3:1 in top level`)
	term.typeIn(",apropos string-up\r")
	term.expect(`string-upcase`)
	term.typeIn("(register 'worker (spawn (lambda () (?))))\r")
	term.expect(`> `)
	term.typeIn(",ps\r")
	term.expect(`(?s)PID\s+NAME\s+STATUS.*\d+\s+worker\s+waiting\s+0`)
	term.typeIn(",i (whereis 'worker)\r")
	term.expect(`name\s+worker\s+status\s+waiting\s+mailbox\s+0`)
	term.typeIn(",pp (list 'a \"b\")\r")
	term.expect(`\(a "b"\)\s+> `)
	term.typeIn(",time (+ 1 2)\r")
	term.expect(`(?s)real time.*3\s+> `)
	term.typeIn(",nothing\r")
	term.expect(`no command ,nothing`)
	term.typeIn("(define (f x)\r")
	term.expect(`\.\.\. `)
	term.typeIn("  (* x 2))\r")
	term.expect(`> `)
	term.typeIn("(f 21)\r")
	term.expect(`42`)
	term.typeIn("(strin\t")
	term.expect(`string`)
	term.typeIn("\x15") // Ctrl-U: the line is dropped
	term.typeIn("(exit 3)\r")
	if code := term.exit(); code != 3 {
		t.Errorf("exit status %d after (exit 3)", code)
	}
	history, _ := os.ReadFile(term.history)
	if !strings.Contains(string(history), "(define (f x)   (* x 2))") {
		t.Errorf("the multi-line entry is not one line of the history:\n%s", history)
	}
}

// TestREPLExitFromAProcess checks that a process that calls exit while
// the prompt waits ends the REPL with its status, its output shown.
func TestREPLExitFromAProcess(t *testing.T) {
	term := startTerminal(t, nil)
	term.expect(`> `)
	term.typeIn("(spawn (lambda () (sleep 0.2) (display \"bye\") (exit 4)))\r")
	term.expect(`bye`)
	if code := term.exit(); code != 4 {
		t.Errorf("exit status %d, want 4", code)
	}
}

// TestREPLNodeServes checks that a REPL started with --node answers other
// nodes while the prompt waits, and that what they send waits in its
// mailbox for the next input.
func TestREPLNodeServes(t *testing.T) {
	term := startTerminal(t, []string{"TERMITE_COOKIE=cli-tests"}, "--node", "127.0.0.1:0")
	node := strings.TrimPrefix(term.expect(`node 127\.0\.0\.1:\d+`), "node ")
	term.expect(`> `)
	term.typeIn("(publish-service 'repl (self))\r")
	term.expect(`> `)
	host, port, _ := strings.Cut(node, ":")
	other := exec.Command(termiteBin, "-p", fmt.Sprintf(
		`(let ((there (make-node %q %s))) (! (resolve-service 'repl there) 'hello) (ping there 5))`, host, port))
	other.Env = append(os.Environ(), "TERMITE_COOKIE=cli-tests")
	out, err := other.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "pong" {
		t.Fatalf("the other node got %q, %v", out, err)
	}
	term.typeIn("(?)\r")
	term.expect(`hello\s+> `)
	term.typeIn(",q\r")
	term.exit()
}
