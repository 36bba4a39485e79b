package stdlib

import (
	"math/big"
	"sync"

	rt "termite/runtime"
)

// SRFI 69 hash tables and Termite's dicts (make-dict, dict-ref, ...),
// both on runtime.HashTable. The procedures that call back into Scheme
// (hash-table-ref with a thunk, hash-table-update!, hash-table-walk,
// hash-table-fold) are in scheme/hashtables.scm, over these.

func init() {
	register(
		prim("make-hash-table", 0, rt.Variadic, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				kind, err := tableKind(w, args)
				if err != nil {
					return nil, err
				}
				return rt.NewHashTable(kind), nil
			}
		}),
		&rt.Primitive{Name: "hash-table?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			_, ok := args[0].(*rt.HashTable)
			return rt.MakeBool(ok), nil
		}},
		prim("hash-table-ref/default", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableRef(w, args[0], args[1], args[2])
			}
		}),
		prim("hash-table-set!", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableSet(w, args[0], args[1], args[2])
			}
		}),
		prim("hash-table-delete!", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableDelete(w, args[0], args[1])
			}
		}),
		tableContains("hash-table-exists?"),
		tableContains("hash-table-contains?"),
		tableSize("hash-table-size"),
		tableSize("hash-table-count"),
		prim("hash-table-keys", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableList(w, args[0], func(k, v rt.Value) rt.Value { return k })
			}
		}),
		prim("hash-table-values", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableList(w, args[0], func(k, v rt.Value) rt.Value { return v })
			}
		}),
		prim("hash-table->alist", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableList(w, args[0], entryPair)
			}
		}),
		// The optional second argument of SRFI 69 (whether the copy is
		// mutable) makes no difference: every table is mutable.
		prim("hash-table-copy", 1, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				t, err := argTable(w, args[0])
				if err != nil {
					return nil, err
				}
				return t.Copy(), nil
			}
		}),
		prim("hash-table-clear!", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				t, err := argTable(w, args[0])
				if err != nil {
					return nil, err
				}
				t.Clear()
				return rt.Unspecified, nil
			}
		}),
		prim("hash-table-merge!", 2, 2, hashTableMerge),
		prim("alist->hash-table", 1, rt.Variadic, alistToHashTable),
		prim("hash-table-equivalence-function", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				t, err := argTable(w, args[0])
				if err != nil {
					return nil, err
				}
				return equivalencePrimitive(t.Kind), nil
			}
		}),
		prim("hash-table-hash-function", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				t, err := argTable(w, args[0])
				if err != nil {
					return nil, err
				}
				switch t.Kind {
				case rt.TableEq, rt.TableEqv:
					return hashByIdentityPrim, nil
				case rt.TableString:
					return stringHashPrim, nil
				}
				return hashPrim, nil
			}
		}),
		hashPrim,
		stringHashPrim,
		hashByIdentityPrim,

		// Dicts: equal? tables under Termite's names. The dict
		// procedures accept any hash table and use its equivalence.
		&rt.Primitive{Name: "make-dict", Min: 0, Max: 0, Fn: func(args []rt.Value) (rt.Value, error) {
			return rt.NewHashTable(rt.TableEqual), nil
		}},
		&rt.Primitive{Name: "dict?", Min: 1, Max: 1, Fn: func(args []rt.Value) (rt.Value, error) {
			t, ok := args[0].(*rt.HashTable)
			return rt.MakeBool(ok && t.Kind == rt.TableEqual), nil
		}},
		prim("dict-ref", 2, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				def := rt.Value(rt.False)
				if len(args) == 3 {
					def = args[2]
				}
				return tableRef(w, args[0], args[1], def)
			}
		}),
		prim("dict-set!", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableSet(w, args[0], args[1], args[2])
			}
		}),
		// dict-set copies the whole dict: O(size) per call. A persistent
		// map (a HAMT) would make it O(log size) when dicts get big.
		prim("dict-set", 3, 3, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				t, err := argTable(w, args[0])
				if err != nil {
					return nil, err
				}
				c := t.Copy()
				if _, err := tableSet(w, c, args[1], args[2]); err != nil {
					return nil, err
				}
				return c, nil
			}
		}),
		prim("dict-remove!", 2, 2, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableDelete(w, args[0], args[1])
			}
		}),
		prim("dict->list", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableList(w, args[0], entryPair)
			}
		}),
		prim("dict-keys", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableList(w, args[0], func(k, v rt.Value) rt.Value { return k })
			}
		}),
		prim("dict-values", 1, 1, func(w who) fn {
			return func(args []rt.Value) (rt.Value, error) {
				return tableList(w, args[0], func(k, v rt.Value) rt.Value { return v })
			}
		}),
		tableContains("dict-contains?"),
		tableSize("dict-count"),
	)
}

