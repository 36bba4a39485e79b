package runtime

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
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

// TestPrintIntoPortBuffer prints into a port's buffer (see
// availableBuffer): large data, flushed several times on the way, must
// come out whole and in order, on a string port and on a buffered one.
func TestPrintIntoPortBuffer(t *testing.T) {
	items := make([]Value, 20000)
	for i := range items {
		items[i] = NewString(strconv.Itoa(i))
	}
	v := &Vector{Items: items}
	want := WriteString(v)
	if len(want) < 3*printFlushSize {
		t.Fatalf("the datum prints in %d bytes: too few to flush", len(want))
	}
	// The string port's buffer gets room for the whole datum (bytes.Buffer
	// doubles it), so that the printer works inside it.
	lead := strings.Repeat("x", 1<<20)
	sp := NewStringOutputPort()
	var sink bytes.Buffer
	bp := NewOutputPort(&sink, "buffered", true)
	for _, p := range []*Port{sp, bp} {
		if _, err := p.WriteString(lead); err != nil {
			t.Fatal(err)
		}
		if _, err := p.WriteString("<"); err != nil {
			t.Fatal(err)
		}
		if err := Write(p, v); err != nil {
			t.Fatal(err)
		}
		if err := Display(p, NewString("λ>")); err != nil {
			t.Fatal(err)
		}
	}
	if err := bp.Flush(); err != nil {
		t.Fatal(err)
	}
	got, _ := sp.OutputString()
	for _, out := range []string{got.String(), sink.String()} {
		if out != lead+"<"+want+"λ>" {
			t.Errorf("printed %d bytes, want %d; they differ", len(out), len(lead)+len(want)+4)
		}
	}
}

// TestPortWritesDoNotAllocate: write-char and display of a short string
// or symbol cost no allocation once the port's buffer has room.
func TestPortWritesDoNotAllocate(t *testing.T) {
	p := NewStringOutputPort()
	p.WriteString(strings.Repeat(" ", 1<<16))
	s, sym := NewString("<item "), Intern("sym")
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"WriteRune", func() { p.WriteRune('λ') }},
		{"WriteByte", func() { p.WriteByte('a') }},
		{"Display string", func() { Display(p, s) }},
		{"Display symbol", func() { Display(p, sym) }},
		{"Write fixnum", func() { Write(p, MakeFixnum(12345)) }},
	} {
		if n := testing.AllocsPerRun(100, c.f); n != 0 {
			t.Errorf("%s: %v allocations", c.name, n)
		}
	}
}
