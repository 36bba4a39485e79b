package runtime

import (
	"math"
	"math/big"
)

// Comparisons are exact even between exact and inexact numbers: 1/3 and
// 0.3333333333333333 differ, and 2^53+1 differs from 2^53 as a flonum. That
// keeps = and < transitive, as R7RS requires, where converting the exact
// operand to a flonum would not.

// Unordered is what Compare returns when either operand is a NaN. It is
// none of -1, 0 and +1, so a test such as c <= 0 must be written
// c == -1 || c == 0 to reject NaN; Less and its siblings do so.
const Unordered = 2

// Compare returns -1, 0 or +1 as a is less than, equal to or greater than
// b, or Unordered when either is a NaN. Both must be real numbers.
func Compare(a, b Value) (int, error) {
	return compareReals("compare", a, b)
}

// Less reports whether a < b. A NaN is never less than anything.
func Less(a, b Value) (bool, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return x.Int() < y.Int(), nil
		}
	}
	c, err := compareReals("<", a, b)
	return c == -1, err
}

// LessEqual reports whether a <= b.
func LessEqual(a, b Value) (bool, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return x.Int() <= y.Int(), nil
		}
	}
	c, err := compareReals("<=", a, b)
	return c == -1 || c == 0, err
}

// Greater reports whether a > b.
func Greater(a, b Value) (bool, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return x.Int() > y.Int(), nil
		}
	}
	c, err := compareReals(">", a, b)
	return c == 1, err
}

// GreaterEqual reports whether a >= b.
func GreaterEqual(a, b Value) (bool, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return x.Int() >= y.Int(), nil
		}
	}
	c, err := compareReals(">=", a, b)
	return c == 1 || c == 0, err
}

// NumEqual reports whether the numbers a and b are equal (=). A NaN equals
// nothing, itself included.
func NumEqual(a, b Value) (bool, error) {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			return x == y, nil
		}
	}
	_, ac := a.(Compnum)
	_, bc := b.(Compnum)
	if ac || bc {
		if !IsNumber(a) {
			return false, TypeError("=", "number", a)
		}
		if !IsNumber(b) {
			return false, TypeError("=", "number", b)
		}
		return complexOf(a) == complexOf(b), nil
	}
	c, err := compareReals("=", a, b)
	return c == 0, err
}

// CompareNamed is Compare with errors naming the procedure who.
func CompareNamed(who string, a, b Value) (int, error) {
	return compareReals(who, a, b)
}

func compareReals(who string, a, b Value) (int, error) {
	switch x := a.(type) {
	case Fixnum:
		switch y := b.(type) {
		case Fixnum:
			return cmpInt64(x.Int(), y.Int()), nil
		case Flonum:
			return cmpFixFlo(x.Int(), float64(y)), nil
		}
	case Flonum:
		switch y := b.(type) {
		case Flonum:
			return cmpFloat(float64(x), float64(y)), nil
		case Fixnum:
			return flip(cmpFixFlo(y.Int(), float64(x))), nil
		}
	}
	ra, rb := numRank(a), numRank(b)
	if ra == notNumber || ra == rankComp {
		return 0, TypeError(who, "real number", a)
	}
	if rb == notNumber || rb == rankComp {
		return 0, TypeError(who, "real number", b)
	}
	switch {
	case rb == rankFlo:
		return cmpExactFlo(a, float64(b.(Flonum))), nil
	case ra == rankFlo:
		return flip(cmpExactFlo(b, float64(a.(Flonum)))), nil
	case ra <= rankBig && rb <= rankBig:
		var ta, tb big.Int
		return bigOf(a, &ta).Cmp(bigOf(b, &tb)), nil
	}
	var ta, tb big.Rat
	return ratOf(a, &ta).Cmp(ratOf(b, &tb)), nil
}

func cmpInt64(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	case x == y:
		return 0
	}
	return Unordered
}

func flip(c int) int {
	if c == Unordered {
		return c
	}
	return -c
}

// twoTo63 is 2^63 as a float64, the first float above every int64.
const twoTo63 = float64(1 << 63)

func cmpFixFlo(i int64, f float64) int {
	switch {
	case f != f:
		return Unordered
	case f >= twoTo63:
		return -1
	case f < -twoTo63:
		return 1
	}
	// Now f lies in the int64 range, so its integer part converts exactly;
	// the fractional part breaks a tie.
	t := math.Trunc(f)
	if c := cmpInt64(i, int64(t)); c != 0 {
		return c
	}
	return cmpFloat(t, f)
}

// cmpExactFlo compares the exact real v with f.
func cmpExactFlo(v Value, f float64) int {
	switch {
	case math.IsNaN(f):
		return Unordered
	case math.IsInf(f, 1):
		return -1
	case math.IsInf(f, -1):
		return 1
	}
	if x, ok := v.(Fixnum); ok {
		return cmpFixFlo(x.Int(), f)
	}
	var tv big.Rat
	var tf big.Rat
	return ratOf(v, &tv).Cmp(tf.SetFloat64(f))
}
