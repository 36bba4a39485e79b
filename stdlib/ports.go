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
// dynamic environment this package cannot see. Error messages use the
// R7RS names.

func init() {
	register(
		portPredicate("port?", func(*rt.Port) bool { return true }),
		portPredicate("input-port?", (*rt.Port).IsInput),
		portPredicate("output-port?", (*rt.Port).IsOutput),
		portPredicate("textual-port?", (*rt.Port).IsTextual),
		portPredicate("binary-port?", func(p *rt.Port) bool { return !p.IsTextual() }),
		&rt.Primitive{Name: "input-port-open?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := argPort("input-port-open?", args[0])
			if err != nil {
				return nil, err
			}
			return rt.MakeBool(p.InputOpen()), nil
		}},
		&rt.Primitive{Name: "output-port-open?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := argPort("output-port-open?", args[0])
			if err != nil {
				return nil, err
			}
			return rt.MakeBool(p.OutputOpen()), nil
		}},
		&rt.Primitive{Name: "close-port", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := argPort("close-port", args[0])
			if err != nil {
				return nil, err
			}
			return ioResult("close-port", p, p.Close())
		}},
		&rt.Primitive{Name: "close-input-port", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := argPort("close-input-port", args[0])
			if err != nil {
				return nil, err
			}
			if !p.IsInput() {
				return nil, rt.NewError("close-input-port: expected input port", p)
			}
			return ioResult("close-input-port", p, p.CloseInput())
		}},
		&rt.Primitive{Name: "close-output-port", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := argPort("close-output-port", args[0])
			if err != nil {
				return nil, err
			}
			if !p.IsOutput() {
				return nil, rt.NewError("close-output-port: expected output port", p)
			}
			return ioResult("close-output-port", p, p.CloseOutput())
		}},
		&rt.Primitive{Name: "open-input-string", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			s, err := argString("open-input-string", args[0])
			if err != nil {
				return nil, err
			}
			return rt.NewStringInputPort(s.String()), nil
		}},
		&rt.Primitive{Name: "open-output-string", Min: 0, Max: 0, Fn: func([]rt.Value) (rt.Value, error) {
			return rt.NewStringOutputPort(), nil
		}},
		&rt.Primitive{Name: "get-output-string", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, ok := args[0].(*rt.Port)
			if !ok {
				return nil, rt.TypeError("get-output-string", "string output port", args[0])
			}
			s, ok := p.OutputString()
			if !ok {
				return nil, rt.NewError("get-output-string: expected string output port", p)
			}
			return rt.NewString(s), nil
		}},
		&rt.Primitive{Name: "open-input-bytevector", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			bv, err := argBytevector("open-input-bytevector", args[0])
			if err != nil {
				return nil, err
			}
			// A copy, so that mutating the bytevector later cannot change
			// what the port reads.
			return rt.NewBytevectorInputPort(append([]byte(nil), bv.B...)), nil
		}},
		&rt.Primitive{Name: "open-output-bytevector", Min: 0, Max: 0, Fn: func([]rt.Value) (rt.Value, error) {
			return rt.NewBytevectorOutputPort(), nil
		}},
		&rt.Primitive{Name: "get-output-bytevector", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, ok := args[0].(*rt.Port)
			if !ok {
				return nil, rt.TypeError("get-output-bytevector", "bytevector output port", args[0])
			}
			b, ok := p.OutputBytes()
			if !ok {
				return nil, rt.NewError("get-output-bytevector: expected bytevector output port", p)
			}
			return &rt.Bytevector{B: b}, nil
		}},
		openFile("open-input-file", rt.OpenInputFile, true),
		openFile("open-binary-input-file", rt.OpenInputFile, false),
		openFile("open-output-file", rt.OpenOutputFile, true),
		openFile("open-binary-output-file", rt.OpenOutputFile, false),
		&rt.Primitive{Name: "file-exists?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			name, err := argString("file-exists?", args[0])
			if err != nil {
				return nil, err
			}
			_, err = os.Stat(name.String())
			return rt.MakeBool(err == nil), nil
		}},
		&rt.Primitive{Name: "delete-file", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			name, err := argString("delete-file", args[0])
			if err != nil {
				return nil, err
			}
			if err := os.Remove(name.String()); err != nil {
				return nil, fileError("delete-file", name, err)
			}
			return rt.Unspecified, nil
		}},
		&rt.Primitive{Name: "eof-object", Min: 0, Max: 0, Fn: func([]rt.Value) (rt.Value, error) {
			return rt.EOF, nil
		}},
		&rt.Primitive{Name: "eof-object?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(args[0] == rt.EOF), nil
		}},

		// Output.
		&rt.Primitive{Name: "%write-char", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			c, err := argChar("write-char", args[0])
			if err != nil {
				return nil, err
			}
			p, err := outPort("write-char", args[1], true)
			if err != nil {
				return nil, err
			}
			_, err = p.WriteRune(rune(c))
			return ioResult("write-char", p, err)
		}},
		&rt.Primitive{Name: "%write-string", Min: 2, Max: 4, Fn: func(args []rt.Value) (rt.Value, error) {
			s, err := argString("write-string", args[0])
			if err != nil {
				return nil, err
			}
			p, err := outPort("write-string", args[1], true)
			if err != nil {
				return nil, err
			}
			start, end, err := argRange("write-string", args, 2, len(s.R))
			if err != nil {
				return nil, err
			}
			_, err = p.WriteString(string(s.R[start:end]))
			return ioResult("write-string", p, err)
		}},
		&rt.Primitive{Name: "%newline", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := outPort("newline", args[0], true)
			if err != nil {
				return nil, err
			}
			_, err = p.WriteRune('\n')
			return ioResult("newline", p, err)
		}},
		&rt.Primitive{Name: "%write-u8", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			b, err := argByte("write-u8", args[0])
			if err != nil {
				return nil, err
			}
			p, err := outPort("write-u8", args[1], false)
			if err != nil {
				return nil, err
			}
			return ioResult("write-u8", p, p.WriteByte(b))
		}},
		&rt.Primitive{Name: "%write-bytevector", Min: 2, Max: 4, Fn: func(args []rt.Value) (rt.Value, error) {
			bv, err := argBytevector("write-bytevector", args[0])
			if err != nil {
				return nil, err
			}
			p, err := outPort("write-bytevector", args[1], false)
			if err != nil {
				return nil, err
			}
			start, end, err := argRange("write-bytevector", args, 2, len(bv.B))
			if err != nil {
				return nil, err
			}
			_, err = p.Write(bv.B[start:end])
			return ioResult("write-bytevector", p, err)
		}},
		&rt.Primitive{Name: "%flush-output-port", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, ok := args[0].(*rt.Port)
			if !ok || !p.IsOutput() {
				return nil, rt.TypeError("flush-output-port", "output port", args[0])
			}
			if !p.OutputOpen() {
				return nil, rt.NewError("flush-output-port: port is closed", p)
			}
			return ioResult("flush-output-port", p, p.Flush())
		}},
		printer("%write", "write", rt.Write),
		printer("%write-shared", "write-shared", rt.WriteShared),
		printer("%write-simple", "write-simple", rt.WriteSimple),
		printer("%display", "display", rt.Display),

		// Input.
		&rt.Primitive{Name: "%read-char", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := inPort("read-char", args[0], true)
			if err != nil {
				return nil, err
			}
			r, _, err := p.ReadRune()
			return charResult("read-char", p, r, err)
		}},
		&rt.Primitive{Name: "%peek-char", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := inPort("peek-char", args[0], true)
			if err != nil {
				return nil, err
			}
			r, err := p.PeekRune()
			return charResult("peek-char", p, r, err)
		}},
		&rt.Primitive{Name: "%read-line", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := inPort("read-line", args[0], true)
			if err != nil {
				return nil, err
			}
			line, err := p.ReadLine()
			if err == io.EOF {
				return rt.EOF, nil
			}
			if err != nil {
				return nil, ioError("read-line", p, err)
			}
			return rt.NewString(line), nil
		}},
		&rt.Primitive{Name: "%read-string", Min: 2, Max: 2, Fn: readString},
		&rt.Primitive{Name: "%char-ready?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := inPort("char-ready?", args[0], true)
			if err != nil {
				return nil, err
			}
			return rt.MakeBool(p.Ready()), nil
		}},
		&rt.Primitive{Name: "%read", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := inPort("read", args[0], true)
			if err != nil {
				return nil, err
			}
			return readDatum(p)
		}},
		&rt.Primitive{Name: "%read-u8", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := inPort("read-u8", args[0], false)
			if err != nil {
				return nil, err
			}
			b, err := p.ReadByte()
			return byteResult("read-u8", p, b, err)
		}},
		&rt.Primitive{Name: "%peek-u8", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := inPort("peek-u8", args[0], false)
			if err != nil {
				return nil, err
			}
			b, err := p.PeekByte()
			return byteResult("peek-u8", p, b, err)
		}},
		&rt.Primitive{Name: "%u8-ready?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			p, err := inPort("u8-ready?", args[0], false)
			if err != nil {
				return nil, err
			}
			return rt.MakeBool(p.Ready()), nil
		}},
		&rt.Primitive{Name: "%read-bytevector", Min: 2, Max: 2, Fn: readBytevector},
		&rt.Primitive{Name: "%read-bytevector!", Min: 2, Max: 4, Fn: readBytevectorInto},
	)
}

