package stdlib

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"

	rt "termite/runtime"
)

// The procedures whose port argument R7RS makes optional are registered
// under %-prefixed names that take it as a required argument; Scheme
// wrappers supply (current-input-port) and friends, which live in the
// dynamic environment this package cannot see. Their errors give the
// R7RS names (see who).

func init() {
	register(
		portPredicate("port?", func(*rt.Port) bool { return true }),
		portPredicate("input-port?", (*rt.Port).IsInput),
		portPredicate("output-port?", (*rt.Port).IsOutput),
		portPredicate("textual-port?", (*rt.Port).IsTextual),
		portPredicate("binary-port?", func(p *rt.Port) bool { return !p.IsTextual() }),
		prim("input-port-open?", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := argPort(w, args[0])
				if err != nil {
					return nil, err
				}
				return rt.MakeBool(p.InputOpen()), nil
			}
		}),
		prim("output-port-open?", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := argPort(w, args[0])
				if err != nil {
					return nil, err
				}
				return rt.MakeBool(p.OutputOpen()), nil
			}
		}),
		prim("close-port", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := argPort(w, args[0])
				if err != nil {
					return nil, err
				}
				return ioResult(w, p, p.Close())
			}
		}),
		prim("close-input-port", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := argPort(w, args[0])
				if err != nil {
					return nil, err
				}
				if !p.IsInput() {
					return nil, w.error("expected input port", p)
				}
				return ioResult(w, p, p.CloseInput())
			}
		}),
		prim("close-output-port", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := argPort(w, args[0])
				if err != nil {
					return nil, err
				}
				if !p.IsOutput() {
					return nil, w.error("expected output port", p)
				}
				return ioResult(w, p, p.CloseOutput())
			}
		}),
		prim("open-input-string", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				return rt.NewStringInputPort(s.String()), nil
			}
		}),
		&rt.Primitive{Name: "open-output-string", Min: 0, Max: 0, Fn: func([]rt.Value) (rt.Value, error) {
			return rt.NewStringOutputPort(), nil
		}},
		prim("get-output-string", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, ok := args[0].(*rt.Port)
				if !ok {
					return nil, w.typeError("string output port", args[0])
				}
				s, ok := p.OutputString()
				if !ok {
					return nil, w.error("expected string output port", p)
				}
				return s, nil
			}
		}),
		prim("open-input-bytevector", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				bv, err := argBytevector(w, args[0])
				if err != nil {
					return nil, err
				}
				// A copy, so that mutating the bytevector later cannot change
				// what the port reads.
				return rt.NewBytevectorInputPort(append([]byte(nil), bv.B...)), nil
			}
		}),
		&rt.Primitive{Name: "open-output-bytevector", Min: 0, Max: 0, Fn: func([]rt.Value) (rt.Value, error) {
			return rt.NewBytevectorOutputPort(), nil
		}},
		prim("get-output-bytevector", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, ok := args[0].(*rt.Port)
				if !ok {
					return nil, w.typeError("bytevector output port", args[0])
				}
				b, ok := p.OutputBytes()
				if !ok {
					return nil, w.error("expected bytevector output port", p)
				}
				return &rt.Bytevector{B: b}, nil
			}
		}),
		openFile("open-input-file", rt.OpenInputFile, true),
		openFile("open-binary-input-file", rt.OpenInputFile, false),
		openFile("open-output-file", rt.OpenOutputFile, true),
		openFile("open-binary-output-file", rt.OpenOutputFile, false),
		prim("file-exists?", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				name, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				_, err = os.Stat(name.String())
				return rt.MakeBool(err == nil), nil
			}
		}),
		prim("delete-file", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				name, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				if err := os.Remove(name.String()); err != nil {
					return nil, fileError(w, name, err)
				}
				return rt.Unspecified, nil
			}
		}),
		&rt.Primitive{Name: "eof-object", Min: 0, Max: 0, Fn: func([]rt.Value) (rt.Value, error) {
			return rt.EOF, nil
		}},
		&rt.Primitive{Name: "eof-object?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(args[0] == rt.EOF), nil
		}},

		// Output.
		prim("%write-char", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				c, err := argChar(w, args[0])
				if err != nil {
					return nil, err
				}
				p, err := outPort(w, args[1], true)
				if err != nil {
					return nil, err
				}
				_, err = p.WriteRune(rune(c))
				return ioResult(w, p, err)
			}
		}),
		prim("%write-string", 2, 4, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				p, err := outPort(w, args[1], true)
				if err != nil {
					return nil, err
				}
				start, end, err := argRange(w, args, 2, s.Len())
				if err != nil {
					return nil, err
				}
				if start > 0 || end < s.Len() {
					s = s.Slice(start, end)
				}
				_, err = p.WriteString(s.String())
				return ioResult(w, p, err)
			}
		}),
		prim("%newline", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := outPort(w, args[0], true)
				if err != nil {
					return nil, err
				}
				_, err = p.WriteRune('\n')
				return ioResult(w, p, err)
			}
		}),
		prim("%write-u8", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				b, err := argByte(w, args[0])
				if err != nil {
					return nil, err
				}
				p, err := outPort(w, args[1], false)
				if err != nil {
					return nil, err
				}
				return ioResult(w, p, p.WriteByte(b))
			}
		}),
		prim("%write-bytevector", 2, 4, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				bv, err := argBytevector(w, args[0])
				if err != nil {
					return nil, err
				}
				p, err := outPort(w, args[1], false)
				if err != nil {
					return nil, err
				}
				start, end, err := argRange(w, args, 2, len(bv.B))
				if err != nil {
					return nil, err
				}
				_, err = p.Write(bv.B[start:end])
				return ioResult(w, p, err)
			}
		}),
		prim("%flush-output-port", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, ok := args[0].(*rt.Port)
				if !ok || !p.IsOutput() {
					return nil, w.typeError("output port", args[0])
				}
				if !p.OutputOpen() {
					return nil, w.error("port is closed", p)
				}
				return ioResult(w, p, p.Flush())
			}
		}),
		printer("%write", rt.Write),
		printer("%write-shared", rt.WriteShared),
		printer("%write-simple", rt.WriteSimple),
		printer("%display", rt.Display),

		// Input.
		prim("%read-char", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := inPort(w, args[0], true)
				if err != nil {
					return nil, err
				}
				r, _, err := p.ReadRune()
				return charResult(w, p, r, err)
			}
		}),
		prim("%peek-char", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := inPort(w, args[0], true)
				if err != nil {
					return nil, err
				}
				r, err := p.PeekRune()
				return charResult(w, p, r, err)
			}
		}),
		prim("%read-line", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := inPort(w, args[0], true)
				if err != nil {
					return nil, err
				}
				line, err := p.ReadLine()
				if err == io.EOF {
					return rt.EOF, nil
				}
				if err != nil {
					return nil, ioError(w, p, err)
				}
				return rt.NewString(line), nil
			}
		}),
		prim("%read-string", 2, 2, readString),
		prim("%char-ready?", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := inPort(w, args[0], true)
				if err != nil {
					return nil, err
				}
				return rt.MakeBool(p.Ready()), nil
			}
		}),
		prim("%read", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := inPort(w, args[0], true)
				if err != nil {
					return nil, err
				}
				return readDatum(w, p)
			}
		}),
		prim("%read-u8", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := inPort(w, args[0], false)
				if err != nil {
					return nil, err
				}
				b, err := p.ReadByte()
				return byteResult(w, p, b, err)
			}
		}),
		prim("%peek-u8", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := inPort(w, args[0], false)
				if err != nil {
					return nil, err
				}
				b, err := p.PeekByte()
				return byteResult(w, p, b, err)
			}
		}),
		prim("%u8-ready?", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				p, err := inPort(w, args[0], false)
				if err != nil {
					return nil, err
				}
				return rt.MakeBool(p.Ready()), nil
			}
		}),
		prim("%read-bytevector", 2, 2, readBytevector),
		prim("%read-bytevector!", 2, 4, readBytevectorInto),
	)
}

