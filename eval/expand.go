package eval

import (
	"fmt"

	rt "termite/runtime"
)

// expander turns datums into expressions (expr.go), resolving every
// identifier. Syntax errors abort the expansion of the current top-level
// form: they are thrown as *syntaxError panics and recovered by
// compileTop, the only entry point, which turns them into Scheme errors
// (the way go/parser bails out).
type expander struct {
	in   *Interp
	pos  rt.Positions
	here rt.Pos // position of the innermost form being expanded that has one
	seq  int    // lambdas created so far

	plainCallCC int // >0: expanding a letCCExpr's fallback (see letCC)

	active  map[*rt.Pair]bool // the forms being expanded (see enter)
	entered int               // how many enter calls have not been left
	depth   int               // how deep expand and expandTop are nested
	steps   int               // macro uses and begins expanded so far

	includedFrom map[string]string // the file that included each file, for cycles
	unquotes     map[rt.Value]bool // of the quasiquote being rewritten: see hasUnquote
}

const (
	// maxExpandDepth bounds how deeply expansion nests, well under what
	// Go's stack allows (about 250,000 nested lets): a macro whose use
	// expands into a bigger use of itself would overflow it.
	maxExpandDepth = 100000
	// maxExpandSteps bounds the macro uses and begins one top-level form
	// may expand: a macro whose use in a body expands into the same use
	// would loop for ever.
	maxExpandSteps = 1000000
	// activeDepth is how many forms enter lets by before it records
	// them.
	activeDepth = 64
)

// nest records one more level of nesting for form p (the caller undoes
// it), and stops the expansion past maxExpandDepth.
func (x *expander) nest(p *rt.Pair) {
	if x.depth++; x.depth > maxExpandDepth {
		x.runaway(p, fmt.Sprintf("expansion nested more than %d deep", maxExpandDepth))
	}
}

// step counts the expansion of macro use or begin p: it stops the
// expansion at a Ctrl-C (Interrupt), and past maxExpandSteps.
func (x *expander) step(p *rt.Pair) {
	if x.in.interrupted.Load() {
		panic(Interrupted{})
	}
	if x.steps++; x.steps > maxExpandSteps {
		x.runaway(p, fmt.Sprintf("expansion does not end (more than %d steps)", maxExpandSteps))
	}
}

// runaway stops an expansion that went too far at form p: the message
// names p's keyword, but not p itself, which may be huge by then.
func (x *expander) runaway(p *rt.Pair, msg string) {
	if isIdentifier(p.Car) {
		msg = baseSymbol(p.Car).Name + ": " + msg
	}
	panic(&syntaxError{msg: msg, pos: x.posOf(p), irritants: []rt.Value{}})
}

type syntaxError struct {
	msg       string
	form      rt.Value
	pos       rt.Pos
	irritants []rt.Value // nil: the form is the irritant
}

func (x *expander) errorf(form rt.Value, format string, args ...interface{}) {
	pos := x.here
	if p, ok := form.(*rt.Pair); ok {
		if q, ok := x.pos[p]; ok {
			pos = q
		}
	}
	panic(&syntaxError{msg: fmt.Sprintf(format, args...), form: stripSyntax(form), pos: pos})
}

// posOf returns the position of form if known, else of the enclosing form.
func (x *expander) posOf(form rt.Value) rt.Pos {
	if p, ok := form.(*rt.Pair); ok {
		if q, ok := x.pos[p]; ok {
			return q
		}
	}
	return x.here
}

// list returns the elements of a proper list, or reports a syntax error
// about form.
func (x *expander) list(l rt.Value, form rt.Value) []rt.Value {
	items, ok := rt.ListToSlice(l)
	if !ok {
		x.errorf(form, "bad syntax (improper list)")
	}
	return items
}

// enter records that form p is being expanded: if it already is, p is
// part of itself (datum labels can make such code, and a macro that
// returns its own use), and expanding it would never end. leave undoes
// it. Only forms entered within activeDepth others are recorded: code
// that is part of itself enters its forms without end, so they come
// round again past that depth, and the forms of ordinary code, entered
// less deep, cost no map insertion and deletion each (which were a
// fifth of the library's compile time at start).
func (x *expander) enter(p *rt.Pair) {
	if x.entered++; x.entered < activeDepth {
		return
	}
	if x.active == nil {
		x.active = make(map[*rt.Pair]bool)
	}
	if x.active[p] {
		x.errorf(p, "circular code")
	}
	x.active[p] = true
}

