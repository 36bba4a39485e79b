package runtime

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
	"weak"
)

// ErrPortClosed is returned by the operations of a Port whose side is
// closed.
var ErrPortClosed = errors.New("port is closed")

// ErrPortDirection is returned when reading from an output-only port or
// writing to an input-only one.
var ErrPortDirection = errors.New("wrong port direction")

type portKind uint8

const (
	consolePort portKind = iota
	filePort
	stringPort
	bytevectorPort
)

// Port is a Scheme port: textual or binary, with an input side, an output
// side or both, each of which can be closed on its own. A textual port
// reads and writes UTF-8 encoded code points; malformed input decodes as
// U+FFFD.
//
// Output to console and file ports is buffered: Flush, Close or
// FlushAllPorts passes it on, except on ports with auto-flush set
// (standard error gets it by default). Reading a port tied to an output
// port (SetTie) flushes that port first whenever the read may block, so a
// prompt is always visible before the program waits for its answer.
//
// A Port is not safe for concurrent use.
type Port struct {
	name    string
	kind    portKind
	textual bool

	in     *bufio.Reader // nil when there is no input side
	inOpen bool
	// inFile is the file an input file port owns and closes.
	inFile *os.File
	tie    *Port
	// readMu is held by a read that runs off the scheduler's goroutine
	// (see ParkRead), so that reads of one console port never overlap;
	// parked is set meanwhile: the tie is flushed before parking, not
	// from the other goroutine.
	readMu sync.Mutex
	parked bool
	// foldCase is the #!fold-case state of read on this port, which R7RS
	// makes last from the directive to the end of the port.
	foldCase bool

	out     *portOutput // nil when there is no output side
	outOpen bool
}

// portOutput is the output side of a port. It is separate from Port so
// that the cleanup that flushes an unreachable file port can hold it
// without keeping the Port itself alive.
type portOutput struct {
	buf       *bytes.Buffer // string and bytevector ports accumulate here
	w         *bufio.Writer // console and file ports
	file      *os.File      // closed with the port
	autoFlush bool
	closed    bool
}

// NewInputPort returns an input port reading from r, which it does not
// own: closing the port does not close r.
func NewInputPort(r io.Reader, name string, textual bool) *Port {
	return &Port{name: name, kind: consolePort, textual: textual, in: bufio.NewReader(r), inOpen: true}
}

// NewOutputPort returns a buffered output port writing to w, which it does
// not own: closing the port flushes it but does not close w. Standard
// error is never buffered, so that diagnostics appear at once and in
// order.
func NewOutputPort(w io.Writer, name string, textual bool) *Port {
	p := &Port{name: name, kind: consolePort, textual: textual, outOpen: true,
		out: &portOutput{w: bufio.NewWriter(w), autoFlush: w == io.Writer(os.Stderr)}}
	registerOutput(p)
	return p
}

// NewStringInputPort returns a textual input port reading s.
func NewStringInputPort(s string) *Port {
	return &Port{name: "string", kind: stringPort, textual: true, in: bufio.NewReader(strings.NewReader(s)), inOpen: true}
}

// NewStringOutputPort returns a textual output port that accumulates what
// is written to it for OutputString.
func NewStringOutputPort() *Port {
	return &Port{name: "string", kind: stringPort, textual: true, outOpen: true, out: &portOutput{buf: new(bytes.Buffer)}}
}

// NewBytevectorInputPort returns a binary input port reading b, which
// must not change while the port is in use.
func NewBytevectorInputPort(b []byte) *Port {
	return &Port{name: "bytevector", kind: bytevectorPort, in: bufio.NewReader(bytes.NewReader(b)), inOpen: true}
}

// NewBytevectorOutputPort returns a binary output port that accumulates
// what is written to it for OutputBytes.
func NewBytevectorOutputPort() *Port {
	return &Port{name: "bytevector", kind: bytevectorPort, outOpen: true, out: &portOutput{buf: new(bytes.Buffer)}}
}

// OpenInputFile opens the file at path for reading. The error is the one
// from the operating system.
func OpenInputFile(path string, textual bool) (*Port, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &Port{name: path, kind: filePort, textual: textual, in: bufio.NewReader(f), inOpen: true, inFile: f}, nil
}

// OpenOutputFile creates or truncates the file at path for writing.
func OpenOutputFile(path string, textual bool) (*Port, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	out := &portOutput{w: bufio.NewWriter(f), file: f}
	p := &Port{name: path, kind: filePort, textual: textual, outOpen: true, out: out}
	registerOutput(p)
	// A program that never closes its output file still expects the data
	// to reach it; flush when the port becomes garbage.
	runtime.AddCleanup(p, func(o *portOutput) { o.close() }, out)
	return p, nil
}

