package stdlib

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	rt "termite/runtime"
)

// must calls a primitive that is expected to succeed.
func must(t *testing.T, name string, args ...rt.Value) rt.Value {
	t.Helper()
	v, err := call(t, name, args...)
	if err != nil {
		t.Fatalf("(%s %s): %v", name, render(args), err)
	}
	return v
}

func TestPortPredicates(t *testing.T) {
	T, F := rt.True, rt.False
	in := rt.NewStringInputPort("x")
	out := rt.NewStringOutputPort()
	bin := rt.NewBytevectorInputPort([]byte{1})
	bout := rt.NewBytevectorOutputPort()
	runCases(t, []primCase{
		ok("port?", T, in),
		ok("port?", F, str("x")),
		ok("input-port?", T, in),
		ok("input-port?", F, out),
		ok("input-port?", T, bin),
		ok("input-port?", F, fx(1)),
		ok("output-port?", T, out),
		ok("output-port?", T, bout),
		ok("output-port?", F, in),
		ok("textual-port?", T, in),
		ok("textual-port?", F, bin),
		ok("binary-port?", T, bout),
		ok("binary-port?", F, out),
		ok("binary-port?", F, sym("x")),
		ok("input-port-open?", T, in),
		ok("input-port-open?", F, out),
		ok("output-port-open?", T, out),
		fails("input-port-open?", "expected port", fx(1)),
		ok("eof-object?", T, rt.EOF),
		ok("eof-object?", F, rt.Null),
		ok("eof-object", rt.EOF),
	})
	if s := in.OpaqueString(); s != "#<input-port string>" {
		t.Errorf("string input port prints as %s", s)
	}
	if s := bout.OpaqueString(); s != "#<binary-output-port bytevector>" {
		t.Errorf("bytevector output port prints as %s", s)
	}
}

func TestStringPorts(t *testing.T) {
	in := must(t, "open-input-string", str("aλ\nsecond line\r\nlast"))
	for _, c := range []struct {
		name string
		want rt.Value
	}{
		{"%peek-char", ch('a')},
		{"%read-char", ch('a')},
		{"%char-ready?", rt.True},
		{"%read-char", ch('λ')},
		{"%read-line", str("")},
		{"%read-line", str("second line")},
		{"%peek-char", ch('l')},
		{"%read-line", str("last")},
		{"%read-line", rt.EOF},
		{"%read-char", rt.EOF},
		{"%peek-char", rt.EOF},
		{"%char-ready?", rt.True},
	} {
		if got := must(t, c.name, in); !rt.Equal(got, c.want) {
			t.Errorf("%s = %s, want %s", c.name, rt.WriteString(got), rt.WriteString(c.want))
		}
	}

	in = must(t, "open-input-string", str("abcdλ"))
	runCases(t, []primCase{
		ok("%read-string", str("ab"), fx(2), in),
		ok("%read-string", str(""), fx(0), in),
		ok("%read-string", str("cdλ"), fx(10), in),
		ok("%read-string", rt.EOF, fx(1), in),
		ok("%read-string", str(""), fx(0), in),
		fails("%read-string", "expected exact nonnegative integer", fx(-1), in),
		fails("open-input-string", "expected string", sym("a")),
	})

	out := must(t, "open-output-string")
	must(t, "%write-char", ch('λ'), out)
	must(t, "%write-string", str("-abc-"), out)
	must(t, "%write-string", str("0123"), out, fx(1))
	must(t, "%write-string", str("0123"), out, fx(1), fx(2))
	must(t, "%newline", out)
	must(t, "%write", lst(str("a\"b"), ch('c'), sym("d")), out)
	must(t, "%display", lst(str("a\"b"), ch('c'), sym("d")), out)
	must(t, "%write-simple", fx(42), out)
	shared := lst(fx(1))
	must(t, "%write-shared", lst(shared, shared), out)
	must(t, "%flush-output-port", out)
	want := "λ-abc-1231\n(\"a\\\"b\" #\\c d)(a\"b c d)42(#0=(1) #0#)"
	if got := must(t, "get-output-string", out); !rt.Equal(got, str(want)) {
		t.Errorf("string port holds %s, want %q", rt.WriteString(got), want)
	}
	// get-output-string does not reset the port.
	must(t, "%write-char", ch('!'), out)
	if got := must(t, "get-output-string", out); !rt.Equal(got, str(want+"!")) {
		t.Errorf("second get-output-string gave %s", rt.WriteString(got))
	}
	runCases(t, []primCase{
		fails("get-output-string", "expected string output port", in),
		fails("get-output-string", "expected string output port", fx(1)),
		fails("%write-char", "write-char: expected textual output port", ch('a'), in),
		fails("%write-char", "write-char: expected character", str("a"), out),
		fails("%write-string", "write-string: end index out of range", str("ab"), out, fx(0), fx(3)),
		fails("%write-u8", "write-u8: expected binary output port", fx(1), out),
		fails("%read-char", "read-char: expected textual input port", out),
		fails("%read-u8", "read-u8: expected binary input port", in),
		fails("%read-char", "read-char: expected textual input port", fx(3)),
		fails("%write", "write: expected textual output port", fx(1), in),
		fails("%flush-output-port", "flush-output-port: expected output port", in),
	})
}

