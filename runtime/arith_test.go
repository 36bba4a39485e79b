package runtime

import (
	"math"
	"math/big"
	"strings"
	"testing"
)

// num parses a number literal for the tables below.
func num(t *testing.T, s string) Value {
	t.Helper()
	v, ok := ParseNumber(s, 10)
	if !ok {
		t.Fatalf("bad number literal %q in test", s)
	}
	return v
}

// checkNormal fails when v breaks the representation invariants of the
// tower: every result must be normalized.
func checkNormal(t *testing.T, what string, v Value) {
	t.Helper()
	switch x := v.(type) {
	case *Bignum:
		if x.I.IsInt64() && FitsFixnum(x.I.Int64()) {
			t.Errorf("%s: Bignum %s fits in a Fixnum", what, x.I.String())
		}
	case *Ratnum:
		if x.R.IsInt() {
			t.Errorf("%s: Ratnum %s is an integer", what, x.R.String())
		}
	case Compnum:
		if imag(x) == 0 {
			t.Errorf("%s: Compnum %v has a zero imaginary part", what, x)
		}
	case Fixnum, Flonum:
	default:
		t.Errorf("%s: %T is not a number", what, v)
	}
}

// expectResult compares a result with want, the printed form of the
// expected value, or with "error: PREFIX" for an expected error.
func expectResult(t *testing.T, what string, got Value, err error, want string) {
	t.Helper()
	if msg, ok := strings.CutPrefix(want, "error: "); ok {
		if err == nil {
			t.Errorf("%s = %s, want error %q", what, NumberToString(got, 10), msg)
		} else if !strings.HasPrefix(err.Error(), msg) {
			t.Errorf("%s: error %q, want %q", what, err, msg)
		}
		return
	}
	if err != nil {
		t.Errorf("%s: unexpected error %v", what, err)
		return
	}
	checkNormal(t, what, got)
	if s := NumberToString(got, 10); s != want {
		t.Errorf("%s = %s, want %s", what, s, want)
	}
}

const (
	maxFix  = "9223372036854775807"
	minFix  = "-9223372036854775808"
	twoTo64 = "18446744073709551616"
)

func TestBinaryArith(t *testing.T) {
	ops := map[string]func(a, b Value) (Value, error){"+": Add, "-": Sub, "*": Mul, "/": Div}
	tests := []struct{ op, a, b, want string }{
		{"+", "1", "2", "3"},
		{"+", maxFix, "1", "9223372036854775808"},
		{"+", minFix, "-1", "-9223372036854775809"},
		{"+", "9223372036854775808", "-1", maxFix},
		{"+", "-9223372036854775809", "1", minFix},
		{"+", twoTo64, "-" + twoTo64, "0"},
		{"+", "1/3", "2/3", "1"},
		{"+", "1/6", "1/3", "1/2"},
		{"+", "1/2", "0.5", "1.0"},
		{"+", "1/2", "1", "3/2"},
		{"+", "1+2i", "1-2i", "2.0"},
		{"+", "1", "+i", "1.0+1.0i"},
		{"+", "1e308", "1e308", "+inf.0"},
		{"+", "1", "a", "error: +: expected number"},
		{"-", minFix, "1", "-9223372036854775809"},
		{"-", "0", minFix, "9223372036854775808"},
		{"-", maxFix, "-1", "9223372036854775808"},
		{"-", "-1", maxFix, minFix},
		{"-", "9223372036854775808", "1", maxFix},
		{"-", "1/2", "1/2", "0"},
		{"-", "0.5", "1/2", "0.0"},
		{"*", "4294967296", "4294967296", twoTo64},
		{"*", "3037000499", "3037000499", "9223372030926249001"},
		{"*", "3037000500", "3037000500", "9223372037000250000"},
		{"*", minFix, "-1", "9223372036854775808"},
		{"*", minFix, "1", minFix},
		{"*", "-4611686018427387904", "2", minFix},
		{"*", "4611686018427387904", "2", "9223372036854775808"},
		{"*", "-4611686018427387905", "2", "-9223372036854775810"},
		{"*", twoTo64, "0", "0"},
		{"*", twoTo64, "1/" + twoTo64, "1"},
		{"*", "2/3", "3/2", "1"},
		{"*", "+i", "+i", "-1.0"},
		{"*", "1/3", "3.0", "1.0"},
		{"/", "6", "3", "2"},
		{"/", "6", "4", "3/2"},
		{"/", "-6", "4", "-3/2"},
		{"/", "6", "-4", "-3/2"},
		{"/", "-6", "-4", "3/2"},
		{"/", minFix, "-1", "9223372036854775808"},
		{"/", twoTo64, "4294967296", "4294967296"},
		{"/", "1", twoTo64, "1/" + twoTo64},
		{"/", "1/2", "1/4", "2"},
		{"/", "1", "0", "error: /: division by zero"},
		{"/", "1/2", "0", "error: /: division by zero"},
		{"/", "1.0", "0", "+inf.0"},
		{"/", "-1.0", "0", "-inf.0"},
		{"/", "0.0", "0", "+nan.0"},
		{"/", "1", "0.0", "+inf.0"},
		{"/", "-1", "0.0", "-inf.0"},
		{"/", "0.0", "0.0", "+nan.0"},
		{"/", "1", "2.0", "0.5"},
		{"/", "a", "2", "error: /: expected number"},
	}
	for _, tc := range tests {
		got, err := ops[tc.op](symOrNum(t, tc.a), symOrNum(t, tc.b))
		expectResult(t, "("+tc.op+" "+tc.a+" "+tc.b+")", got, err, tc.want)
	}
}

