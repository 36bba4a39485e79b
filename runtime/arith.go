package runtime

import (
	"math"
	"math/big"
	"math/bits"
)

// Generic arithmetic on the numeric tower. The machine inlines
// Fixnum+Fixnum and friends and calls these on its slow path, so each
// operation still tests the two commonest cases (both Fixnum, both Flonum)
// before classifying its operands.

// Number ranks, ordered so that a binary operation works at the larger rank
// of its two operands: the exact ranks first, then inexact contagion.
const (
	notNumber = iota - 1
	rankFix
	rankBig
	rankRat
	rankFlo
	rankComp
)

func numRank(v Value) int {
	switch v.(type) {
	case Fixnum:
		return rankFix
	case Flonum:
		return rankFlo
	case *Bignum:
		return rankBig
	case *Ratnum:
		return rankRat
	case Compnum:
		return rankComp
	}
	return notNumber
}

type arithOp uint8

const (
	opAdd arithOp = iota
	opSub
	opMul
	opDiv
)

var opNames = [...]string{"+", "-", "*", "/"}

// Add returns a+b.
func Add(a, b Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum:
		if y, ok := b.(Fixnum); ok {
			return addFix(x.Int(), y.Int()), nil
		}
	case Flonum:
		if y, ok := b.(Flonum); ok {
			return x + y, nil
		}
	}
	return arith2(opAdd, a, b)
}

// Sub returns a-b.
func Sub(a, b Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum:
		if y, ok := b.(Fixnum); ok {
			return subFix(x.Int(), y.Int()), nil
		}
	case Flonum:
		if y, ok := b.(Flonum); ok {
			return x - y, nil
		}
	}
	return arith2(opSub, a, b)
}

// Mul returns a*b.
func Mul(a, b Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum:
		if y, ok := b.(Fixnum); ok {
			return mulFix(x.Int(), y.Int()), nil
		}
	case Flonum:
		if y, ok := b.(Flonum); ok {
			return x * y, nil
		}
	}
	return arith2(opMul, a, b)
}

// Div returns a/b: a *Ratnum when exact operands do not divide evenly, an
// error when the divisor is an exact zero, and an IEEE infinity or NaN when
// an inexact division is by zero.
func Div(a, b Value) (Value, error) {
	if x, ok := a.(Flonum); ok {
		if y, ok := b.(Flonum); ok {
			return x / y, nil
		}
	}
	return arith2(opDiv, a, b)
}

// Negate returns -a.
func Negate(a Value) (Value, error) {
	switch x := a.(type) {
	case Fixnum:
		return MakeFixnum(-x.Int()), nil
	case Flonum:
		return -x, nil
	case *Bignum:
		return NormBig(new(big.Int).Neg(&x.I)), nil
	case *Ratnum:
		return NormRat(new(big.Rat).Neg(&x.R)), nil
	case Compnum:
		return -x, nil
	}
	return nil, TypeError("-", "number", a)
}

func addFix(x, y int64) Value {
	s := x + y
	// Overflow happened exactly when both operands have the sign that the
	// sum lacks.
	if (x^s)&(y^s) < 0 {
		z := big.NewInt(x)
		return NormBig(z.Add(z, big.NewInt(y)))
	}
	return MakeFixnum(s)
}

func subFix(x, y int64) Value {
	d := x - y
	if (x^y)&(x^d) < 0 {
		z := big.NewInt(x)
		return NormBig(z.Sub(z, big.NewInt(y)))
	}
	return MakeFixnum(d)
}

func mulFix(x, y int64) Value {
	// The signed 128-bit product is the unsigned one with the high word
	// corrected for negative operands; it fits in int64 exactly when the
	// high word is the sign extension of the low one.
	hi, lo := bits.Mul64(uint64(x), uint64(y))
	hi -= uint64(x>>63) & uint64(y)
	hi -= uint64(y>>63) & uint64(x)
	if hi != uint64(int64(lo)>>63) {
		z := big.NewInt(x)
		return NormBig(z.Mul(z, big.NewInt(y)))
	}
	return MakeFixnum(int64(lo))
}