// Name returns the name given when the port was made: a file name,
// "stdin", "string" and so on.
func (p *Port) Name() string { return p.name }

// IsInput reports whether p has an input side, open or closed.
func (p *Port) IsInput() bool { return p.in != nil }

// IsOutput reports whether p has an output side, open or closed.
func (p *Port) IsOutput() bool { return p.out != nil }

// IsTextual reports whether p reads and writes characters.
func (p *Port) IsTextual() bool { return p.textual }

// InputOpen reports whether p has an input side that is open.
func (p *Port) InputOpen() bool { return p.in != nil && p.inOpen }

// OutputOpen reports whether p has an output side that is open.
func (p *Port) OutputOpen() bool { return p.out != nil && p.outOpen }

// OpaqueString gives the printed form, such as #<input-port stdin>.
func (p *Port) OpaqueString() string {
	dir := "port"
	switch {
	case p.in != nil && p.out != nil:
		dir = "input-output-port"
	case p.in != nil:
		dir = "input-port"
	case p.out != nil:
		dir = "output-port"
	}
	if !p.textual {
		dir = "binary-" + dir
	}
	return "#<" + dir + " " + p.name + ">"
}

// SetTie makes reads from p that may block flush out first.
func (p *Port) SetTie(out *Port) { p.tie = out }

// FoldCase reports whether read has met #!fold-case (and no later
// #!no-fold-case) on p.
func (p *Port) FoldCase() bool { return p.foldCase }

// SetFoldCase records a fold-case directive read from p.
func (p *Port) SetFoldCase(on bool) { p.foldCase = on }

// SetAutoFlush makes every write to p flush at once.
func (p *Port) SetAutoFlush(on bool) {
	if p.out != nil {
		p.out.autoFlush = on
	}
}

// Close closes both sides of p. Closing a closed port does nothing.
func (p *Port) Close() error {
	errIn := p.CloseInput()
	errOut := p.CloseOutput()
	if errOut != nil {
		return errOut
	}
	return errIn
}

// CloseInput closes the input side of p, if it has one.
func (p *Port) CloseInput() error {
	if p.in == nil || !p.inOpen {
		return nil
	}
	p.inOpen = false
	if p.inFile != nil {
		return p.inFile.Close()
	}
	return nil
}

// CloseOutput flushes and closes the output side of p, if it has one. The
// text of a string port stays available to OutputString.
func (p *Port) CloseOutput() error {
	if p.out == nil || !p.outOpen {
		return nil
	}
	p.outOpen = false
	unregisterOutput(p)
	return p.out.close()
}

