package stdlib

import (
	"math"
	"math/big"
	"math/cmplx"

	rt "termite/runtime"
)

// The numeric procedures of R7RS section 6.2. The arithmetic itself lives in
// runtime (the machine calls it directly); this file checks arguments,
// folds variadic calls and adds the procedures only Scheme code calls.

func init() {
	register(
		numTypePred("number?", rt.IsNumber),
		numTypePred("complex?", rt.IsNumber),
		numTypePred("real?", rt.IsReal),
		numTypePred("rational?", isRational),
		numTypePred("integer?", rt.IsInteger),
		numTypePred("exact-integer?", rt.IsExactInteger),
		numTypePred("exact-nonnegative-integer?", isExactNonnegativeInteger),
		numPred("exact?", rt.IsExact),
		numPred("inexact?", func(v rt.Value) bool { return !rt.IsExact(v) }),
		numPred("nan?", numIsNaN),
		numPred("infinite?", numIsInfinite),
		numPred("finite?", func(v rt.Value) bool { return !numIsNaN(v) && !numIsInfinite(v) }),
		numPred("zero?", numIsZero),
		realPred("positive?", func(v rt.Value) bool { return realSign(v) == 1 }),
		realPred("negative?", func(v rt.Value) bool { return realSign(v) == -1 }),
		prim("odd?", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				odd, err := numIsOdd(w, args[0])
				return rt.MakeBool(odd), err
			}
		}),
		prim("even?", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				odd, err := numIsOdd(w, args[0])
				return rt.MakeBool(!odd), err
			}
		}),

		numChain("=", "number", rt.IsNumber, rt.NumEqual),
		numChain("<", "real number", rt.IsReal, rt.Less),
		numChain(">", "real number", rt.IsReal, rt.Greater),
		numChain("<=", "real number", rt.IsReal, rt.LessEqual),
		numChain(">=", "real number", rt.IsReal, rt.GreaterEqual),
		prim("max", 1, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return numExtremum(w, 1, args)
			}
		}),
		prim("min", 1, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return numExtremum(w, -1, args)
			}
		}),

		prim("+", 0, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return numFold(w, rt.MakeFixnum(0), rt.Add, args)
			}
		}),
		prim("*", 0, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return numFold(w, rt.MakeFixnum(1), rt.Mul, args)
			}
		}),
		prim("-", 1, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				if len(args) == 1 {
					return rt.Negate(args[0])
				}
				return numFold(w, nil, rt.Sub, args)
			}
		}),
		prim("/", 1, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				if len(args) == 1 {
					return rt.Div(rt.MakeFixnum(1), args[0])
				}
				return numFold(w, nil, rt.Div, args)
			}
		}),
		prim("abs", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return numAbs(w, args[0])
			}
		}),

		intDiv("quotient", rt.TruncateDiv, 0),
		intDiv("remainder", rt.TruncateDiv, 1),
		intDiv("modulo", rt.FloorDiv, 1),
		intDiv("%floor/", rt.FloorDiv, 2),
		intDiv("floor-quotient", rt.FloorDiv, 0),
		intDiv("floor-remainder", rt.FloorDiv, 1),
		intDiv("%truncate/", rt.TruncateDiv, 2),
		intDiv("truncate-quotient", rt.TruncateDiv, 0),
		intDiv("truncate-remainder", rt.TruncateDiv, 1),
		prim("gcd", 0, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return numFoldInt(w, rt.MakeFixnum(0), rt.Gcd, args)
			}
		}),
		prim("lcm", 0, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return numFoldInt(w, rt.MakeFixnum(1), rt.Lcm, args)
			}
		}),
		prim("numerator", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return ratioPart(w, args[0], (*big.Rat).Num)
			}
		}),
		prim("denominator", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return ratioPart(w, args[0], (*big.Rat).Denom)
			}
		}),
		numRounder("floor", rt.RoundFloor),
		numRounder("ceiling", rt.RoundCeiling),
		numRounder("round", rt.RoundEven),
		numRounder("truncate", rt.RoundTruncate),
		&rt.Primitive{Name: "rationalize", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.Rationalize(args[0], args[1])
		}},

		transcendental("exp", 0, 1, math.Exp, cmplx.Exp),
		prim("log", 1, 2, numLog),
		transcendental("sin", 0, 0, math.Sin, cmplx.Sin),
		transcendental("cos", 0, 1, math.Cos, cmplx.Cos),
		transcendental("tan", 0, 0, math.Tan, cmplx.Tan),
		transcendental("asin", 0, 0, nil, asinComplex),
		transcendental("acos", 1, 0, nil, acosComplex),
		prim("atan", 1, 2, numAtan),

		prim("square", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				if !rt.IsNumber(args[0]) {
					return nil, w.typeError("number", args[0])
				}
				return rt.Mul(args[0], args[0])
			}
		}),
		&rt.Primitive{Name: "sqrt", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.Sqrt(args[0])
		}},
		&rt.Primitive{Name: "%exact-integer-sqrt", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			s, r, err := rt.ExactIntegerSqrt(args[0])
			if err != nil {
				return nil, err
			}
			return &rt.MultipleValues{Vals: []rt.Value{s, r}}, nil
		}},
		&rt.Primitive{Name: "expt", Min: 2, Max: 2, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.Expt(args[0], args[1])
		}},

		numConvert("exact", rt.ToExact),
		numConvert("inexact->exact", rt.ToExact),
		numConvert("inexact", rt.ToInexact),
		numConvert("exact->inexact", rt.ToInexact),

		prim("number->string", 1, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				if !rt.IsNumber(args[0]) {
					return nil, w.typeError("number", args[0])
				}
				radix, err := argRadix(w, args)
				if err != nil {
					return nil, err
				}
				if f, ok := args[0].(rt.Fixnum); ok {
					return rt.FixnumString(f, radix), nil
				}
				if radix != 10 {
					return inexactInRadix(w, args[0], radix)
				}
				return rt.NewString(rt.NumberToString(args[0], radix)), nil
			}
		}),
		prim("string->number", 1, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				s, err := argString(w, args[0])
				if err != nil {
					return nil, err
				}
				radix, err := argRadix(w, args)
				if err != nil {
					return nil, err
				}
				if v, ok := rt.ParseNumber(s.String(), radix); ok {
					return v, nil
				}
				return rt.False, nil
			}
		}),

		prim("make-rectangular", 2, 2, makeRectangular),
		prim("make-polar", 2, 2, makePolar),
		prim("real-part", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				switch x := args[0].(type) {
				case rt.Compnum:
					return rt.Flonum(real(x)), nil
				case rt.Fixnum, rt.Flonum, *rt.Bignum, *rt.Ratnum:
					return x, nil
				}
				return nil, w.typeError("number", args[0])
			}
		}),
		prim("imag-part", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				switch x := args[0].(type) {
				case rt.Compnum:
					return rt.Flonum(imag(x)), nil
				case rt.Fixnum, rt.Flonum, *rt.Bignum, *rt.Ratnum:
					return rt.MakeFixnum(0), nil
				}
				return nil, w.typeError("number", args[0])
			}
		}),
		prim("magnitude", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				if c, ok := args[0].(rt.Compnum); ok {
					return rt.Flonum(cmplx.Abs(complex128(c))), nil
				}
				return numAbs(w, args[0])
			}
		}),
		prim("angle", 1, 1, numAngle),
	)
}