// symOrNum lets the tables use a symbol to test type errors.
func symOrNum(t *testing.T, s string) Value {
	t.Helper()
	if s == "a" {
		return Intern("a")
	}
	return num(t, s)
}

func TestBinaryArithTypeErrorIrritant(t *testing.T) {
	_, err := Add(Intern("x"), MakeFixnum(1))
	e, ok := err.(*ErrorObject)
	if !ok || e.Message != "+: expected number" || len(e.Irritants) != 1 || e.Irritants[0] != Intern("x") {
		t.Errorf("Add('x, 1) error = %#v", err)
	}
}

func TestNegate(t *testing.T) {
	tests := []struct{ a, want string }{
		{"5", "-5"},
		{minFix, "9223372036854775808"},
		{"9223372036854775808", minFix},
		{"-1/2", "1/2"},
		{"0.0", "-0.0"},
		{"1+2i", "-1.0-2.0i"},
	}
	for _, tc := range tests {
		got, err := Negate(num(t, tc.a))
		expectResult(t, "(- "+tc.a+")", got, err, tc.want)
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"1", "2", -1},
		{"2", "1", 1},
		{"1/3", "0.3333333333333333", 1},
		{"0.3333333333333333", "1/3", -1},
		{"1/2", "0.5", 0},
		{"9007199254740993", "9007199254740992.0", 1},
		{"9007199254740992.0", "9007199254740993", -1},
		{maxFix, "9223372036854775808.0", -1},
		{minFix, "-9223372036854775808.0", 0},
		{minFix, "-9223372036854777856.0", 1},
		{"9223372036854775808", "9223372036854775808.0", 0},
		{"9223372036854775809", "9223372036854775808.0", 1},
		{"5", "5.5", -1},
		{"-5", "-5.5", 1},
		{"5", "4.5", 1},
		{"#e1e400", "+inf.0", -1},
		{"#e-1e400", "-inf.0", 1},
		{"#e1e400", "1e300", 1},
		{"1", "+nan.0", Unordered},
		{"+nan.0", "1", Unordered},
		{"1/2", "+nan.0", Unordered},
		{"+nan.0", "+nan.0", Unordered},
		{twoTo64, "-" + twoTo64, 1},
		{"1/" + twoTo64, "0", 1},
		{"-inf.0", "+inf.0", -1},
	}
	for _, tc := range tests {
		got, err := Compare(num(t, tc.a), num(t, tc.b))
		if err != nil || got != tc.want {
			t.Errorf("Compare(%s, %s) = %d, %v; want %d", tc.a, tc.b, got, err, tc.want)
		}
	}
}