func (o *portOutput) close() error {
	if o.closed {
		return nil
	}
	o.closed = true
	var err error
	if o.w != nil {
		err = o.w.Flush()
	}
	if o.file != nil {
		if cerr := o.file.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Flush passes buffered output on to the underlying writer.
func (p *Port) Flush() error {
	if !p.OutputOpen() {
		if p.out == nil {
			return ErrPortDirection
		}
		return ErrPortClosed
	}
	if p.out.w != nil {
		return p.out.w.Flush()
	}
	return nil
}

// OutputString returns a new string holding what was written to a string
// output port, and false for any other port.
func (p *Port) OutputString() (*String, bool) {
	if p.out == nil || p.kind != stringPort {
		return nil, false
	}
	return NewStringUTF8(p.out.buf.Bytes()), true
}

// OutputBytes returns a copy of what was written to a bytevector output
// port, and false for any other port.
func (p *Port) OutputBytes() ([]byte, bool) {
	if p.out == nil || p.kind != bytevectorPort {
		return nil, false
	}
	return bytes.Clone(p.out.buf.Bytes()), true
}

// reader returns the buffered input, flushing the tied port first when
// the next read will have to wait for the underlying reader.
func (p *Port) reader() (*bufio.Reader, error) {
	if p.in == nil {
		return nil, ErrPortDirection
	}
	if !p.inOpen {
		return nil, ErrPortClosed
	}
	if p.tie != nil && !p.parked && p.in.Buffered() == 0 && p.tie.OutputOpen() {
		p.tie.Flush()
	}
	return p.in, nil
}

// ReadRune reads one character; at the end of input it returns io.EOF.
// With UnreadRune it makes a textual Port an io.RuneScanner.
func (p *Port) ReadRune() (r rune, size int, err error) {
	in, err := p.reader()
	if err != nil {
		return 0, 0, err
	}
	return in.ReadRune()
}

// UnreadRune pushes back the character that the last ReadRune read.
func (p *Port) UnreadRune() error {
	if p.in == nil {
		return ErrPortDirection
	}
	return p.in.UnreadRune()
}

// PeekRune returns the next character without consuming it.
func (p *Port) PeekRune() (rune, error) {
	r, _, err := p.ReadRune()
	if err != nil {
		return 0, err
	}
	return r, p.in.UnreadRune()
}

// ReadByte reads one byte; at the end of input it returns io.EOF.
func (p *Port) ReadByte() (byte, error) {
	in, err := p.reader()
	if err != nil {
		return 0, err
	}
	return in.ReadByte()
}

// PeekByte returns the next byte without consuming it.
func (p *Port) PeekByte() (byte, error) {
	in, err := p.reader()
	if err != nil {
		return 0, err
	}
	b, err := in.Peek(1)
	if len(b) == 0 {
		return 0, err
	}
	return b[0], nil
}

// Read reads up to len(b) bytes, making a Port an io.Reader.
func (p *Port) Read(b []byte) (int, error) {
	in, err := p.reader()
	if err != nil {
		return 0, err
	}
	return in.Read(b)
}

// ReadLine reads up to the next line end, "\n", "\r\n" or "\r" (R7RS
// 6.13.2), which it consumes but does not return. It returns io.EOF only
// when no character at all was left. The line may hold malformed UTF-8,
// which converting it to runes turns into U+FFFD as ReadRune would.
func (p *Port) ReadLine() (string, error) {
	in, err := p.reader()
	if err != nil {
		return "", err
	}
	var line []byte
	for {
		if _, err := in.Peek(1); err != nil {
			if err == io.EOF {
				if line == nil {
					return "", io.EOF
				}
				err = nil
			}
			return string(line), err
		}
		buf, _ := in.Peek(in.Buffered())
		i := bytes.IndexAny(buf, "\r\n")
		if i < 0 {
			if len(line)+len(buf) > MaxLine {
				// What is read stays read: the rest of the line, if it
				// ever ends, is the next line.
				return "", ErrLineTooLong
			}
			line = append(line, buf...)
			in.Discard(len(buf))
			continue
		}
		if len(line)+i > MaxLine {
			return "", ErrLineTooLong
		}
		line = append(line, buf[:i]...)
		in.Discard(i + 1)
		// The "\n" of "\r\n" goes with it. A console is only asked
		// for what it has sent already: a line typed with "\r" must not
		// wait for the next one.
		if buf[i] == '\r' && (in.Buffered() > 0 || !p.Console()) {
			if next, err := in.Peek(1); err == nil && next[0] == '\n' {
				in.Discard(1)
			}
		}
		return string(line), nil
	}
}

// MaxLine is the most bytes ReadLine reads for one line: a line that
// never ends (/dev/zero) is an error, not all of memory.
const MaxLine = 64 << 20

// ErrLineTooLong is ReadLine's error for a line over MaxLine.
var ErrLineTooLong = errors.New("line longer than the limit of 64 MiB")

// Console reports whether p reads from the outside world (a terminal, a
// pipe, a file given as a reader), where a read may wait indefinitely.
func (p *Port) Console() bool { return p.kind == consolePort && p.in != nil }

// Buffered returns how many bytes of input are read ahead.
func (p *Port) Buffered() int {
	if p.in == nil {
		return 0
	}
	return p.in.Buffered()
}

// TryLockRead takes the port for a read on the calling goroutine, unless
// a parked read holds it.
func (p *Port) TryLockRead() bool { return p.readMu.TryLock() }

// UnlockRead releases what TryLockRead took.
func (p *Port) UnlockRead() { p.readMu.Unlock() }

// ParkRead returns a function that runs read with the port held, for a
// goroutine other than the scheduler's. The output port tied to p is
// flushed now, on the caller's goroutine, since other processes may write
// to it while the read waits.
func (p *Port) ParkRead(read func() (Value, error)) func() (Value, error) {
	if p.tie != nil && p.tie.OutputOpen() {
		p.tie.Flush()
	}
	return func() (Value, error) {
		p.readMu.Lock()
		defer p.readMu.Unlock()
		p.parked = true
		defer func() { p.parked = false }()
		return read()
	}
}

// Ready reports whether a read would not block: a whole character (or a
// byte, on a binary port) is buffered, or the port reads from memory or a
// file, where waiting is not an issue.
func (p *Port) Ready() bool {
	if !p.InputOpen() {
		return false
	}
	if p.kind != consolePort {
		return true
	}
	n := p.in.Buffered()
	if n == 0 {
		return false
	}
	if !p.textual {
		return true
	}
	b, _ := p.in.Peek(n)
	return utf8.FullRune(b)
}

func (p *Port) writer() (*portOutput, error) {
	if p.out == nil {
		return nil, ErrPortDirection
	}
	if !p.outOpen {
		return nil, ErrPortClosed
	}
	return p.out, nil
}

func (o *portOutput) done() error {
	if o.autoFlush && o.w != nil {
		return o.w.Flush()
	}
	return nil
}

// Write writes b, making a Port an io.Writer; on a textual port b must be
// UTF-8 text.
func (p *Port) Write(b []byte) (int, error) {
	o, err := p.writer()
	if err != nil {
		return 0, err
	}
	if o.buf != nil {
		return o.wrote(o.buf.Write(b))
	}
	return o.wrote(o.w.Write(b))
}

// WriteString writes the UTF-8 text s.
func (p *Port) WriteString(s string) (int, error) {
	o, err := p.writer()
	if err != nil {
		return 0, err
	}
	if o.buf != nil {
		return o.wrote(o.buf.WriteString(s))
	}
	return o.wrote(o.w.WriteString(s))
}

// WriteRune writes one character. It encodes it in the buffer, not in a
// slice of its own passed to Write: that slice escaped, and cost
// write-char an allocation.
func (p *Port) WriteRune(r rune) (int, error) {
	o, err := p.writer()
	if err != nil {
		return 0, err
	}
	if o.buf != nil {
		return o.wrote(o.buf.WriteRune(r))
	}
	return o.wrote(o.w.WriteRune(r))
}

// WriteByte writes one byte, without an allocation (see WriteRune).
func (p *Port) WriteByte(c byte) error {
	o, err := p.writer()
	if err != nil {
		return err
	}
	if o.buf != nil {
		err = o.buf.WriteByte(c)
	} else {
		err = o.w.WriteByte(c)
	}
	_, err = o.wrote(1, err)
	return err
}

// availableBuffer returns an empty slice whose capacity is the free space
// of p's output buffer, or nil: appending to it and writing the result
// copies and allocates nothing when it fits (as with bytes.Buffer's
// AvailableBuffer). Another write to p ends its use.
func (p *Port) availableBuffer() []byte {
	o := p.out
	switch {
	case o == nil || !p.outOpen:
		return nil
	case o.buf != nil:
		return o.buf.AvailableBuffer()
	}
	return o.w.AvailableBuffer()
}

// wrote is the result of a write of n bytes that returned err: a port
// that flushes after each write flushes now.
func (o *portOutput) wrote(n int, err error) (int, error) {
	if err != nil {
		return n, err
	}
	return n, o.done()
}

// The open buffered output ports, held weakly so that an unclosed port
// can still be collected (and flushed by its cleanup).
var openOutputs = struct {
	sync.Mutex
	m map[weak.Pointer[Port]]struct{}
	// pruneAt is the size at which registering drops the entries of
	// collected ports, so that a program that never closes its ports
	// does not grow the map without bound.
	pruneAt int
}{m: make(map[weak.Pointer[Port]]struct{}), pruneAt: 64}

func registerOutput(p *Port) {
	openOutputs.Lock()
	if len(openOutputs.m) >= openOutputs.pruneAt {
		for wp := range openOutputs.m {
			if wp.Value() == nil {
				delete(openOutputs.m, wp)
			}
		}
		openOutputs.pruneAt = 2*len(openOutputs.m) + 64
	}
	openOutputs.m[weak.Make(p)] = struct{}{}
	openOutputs.Unlock()
}

func unregisterOutput(p *Port) {
	openOutputs.Lock()
	delete(openOutputs.m, weak.Make(p))
	openOutputs.Unlock()
}

// FlushAllPorts flushes every open console and file output port. Call it
// before the process exits, when no Scheme code is running. It returns the
// first error met, after trying every port.
func FlushAllPorts() error {
	openOutputs.Lock()
	var ports []*Port
	for wp := range openOutputs.m {
		if p := wp.Value(); p != nil {
			ports = append(ports, p)
		} else {
			delete(openOutputs.m, wp)
		}
	}
	openOutputs.Unlock()
	var first error
	for _, p := range ports {
		if err := p.Flush(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
