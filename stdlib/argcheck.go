package stdlib

import (
	rt "termite/runtime"
)

// maxAllocBytes bounds the objects that make-string, make-vector and the
// like will allocate. Go cannot recover from running out of memory, so an
// absurd size must be refused before it reaches make.
const maxAllocBytes = 1 << 32

// argIndex converts v, which must be an exact nonnegative integer, to an
// int. Bignums are reported as too large rather than as a type error,
// since they are the right type.
func argIndex(w who, v rt.Value) (int, error) {
	switch x := v.(type) {
	case rt.Fixnum:
		if x.Int() >= 0 && x.Int() <= int64(^uint(0)>>1) {
			return int(x.Int()), nil
		}
	case *rt.Bignum:
		if x.I.Sign() > 0 {
			return 0, w.error("index out of range", v)
		}
	}
	return 0, w.typeError("exact nonnegative integer", v)
}

// argSize is argIndex for the length of a new object whose elements take
// elemBytes each.
func argSize(w who, v rt.Value, elemBytes int) (int, error) {
	k, err := argIndex(w, v)
	if err != nil {
		if _, big := v.(*rt.Bignum); big {
			return 0, w.error("size too large", v)
		}
		return 0, err
	}
	if uint64(k)*uint64(elemBytes) > maxAllocBytes {
		return 0, w.error("size too large", v)
	}
	return k, nil
}

// argRef checks that args[i] is a valid index into an object of length n.
func argRef(w who, args []rt.Value, i, n int) (int, error) {
	k, err := argIndex(w, args[i])
	if err != nil {
		return 0, err
	}
	if k >= n {
		return 0, w.error("index out of range", args[0], args[i])
	}
	return k, nil
}

// argRange reads the optional start and end arguments found at args[i]
// and args[i+1] for an object of length n, whose defaults are 0 and n.
func argRange(w who, args []rt.Value, i, n int) (start, end int, err error) {
	start, end = 0, n
	if len(args) > i {
		if start, err = argIndex(w, args[i]); err != nil {
			return 0, 0, err
		}
	}
	if len(args) > i+1 {
		if end, err = argIndex(w, args[i+1]); err != nil {
			return 0, 0, err
		}
	}
	if start > n {
		return 0, 0, w.error("start index out of range", args[0], args[i])
	}
	if end > n {
		return 0, 0, w.error("end index out of range", args[0], args[i+1])
	}
	if start > end {
		return 0, 0, w.error("start index past end index", args[0], args[i], rt.MakeFixnum(int64(end)))
	}
	return start, end, nil
}

func argString(w who, v rt.Value) (*rt.String, error) {
	if s, ok := v.(*rt.String); ok {
		return s, nil
	}
	return nil, w.typeError("string", v)
}

func argChar(w who, v rt.Value) (rt.Char, error) {
	if c, ok := v.(rt.Char); ok {
		return c, nil
	}
	return 0, w.typeError("character", v)
}

func argVector(w who, v rt.Value) (*rt.Vector, error) {
	if x, ok := v.(*rt.Vector); ok {
		return x, nil
	}
	return nil, w.typeError("vector", v)
}

func argBytevector(w who, v rt.Value) (*rt.Bytevector, error) {
	if x, ok := v.(*rt.Bytevector); ok {
		return x, nil
	}
	return nil, w.typeError("bytevector", v)
}

func argByte(w who, v rt.Value) (byte, error) {
	if x, ok := v.(rt.Fixnum); ok && x.Int() >= 0 && x.Int() <= 255 {
		return byte(x.Int()), nil
	}
	return 0, w.typeError("byte (exact integer 0-255)", v)
}

// argList returns the elements of the proper list v.
func argList(w who, v rt.Value) ([]rt.Value, error) {
	items, ok := rt.ListToSlice(v)
	if !ok {
		return nil, w.typeError("proper list", v)
	}
	return items, nil
}

// copyDestination checks the destination of a copy! procedure called as
// (w TO AT ...): AT (args[1]) must be an index of TO, whose length is
// size, with room for count elements after it. It returns AT.
func copyDestination(w who, args []rt.Value, size, count int) (int, error) {
	at, err := argIndex(w, args[1])
	if err != nil {
		return 0, err
	}
	if at > size {
		return 0, w.error("index out of range", args[0], args[1])
	}
	if count > size-at {
		return 0, w.error("not enough room in destination", args[0], args[1], fixnum(count))
	}
	return at, nil
}

// fixnum boxes a Go int as a Scheme integer.
func fixnum(i int) rt.Value { return rt.MakeFixnum(int64(i)) }