// leave ends what enter began: its calls pair up, innermost first.
func (x *expander) leave(p *rt.Pair) {
	if x.entered >= activeDepth {
		delete(x.active, p)
	}
	x.entered--
}

// expand expands an expression.
func (x *expander) expand(form rt.Value, sc *scope) expr {
	switch f := form.(type) {
	case *rt.Symbol, *Ident:
		return x.variable(f, sc)
	case *rt.Vector:
		return &constExpr{stripSyntax(f)}
	case *rt.Pair:
		x.enter(f)
		saved := x.here
		defer func() { x.here = saved; x.leave(f); x.depth-- }()
		if p, ok := x.pos[f]; ok {
			x.here = p
		}
		x.nest(f)
		if isIdentifier(f.Car) {
			if b := x.lookup(f.Car, sc); b != nil {
				switch b.kind {
				case bindSpecial:
					return b.special(x, f, sc)
				case bindMacro:
					x.step(f)
					return x.expand(b.macro.transform(x, f, sc), sc)
				}
			}
		}
		return x.application(f, sc)
	}
	if form == rt.Null {
		x.errorf(form, "empty combination ()")
	}
	return &constExpr{form}
}

func (x *expander) variable(id rt.Value, sc *scope) expr {
	b, env, core := x.resolve(id, sc)
	if b == nil {
		return &globalRef{g: env.cell(baseSymbol(id)), pos: x.here, core: core}
	}
	if b.kind != bindLocal {
		x.errorf(id, "syntax keyword %s used as a variable", baseSymbol(id).Name)
	}
	return x.ref(b, sc)
}

// ref is a reference to local b from code in sc.
func (x *expander) ref(b *binding, sc *scope) expr {
	if b.owner != sc.fn {
		sc.fn.capture(b)
	}
	if b.ref.b == nil {
		b.ref.b = b
	}
	return &b.ref
}

func (x *expander) application(f *rt.Pair, sc *scope) expr {
	pos := x.posOf(f)
	fn := x.expand(f.Car, sc)
	// The arguments are read off the list, not copied out of it first:
	// applications are most of a program's forms.
	nargs := rt.ListLength(f.Cdr)
	if nargs < 0 {
		x.errorf(f, "bad syntax (improper list)")
	}
	if ref, ok := fn.(*globalRef); ok && nargs == 1 && isCallCC(ref.g) && sc.fn != nil && x.plainCallCC == 0 {
		arg := f.Cdr.(*rt.Pair).Car
		if k, body, ok := x.receiver(arg, sc); ok {
			return x.letCC(ref, k, body, arg, pos, sc)
		}
	}
	n := &callExpr{fn: fn, args: make([]expr, nargs), pos: pos}
	l := f.Cdr
	for i := range n.args {
		p := l.(*rt.Pair)
		n.args[i] = x.expand(p.Car, sc)
		l = p.Cdr
	}
	return n
}

var symLambda = rt.Intern("lambda")

// isCallCC reports whether g holds the standard call/cc.
func isCallCC(g *Global) bool {
	p, ok := g.Value.(*controlPrim)
	return ok && g.inline && p.op == ctlCallCC
}

// receiver parses form as (lambda (k) body...), lambda being the
// standard one.
func (x *expander) receiver(form rt.Value, sc *scope) (k rt.Value, body []rt.Value, ok bool) {
	p, ok := form.(*rt.Pair)
	if !ok || !isIdentifier(p.Car) || x.lookup(p.Car, sc) != x.in.system.keyword(symLambda) {
		return nil, nil, false
	}
	rest, ok := p.Cdr.(*rt.Pair)
	if !ok {
		return nil, nil, false
	}
	formals, ok := rest.Car.(*rt.Pair)
	if !ok || !isIdentifier(formals.Car) || formals.Cdr != rt.Null {
		return nil, nil, false
	}
	body, ok = rt.ListToSlice(rest.Cdr)
	return formals.Car, body, ok && len(body) > 0
}

// letCC expands (call/cc (lambda (k) body...)) into a letCCExpr: k is a
// variable of the current frame, the body is expanded in its scope, and
// expanded once more inside the plain call's receiver (so a define-macro
// transformer used in the body runs twice). That second expansion makes
// plain calls of call/cc inside it, so that nested uses expand a number of
// times quadratic, not exponential, in their depth.
func (x *expander) letCC(ref *globalRef, id rt.Value, body []rt.Value, receiver rt.Value, pos rt.Pos, sc *scope) expr {
	k := sc.fn.newLocal(id)
	ksc := newScope(sc, sc.fn)
	ksc.add(id, k)
	n := &letCCExpr{k: k, body: x.body(body, ksc)}
	k.boxed = k.mutated
	x.plainCallCC++
	defer func() { x.plainCallCC-- }()
	n.fallback = &callExpr{fn: ref, args: []expr{x.expand(receiver, sc)}, pos: pos}
	return n
}

