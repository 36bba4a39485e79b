package stdlib

import (
	"strings"
	"testing"

	rt "termite/runtime"
)

// numArgs parses the space-separated arguments of a numeric test case:
// number literals, #t and #f, 'symbols and "strings" (without spaces).
func numArgs(t *testing.T, s string) []rt.Value {
	t.Helper()
	var args []rt.Value
	for _, tok := range strings.Fields(s) {
		switch {
		case tok == "#t" || tok == "#f":
			args = append(args, rt.MakeBool(tok == "#t"))
		case strings.HasPrefix(tok, "'"):
			args = append(args, rt.Intern(tok[1:]))
		case strings.HasPrefix(tok, `"`):
			args = append(args, rt.NewString(strings.Trim(tok, `"`)))
		default:
			v, ok := rt.ParseNumber(tok, 10)
			if !ok {
				t.Fatalf("bad literal %q in test", tok)
			}
			args = append(args, v)
		}
	}
	return args
}

// numShow prints a result as the tables write it: numbers in their
// external form (which shows exactness), several values separated by
// spaces.
func numShow(v rt.Value) string {
	switch x := v.(type) {
	case *rt.MultipleValues:
		parts := make([]string, len(x.Vals))
		for i, p := range x.Vals {
			parts[i] = numShow(p)
		}
		return strings.Join(parts, " ")
	case rt.Boolean, *rt.String:
		return rt.WriteString(x)
	}
	if rt.IsNumber(v) {
		return rt.NumberToString(v, 10)
	}
	return rt.WriteString(v)
}

const (
	tMaxFix = "9223372036854775807"
	tMinFix = "-9223372036854775808"
	tTwo64  = "18446744073709551616"
)