// The SRFI 69 hash functions: a nonnegative fixnum, below BOUND when one
// is given.
var (
	hashPrim = prim("hash", 1, 2, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			return boundedHash(w, rt.Hash(args[0]), args)
		}
	})
	stringHashPrim = prim("string-hash", 1, 2, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			s, err := argString(w, args[0])
			if err != nil {
				return nil, err
			}
			return boundedHash(w, rt.HashString(s), args)
		}
	})
	hashByIdentityPrim = prim("hash-by-identity", 1, 2, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			return boundedHash(w, rt.HashEqv(args[0]), args)
		}
	})
)

func boundedHash(w who, h uint64, args []rt.Value) (rt.Value, error) {
	if len(args) < 2 {
		// Unbounded, a hash is still a fixnum: arithmetic on it stays
		// cheap.
		return rt.MakeFixnum(int64(h % uint64(rt.MaxFixnum()+1))), nil
	}
	switch b := args[1].(type) {
	case rt.Fixnum:
		if b.Int() > 0 {
			return rt.MakeFixnum(int64(h % uint64(b.Int()))), nil
		}
	case *rt.Bignum:
		if b.I.Sign() > 0 {
			if b.I.IsUint64() {
				h %= b.I.Uint64()
			}
			return rt.NormBig(new(big.Int).SetUint64(h)), nil
		}
	}
	return nil, w.typeError("exact positive integer", args[1])
}

var (
	kindsOnce sync.Once
	// kindOf maps the equivalence primitives a table can be made with to
	// the table's kind. Primitives are recognised by identity: a global
	// such as eq? holds the very *Primitive registered here.
	kindOf map[*rt.Primitive]rt.HashKind
	// equivalenceOf is the reverse map.
	equivalenceOf map[rt.HashKind]*rt.Primitive
)

// loadKinds finds the equivalence primitives among the registered ones.
// It runs at the first use rather than in init, because string=? is
// registered by a file whose init may run after this one's.
func loadKinds() {
	names := map[string]rt.HashKind{
		"equal?": rt.TableEqual, "eqv?": rt.TableEqv, "eq?": rt.TableEq, "string=?": rt.TableString,
	}
	kindOf = make(map[*rt.Primitive]rt.HashKind)
	equivalenceOf = make(map[rt.HashKind]*rt.Primitive)
	for _, p := range primitives {
		if k, ok := names[p.Name]; ok {
			kindOf[p] = k
			equivalenceOf[k] = p
		}
	}
}

func equivalencePrimitive(k rt.HashKind) rt.Value {
	kindsOnce.Do(loadKinds)
	return equivalenceOf[k]
}

// tableKind reads the optional equivalence argument of make-hash-table
// and alist->hash-table. A hash function may follow it (SRFI 69); it is
// not needed, since each kind of table has a hash consistent with its
// equivalence, and it is not called (a primitive cannot call Scheme), but
// it must be a procedure.
func tableKind(w who, args []rt.Value) (rt.HashKind, error) {
	if len(args) == 0 {
		return rt.TableEqual, nil
	}
	if len(args) > 2 {
		return 0, w.error("too many arguments: expected an equivalence predicate and a hash function", args...)
	}
	if len(args) == 2 {
		if _, ok := args[1].(rt.Procedure); !ok {
			return 0, w.typeError("hash function", args[1])
		}
	}
	kindsOnce.Do(loadKinds)
	if p, ok := args[0].(*rt.Primitive); ok {
		if k, ok := kindOf[p]; ok {
			return k, nil
		}
	}
	return 0, w.error("only equal?, eqv?, eq? and string=? are supported as the equivalence predicate", args[0])
}

