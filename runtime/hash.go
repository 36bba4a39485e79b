package runtime

import (
	"hash/maphash"
	"math"
	"math/big"
	"math/bits"
	"reflect"
)

// Hash functions for hash tables and dicts. Each is consistent with one
// equivalence: Hash with Equal, HashEqv with Eqv (and so with Eq, which
// implies Eqv), HashString with string=?.
//
// Values compared by content (numbers, characters, strings, symbol names,
// pid and tag numbers) hash deterministically, so a program sees the same
// hashes from run to run. Values compared by identity (records,
// procedures, ports, and in HashEqv also pairs, vectors and strings) hash
// with hash/maphash.Comparable on the pointer: it is the same hash Go's
// maps use for pointer keys, it stays valid while the object lives (Go's
// collector does not move heap objects, and Comparable forces the value
// onto the heap, so stack growth cannot move it either), and a table keeps
// its keys alive. Hashing a property of the object instead would be wrong
// for records, whose fields may change while the record stays the same
// key, and slow where all objects of a type would share one hash. These
// identity hashes differ between runs and between nodes, so a table that
// travels must be rebuilt, not copied bucket for bucket.

// hashBudget is how many pairs, vectors and leaves Hash looks at in a
// structure. Equal structures are walked in the same order, so they agree
// on the part looked at, and a cyclic or huge structure hashes in bounded
// time. Structures that differ only beyond that part collide, which costs
// speed, never correctness.
const hashBudget = 64

// identitySeed keys the identity hashes; one per program run.
var identitySeed = maphash.MakeSeed()

// Type codes mixed into each hash, so that, say, the fixnum 97 and the
// character #\a do not collide.
const (
	hcFixnum uint64 = iota + 1
	hcFlonum
	hcBignum
	hcRatnum
	hcCompnum
	hcChar
	hcBool
	hcSymbol
	hcString
	hcBytevector
	hcPid
	hcTag
	hcPair
	hcVector
	hcSingleton
	hcIdentity
	hcOpaque
)