func argPort(w who, v rt.Value) (*rt.Port, error) {
	if p, ok := v.(*rt.Port); ok {
		return p, nil
	}
	return nil, w.typeError("port", v)
}

func portKind(textual bool, dir string) string {
	if textual {
		return "textual " + dir + " port"
	}
	return "binary " + dir + " port"
}

// inPort checks that v is an open input port of the right kind.
func inPort(w who, v rt.Value, textual bool) (*rt.Port, error) {
	p, ok := v.(*rt.Port)
	if !ok {
		return nil, w.typeError(portKind(textual, "input"), v)
	}
	if !p.IsInput() || p.IsTextual() != textual {
		return nil, w.error("expected "+portKind(textual, "input"), p)
	}
	if !p.InputOpen() {
		return nil, w.error("port is closed", p)
	}
	return p, nil
}

// outPort checks that v is an open output port of the right kind.
func outPort(w who, v rt.Value, textual bool) (*rt.Port, error) {
	p, ok := v.(*rt.Port)
	if !ok {
		return nil, w.typeError(portKind(textual, "output"), v)
	}
	if !p.IsOutput() || p.IsTextual() != textual {
		return nil, w.error("expected "+portKind(textual, "output"), p)
	}
	if !p.OutputOpen() {
		return nil, w.error("port is closed", p)
	}
	return p, nil
}