func TestBytevectorPorts(t *testing.T) {
	src := bvec(1, 2, 3, 4, 5, 6)
	in := must(t, "open-input-bytevector", src)
	src.B[0] = 99 // the port read a copy
	runCases(t, []primCase{
		ok("%peek-u8", fx(1), in),
		ok("%read-u8", fx(1), in),
		ok("%u8-ready?", rt.True, in),
		ok("%read-bytevector", bvec(2, 3), fx(2), in),
		ok("%read-bytevector", bvec(), fx(0), in),
	})
	buf := bvec(0, 0, 0, 0, 0)
	if got := must(t, "%read-bytevector!", buf, in, fx(1), fx(3)); !rt.Equal(got, fx(2)) || string(buf.B) != "\x00\x04\x05\x00\x00" {
		t.Errorf("read-bytevector! = %s, buffer %v", rt.WriteString(got), buf.B)
	}
	runCases(t, []primCase{
		ok("%read-bytevector!", fx(1), buf, in),
		ok("%read-bytevector!", rt.EOF, buf, in),
		ok("%read-bytevector!", fx(0), buf, in, fx(2), fx(2)),
		ok("%read-bytevector", rt.EOF, fx(3), in),
		ok("%read-u8", rt.EOF, in),
		ok("%peek-u8", rt.EOF, in),
		fails("%read-bytevector!", "end index out of range", buf, in, fx(0), fx(6)),
		fails("open-input-bytevector", "expected bytevector", str("a")),
	})
	in = must(t, "open-input-bytevector", bvec(1, 2))
	runCases(t, []primCase{ok("%read-bytevector", bvec(1, 2), fx(1000000000), in)})

	out := must(t, "open-output-bytevector")
	must(t, "%write-u8", fx(7), out)
	must(t, "%write-bytevector", bvec(1, 2, 3), out)
	must(t, "%write-bytevector", bvec(1, 2, 3), out, fx(2))
	must(t, "%write-bytevector", bvec(1, 2, 3), out, fx(0), fx(1))
	if got := must(t, "get-output-bytevector", out); !rt.Equal(got, bvec(7, 1, 2, 3, 3, 1)) {
		t.Errorf("bytevector port holds %s", rt.WriteString(got))
	}
	runCases(t, []primCase{
		fails("%write-u8", "write-u8: expected byte", fx(256), out),
		fails("%write-char", "write-char: expected textual output port", ch('a'), out),
		fails("get-output-bytevector", "expected bytevector output port", rt.NewStringOutputPort()),
		fails("%peek-char", "peek-char: expected textual input port", must(t, "open-input-bytevector", bvec())),
	})
}

func TestClosedPorts(t *testing.T) {
	in := must(t, "open-input-string", str("abc"))
	out := must(t, "open-output-string")
	must(t, "%write-string", str("kept"), out)
	must(t, "close-input-port", in)
	must(t, "close-output-port", out)
	must(t, "close-port", in) // closing twice is harmless
	runCases(t, []primCase{
		ok("input-port-open?", rt.False, in),
		ok("output-port-open?", rt.False, out),
		fails("%read-char", "read-char: port is closed", in),
		fails("%read-line", "read-line: port is closed", in),
		fails("%read", "read: port is closed", in),
		fails("%char-ready?", "char-ready?: port is closed", in),
		fails("%write-char", "write-char: port is closed", ch('a'), out),
		fails("%display", "display: port is closed", fx(1), out),
		fails("%newline", "newline: port is closed", out),
		fails("%flush-output-port", "flush-output-port: port is closed", out),
		ok("get-output-string", str("kept"), out),
		fails("close-input-port", "expected input port", out),
		fails("close-output-port", "expected output port", in),
		fails("close-port", "expected port", fx(1)),
	})
	bin := must(t, "open-input-bytevector", bvec(1))
	must(t, "close-port", bin)
	runCases(t, []primCase{fails("%read-u8", "read-u8: port is closed", bin)})
}