// pred makes a one-argument type predicate that accepts any object.
func numTypePred(name string, test func(rt.Value) bool) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			return rt.MakeBool(test(args[0])), nil
		}
	})
}

// numPred makes a predicate on numbers: other objects are an error.
func numPred(name string, test func(rt.Value) bool) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			if !rt.IsNumber(args[0]) {
				return nil, w.typeError("number", args[0])
			}
			return rt.MakeBool(test(args[0])), nil
		}
	})
}

// realPred makes a predicate on real numbers.
func realPred(name string, test func(rt.Value) bool) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			if !rt.IsReal(args[0]) {
				return nil, w.typeError("real number", args[0])
			}
			return rt.MakeBool(test(args[0])), nil
		}
	})
}

func isRational(v rt.Value) bool {
	if f, ok := v.(rt.Flonum); ok {
		return !math.IsInf(float64(f), 0) && !math.IsNaN(float64(f))
	}
	return rt.IsExact(v)
}

func isExactNonnegativeInteger(v rt.Value) bool {
	switch x := v.(type) {
	case rt.Fixnum:
		return x.Int() >= 0
	case *rt.Bignum:
		return x.I.Sign() >= 0
	}
	return false
}

func numIsNaN(v rt.Value) bool {
	switch x := v.(type) {
	case rt.Flonum:
		return math.IsNaN(float64(x))
	case rt.Compnum:
		return cmplx.IsNaN(complex128(x))
	}
	return false
}

