package reader

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	rt "termite/runtime"
)

// readString reads all of src and returns the written forms, one per
// datum, separated by spaces.
func readString(src string) (string, error) {
	vals, _, err := ReadAll([]byte(src), "t.scm")
	var parts []string
	for _, v := range vals {
		parts = append(parts, rt.WriteString(v))
	}
	return strings.Join(parts, " "), err
}

func TestRoundTrip(t *testing.T) {
	tests := []struct{ in, want string }{
		// Atoms.
		{"foo", "foo"},
		{"Foo", "Foo"},
		{"+ - ... ->x <=? a.b !$%&*/:<=>?^_~ 1+ .foo", "+ - ... ->x <=? a.b !$%&*/:<=>?^_~ 1+ .foo"},
		{"λ été", "|λ| |été|"}, // written in bars (R7RS 6.13.3)
		{"42 -7 +7 12345678901234567890 1/2 6/4 -0.5 1e3 #x-ff #b101 #e1.5 #i1/4 1+2i +i",
			"42 -7 7 12345678901234567890 1/2 3/2 -0.5 1000.0 -255 5 3/2 0.25 1.0+2.0i 0.0+1.0i"},
		{"+inf.0 -inf.0 +nan.0", "+inf.0 -inf.0 +nan.0"},
		{"#t #f #true #false #T", "#t #f #t #f #t"},
		// Strings.
		{`"abc"`, `"abc"`},
		{`"a\"b\\c\nd\te\rf\ag\bh\|i"`, `"a\"b\\c\nd\te\rf\ag\x8;h|i"`},
		{`"\x41;\x3bb;"`, `"Aλ"`},
		{"\"a\nb\"", `"a\nb"`},
		{"\"a \\   \n   b\"", `"a b"`},
		{"\"a\\\r\n\tb\"", `"ab"`},
		{`""`, `""`},
		// Characters.
		{`#\a #\A #\space #\newline #\tab #\nul #\null #\alarm #\backspace #\delete #\escape #\return #\linefeed`,
			`#\a #\A #\space #\newline #\tab #\null #\null #\alarm #\backspace #\delete #\escape #\return #\newline`},
		{`#\x41 #\x3bb #\x #\X #\( #\) #\; #\" #\# #\\ #\λ`, `#\A #\λ #\x #\X #\( #\) #\; #\" #\# #\\ #\λ`},
		{`(#\a)`, `(#\a)`},
		{"#\\ ", `#\space`},
		// Lists, pairs and vectors.
		{"()", "()"},
		{"(a b c)", "(a b c)"},
		{"(a . b)", "(a . b)"},
		{"(a b . c)", "(a b . c)"},
		{"(a . (b c))", "(a b c)"},
		{"(a .b)", "(a .b)"},
		{"[a b]", "(a b)"},
		{"(let ([x 1]) x)", "(let ((x 1)) x)"},
		{"((()))", "((()))"},
		{"#(1 #(2) (3))", "#(1 #(2) (3))"},
		{"#()", "#()"},
		{"#u8(0 1 255 #xff)", "#u8(0 1 255 255)"},
		{"#u8()", "#u8()"},
		{"|foo bar| |a\\|b| |\\x41;| || |abc|", "|foo bar| |a\\|b| A || abc"},
		// Abbreviations.
		{"'a `(a ,b ,@c)", "(quote a) (quasiquote (a (unquote b) (unquote-splicing c)))"},
		{"'()", "(quote ())"},
		{"' a", "(quote a)"},
		{"''a", "(quote (quote a))"},
		{"'#(1)", "(quote #(1))"},
		// Comments.
		{"a ; comment\nb", "a b"},
		{"a #| block |# b", "a b"},
		{"a #| nested #| deeper |# still |# b", "a b"},
		{"a #|| odd |# b", "a b"},
		{"a #;b c", "a c"},
		{"a #; (b c) d", "a d"},
		{"#; #; a b c", "c"},
		{"(a #;b)", "(a)"},
		{"(a . #;b c)", "(a . c)"},
		{"(a . b #;c)", "(a . b)"},
		{"; only a comment", ""},
		{"", ""},
		// Directives.
		{"#!fold-case ABC #\\SPACE #!no-fold-case ABC", "abc #\\space ABC"},
		{"#!fold-case |ABC| \"ABC\" #\\A", "ABC \"ABC\" #\\A"},
		{"#!/usr/bin/env termite\n(display 1)", "(display 1)"},
		{"#! /usr/bin/env termite\nx", "x"},
		{"\xef\xbb\xbfx", "x"},
		// Datum labels.
		{"#0=(a b . #0#)", "#0=(a b . #0#)"},
		{"#0=(#0# x)", "#0=(#0# x)"},
		{"(#0=(a) #0#)", "((a) (a))"},
		{"#0=#(1 #0#)", "#0=#(1 #0#)"},
		{"#1=(a #2=(b #1#) #2#)", "#0=(a (b #0#) (b #0#))"},
		{"#0='#0#", "#0=(quote #0#)"},
		{"(#0=(#1=#0#) #1#)", "(#0=(#0#) #0#)"},
		{"#0=(a . #1=(b . #1#))", "(a . #0=(b . #0#))"},
		{"(#0=a #0#)", "(a a)"},
		{"#0=(1 . #0#) #0=(2 . #0#)", "#0=(1 . #0#) #0=(2 . #0#)"},
	}
	for _, tt := range tests {
		got, err := readString(tt.in)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSharedStructure(t *testing.T) {
	vals, _, err := ReadAll([]byte("(#0=(a) #0#)"), "t")
	if err != nil {
		t.Fatal(err)
	}
	l := vals[0].(*rt.Pair)
	if l.Car != l.Cdr.(*rt.Pair).Car {
		t.Error("#0# is not the same object as #0=")
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		in         string
		want       string // file:line:col: message
		incomplete bool
	}{
		{")", "t.scm:1:1: unexpected )", false},
		{"(a))", "t.scm:1:4: unexpected )", false},
		{"(a]", "t.scm:1:3: expected ), found ]", false},
		{"[a)", "t.scm:1:3: expected ], found )", false},
		{"{a}", "t.scm:1:1: { is reserved", false},
		{"( . a)", "t.scm:1:3: unexpected . at the start of a list", false},
		{"(a . b c)", "t.scm:1:8: more than one datum after . in a list", false},
		{"(a . )", "t.scm:1:6: expected a datum after .", false},
		{".", "t.scm:1:1: unexpected .", false},
		{"#(a . b)", "t.scm:1:5: unexpected .", false},
		{"#\\foo", `t.scm:1:1: bad character name #\foo`, false},
		{"#\\xd800", `t.scm:1:1: bad character name #\xd800`, false},
		{"#\\SPACE", `t.scm:1:1: bad character name #\SPACE`, false},
		{"\n  #x1g", "t.scm:2:3: bad number #x1g", false},
		{"#e1.2.3", "t.scm:1:1: bad number #e1.2.3", false},
		{"#q", "t.scm:1:1: bad syntax #q", false},
		{"#", "t.scm:1:1: unexpected end of input after #", true},
		{"#!foo", "t.scm:1:1: unknown directive #!foo", false},
		{"#u8(1 256)", "t.scm:1:7: bytevector element is not a byte: 256", false},
		{"#u8(a)", "t.scm:1:5: bytevector element is not a byte: a", false},
		{"#1#", "t.scm:1:1: undefined datum label #1#", false},
		{"#0=#0#", "t.scm:1:1: datum label #0= refers to itself", false},
		{"(#0=a #0=b)", "t.scm:1:7: datum label #0= defined twice", false},
		{"#0", "t.scm:1:1: unexpected end of input in a datum label", true},
		{"#0x", "t.scm:1:1: bad syntax: expected = or # after #0", false},
		{"\"abc", "t.scm:1:1: unterminated string", true},
		{"(a\n \"b\\q\")", `t.scm:2:4: bad escape \q in string`, false},
		{`"\x41"`, `t.scm:1:2: bad escape \x41 in string: expected \xHEX;`, false},
		{`"\xd800;"`, `t.scm:1:2: bad escape \xd800 in string: expected \xHEX;`, false},
		{"\"a\\  b\"", `t.scm:1:3: bad escape in string: \ followed by whitespace must end the line`, false},
		{"|abc", "t.scm:1:1: unterminated symbol", true},
		{"(a b", "t.scm:1:1: unterminated list", true},
		{"(a (b c)\n (d", "t.scm:2:2: unterminated list", true},
		{"(a .", "t.scm:1:1: unterminated list", true},
		{"(a . b", "t.scm:1:1: unterminated list", true},
		{"#(1 2", "t.scm:1:1: unterminated vector", true},
		{"#u8(1", "t.scm:1:1: unterminated bytevector", true},
		{"'", "t.scm:1:1: expected a datum after '", true},
		{"(a `", "t.scm:1:4: expected a datum after `", true},
		{",@", "t.scm:1:1: expected a datum after ,@", true},
		{"#| abc", "t.scm:1:1: unterminated block comment", true},
		{"#| #| |#", "t.scm:1:1: unterminated block comment", true},
		{"#;", "t.scm:1:1: expected a datum after #;", true},
		{"(a #;)", "t.scm:1:4: expected a datum after #;", false},
		{"#\\", `t.scm:1:1: unexpected end of input after #\`, true},
		{"\"a\\", "t.scm:1:3: unterminated string", true},
		{"#0=", "t.scm:1:1: expected a datum after #0=", true},
		{"a\x01", "t.scm:1:2: illegal character U+0001", false},
		{"\xff", "t.scm:1:1: invalid UTF-8", false},
		{"\"\xff\"", "t.scm:1:2: invalid UTF-8 in string", false},
		{"λλ )", "t.scm:1:4: unexpected )", false},
	}
	for _, tt := range tests {
		_, err := readString(tt.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: err = %v, want *Error", tt.in, err)
			continue
		}
		if e.Error() != tt.want || e.Incomplete != tt.incomplete {
			t.Errorf("%q: got %q (incomplete %v), want %q (incomplete %v)", tt.in, e.Error(), e.Incomplete, tt.want, tt.incomplete)
		}
	}
}

func TestStickyError(t *testing.T) {
	r := New([]byte("a ) b"), "t")
	if v, err := r.Read(); err != nil || v != rt.Intern("a") {
		t.Fatalf("first read: %v %v", v, err)
	}
	_, err1 := r.Read()
	_, err2 := r.Read()
	if err1 == nil || err1 != err2 {
		t.Errorf("errors %v, %v", err1, err2)
	}
	r = New([]byte(" x "), "t")
	r.Read()
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("at the end: %v", err)
	}
}

// readAll reads every datum of src, which must be free of errors.
func readAll(t *testing.T, src string) (*Reader, []rt.Value) {
	t.Helper()
	r := New([]byte(src), "p.scm")
	var vals []rt.Value
	for {
		v, err := r.Read()
		if err == io.EOF {
			return r, vals
		}
		if err != nil {
			t.Fatal(err)
		}
		vals = append(vals, v)
	}
}

func TestPositions(t *testing.T) {
	r, vals := readAll(t, "(define (f x)\n  (+ x 1))\n'(a λ b) `(c ,d)")
	pos := r.Positions()
	at := func(v rt.Value, path string) string {
		for _, c := range path {
			p := v.(*rt.Pair)
			switch c {
			case 'a':
				v = p.Car
			case 'd':
				v = p.Cdr
			}
		}
		p, ok := pos[v.(*rt.Pair)]
		if !ok {
			return "none"
		}
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	}
	tests := []struct {
		datum int
		path  string // c[ad]*r applied right to left, written left to right
		want  string
	}{
		{0, "", "1:1"},       // (define ...)
		{0, "d", "1:9"},      // ((f x) ...) at (f x)
		{0, "da", "1:9"},     // (f x)
		{0, "dad", "1:12"},   // (x) at x
		{0, "dd", "2:3"},     // ((+ x 1)) at (+ x 1)
		{0, "dda", "2:3"},    // (+ x 1)
		{0, "ddad", "2:6"},   // (x 1)
		{0, "ddadd", "2:8"},  // (1)
		{1, "", "3:1"},       // (quote ...) at '
		{1, "d", "3:2"},      // ((a λ b))
		{1, "da", "3:2"},     // (a λ b)
		{1, "dadd", "3:7"},   // (b): columns count runes
		{2, "da", "3:11"},    // (c ,d)
		{2, "dad", "3:14"},   // (,d)
		{2, "dada", "3:14"},  // (unquote d) at ,
		{2, "dadad", "3:15"}, // (d)
	}
	for _, tt := range tests {
		if got := at(vals[tt.datum], tt.path); got != tt.want {
			t.Errorf("datum %d path %q: %s, want %s", tt.datum, tt.path, got, tt.want)
		}
	}
}

// TestLineEnds: "\r\n" and a lone "\r" end a line as "\n" does (R7RS
// 7.1.1 <line ending>), in positions, comments, strings and string line
// continuations.
func TestLineEnds(t *testing.T) {
	r, vals := readAll(t, "(a) ; one\r(b)\r\n#| two\r\n |# (c \"x\r\ny\")\r(d \"p\\\r  q\")\r\n(e)")
	var got []string
	for _, v := range vals {
		p := r.Positions()[v.(*rt.Pair)]
		got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Col, rt.WriteString(v)))
	}
	want := []string{"1:1 (a)", "2:1 (b)", "4:5 (c \"x\\r\\ny\")", "6:1 (d \"pq\")", "8:1 (e)"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestLongAndDeep(t *testing.T) {
	const n = 1000000
	var b strings.Builder
	b.WriteString("(")
	for i := 0; i < n; i++ {
		b.WriteString("x ")
	}
	b.WriteString(")")
	vals, pos, err := ReadAll([]byte(b.String()), "t")
	if err != nil {
		t.Fatal(err)
	}
	if l := rt.ListLength(vals[0]); l != n {
		t.Errorf("length %d", l)
	}
	if len(pos) != n {
		t.Errorf("%d positions", len(pos))
	}

	deep := strings.Repeat("(", 9000) + strings.Repeat(")", 9000)
	if _, err := readString(deep); err != nil {
		t.Errorf("depth 9000: %v", err)
	}
	var labels strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&labels, "#%d=", i)
	}
	for _, open := range []string{"(", "#(", "'", "#;", "#u8(", labels.String()} {
		if open != labels.String() {
			open = strings.Repeat(open, 1000000)
		}
		_, err := readString(open)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Msg, "nested more than") {
			t.Errorf("%.10q...: %v", open, err)
		}
	}
	long := strings.Repeat("(a . ", 100) + "b" + strings.Repeat(")", 100)
	if _, err := readString(long); err != nil {
		t.Error(err)
	}
}

// FuzzRead checks that no input panics and that whatever reads also writes
// and reads back to the same written form.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"(a b . c)", "#(1 \"s\" #\\x)", "#u8(1 2)", "'(a `(b ,c ,@d))", "#0=(a . #0#)",
		"#1=(#2=#(#1# #2#))", "|a b| \"\\x41;\\n\"", "#!fold-case ABC", "#;#;a b c", "#| #| |# |# x",
		"1/2 -3.5e10 #x-FF #e1.5 +inf.0 1+2i -i 1@2", "[a b]", "#\\space #\\x3bb", "(#0=a . #0#)",
		"#0='#0#", "(1 . 2", "\"abc\\\n  def\"", "#t #false", "-nan.0 -0.0 #i1/3",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		vals, _, err := ReadAll(src, "fuzz")
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
		for _, v := range vals {
			w := rt.WriteString(v)
			back, _, err := ReadAll([]byte(w), "back")
			if err != nil || len(back) != 1 {
				t.Fatalf("%q read as %s, which reads back as %d datums, %v", src, w, len(back), err)
			}
			if w2 := rt.WriteString(back[0]); w2 != w {
				t.Fatalf("%q read as %s, which reads back as %s", src, w, w2)
			}
		}
	})
}