func TestNumberPrimitives(t *testing.T) {
	// name, arguments, expected result or "error: SUBSTRING"
	tests := [][3]string{
		{"number?", "1", "#t"},
		{"number?", "'a", "#f"},
		{"complex?", "+i", "#t"},
		{"real?", "+i", "#f"},
		{"real?", "1.5", "#t"},
		{"rational?", "1/2", "#t"},
		{"rational?", "0.5", "#t"},
		{"rational?", "+inf.0", "#f"},
		{"rational?", "+nan.0", "#f"},
		{"rational?", "'a", "#f"},
		{"integer?", "3.0", "#t"},
		{"integer?", "3.5", "#f"},
		{"integer?", "1/2", "#f"},
		{"integer?", "+inf.0", "#f"},
		{"integer?", tTwo64, "#t"},
		{"integer?", `"x"`, "#f"},
		{"exact?", "1/2", "#t"},
		{"exact?", "0.5", "#f"},
		{"exact?", "'a", "error: exact?: expected number"},
		{"inexact?", "+i", "#t"},
		{"exact-integer?", "5", "#t"},
		{"exact-integer?", "5.0", "#f"},
		{"exact-integer?", "'a", "#f"},
		{"exact-nonnegative-integer?", "0", "#t"},
		{"exact-nonnegative-integer?", "-1", "#f"},
		{"exact-nonnegative-integer?", tTwo64, "#t"},
		{"exact-nonnegative-integer?", "-" + tTwo64, "#f"},
		{"nan?", "+nan.0", "#t"},
		{"nan?", "1", "#f"},
		{"nan?", "'a", "error: nan?: expected number"},
		{"infinite?", "-inf.0", "#t"},
		{"infinite?", "1e308", "#f"},
		{"finite?", "+inf.0", "#f"},
		{"finite?", "+nan.0", "#f"},
		{"finite?", "1/2", "#t"},
		{"zero?", "0", "#t"},
		{"zero?", "-0.0", "#t"},
		{"zero?", "1/2", "#f"},
		{"zero?", "+i", "#f"},
		{"zero?", "'a", "error: zero?: expected number"},
		{"positive?", "1/2", "#t"},
		{"positive?", "0", "#f"},
		{"positive?", "+nan.0", "#f"},
		{"positive?", tTwo64, "#t"},
		{"negative?", "-inf.0", "#t"},
		{"negative?", "-" + tTwo64, "#t"},
		{"negative?", "-0.0", "#f"},
		{"positive?", "+i", "error: positive?: expected real number"},
		{"odd?", "3", "#t"},
		{"odd?", "-3", "#t"},
		{"even?", "0", "#t"},
		{"even?", tTwo64, "#t"},
		{"odd?", "18446744073709551617", "#t"},
		{"odd?", "3.0", "#t"},
		{"even?", "-4.0", "#t"},
		{"even?", "1.5", "error: even?: expected integer"},

		{"=", "1 1.0 1", "#t"},
		{"=", "1/2 0.5", "#t"},
		{"=", "+nan.0 +nan.0", "#f"},
		{"=", "1+2i 1+2i", "#t"},
		{"=", "1 'a", "error: =: expected number"},
		{"<", "1 2 3", "#t"},
		{"<", "1 3 2", "#f"},
		{"<", "1 +nan.0", "#f"},
		{"<", "1/3 0.3333333333333333", "#f"},
		{"<", "1 'a", "error: <: expected real number"},
		{"<", "2 1 'a", "error: <: expected real number"},
		{"<", "1 +i", "error: <: expected real number"},
		{"<=", "1 1 2", "#t"},
		{"<=", "1 2 1", "#f"},
		{">", "3 2 1", "#t"},
		{">", "3 2 2", "#f"},
		{">=", "3 3 3", "#t"},
		{">=", tTwo64 + " 1e19", "#t"},
		{"max", "1 2.0", "2.0"},
		{"max", "1 2", "2"},
		{"max", "3", "3"},
		{"max", "2.0 1", "2.0"},
		{"min", "1 2.0", "1.0"},
		{"max", "1/2 1/3", "1/2"},
		{"max", "1 +nan.0 2", "+nan.0"},
		{"min", "-inf.0 0", "-inf.0"},
		{"max", "'a", "error: max: expected real number"},
		{"min", "1 +i", "error: min: expected real number"},

		{"+", "", "0"},
		{"*", "", "1"},
		{"+", "1 2 3", "6"},
		{"+", "1/2 1/2", "1"},
		{"+", "-0.0", "-0.0"},
		{"+", "'a", "error: +: expected number"},
		{"+", "1 'a", "error: +: expected number"},
		{"+", tMaxFix + " 1 -1", tMaxFix},
		{"*", tMaxFix + " " + tMaxFix, "85070591730234615847396907784232501249"},
		{"*", "1.5 2", "3.0"},
		{"*", "'a", "error: *: expected number"},
		{"-", "5", "-5"},
		{"-", "10 1 2", "7"},
		{"-", tMinFix, "9223372036854775808"},
		{"-", "'a", "error: -: expected number"},
		{"/", "2", "1/2"},
		{"/", "0.5", "2.0"},
		{"/", "0", "error: /: division by zero"},
		{"/", "12 2 3", "2"},
		{"/", "1 2 3", "1/6"},
		{"/", "1 0 3", "error: /: division by zero"},
		{"/", "1.0 0.0", "+inf.0"},
		{"abs", "-5", "5"},
		{"abs", tMinFix, "9223372036854775808"},
		{"abs", "-1/2", "1/2"},
		{"abs", "-0.0", "0.0"},
		{"abs", "-inf.0", "+inf.0"},
		{"abs", "-" + tTwo64, tTwo64},
		{"abs", "+i", "error: abs: expected real number"},

		{"quotient", "17 5", "3"},
		{"quotient", "-17 5", "-3"},
		{"remainder", "-17 5", "-2"},
		{"remainder", "17 -5", "2"},
		{"modulo", "-17 5", "3"},
		{"modulo", "17 -5", "-3"},
		{"modulo", "-17 -5", "-2"},
		{"modulo", "13.0 4", "1.0"},
		{"quotient", "7.0 2", "3.0"},
		{"quotient", "1 0", "error: quotient: division by zero"},
		{"modulo", "1 0.0", "error: modulo: division by zero"},
		{"modulo", "7.5 2", "error: modulo: expected integer"},
		{"remainder", "7 'a", "error: remainder: expected integer"},
		{"%floor/", "-7 2", "-4 1"},
		{"%floor/", "7 -2", "-4 -1"},
		{"%truncate/", "-7 2", "-3 -1"},
		{"%truncate/", "7 -2", "-3 1"},
		{"floor-quotient", "7 -2", "-4"},
		{"floor-remainder", "7 -2", "-1"},
		{"truncate-quotient", "-7 -2", "3"},
		{"truncate-remainder", "-7 -2", "-1"},
		{"%floor/", tMinFix + " -1", "9223372036854775808 0"},
		{"%truncate/", "-" + tTwo64 + " 7", "-2635249153387078802 -2"},
		{"%floor/", "-" + tTwo64 + " 7", "-2635249153387078803 5"},
		{"gcd", "", "0"},
		{"lcm", "", "1"},
		{"gcd", "32 -36", "4"},
		{"gcd", "-5", "5"},
		{"gcd", "12 18 27", "3"},
		{"lcm", "32 -36", "288"},
		{"lcm", "32.0 -36", "288.0"},
		{"lcm", "2 3 4", "12"},
		{"lcm", "0 5", "0"},
		{"gcd", "1/2 3", "error: gcd: expected integer"},
		{"numerator", "6/4", "3"},
		{"denominator", "6/4", "2"},
		{"denominator", "5", "1"},
		{"denominator", "0", "1"},
		{"numerator", "-3", "-3"},
		{"numerator", "-1/" + tTwo64, "-1"},
		{"denominator", "-1/" + tTwo64, tTwo64},
		{"numerator", "0.5", "1.0"},
		{"denominator", "0.5", "2.0"},
		{"denominator", "0.1", "36028797018963970.0"},
		{"numerator", "+inf.0", "error: numerator: expected rational number"},
		{"denominator", "+i", "error: denominator: expected rational number"},
		{"floor", "-4.3", "-5.0"},
		{"ceiling", "-4.3", "-4.0"},
		{"truncate", "-4.3", "-4.0"},
		{"round", "-4.3", "-4.0"},
		{"floor", "3.5", "3.0"},
		{"ceiling", "3.5", "4.0"},
		{"truncate", "3.5", "3.0"},
		{"round", "3.5", "4.0"},
		{"round", "2.5", "2.0"},
		{"round", "-2.5", "-2.0"},
		{"round", "7/2", "4"},
		{"round", "5/2", "2"},
		{"round", "7", "7"},
		{"floor", "-7/2", "-4"},
		{"ceiling", "-7/2", "-3"},
		{"truncate", "-7/2", "-3"},
		{"round", "'a", "error: round: expected real number"},
		{"rationalize", "3/10 1/10", "1/3"},
		{"rationalize", ".3 1/10", "0.3333333333333333"},
		{"rationalize", "1 'a", "error: rationalize: expected real number"},

		{"exp", "0", "1"},
		{"exp", "1", "2.718281828459045"},
		{"exp", "+i", "0.5403023058681398+0.8414709848078965i"},
		{"log", "1", "0"},
		{"log", "1.0", "0.0"},
		{"log", "0", "-inf.0"},
		{"log", "-1", "0.0+3.141592653589793i"},
		{"log", "100 10", "2.0"},
		{"log", "8 2", "3.0"},
		{"log", "9 3", "2.0000000000000004"},
		{"log", "5 1", "+inf.0"},
		{"log", "1" + strings.Repeat("0", 400), "921.0340371976182"},
		{"log", "-1" + strings.Repeat("0", 400), "921.0340371976182+3.141592653589793i"},
		{"log", "1/1" + strings.Repeat("0", 400), "-921.0340371976182"},
		{"log", "1" + strings.Repeat("0", 400) + " 10", "399.99999999999994"},
		{"log", "1" + strings.Repeat("0", 400) + " 1" + strings.Repeat("0", 200), "1.9999999999999998"},
		{"log", "'a", "error: log: expected number"},
		{"log", "2 'a", "error: log: expected number"},
		{"sin", "0", "0"},
		{"sin", "0.0", "0.0"},
		{"cos", "0", "1"},
		{"cos", "0.0", "1.0"},
		{"tan", "0", "0"},
		{"asin", "0", "0"},
		{"asin", "1", "1.5707963267948966"},
		{"acos", "1", "0"},
		{"acos", "-1", "3.141592653589793"},
		{"asin", "2", "1.5707963267948966-1.3169578969248166i"},
		{"asin", "-2", "-1.5707963267948966+1.3169578969248166i"},
		{"acos", "2", "0.0+1.3169578969248166i"},
		{"atan", "0", "0"},
		{"atan", "1", "0.7853981633974483"},
		{"atan", "+2i", "1.5707963267948966+0.5493061443340548i"},
		{"atan", "1 1", "0.7853981633974483"},
		{"atan", "0 1", "0"},
		{"atan", "1 -1", "2.356194490192345"},
		{"atan", "-0.0 -1", "-3.141592653589793"},
		{"atan", "1 +i", "error: atan: expected real number"},
		{"sin", "'a", "error: sin: expected number"},
		{"acos", "'a", "error: acos: expected number"},

		{"square", "5", "25"},
		{"square", "1/2", "1/4"},
		{"square", "-3.0", "9.0"},
		{"square", tTwo64, "340282366920938463463374607431768211456"},
		{"square", "'a", "error: square: expected number"},
		{"sqrt", "16", "4"},
		{"sqrt", "1/4", "1/2"},
		{"sqrt", "-4", "0.0+2.0i"},
		{"sqrt", "2", "1.4142135623730951"},
		{"sqrt", "'a", "error: sqrt: expected number"},
		{"%exact-integer-sqrt", "17", "4 1"},
		{"%exact-integer-sqrt", "4", "2 0"},
		{"%exact-integer-sqrt", "340282366920938463463374607431768211457", tTwo64 + " 1"},
		{"%exact-integer-sqrt", "-1", "error: exact-integer-sqrt: expected exact non-negative integer"},
		{"%exact-integer-sqrt", "4.0", "error: exact-integer-sqrt: expected exact non-negative integer"},
		{"expt", "2 10", "1024"},
		{"expt", "2 -10", "1/1024"},
		{"expt", "0 0", "1"},
		{"expt", "0.0 0", "1.0"},
		{"expt", "2.5 0", "1.0"},
		{"expt", "4 1/2", "2"},
		{"expt", "2 0.5", "1.4142135623730951"},
		{"expt", "'a 1", "error: expt: expected number"},

		{"exact", "0.5", "1/2"},
		{"exact", "-2.0", "-2"},
		{"exact", "1/3", "1/3"},
		{"exact", "+inf.0", "error: exact: no exact representation"},
		{"exact", "'a", "error: exact: expected number"},
		{"inexact", "1/2", "0.5"},
		{"inexact", "0.5", "0.5"},
		{"exact->inexact", "1/3", "0.3333333333333333"},
		{"inexact->exact", "0.25", "1/4"},
		{"inexact->exact", "'a", "error: inexact->exact: expected number"},

		{"number->string", "255 16", `"ff"`},
		{"number->string", "-255 2", `"-11111111"`},
		{"number->string", "1/3 2", `"1/11"`},
		{"number->string", "3.5", `"3.5"`},
		{"number->string", "4.0 2", `"#i100"`},
		{"number->string", "-255.0 16", `"#i-ff"`},
		{"number->string", "+inf.0 8", `"+inf.0"`},
		{"number->string", "1.2 2", "error: number->string: no exact form of the inexact number in the radix"},
		{"number->string", "-0.0 2", "error: number->string: no exact form"},
		{"number->string", tTwo64, `"` + tTwo64 + `"`},
		{"number->string", "10 3", "error: number->string: expected radix"},
		{"number->string", "'a", "error: number->string: expected number"},
		{"string->number", `"ff" 16`, "255"},
		{"string->number", `"101" 2`, "5"},
		{"string->number", `"abc"`, "#f"},
		{"string->number", `"1e2"`, "100.0"},
		{"string->number", `"#xff"`, "255"},
		{"string->number", `"1/2"`, "1/2"},
		{"string->number", `""`, "#f"},
		{"string->number", `"12" 7`, "error: string->number: expected radix"},
		{"string->number", "12", "error: string->number: expected string"},

		{"make-rectangular", "1 2", "1.0+2.0i"},
		{"make-rectangular", "1.5 0", "1.5"},
		{"make-rectangular", "1/2 0", "1/2"},
		{"make-rectangular", "1 +i", "error: make-rectangular: expected real number"},
		{"make-polar", "2 0", "2"},
		{"make-polar", "2 0.0", "2.0"},
		{"make-polar", "2 3.141592653589793", "-2.0+2.449293598294703e-16i"},
		{"make-polar", "'a 1", "error: make-polar: expected real number"},
		{"real-part", "1+2i", "1.0"},
		{"real-part", "1/2", "1/2"},
		{"imag-part", "1+2i", "2.0"},
		{"imag-part", "5", "0"},
		{"imag-part", "'a", "error: imag-part: expected number"},
		{"magnitude", "3+4i", "5.0"},
		{"magnitude", "-5", "5"},
		{"magnitude", "-1/2", "1/2"},
		{"angle", "-1", "3.141592653589793"},
		{"angle", "1", "0"},
		{"angle", "+i", "1.5707963267948966"},
		{"angle", "-1.0", "3.141592653589793"},
		{"angle", "1.0", "0.0"},
		{"angle", "+inf.0", "0.0"},
		{"angle", "'a", "error: angle: expected number"},
	}
	for _, tc := range tests {
		args := numArgs(t, tc[1])
		got, err := call(t, tc[0], args...)
		desc := "(" + tc[0] + " " + tc[1] + ")"
		if sub, isErr := strings.CutPrefix(tc[2], "error: "); isErr {
			if err == nil {
				t.Errorf("%s = %s, want error containing %q", desc, numShow(got), sub)
			} else if !strings.Contains(err.Error(), sub) {
				t.Errorf("%s: error %q, want it to contain %q", desc, err, sub)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error %v", desc, err)
			continue
		}
		if s := numShow(got); s != tc[2] {
			t.Errorf("%s = %s, want %s", desc, s, tc[2])
		}
	}
}

// floor/, truncate/ and exact-integer-sqrt are Scheme procedures over the
// primitives with a %: see control.scm.
func TestNumberPrimitivesRegistered(t *testing.T) {
	names := `number? complex? real? rational? integer? exact? inexact? exact-integer?
		exact-nonnegative-integer? nan? infinite? finite? = < > <= >= zero? positive?
		negative? odd? even? max min + * - / abs quotient remainder modulo %floor/
		floor-quotient floor-remainder %truncate/ truncate-quotient truncate-remainder
		gcd lcm numerator denominator floor ceiling round truncate rationalize exp log
		sin cos tan asin acos atan square sqrt %exact-integer-sqrt expt exact inexact
		exact->inexact inexact->exact number->string string->number make-rectangular
		make-polar real-part imag-part magnitude angle`
	for _, name := range strings.Fields(names) {
		lookup(t, name)
	}
}

// TestVariadicArity checks the arities that the machine enforces before
// calling a primitive.
func TestVariadicArity(t *testing.T) {
	tests := []struct {
		name     string
		min, max int
	}{
		{"+", 0, rt.Variadic}, {"*", 0, rt.Variadic}, {"-", 1, rt.Variadic},
		{"/", 1, rt.Variadic}, {"=", 2, rt.Variadic}, {"<", 2, rt.Variadic},
		{"char<?", 2, rt.Variadic}, {"string-ci=?", 2, rt.Variadic}, {"boolean=?", 2, rt.Variadic},
		{"symbol=?", 2, rt.Variadic},
		{"max", 1, rt.Variadic}, {"gcd", 0, rt.Variadic}, {"log", 1, 2},
		{"atan", 1, 2}, {"number->string", 1, 2}, {"string->number", 1, 2},
		{"quotient", 2, 2}, {"expt", 2, 2}, {"sqrt", 1, 1},
	}
	for _, tc := range tests {
		p := lookup(t, tc.name)
		if p.Min != tc.min || p.Max != tc.max {
			t.Errorf("%s arity %d..%d, want %d..%d", tc.name, p.Min, p.Max, tc.min, tc.max)
		}
	}
}