func argPort(who string, v rt.Value) (*rt.Port, error) {
	if p, ok := v.(*rt.Port); ok {
		return p, nil
	}
	return nil, rt.TypeError(who, "port", v)
}

func portKind(textual bool, dir string) string {
	if textual {
		return "textual " + dir + " port"
	}
	return "binary " + dir + " port"
}

// inPort checks that v is an open input port of the right kind.
func inPort(who string, v rt.Value, textual bool) (*rt.Port, error) {
	p, ok := v.(*rt.Port)
	if !ok {
		return nil, rt.TypeError(who, portKind(textual, "input"), v)
	}
	if !p.IsInput() || p.IsTextual() != textual {
		return nil, rt.NewError(who+": expected "+portKind(textual, "input"), p)
	}
	if !p.InputOpen() {
		return nil, rt.NewError(who+": port is closed", p)
	}
	return p, nil
}

// outPort checks that v is an open output port of the right kind.
func outPort(who string, v rt.Value, textual bool) (*rt.Port, error) {
	p, ok := v.(*rt.Port)
	if !ok {
		return nil, rt.TypeError(who, portKind(textual, "output"), v)
	}
	if !p.IsOutput() || p.IsTextual() != textual {
		return nil, rt.NewError(who+": expected "+portKind(textual, "output"), p)
	}
	if !p.OutputOpen() {
		return nil, rt.NewError(who+": port is closed", p)
	}
	return p, nil
}

