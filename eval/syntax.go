package eval

import (
	rt "termite/runtime"
)

// Ident is an identifier renamed by a macro expansion: it stands for Name
// (a symbol, or another Ident when macros expand into macros) as seen from
// Env, the scope where the macro was defined (nil: the top level). A
// binding form that binds an Ident binds that Ident only, so a user's
// variable never captures a macro's free identifier and a macro's
// temporaries never capture the user's.
type Ident struct {
	Name rt.Value
	Env  *scope
}

// isIdentifier reports whether v is a symbol or a renamed identifier.
func isIdentifier(v rt.Value) bool {
	switch v.(type) {
	case *rt.Symbol, *Ident:
		return true
	}
	return false
}

// baseSymbol returns the symbol an identifier was renamed from.
func baseSymbol(v rt.Value) *rt.Symbol {
	for {
		switch x := v.(type) {
		case *rt.Symbol:
			return x
		case *Ident:
			v = x.Name
		default:
			return nil
		}
	}
}

// stripSyntax returns datum with every renamed identifier replaced by its
// symbol (what quote yields). It copies only data that holds renamed
// identifiers, and handles the circular literals that datum labels make.
func stripSyntax(v rt.Value) rt.Value {
	if !hasIdent(v) {
		return v
	}
	return stripCopy(v, map[rt.Value]rt.Value{})
}

// circular reports whether v is part of itself: whether a pair or vector
// in it can be reached again from its own elements.
func circular(v rt.Value) bool {
	const onPath, done = 1, 2
	state := map[rt.Value]int{}
	type step struct {
		v     rt.Value
		leave bool // v's elements are all visited: it is off the path
	}
	work := []step{{v: v}}
	for len(work) > 0 {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		if s.leave {
			state[s.v] = done
			continue
		}
		var parts []rt.Value
		switch x := s.v.(type) {
		case *rt.Pair:
			parts = []rt.Value{x.Car, x.Cdr}
		case *rt.Vector:
			parts = x.Items
		default:
			continue
		}
		switch state[s.v] {
		case onPath:
			return true
		case done:
			continue
		}
		state[s.v] = onPath
		work = append(work, step{v: s.v, leave: true})
		for _, p := range parts {
			work = append(work, step{v: p})
		}
	}
	return false
}

// hasIdent reports whether v holds a renamed identifier.
func hasIdent(v rt.Value) bool {
	found := false
	rt.Walk(v, func(x rt.Value) bool {
		_, found = x.(*Ident)
		return !found
	})
	return found
}

// stripCopy copies v without renamed identifiers; memo maps the pairs and
// vectors copied so far to their copies, which keeps sharing and cycles.
func stripCopy(v rt.Value, memo map[rt.Value]rt.Value) rt.Value {
	switch x := v.(type) {
	case *Ident:
		return baseSymbol(x)
	case *rt.Pair:
		if c, ok := memo[x]; ok {
			return c
		}
		head := &rt.Pair{}
		memo[x] = head
		c := head
		for {
			c.Car = stripCopy(x.Car, memo)
			next, ok := x.Cdr.(*rt.Pair)
			if !ok {
				c.Cdr = stripCopy(x.Cdr, memo)
				return head
			}
			if done, ok := memo[next]; ok {
				c.Cdr = done
				return head
			}
			nc := &rt.Pair{}
			memo[next] = nc
			c.Cdr = nc
			c, x = nc, next
		}
	case *rt.Vector:
		if c, ok := memo[x]; ok {
			return c
		}
		c := &rt.Vector{Items: make([]rt.Value, len(x.Items))}
		memo[x] = c
		for i, e := range x.Items {
			c.Items[i] = stripCopy(e, memo)
		}
		return c
	}
	return v
}

type bindingKind uint8

const (
	bindLocal   bindingKind = iota // a lexical variable
	bindMacro                      // a macro (syntax-rules or define-macro)
	bindSpecial                    // a core special form
)

// binding is what an identifier means in a scope.
type binding struct {
	kind bindingKind
	name rt.Value // the identifier bound

	// bindLocal
	owner    *lambdaExpr // the lambda whose frame holds the variable
	slot     int         // index in the owner's frame
	captured bool        // referenced from a nested lambda
	mutated  bool        // assigned with set!
	boxed    bool        // held in a Box (decided when its scope closes)
	// capturers are the lambdas directly inside owner through which the
	// variable is captured; the compiler uses them to avoid boxing letrec
	// variables (see letExpr).
	capturers []*lambdaExpr
	// ref is the expression of a reference to the variable, the same for
	// every one (see expander.ref): it is part of the binding so that
	// references, which are most of the expressions, cost no allocation.
	ref localRef

	macro   macro       // bindMacro
	special specialForm // bindSpecial
}

