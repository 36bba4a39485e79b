package runtime

import (
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"weak"
)

// Symbol is an interned name: two symbols with the same name are the same
// pointer. Uninterned symbols (from Gensym) are never equal to any other.
type Symbol struct {
	Name string
}

// symtab holds the interned symbols weakly: a symbol that nothing refers
// to any more goes, and its entry with it, so that the names a program or
// its messages make up (string->symbol, deserialize) do not fill memory
// forever. Nobody can tell: there is nothing left to compare with eq?.
var symtab = struct {
	sync.Mutex
	m map[string]weak.Pointer[Symbol]
}{m: make(map[string]weak.Pointer[Symbol])}

// Intern returns the unique symbol named name.
func Intern(name string) *Symbol {
	symtab.Lock()
	defer symtab.Unlock()
	if s := symtab.m[name].Value(); s != nil {
		return s
	}
	s := &Symbol{name}
	symtab.m[name] = weak.Make(s)
	runtime.AddCleanup(s, forget, name)
	return s
}

// forget removes the entry of a symbol that has gone, unless the name was
// interned again since.
func forget(name string) {
	symtab.Lock()
	if symtab.m[name].Value() == nil {
		delete(symtab.m, name)
	}
	symtab.Unlock()
}

var gensymCount atomic.Int64

// Gensym returns a fresh uninterned symbol whose name starts with prefix.
func Gensym(prefix string) *Symbol {
	return &Symbol{prefix + strconv.FormatInt(gensymCount.Add(1), 10)}
}