func TestRelations(t *testing.T) {
	rels := []struct {
		name string
		fn   func(a, b Value) (bool, error)
		// results for a<b, a=b, a>b, a or b NaN
		want [4]bool
	}{
		{"<", Less, [4]bool{true, false, false, false}},
		{"<=", LessEqual, [4]bool{true, true, false, false}},
		{">", Greater, [4]bool{false, false, true, false}},
		{">=", GreaterEqual, [4]bool{false, true, true, false}},
		{"=", NumEqual, [4]bool{false, true, false, false}},
	}
	pairs := [4][][2]string{
		{{"1", "2"}, {"1/3", "0.34"}, {"1.5", "2"}, {"-" + twoTo64, "1"}},
		{{"1", "1"}, {"1/2", "0.5"}, {"2.0", "2"}, {twoTo64, twoTo64}},
		{{"2", "1"}, {"1/3", "0.3333333333333333"}, {"3", "2.5"}, {twoTo64, "1.0"}},
		{{"+nan.0", "1"}, {"1", "+nan.0"}, {"+nan.0", "+nan.0"}, {"1/2", "+nan.0"}},
	}
	for _, r := range rels {
		for i, ps := range pairs {
			for _, p := range ps {
				got, err := r.fn(num(t, p[0]), num(t, p[1]))
				if err != nil || got != r.want[i] {
					t.Errorf("(%s %s %s) = %v, %v; want %v", r.name, p[0], p[1], got, err, r.want[i])
				}
			}
		}
		if _, err := r.fn(MakeFixnum(1), Intern("x")); err == nil || !strings.HasPrefix(err.Error(), r.name+": expected") {
			t.Errorf("(%s 1 'x) error = %v", r.name, err)
		}
	}
}

func TestNumEqualComplex(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"1+2i", "1+2i", true},
		{"1+2i", "1-2i", false},
		{"1+2i", "1", false},
		{"1", "1+2i", false},
	}
	for _, tc := range tests {
		got, err := NumEqual(num(t, tc.a), num(t, tc.b))
		if err != nil || got != tc.want {
			t.Errorf("(= %s %s) = %v, %v", tc.a, tc.b, got, err)
		}
	}
	if _, err := NumEqual(num(t, "+i"), Intern("x")); err == nil {
		t.Error("(= +i 'x) did not fail")
	}
	if _, err := Less(num(t, "+i"), MakeFixnum(1)); err == nil {
		t.Error("(< +i 1) did not fail")
	}
}

func TestExactInexact(t *testing.T) {
	tests := []struct{ a, exact, inexact string }{
		{"0.5", "1/2", "0.5"},
		{"0.1", "3602879701896397/36028797018963968", "0.1"},
		{"1e20", "100000000000000000000", "100000000000000000000.0"},
		{"-0.0", "0", "-0.0"},
		{"3.0", "3", "3.0"},
		{"-9223372036854775808.0", minFix, "-9223372036854776000.0"},
		{"1/3", "1/3", "0.3333333333333333"},
		{"9007199254740993", "9007199254740993", "9007199254740992.0"},
		{"#e1e400", "#", "+inf.0"},
		{"+inf.0", "error: exact: no exact representation", "+inf.0"},
		{"+nan.0", "error: exact: no exact representation", "+nan.0"},
		{"1+2i", "error: exact: no exact representation", "1.0+2.0i"},
	}
	for _, tc := range tests {
		a := num(t, tc.a)
		e, err := ToExact(a)
		if tc.exact == "#" {
			if e != a {
				t.Errorf("(exact %s) changed an exact number", tc.a)
			}
		} else {
			expectResult(t, "(exact "+tc.a+")", e, err, tc.exact)
		}
		i, err := ToInexact(a)
		expectResult(t, "(inexact "+tc.a+")", i, err, tc.inexact)
	}
}

