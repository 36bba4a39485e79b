package runtime

import (
	"math"
	"math/big"
)

// The numeric tower. Exact integers are Fixnum when they are in the fixnum
// range and *Bignum otherwise (never a Bignum that fits: NormBig keeps that true).
// Exact non-integers are *Ratnum in lowest terms with a denominator > 1.
// Inexact reals are Flonum; inexact complex numbers with a non-zero
// imaginary part are Compnum.
type (
	// Flonum is an inexact real.
	Flonum float64
	// Bignum is an exact integer outside the fixnum range.
	Bignum struct{ I big.Int }
	// Ratnum is an exact rational that is not an integer.
	Ratnum struct{ R big.Rat }
	// Compnum is an inexact complex number. Arithmetic gives a Flonum
	// for a zero imaginary part (NormComplex); only rectangular notation
	// and make-rectangular keep an inexact zero one, as in -1.0-0.0i.
	Compnum complex128
)

// NormBig returns i as a Fixnum when it fits, else as a *Bignum. It takes
// ownership of i.
func NormBig(i *big.Int) Value {
	if i.IsInt64() {
		if f, ok := FixnumOf(i.Int64()); ok {
			return f
		}
	}
	b := &Bignum{}
	b.I.Set(i)
	return b
}

// NormRat returns r as an exact integer when its denominator is 1, else as
// a *Ratnum. It takes ownership of r.
func NormRat(r *big.Rat) Value {
	if r.IsInt() {
		return NormBig(new(big.Int).Set(r.Num()))
	}
	q := &Ratnum{}
	q.R.Set(r)
	return q
}

// NormComplex returns c as a Flonum when its imaginary part is zero.
func NormComplex(c complex128) Value {
	if imag(c) == 0 {
		return Flonum(real(c))
	}
	return Compnum(c)
}

// IsNumber reports whether v is a number.
func IsNumber(v Value) bool {
	switch v.(type) {
	case Fixnum, Flonum, *Bignum, *Ratnum, Compnum:
		return true
	}
	return false
}

// IsExactInteger reports whether v is an exact integer.
func IsExactInteger(v Value) bool {
	switch v.(type) {
	case Fixnum, *Bignum:
		return true
	}
	return false
}

// IsInteger reports whether v is an integer, exact or inexact.
func IsInteger(v Value) bool {
	switch x := v.(type) {
	case Fixnum, *Bignum:
		return true
	case Flonum:
		f := float64(x)
		return !math.IsInf(f, 0) && f == math.Trunc(f)
	}
	return false
}
