package runtime

import (
	"bytes"
	"math/big"
	"strings"
	"testing"
)

type printTestOpaque struct{}

func (printTestOpaque) OpaqueString() string { return "#<port stdout>" }

type printTestThing struct{}

func printSym(s string) Value { return Intern(s) }

func TestWriteDisplay(t *testing.T) {
	str := NewString("a\"b\\c\nd\te\rf\ag\x01h\x7fi λ")
	tests := []struct {
		v              Value
		write, display string
	}{
		{MakeFixnum(-42), "-42", "-42"},
		{NormBig(new(big.Int).Lsh(big.NewInt(1), 70)), "1180591620717411303424", "1180591620717411303424"},
		{NormRat(big.NewRat(1, 3)), "1/3", "1/3"},
		{Flonum(2), "2.0", "2.0"},
		{True, "#t", "#t"},
		{False, "#f", "#f"},
		{Null, "()", "()"},
		{str, `"a\"b\\c\nd\te\rf\ag\x1;h\x7f;i λ"`, "a\"b\\c\nd\te\rf\ag\x01h\x7fi λ"},
		{NewString(""), `""`, ""},
		{Char('a'), `#\a`, "a"},
		{Char(' '), `#\space`, " "},
		{Char('\n'), `#\newline`, "\n"},
		{Char('\t'), `#\tab`, "\t"},
		{Char(0), `#\null`, "\x00"},
		{Char(7), `#\alarm`, "\a"},
		{Char(8), `#\backspace`, "\b"},
		{Char(0x7f), `#\delete`, "\x7f"},
		{Char(0x1b), `#\escape`, "\x1b"},
		{Char('\r'), `#\return`, "\r"},
		{Char(1), `#\x1`, "\x01"},
		{Char(0xa0), `#\xa0`, "\u00a0"},
		{Char('λ'), `#\λ`, "λ"},
		{Char('('), `#\(`, "("},
		{printSym("foo"), "foo", "foo"},
		{printSym("Foo"), "Foo", "Foo"},
		{printSym("foo bar"), "|foo bar|", "foo bar"},
		{printSym(""), "||", ""},
		{printSym("a|b"), `|a\|b|`, "a|b"},
		{printSym("a\\b"), `|a\\b|`, `a\b`}, // a backslash is not identifier syntax
		{printSym("x\ny"), `|x\ny|`, "x\ny"},
		{printSym("1"), "|1|", "1"},
		{printSym("+i"), "|+i|", "+i"},
		{printSym("-1.5"), "|-1.5|", "-1.5"},
		{printSym("+"), "+", "+"},
		{printSym("..."), "...", "..."},
		{printSym("1+"), "1+", "1+"},
		{printSym("->x"), "->x", "->x"},
		{printSym("."), "|.|", "."},
		{printSym("#foo"), "|#foo|", "#foo"},
		{printSym("a#b"), "a#b", "a#b"},
		{printSym("(x)"), "|(x)|", "(x)"},
		{printSym("a;b"), "|a;b|", "a;b"},
		{printSym("'a"), "|'a|", "'a"},
		{printSym("λ"), "|λ|", "λ"}, // R7RS 6.13.3: non-ASCII symbols in bars
		{printSym(`\123`), `|\\123|`, `\123`},
		{printSym("+nan.0abc"), "|+nan.0abc|", "+nan.0abc"},
		{printSym("-INF.0x"), "|-INF.0x|", "-INF.0x"},
		{printSym("+inf"), "+inf", "+inf"},
		{&Promise{}, "#<promise>", "#<promise>"},
		{List(MakeFixnum(1), MakeFixnum(2), MakeFixnum(3)), "(1 2 3)", "(1 2 3)"},
		{Cons(MakeFixnum(1), MakeFixnum(2)), "(1 . 2)", "(1 . 2)"},
		{ListWithTail([]Value{MakeFixnum(1), MakeFixnum(2)}, MakeFixnum(3)), "(1 2 . 3)", "(1 2 . 3)"},
		{List(printSym("quote"), printSym("x")), "(quote x)", "(quote x)"},
		{List(NewString("a"), Char('b'), List()), `("a" #\b ())`, "(a b ())"},
		{&Vector{}, "#()", "#()"},
		{&Vector{Items: []Value{MakeFixnum(1), NewString("s"), &Vector{Items: []Value{Null}}}}, `#(1 "s" #(()))`, "#(1 s #(()))"},
		{&Bytevector{}, "#u8()", "#u8()"},
		{&Bytevector{B: []byte{0, 1, 255}}, "#u8(0 1 255)", "#u8(0 1 255)"},
		{Unspecified, "#<unspecified>", "#<unspecified>"},
		{EOF, "#<eof>", "#<eof>"},
		{Default, "#<default>", "#<default>"},
		{&Box{V: MakeFixnum(1)}, "#<box>", "#<box>"},
		{&MultipleValues{Vals: []Value{MakeFixnum(1), NewString("a")}}, `1 "a"`, "1 a"},
		{&MultipleValues{}, "", ""},
		{NewError("bad thing", MakeFixnum(1), NewString("x")), `#<error "bad thing" 1 "x">`, `#<error "bad thing" 1 x>`},
		{&Record{Type: &RecordType{Name: "<point>"}}, "#<point>", "#<point>"},
		{&Record{Type: &RecordType{Name: "node"}}, "#<node>", "#<node>"},
		{&Record{Type: &RecordType{Name: "point", Fields: []*Symbol{Intern("x"), Intern("y")}}, Fields: []Value{MakeFixnum(1), NewString("a")}},
			`#<point x: 1 y: "a">`, "#<point x: 1 y: a>"},
		{&RecordType{Name: "<point>"}, "#<record-type point>", "#<record-type point>"},
		{&Primitive{Name: "car"}, "#<procedure car>", "#<procedure car>"},
		{&Primitive{}, "#<procedure>", "#<procedure>"},
		{printTestOpaque{}, "#<port stdout>", "#<port stdout>"},
		{printTestThing{}, "#<runtime.printTestThing>", "#<runtime.printTestThing>"},
		{nil, "#<nil>", "#<nil>"},
	}
	for _, tt := range tests {
		if got := WriteString(tt.v); got != tt.write {
			t.Errorf("write: got %s, want %s", got, tt.write)
		}
		if got := DisplayString(tt.v); got != tt.display {
			t.Errorf("display: got %q, want %q", got, tt.display)
		}
	}
}

