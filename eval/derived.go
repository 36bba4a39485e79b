package eval

import (
	rt "termite/runtime"
)

// The derived forms rewrite into core forms. The identifiers they insert
// come from x.core (the top-level meaning, whatever the user has bound
// locally) and x.temp (fresh), which keeps them hygienic.
func init() {
	for name, f := range map[string]specialForm{
		"cond":               expandCond,
		"case":               expandCase,
		"and":                expandAnd,
		"or":                 expandOr,
		"when":               expandWhen,
		"unless":             expandWhen,
		"do":                 expandDo,
		"case-lambda":        expandCaseLambda,
		"let-values":         expandLetValues,
		"let*-values":        expandLetStarValues,
		"parameterize":       expandParameterize,
		"guard":              expandGuard,
		"delay":              expandDelay,
		"delay-force":        expandDelay,
		"cons-stream":        expandConsStream,
		"quasiquote":         expandQuasiquote,
		"define-record-type": expandMisplaced,
	} {
		specialForms[name] = f
	}
}

func expandQuasiquote(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) != 1 {
		x.errorf(f, "quasiquote: expects one template")
	}
	x.unquotes = make(map[rt.Value]bool)
	return x.expand(x.qq(args[0], 1, sc), sc)
}

// qq rewrites a quasiquote template at nesting depth into an expression.
func (x *expander) qq(t rt.Value, depth int, sc *scope) rt.Value {
	if !x.hasUnquote(t, depth, sc) {
		return rt.List(x.core("quote"), t)
	}
	switch v := t.(type) {
	case *rt.Pair:
		x.enter(v)
		defer x.leave(v)
		if x.isGlobalName(v.Car, sc, "unquote") {
			arg := x.qqArg(v)
			if depth == 1 {
				return arg
			}
			return rt.List(x.core("list"), rt.List(x.core("quote"), v.Car), x.qq(arg, depth-1, sc))
		}
		if x.isGlobalName(v.Car, sc, "quasiquote") {
			return rt.List(x.core("list"), rt.List(x.core("quote"), v.Car), x.qq(x.qqArg(v), depth+1, sc))
		}
		if in, ok := v.Car.(*rt.Pair); ok && x.isGlobalName(in.Car, sc, "unquote-splicing") {
			arg := x.qqArg(in)
			if depth == 1 {
				return rt.List(x.core("append"), arg, x.qq(v.Cdr, depth, sc))
			}
			inner := rt.List(x.core("list"), rt.List(x.core("quote"), in.Car), x.qq(arg, depth-1, sc))
			return rt.List(x.core("cons"), inner, x.qq(v.Cdr, depth, sc))
		}
		return rt.List(x.core("cons"), x.qq(v.Car, depth, sc), x.qq(v.Cdr, depth, sc))
	case *rt.Vector:
		return rt.List(x.core("list->vector"), x.qq(rt.List(v.Items...), depth, sc))
	}
	return rt.List(x.core("quote"), t)
}

func (x *expander) qqArg(p *rt.Pair) rt.Value {
	rest, ok := p.Cdr.(*rt.Pair)
	if !ok || rest.Cdr != rt.Null {
		x.errorf(p, "%s: expects one expression", baseSymbol(p.Car).Name)
	}
	return rest.Car
}

func (x *expander) hasUnquote(t rt.Value, depth int, sc *scope) bool {
	switch t.(type) {
	case *rt.Pair, *rt.Vector:
	default:
		return false
	}
	// qq asks about every part of the template: each answer is kept, so
	// that a long template takes linear time.
	if found, ok := x.unquotes[t]; ok {
		return found
	}
	x.unquotes[t] = false // met again inside itself: a circular template
	found := false
	switch v := t.(type) {
	case *rt.Pair:
		found = x.isGlobalName(v.Car, sc, "unquote") || x.isGlobalName(v.Car, sc, "unquote-splicing") ||
			x.hasUnquote(v.Car, depth, sc) || x.hasUnquote(v.Cdr, depth, sc)
	case *rt.Vector:
		for _, e := range v.Items {
			if found = x.hasUnquote(e, depth, sc); found {
				break
			}
		}
	}
	x.unquotes[t] = found
	return found
}

