package runtime

import (
	"math"
	"math/big"
)

// IsExact reports whether v is an exact number.
func IsExact(v Value) bool {
	switch v.(type) {
	case Fixnum, *Bignum, *Ratnum:
		return true
	}
	return false
}

// IsReal reports whether v is a real number.
func IsReal(v Value) bool {
	switch v.(type) {
	case Fixnum, Flonum, *Bignum, *Ratnum:
		return true
	}
	return false
}

// RealToFloat returns the real number v as the nearest float64, and false
// when v is not a real number.
func RealToFloat(v Value) (float64, bool) {
	if !IsReal(v) {
		return 0, false
	}
	return floatOf(v), true
}

// ToInexact returns the inexact number nearest to v (R7RS inexact).
func ToInexact(v Value) (Value, error) {
	switch x := v.(type) {
	case Flonum, Compnum:
		return x, nil
	case Fixnum, *Bignum, *Ratnum:
		return Flonum(floatOf(x)), nil
	}
	return nil, TypeError("inexact", "number", v)
}

// ToExact returns the exact number equal to v (R7RS exact): a flonum
// becomes the rational it denotes, so (exact 0.1) is
// 3602879701896397/36028797018963968. Infinities, NaNs and complex numbers
// have no exact counterpart here and give an error.
func ToExact(v Value) (Value, error) {
	switch x := v.(type) {
	case Fixnum, *Bignum, *Ratnum:
		return x, nil
	case Flonum:
		f := float64(x)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, NewError("exact: no exact representation", v)
		}
		if f == math.Trunc(f) && f >= -twoTo63 && f < twoTo63 {
			return MakeFixnum(int64(f)), nil
		}
		return NormRat(new(big.Rat).SetFloat64(f)), nil
	case Compnum:
		return nil, NewError("exact: no exact representation", v)
	}
	return nil, TypeError("exact", "number", v)
}
