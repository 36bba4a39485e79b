package runtime

import (
	"math"
	"math/big"
	"math/bits"
)

// Integer operations. R7RS lets integer-valued flonums stand for integers
// (quotient 7.0 2) = 3.0: such operands are converted to exact integers,
// the work is done exactly, and the results are made inexact again, which
// is simpler than a second float implementation and never loses digits.

// exactIntOperand returns the integer v as an exact integer, and whether v
// was inexact.
func exactIntOperand(who string, v Value) (Value, bool, error) {
	switch x := v.(type) {
	case Fixnum, *Bignum:
		return x, false, nil
	case Flonum:
		if IsInteger(x) {
			e, err := ToExact(x)
			return e, true, err
		}
	}
	return nil, false, TypeError(who, "integer", v)
}

func inexactIf(inexact bool, v Value) Value {
	if inexact {
		return Flonum(floatOf(v))
	}
	return v
}

// DivMode says how integer division rounds its quotient.
type DivMode uint8

// The integer division modes of R7RS.
const (
	// TruncateDiv rounds the quotient toward zero; the remainder has the
	// sign of the dividend (truncate/, quotient, remainder).
	TruncateDiv DivMode = iota
	// FloorDiv rounds the quotient toward negative infinity; the remainder
	// has the sign of the divisor (floor/, modulo).
	FloorDiv
)

// IntDivide returns the quotient and remainder of the integers a and b,
// rounded as mode says. Errors name the procedure who.
func IntDivide(who string, mode DivMode, a, b Value) (q, r Value, err error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok && y.Int() != 0 {
			q, r = divModFix(mode, x.Int(), y.Int())
			return q, r, nil
		}
	}
	ea, ia, err := exactIntOperand(who, a)
	if err != nil {
		return nil, nil, err
	}
	eb, ib, err := exactIntOperand(who, b)
	if err != nil {
		return nil, nil, err
	}
	if isExactZero(eb) {
		return nil, nil, divByZero(who, a, b)
	}
	if x, ok := ea.(Fixnum); ok {
		if y, ok := eb.(Fixnum); ok {
			q, r = divModFix(mode, x.Int(), y.Int())
		}
	}
	if q == nil {
		var ta, tb big.Int
		x, y := bigOf(ea, &ta), bigOf(eb, &tb)
		bq, br := new(big.Int).QuoRem(x, y, new(big.Int))
		if mode == FloorDiv && br.Sign() != 0 && br.Sign() != y.Sign() {
			bq.Sub(bq, big.NewInt(1))
			br.Add(br, y)
		}
		q, r = NormBig(bq), NormBig(br)
	}
	inexact := ia || ib
	return inexactIf(inexact, q), inexactIf(inexact, r), nil
}

// divModFix divides x by y != 0.
func divModFix(mode DivMode, x, y int64) (q, r Value) {
	if y == -1 {
		// The only quotient that overflows: MinInt64 / -1.
		q := subFix(0, x)
		return q, MakeFixnum(0)
	}
	iq, ir := DivModInt(mode, x, y)
	return MakeFixnum(iq), MakeFixnum(ir)
}

// DivModInt divides x by y, rounding as mode says, for a y that is
// neither 0 nor -1 (the one divisor whose quotient may overflow): the
// arithmetic of the fixnum cases of IntDivide, for callers that want one
// part unboxed.
func DivModInt(mode DivMode, x, y int64) (q, r int64) {
	q, r = x/y, x%y
	if mode == FloorDiv && r != 0 && (r^y) < 0 {
		q--
		r += y
	}
	return q, r
}

// Gcd returns the greatest common divisor of the integers a and b, which is
// never negative; (gcd 0 0) is 0.
func Gcd(who string, a, b Value) (Value, error) {
	ea, ia, err := exactIntOperand(who, a)
	if err != nil {
		return nil, err
	}
	eb, ib, err := exactIntOperand(who, b)
	if err != nil {
		return nil, err
	}
	return inexactIf(ia || ib, gcdExact(ea, eb)), nil
}

func gcdExact(a, b Value) Value {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return uint64Value(gcdUint64(absUint64(x.Int()), absUint64(y.Int())))
		}
	}
	var ta, tb big.Int
	return NormBig(new(big.Int).GCD(nil, nil, bigOf(a, &ta), bigOf(b, &tb)))
}