func expandCond(x *expander, f *rt.Pair, sc *scope) expr {
	return x.expand(x.condClauses(x.list(f.Cdr, f), f, sc), sc)
}

func (x *expander) condClauses(clauses []rt.Value, f rt.Value, sc *scope) rt.Value {
	if len(clauses) == 0 {
		return rt.Unspecified
	}
	c, ok := clauses[0].(*rt.Pair)
	if !ok {
		x.errorf(f, "cond: bad clause %s", rt.WriteString(stripSyntax(clauses[0])))
	}
	parts := x.list(c, f)
	rest := x.condClauses(clauses[1:], f, sc)
	if x.isGlobalName(parts[0], sc, "else") {
		if len(clauses) > 1 {
			x.errorf(f, "cond: else must be the last clause")
		}
		return rt.Cons(x.core("begin"), rt.List(parts[1:]...))
	}
	if len(parts) == 1 {
		return rt.List(x.core("or"), parts[0], rest)
	}
	if x.isGlobalName(parts[1], sc, "=>") {
		if len(parts) != 3 {
			x.errorf(c, "cond: bad => clause")
		}
		t := x.temp("t")
		return rt.List(x.core("let"), rt.List(rt.List(t, parts[0])),
			rt.List(x.core("if"), t, rt.List(parts[2], t), rest))
	}
	return rt.List(x.core("if"), parts[0], rt.Cons(x.core("begin"), rt.List(parts[1:]...)), rest)
}

func expandCase(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 1 {
		x.errorf(f, "case: missing key")
	}
	key := x.temp("key")
	var clauses []rt.Value
	for i, cl := range args[1:] {
		parts, ok := rt.ListToSlice(cl)
		if !ok || len(parts) < 2 {
			x.errorf(f, "case: bad clause %s", rt.WriteString(stripSyntax(cl)))
		}
		var test rt.Value
		if x.isGlobalName(parts[0], sc, "else") {
			if i != len(args)-2 {
				x.errorf(f, "case: else must be the last clause")
			}
			test = x.core("else")
		} else {
			data, ok := rt.ListToSlice(parts[0])
			if !ok {
				x.errorf(f, "case: bad datum list %s", rt.WriteString(stripSyntax(parts[0])))
			}
			var tests []rt.Value
			for _, d := range data {
				tests = append(tests, rt.List(x.core("eqv?"), key, rt.List(x.core("quote"), d)))
			}
			test = rt.Cons(x.core("or"), rt.List(tests...))
		}
		var body rt.Value
		if x.isGlobalName(parts[1], sc, "=>") {
			if len(parts) != 3 {
				x.errorf(f, "case: bad => clause")
			}
			body = rt.List(rt.List(parts[2], key))
		} else {
			body = rt.List(parts[1:]...)
		}
		clauses = append(clauses, rt.Cons(test, body))
	}
	return x.expand(rt.List(x.core("let"), rt.List(rt.List(key, args[0])),
		rt.Cons(x.core("cond"), rt.List(clauses...))), sc)
}

func expandAnd(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	switch len(args) {
	case 0:
		return &constExpr{rt.True}
	case 1:
		return x.expand(args[0], sc)
	}
	// Expanded in order, then nested from the inside out: linear time.
	tests := make([]expr, len(args))
	for i, a := range args {
		tests[i] = x.expand(a, sc)
	}
	e := tests[len(tests)-1]
	for i := len(tests) - 2; i >= 0; i-- {
		e = &ifExpr{tests[i], e, &constExpr{rt.False}}
	}
	return e
}

func expandOr(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	switch len(args) {
	case 0:
		return &constExpr{rt.False}
	case 1:
		return x.expand(args[0], sc)
	}
	// Built from the inside out, with each operand expanded once.
	e := x.expand(args[len(args)-1], sc)
	for i := len(args) - 2; i >= 0; i-- {
		e = &orExpr{x.expand(args[i], sc), e}
	}
	return e
}

func expandWhen(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 1 {
		x.errorf(f, "%s: missing test", baseSymbol(f.Car).Name)
	}
	test := x.expand(args[0], sc)
	body := x.expandSeq(args[1:], sc)
	if baseSymbol(f.Car).Name == "unless" {
		return &ifExpr{test, &constExpr{rt.Unspecified}, body}
	}
	return &ifExpr{test, body, &constExpr{rt.Unspecified}}
}

