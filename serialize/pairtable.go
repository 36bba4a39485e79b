package serialize

import (
	"unsafe"

	rt "termite/runtime"
)

// pairMarks records what encoding knows of the pairs it meets: whether a
// pair was met before (it is shared, or part of a cycle) and, for a pair
// that has an entry of its own, which one. Encoding asks this of every
// pair, and pairs are most of what a message holds, so the question must
// cost little. A pair's address divided by the size of a pair numbers a
// slot that no other pair has (Go's heap objects neither move nor
// overlap), and slots are kept as bits, regionSlots to a region. The
// pairs of a list are mostly allocated side by side, so a long list costs
// a lookup of its region once per region rather than a hash lookup per
// pair. Keys are addresses, not pointers, so the collector has nothing to
// scan: the pairs stay alive through the value being encoded.
type pairMarks struct {
	regions addrTable // region number + 1 -> index in bits
	bits    []regionBits
	last    uintptr     // region number of cur; 0 before the first, as no pair is there
	cur     *regionBits // in bits
	entries addrTable   // address of a pair with an entry -> the entry
}

const (
	pairSize    = unsafe.Sizeof(rt.Pair{})
	regionSlots = 256
)

// regionBits are the marks of the pairs of one region.
type regionBits struct {
	met, own bitset
}

// bitset has a bit for each slot of a region.
type bitset [regionSlots / 64]uint64

func (s *bitset) has(i uintptr) bool { return s[i/64]&(1<<(i%64)) != 0 }

func (s *bitset) set(i uintptr) { s[i/64] |= 1 << (i % 64) }

// mark sets bit i and reports whether it was set already.
func (s *bitset) mark(i uintptr) (before bool) {
	w, b := &s[i/64], uint64(1)<<(i%64)
	before = *w&b != 0
	*w |= b
	return before
}

// locate returns the marks of p's region, and p's slot in them. It is
// small enough to be inlined where the region is the last one asked for,
// as it mostly is: the pairs of a list follow one another.
func (m *pairMarks) locate(p *rt.Pair) (r *regionBits, i uintptr) {
	slot := uintptr(unsafe.Pointer(p)) / pairSize
	if slot/regionSlots != m.last {
		m.enter(p)
	}
	return m.cur, slot % regionSlots
}

// enter makes p's region the current one.
func (m *pairMarks) enter(p *rt.Pair) {
	region := uintptr(unsafe.Pointer(p)) / pairSize / regionSlots
	key := region + 1 // 0 is no key
	s := m.regions.find(key)
	if s == nil {
		m.bits = append(m.bits, regionBits{})
		s = m.regions.add(key, int32(len(m.bits)-1))
	}
	// Taken afresh every time: appending may have moved bits.
	m.last, m.cur = region, &m.bits[s.val]
}

// meet records that p is met and reports whether it was met before.
func (m *pairMarks) meet(p *rt.Pair) (before bool) {
	r, i := m.locate(p)
	return r.met.mark(i)
}

// entry returns p's entry, or -1 if p has none (p was met only as the cdr
// of a pair, and is written inside that pair's list entry).
func (m *pairMarks) entry(p *rt.Pair) int32 {
	if r, i := m.locate(p); !r.own.has(i) {
		return -1
	}
	return m.entries.find(uintptr(unsafe.Pointer(p))).val
}

// setEntry gives p, which was met, entry i.
func (m *pairMarks) setEntry(p *rt.Pair, i int32) {
	r, slot := m.locate(p)
	r.own.set(slot)
	m.entries.add(uintptr(unsafe.Pointer(p)), i)
}

// addrTable maps addresses to numbers: an open-addressing table hashed on
// the address, several times faster than a Go map here.
type addrTable struct {
	slots []addrSlot
	n     int
	shift uint // 64 - log2(len(slots))
}

type addrSlot struct {
	key uintptr // 0 where empty
	val int32
}

func (t *addrTable) index(key uintptr) int {
	return int((uint64(key) * 0x9e3779b97f4a7c15) >> t.shift)
}

// find returns key's slot, or nil.
func (t *addrTable) find(key uintptr) *addrSlot {
	if t.n == 0 {
		return nil
	}
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

// add records key, which must not be there yet, and returns its slot.
func (t *addrTable) add(key uintptr, val int32) *addrSlot {
	if 2*(t.n+1) > len(t.slots) { // keep it at most half full
		t.grow()
	}
	s := t.insert(key)
	s.val = val
	return s
}

func (t *addrTable) insert(key uintptr) *addrSlot {
	mask := len(t.slots) - 1
	i := t.index(key)
	for t.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i].key = key
	t.n++
	return &t.slots[i]
}

func (t *addrTable) grow() {
	old := t.slots
	size := 8 // a small message meets a few pairs
	if len(old) > 0 {
		size = 2 * len(old)
	}
	t.slots = make([]addrSlot, size)
	t.shift = 64
	for n := size; n > 1; n >>= 1 {
		t.shift--
	}
	t.n = 0
	for _, s := range old {
		if s.key != 0 {
			t.insert(s.key).val = s.val
		}
	}
}