func numIsInfinite(v rt.Value) bool {
	switch x := v.(type) {
	case rt.Flonum:
		return math.IsInf(float64(x), 0)
	case rt.Compnum:
		return math.IsInf(real(x), 0) || math.IsInf(imag(x), 0)
	}
	return false
}

// isZero relies on normalization: the only exact zero is Fixnum 0.
func numIsZero(v rt.Value) bool {
	switch x := v.(type) {
	case rt.Fixnum:
		return x.Int() == 0
	case rt.Flonum:
		return x == 0
	case rt.Compnum:
		return x == 0
	}
	return false
}

// signOf returns -1, 0 or +1 for the real v, and 2 for a NaN.
func realSign(v rt.Value) int {
	c, _ := rt.Compare(v, rt.MakeFixnum(0))
	return c
}

func numIsOdd(w who, v rt.Value) (bool, error) {
	switch x := v.(type) {
	case rt.Fixnum:
		return x.Int()&1 == 1, nil
	case *rt.Bignum:
		return x.I.Bit(0) == 1, nil
	case rt.Flonum:
		if rt.IsInteger(x) {
			return math.Mod(float64(x), 2) != 0, nil
		}
	}
	return false, w.typeError("integer", v)
}

// chain makes a comparison that holds when test holds between every pair of
// neighbouring arguments. Every argument is type-checked, even after the
// answer is known, so that (< 2 1 'x) is an error as (< 1 2 'x) is.
func numChain(name, want string, check func(rt.Value) bool, test func(a, b rt.Value) (bool, error)) *rt.Primitive {
	return prim(name, 2, rt.Variadic, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			for _, a := range args {
				if !check(a) {
					return nil, w.typeError(want, a)
				}
			}
			for i := 1; i < len(args); i++ {
				ok, err := test(args[i-1], args[i])
				if err != nil {
					return nil, err
				}
				if !ok {
					return rt.False, nil
				}
			}
			return rt.True, nil
		}
	})
}

// extremum returns the largest (dir 1) or smallest (dir -1) argument, made
// inexact when any argument is, and a NaN when any argument is one.
func numExtremum(w who, dir int, args []rt.Value) (rt.Value, error) {
	best := args[0]
	inexact, nan := false, false
	for i, a := range args {
		if !rt.IsReal(a) {
			return nil, w.typeError("real number", a)
		}
		if f, ok := a.(rt.Flonum); ok {
			inexact = true
			nan = nan || math.IsNaN(float64(f))
		}
		if i > 0 {
			c, err := rt.CompareNamed(string(w), a, best)
			if err != nil {
				return nil, err
			}
			if c == dir {
				best = a
			}
		}
	}
	switch {
	case nan:
		return rt.Flonum(math.NaN()), nil
	case inexact:
		return rt.ToInexact(best)
	}
	return best, nil
}