func TestIntDivide(t *testing.T) {
	big := "1180591620717411303425" // 2^70 + 1
	tests := []struct {
		a, b             string
		tq, tr, fq, frem string
	}{
		{"7", "2", "3", "1", "3", "1"},
		{"-7", "2", "-3", "-1", "-4", "1"},
		{"7", "-2", "-3", "1", "-4", "-1"},
		{"-7", "-2", "3", "-1", "3", "-1"},
		{"6", "3", "2", "0", "2", "0"},
		{"-6", "3", "-2", "0", "-2", "0"},
		{big, "3", "393530540239137101141", "2", "393530540239137101141", "2"},
		{"-" + big, "3", "-393530540239137101141", "-2", "-393530540239137101142", "1"},
		{big, "-3", "-393530540239137101141", "2", "-393530540239137101142", "-1"},
		{"-" + big, "-3", "393530540239137101141", "-2", "393530540239137101141", "-2"},
		{"5", big, "0", "5", "0", "5"},
		{"-5", big, "0", "-5", "-1", "1180591620717411303420"},
		{minFix, "-1", "9223372036854775808", "0", "9223372036854775808", "0"},
		{"9223372036854775808", "-1", minFix, "0", minFix, "0"},
		{"7.0", "2", "3.0", "1.0", "3.0", "1.0"},
		{"-7", "2.0", "-3.0", "-1.0", "-4.0", "1.0"},
		{"1e20", "3", "33333333333333330000.0", "1.0", "33333333333333330000.0", "1.0"},
	}
	for _, tc := range tests {
		a, b := num(t, tc.a), num(t, tc.b)
		q, r, err := IntDivide("truncate/", TruncateDiv, a, b)
		expectResult(t, "truncate-quotient "+tc.a+" "+tc.b, q, err, tc.tq)
		expectResult(t, "truncate-remainder "+tc.a+" "+tc.b, r, err, tc.tr)
		q, r, err = IntDivide("floor/", FloorDiv, a, b)
		expectResult(t, "floor-quotient "+tc.a+" "+tc.b, q, err, tc.fq)
		expectResult(t, "floor-remainder "+tc.a+" "+tc.b, r, err, tc.frem)
	}
	for _, bad := range [][2]string{{"1", "0"}, {"1", "0.0"}, {big, "0"}} {
		_, _, err := IntDivide("quotient", TruncateDiv, num(t, bad[0]), num(t, bad[1]))
		if err == nil || !strings.HasPrefix(err.Error(), "quotient: division by zero") {
			t.Errorf("(quotient %s %s) error = %v", bad[0], bad[1], err)
		}
	}
	for _, bad := range []string{"1.5", "1/2", "+inf.0", "+i"} {
		_, _, err := IntDivide("modulo", FloorDiv, num(t, bad), MakeFixnum(2))
		if err == nil || !strings.HasPrefix(err.Error(), "modulo: expected integer") {
			t.Errorf("(modulo %s 2) error = %v", bad, err)
		}
	}
}

