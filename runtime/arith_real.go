package runtime

import (
	"math"
	"math/big"
	"math/cmplx"
)

// maxExptBits bounds the size of an exact power, so that (expt 10
// 10000000000) is an error instead of exhausting memory.
const maxExptBits = 1 << 28

// Sqrt returns the principal square root of z. The root of an exact
// perfect square (of integers or of a ratio of them, as 1/4) is exact;
// other roots are inexact, and negative reals have imaginary roots. There is
// no exact complex type, so (sqrt -4) is +2.0i.
func Sqrt(z Value) (Value, error) {
	switch x := z.(type) {
	case Fixnum, *Bignum, *Ratnum:
		mag := z
		if sign(z) < 0 {
			mag, _ = Negate(z)
		}
		root, exact := exactSqrt(mag)
		if exact && sign(z) >= 0 {
			return root, nil
		}
		var f float64
		if exact {
			f = floatOf(root)
		} else {
			f = sqrtFloat(mag)
		}
		if sign(z) < 0 {
			return Compnum(complex(0, f)), nil
		}
		return Flonum(f), nil
	case Flonum:
		if x < 0 {
			return Compnum(complex(0, math.Sqrt(-float64(x)))), nil
		}
		return Flonum(math.Sqrt(float64(x))), nil
	case Compnum:
		return NormComplex(cmplx.Sqrt(complex128(x))), nil
	}
	return nil, TypeError("sqrt", "number", z)
}

// sign returns the sign of the exact number v.
func sign(v Value) int {
	switch x := v.(type) {
	case Fixnum:
		return cmpInt64(x.Int(), 0)
	case *Bignum:
		return x.I.Sign()
	case *Ratnum:
		return x.R.Sign()
	}
	panic("sign: not an exact number")
}

// exactSqrt returns the square root of the exact non-negative v, and
// whether it is exact; when it is not, the root returned is meaningless.
func exactSqrt(v Value) (Value, bool) {
	switch x := v.(type) {
	case Fixnum:
		s := isqrt64(uint64(x.Int()))
		return MakeFixnum(int64(s)), int64(s*s) == x.Int()
	case *Bignum:
		s, ok := bigRoot(&x.I, 2)
		return NormBig(s), ok
	case *Ratnum:
		n, ok := bigRoot(x.R.Num(), 2)
		if !ok {
			return nil, false
		}
		d, ok := bigRoot(x.R.Denom(), 2)
		if !ok {
			return nil, false
		}
		return NormRat(new(big.Rat).SetFrac(n, d)), true
	}
	return nil, false
}

// sqrtFloat returns the square root of the exact non-negative v as a
// float64, computed in extended precision so that numbers beyond the
// float64 range still have a finite root.
func sqrtFloat(v Value) float64 {
	if x, ok := v.(Fixnum); ok {
		return math.Sqrt(float64(x.Int()))
	}
	var t big.Rat
	f := new(big.Float).SetPrec(128).SetRat(ratOf(v, &t))
	r, _ := f.Sqrt(f).Float64()
	return r
}

// bigRoot returns the k-th root of n >= 0 rounded down, and whether it is
// exact.
func bigRoot(n *big.Int, k uint) (*big.Int, bool) {
	if n.Sign() == 0 || n.Cmp(big.NewInt(1)) == 0 {
		return new(big.Int).Set(n), true
	}
	if k == 2 {
		s := new(big.Int).Sqrt(n)
		return s, new(big.Int).Mul(s, s).Cmp(n) == 0
	}
	if uint(n.BitLen()) <= k {
		// 1 < n < 2^k: the root lies strictly between 1 and 2.
		return big.NewInt(1), false
	}
	// Newton's iteration from above: start at 2^ceil(bits/k) >= root and
	// stop when the estimate no longer decreases.
	x := new(big.Int).Lsh(big.NewInt(1), (uint(n.BitLen())+k-1)/k)
	bk := big.NewInt(int64(k))
	km1 := big.NewInt(int64(k - 1))
	p, y := new(big.Int), new(big.Int)
	for {
		p.Exp(x, km1, nil)
		y.Quo(n, p)
		y.Add(y, p.Mul(km1, x))
		y.Quo(y, bk)
		if y.Cmp(x) >= 0 {
			break
		}
		x, y = y, x
	}
	return x, p.Exp(x, bk, nil).Cmp(n) == 0
}

