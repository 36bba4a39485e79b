package runtime

import (
	"strconv"
	"sync"
	"sync/atomic"
)

// Symbol is an interned name: two symbols with the same name are the same
// pointer. Uninterned symbols (from Gensym) are never equal to any other.
type Symbol struct {
	Name string
}

var symtab = struct {
	sync.Mutex
	m map[string]*Symbol
}{m: make(map[string]*Symbol)}

// Intern returns the unique symbol named name.
func Intern(name string) *Symbol {
	symtab.Lock()
	s, ok := symtab.m[name]
	if !ok {
		s = &Symbol{name}
		symtab.m[name] = s
	}
	symtab.Unlock()
	return s
}

var gensymCount atomic.Int64

// Gensym returns a fresh uninterned symbol whose name starts with prefix.
func Gensym(prefix string) *Symbol {
	return &Symbol{prefix + strconv.FormatInt(gensymCount.Add(1), 10)}
}
