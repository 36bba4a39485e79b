package serialize

import (
	"unsafe"

	rt "termite/runtime"
)

// pairTable records the pairs met while encoding. Encoding looks every
// pair up, to find shared and cyclic structure, and pairs are most of what
// a message holds: an open-addressing table hashed on the address is
// several times faster than a Go map here. Keys are addresses, not
// pointers, so the collector has nothing to scan in the table: the pairs
// stay alive through the value being encoded, and Go's heap objects do not
// move.
type pairTable struct {
	slots []pairSlot
	n     int
	shift uint // 64 - log2(len(slots))
}

// pairSlot is what the table knows of a pair.
type pairSlot struct {
	key   uintptr // the pair's address; 0 where empty
	entry int32   // its entry, or -1 while it is written inside a list entry
}

func (t *pairTable) index(key uintptr) int {
	return int((uint64(key) * 0x9e3779b97f4a7c15) >> t.shift)
}

// find returns p's slot, or nil.
func (t *pairTable) find(p *rt.Pair) *pairSlot {
	if t.n == 0 {
		return nil
	}
	key := uintptr(unsafe.Pointer(p))
	mask := len(t.slots) - 1
	for i := t.index(key); ; i = (i + 1) & mask {
		s := &t.slots[i]
		switch s.key {
		case key:
			return s
		case 0:
			return nil
		}
	}
}

// add records p, which must not be there yet, and returns its slot.
func (t *pairTable) add(p *rt.Pair, entry int32) *pairSlot {
	if 2*(t.n+1) > len(t.slots) { // keep it at most half full
		t.grow()
	}
	s := t.insert(uintptr(unsafe.Pointer(p)))
	s.entry = entry
	return s
}

func (t *pairTable) insert(key uintptr) *pairSlot {
	mask := len(t.slots) - 1
	i := t.index(key)
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i].key = key
	t.n++
	return &t.slots[i]
}

func (t *pairTable) grow() {
	old := t.slots
	size := 64
	if len(old) > 0 {
		size = 2 * len(old)
	}
	t.slots = make([]pairSlot, size)
	t.shift = 64
	for n := size; n > 1; n >>= 1 {
		t.shift--
	}
	t.n = 0
	for _, s := range old {
		if s.key != 0 {
			ns := t.insert(s.key)
			ns.entry = s.entry
		}
	}
}