// Expt returns base raised to the power exp. Exact bases with exact integer
// exponents give exact results, negative exponents giving rationals, and
// exact rational exponents give exact results when the root is exact
// ((expt 4 1/2) = 2); everything else is inexact, complex when a negative
// base has a non-integer exponent. (expt z 0) is 1.
func Expt(base, exp Value) (Value, error) {
	if !IsNumber(base) {
		return nil, TypeError("expt", "number", base)
	}
	if !IsNumber(exp) {
		return nil, TypeError("expt", "number", exp)
	}
	if IsExactInteger(exp) {
		if isExactZero(exp) {
			// R7RS: z^0 is 1, and 0.0^0 is 1.0 "with inexact results";
			// an inexact base gives an inexact one, as in chibi.
			if !IsExact(base) {
				return Flonum(1), nil
			}
			return MakeFixnum(1), nil
		}
		switch b := base.(type) {
		case Flonum:
			return Flonum(math.Pow(float64(b), floatOf(exp))), nil
		case Compnum:
			return complexIntPow(complex128(b), exp), nil
		}
		return exactPow(base, exp)
	}
	if isExactZero(base) {
		// R7RS: 0^z is 0 when the real part of z is positive, 1 when z is
		// zero, and an error otherwise.
		re := real(complexOf(exp))
		switch {
		case re > 0:
			if IsExact(exp) {
				return MakeFixnum(0), nil
			}
			return Flonum(0), nil
		case exp == Value(Flonum(0)):
			return Flonum(1), nil
		}
		return nil, divByZero("expt", base, exp)
	}
	if q, ok := exp.(*Ratnum); ok && IsExact(base) && sign(base) > 0 {
		if r, ok := exactRatPow(base, q); ok {
			return r, nil
		}
	}
	_, bc := base.(Compnum)
	_, ec := exp.(Compnum)
	if !bc && !ec {
		b, e := floatOf(base), floatOf(exp)
		if b >= 0 || e == math.Trunc(e) || math.IsNaN(b) {
			return Flonum(math.Pow(b, e)), nil
		}
	}
	return NormComplex(cmplx.Pow(complexOf(base), complexOf(exp))), nil
}

// exactPow raises the exact base to the exact non-zero integer exp.
func exactPow(base, exp Value) (Value, error) {
	neg := false
	f, ok := exp.(Fixnum)
	n := f.Int()
	if ok && n < 0 {
		neg, n = true, -n
	}
	if !ok {
		// Only 0, 1 and -1 have powers of a Bignum exponent that fit.
		switch {
		case isExactZero(base):
			if bigSign(exp) < 0 {
				return nil, divByZero("expt", base, exp)
			}
			return base, nil
		case base == MakeFixnum(1):
			return base, nil
		case base == MakeFixnum(-1):
			var t big.Int
			if bigOf(exp, &t).Bit(0) == 0 {
				return MakeFixnum(1), nil
			}
			return base, nil
		}
		return nil, NewError("expt: result too large", base, exp)
	}
	if neg && isExactZero(base) {
		return nil, divByZero("expt", base, exp)
	}
	var r Value
	switch b := base.(type) {
	case Fixnum, *Bignum:
		p, err := bigPow(b, n)
		if err != nil {
			return nil, err
		}
		r = p
	case *Ratnum:
		num, err := bigPow(NormBig(new(big.Int).Set(b.R.Num())), n)
		if err != nil {
			return nil, err
		}
		den, err := bigPow(NormBig(new(big.Int).Set(b.R.Denom())), n)
		if err != nil {
			return nil, err
		}
		var tn, td big.Int
		r = NormRat(new(big.Rat).SetFrac(bigOf(num, &tn), bigOf(den, &td)))
	}
	if neg {
		return Div(MakeFixnum(1), r)
	}
	return r, nil
}

func bigSign(v Value) int {
	var t big.Int
	return bigOf(v, &t).Sign()
}

// bigPow raises the exact integer b to the power n >= 1.
func bigPow(b Value, n int64) (Value, error) {
	if x, ok := b.(Fixnum); ok {
		if x.Int() == 0 || x.Int() == 1 {
			return x, nil
		}
		if x.Int() == -1 {
			return MakeFixnum(1 - 2*(n&1)), nil
		}
		// Square-and-multiply in int64 until it overflows.
		acc, sq, e := int64(1), x.Int(), n
		for {
			if e&1 == 1 {
				v := mulFix(acc, sq)
				f, ok := v.(Fixnum)
				if !ok {
					break
				}
				acc = f.Int()
			}
			e >>= 1
			if e == 0 {
				return MakeFixnum(acc), nil
			}
			v := mulFix(sq, sq)
			f, ok := v.(Fixnum)
			if !ok {
				break
			}
			sq = f.Int()
		}
	}
	var t big.Int
	x := bigOf(b, &t)
	if int64(x.BitLen()) > maxExptBits/n {
		return nil, NewError("expt: result too large", b, MakeFixnum(n))
	}
	return NormBig(new(big.Int).Exp(x, big.NewInt(n), nil)), nil
}