// fold combines the arguments from the left. With one argument and an
// identity, that argument is returned unchanged after a type check, so that
// (+ -0.0) stays -0.0.
func numFold(w who, identity rt.Value, op func(a, b rt.Value) (rt.Value, error), args []rt.Value) (rt.Value, error) {
	switch len(args) {
	case 0:
		return identity, nil
	case 1:
		if !rt.IsNumber(args[0]) {
			return nil, w.typeError("number", args[0])
		}
		return args[0], nil
	}
	acc := args[0]
	for _, a := range args[1:] {
		var err error
		if acc, err = op(acc, a); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// foldInt folds gcd or lcm over the arguments starting from identity, so
// that a single argument comes back as its absolute value.
func numFoldInt(w who, identity rt.Value, op func(who string, a, b rt.Value) (rt.Value, error), args []rt.Value) (rt.Value, error) {
	acc := identity
	for _, a := range args {
		var err error
		if acc, err = op(string(w), acc, a); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

func numAbs(w who, v rt.Value) (rt.Value, error) {
	switch x := v.(type) {
	case rt.Fixnum:
		if x.Int() >= 0 {
			return x, nil
		}
	case rt.Flonum:
		return rt.Flonum(math.Abs(float64(x))), nil
	case *rt.Bignum:
		if x.I.Sign() >= 0 {
			return x, nil
		}
	case *rt.Ratnum:
		if x.R.Sign() >= 0 {
			return x, nil
		}
	default:
		return nil, w.typeError("real number", v)
	}
	return rt.Negate(v)
}

// intDiv makes an integer division procedure returning the quotient
// (part 0), the remainder (part 1) or both as two values (part 2).
func intDiv(name string, mode rt.DivMode, part int) *rt.Primitive {
	return prim(name, 2, 2, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			x, xok := args[0].(rt.Fixnum)
			y, yok := args[1].(rt.Fixnum)
			if xok && yok && y.Int() != 0 && y.Int() != -1 && part < 2 {
				// Only the part asked for is boxed.
				q, r := rt.DivModInt(mode, x.Int(), y.Int())
				if part == 0 {
					return rt.MakeFixnum(q), nil
				}
				return rt.MakeFixnum(r), nil
			}
			q, r, err := rt.IntDivide(string(w), mode, args[0], args[1])
			switch {
			case err != nil:
				return nil, err
			case part == 0:
				return q, nil
			case part == 1:
				return r, nil
			}
			return &rt.MultipleValues{Vals: []rt.Value{q, r}}, nil
		}
	})
}

// ratioPart returns the numerator or denominator of the rational v in
// lowest terms; for a flonum, that of the exact rational it denotes, made
// inexact again: (denominator 0.5) is 2.0.
func ratioPart(w who, v rt.Value, part func(*big.Rat) *big.Int) (rt.Value, error) {
	if !isRational(v) {
		return nil, w.typeError("rational number", v)
	}
	e, err := rt.ToExact(v)
	if err != nil {
		return nil, err
	}
	var r big.Rat
	switch x := e.(type) {
	case rt.Fixnum:
		r.SetInt64(x.Int())
	case *rt.Bignum:
		r.SetInt(&x.I)
	case *rt.Ratnum:
		r.Set(&x.R)
	}
	p := rt.NormBig(new(big.Int).Set(part(&r)))
	if rt.IsExact(v) {
		return p, nil
	}
	return rt.ToInexact(p)
}

func numRounder(name string, mode rt.RoundMode) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			return rt.RoundReal(mode, args[0])
		}
	})
}

func numConvert(name string, conv func(rt.Value) (rt.Value, error)) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			if !rt.IsNumber(args[0]) {
				return nil, w.typeError("number", args[0])
			}
			return conv(args[0])
		}
	})
}

// transcendental makes a one-argument function. Following Gambit, the
// exact argument zeroArg gives the exact result zeroResult ((exp 0) is 1,
// (sin 0) is 0); other arguments give inexact results. A nil real function
// means the complex one covers the reals too.
func transcendental(name string, zeroArg, zeroResult int64, realFn func(float64) float64, complexFn func(complex128) complex128) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			z := args[0]
			if n, ok := z.(rt.Fixnum); ok && n.Int() == zeroArg {
				return rt.MakeFixnum(zeroResult), nil
			}
			if f, ok := rt.RealToFloat(z); ok && realFn != nil {
				return rt.Flonum(realFn(f)), nil
			}
			if !rt.IsNumber(z) {
				return nil, w.typeError("number", z)
			}
			return rt.NormComplex(complexFn(complexArg(z))), nil
		}
	})
}

// complexArg returns the number z as a complex128 whose imaginary part is
// +0 for a real z, so that branch cuts fall as R7RS describes.
func complexArg(z rt.Value) complex128 {
	if c, ok := z.(rt.Compnum); ok {
		return complex128(c)
	}
	f, _ := rt.RealToFloat(z)
	return complex(f, 0)
}

// sqrtComplex is the principal square root, computed from the real value
// when z is real so that the sign of a zero imaginary part cannot flip it.
func sqrtComplex(z complex128) complex128 {
	if imag(z) == 0 {
		if real(z) < 0 {
			return complex(0, math.Sqrt(-real(z)))
		}
		return complex(math.Sqrt(real(z)), 0)
	}
	return cmplx.Sqrt(z)
}