// Lcm returns the least common multiple of the integers a and b, which is
// never negative; it is 0 when either is 0.
func Lcm(who string, a, b Value) (Value, error) {
	ea, ia, err := exactIntOperand(who, a)
	if err != nil {
		return nil, err
	}
	eb, ib, err := exactIntOperand(who, b)
	if err != nil {
		return nil, err
	}
	inexact := ia || ib
	if isExactZero(ea) || isExactZero(eb) {
		return inexactIf(inexact, MakeFixnum(0)), nil
	}
	if x, ok := ea.(Fixnum); ok {
		if y, ok := eb.(Fixnum); ok {
			ux, uy := absUint64(x.Int()), absUint64(y.Int())
			hi, lo := bits.Mul64(ux/gcdUint64(ux, uy), uy)
			if hi == 0 {
				return inexactIf(inexact, uint64Value(lo)), nil
			}
		}
	}
	var ta, tb big.Int
	x, y := bigOf(ea, &ta), bigOf(eb, &tb)
	g := new(big.Int).GCD(nil, nil, x, y)
	l := new(big.Int).Quo(x, g)
	l.Mul(l, y)
	return inexactIf(inexact, NormBig(l.Abs(l))), nil
}

func absUint64(x int64) uint64 {
	if x < 0 {
		return -uint64(x)
	}
	return uint64(x)
}

func uint64Value(u uint64) Value {
	if u <= math.MaxInt64 {
		return MakeFixnum(int64(u))
	}
	return NormBig(new(big.Int).SetUint64(u))
}

func gcdUint64(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// ExactIntegerSqrt returns s and r with s*s + r = n and s as large as
// possible; n must be an exact non-negative integer.
func ExactIntegerSqrt(n Value) (s, r Value, err error) {
	switch x := n.(type) {
	case Fixnum:
		if x.Int() >= 0 {
			si := isqrt64(uint64(x.Int()))
			return MakeFixnum(int64(si)), MakeFixnum(x.Int() - int64(si*si)), nil
		}
	case *Bignum:
		if x.I.Sign() > 0 {
			bs := new(big.Int).Sqrt(&x.I)
			br := new(big.Int).Mul(bs, bs)
			return NormBig(bs), NormBig(br.Sub(&x.I, br)), nil
		}
	}
	return nil, nil, TypeError("exact-integer-sqrt", "exact non-negative integer", n)
}

// isqrt64 returns the largest s with s*s <= n, for n < 2^63.
func isqrt64(n uint64) uint64 {
	// The float estimate is within one of the answer; correct it exactly.
	s := uint64(math.Sqrt(float64(n)))
	for s*s > n {
		s--
	}
	for (s+1)*(s+1) <= n {
		s++
	}
	return s
}

// RoundMode says which integer a real number is rounded to.
type RoundMode uint8

// The rounding modes of floor, ceiling, round and truncate.
const (
	RoundFloor RoundMode = iota
	RoundCeiling
	// RoundEven rounds to the nearest integer, and to the even one on a tie.
	RoundEven
	RoundTruncate
)

var roundNames = [...]string{"floor", "ceiling", "round", "truncate"}

// RoundReal rounds the real number v to an integer of the same exactness.
func RoundReal(mode RoundMode, v Value) (Value, error) {
	switch x := v.(type) {
	case Fixnum, *Bignum:
		return x, nil
	case Flonum:
		f := float64(x)
		switch mode {
		case RoundFloor:
			f = math.Floor(f)
		case RoundCeiling:
			f = math.Ceil(f)
		case RoundEven:
			f = math.RoundToEven(f)
		default:
			f = math.Trunc(f)
		}
		return Flonum(f), nil
	case *Ratnum:
		n, d := x.R.Num(), x.R.Denom()
		// With d > 0, Euclidean division is floor division.
		q, m := new(big.Int).DivMod(n, d, new(big.Int))
		switch mode {
		case RoundCeiling:
			q.Add(q, big.NewInt(1))
		case RoundEven:
			// x = q + m/d with 0 < m < d: compare 2m with d.
			c := m.Lsh(m, 1).Cmp(d)
			if c > 0 || (c == 0 && q.Bit(0) == 1) {
				q.Add(q, big.NewInt(1))
			}
		case RoundTruncate:
			if n.Sign() < 0 {
				q.Add(q, big.NewInt(1))
			}
		}
		return NormBig(q), nil
	}
	return nil, TypeError(roundNames[mode], "real number", v)
}