// (do ((var init step) ...) (test res ...) cmd ...)
func expandDo(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "do: bad syntax")
	}
	var bindings, steps []rt.Value
	for _, spec := range x.list(args[0], f) {
		parts, ok := rt.ListToSlice(spec)
		if !ok || len(parts) < 2 || len(parts) > 3 {
			x.errorf(f, "do: bad variable spec %s", rt.WriteString(stripSyntax(spec)))
		}
		bindings = append(bindings, rt.List(parts[0], parts[1]))
		if len(parts) == 3 {
			steps = append(steps, parts[2])
		} else {
			steps = append(steps, parts[0])
		}
	}
	end := x.list(args[1], f)
	if len(end) < 1 {
		x.errorf(f, "do: missing test")
	}
	loop := x.temp("do-loop")
	result := rt.Value(rt.Unspecified)
	if len(end) > 1 {
		result = rt.Cons(x.core("begin"), rt.List(end[1:]...))
	}
	body := rt.Cons(x.core("begin"), rt.ListWithTail(args[2:], rt.List(rt.Cons(loop, rt.List(steps...)))))
	return x.expand(rt.List(x.core("let"), loop, rt.List(bindings...),
		rt.List(x.core("if"), end[0], result, body)), sc)
}

func expandCaseLambda(x *expander, f *rt.Pair, sc *scope) expr {
	clauses := x.list(f.Cdr, f)
	n := &callExpr{fn: &constExpr{primCaseLambda}, pos: x.posOf(f)}
	n.args = append(n.args, &constExpr{rt.NewString("")})
	for _, cl := range clauses {
		p, ok := cl.(*rt.Pair)
		if !ok {
			x.errorf(f, "case-lambda: bad clause")
		}
		n.args = append(n.args, x.lambda("", p.Car, x.list(p.Cdr, f), sc, f))
	}
	return n
}

// tempFormals renames the variables of a formals list (a b . c) to fresh
// temporaries: it returns the renamed formals and the (variable
// temporary) pairs.
func (x *expander) tempFormals(formals rt.Value) (rt.Value, [][2]rt.Value) {
	if circular(formals) {
		x.errorf(formals, "circular code")
	}
	var temps []rt.Value
	var pairs [][2]rt.Value
	for {
		p, ok := formals.(*rt.Pair)
		if !ok {
			break
		}
		t := x.temp("v")
		temps = append(temps, t)
		pairs = append(pairs, [2]rt.Value{p.Car, t})
		formals = p.Cdr
	}
	if formals == rt.Null {
		return rt.List(temps...), pairs
	}
	rest := x.temp("rest")
	return rt.ListWithTail(temps, rest), append(pairs, [2]rt.Value{formals, rest})
}

// (let-values (((formals) expr) ...) body...): every expr is evaluated
// outside the new bindings, into temporaries, then bound at once.
func expandLetValues(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "let-values: bad syntax")
	}
	var final []rt.Value
	type clause struct{ temps, expr rt.Value }
	var cls []clause
	for _, spec := range x.list(args[0], f) {
		parts, ok := rt.ListToSlice(spec)
		if !ok || len(parts) != 2 {
			x.errorf(f, "let-values: bad binding")
		}
		temps, pairs := x.tempFormals(parts[0])
		for _, p := range pairs {
			final = append(final, rt.List(p[0], p[1]))
		}
		cls = append(cls, clause{temps, parts[1]})
	}
	// Built from the innermost out: the body binds every formal from its
	// temporary.
	var body rt.Value = rt.Cons(x.core("let"), rt.Cons(rt.List(final...), rt.List(args[1:]...)))
	for i := len(cls) - 1; i >= 0; i-- {
		body = rt.List(x.core("call-with-values"),
			rt.List(x.core("lambda"), rt.Null, cls[i].expr),
			rt.List(x.core("lambda"), cls[i].temps, body))
	}
	return x.expand(body, sc)
}