// logComplex is the principal logarithm, with a real z handled the same
// way as in sqrtComplex.
func logComplex(z complex128) complex128 {
	if imag(z) == 0 {
		// A real number's imaginary part is exact zero: -0.0, like a
		// negative number, is on the upper side of the branch cut, with
		// imaginary part pi (R7RS 6.2.6).
		if real(z) < 0 || real(z) == 0 && math.Signbit(real(z)) {
			return complex(math.Log(-real(z)), math.Pi)
		}
		return complex(math.Log(real(z)), 0)
	}
	return cmplx.Log(z)
}

// asin is R7RS's -i log(iz + sqrt(1 - z^2)); within [-1, 1] it is the real
// arcsine.
func asinComplex(z complex128) complex128 {
	if imag(z) == 0 && math.Abs(real(z)) <= 1 {
		return complex(math.Asin(real(z)), 0)
	}
	if real(z) < 0 {
		// asin is odd; the formula loses digits to cancellation in the
		// left half-plane.
		return -asinComplex(-z)
	}
	w := logComplex(complex(-imag(z), real(z)) + sqrtComplex(1-z*z))
	return complex(imag(w), -real(w))
}

// acos is R7RS's pi/2 - asin z.
func acosComplex(z complex128) complex128 {
	if imag(z) == 0 && math.Abs(real(z)) <= 1 {
		return complex(math.Acos(real(z)), 0)
	}
	return complex(math.Pi/2, 0) - asinComplex(z)
}

// atanComplex is R7RS's (log(1+iz) - log(1-iz)) / 2i.
func atanComplex(z complex128) complex128 {
	iz := complex(-imag(z), real(z))
	w := logComplex(1+iz) - logComplex(1-iz)
	return complex(imag(w)/2, -real(w)/2)
}

func numLog(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		z := args[0]
		if !rt.IsNumber(z) {
			return nil, w.typeError("number", z)
		}
		if len(args) == 1 {
			if z == rt.MakeFixnum(1) {
				return rt.MakeFixnum(0), nil
			}
			return rt.NormComplex(logOf(z)), nil
		}
		b := args[1]
		if !rt.IsNumber(b) {
			return nil, w.typeError("number", b)
		}
		if f, ok := rt.RealToFloat(z); ok && f > 0 && !math.IsInf(f, 1) {
			// Dedicated functions make (log 8 2) exactly 3.0, where
			// log(8)/log(2) need not be.
			switch b {
			case rt.MakeFixnum(2):
				return rt.Flonum(math.Log2(f)), nil
			case rt.MakeFixnum(10):
				return rt.Flonum(math.Log10(f)), nil
			}
		}
		lz, lb := logOf(z), logOf(b)
		if imag(lz) == 0 && imag(lb) == 0 {
			// Real division, so that a zero log of the base gives an infinity
			// rather than complex NaN parts.
			return rt.Flonum(real(lz) / real(lb)), nil
		}
		if imag(lb) == 0 {
			// Part by part: complex division would mix an infinite part
			// of lz into a NaN.
			return rt.NormComplex(complex(real(lz)/real(lb), imag(lz)/real(lb))), nil
		}
		return rt.NormComplex(lz / lb), nil
	}
}

// logOf is the principal logarithm of the number z. An exact z outside the
// float64 range, such as 10^400 or 1/10^400, still has a finite logarithm.
func logOf(z rt.Value) complex128 {
	var r big.Rat
	switch x := z.(type) {
	case *rt.Bignum:
		r.SetInt(&x.I)
	case *rt.Ratnum:
		r.Set(&x.R)
	case rt.Compnum:
		// Its imaginary part is inexact, and its sign says which side of
		// the branch cut it is on, zero included.
		return cmplx.Log(complex128(x))
	default:
		return logComplex(complexArg(z))
	}
	if f, _ := rt.RealToFloat(z); math.Abs(f) >= 0x1p-1022 && !math.IsInf(f, 0) {
		return logComplex(complexArg(z))
	}
	l := logBig(r.Num()) - logBig(r.Denom())
	if r.Sign() < 0 {
		return complex(l, math.Pi)
	}
	return complex(l, 0)
}

// logBig returns the natural logarithm of |i| > 0 as log(m) + e·log 2 with
// |i| = m·2^e and m in [0.5, 1).
func logBig(i *big.Int) float64 {
	var mant big.Float
	e := new(big.Float).SetInt(i).MantExp(&mant)
	m, _ := mant.Float64()
	return math.Log(math.Abs(m)) + float64(e)*math.Ln2
}