// exactRatPow returns base^(p/q) for an exact positive base when the q-th
// root of base is exact.
func exactRatPow(base Value, e *Ratnum) (Value, bool) {
	den := e.R.Denom()
	if !den.IsInt64() || den.Int64() > maxExptBits {
		return nil, false
	}
	k := uint(den.Int64())
	var t big.Rat
	r := ratOf(base, &t)
	n, ok := bigRoot(r.Num(), k)
	if !ok {
		return nil, false
	}
	d, ok := bigRoot(r.Denom(), k)
	if !ok {
		return nil, false
	}
	root := NormRat(new(big.Rat).SetFrac(n, d))
	v, err := exactPow(root, NormBig(new(big.Int).Set(e.R.Num())))
	return v, err == nil
}

// complexIntPow raises z to the exact integer n by repeated squaring, which
// keeps (expt +i 2) exactly -1.0 where the polar formula would not.
func complexIntPow(z complex128, n Value) Value {
	k, ok := n.(Fixnum)
	if !ok || k.Int() > 1024 || k.Int() < -1024 {
		return NormComplex(cmplx.Pow(z, complexOf(n)))
	}
	e := k.Int()
	if e < 0 {
		e = -e
	}
	acc := complex(1, 0)
	for ; e > 0; e >>= 1 {
		if e&1 == 1 {
			acc *= z
		}
		z *= z
	}
	if k.Int() < 0 {
		acc = 1 / acc
	}
	return NormComplex(acc)
}

// Rationalize returns the simplest rational within y of x (R7RS
// rationalize): the one with the smallest denominator, and among those the
// smallest numerator in magnitude. It is inexact when x or y is.
func Rationalize(x, y Value) (Value, error) {
	if !IsReal(x) {
		return nil, TypeError("rationalize", "real number", x)
	}
	if !IsReal(y) {
		return nil, TypeError("rationalize", "real number", y)
	}
	inexact := !IsExact(x) || !IsExact(y)
	if inexact {
		fx, fy := floatOf(x), floatOf(y)
		switch {
		case math.IsNaN(fx) || math.IsNaN(fy):
			return Flonum(math.NaN()), nil
		case math.IsInf(fy, 0):
			if math.IsInf(fx, 0) {
				return Flonum(math.NaN()), nil
			}
			return Flonum(0), nil
		case math.IsInf(fx, 0):
			return Flonum(fx), nil
		}
	}
	ex, _ := ToExact(x)
	ey, _ := ToExact(y)
	var tx, ty big.Rat
	rx, ry := ratOf(ex, &tx), new(big.Rat).Abs(ratOf(ey, &ty))
	lo := new(big.Rat).Sub(rx, ry)
	hi := new(big.Rat).Add(rx, ry)
	var r *big.Rat
	switch {
	case lo.Sign() <= 0 && hi.Sign() >= 0:
		r = new(big.Rat)
	case hi.Sign() < 0:
		r = simplestPositive(hi.Neg(hi), lo.Neg(lo))
		r.Neg(r)
	default:
		r = simplestPositive(lo, hi)
	}
	return inexactIf(inexact, NormRat(r)), nil
}

// simplestPositive returns the simplest rational in [lo, hi], 0 < lo <= hi.
// It walks the continued fraction expansions of the two bounds while they
// agree: each step takes the common integer part a and continues with the
// reciprocals of the fractional parts, whose order flips.
func simplestPositive(lo, hi *big.Rat) *big.Rat {
	var terms []*big.Int
	one := big.NewInt(1)
	var last *big.Int
	for {
		a := ratFloor(lo)
		if new(big.Rat).SetInt(a).Cmp(lo) == 0 {
			last = a
			break
		}
		if a.Cmp(ratFloor(hi)) < 0 {
			last = a.Add(a, one)
			break
		}
		terms = append(terms, a)
		fa := new(big.Rat).SetInt(a)
		nlo := new(big.Rat).Sub(hi, fa)
		nhi := new(big.Rat).Sub(lo, fa)
		lo, hi = nlo.Inv(nlo), nhi.Inv(nhi)
	}
	r := new(big.Rat).SetInt(last)
	for i := len(terms) - 1; i >= 0; i-- {
		r.Inv(r)
		r.Add(r, new(big.Rat).SetInt(terms[i]))
	}
	return r
}

func ratFloor(r *big.Rat) *big.Int {
	// Euclidean division by the positive denominator is floor division.
	q, m := new(big.Int), new(big.Int)
	q.DivMod(r.Num(), r.Denom(), m)
	return q
}
