package serialize

import (
	"crypto/rand"
	"encoding/hex"
	"weak"

	"termite/eval"
	rt "termite/runtime"
)

// Context is the state that serialization keeps per interpreter, so that
// what goes out and comes back is the same object: the tags, pids and
// record types met so far, the code objects known by hash, and the names
// of the system library's values. Its tables hold their objects weakly:
// an entry whose object nobody else holds any more goes away.
//
// A Context belongs to its interpreter's goroutine, like the interpreter
// itself: it is not safe for concurrent use.
type Context struct {
	in *eval.Interp

	// self is how this interpreter's own pids and tags are named on the
	// wire; selves are all the names it has had (SetNode adds one).
	self   string
	selves map[string]bool

	// sysName maps the system library's procedures, parameters, ports,
	// record types and unique (uninterned) symbols to their global names;
	// sysValue is the other way round. They hold the part of the library
	// loaded so far, and are made again when more of it is (sysLoads is
	// in.LibraryLoads() as of the last time): a name of a part not loaded
	// yet is read with Wire.SystemValue, which loads it.
	sysName  map[rt.Value]*rt.Symbol
	sysValue map[*rt.Symbol]rt.Value
	sysLoads int
	driver   *eval.Closure // the top-level driver, %run-forms

	// names is in.GlobalNames(), refreshed when a cell is missing from it,
	// at most once per message (op counts the messages).
	names       map[*eval.Global]eval.GlobalName
	op, namesOp int

	codes       weakTable[[32]byte, eval.Code]
	codesLoaded bool // the interpreter's own code is in codes
	tags        weakTable[idKey, rt.Tag]
	pids        weakTable[idKey, rt.Pid]
	rtypes      weakTable[string, rt.RecordType]
}

// idKey names a pid or tag across nodes.
type idKey struct {
	node string
	id   uint64
}

// contextKey is where an interpreter holds its Context (Interp.Attach),
// so that it lives and dies with the interpreter, out of Scheme's reach.
type contextKey struct{}

// ContextOf returns the Context of in, making it on the first call. Call
// it on in's goroutine, after the standard library is installed.
func ContextOf(in *eval.Interp) *Context {
	if c, ok := in.Attached(contextKey{}).(*Context); ok {
		return c
	}
	var id [8]byte
	rand.Read(id[:]) // never fails (crypto/rand panics rather)
	self := "anonymous-" + hex.EncodeToString(id[:])
	c := &Context{in: in, self: self, selves: map[string]bool{self: true}}
	in.Attach(contextKey{}, c)
	return c
}

// SetNode names the node of this interpreter: its own pids and tags are
// written with this name from now on. Names it had before still mean it
// when they come back.
func (c *Context) SetNode(name string) {
	c.self = name
	c.selves[name] = true
}

// Node returns the name this interpreter's own pids and tags are written
// with: the node name, or until SetNode a random one.
func (c *Context) Node() string { return c.self }

// loadSystem builds the tables of the system library's values, or makes
// them again if more of the library has been loaded since.
func (c *Context) loadSystem() {
	if c.sysName != nil && c.sysLoads == c.in.LibraryLoads() {
		return
	}
	c.sysLoads = c.in.LibraryLoads()
	c.sysName = make(map[rt.Value]*rt.Symbol, len(c.sysName))
	c.sysValue = make(map[*rt.Symbol]rt.Value, len(c.sysValue))
	c.in.EachSystemValue(func(name *rt.Symbol, v rt.Value) {
		c.sysValue[name] = v
		switch v.(type) {
		case rt.Procedure, *rt.Port, *rt.RecordType, *rt.Symbol:
		default:
			return // data is copied, not named
		}
		// One name per value, the same whatever the map order: the
		// smallest, for aliases such as call/cc.
		if old, ok := c.sysName[v]; !ok || name.Name < old.Name {
			c.sysName[v] = name
		}
	})
	if d, ok := c.sysValue[rt.Intern("%run-forms")].(*eval.Closure); ok {
		c.driver = d
	}
}

// nameOf returns the name of global cell g, and false for a cell that no
// environment holds.
func (c *Context) nameOf(g *eval.Global) (eval.GlobalName, bool) {
	if n, ok := c.names[g]; ok {
		return n, true
	}
	// Cells are made as programs run: look again, once per message. Cells
	// of no environment stay misses; they are rare (eval in an environment
	// of its own, variables of a library that this node does not have).
	if c.namesOp == c.op && c.names != nil {
		return eval.GlobalName{}, false
	}
	c.names, c.namesOp = c.in.GlobalNames(), c.op
	n, ok := c.names[g]
	return n, ok
}

// loadCodes records the code objects of the interpreter's procedures, so
// that code that comes back, or that both sides loaded, is shared.
func (c *Context) loadCodes() {
	if c.codesLoaded {
		return
	}
	c.codesLoaded = true
	seen := make(map[*eval.Code]bool)
	var work []*eval.Code
	proc := func(v rt.Value) {
		switch p := v.(type) {
		case *eval.Closure:
			work = append(work, p.Code)
		case *eval.CaseLambda:
			for _, cl := range p.Clauses {
				work = append(work, cl.Code)
			}
		}
	}
	for g := range c.in.GlobalNames() {
		if g.Value != nil {
			proc(g.Value)
		}
	}
	for len(work) > 0 {
		code := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[code] {
			continue
		}
		seen[code] = true
		c.addCode(code)
		work = append(work, code.Children...)
		for _, k := range code.Consts {
			proc(k)
		}
	}
}

// addCode makes code the one known for its hash.
func (c *Context) addCode(code *eval.Code) {
	if h := code.Hash(); h != ([32]byte{}) {
		c.codes.put(h, code)
	}
}

// weakTable maps keys to objects held weakly.
type weakTable[K comparable, T any] struct {
	m     map[K]weak.Pointer[T]
	limit int // prune when the map grows past this
}

func (t *weakTable[K, T]) get(k K) *T {
	if p, ok := t.m[k]; ok {
		return p.Value()
	}
	return nil
}

func (t *weakTable[K, T]) put(k K, v *T) {
	if t.m == nil {
		t.m = make(map[K]weak.Pointer[T])
	}
	if len(t.m) >= t.limit {
		// Drop the entries whose objects are gone; the next pruning comes
		// when the table has doubled, so pruning costs O(1) per put.
		for key, p := range t.m {
			if p.Value() == nil {
				delete(t.m, key)
			}
		}
		t.limit = 2*len(t.m) + 64
	}
	t.m[k] = weak.Make(v)
}
