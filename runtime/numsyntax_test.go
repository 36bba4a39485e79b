package runtime

import (
	"math"
	"math/big"
	"testing"
)

func TestParseNumber(t *testing.T) {
	big2_64, _ := new(big.Int).SetString("18446744073709551616", 10)
	tests := []struct {
		in    string
		radix int
		want  string // written form and type; "" means not a number
		typ   string
	}{
		{"0", 10, "0", "fix"},
		{"-17", 10, "-17", "fix"},
		{"+17", 10, "17", "fix"},
		{"123456789", 10, "123456789", "fix"},
		{"123456789012345678", 10, "123456789012345678", "big"},
		{"9223372036854775807", 10, "9223372036854775807", "big"},
		{"-9223372036854775808", 10, "-9223372036854775808", "big"},
		{"9223372036854775808", 10, "9223372036854775808", "big"},
		{"18446744073709551616", 10, big2_64.String(), "big"},
		{"ff", 16, "255", "fix"},
		{"#xFF", 10, "255", "fix"},
		{"#X-1a", 10, "-26", "fix"},
		{"#b101", 10, "5", "fix"},
		{"#o777", 10, "511", "fix"},
		{"#d10", 16, "10", "fix"},
		{"#x10", 2, "16", "fix"},
		{"1/3", 10, "1/3", "rat"},
		{"-4/6", 10, "-2/3", "rat"},
		{"4/2", 10, "2", "fix"},
		{"#x1/a", 10, "1/10", "rat"},
		{"1.5", 10, "1.5", "flo"},
		{".5", 10, "0.5", "flo"},
		{"-.5", 10, "-0.5", "flo"},
		{"1.", 10, "1.0", "flo"},
		{"1e10", 10, "10000000000.0", "flo"},
		{"1E10", 10, "10000000000.0", "flo"},
		{"1.5e-3", 10, "0.0015", "flo"},
		{"1.e2", 10, "100.0", "flo"},
		{"1e400", 10, "+inf.0", "flo"},
		{"-0.0", 10, "-0.0", "flo"},
		{"+inf.0", 10, "+inf.0", "flo"},
		{"-inf.0", 10, "-inf.0", "flo"},
		{"+nan.0", 10, "+nan.0", "flo"},
		{"-nan.0", 10, "+nan.0", "flo"},
		{"#e1.5", 10, "3/2", "rat"},
		{"#e1e3", 10, "1000", "fix"},
		{"#e1.25e-1", 10, "1/8", "rat"},
		{"#i1/3", 10, "0.3333333333333333", "flo"},
		{"#i7", 10, "7.0", "flo"},
		{"#x#i10", 10, "16.0", "flo"},
		{"#i#x10", 10, "16.0", "flo"},
		{"1+2i", 10, "1.0+2.0i", "cpx"},
		{"1.5-2.5i", 10, "1.5-2.5i", "cpx"},
		{"-i", 10, "0.0-1.0i", "cpx"},
		{"+i", 10, "0.0+1.0i", "cpx"},
		{"+2i", 10, "0.0+2.0i", "cpx"},
		{"1-i", 10, "1.0-1.0i", "cpx"},
		{"1+0i", 10, "1", "fix"},
		{"+inf.0i", 10, "0.0+inf.0i", "cpx"},
		{"1+inf.0i", 10, "1.0+inf.0i", "cpx"},
		{"1@0", 10, "1", "fix"},
		{"#x1+ai", 10, "1.0+10.0i", "cpx"},
		// Not numbers.
		{"", 10, "", ""},
		{"+", 10, "", ""},
		{"-", 10, "", ""},
		{"...", 10, "", ""},
		{".", 10, "", ""},
		{"1+", 10, "", ""},
		{"-foo", 10, "", ""},
		{"->x", 10, "", ""},
		{"+.", 10, "", ""},
		{"1e", 10, "", ""},
		{"1/0", 10, "", ""},
		{"1/", 10, "", ""},
		{"/2", 10, "", ""},
		{"1.5/2", 10, "", ""},
		{"#x1.5", 10, "", ""},
		{"#x1g", 10, "", ""},
		{"#e+inf.0", 10, "", ""},
		{"#e1+2i", 10, "", ""},
		{"#x#x1", 10, "", ""},
		{"#e#i1", 10, "", ""},
		{"#q1", 10, "", ""},
		{"1i", 10, "", ""},
		{"i", 10, "", ""},
		{"+inf.0x", 10, "", ""},
		{"+infinity", 10, "", ""},
		{"12", 7, "", ""},
		{"#e1e999999999", 10, "", ""},
	}
	for _, tt := range tests {
		v, ok := ParseNumber(tt.in, tt.radix)
		if tt.want == "" {
			if ok {
				t.Errorf("ParseNumber(%q) = %s, want not a number", tt.in, WriteString(v))
			}
			continue
		}
		if !ok {
			t.Errorf("ParseNumber(%q, %d) failed, want %s", tt.in, tt.radix, tt.want)
			continue
		}
		if got := NumberToString(v, 10); got != tt.want {
			t.Errorf("ParseNumber(%q, %d) = %s, want %s", tt.in, tt.radix, got, tt.want)
		}
		var typ string
		switch v.(type) {
		case Fixnum:
			typ = "fix"
		case *Bignum:
			typ = "big"
		case *Ratnum:
			typ = "rat"
		case Flonum:
			typ = "flo"
		case Compnum:
			typ = "cpx"
		}
		if typ != tt.typ {
			t.Errorf("ParseNumber(%q) is %T, want %s", tt.in, v, tt.typ)
		}
	}
}

