package eval

import (
	rt "termite/runtime"
)

// specialForms lists the core special forms; derived.go adds the derived
// ones. Each expands a form whose keyword resolves to it.
var specialForms = map[string]specialForm{
	"quote":         expandQuote,
	"quasiquote":    expandQuasiquote,
	"lambda":        expandLambda,
	"named-lambda":  expandNamedLambda,
	"define":        expandMisplaced,
	"define-syntax": expandMisplaced,
	"define-values": expandMisplaced,
	"set!":          expandSet,
	"if":            expandIf,
	"begin":         expandBegin,
	"let":           expandLet,
	"let*":          expandLetStar,
	"letrec":        expandLetrec,
	"letrec*":       expandLetrec,
	"let-syntax":    expandLetSyntax,
	"letrec-syntax": expandLetSyntax,
	"syntax-rules":  expandMisplaced,
	// auxiliary syntax: keywords only inside the forms that use them
	"else":             expandMisplaced,
	"=>":               expandMisplaced,
	"...":              expandMisplaced,
	"_":                expandMisplaced,
	"unquote":          expandMisplaced,
	"unquote-splicing": expandMisplaced,
}

func expandMisplaced(x *expander, f *rt.Pair, sc *scope) expr {
	x.errorf(f, "%s: not allowed in an expression context", baseSymbol(f.Car).Name)
	return nil
}

func expandQuote(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) != 1 {
		x.errorf(f, "quote: expects one datum")
	}
	return &constExpr{stripSyntax(args[0])}
}

func expandLambda(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 1 {
		x.errorf(f, "lambda: missing formals")
	}
	return x.lambda("", args[0], args[1:], sc, f)
}

// (named-lambda (name . formals) body...), as in MIT Scheme and Gambit.
func expandNamedLambda(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "named-lambda: bad syntax")
	}
	spec, ok := args[0].(*rt.Pair)
	if !ok || !isIdentifier(spec.Car) {
		x.errorf(f, "named-lambda: bad name")
	}
	return x.lambda(baseSymbol(spec.Car).Name, spec.Cdr, args[1:], sc, f)
}

func expandSet(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) != 2 || !isIdentifier(args[0]) {
		x.errorf(f, "set!: expects a variable and an expression")
	}
	val := x.expandNamed(args[1], sc, args[0])
	b, env, _ := x.resolve(args[0], sc)
	if b == nil {
		return &setGlobal{g: x.changing(env, f).cell(baseSymbol(args[0])), val: val, pos: x.posOf(f)}
	}
	if b.kind != bindLocal {
		x.errorf(f, "set!: %s is a syntax keyword", baseSymbol(args[0]).Name)
	}
	b.mutated = true
	x.ref(b, sc)
	return &setLocal{b: b, val: val}
}

func expandIf(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	switch len(args) {
	case 2:
		return &ifExpr{x.expand(args[0], sc), x.expand(args[1], sc), &constExpr{rt.Unspecified}}
	case 3:
		return &ifExpr{x.expand(args[0], sc), x.expand(args[1], sc), x.expand(args[2], sc)}
	}
	x.errorf(f, "if: expects 2 or 3 subforms, got %d", len(args))
	return nil
}

func expandBegin(x *expander, f *rt.Pair, sc *scope) expr {
	return x.expandSeq(x.list(f.Cdr, f), sc)
}

// bindingSpecs parses ((id init) ...).
func (x *expander) bindingSpecs(l rt.Value, f rt.Value) (ids, inits []rt.Value) {
	for _, spec := range x.list(l, f) {
		parts, ok := rt.ListToSlice(spec)
		if !ok || len(parts) < 1 || len(parts) > 2 || !isIdentifier(parts[0]) {
			x.errorf(f, "bad binding %s", rt.WriteString(stripSyntax(spec)))
		}
		ids = append(ids, parts[0])
		if len(parts) == 2 {
			inits = append(inits, parts[1])
		} else {
			inits = append(inits, rt.Unspecified)
		}
	}
	for i := range ids {
		for j := 0; j < i; j++ {
			if ids[i] == ids[j] {
				x.errorf(f, "duplicate binding %s", baseSymbol(ids[i]).Name)
			}
		}
	}
	return ids, inits
}

