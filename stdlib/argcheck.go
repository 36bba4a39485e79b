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
func argIndex(who string, v rt.Value) (int, error) {
	switch x := v.(type) {
	case rt.Fixnum:
		if x >= 0 && int64(x) <= int64(^uint(0)>>1) {
			return int(x), nil
		}
	case *rt.Bignum:
		if x.I.Sign() > 0 {
			return 0, rt.NewError(who+": index out of range", v)
		}
	}
	return 0, rt.TypeError(who, "exact nonnegative integer", v)
}

// argSize is argIndex for the length of a new object whose elements take
// elemBytes each.
func argSize(who string, v rt.Value, elemBytes int) (int, error) {
	k, err := argIndex(who, v)
	if err != nil {
		if _, big := v.(*rt.Bignum); big {
			return 0, rt.NewError(who+": size too large", v)
		}
		return 0, err
	}
	if uint64(k)*uint64(elemBytes) > maxAllocBytes {
		return 0, rt.NewError(who+": size too large", v)
	}
	return k, nil
}

// argRef checks that args[i] is a valid index into an object of length n.
func argRef(who string, args []rt.Value, i, n int) (int, error) {
	k, err := argIndex(who, args[i])
	if err != nil {
		return 0, err
	}
	if k >= n {
		return 0, rt.NewError(who+": index out of range", args[0], args[i])
	}
	return k, nil
}

// argRange reads the optional start and end arguments found at args[i]
// and args[i+1] for an object of length n, whose defaults are 0 and n.
func argRange(who string, args []rt.Value, i, n int) (start, end int, err error) {
	start, end = 0, n
	if len(args) > i {
		if start, err = argIndex(who, args[i]); err != nil {
			return 0, 0, err
		}
	}
	if len(args) > i+1 {
		if end, err = argIndex(who, args[i+1]); err != nil {
			return 0, 0, err
		}
	}
	if start > n {
		return 0, 0, rt.NewError(who+": start index out of range", args[0], args[i])
	}
	if end > n {
		return 0, 0, rt.NewError(who+": end index out of range", args[0], args[i+1])
	}
	if start > end {
		return 0, 0, rt.NewError(who+": start index past end index", args[0], args[i], rt.MakeFixnum(int64(end)))
	}
	return start, end, nil
}

func argString(who string, v rt.Value) (*rt.String, error) {
	if s, ok := v.(*rt.String); ok {
		return s, nil
	}
	return nil, rt.TypeError(who, "string", v)
}

func argChar(who string, v rt.Value) (rt.Char, error) {
	if c, ok := v.(rt.Char); ok {
		return c, nil
	}
	return 0, rt.TypeError(who, "character", v)
}

func argVector(who string, v rt.Value) (*rt.Vector, error) {
	if x, ok := v.(*rt.Vector); ok {
		return x, nil
	}
	return nil, rt.TypeError(who, "vector", v)
}

func argBytevector(who string, v rt.Value) (*rt.Bytevector, error) {
	if x, ok := v.(*rt.Bytevector); ok {
		return x, nil
	}
	return nil, rt.TypeError(who, "bytevector", v)
}

func argByte(who string, v rt.Value) (byte, error) {
	if x, ok := v.(rt.Fixnum); ok && x >= 0 && x <= 255 {
		return byte(x), nil
	}
	return 0, rt.TypeError(who, "byte (exact integer 0-255)", v)
}

// argList returns the elements of the proper list v.
func argList(who string, v rt.Value) ([]rt.Value, error) {
	items, ok := rt.ListToSlice(v)
	if !ok {
		return nil, rt.TypeError(who, "proper list", v)
	}
	return items, nil
}

// fixnum boxes a Go int as a Scheme integer.
// copyDestination checks the destination of a copy! procedure called as
// (who TO AT ...): AT (args[1]) must be an index of TO, whose length is
// size, with room for count elements after it. It returns AT.
func copyDestination(who string, args []rt.Value, size, count int) (int, error) {
	at, err := argIndex(who, args[1])
	if err != nil {
		return 0, err
	}
	if at > size {
		return 0, rt.NewError(who+": index out of range", args[0], args[1])
	}
	if count > size-at {
		return 0, rt.NewError(who+": not enough room in destination", args[0], args[1], fixnum(count))
	}
	return at, nil
}

func fixnum(i int) rt.Value { return rt.MakeFixnum(int64(i)) }
