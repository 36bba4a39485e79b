package runtime

import (
	"runtime"
	"strconv"
	"testing"
)

// TestSymbolTableShrinks: symbols that nothing refers to leave the table,
// and a symbol that is kept stays the one its name interns to.
func TestSymbolTableShrinks(t *testing.T) {
	kept := InternMadeUp("kept-symbol")
	count := func() int {
		symtab.Lock()
		defer symtab.Unlock()
		return len(symtab.weak)
	}
	before := count()
	held := make([]*Symbol, 100000)
	for i := range held {
		held[i] = InternMadeUp("passing-symbol-" + strconv.Itoa(i))
	}
	runtime.GC()
	if count() < len(held) { // the names there before may have gone
		t.Fatalf("the table holds %d names with 100000 new ones in use, from %d", count(), before)
	}
	runtime.KeepAlive(held)
	for range 5 {
		runtime.GC()
		runtime.Gosched()
	}
	// The cleanups run on a goroutine of their own: give them time.
	for i := 0; i < 100 && count() > before+1000; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if n := count(); n > before+1000 {
		t.Errorf("the table holds %d names once the 100000 new ones are garbage, from %d", n, before)
	}
	if InternMadeUp("kept-symbol") != kept || Intern("kept-symbol") != kept {
		t.Error("a symbol still referred to was interned again as another")
	}
	runtime.KeepAlive(kept)
}

// TestSymbolsOfSourceStay: a symbol interned for good is the one a made-up
// name of the same spelling interns to, and the reverse.
func TestSymbolsOfSourceStay(t *testing.T) {
	a := Intern("symbol-of-source")
	if InternMadeUp("symbol-of-source") != a {
		t.Error("a made-up name did not find the symbol of the source")
	}
	b := InternMadeUp("made-up-first")
	if Intern("made-up-first") != b {
		t.Error("the source did not find the made-up symbol")
	}
}
