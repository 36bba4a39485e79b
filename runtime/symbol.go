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

// symtab holds the interned symbols. Those of source text and of Go code
// are held for good: they are as many as the program is long. Those that
// a running program makes up (string->symbol, deserialize) are held
// weakly, so that they do not fill memory forever: one that nothing refers
// to any more goes, and its entry with it, and nobody can tell, since
// nothing is left to compare with eq?. A weak symbol interned for good
// later is held for good from then on.
var symtab = struct {
	sync.Mutex
	strong map[string]*Symbol
	weak   map[string]weak.Pointer[Symbol]
}{strong: make(map[string]*Symbol), weak: make(map[string]weak.Pointer[Symbol])}

// Intern returns the unique symbol named name, held for good.
func Intern(name string) *Symbol {
	symtab.Lock()
	defer symtab.Unlock()
	if s := symtab.strong[name]; s != nil {
		return s
	}
	s := symtab.weak[name].Value()
	if s == nil {
		s = &Symbol{name}
	}
	symtab.strong[name] = s
	return s
}

// InternMadeUp returns the unique symbol named name, for a name that the
// running program made up: held only while something refers to it.
func InternMadeUp(name string) *Symbol {
	symtab.Lock()
	defer symtab.Unlock()
	if s := symtab.strong[name]; s != nil {
		return s
	}
	if s := symtab.weak[name].Value(); s != nil {
		return s
	}
	s := &Symbol{name}
	symtab.weak[name] = weak.Make(s)
	runtime.AddCleanup(s, forget, name)
	return s
}

// forget removes the entry of a symbol that has gone, unless the name was
// interned again since.
func forget(name string) {
	symtab.Lock()
	if symtab.weak[name].Value() == nil {
		delete(symtab.weak, name)
	}
	symtab.Unlock()
}

var gensymCount atomic.Int64

// Gensym returns a fresh uninterned symbol whose name starts with prefix.
func Gensym(prefix string) *Symbol {
	return &Symbol{prefix + strconv.FormatInt(gensymCount.Add(1), 10)}
}