func TestGcdLcm(t *testing.T) {
	tests := []struct{ a, b, gcd, lcm string }{
		{"4", "6", "2", "12"},
		{"-4", "6", "2", "12"},
		{"-4", "-6", "2", "12"},
		{"0", "0", "0", "0"},
		{"0", "5", "5", "0"},
		{"-5", "0", "5", "0"},
		{minFix, "0", "9223372036854775808", "0"},
		{minFix, minFix, "9223372036854775808", "9223372036854775808"},
		{"1099511627776", "205891132094649", "1", "226379693794030958489370624"},
		{twoTo64, "6", "2", "55340232221128654848"},
		{"4.0", "6", "2.0", "12.0"},
	}
	for _, tc := range tests {
		a, b := num(t, tc.a), num(t, tc.b)
		g, err := Gcd("gcd", a, b)
		expectResult(t, "(gcd "+tc.a+" "+tc.b+")", g, err, tc.gcd)
		l, err := Lcm("lcm", a, b)
		expectResult(t, "(lcm "+tc.a+" "+tc.b+")", l, err, tc.lcm)
	}
	if _, err := Gcd("gcd", MakeFixnum(1), num(t, "1/2")); err == nil {
		t.Error("(gcd 1 1/2) did not fail")
	}
}

func TestRoundReal(t *testing.T) {
	// floor, ceiling, round, truncate
	tests := []struct{ x, f, c, r, tr string }{
		{"0.5", "0.0", "1.0", "0.0", "0.0"},
		{"1.5", "1.0", "2.0", "2.0", "1.0"},
		{"2.5", "2.0", "3.0", "2.0", "2.0"},
		{"-2.5", "-3.0", "-2.0", "-2.0", "-2.0"},
		{"-3.5", "-4.0", "-3.0", "-4.0", "-3.0"},
		{"2.6", "2.0", "3.0", "3.0", "2.0"},
		{"7/2", "3", "4", "4", "3"},
		{"5/2", "2", "3", "2", "2"},
		{"-5/2", "-3", "-2", "-2", "-2"},
		{"-7/2", "-4", "-3", "-4", "-3"},
		{"1/3", "0", "1", "0", "0"},
		{"2/3", "0", "1", "1", "0"},
		{"-1/3", "-1", "0", "0", "0"},
		{"-2/3", "-1", "0", "-1", "0"},
		{"36893488147419103233/2", "18446744073709551616", "18446744073709551617", "18446744073709551616", "18446744073709551616"},
		{"7", "7", "7", "7", "7"},
		{twoTo64, twoTo64, twoTo64, twoTo64, twoTo64},
		{"+inf.0", "+inf.0", "+inf.0", "+inf.0", "+inf.0"},
	}
	for _, tc := range tests {
		x := num(t, tc.x)
		for i, want := range []string{tc.f, tc.c, tc.r, tc.tr} {
			got, err := RoundReal(RoundMode(i), x)
			expectResult(t, "("+roundNames[i]+" "+tc.x+")", got, err, want)
		}
	}
	if _, err := RoundReal(RoundEven, num(t, "+i")); err == nil || !strings.HasPrefix(err.Error(), "round: expected real") {
		t.Errorf("(round +i) error = %v", err)
	}
}

func TestExactIntegerSqrt(t *testing.T) {
	tests := []struct{ n, s, r string }{
		{"0", "0", "0"},
		{"1", "1", "0"},
		{"17", "4", "1"},
		{"16", "4", "0"},
		{maxFix, "3037000499", "5928526806"},
		{"1" + strings.Repeat("0", 39) + "5", "100000000000000000000", "5"},
		{"-1", "error: exact-integer-sqrt: expected", ""},
		{"4.0", "error: exact-integer-sqrt: expected", ""},
	}
	for _, tc := range tests {
		s, r, err := ExactIntegerSqrt(num(t, tc.n))
		expectResult(t, "(exact-integer-sqrt "+tc.n+")", s, err, tc.s)
		if err == nil {
			expectResult(t, "(exact-integer-sqrt "+tc.n+") remainder", r, err, tc.r)
		}
	}
	// Every square near the top of the int64 range.
	for s := int64(3037000499); s > 3037000499-1000; s-- {
		for _, d := range []int64{-1, 0, 1} {
			n := s*s + d
			gs, gr, _ := ExactIntegerSqrt(MakeFixnum(n))
			ws := s
			if d < 0 {
				ws--
			}
			if gs != Value(MakeFixnum(int64(ws))) || gr != Value(MakeFixnum(int64(n-ws*ws))) {
				t.Fatalf("(exact-integer-sqrt %d) = %v %v", n, gs, gr)
			}
		}
	}
}