func expandLet(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "let: bad syntax")
	}
	if isIdentifier(args[0]) {
		return x.namedLet(f, args, sc)
	}
	ids, inits := x.bindingSpecs(args[0], f)
	ln := &letExpr{initFrom: x.seq}
	lsc := newScope(sc, sc.fn)
	for i, id := range ids {
		e := x.expandNamed(inits[i], sc, id)
		b := sc.fn.newLocal(id)
		ln.binds = append(ln.binds, b)
		ln.items = append(ln.items, letItem{b: b, e: e})
	}
	for i, id := range ids {
		lsc.add(id, ln.binds[i])
	}
	ln.initTo = x.seq
	ln.items = append(ln.items, letItem{e: x.body(args[1:], lsc)})
	x.finishLet(ln)
	return ln
}

// (let name ((v init) ...) body...) is ((letrec ((name (lambda (v ...)
// body...))) name) init ...), with the inits outside name's scope.
func (x *expander) namedLet(f *rt.Pair, args []rt.Value, sc *scope) expr {
	if len(args) < 3 {
		x.errorf(f, "let: bad syntax")
	}
	name := args[0]
	ids, inits := x.bindingSpecs(args[1], f)
	argExprs := make([]expr, len(inits))
	for i, e := range inits {
		argExprs[i] = x.expand(e, sc)
	}
	ln := &letExpr{rec: true, initFrom: x.seq}
	lsc := newScope(sc, sc.fn)
	b := sc.fn.newLocal(name)
	lsc.add(name, b)
	lam := x.lambda(baseSymbol(name).Name, rt.List(ids...), args[2:], lsc, f)
	ln.binds = []*binding{b}
	ln.items = []letItem{{b: b, e: lam}}
	ln.initTo = x.seq
	ln.items = append(ln.items, letItem{e: &callExpr{fn: x.ref(b, lsc), args: argExprs, pos: x.posOf(f)}})
	x.finishLet(ln)
	return ln
}

func expandLetStar(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "let*: bad syntax")
	}
	specs := x.list(args[0], f)
	if len(specs) <= 1 {
		return expandLet(x, &rt.Pair{Car: x.core("let"), Cdr: f.Cdr}, sc)
	}
	// The nested lets are built from the inside out, each binding once,
	// so that the expansion takes time linear in the number of bindings.
	var nested rt.Value = rt.Cons(x.core("let"), rt.Cons(rt.List(specs[len(specs)-1]), rt.List(args[1:]...)))
	for i := len(specs) - 2; i > 0; i-- {
		nested = rt.List(x.core("let"), rt.List(specs[i]), nested)
	}
	return expandLet(x, &rt.Pair{Car: x.core("let"), Cdr: rt.List(rt.List(specs[0]), nested)}, sc)
}

func expandLetrec(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "letrec: bad syntax")
	}
	ids, inits := x.bindingSpecs(args[0], f)
	ln := &letExpr{rec: true, initFrom: x.seq}
	lsc := newScope(sc, sc.fn)
	for _, id := range ids {
		b := sc.fn.newLocal(id)
		ln.binds = append(ln.binds, b)
		lsc.add(id, b)
	}
	es := make([]expr, len(ids))
	for i := range ids {
		es[i] = x.expandNamed(inits[i], lsc, ids[i])
	}
	if baseSymbol(f.Car).Name == "letrec" && !allOnce(es) {
		ln.items = append(ln.items, letItem{e: x.letrecTemps(ln.binds, es, sc)})
	} else {
		for i, e := range es {
			ln.items = append(ln.items, letItem{b: ln.binds[i], e: e})
		}
	}
	ln.initTo = x.seq
	ln.items = append(ln.items, letItem{e: x.body(args[1:], lsc)})
	x.finishLet(ln)
	return ln
}