func BenchmarkReadMegabyte(b *testing.B) {
	unit := "(define (fib n)\n  (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))\n" +
		"(display \"hello, world\\n\") ; a comment\n'(1 2.5 #\\a #(x y) |odd sym|)\n"
	src := []byte(strings.Repeat(unit, 1<<20/len(unit)))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ReadAll(src, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestOffsetAndFoldCase(t *testing.T) {
	src := "(a b) #!fold-case X ; end\n"
	r := New([]byte(src), "t")
	var offs []int
	for {
		_, err := r.Read()
		offs = append(offs, r.Offset())
		if err != nil {
			break
		}
	}
	if fmt.Sprint(offs) != "[5 19 26]" {
		t.Errorf("offsets %v", offs)
	}
	if !r.FoldCase() {
		t.Error("fold-case not reported")
	}
	r = New([]byte("ABC"), "t")
	r.SetFoldCase(true)
	if v, _ := r.Read(); v != rt.Intern("abc") {
		t.Errorf("SetFoldCase: read %s", rt.WriteString(v))
	}
}

// TestStringLiterals checks that a string literal is narrow unless it
// holds a character above U+00FF, and that literals and |symbols| read one
// after another do not share the reader's scratch buffer.
func TestStringLiterals(t *testing.T) {
	vals, _, err := ReadAll([]byte(`"abc" "café\xff;" |sym| "λ\x41;" "xy"`), "t.scm")
	if err != nil || len(vals) != 5 {
		t.Fatalf("read %d datums, %v", len(vals), err)
	}
	for i, want := range []struct {
		s    string
		wide bool
	}{{"abc", false}, {"caféÿ", false}, {}, {"λA", true}, {"xy", false}} {
		if i == 2 {
			if vals[i] != rt.Intern("sym") {
				t.Errorf("datum 2 is %s", rt.WriteString(vals[i]))
			}
			continue
		}
		s, ok := vals[i].(*rt.String)
		if !ok || s.String() != want.s || s.Wide() != want.wide {
			t.Errorf("datum %d is %s (wide %v), want %q (wide %v)", i, rt.WriteString(vals[i]), ok && s.Wide(), want.s, want.wide)
		}
	}
}
