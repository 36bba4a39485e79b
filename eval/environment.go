package eval

import (
	rt "termite/runtime"
)

// Environment is a top-level environment: variables (global cells) and
// keywords by name. The system environment holds the standard library;
// the program's environment sees it through parent and shadows it with its
// own definitions; a library defined with define-library has its own, with
// no parent, filled by its imports. As a Scheme value it is what
// (interaction-environment) and (environment ...) return.
type Environment struct {
	name   string
	vars   map[*rt.Symbol]*Global
	syntax map[*rt.Symbol]*binding
	parent *Environment
	// imported are the names bound by import: a definition of one of them
	// makes a new variable instead of assigning the exporter's.
	imported map[*rt.Symbol]bool
	// autoload, in the system environment, runs the file that defines a
	// name not bound yet, if there is one, and reports whether it did.
	autoload func(*rt.Symbol) bool
	// immutable is set on the environments (environment ...) makes: R7RS
	// 6.12 says they are immutable, and their variables are the
	// exporters' own.
	immutable bool
}

// newEnvironment makes an environment with room for size variables.
func newEnvironment(name string, parent *Environment, size int) *Environment {
	return &Environment{
		name:     name,
		vars:     make(map[*rt.Symbol]*Global, size),
		syntax:   make(map[*rt.Symbol]*binding),
		parent:   parent,
		imported: make(map[*rt.Symbol]bool),
	}
}

// OpaqueString prints the environment.
func (e *Environment) OpaqueString() string { return "#<environment " + e.name + ">" }

// find returns the cell sym names in e or its parents, or nil.
func (e *Environment) find(sym *rt.Symbol) *Global {
	for ; e != nil; e = e.parent {
		if g, ok := e.vars[sym]; ok {
			return g
		}
		if _, ok := e.syntax[sym]; ok {
			return nil
		}
		if e.autoload != nil && e.autoload(sym) {
			return e.find(sym)
		}
	}
	return nil
}

// own returns e's own variable sym, if it has one.
func (e *Environment) own(sym *rt.Symbol) (*Global, bool) {
	g, ok := e.vars[sym]
	if !ok && e.autoload != nil && e.autoload(sym) {
		g, ok = e.vars[sym]
	}
	return g, ok
}

// cell returns the cell a reference to sym means in e, making an unbound
// one in e itself when there is none (a forward reference).
func (e *Environment) cell(sym *rt.Symbol) *Global {
	if g := e.find(sym); g != nil {
		return g
	}
	return e.define(sym)
}

// define returns e's own cell for sym, shadowing any of a parent's.
func (e *Environment) define(sym *rt.Symbol) *Global {
	delete(e.syntax, sym)
	g, ok := e.vars[sym]
	if !ok {
		g = &Global{Name: sym, home: e.name}
		e.vars[sym] = g
	}
	return g
}

// definition returns the cell a top-level definition of sym in e sets: an
// imported name gets a variable of e's own; otherwise the variable the
// name already means, so that a program's definition of a standard name
// replaces it (as in Gambit).
func (e *Environment) definition(sym *rt.Symbol) *Global {
	if e.imported[sym] {
		delete(e.imported, sym)
		delete(e.vars, sym)
		return e.define(sym)
	}
	return e.cell(sym)
}

// bindImport binds sym in e to what an import gives.
func (e *Environment) bindImport(sym *rt.Symbol, b imported) {
	if b.kw != nil {
		e.defineSyntax(sym, b.kw)
	} else {
		delete(e.syntax, sym)
		e.vars[sym] = b.cell
	}
	e.imported[sym] = true
}

// defineSyntax binds sym to a keyword in e.
func (e *Environment) defineSyntax(sym *rt.Symbol, b *binding) {
	delete(e.vars, sym)
	delete(e.imported, sym)
	e.syntax[sym] = b
}

// keyword returns the keyword sym names in e or its parents, or nil when
// it names a variable or nothing.
func (e *Environment) keyword(sym *rt.Symbol) *binding {
	for ; e != nil; e = e.parent {
		if b, ok := e.syntax[sym]; ok {
			return b
		}
		if _, ok := e.vars[sym]; ok {
			return nil
		}
		if e.autoload != nil && e.autoload(sym) {
			return e.keyword(sym)
		}
	}
	return nil
}