func portPredicate(name string, pred func(*rt.Port) bool) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			p, ok := args[0].(*rt.Port)
			return rt.MakeBool(ok && pred(p)), nil
		}
	})
}

// fileError makes the error object of a failed file operation, which
// file-error? recognizes, naming the file.
func fileError(w who, name *rt.String, err error) error {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	e := w.error(""+msg, name)
	e.Kind = rt.FileError
	return e
}

func openFile(name string, open func(string, bool) (*rt.Port, error), textual bool) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			name, err := argString(w, args[0])
			if err != nil {
				return nil, err
			}
			p, err := open(name.String(), textual)
			if err != nil {
				return nil, fileError(w, name, err)
			}
			return p, nil
		}
	})
}

// ioError reports a failure of the underlying reader or writer.
func ioError(w who, p *rt.Port, err error) error {
	if err == rt.ErrPortClosed {
		return w.error("port is closed", p)
	}
	return w.error(err.Error(), p)
}

func ioResult(w who, p *rt.Port, err error) (rt.Value, error) {
	if err != nil {
		return nil, ioError(w, p, err)
	}
	return rt.Unspecified, nil
}

func charResult(w who, p *rt.Port, r rune, err error) (rt.Value, error) {
	if err == io.EOF {
		return rt.EOF, nil
	}
	if err != nil {
		return nil, ioError(w, p, err)
	}
	return rt.Char(r), nil
}

func byteResult(w who, p *rt.Port, b byte, err error) (rt.Value, error) {
	if err == io.EOF {
		return rt.EOF, nil
	}
	if err != nil {
		return nil, ioError(w, p, err)
	}
	return fixnum(int(b)), nil
}

func printer(name string, print func(io.Writer, rt.Value) error) *rt.Primitive {
	return prim(name, 2, 2, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			p, err := outPort(w, args[1], true)
			if err != nil {
				return nil, err
			}
			return ioResult(w, p, print(p, args[0]))
		}
	})
}

// readString reads up to k characters, fewer only at the end of input.
func readString(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		k, err := argIndex(w, args[0])
		if err != nil {
			return nil, err
		}
		p, err := inPort(w, args[1], true)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			return rt.NewString(""), nil
		}
		var out strings.Builder
		n := 0
		for n < k {
			r, _, err := p.ReadRune()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, ioError(w, p, err)
			}
			out.WriteRune(r)
			n++
		}
		if n == 0 {
			return rt.EOF, nil
		}
		return rt.NewString(out.String()), nil
	}
}

// readFull fills b from p, stopping early only at the end of input.
func readFull(w who, p *rt.Port, b []byte) (int, error) {
	n, err := io.ReadFull(p, b)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	if err != nil {
		return n, ioError(w, p, err)
	}
	return n, nil
}

func readBytevector(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		k, err := argIndex(w, args[0])
		if err != nil {
			return nil, err
		}
		p, err := inPort(w, args[1], false)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			return &rt.Bytevector{B: []byte{}}, nil
		}
		// Grow as data arrives rather than trust k, which may be huge.
		buf := make([]byte, min(k, 64<<10))
		n := 0
		for {
			m, err := readFull(w, p, buf[n:])
			if err != nil {
				return nil, err
			}
			n += m
			if n < len(buf) || n == k {
				break
			}
			buf = append(buf, make([]byte, min(k-n, len(buf)))...)
		}
		if n == 0 {
			return rt.EOF, nil
		}
		return &rt.Bytevector{B: buf[:n]}, nil
	}
}

func readBytevectorInto(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		bv, err := argBytevector(w, args[0])
		if err != nil {
			return nil, err
		}
		p, err := inPort(w, args[1], false)
		if err != nil {
			return nil, err
		}
		start, end, err := argRange(w, args, 2, len(bv.B))
		if err != nil {
			return nil, err
		}
		if start == end {
			return fixnum(0), nil
		}
		n, err := readFull(w, p, bv.B[start:end])
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return rt.EOF, nil
		}
		return fixnum(n), nil
	}
}