func expandLetStarValues(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "let*-values: bad syntax")
	}
	specs := x.list(args[0], f)
	var body rt.Value = rt.Cons(x.core("let"), rt.Cons(rt.Null, rt.List(args[1:]...)))
	for i := len(specs) - 1; i >= 0; i-- {
		parts, ok := rt.ListToSlice(specs[i])
		if !ok || len(parts) != 2 {
			x.errorf(f, "let*-values: bad binding")
		}
		body = rt.List(x.core("call-with-values"),
			rt.List(x.core("lambda"), rt.Null, parts[1]),
			rt.List(x.core("lambda"), parts[0], body))
	}
	return x.expand(body, sc)
}

// (parameterize ((p v) ...) body...) calls the library's %parameterize
// with the parameters, their new values and the body as a thunk.
func expandParameterize(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "parameterize: bad syntax")
	}
	var ps, vs []rt.Value
	for _, spec := range x.list(args[0], f) {
		parts, ok := rt.ListToSlice(spec)
		if !ok || len(parts) != 2 {
			x.errorf(f, "parameterize: bad binding")
		}
		ps = append(ps, parts[0])
		vs = append(vs, parts[1])
	}
	return x.expand(rt.List(x.core("%parameterize"),
		rt.Cons(x.core("list"), rt.List(ps...)),
		rt.Cons(x.core("list"), rt.List(vs...)),
		rt.Cons(x.core("lambda"), rt.Cons(rt.Null, rt.List(args[1:]...)))), sc)
}

// (guard (var clause...) body...) calls the library's %guard with the body
// as a thunk and the clauses as a procedure of the condition and of a
// thunk that re-raises it; with no else clause, the clauses end with one
// that re-raises.
func expandGuard(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "guard: bad syntax")
	}
	spec := x.list(args[0], f)
	if len(spec) < 1 || !isIdentifier(spec[0]) {
		x.errorf(f, "guard: expects (variable clause ...)")
	}
	clauses := spec[1:]
	reraise := x.temp("reraise")
	hasElse := false
	if len(clauses) > 0 {
		if last, ok := clauses[len(clauses)-1].(*rt.Pair); ok && x.isGlobalName(last.Car, sc, "else") {
			hasElse = true
		}
	}
	if !hasElse {
		clauses = append(clauses[:len(clauses):len(clauses)], rt.List(x.core("else"), rt.List(reraise)))
	}
	handler := rt.List(x.core("lambda"), rt.List(spec[0], reraise),
		rt.Cons(x.core("cond"), rt.List(clauses...)))
	thunk := rt.Cons(x.core("lambda"), rt.Cons(rt.Null, rt.List(args[1:]...)))
	return x.expand(rt.List(x.core("%guard"), thunk, handler), sc)
}

// (delay e) is (delay-force (make-promise e)); (delay-force e) makes a lazy
// promise of a thunk, which force runs iteratively (R7RS 7.3).
func expandDelay(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) != 1 {
		x.errorf(f, "%s: expects one expression", baseSymbol(f.Car).Name)
	}
	e := args[0]
	if baseSymbol(f.Car).Name == "delay" {
		e = rt.List(x.core("make-promise"), e)
	}
	return &callExpr{fn: &constExpr{primMakeLazyPromise},
		args: []expr{x.lambda("", rt.Null, []rt.Value{e}, sc, f)}, pos: x.posOf(f)}
}

// (cons-stream a b) is (cons a (delay b)), as in MIT Scheme and Gambit.
func expandConsStream(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) != 2 {
		x.errorf(f, "cons-stream: expects two expressions")
	}
	return x.expand(rt.List(x.core("cons"), args[0], rt.List(x.core("delay"), args[1])), sc)
}

// rewriteDefinition rewrites define-values and define-record-type into a
// begin of plain definitions.
func (x *expander) rewriteDefinition(f *rt.Pair, sc *scope) rt.Value {
	if x.in.specialName[x.lookup(f.Car, sc)] == "define-values" {
		return x.defineValues(f)
	}
	return x.defineRecordType(f)
}

func (x *expander) defineValues(f *rt.Pair) rt.Value {
	args := x.list(f.Cdr, f)
	if len(args) != 2 {
		x.errorf(f, "define-values: expects formals and an expression")
	}
	temps, pairs := x.tempFormals(args[0])
	var defs, sets []rt.Value
	for _, p := range pairs {
		defs = append(defs, rt.List(x.core("define"), p[0]))
		sets = append(sets, rt.List(x.core("set!"), p[0], p[1]))
	}
	sets = append(sets, rt.Unspecified)
	call := rt.List(x.core("call-with-values"),
		rt.List(x.core("lambda"), rt.Null, args[1]),
		rt.Cons(x.core("lambda"), rt.Cons(temps, rt.List(sets...))))
	// Bodies accept an expression among definitions, so the assignments
	// need no definition of their own.
	return rt.Cons(x.core("begin"), rt.List(append(defs, call)...))
}