func portPredicate(name string, pred func(*rt.Port) bool) *rt.Primitive {
	return &rt.Primitive{Name: name, Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
		p, ok := args[0].(*rt.Port)
		return rt.MakeBool(ok && pred(p)), nil
	}}
}

// fileError makes the error object of a failed file operation, which
// file-error? recognizes, naming the file.
func fileError(who string, name *rt.String, err error) error {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	e := rt.NewError(who+": "+msg, name)
	e.Kind = rt.FileError
	return e
}

func openFile(who string, open func(string, bool) (*rt.Port, error), textual bool) *rt.Primitive {
	return &rt.Primitive{Name: who, Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
		name, err := argString(who, args[0])
		if err != nil {
			return nil, err
		}
		p, err := open(name.String(), textual)
		if err != nil {
			return nil, fileError(who, name, err)
		}
		return p, nil
	}}
}

// ioError reports a failure of the underlying reader or writer.
func ioError(who string, p *rt.Port, err error) error {
	if err == rt.ErrPortClosed {
		return rt.NewError(who+": port is closed", p)
	}
	return rt.NewError(who+": "+err.Error(), p)
}

func ioResult(who string, p *rt.Port, err error) (rt.Value, error) {
	if err != nil {
		return nil, ioError(who, p, err)
	}
	return rt.Unspecified, nil
}

func charResult(who string, p *rt.Port, r rune, err error) (rt.Value, error) {
	if err == io.EOF {
		return rt.EOF, nil
	}
	if err != nil {
		return nil, ioError(who, p, err)
	}
	return rt.Char(r), nil
}

func byteResult(who string, p *rt.Port, b byte, err error) (rt.Value, error) {
	if err == io.EOF {
		return rt.EOF, nil
	}
	if err != nil {
		return nil, ioError(who, p, err)
	}
	return fixnum(int(b)), nil
}

func printer(name, who string, print func(io.Writer, rt.Value) error) *rt.Primitive {
	return &rt.Primitive{Name: name, Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
		p, err := outPort(who, args[1], true)
		if err != nil {
			return nil, err
		}
		return ioResult(who, p, print(p, args[0]))
	}}
}

// readString reads up to k characters, fewer only at the end of input.
func readString(args []rt.Value) (rt.Value, error) {
	k, err := argIndex("read-string", args[0])
	if err != nil {
		return nil, err
	}
	p, err := inPort("read-string", args[1], true)
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
			return nil, ioError("read-string", p, err)
		}
		out.WriteRune(r)
		n++
	}
	if n == 0 {
		return rt.EOF, nil
	}
	return rt.NewString(out.String()), nil
}

// readFull fills b from p, stopping early only at the end of input.
func readFull(who string, p *rt.Port, b []byte) (int, error) {
	n, err := io.ReadFull(p, b)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	if err != nil {
		return n, ioError(who, p, err)
	}
	return n, nil
}

func readBytevector(args []rt.Value) (rt.Value, error) {
	k, err := argIndex("read-bytevector", args[0])
	if err != nil {
		return nil, err
	}
	p, err := inPort("read-bytevector", args[1], false)
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
		m, err := readFull("read-bytevector", p, buf[n:])
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

func readBytevectorInto(args []rt.Value) (rt.Value, error) {
	bv, err := argBytevector("read-bytevector!", args[0])
	if err != nil {
		return nil, err
	}
	p, err := inPort("read-bytevector!", args[1], false)
	if err != nil {
		return nil, err
	}
	start, end, err := argRange("read-bytevector!", args, 2, len(bv.B))
	if err != nil {
		return nil, err
	}
	if start == end {
		return fixnum(0), nil
	}
	n, err := readFull("read-bytevector!", p, bv.B[start:end])
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return rt.EOF, nil
	}
	return fixnum(n), nil
}