func divFix(x, y int64) (Value, error) {
	if y == 0 {
		return nil, divByZero("/", MakeFixnum(x), MakeFixnum(y))
	}
	if x%y == 0 {
		if y == -1 && x == math.MinInt64 {
			return NormBig(new(big.Int).Neg(big.NewInt(x))), nil
		}
		return MakeFixnum(x / y), nil
	}
	return NormRat(big.NewRat(x, y)), nil
}

func divByZero(who string, a, b Value) *ErrorObject {
	return NewError(who+": division by zero", a, b)
}

// isExactZero reports whether v is the exact integer 0 (the only exact zero,
// since results are normalized).
func isExactZero(v Value) bool {
	x, ok := v.(Fixnum)
	return ok && x.Int() == 0
}

func arith2(op arithOp, a, b Value) (Value, error) {
	ra, rb := numRank(a), numRank(b)
	if ra == notNumber {
		return nil, TypeError(opNames[op], "number", a)
	}
	if rb == notNumber {
		return nil, TypeError(opNames[op], "number", b)
	}
	if op == opDiv && isExactZero(b) {
		if IsExact(a) {
			return nil, divByZero("/", a, b)
		}
		// Dividing an inexact number by exact 0, an error in R7RS,
		// is IEEE division here, as in Guile: an inexact operand
		// makes the result inexact.
		b = Flonum(0)
		rb = numRank(b)
	}
	switch max(ra, rb) {
	case rankFix:
		x, y := a.(Fixnum).Int(), b.(Fixnum).Int()
		switch op {
		case opAdd:
			return addFix(x, y), nil
		case opSub:
			return subFix(x, y), nil
		case opMul:
			return mulFix(x, y), nil
		}
		return divFix(x, y)
	case rankBig:
		var ta, tb big.Int
		x, y := bigOf(a, &ta), bigOf(b, &tb)
		z := new(big.Int)
		switch op {
		case opAdd:
			z.Add(x, y)
		case opSub:
			z.Sub(x, y)
		case opMul:
			z.Mul(x, y)
		case opDiv:
			return NormRat(new(big.Rat).SetFrac(x, y)), nil
		}
		return NormBig(z), nil
	case rankRat:
		var ta, tb big.Rat
		x, y := ratOf(a, &ta), ratOf(b, &tb)
		z := new(big.Rat)
		switch op {
		case opAdd:
			z.Add(x, y)
		case opSub:
			z.Sub(x, y)
		case opMul:
			z.Mul(x, y)
		case opDiv:
			z.Quo(x, y)
		}
		return NormRat(z), nil
	case rankFlo:
		x, y := floatOf(a), floatOf(b)
		switch op {
		case opAdd:
			return Flonum(x + y), nil
		case opSub:
			return Flonum(x - y), nil
		case opMul:
			return Flonum(x * y), nil
		}
		return Flonum(x / y), nil
	}
	x, y := complexOf(a), complexOf(b)
	switch op {
	case opAdd:
		return NormComplex(x + y), nil
	case opSub:
		return NormComplex(x - y), nil
	case opMul:
		return NormComplex(x * y), nil
	}
	return NormComplex(x / y), nil
}

// bigOf returns the exact integer v (a Fixnum or *Bignum) as a big.Int,
// using tmp for a Fixnum. The result must not be modified.
func bigOf(v Value, tmp *big.Int) *big.Int {
	if x, ok := v.(*Bignum); ok {
		return &x.I
	}
	return tmp.SetInt64(v.(Fixnum).Int())
}

// ratOf returns the exact number v as a big.Rat, using tmp for integers.
// The result must not be modified.
func ratOf(v Value, tmp *big.Rat) *big.Rat {
	switch x := v.(type) {
	case Fixnum:
		return tmp.SetInt64(x.Int())
	case *Bignum:
		return tmp.SetInt(&x.I)
	}
	return &v.(*Ratnum).R
}

// floatOf returns the real number v as the nearest float64.
func floatOf(v Value) float64 {
	switch x := v.(type) {
	case Fixnum:
		return float64(x.Int())
	case Flonum:
		return float64(x)
	case *Bignum:
		f, _ := x.I.Float64()
		return f
	case *Ratnum:
		f, _ := x.R.Float64()
		return f
	}
	panic("floatOf: not a real number")
}

// complexOf returns the number v as a complex128.
func complexOf(v Value) complex128 {
	if c, ok := v.(Compnum); ok {
		return complex128(c)
	}
	return complex(floatOf(v), 0)
}