func argTable(w who, v rt.Value) (*rt.HashTable, error) {
	if t, ok := v.(*rt.HashTable); ok {
		return t, nil
	}
	return nil, w.typeError("hash table", v)
}

// argKey checks that key suits t: a string=? table takes only strings.
func argKey(w who, t *rt.HashTable, key rt.Value) error {
	if t.Kind == rt.TableString {
		if _, ok := key.(*rt.String); !ok {
			return w.error("the keys of a string=? table must be strings", key)
		}
	}
	return nil
}

func tableRef(w who, tv, key, def rt.Value) (rt.Value, error) {
	t, err := argTable(w, tv)
	if err != nil {
		return nil, err
	}
	if err := argKey(w, t, key); err != nil {
		return nil, err
	}
	if v, ok := t.Ref(key); ok {
		return v, nil
	}
	return def, nil
}

func tableSet(w who, tv, key, val rt.Value) (rt.Value, error) {
	t, err := argTable(w, tv)
	if err != nil {
		return nil, err
	}
	if err := argKey(w, t, key); err != nil {
		return nil, err
	}
	t.Set(key, val)
	return rt.Unspecified, nil
}

func tableDelete(w who, tv, key rt.Value) (rt.Value, error) {
	t, err := argTable(w, tv)
	if err != nil {
		return nil, err
	}
	if err := argKey(w, t, key); err != nil {
		return nil, err
	}
	t.Delete(key)
	return rt.Unspecified, nil
}

func tableContains(name string) *rt.Primitive {
	return prim(name, 2, 2, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			t, err := argTable(w, args[0])
			if err != nil {
				return nil, err
			}
			if err := argKey(w, t, args[1]); err != nil {
				return nil, err
			}
			_, ok := t.Ref(args[1])
			return rt.MakeBool(ok), nil
		}
	})
}

func tableSize(name string) *rt.Primitive {
	return prim(name, 1, 1, func(w who) fn {
		return func(args []rt.Value) (rt.Value, error) {
			t, err := argTable(w, args[0])
			if err != nil {
				return nil, err
			}
			return fixnum(t.Len()), nil
		}
	})
}

func entryPair(k, v rt.Value) rt.Value { return rt.Cons(k, v) }

// tableList lists f(key, value) for each entry, in insertion order.
func tableList(w who, tv rt.Value, f func(k, v rt.Value) rt.Value) (rt.Value, error) {
	t, err := argTable(w, tv)
	if err != nil {
		return nil, err
	}
	var b rt.ListBuilder
	t.Each(func(k, v rt.Value) { b.Add(f(k, v)) })
	return b.List(), nil
}

// hashTableMerge adds the entries of the second table to the first; a key
// in both takes the second table's value.
func hashTableMerge(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		dst, err := argTable(w, args[0])
		if err != nil {
			return nil, err
		}
		src, err := argTable(w, args[1])
		if err != nil {
			return nil, err
		}
		if dst == src {
			return dst, nil
		}
		var bad rt.Value
		src.Each(func(k, v rt.Value) {
			if bad == nil && argKey(w, dst, k) != nil {
				bad = k
			}
		})
		if bad != nil {
			return nil, argKey(w, dst, bad)
		}
		src.Each(dst.Set)
		return dst, nil
	}
}

// alistToHashTable makes a table of an association list; as SRFI 69
// says, the first association of a key wins over later ones.
func alistToHashTable(w who) fn {
	return func(args []rt.Value) (rt.Value, error) {
		items, err := argList(w, args[0])
		if err != nil {
			return nil, err
		}
		kind, err := tableKind(w, args[1:])
		if err != nil {
			return nil, err
		}
		t := rt.NewHashTable(kind)
		for _, item := range items {
			p, ok := item.(*rt.Pair)
			if !ok {
				return nil, w.typeError("association list (of pairs)", item)
			}
			if err := argKey(w, t, p.Car); err != nil {
				return nil, err
			}
			if _, found := t.Ref(p.Car); !found {
				t.Set(p.Car, p.Cdr)
			}
		}
		return t, nil
	}
}