// letrecTemps evaluates the inits of a letrec into temporaries of a plain
// let, and only then assigns the variables, as R7RS 4.2.2 requires: a
// continuation captured in one init, when re-entered, computes the later
// inits again and assigns every variable at once, and never sees another
// variable assigned before its own init has been evaluated again. The
// variables are boxed, since they may be assigned more than once and every
// copy of the frame must see the latest assignment.
func (x *expander) letrecTemps(vars []*binding, inits []expr, sc *scope) expr {
	tl := &letExpr{initFrom: x.seq}
	sets := &seqExpr{}
	for i, e := range inits {
		t := sc.fn.newLocal(vars[i].name)
		tl.binds = append(tl.binds, t)
		tl.items = append(tl.items, letItem{b: t, e: e})
		vars[i].mutated = true
		sets.body = append(sets.body, &setLocal{b: vars[i], val: &localRef{t}})
	}
	tl.initTo = x.seq
	tl.items = append(tl.items, letItem{e: sets})
	x.finishLet(tl)
	return tl
}

// allOnce reports whether no expression of es may return more than once:
// none can capture a continuation.
func allOnce(es []expr) bool {
	for _, e := range es {
		if !returnsOnce(e) {
			return false
		}
	}
	return true
}

// returnsOnce reports whether evaluating e certainly captures no
// continuation, so that nothing can re-enter what follows it.
func returnsOnce(e expr) bool {
	switch e.(type) {
	case *constExpr, *lambdaExpr, *localRef, *globalRef:
		return true
	}
	return false
}

// defineSyntax handles (define-syntax name transformer), calling bind with
// the new macro.
func (x *expander) defineSyntax(f *rt.Pair, sc *scope, bind func(rt.Value, macro)) {
	args := x.list(f.Cdr, f)
	if len(args) != 2 || !isIdentifier(args[0]) {
		x.errorf(f, "define-syntax: expects a name and a transformer")
	}
	bind(args[0], x.transformer(args[1], sc))
}

// transformer evaluates a transformer spec: (syntax-rules ...), or the
// name of another macro.
func (x *expander) transformer(spec rt.Value, sc *scope) macro {
	p, b := x.head(spec, sc)
	if b != nil && b.kind == bindSpecial && x.in.specialName[b] == "syntax-rules" {
		return x.parseSyntaxRules(p, sc)
	}
	if isIdentifier(spec) {
		if b := x.lookup(spec, sc); b != nil && b.kind == bindMacro {
			return b.macro
		}
	}
	x.errorf(spec, "unsupported macro transformer %s", rt.WriteString(stripSyntax(spec)))
	return nil
}

// (let-syntax ((name transformer) ...) body...): letrec-syntax is the same
// here, since transformers are syntax-rules that only close over the scope.
// As an expression it is a body; among the forms of a body or of the top
// level, its own are spliced in, as in R6RS, so that its definitions
// define there (see body and expandTop).
func expandLetSyntax(x *expander, f *rt.Pair, sc *scope) expr {
	return x.body(x.letSyntax(f, sc))
}

// letSyntax returns the body forms of let-syntax form f and the scope,
// inside sc, where its keywords are bound.
func (x *expander) letSyntax(f *rt.Pair, sc *scope) ([]rt.Value, *scope) {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "let-syntax: bad syntax")
	}
	lsc := newScope(sc, sc.fn)
	tsc := sc
	if baseSymbol(f.Car).Name == "letrec-syntax" {
		tsc = lsc
	}
	for _, spec := range x.list(args[0], f) {
		parts, ok := rt.ListToSlice(spec)
		if !ok || len(parts) != 2 || !isIdentifier(parts[0]) {
			x.errorf(f, "let-syntax: bad binding")
		}
		lsc.add(parts[0], &binding{kind: bindMacro, name: parts[0], macro: x.transformer(parts[1], tsc)})
	}
	return args[1:], lsc
}