// mix folds x into h. The multiply-xorshift steps of splitmix64 spread
// every input bit over the whole result.
func mix(h, x uint64) uint64 {
	h ^= x + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

func mixString(h uint64, s string) uint64 {
	for len(s) >= 8 {
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = mix(h, x)
		s = s[8:]
	}
	var x uint64
	for i := 0; i < len(s); i++ {
		x |= uint64(s[i]) << (8 * i)
	}
	return mix(h, x^uint64(len(s))<<59)
}

func mixRunes(h uint64, r []rune) uint64 {
	for len(r) >= 2 {
		h = mix(h, uint64(uint32(r[0]))|uint64(uint32(r[1]))<<32)
		r = r[2:]
	}
	if len(r) == 1 {
		h = mix(h, uint64(uint32(r[0]))|1<<63)
	}
	return h
}

// mixLatin1 is mixRunes of the code points b, one a byte.
func mixLatin1(h uint64, b []byte) uint64 {
	for len(b) >= 2 {
		h = mix(h, uint64(b[0])|uint64(b[1])<<32)
		b = b[2:]
	}
	if len(b) == 1 {
		h = mix(h, uint64(b[0])|1<<63)
	}
	return h
}

// mixFloat hashes x as Eqv compares it: every NaN alike, -0.0 apart from
// 0.0.
func mixFloat(h, x uint64) uint64 {
	if f := math.Float64frombits(x); f != f {
		x = 0x7ff8000000000001
	}
	return mix(h, x)
}

// Hash returns a hash of v consistent with Equal: equal values hash
// equally. Pairs and vectors are hashed by their contents, at most
// hashBudget nodes of them, walked with an explicit stack.
func Hash(v Value) uint64 {
	switch v.(type) {
	case *Pair, *Vector:
	default:
		return leafHash(v, true)
	}
	var buf [2 * hashBudget]Value
	stack := append(buf[:0], v)
	h := uint64(0)
	for budget := hashBudget; budget > 0 && len(stack) > 0; budget-- {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := x.(type) {
		case *Pair:
			h = mix(h, hcPair)
			// The car is walked first; the stack never needs more
			// room than the budget left, since each node costs one.
			if len(stack) < budget {
				stack = append(stack, x.Cdr, x.Car)
			}
		case *Vector:
			h = mix(h, hcVector<<32^uint64(len(x.Items)))
			n := min(len(x.Items), budget-len(stack))
			for i := n - 1; i >= 0; i-- {
				stack = append(stack, x.Items[i])
			}
		default:
			h = mix(h, leafHash(x, true))
		}
	}
	return h
}

// HashEqv returns a hash of v consistent with Eqv, and so with Eq: numbers
// and characters by value, everything else by identity.
func HashEqv(v Value) uint64 {
	return leafHash(v, false)
}

// HashString returns the hash of s's contents that Hash gives it.
// It depends on the characters only, not on whether s is narrow or wide.
func HashString(s *String) uint64 {
	if s.w != nil {
		return mixRunes(hcString, *s.w)
	}
	return mixLatin1(hcString, s.b)
}

// leafHash hashes v without looking inside pairs and vectors; content
// says whether strings and bytevectors hash by contents (Equal) or by
// identity (Eqv).
func leafHash(v Value, content bool) uint64 {
	switch x := v.(type) {
	case Fixnum:
		return mix(hcFixnum, uint64(x.Int()))
	case Flonum:
		return mixFloat(hcFlonum, math.Float64bits(float64(x)))
	case Compnum:
		return mixFloat(mixFloat(hcCompnum, math.Float64bits(real(x))), math.Float64bits(imag(x)))
	case *Bignum:
		return mixBig(hcBignum, x.I.Sign(), x.I.Bits())
	case *Ratnum:
		return mixBig(mixBig(hcRatnum, x.R.Sign(), x.R.Num().Bits()), 1, x.R.Denom().Bits())
	case Char:
		return mix(hcChar, uint64(x))
	case Boolean:
		if x {
			return mix(hcBool, 1)
		}
		return mix(hcBool, 0)
	case *Symbol:
		// Interned symbols are the same object exactly when their names
		// are equal; an uninterned one only shares its hash with the
		// interned symbol of the same name.
		return mixString(hcSymbol, x.Name)
	case *String:
		if content {
			return HashString(x)
		}
		return mix(hcIdentity, maphash.Comparable(identitySeed, x))
	case *Bytevector:
		if content {
			return mixString(hcBytevector, string(x.B))
		}
		return mix(hcIdentity, maphash.Comparable(identitySeed, x))
	case *Pid:
		// One process has one Pid object per node, so the numbers
		// identify it and, unlike the address, are stable everywhere.
		return mixString(mix(hcPid, x.ID), x.Node)
	case *Tag:
		return mixString(mix(hcTag, x.ID), x.Node)
	case *Pair:
		return mix(hcIdentity, maphash.Comparable(identitySeed, x))
	case *Vector:
		return mix(hcIdentity, maphash.Comparable(identitySeed, x))
	case *Record:
		return mix(hcIdentity, maphash.Comparable(identitySeed, x))
	case *Primitive:
		return mix(hcIdentity, maphash.Comparable(identitySeed, x))
	}
	switch v {
	case Null:
		return mix(hcSingleton, 1)
	case Unspecified:
		return mix(hcSingleton, 2)
	case EOF:
		return mix(hcSingleton, 3)
	case Default:
		return mix(hcSingleton, 4)
	}
	// Types defined elsewhere (closures, ports, ...) compare by identity
	// with interface ==. A type Go cannot compare is equal to nothing
	// (see identical), so any hash will do for it.
	if t := reflect.TypeOf(v); t != nil && t.Comparable() {
		return mix(hcIdentity, maphash.Comparable[any](identitySeed, v))
	}
	return hcOpaque
}

// mixBig hashes the magnitude words of a big number and its sign.
func mixBig(h uint64, sign int, words []big.Word) uint64 {
	h = mix(h, uint64(sign+1))
	for _, w := range words {
		h = mix(h, uint64(w))
	}
	return mix(h, uint64(len(words))<<(bits.UintSize/2))
}