func TestSqrt(t *testing.T) {
	tests := []struct{ x, want string }{
		{"16", "4"},
		{"0", "0"},
		{"1/4", "1/2"},
		{"4/9", "2/3"},
		{"2", "1.4142135623730951"},
		{"1/2", "0.7071067811865476"},
		{"-4", "0.0+2.0i"},
		{"-1", "0.0+1.0i"},
		{"-2.0", "0.0+1.4142135623730951i"},
		{"-1/4", "0.0+0.5i"},
		{"4.0", "2.0"},
		{"-0.0", "-0.0"},
		{"+inf.0", "+inf.0"},
		{"1" + strings.Repeat("0", 40), "100000000000000000000"},
		{"-1+0i", "0.0+1.0i"},
		{"-3-4i", "1.0-2.0i"},
	}
	for _, tc := range tests {
		got, err := Sqrt(num(t, tc.x))
		expectResult(t, "(sqrt "+tc.x+")", got, err, tc.want)
	}
	// Beyond the float64 range the root is still finite and accurate.
	huge := new(big.Int).Exp(big.NewInt(10), big.NewInt(401), nil)
	got, err := Sqrt(NormBig(huge))
	f, ok := got.(Flonum)
	if want := math.Sqrt(10) * 1e200; err != nil || !ok || math.Abs(float64(f)-want)/want > 1e-15 {
		t.Errorf("(sqrt 10^401) = %v, %v", got, err)
	}
}

func TestExpt(t *testing.T) {
	tests := []struct{ b, e, want string }{
		{"2", "10", "1024"},
		{"2", "62", "4611686018427387904"},
		{"2", "63", "9223372036854775808"},
		{"-2", "63", minFix},
		{"2", "64", twoTo64},
		{"-2", "64", twoTo64},
		{"3", "40", "12157665459056928801"},
		{"10", "-3", "1/1000"},
		{"2", "-2", "1/4"},
		{"-2", "-3", "-1/8"},
		{"2/3", "3", "8/27"},
		{"2/3", "-3", "27/8"},
		{"-2/3", "-3", "-27/8"},
		{"0", "0", "1"},
		{"0.0", "0", "1.0"}, // R7RS: 0.0^z with inexact results
		{"0", "0.0", "1.0"},
		{"0", "5", "0"},
		{"0", "1/2", "0"},
		{"0", "0.5", "0.0"},
		{"0", "-1", "error: expt: division by zero"},
		{"0", "-1/2", "error: expt: division by zero"},
		{"0.0", "-1", "+inf.0"},
		{"0.0", "2", "0.0"},
		{"2.0", "3", "8.0"},
		{"2", "3.0", "8.0"},
		{"2", "0.5", "1.4142135623730951"},
		{"4", "1/2", "2"},
		{"8", "2/3", "4"},
		{"8", "-1/3", "1/2"},
		{"1/4", "1/2", "1/2"},
		{"27/8", "2/3", "9/4"},
		{twoTo64, "1/64", "2"},
		{"2", "1/2", "1.4142135623730951"},
		{"-1", "100000000000000000000", "1"},
		{"-1", "100000000000000000001", "-1"},
		{"1", "100000000000000000001", "1"},
		{"0", "100000000000000000001", "0"},
		{"0", "-100000000000000000001", "error: expt: division by zero"},
		{"2", "100000000000000000000", "error: expt: result too large"},
		{"10", "10000000000", "error: expt: result too large"},
		{"+i", "2", "-1.0"},
		{"+i", "3", "-0.0-1.0i"},
		{"+i", "-1", "0.0-1.0i"},
		{"-4.0", "0.5", "1.2246467991473515e-16+2.0i"},
		{"a", "2", "error: expt: expected number"},
	}
	for _, tc := range tests {
		got, err := Expt(symOrNum(t, tc.b), num(t, tc.e))
		expectResult(t, "(expt "+tc.b+" "+tc.e+")", got, err, tc.want)
	}
	// A negative base with a non-integer exponent has a complex result.
	got, err := Expt(MakeFixnum(-8), num(t, "1/3"))
	c, ok := got.(Compnum)
	if err != nil || !ok || math.Abs(real(c)-1) > 1e-15 || math.Abs(imag(c)-math.Sqrt(3)) > 1e-15 {
		t.Errorf("(expt -8 1/3) = %v, %v", got, err)
	}
}