// expandSeq expands forms as a sequence of expressions.
func (x *expander) expandSeq(forms []rt.Value, sc *scope) expr {
	switch len(forms) {
	case 0:
		return &constExpr{rt.Unspecified}
	case 1:
		return x.expand(forms[0], sc)
	}
	s := &seqExpr{body: make([]expr, len(forms))}
	for i, f := range forms {
		s.body[i] = x.expand(f, sc)
	}
	return s
}

// expandNamed expands an init whose value is bound to name, so that a
// lambda or a case-lambda gets the name for messages and backtraces.
func (x *expander) expandNamed(form rt.Value, sc *scope, name rt.Value) expr {
	n := x.expand(form, sc)
	if l, ok := n.(*lambdaExpr); ok && l.name == "" {
		l.name = baseSymbol(name).Name
	}
	// A case-lambda's name is the first argument of the primitive that
	// makes it (see expandCaseLambda).
	if c, ok := n.(*callExpr); ok {
		if f, ok := c.fn.(*constExpr); ok && f.v == primCaseLambda {
			c.args[0] = &constExpr{rt.NewString(baseSymbol(name).Name)}
		}
	}
	return n
}

// lambda expands a lambda with the given formals and body.
func (x *expander) lambda(name string, formals rt.Value, body []rt.Value, sc *scope, form rt.Value) *lambdaExpr {
	x.seq++
	fn := &lambdaExpr{name: name, parent: sc.fn, seq: x.seq, pos: x.posOf(form)}
	psc := newScope(sc, fn)
	for {
		if p, ok := formals.(*rt.Pair); ok {
			x.addParam(fn, psc, p.Car, form)
			formals = p.Cdr
			continue
		}
		if formals != rt.Null {
			x.addParam(fn, psc, formals, form)
			fn.rest = true
		}
		break
	}
	if len(body) == 0 {
		x.errorf(form, "lambda: empty body")
	}
	fn.body = x.body(body, psc)
	for _, b := range fn.params {
		b.boxed = b.mutated
	}
	return fn
}

func (x *expander) addParam(fn *lambdaExpr, sc *scope, id rt.Value, form rt.Value) {
	if !isIdentifier(id) {
		x.errorf(form, "lambda: parameter is not an identifier: %s", rt.WriteString(stripSyntax(id)))
	}
	for _, p := range fn.params {
		if p.name == id {
			x.errorf(form, "lambda: duplicate parameter %s", baseSymbol(id).Name)
		}
	}
	b := fn.newLocal(id)
	sc.add(id, b)
	fn.params = append(fn.params, b)
}

// definition is a parsed (define ...) form.
type definition struct {
	name rt.Value
	init rt.Value // nil: no value given
	// (define (name . formals) body...) defines a lambda:
	formals rt.Value
	body    []rt.Value
	isProc  bool
	form    *rt.Pair
}

func (x *expander) parseDefine(f *rt.Pair) definition {
	args := x.list(f.Cdr, f)
	if len(args) == 0 {
		x.errorf(f, "define: missing name")
	}
	switch target := args[0].(type) {
	case *rt.Pair:
		// (define ((curried a) b) ...) is (define (curried a) (lambda (b) ...))
		if inner, ok := target.Car.(*rt.Pair); ok {
			x.enter(target)
			defer x.leave(target)
			lam := rt.Cons(x.core("lambda"), rt.Cons(target.Cdr, f.Cdr.(*rt.Pair).Cdr))
			return x.parseDefine(&rt.Pair{Car: f.Car, Cdr: rt.List(inner, lam)})
		}
		if !isIdentifier(target.Car) {
			x.errorf(f, "define: bad name %s", rt.WriteString(stripSyntax(target.Car)))
		}
		if len(args) < 2 {
			x.errorf(f, "define: empty body")
		}
		return definition{name: target.Car, formals: target.Cdr, body: args[1:], isProc: true, form: f}
	case *rt.Symbol, *Ident:
		switch len(args) {
		case 1:
			return definition{name: target, form: f}
		case 2:
			return definition{name: target, init: args[1], form: f}
		}
		x.errorf(f, "define: too many expressions")
	}
	x.errorf(f, "define: bad name %s", rt.WriteString(stripSyntax(args[0])))
	panic("unreachable")
}

