package runtime

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestUnreachableFilePortIsFlushed(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f")
	func() {
		p, err := OpenOutputFile(name, true)
		if err != nil {
			t.Fatal(err)
		}
		p.WriteString("saved")
	}()
	// Cleanups run on their own goroutine some time after a collection.
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		if b, _ := os.ReadFile(name); string(b) == "saved" {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("an unreachable file port was never flushed")
}

func TestPortAsRuneScanner(t *testing.T) {
	var rs io.RuneScanner = NewStringInputPort("λx")
	r, size, err := rs.ReadRune()
	if r != 'λ' || size != 2 || err != nil {
		t.Fatalf("ReadRune = %q %d %v", r, size, err)
	}
	if err := rs.UnreadRune(); err != nil {
		t.Fatal(err)
	}
	if r, _, _ := rs.ReadRune(); r != 'λ' {
		t.Fatalf("after UnreadRune got %q", r)
	}
	rs.ReadRune()
	if _, _, err := rs.ReadRune(); err != io.EOF {
		t.Fatalf("at the end: %v", err)
	}
}

func TestPortDirection(t *testing.T) {
	in := NewStringInputPort("x")
	if _, err := in.WriteString("y"); err != ErrPortDirection {
		t.Errorf("writing an input port: %v", err)
	}
	out := NewStringOutputPort()
	if _, _, err := out.ReadRune(); err != ErrPortDirection {
		t.Errorf("reading an output port: %v", err)
	}
	out.Close()
	if _, err := out.WriteString("y"); err != ErrPortClosed {
		t.Errorf("writing a closed port: %v", err)
	}
	if err := out.Flush(); err != ErrPortClosed {
		t.Errorf("flushing a closed port: %v", err)
	}
}

// endless is a reader of the byte c forever, like /dev/zero.
type endless byte

func (e endless) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = byte(e)
	}
	return len(b), nil
}

// TestReadLineLimit: a line that never ends is an error once it is over
// MaxLine, and a line of exactly MaxLine is read whole.
func TestReadLineLimit(t *testing.T) {
	if _, err := NewInputPort(endless('x'), "endless", true).ReadLine(); err != ErrLineTooLong {
		t.Errorf("endless line: %v, want ErrLineTooLong", err)
	}
	long := strings.Repeat("y", MaxLine-1) + "\nz"
	p := NewInputPort(strings.NewReader(long), "long", true)
	if line, err := p.ReadLine(); err != nil || len(line) != MaxLine-1 {
		t.Errorf("a line of MaxLine bytes with its newline: %d bytes, %v", len(line), err)
	}
	if line, err := p.ReadLine(); err != nil || line != "z" {
		t.Errorf("the line after: %q, %v", line, err)
	}
}
