package stdlib

import (
	crand "crypto/rand"
	"encoding/binary"
	"math"
	"math/big"
	"time"

	rt "termite/runtime"
)

// SRFI 27: sources of random bits. Each interpreter has its own default
// source (interpreters share no Scheme state), and, as the SRFI asks, it
// starts from a fixed state: a program gets the same numbers on every
// run until it calls (random-source-randomize! default-random-source).

// randomSource is a SplitMix64 generator: its whole state is one 64-bit
// counter, so the state is an exact integer a program can keep and
// restore. Its outputs pass the usual statistical test batteries, which
// is what simulations and tests need; it is not for cryptography.
type randomSource struct {
	state uint64
}

// initialRandomState is the fixed state of a new source.
const initialRandomState = 0x7465726d69746521 // "termite!"

func (*randomSource) OpaqueString() string { return "#<random-source>" }

// next returns the next 64 random bits.
func (r *randomSource) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	return mix64(r.state)
}

// mix64 is SplitMix64's finalizer: every bit of x affects every bit of
// the result.
func mix64(x uint64) uint64 {
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// below returns a uniform integer in [0, n), n > 0, by rejection: the
// values in the incomplete last block of n would favor small results.
func (r *randomSource) below(n uint64) uint64 {
	limit := math.MaxUint64 - math.MaxUint64%n
	for {
		if x := r.next(); x < limit {
			return x % n
		}
	}
}

// integer returns a uniform exact integer in [0, n).
func (r *randomSource) integer(n rt.Value) rt.Value {
	if f, ok := n.(rt.Fixnum); ok {
		return rt.MakeFixnum(int64(r.below(uint64(f.Int()))))
	}
	limit := &n.(*rt.Bignum).I
	bits := limit.BitLen()
	words := make([]big.Word, (bits+63)/64)
	x := new(big.Int)
	for {
		for i := range words {
			words[i] = big.Word(r.next())
		}
		x.SetBits(words)
		// Keep as many bits as n has: at least half the draws are below n.
		x.Rsh(x, uint(len(words)*64-bits))
		if x.Cmp(limit) < 0 {
			return rt.NormBig(new(big.Int).Set(x))
		}
	}
}

// real returns a uniform flonum in the open interval (0, 1): an odd
// multiple of 2^-54, so never 0 nor 1.
func (r *randomSource) real() float64 {
	return (float64(r.next()>>11) + 0.5) / (1 << 53)
}

// exactUint64 returns v if it is an exact integer in [0, 2^64).
func exactUint64(v rt.Value) (uint64, bool) {
	switch n := v.(type) {
	case rt.Fixnum:
		return uint64(n.Int()), n.Int() >= 0
	case *rt.Bignum:
		return n.I.Uint64(), n.I.Sign() >= 0 && n.I.BitLen() <= 64
	}
	return 0, false
}

// srfi27Primitives are the procedures of SRFI 27, over the interpreter's
// default source.
func srfi27Primitives(def *randomSource) []*rt.Primitive {
	// onSource declares a procedure whose first argument, a[0] in body,
	// is a source.
	onSource := func(name string, min, max int, body func(w who, s *randomSource, a []rt.Value) (rt.Value, error)) *rt.Primitive {
		return prim(name, min, max, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				s, ok := a[0].(*randomSource)
				if !ok {
					return nil, w.typeError("random source", a[0])
				}
				return body(w, s, a)
			}
		})
	}
	// A positive exact integer, the range of random-integer.
	rangeArg := func(w who, v rt.Value) (rt.Value, error) {
		switch n := v.(type) {
		case rt.Fixnum:
			if n.Int() > 0 {
				return n, nil
			}
		case *rt.Bignum:
			if n.I.Sign() > 0 {
				return n, nil
			}
		}
		return nil, w.typeError("positive exact integer", v)
	}
	// A non-negative exact integer, folded to 64 bits.
	seedArg := func(w who, v rt.Value) (uint64, error) {
		switch n := v.(type) {
		case rt.Fixnum:
			if n.Int() >= 0 {
				return uint64(n.Int()), nil
			}
		case *rt.Bignum:
			if n.I.Sign() > 0 {
				h := uint64(0)
				for _, word := range n.I.Bits() {
					h = mix64(h ^ uint64(word))
				}
				return h, nil
			}
		}
		return 0, w.typeError("non-negative exact integer", v)
	}
	integers := func(s *randomSource, name string) *rt.Primitive {
		return prim(name, 1, 1, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				n, err := rangeArg(w, a[0])
				if err != nil {
					return nil, err
				}
				return s.integer(n), nil
			}
		})
	}
	reals := func(s *randomSource, name string) *rt.Primitive {
		return prim(name, 0, 0, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				return rt.Flonum(s.real()), nil
			}
		})
	}
	return []*rt.Primitive{
		integers(def, "random-integer"),
		reals(def, "random-real"),
		prim("make-random-source", 0, 0, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				return &randomSource{state: initialRandomState}, nil
			}
		}),
		prim("random-source?", 1, 1, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				_, ok := a[0].(*randomSource)
				return rt.MakeBool(ok), nil
			}
		}),
		onSource("random-source-state-ref", 1, 1, func(w who, s *randomSource, a []rt.Value) (rt.Value, error) {
			return rt.NormBig(new(big.Int).SetUint64(s.state)), nil
		}),
		onSource("random-source-state-set!", 2, 2, func(w who, s *randomSource, a []rt.Value) (rt.Value, error) {
			state, ok := exactUint64(a[1])
			if !ok {
				return nil, w.typeError("state from random-source-state-ref", a[1])
			}
			s.state = state
			return rt.Unspecified, nil
		}),
		onSource("random-source-randomize!", 1, 1, func(w who, s *randomSource, a []rt.Value) (rt.Value, error) {
			var b [8]byte
			if _, err := crand.Read(b[:]); err != nil {
				binary.LittleEndian.PutUint64(b[:], uint64(time.Now().UnixNano()))
			}
			s.state = binary.LittleEndian.Uint64(b[:])
			return rt.Unspecified, nil
		}),
		onSource("random-source-pseudo-randomize!", 3, 3, func(w who, s *randomSource, a []rt.Value) (rt.Value, error) {
			i, err := seedArg(w, a[1])
			if err != nil {
				return nil, err
			}
			j, err := seedArg(w, a[2])
			if err != nil {
				return nil, err
			}
			s.state = mix64(mix64(i)^j) ^ initialRandomState
			return rt.Unspecified, nil
		}),
		onSource("random-source-make-integers", 1, 1, func(w who, s *randomSource, a []rt.Value) (rt.Value, error) {
			return integers(s, "random-integer"), nil
		}),
		// UNIT bounds the spacing of the reals; every flonum this
		// returns is a multiple of 2^-54, finer than any unit a flonum
		// in (0, 1) can ask for.
		onSource("random-source-make-reals", 1, 2, func(w who, s *randomSource, a []rt.Value) (rt.Value, error) {
			if len(a) == 2 {
				u, ok := rt.RealToFloat(a[1])
				if !ok || !(u > 0 && u < 1) {
					return nil, w.typeError("real number between 0 and 1", a[1])
				}
			}
			return reals(s, "random-real"), nil
		}),
	}
}