// (define-record-type name (ctor field ...) pred (field accessor [modifier]) ...)
func (x *expander) defineRecordType(f *rt.Pair) rt.Value {
	args := x.list(f.Cdr, f)
	if len(args) < 3 {
		x.errorf(f, "define-record-type: expects a name, a constructor and a predicate")
	}
	quote := func(v rt.Value) rt.Value { return rt.List(x.core("quote"), v) }
	typeName := args[0]
	if p, ok := typeName.(*rt.Pair); ok { // (name extra ...) as in SRFI 99: take the name
		typeName = p.Car
	}
	if !isIdentifier(typeName) {
		x.errorf(f, "define-record-type: bad type name")
	}
	type fieldSpec struct {
		name               *rt.Symbol
		accessor, modifier rt.Value
	}
	var specs []fieldSpec
	var fields []rt.Value
	for _, spec := range args[3:] {
		if isIdentifier(spec) {
			spec = rt.List(spec)
		}
		parts, ok := rt.ListToSlice(spec)
		if !ok || len(parts) < 1 || len(parts) > 3 {
			x.errorf(f, "define-record-type: bad field spec %s", rt.WriteString(stripSyntax(spec)))
		}
		for _, id := range parts {
			if !isIdentifier(id) {
				x.errorf(f, "define-record-type: bad field spec %s", rt.WriteString(stripSyntax(spec)))
			}
		}
		fs := fieldSpec{name: baseSymbol(parts[0])}
		if len(parts) > 1 {
			fs.accessor = parts[1]
		}
		if len(parts) > 2 {
			fs.modifier = parts[2]
		}
		specs = append(specs, fs)
		fields = append(fields, fs.name)
	}
	uid := rt.NewString(x.posOf(f).String() + ":" + baseSymbol(typeName).Name)
	defs := []rt.Value{rt.List(x.core("define"), typeName,
		rt.List(x.core("%make-record-type"), quote(baseSymbol(typeName)), quote(rt.List(fields...)), uid))}
	switch ctor := args[1].(type) {
	case *rt.Pair:
		if !isIdentifier(ctor.Car) {
			x.errorf(f, "define-record-type: bad constructor name %s", rt.WriteString(stripSyntax(ctor.Car)))
		}
		cfields := x.list(ctor.Cdr, f)
		names := make([]rt.Value, len(cfields))
		for i, c := range cfields {
			if !isIdentifier(c) {
				x.errorf(f, "define-record-type: bad constructor field")
			}
			names[i] = baseSymbol(c)
		}
		defs = append(defs, rt.List(x.core("define"), ctor.Car,
			rt.List(x.core("%record-constructor"), typeName, quote(rt.List(names...)), quote(baseSymbol(ctor.Car)))))
	case *rt.Symbol, *Ident:
		defs = append(defs, rt.List(x.core("define"), ctor,
			rt.List(x.core("%record-constructor"), typeName, quote(rt.List(fields...)), quote(baseSymbol(ctor)))))
	default:
		if rt.IsTrue(args[1]) {
			x.errorf(f, "define-record-type: bad constructor spec")
		}
	}
	if isIdentifier(args[2]) {
		defs = append(defs, rt.List(x.core("define"), args[2],
			rt.List(x.core("%record-predicate"), typeName, quote(baseSymbol(args[2])))))
	}
	for _, fs := range specs {
		if fs.accessor != nil {
			defs = append(defs, rt.List(x.core("define"), fs.accessor,
				rt.List(x.core("%record-accessor"), typeName, quote(fs.name), quote(baseSymbol(fs.accessor)))))
		}
		if fs.modifier != nil {
			defs = append(defs, rt.List(x.core("define"), fs.modifier,
				rt.List(x.core("%record-modifier"), typeName, quote(fs.name), quote(baseSymbol(fs.modifier)))))
		}
	}
	return rt.Cons(x.core("begin"), rt.List(defs...))
}