func TestWriteLabels(t *testing.T) {
	// (1 2 . #0#): a cdr cycle.
	cyc := List(MakeFixnum(1), MakeFixnum(2)).(*Pair)
	cyc.Cdr.(*Pair).Cdr = cyc
	// A car cycle: #0=(#0# x).
	carCyc := List(Null, printSym("x")).(*Pair)
	carCyc.Car = carCyc
	// A cycle that starts inside the list: (a . #0=(b . #0#)).
	inner := List(printSym("b")).(*Pair)
	inner.Cdr = inner
	tailCyc := Cons(printSym("a"), inner)
	// A vector containing itself.
	vec := &Vector{Items: []Value{MakeFixnum(1), nil}}
	vec.Items[1] = vec
	// A record holding itself.
	node := &Record{Type: &RecordType{Name: "node", Fields: []*Symbol{Intern("next")}}, Fields: []Value{nil}}
	node.Fields[0] = node
	// Shared but acyclic.
	sh := List(MakeFixnum(1))
	shared := List(sh, sh)
	// Shared and cyclic: both the cyclic list and a shared sublist.
	both := List(sh, sh, cyc)

	tests := []struct {
		v                     Value
		write, shared, simple string
	}{
		{cyc, "#0=(1 2 . #0#)", "#0=(1 2 . #0#)", ""},
		{carCyc, "#0=(#0# x)", "#0=(#0# x)", ""},
		{tailCyc, "(a . #0=(b . #0#))", "(a . #0=(b . #0#))", ""},
		{vec, "#0=#(1 #0#)", "#0=#(1 #0#)", ""},
		{node, "#0=#<node next: #0#>", "#0=#<node next: #0#>", ""},
		{shared, "((1) (1))", "(#0=(1) #0#)", "((1) (1))"},
		{both, "((1) (1) #0=(1 2 . #0#))", "(#0=(1) #0# #1=(1 2 . #1#))", ""},
		{List(cyc, cyc), "(#0=(1 2 . #0#) #0#)", "(#0=(1 2 . #0#) #0#)", ""},
	}
	for _, tt := range tests {
		if got := WriteString(tt.v); got != tt.write {
			t.Errorf("write: got %s, want %s", got, tt.write)
		}
		var b bytes.Buffer
		if err := WriteShared(&b, tt.v); err != nil || b.String() != tt.shared {
			t.Errorf("write-shared: got %s, want %s", b.String(), tt.shared)
		}
		if tt.simple != "" {
			b.Reset()
			if err := WriteSimple(&b, tt.v); err != nil || b.String() != tt.simple {
				t.Errorf("write-simple: got %s, want %s", b.String(), tt.simple)
			}
		}
		b.Reset()
		if err := Display(&b, tt.v); err != nil || b.String() != tt.write {
			t.Errorf("display: got %s, want %s", b.String(), tt.write)
		}
	}
}

