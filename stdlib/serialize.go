package stdlib

import (
	"termite/eval"
	rt "termite/runtime"
	"termite/serialize"
)

// serializePrimitives are serialize and deserialize, with Gambit's names
// object->u8vector and u8vector->object as aliases. They are made per
// interpreter: a message keeps the identity of tags, pids and record
// types through the interpreter's serialize.Context.
func serializePrimitives(in *eval.Interp) []*rt.Primitive {
	ctx := serialize.ContextOf(in)
	encode := func(a []rt.Value) (rt.Value, error) {
		b, err := ctx.Encode(a[0], nil)
		if err != nil {
			return nil, err
		}
		return &rt.Bytevector{B: b}, nil
	}
	decoder := func(name string) func(a []rt.Value) (rt.Value, error) {
		return func(a []rt.Value) (rt.Value, error) {
			bv, ok := a[0].(*rt.Bytevector)
			if !ok {
				return nil, rt.TypeError(name, "bytevector", a[0])
			}
			return ctx.Decode(bv.B, nil)
		}
	}
	return []*rt.Primitive{
		{Name: "serialize", Min: 1, Max: 1, Fn: encode},
		{Name: "object->u8vector", Min: 1, Max: 1, Fn: encode},
		{Name: "deserialize", Min: 1, Max: 1, Fn: decoder("deserialize")},
		{Name: "u8vector->object", Min: 1, Max: 1, Fn: decoder("u8vector->object")},
	}
}