func TestFilePorts(t *testing.T) {
	dir := t.TempDir()
	name := str(filepath.Join(dir, "f.txt"))
	out := must(t, "open-output-file", name)
	if s := out.(*rt.Port).OpaqueString(); !strings.HasPrefix(s, "#<output-port ") {
		t.Errorf("file output port prints as %s", s)
	}
	must(t, "%write-string", str("héllo\n"), out)
	must(t, "%write", lst(fx(1), str("two")), out)
	must(t, "close-port", out)
	if b, _ := os.ReadFile(name.String()); string(b) != "héllo\n(1 \"two\")" {
		t.Errorf("file holds %q", b)
	}
	runCases(t, []primCase{ok("file-exists?", rt.True, name)})
	in := must(t, "open-input-file", name)
	runCases(t, []primCase{
		ok("%read-line", str("héllo"), in),
		ok("%char-ready?", rt.True, in),
		ok("%read", lst(fx(1), str("two")), in),
		ok("%read", rt.EOF, in),
	})
	must(t, "close-input-port", in)

	bname := str(filepath.Join(dir, "b.bin"))
	bout := must(t, "open-binary-output-file", bname)
	must(t, "%write-bytevector", bvec(0, 255, 10), bout)
	must(t, "%flush-output-port", bout)
	if b, _ := os.ReadFile(bname.String()); !bytes.Equal(b, []byte{0, 255, 10}) {
		t.Errorf("flushed binary file holds %v", b)
	}
	must(t, "close-output-port", bout)
	bin := must(t, "open-binary-input-file", bname)
	runCases(t, []primCase{
		ok("%read-bytevector", bvec(0, 255, 10), fx(10), bin),
		ok("%read-u8", rt.EOF, bin),
		fails("%read-char", "expected textual input port", bin),
	})

	// An output port that is never closed is flushed by FlushAllPorts.
	lost := str(filepath.Join(dir, "unclosed.txt"))
	must(t, "%write-string", str("data"), must(t, "open-output-file", lost))
	if err := rt.FlushAllPorts(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(lost.String()); string(b) != "data" {
		t.Errorf("FlushAllPorts left %q in the file", b)
	}

	missing := str(filepath.Join(dir, "missing"))
	_, err := call(t, "open-input-file", missing)
	e, isErr := err.(*rt.ErrorObject)
	if !isErr || e.Kind != rt.FileError || len(e.Irritants) != 1 || !rt.Equal(e.Irritants[0], missing) ||
		!strings.Contains(e.Message, "open-input-file: ") {
		t.Errorf("open-input-file of a missing file: %#v", err)
	}
	runCases(t, []primCase{
		ok("file-exists?", rt.False, missing),
		fails("open-binary-input-file", "no such file", missing),
		fails("open-output-file", "open-output-file: ", str(filepath.Join(dir, "no", "such", "dir"))),
		fails("delete-file", "delete-file: ", missing),
		fails("open-input-file", "expected string", sym("f")),
		fails("file-exists?", "expected string", fx(1)),
	})
	must(t, "delete-file", name)
	runCases(t, []primCase{ok("file-exists?", rt.False, name)})
	_, err = call(t, "delete-file", name)
	if e, isErr := err.(*rt.ErrorObject); !isErr || e.Kind != rt.FileError {
		t.Errorf("delete-file of a missing file: %v", err)
	}
}

func TestConsolePorts(t *testing.T) {
	var sink bytes.Buffer
	out := rt.NewOutputPort(&sink, "stdout", true)
	in := rt.NewInputPort(strings.NewReader("(a b) rest\n"), "stdin", true)
	in.SetTie(out)
	must(t, "%display", str("prompt> "), out)
	if sink.Len() != 0 {
		t.Error("console output is not buffered")
	}
	runCases(t, []primCase{ok("%read", lst(sym("a"), sym("b")), in)})
	if sink.String() != "prompt> " {
		t.Errorf("reading the tied port did not flush the prompt: %q", sink.String())
	}
	runCases(t, []primCase{
		ok("%read-line", str(" rest"), in),
		ok("%read-line", rt.EOF, in),
	})
	must(t, "%write-char", ch('x'), out)
	must(t, "close-port", out)
	if sink.String() != "prompt> x" {
		t.Errorf("closing a console port did not flush it: %q", sink.String())
	}
	var errSink bytes.Buffer
	auto := rt.NewOutputPort(&errSink, "stderr", true)
	auto.SetAutoFlush(true)
	must(t, "%write-string", str("now"), auto)
	if errSink.String() != "now" {
		t.Error("an auto-flush port held its output")
	}
	bin := rt.NewInputPort(bytes.NewReader([]byte{9, 8}), "bin", false)
	runCases(t, []primCase{
		ok("%u8-ready?", rt.False, bin),
		ok("%peek-u8", fx(9), bin),
		ok("%u8-ready?", rt.True, bin),
		ok("%read-bytevector", bvec(9, 8), fx(5), bin),
	})
}

func TestRead(t *testing.T) {
	tests := []struct {
		src  string
		want []rt.Value
		rest string // what read-line returns after the last datum
	}{
		{"a (b c) \"d)\" #\\( #\\) 12", []rt.Value{sym("a"), lst(sym("b"), sym("c")), str("d)"), ch('('), ch(')'), fx(12)}, ""},
		{"'x `(y ,z ,@w)", []rt.Value{lst(sym("quote"), sym("x")),
			lst(sym("quasiquote"), lst(sym("y"), lst(sym("unquote"), sym("z")), lst(sym("unquote-splicing"), sym("w"))))}, ""},
		{"; comment\n #| block #| nested |# |# x ; more", []rt.Value{sym("x")}, " ; more"},
		{"#;(ignored) #; y z", []rt.Value{sym("z")}, ""},
		{"#(1 2) #u8(3 4) |a b| [c]", []rt.Value{vec(fx(1), fx(2)), bvec(3, 4), sym("a b"), lst(sym("c"))}, ""},
		{"#0=(a . #0#)", nil, ""},
		{"#!fold-case ABC #!no-fold-case DEF", []rt.Value{sym("abc"), sym("DEF")}, ""},
		{"#!fold-case (X) Y", []rt.Value{lst(sym("x")), sym("y")}, ""},
		{"(a \"(\" #\\; b) tail", []rt.Value{lst(sym("a"), str("("), ch(';'), sym("b"))}, " tail"},
		{"#t(#f)", []rt.Value{rt.True}, "(#f)"},
		{"x\ny", []rt.Value{sym("x"), sym("y")}, ""},
		{"(1 . 2)", []rt.Value{rt.Cons(fx(1), fx(2))}, ""},
		{"#\\x41 #\\space", []rt.Value{ch('A'), ch(' ')}, ""},
		{"  ", nil, ""},
	}
	for _, tt := range tests {
		p := rt.NewStringInputPort(tt.src)
		if tt.want == nil && strings.Contains(tt.src, "#0=") {
			v := must(t, "%read", p)
			pr, isPair := v.(*rt.Pair)
			if !isPair || pr.Cdr != v {
				t.Errorf("read %q: no cycle in %T", tt.src, v)
			}
			continue
		}
		for _, w := range tt.want {
			got, err := call(t, "%read", p)
			if err != nil {
				t.Errorf("read %q: %v", tt.src, err)
				break
			}
			if !rt.Equal(got, w) {
				t.Errorf("read %q = %s, want %s", tt.src, rt.WriteString(got), rt.WriteString(w))
			}
		}
		if tt.rest != "" {
			if got := must(t, "%read-line", p); !rt.Equal(got, str(tt.rest)) {
				t.Errorf("after reading %q the line holds %s, want %q", tt.src, rt.WriteString(got), tt.rest)
			}
		} else if got := must(t, "%read", p); got != rt.EOF {
			t.Errorf("read %q: extra datum %s", tt.src, rt.WriteString(got))
		}
	}

	for _, src := range []string{"(a b", ")", "\"abc", "#(1", "{", "#u8(300)"} {
		_, err := call(t, "%read", rt.NewStringInputPort(src))
		e, isErr := err.(*rt.ErrorObject)
		if !isErr || e.Kind != rt.ReadError || !strings.HasPrefix(e.Message, "read: ") {
			t.Errorf("read %q: error %v, want a read error", src, err)
		}
	}
	// After a syntax error the port goes on with the next datum.
	p := rt.NewStringInputPort(") ok")
	call(t, "%read", p)
	runCases(t, []primCase{ok("%read", sym("ok"), p)})
}