func TestWriteSimpleCarCycleTerminates(t *testing.T) {
	p := Cons(Null, Null)
	p.Car = p
	var b bytes.Buffer
	if err := WriteSimple(&b, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "(...)") {
		t.Errorf("write-simple of a car cycle was not cut")
	}
}

func printLongList(n int) Value {
	var l Value = Null
	for i := 0; i < n; i++ {
		l = Cons(MakeFixnum(int64(i%10)), l)
	}
	return l
}

func TestWriteLongList(t *testing.T) {
	const n = 1000000
	l := printLongList(n)
	var b bytes.Buffer
	if err := Write(&b, l); err != nil {
		t.Fatal(err)
	}
	if b.Len() != 2*n+1 {
		t.Errorf("len = %d, want %d", b.Len(), 2*n+1)
	}
	// The same list made circular gets its label.
	last := l.(*Pair)
	for last.Cdr != Null {
		last = last.Cdr.(*Pair)
	}
	last.Cdr = l
	b.Reset()
	if err := Write(&b, l); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); !strings.HasPrefix(s, "#0=(9 8 7") || !strings.HasSuffix(s, "1 0 . #0#)") {
		t.Errorf("circular long list: %s...%s", s[:20], s[len(s)-20:])
	}
}

type printFailWriter struct{}

func (printFailWriter) Write([]byte) (int, error) { return 0, bytes.ErrTooLarge }

func TestWriteError(t *testing.T) {
	if err := Write(printFailWriter{}, MakeFixnum(1)); err != bytes.ErrTooLarge {
		t.Errorf("err = %v", err)
	}
	// write-simple of a circular list stops when the writer fails.
	cyc := List(MakeFixnum(1)).(*Pair)
	cyc.Cdr = cyc
	if err := WriteSimple(printFailWriter{}, cyc); err != bytes.ErrTooLarge {
		t.Errorf("err = %v", err)
	}
}

func BenchmarkWriteList(b *testing.B) {
	l := List(MakeFixnum(1), printSym("foo"), List(MakeFixnum(2), MakeFixnum(300000)), NewString("bar"), True)
	b.ReportAllocs()
	for b.Loop() {
		WriteString(l)
	}
}

func BenchmarkWriteLongList(b *testing.B) {
	l := printLongList(100000)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		Write(&buf, l)
	}
}