// scope is a contour of the expansion environment.
type scope struct {
	parent *scope
	env    *Environment // of a root scope: the top level its free names are in
	fn     *lambdaExpr  // the lambda whose frame holds this scope's variables; nil at top level
	vars   []scopeVar
	root   *scope // the scope at the top of the chain of parents
	// bound, in a root scope, holds every identifier that some scope
	// under it binds: the others resolve at the root without walking the
	// chain, which nested lets make as deep as the program is long.
	bound map[rt.Value]bool
}

// scopeVar is an identifier a scope binds, and what to.
type scopeVar struct {
	id rt.Value
	b  *binding
}

func newScope(parent *scope, fn *lambdaExpr) *scope {
	s := &scope{parent: parent, fn: fn}
	if parent == nil {
		s.root = s
	} else {
		s.root = parent.root
	}
	return s
}

func (s *scope) add(id rt.Value, b *binding) {
	s.vars = append(s.vars, scopeVar{id, b})
	if s.root.bound == nil {
		s.root.bound = make(map[rt.Value]bool)
	}
	s.root.bound[id] = true
}

// macro is a transformer: it rewrites a use into another form.
type macro interface {
	transform(x *expander, form rt.Value, use *scope) rt.Value
}

// specialForm expands a core form.
type specialForm func(x *expander, form *rt.Pair, sc *scope) expr

// lookup returns what id means in sc: a binding, or nil for a variable of
// a top-level environment.
func (x *expander) lookup(id rt.Value, sc *scope) *binding {
	b, _, _ := x.resolve(id, sc)
	return b
}

// resolve returns what id means in sc: a lexical binding; or a keyword or
// nil (a variable) of the top-level environment id is free in: the one of
// the root scope its search ends in (for a renamed identifier, the scope
// where its macro was defined), the system's for the identifiers that
// derived forms insert (x.core), for which core is true.
func (x *expander) resolve(id rt.Value, sc *scope) (b *binding, env *Environment, core bool) {
	for {
		var root *scope
		if sc != nil && !sc.root.bound[id] {
			root, sc = sc.root, nil
		}
		for s := sc; s != nil; s = s.parent {
			for i := len(s.vars) - 1; i >= 0; i-- {
				if v := &s.vars[i]; v.id == id {
					return v.b, nil, false
				}
			}
			root = s
		}
		r, ok := id.(*Ident)
		if !ok {
			env, core = x.in.system, true
			if root != nil && root.env != nil {
				// A name a library macro inserts means the library's
				// binding, as the library's own code does.
				env, core = root.env, root.env == x.in.system
			}
			return env.keyword(id.(*rt.Symbol)), env, core
		}
		id, sc = r.Name, r.Env
	}
}

// topEnv returns the top-level environment that sc is in.
func (x *expander) topEnv(sc *scope) *Environment {
	for ; sc != nil; sc = sc.parent {
		if sc.parent == nil && sc.env != nil {
			return sc.env
		}
	}
	return x.in.system
}

// changing returns env, the top-level environment that form f (define,
// set!, import, ...) changes, unless it is immutable.
func (x *expander) changing(env *Environment, f *rt.Pair) *Environment {
	if env.immutable {
		x.errorf(f, "%s: the environment is immutable", baseSymbol(f.Car).Name)
	}
	return env
}

// sameIdentifier is free-identifier=?: a and b (seen from sa and sb) mean
// the same binding, or are both unbound with the same name.
func (x *expander) sameIdentifier(a rt.Value, sa *scope, b rt.Value, sb *scope) bool {
	ba, bb := x.lookup(a, sa), x.lookup(b, sb)
	if ba != nil || bb != nil {
		return ba == bb
	}
	return baseSymbol(a) == baseSymbol(b)
}

// isGlobalName reports whether id, seen from sc, is the top-level name
// (an auxiliary keyword such as else, =>, ..., _).
func (x *expander) isGlobalName(id rt.Value, sc *scope, name string) bool {
	if !isIdentifier(id) {
		return false
	}
	return x.sameIdentifier(id, sc, rt.Intern(name), nil)
}