// initExpr expands the value of a definition.
func (x *expander) initExpr(d definition, sc *scope) expr {
	if d.isProc {
		return x.lambda(baseSymbol(d.name).Name, d.formals, d.body, sc, d.form)
	}
	if d.init == nil {
		return &constExpr{rt.Unspecified}
	}
	return x.expandNamed(d.init, sc, d.name)
}

// core returns an identifier that means the top-level name whatever the
// local bindings where it is used: what derived forms expand into.
func (x *expander) core(name string) rt.Value {
	return &Ident{Name: rt.Intern(name)}
}

// temp returns a fresh identifier that no user code can name.
func (x *expander) temp(name string) rt.Value {
	return &Ident{Name: rt.Intern(name)}
}

// headKind returns the special form or macro that form uses, if any.
func (x *expander) head(form rt.Value, sc *scope) (*rt.Pair, *binding) {
	p, ok := form.(*rt.Pair)
	if !ok || !isIdentifier(p.Car) {
		return p, nil
	}
	b := x.lookup(p.Car, sc)
	if b == nil || b.kind == bindLocal {
		return p, nil
	}
	return p, b
}

// body expands a lambda or let body: internal definitions (possibly made
// by macros, possibly inside begin or let-syntax) become letrec* bindings
// of a new scope; definitions and expressions may be mixed and run in
// order. Each form is expanded in its own scope: the body's, or that of
// the let-syntax it was spliced from.
func (x *expander) body(forms []rt.Value, sc *scope) expr {
	bsc := newScope(sc, sc.fn)
	type pending struct {
		b    *binding
		def  definition
		form rt.Value // an expression
		sc   *scope
	}
	var items []pending
	// The forms left, the next one last, so that a macro use or a begin
	// is replaced by its forms without copying the others; each with the
	// place of the source form it comes from, for errors, and the scope it
	// is in (a let-syntax among definitions splices its body in a scope
	// of its own).
	type left struct {
		form rt.Value
		at   rt.Pos
		sc   *scope
	}
	var todo []left
	push := func(fsc *scope, forms ...rt.Value) {
		for i := len(forms) - 1; i >= 0; i-- {
			todo = append(todo, left{forms[i], x.here, fsc})
		}
	}
	saved := x.here
	push(bsc, forms...)
	for len(todo) > 0 {
		next := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		form, fsc := next.form, next.sc
		x.here = next.at
		x.here = x.posOf(form)
		p, b := x.head(form, fsc)
		if b == nil {
			items = append(items, pending{form: form, sc: fsc})
			continue
		}
		if b.kind == bindMacro {
			x.step(p)
			push(fsc, b.macro.transform(x, p, fsc))
			continue
		}
		switch x.in.specialName[b] {
		case "begin":
			x.step(p)
			push(fsc, x.list(p.Cdr, p)...)
		case "let-syntax", "letrec-syntax":
			x.step(p)
			body, lsc := x.letSyntax(p, fsc)
			push(lsc, body...)
		case "define":
			d := x.parseDefine(p)
			nb := sc.fn.newLocal(d.name)
			bsc.add(d.name, nb)
			items = append(items, pending{b: nb, def: d, sc: fsc})
		case "define-syntax":
			x.defineSyntax(p, fsc, func(id rt.Value, m macro) {
				bsc.add(id, &binding{kind: bindMacro, name: id, macro: m})
			})
		case "define-macro":
			x.defineMacro(p, fsc, func(id rt.Value, m macro) {
				bsc.add(id, &binding{kind: bindMacro, name: id, macro: m})
			})
		case "define-values", "define-record-type":
			push(fsc, x.rewriteDefinition(p, fsc))
		case "cond-expand":
			push(fsc, x.condExpand(p, fsc))
		case "include", "include-ci":
			push(fsc, x.include(p))
		default:
			items = append(items, pending{form: form, sc: fsc})
		}
	}
	x.here = saved
	hasDefs := false
	for _, it := range items {
		if it.b != nil {
			hasDefs = true
		}
	}
	if !hasDefs {
		switch len(items) {
		case 0:
			x.errorf(rt.Null, "body has no expressions")
		case 1:
			return x.expand(items[0].form, items[0].sc)
		}
		s := &seqExpr{body: make([]expr, len(items))}
		for i, it := range items {
			s.body[i] = x.expand(it.form, it.sc)
		}
		return s
	}
	ln := &letExpr{rec: true, initFrom: x.seq}
	for _, it := range items {
		if it.b != nil {
			ln.binds = append(ln.binds, it.b)
			ln.items = append(ln.items, letItem{b: it.b, e: x.initExpr(it.def, it.sc)})
			ln.initTo = x.seq
		} else {
			ln.items = append(ln.items, letItem{e: x.expand(it.form, it.sc)})
		}
	}
	x.finishLet(ln)
	return ln
}

