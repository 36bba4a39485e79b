package runtime

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
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