func TestRationalize(t *testing.T) {
	tests := []struct{ x, y, want string }{
		{"3/10", "1/10", "1/3"},
		{".3", "1/10", "0.3333333333333333"},
		{"-3/10", "1/10", "-1/3"},
		{"3/10", "-1/10", "1/3"},
		{"1/3", "0", "1/3"},
		{"5", "10", "0"},
		{"-5", "2", "-3"},
		{"7/2", "1/2", "3"},
		{"3.14159", "0.001", "3.140625"},
		{"314159/100000", "1/1000", "201/64"},
		{"+inf.0", "3", "+inf.0"},
		{"3", "+inf.0", "0.0"},
		{"+inf.0", "+inf.0", "+nan.0"},
		{"+nan.0", "1", "+nan.0"},
	}
	for _, tc := range tests {
		got, err := Rationalize(num(t, tc.x), num(t, tc.y))
		expectResult(t, "(rationalize "+tc.x+" "+tc.y+")", got, err, tc.want)
	}
}

// TestFixnumOpsAgainstBig checks the overflow detection of the fixnum paths
// against big.Int on boundary values and pseudo-random operands.
func TestFixnumOpsAgainstBig(t *testing.T) {
	vals := []int64{0, 1, -1, 2, -2, 3, 1 << 31, -1 << 31, 3037000499, 3037000500, -3037000500,
		1 << 32, 1<<62 - 1, 1 << 62, -1 << 62, math.MaxInt64, math.MaxInt64 - 1, math.MinInt64, math.MinInt64 + 1}
	seed := uint64(0x9e3779b97f4a7c15)
	for range 200 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		vals = append(vals, int64(seed)>>(seed%64))
	}
	ops := []struct {
		name string
		fn   func(a, b Value) (Value, error)
		ref  func(z, x, y *big.Int) *big.Int
	}{
		{"+", Add, (*big.Int).Add},
		{"-", Sub, (*big.Int).Sub},
		{"*", Mul, (*big.Int).Mul},
	}
	for _, x := range vals {
		for _, y := range vals {
			bx, by := big.NewInt(x), big.NewInt(y)
			for _, op := range ops {
				got, err := op.fn(MakeFixnum(x), MakeFixnum(y))
				want := op.ref(new(big.Int), bx, by)
				checkNormal(t, op.name, got)
				var tmp big.Int
				if err != nil || bigOf(got, &tmp).Cmp(want) != 0 {
					t.Fatalf("(%s %d %d) = %v, want %s", op.name, x, y, got, want)
				}
			}
			if y == 0 {
				continue
			}
			q, r, err := IntDivide("floor/", FloorDiv, MakeFixnum(x), MakeFixnum(y))
			var tq, tr big.Int
			wq, wr := new(big.Int).QuoRem(bx, by, new(big.Int))
			if wr.Sign() != 0 && wr.Sign() != by.Sign() {
				wq.Sub(wq, big.NewInt(1))
				wr.Add(wr, by)
			}
			if err != nil || bigOf(q, &tq).Cmp(wq) != 0 || bigOf(r, &tr).Cmp(wr) != 0 {
				t.Fatalf("(floor/ %d %d) = %v %v, want %s %s", x, y, q, r, wq, wr)
			}
		}
	}
}