func numAtan(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		y := args[0]
		if len(args) == 1 {
			if y == rt.MakeFixnum(0) {
				return y, nil
			}
			if f, ok := rt.RealToFloat(y); ok {
				return rt.Flonum(math.Atan(f)), nil
			}
			if !rt.IsNumber(y) {
				return nil, w.typeError("number", y)
			}
			return rt.NormComplex(atanComplex(complexArg(y))), nil
		}
		x := args[1]
		fy, ok := rt.RealToFloat(y)
		if !ok {
			return nil, w.typeError("real number", y)
		}
		fx, ok := rt.RealToFloat(x)
		if !ok {
			return nil, w.typeError("real number", x)
		}
		if y == rt.MakeFixnum(0) && rt.IsExact(x) && fx > 0 {
			return y, nil
		}
		return rt.Flonum(math.Atan2(fy, fx)), nil
	}
}

func makeRectangular(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		re, ok := rt.RealToFloat(args[0])
		if !ok {
			return nil, w.typeError("real number", args[0])
		}
		im, ok := rt.RealToFloat(args[1])
		if !ok {
			return nil, w.typeError("real number", args[1])
		}
		if args[1] == rt.MakeFixnum(0) {
			return args[0], nil
		}
		// An inexact zero imaginary part stays, as the reader keeps it.
		return rt.Compnum(complex(re, im)), nil
	}
}

func makePolar(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		m, ok := rt.RealToFloat(args[0])
		if !ok {
			return nil, w.typeError("real number", args[0])
		}
		a, ok := rt.RealToFloat(args[1])
		if !ok {
			return nil, w.typeError("real number", args[1])
		}
		if args[1] == rt.MakeFixnum(0) {
			return args[0], nil
		}
		return rt.NormComplex(cmplx.Rect(m, a)), nil
	}
}

func numAngle(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		switch x := args[0].(type) {
		case rt.Compnum:
			return rt.Flonum(cmplx.Phase(complex128(x))), nil
		case rt.Flonum:
			switch {
			case x != x:
				return x, nil
			case math.Signbit(float64(x)):
				// -0.0 too, as log has it (see logComplex).
				return rt.Flonum(math.Pi), nil
			}
			return rt.Flonum(0), nil
		case rt.Fixnum, *rt.Bignum, *rt.Ratnum:
			if realSign(x) < 0 {
				return rt.Flonum(math.Pi), nil
			}
			return rt.MakeFixnum(0), nil
		}
		return nil, w.typeError("number", args[0])
	}
}

// inexactInRadix writes z in a radix other than 10. R7RS 6.2.7 wants
// text that string->number reads back in that radix as z, and only radix
// 10 has a decimal point: an inexact integer is written exactly with the
// #i prefix, an infinity or NaN as usual, and any other inexact number
// raises.
func inexactInRadix(w who, z rt.Value, radix int) (rt.Value, error) {
	switch x := z.(type) {
	case rt.Flonum:
		f := float64(x)
		switch {
		case math.IsInf(f, 0) || math.IsNaN(f):
		case f == math.Trunc(f) && !(f == 0 && math.Signbit(f)):
			i, _ := new(big.Float).SetFloat64(f).Int(nil)
			return rt.NewString("#i" + i.Text(radix)), nil
		default:
			return nil, w.error("no exact form of the inexact number in the radix", z, rt.MakeFixnum(int64(radix)))
		}
	case rt.Compnum:
		return nil, w.error("no exact form of the inexact number in the radix", z, rt.MakeFixnum(int64(radix)))
	}
	return rt.NewString(rt.NumberToString(z, radix)), nil
}

// argRadix reads the optional radix in args[1], 10 by default.
func argRadix(w who, args []rt.Value) (int, error) {
	if len(args) < 2 {
		return 10, nil
	}
	switch r := args[1]; r {
	case rt.MakeFixnum(2), rt.MakeFixnum(8), rt.MakeFixnum(10), rt.MakeFixnum(16):
		return int(r.(rt.Fixnum).Int()), nil
	}
	return 0, w.typeError("radix 2, 8, 10 or 16", args[1])
}