// finishLet decides which variables of ln live in boxes: those assigned
// with set! (a continuation copies the stack, so a variable that may change
// after a capture must live in the heap for the copies to share it), in a
// letrec* those whose init runs after an item that may return twice (its
// continuation re-entered assigns them again, in the same location), and
// in a letrec those captured by a closure that
// may run before their init is done, unless the capturing closure is
// itself one of the inits (the compiler then patches the closure once the
// variable is set).
func (x *expander) finishLet(ln *letExpr) {
	direct := make(map[*lambdaExpr]bool)
	again := make(map[*binding]bool)
	reentered := false
	for _, it := range ln.items {
		if l, ok := it.e.(*lambdaExpr); ok && it.b != nil {
			direct[l] = true
			if ln.rec {
				l.self = it.b
			}
		}
		reentered = reentered || ln.rec && !returnsOnce(it.e)
		if reentered && it.b != nil {
			again[it.b] = true
		}
	}
	for _, b := range ln.binds {
		b.boxed = b.mutated || again[b]
		if b.boxed || !ln.rec || !b.captured {
			continue
		}
		for _, c := range b.capturers {
			if c.seq > ln.initFrom && c.seq <= ln.initTo && !direct[c] {
				b.boxed = true
				break
			}
		}
	}
}

// topSeq expands forms at the top level, in sc, one after the other.
func (x *expander) topSeq(forms []rt.Value, sc *scope) expr {
	if len(forms) == 0 {
		return &constExpr{rt.Unspecified}
	}
	s := &seqExpr{}
	for _, f := range forms {
		s.body = append(s.body, x.expandTop(f, sc))
	}
	return s
}

// expandTop expands a top-level form: definitions there are global.
func (x *expander) expandTop(form rt.Value, sc *scope) expr {
	p, b := x.head(form, sc)
	if b == nil {
		return x.expand(form, sc)
	}
	saved := x.here
	defer func() { x.here = saved; x.depth-- }()
	if q, ok := x.pos[p]; ok {
		x.here = q
	}
	x.nest(p)
	if b.kind == bindMacro {
		x.step(p)
		return x.expandTop(b.macro.transform(x, p, sc), sc)
	}
	switch x.in.specialName[b] {
	case "begin":
		x.enter(p)
		defer x.leave(p)
		return x.topSeq(x.list(p.Cdr, p), sc)
	case "let-syntax", "letrec-syntax":
		// Spliced, as in a body: its definitions are top-level ones.
		x.enter(p)
		defer x.leave(p)
		return x.topSeq(x.letSyntax(p, sc))
	case "define":
		d := x.parseDefine(p)
		// A program's definition of a standard name replaces it, as in
		// Gambit (the library's own code keeps the original: see bound).
		g := x.changing(x.topEnv(sc), p).definition(baseSymbol(d.name))
		return &setGlobal{g: g, val: x.initExpr(d, sc), define: true, pos: x.posOf(p)}
	case "define-syntax":
		x.defineSyntax(p, sc, func(id rt.Value, m macro) {
			x.changing(x.topEnv(sc), p).defineSyntax(baseSymbol(id), &binding{kind: bindMacro, name: id, macro: m})
		})
		return &constExpr{rt.Unspecified}
	case "define-macro":
		x.defineMacro(p, sc, func(id rt.Value, m macro) {
			x.changing(x.topEnv(sc), p).defineSyntax(baseSymbol(id), &binding{kind: bindMacro, name: id, macro: m})
		})
		return &constExpr{rt.Unspecified}
	case "define-values", "define-record-type":
		return x.expandTop(x.rewriteDefinition(p, sc), sc)
	case "cond-expand":
		return x.expandTop(x.condExpand(p, sc), sc)
	case "define-library":
		return x.defineLibrary(p, sc)
	case "include", "include-ci":
		return x.expandTop(x.include(p), sc)
	}
	return x.expand(form, sc)
}
