package runtime

import "strconv"

// HashKind is the equivalence a hash table compares its keys with.
type HashKind uint8

// The kinds of hash table: SRFI 69's tables made with equal?, eqv?, eq?
// or string=?. Dicts are TableEqual tables.
const (
	TableEqual HashKind = iota
	TableEqv
	TableEq
	TableString
)

// String names the kind by its equivalence predicate.
func (k HashKind) String() string {
	switch k {
	case TableEqv:
		return "eqv?"
	case TableEq:
		return "eq?"
	case TableString:
		return "string=?"
	}
	return "equal?"
}

// HashTable is a mutable hash table (SRFI 69 tables and Termite dicts).
// Entries are kept in insertion order, so listing a table is
// deterministic even though identity hashes change from run to run.
// There is no locking: a node's processes run on one scheduler thread.
//
// A key must not be changed, while in an equal? or string=? table, in a
// way that changes what it is equal to: the table would not find it
// again (as in every hash table keyed by mutable values).
type HashTable struct {
	Kind HashKind

	entries []hashEntry
	// index maps a hash to the newest entry with that hash; the entry's
	// next field chains to the older ones.
	index map[uint64]int32
	live  int
}

type hashEntry struct {
	key, val Value
	hash     uint64
	next     int32 // the next entry with the same hash, or -1
	deleted  bool
}

// NewHashTable returns an empty table of the given kind.
func NewHashTable(kind HashKind) *HashTable {
	return &HashTable{Kind: kind, index: make(map[uint64]int32)}
}

// OpaqueString prints the table with its number of entries.
func (t *HashTable) OpaqueString() string {
	return "#<hash-table " + strconv.Itoa(t.live) + ">"
}

// Len returns the number of entries.
func (t *HashTable) Len() int { return t.live }

func (t *HashTable) hash(key Value) uint64 {
	switch t.Kind {
	case TableEqv, TableEq:
		return HashEqv(key)
	case TableString:
		if s, ok := key.(*String); ok {
			return HashString(s)
		}
	}
	return Hash(key)
}

// same compares keys with the table's equivalence. A string=? table
// given a non-string (which the primitives refuse) falls back to Equal
// rather than failing.
func (t *HashTable) same(a, b Value) bool {
	switch t.Kind {
	case TableEqv:
		return Eqv(a, b)
	case TableEq:
		return Eq(a, b)
	}
	return Equal(a, b)
}

// find returns the index of key's entry, or -1, and key's hash.
func (t *HashTable) find(key Value) (int32, uint64) {
	h := t.hash(key)
	i, ok := t.index[h]
	if !ok {
		return -1, h
	}
	for ; i >= 0; i = t.entries[i].next {
		if e := &t.entries[i]; e.hash == h && t.same(e.key, key) {
			return i, h
		}
	}
	return -1, h
}

// Ref returns the value of key and whether it is present.
func (t *HashTable) Ref(key Value) (Value, bool) {
	if i, _ := t.find(key); i >= 0 {
		return t.entries[i].val, true
	}
	return nil, false
}

// Set gives key the value val, adding an entry if it has none.
func (t *HashTable) Set(key, val Value) {
	i, h := t.find(key)
	if i >= 0 {
		t.entries[i].val = val
		return
	}
	t.add(key, val, h)
}

func (t *HashTable) add(key, val Value, h uint64) {
	next, ok := t.index[h]
	if !ok {
		next = -1
	}
	t.index[h] = int32(len(t.entries))
	t.entries = append(t.entries, hashEntry{key: key, val: val, hash: h, next: next})
	t.live++
}

// Delete removes key's entry and reports whether there was one.
func (t *HashTable) Delete(key Value) bool {
	i, h := t.find(key)
	if i < 0 {
		return false
	}
	e := &t.entries[i]
	if head := t.index[h]; head == i {
		if e.next < 0 {
			delete(t.index, h)
		} else {
			t.index[h] = e.next
		}
	} else {
		for j := head; j >= 0; j = t.entries[j].next {
			if t.entries[j].next == i {
				t.entries[j].next = e.next
				break
			}
		}
	}
	// The slot stays, so the indexes in the chains stay valid; its
	// values are dropped so that the collector can have them.
	*e = hashEntry{deleted: true, next: -1}
	t.live--
	if dead := len(t.entries) - t.live; dead > 16 && dead > t.live {
		t.compact()
	}
	return true
}

// compact drops the slots of deleted entries and rebuilds the index.
func (t *HashTable) compact() {
	old := t.entries
	t.entries = make([]hashEntry, 0, t.live+t.live/2)
	t.index = make(map[uint64]int32, t.live)
	t.live = 0
	for _, e := range old {
		if !e.deleted {
			t.add(e.key, e.val, e.hash)
		}
	}
}

// Clear removes every entry.
func (t *HashTable) Clear() {
	t.entries = nil
	t.index = make(map[uint64]int32)
	t.live = 0
}

// Copy returns a new table of the same kind with the same entries, in
// the same order. It costs time and space in proportion to the size.
func (t *HashTable) Copy() *HashTable {
	c := &HashTable{
		Kind:    t.Kind,
		entries: make([]hashEntry, 0, t.live),
		index:   make(map[uint64]int32, t.live),
	}
	for _, e := range t.entries {
		if !e.deleted {
			c.add(e.key, e.val, e.hash)
		}
	}
	return c
}

// Each calls fn on each entry in insertion order. fn must not change the
// table.
func (t *HashTable) Each(fn func(key, val Value)) {
	for _, e := range t.entries {
		if !e.deleted {
			fn(e.key, e.val)
		}
	}
}