func TestParseExactBig(t *testing.T) {
	v, ok := ParseNumber("#e1e400", 10)
	if !ok {
		t.Fatal("#e1e400 not a number")
	}
	b, isBig := v.(*Bignum)
	want := new(big.Int).Exp(big.NewInt(10), big.NewInt(400), nil)
	if !isBig || b.I.Cmp(want) != 0 {
		t.Errorf("#e1e400 = %s", WriteString(v))
	}
	v, _ = ParseNumber("-0.0", 10)
	if f := float64(v.(Flonum)); f != 0 || !math.Signbit(f) {
		t.Errorf("-0.0 lost its sign")
	}
}

func TestNumberToString(t *testing.T) {
	b, _ := new(big.Int).SetString("-123456789abcdef0123456789", 16)
	tests := []struct {
		v     Value
		radix int
		want  string
	}{
		{MakeFixnum(255), 16, "ff"},
		{MakeFixnum(-5), 2, "-101"},
		{MakeFixnum(8), 8, "10"},
		{NormBig(b), 16, "-123456789abcdef0123456789"},
		{NormRat(big.NewRat(-3, 4)), 10, "-3/4"},
		{NormRat(big.NewRat(255, 16)), 16, "ff/10"},
		{Flonum(1.5), 10, "1.5"},
		{Flonum(100), 10, "100.0"},
		{Flonum(0), 10, "0.0"},
		{Flonum(math.Copysign(0, -1)), 10, "-0.0"},
		{Flonum(0.1), 10, "0.1"},
		{Flonum(1e20), 10, "100000000000000000000.0"},
		{Flonum(1e21), 10, "1e21"},
		{Flonum(1.5e22), 10, "1.5e22"},
		{Flonum(123456789.125), 10, "123456789.125"},
		{Flonum(1e-6), 10, "0.000001"},
		{Flonum(1e-7), 10, "1e-7"},
		{Flonum(1.5e-7), 10, "1.5e-7"},
		{Flonum(-2.5e-300), 10, "-2.5e-300"},
		{Flonum(math.MaxFloat64), 10, "1.7976931348623157e308"},
		{Flonum(5e-324), 10, "5e-324"},
		{Flonum(math.Inf(1)), 10, "+inf.0"},
		{Flonum(math.Inf(-1)), 10, "-inf.0"},
		{Flonum(math.NaN()), 10, "+nan.0"},
		{Compnum(complex(1, 2)), 10, "1.0+2.0i"},
		{Compnum(complex(-1.5, -2)), 10, "-1.5-2.0i"},
		{Compnum(complex(0, math.Inf(-1))), 10, "0.0-inf.0i"},
		{Compnum(complex(0, math.NaN())), 10, "0.0+nan.0i"},
		{MakeFixnum(3), 99, "3"},
	}
	for _, tt := range tests {
		if got := NumberToString(tt.v, tt.radix); got != tt.want {
			t.Errorf("NumberToString(%v, %d) = %q, want %q", tt.v, tt.radix, got, tt.want)
		}
	}
}

// Every flonum must read back as itself.
func TestFlonumRoundTrip(t *testing.T) {
	vals := []float64{1, -1, 0.1, 1.0 / 3, 2.0 / 3, 1e21, 1e20, 9.999999999999999e20, 1e-7, 1.0000000000000002,
		123456.789, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, 4.35, 0.000001234, 1e100, 12345678901234567890.0}
	x := uint64(0x9e3779b97f4a7c15)
	for i := 0; i < 20000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		f := math.Float64frombits(x)
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			vals = append(vals, f)
		}
	}
	for _, f := range vals {
		s := NumberToString(Flonum(f), 10)
		v, ok := ParseNumber(s, 10)
		if !ok {
			t.Fatalf("%v printed as %q, which does not read", f, s)
		}
		if g, isFlo := v.(Flonum); !isFlo || float64(g) != f {
			t.Fatalf("%v printed as %q, read back as %s", f, s, WriteString(v))
		}
	}
}

func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseNumber("12345", 10)
		ParseNumber("3.25", 10)
		ParseNumber("foo", 10)
	}
}

func TestFixnumString(t *testing.T) {
	for _, i := range []int64{0, 7, -7, 99, 100, 12345, -98765, MaxFixnum(), MinFixnum()} {
		f, _ := FixnumOf(i)
		for _, radix := range []int{2, 8, 10, 16, 36} {
			s := FixnumString(f, radix)
			if got, want := s.String(), NumberToString(f, radix); got != want {
				t.Errorf("FixnumString(%d, %d) = %q, want %q", i, radix, got, want)
			}
		}
	}
	// The string is an ordinary mutable one.
	s := FixnumString(MakeFixnum(123).(Fixnum), 10)
	s.Set(0, 'λ')
	if got := s.String(); got != "λ23" {
		t.Errorf("after string-set!: %q", got)
	}
	f := MakeFixnum(-1234567890).(Fixnum)
	if n := testing.AllocsPerRun(10, func() { FixnumString(f, 10) }); n != 1 {
		t.Errorf("FixnumString: %v allocations, want 1", n)
	}
}
