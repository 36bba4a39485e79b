package eval

import (
	rt "termite/runtime"
)

// match and recv (Termite's pattern matching) share one clause
// compiler. A clause becomes nested ifs over hygienic temporaries: a list
// pattern tests pair? and walks car and cdr, a vector pattern tests
// vector? and its length, a literal or quoted datum is compared with eq?
// when that is the same as equal? (symbols, booleans, characters,
// fixnums, flonums, ()) and with equal? otherwise. The pattern variables
// are bound only once the whole pattern has matched, so a ,VAR inside the
// pattern sees the variable outside, never the pattern's own.
//
// Each failure point of a clause goes on with the next clause. When a
// clause can fail at most once, the next clause's code is written right
// there; otherwise the next clause becomes a procedure of the value,
// bound once around the form, and the failure points call it: no closure
// is made per value tried, which matters to recv, where each message
// scanned is one more value tried.
//
//	(match e c1 c2)  =>  (let ((v e))
//	                       (letrec ((try2 (lambda (m) <c2 on m, else (error "match: no clause matches" m)>)))
//	                         <c1 on v, else (try2 v)>))
//
//	(recv c1 (after s a...))  =>
//	                     (let ((deadline (%deadline s)))
//	                       (%recv-start)
//	                       (letrec ((scan (lambda ()
//	                                        (let ((msg (%recv-next deadline))) ; or %recv-next-matching: recv_shapes.go
//	                                          (if (eq? msg %recv-timeout)
//	                                              (let () a...)
//	                                              <c1 on msg: (%recv-accept) then its body, else (scan)>)))))
//	                         (scan)))
func init() {
	specialForms["match"] = expandMatch
	specialForms["recv"] = expandRecv
}

// matchClause is a parsed (PATTERN [(where GUARD)] BODY...).
type matchClause struct {
	form    rt.Value
	pattern rt.Value
	guard   rt.Value // nil: no where
	body    []rt.Value
}

func (x *expander) parseMatchClause(c rt.Value, who string, sc *scope) *matchClause {
	parts, ok := rt.ListToSlice(c)
	if !ok || len(parts) == 0 {
		x.errorf(c, "%s: bad clause", who)
	}
	if circular(parts[0]) {
		x.errorf(c, "circular code")
	}
	mc := &matchClause{form: c, pattern: parts[0], body: parts[1:]}
	if len(parts) > 1 {
		if w, ok := parts[1].(*rt.Pair); ok && x.isGlobalName(w.Car, sc, "where") {
			g, ok := rt.ListToSlice(w)
			if !ok || len(g) != 2 {
				x.errorf(w, "%s: where expects one guard expression", who)
			}
			mc.guard = g[1]
			mc.body = parts[2:]
		}
	}
	return mc
}

func expandMatch(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 1 {
		x.errorf(f, "match: missing expression")
	}
	var clauses []*matchClause
	for _, c := range args[1:] {
		clauses = append(clauses, x.parseMatchClause(c, "match", sc))
	}
	noMatch := func(v rt.Value) rt.Value {
		return rt.List(x.core("error"), rt.NewString("match: no clause matches"), v)
	}
	try, procs := x.clauseChain(clauses, "match", sc, noMatch, false)
	v := x.temp("v")
	body := try(v)
	if len(procs) > 0 {
		body = rt.List(x.core("letrec"), rt.List(procs...), body)
	}
	return x.expand(rt.List(x.core("let"), rt.List(rt.List(v, args[0])), body), sc)
}

func expandRecv(x *expander, f *rt.Pair, sc *scope) expr {
	forms := x.list(f.Cdr, f)
	var after []rt.Value // (after SECONDS BODY...), if any
	var clauses []*matchClause
	for i, c := range forms {
		if p, ok := c.(*rt.Pair); ok && x.isGlobalName(p.Car, sc, "after") {
			if i != len(forms)-1 {
				x.errorf(c, "recv: after must be the last clause")
			}
			after, ok = rt.ListToSlice(c)
			if !ok || len(after) < 2 {
				x.errorf(c, "recv: after expects a timeout in seconds")
			}
			continue
		}
		clauses = append(clauses, x.parseMatchClause(c, "recv", sc))
	}
	// The loop is named after the form, since backtraces and
	// process-info name it.
	scan, msg := x.temp("recv"), x.temp("msg")
	rescan := func(rt.Value) rt.Value { return rt.List(scan) }
	try, procs := x.clauseChain(clauses, "recv", sc, rescan, true)
	var deadline rt.Value = rt.False
	if after != nil {
		deadline = x.temp("deadline")
	}
	step := try(msg)
	if after != nil {
		step = rt.List(x.core("if"), rt.List(x.core("eq?"), msg, x.core("%recv-timeout")),
			x.letBody(nil, after[2:]), step)
	}
	next := rt.List(x.core("%recv-next"), deadline)
	if shapes, ok := x.recvShapes(clauses, sc); ok {
		next = rt.List(x.core("%recv-next-matching"), deadline, rt.List(x.core("quote"), shapes))
	}
	loop := rt.List(x.core("lambda"), rt.Null, rt.List(x.core("let"), rt.List(rt.List(msg, next)), step))
	procs = append(procs, rt.List(scan, loop))
	start := rt.List(x.core("%recv-start"))
	run := rt.List(x.core("letrec"), rt.List(procs...), rt.List(scan))
	// The timeout is evaluated before the mailbox is looked at, so the
	// deadline counts from the entry to recv.
	if after != nil {
		return x.expand(rt.List(x.core("let"),
			rt.List(rt.List(deadline, rt.List(x.core("%deadline"), after[1]))), start, run), sc)
	}
	return x.expand(rt.List(x.core("begin"), start, run), sc)
}

// clauseChain compiles clauses into try, which writes the code trying them
// in order on the value of an identifier and running noMatch's code of it
// when none matches, and procs, the letrec bindings of the clause
// procedures that code calls. With accept, a match calls (%recv-accept)
// before its body.
func (x *expander) clauseChain(clauses []*matchClause, who string, sc *scope,
	noMatch func(rt.Value) rt.Value, accept bool) (try func(rt.Value) rt.Value, procs []rt.Value) {
	next := noMatch
	for i := len(clauses) - 1; i >= 0; i-- {
		c := clauses[i]
		onFail := next
		// noMatch's code is a call of a hygienic name: it may be copied to
		// every failure point. The next clause's code may be copied to the
		// only one, unless that one is the guard's, which runs inside the
		// scope of this clause's variables where the next clause's free
		// identifiers would be captured.
		if i < len(clauses)-1 && (c.guard != nil || x.countFailures(c, who, sc, accept) > 1) {
			m, proc := x.temp("m"), x.temp("try")
			procs = append(procs, rt.List(proc, rt.List(x.core("lambda"), rt.List(m), next(m))))
			onFail = func(v rt.Value) rt.Value { return rt.List(proc, v) }
		}
		next = func(v rt.Value) rt.Value {
			mt := &matcher{x: x, sc: sc, who: who, fail: func() rt.Value { return onFail(v) }}
			return mt.clause(c, v, accept)
		}
	}
	return next, procs
}

// countFailures returns the number of failure points of c's code.
func (x *expander) countFailures(c *matchClause, who string, sc *scope, accept bool) int {
	mt := &matcher{x: x, sc: sc, who: who, fail: func() rt.Value { return rt.False }}
	mt.clause(c, x.temp("v"), accept)
	return mt.failures
}

// letBody is (let BINDINGS BODY...), with an unspecified value when BODY is
// empty. A let rather than a begin, so that the body may define.
func (x *expander) letBody(bindings []rt.Value, body []rt.Value) rt.Value {
	if len(body) == 0 {
		body = []rt.Value{rt.Unspecified}
	}
	return rt.Cons(x.core("let"), rt.Cons(rt.List(bindings...), rt.List(body...)))
}

// matcher writes the code of one clause.
type matcher struct {
	x        *expander
	sc       *scope
	who      string
	fail     func() rt.Value // the code of a failure point
	failures int
	vars     []rt.Value // the pattern's variables, in order of first occurrence
	vals     []rt.Value // the temporaries holding their values
}

func (m *matcher) failure() rt.Value {
	m.failures++
	return m.fail()
}

// clause writes the code matching c against the value of identifier v.
func (m *matcher) clause(c *matchClause, v rt.Value, accept bool) rt.Value {
	x := m.x
	return m.pattern(c.pattern, v, func() rt.Value {
		body := c.body
		if accept {
			body = []rt.Value{rt.List(x.core("%recv-accept"))}
			if len(c.body) > 0 {
				body = append(body, x.letBody(nil, c.body))
			}
		}
		if c.guard != nil {
			body = []rt.Value{rt.List(x.core("if"), c.guard, x.letBody(nil, body), m.failure())}
		}
		binds := make([]rt.Value, len(m.vars))
		for i, id := range m.vars {
			binds[i] = rt.List(id, m.vals[i])
		}
		return x.letBody(binds, body)
	})
}

// pattern writes the code matching pattern p against the value of e, an
// identifier or an accessor of one ((car t), (vector-ref t 2)), and going
// on with k's code on success. An accessor is evaluated at most once.
func (m *matcher) pattern(p, e rt.Value, k func() rt.Value) rt.Value {
	x := m.x
	switch q := p.(type) {
	case *rt.Symbol, *Ident:
		if x.isGlobalName(q, m.sc, "_") {
			return k()
		}
		if x.isGlobalName(q, m.sc, "...") {
			x.errorf(p, "%s: ellipsis patterns are not supported", m.who)
		}
		for i, id := range m.vars {
			if id == p { // a repeated variable: a test, not a binding
				return m.test(rt.List(x.core("equal?"), m.vals[i], e), k)
			}
		}
		return m.withTemp(e, "x", func(t rt.Value) rt.Value {
			m.vars = append(m.vars, p)
			m.vals = append(m.vals, t)
			return k()
		})
	case *rt.Pair:
		switch {
		case x.isGlobalName(q.Car, m.sc, "quote"):
			return m.test(m.same(e, m.argument(q)), k)
		case x.isGlobalName(q.Car, m.sc, "unquote"):
			return m.test(rt.List(x.core("equal?"), e, m.argument(q)), k)
		case x.isGlobalName(q.Car, m.sc, "unquote-splicing"), x.isGlobalName(q.Car, m.sc, "quasiquote"):
			x.errorf(p, "%s: bad pattern", m.who)
		}
		return m.withTemp(e, "p", func(t rt.Value) rt.Value {
			return m.test(rt.List(x.core("pair?"), t), func() rt.Value {
				return m.pattern(q.Car, rt.List(x.core("car"), t), func() rt.Value {
					return m.pattern(q.Cdr, rt.List(x.core("cdr"), t), k)
				})
			})
		})
	case *rt.Vector:
		return m.withTemp(e, "vec", func(t rt.Value) rt.Value {
			var items func(i int) rt.Value
			items = func(i int) rt.Value {
				if i == len(q.Items) {
					return k()
				}
				ref := rt.List(x.core("vector-ref"), t, rt.MakeFixnum(int64(i)))
				return m.pattern(q.Items[i], ref, func() rt.Value { return items(i + 1) })
			}
			return m.test(rt.List(x.core("vector?"), t), func() rt.Value {
				n := rt.List(x.core("vector-length"), t)
				return m.test(rt.List(x.core("eq?"), n, rt.MakeFixnum(int64(len(q.Items)))), func() rt.Value {
					return items(0)
				})
			})
		})
	}
	if p == rt.Null {
		return m.test(rt.List(x.core("null?"), e), k)
	}
	return m.test(m.same(e, p), k) // a literal: number, string, char, boolean...
}

// argument returns the operand of (quote d) or (unquote e).
func (m *matcher) argument(p *rt.Pair) rt.Value {
	rest, ok := p.Cdr.(*rt.Pair)
	if !ok || rest.Cdr != rt.Null {
		m.x.errorf(p, "%s: bad pattern", m.who)
	}
	return rest.Car
}

// same is the test that e is equal? to datum d, with eq?, an inlined
// instruction, for the data that eq? compares by value.
func (m *matcher) same(e, d rt.Value) rt.Value {
	x := m.x
	if d == rt.Null {
		return rt.List(x.core("null?"), e)
	}
	op := "equal?"
	switch d.(type) {
	case *rt.Symbol, *Ident, rt.Boolean, rt.Char, rt.Fixnum, rt.Flonum:
		op = "eq?"
	}
	return rt.List(x.core(op), e, rt.List(x.core("quote"), d))
}

// test is (if TEST k's code <failure>).
func (m *matcher) test(test rt.Value, k func() rt.Value) rt.Value {
	ok := k()
	return rt.List(m.x.core("if"), test, ok, m.failure())
}

// withTemp calls body with an identifier holding the value of e: e itself
// if it is one, else a temporary bound around body's code.
func (m *matcher) withTemp(e rt.Value, name string, body func(t rt.Value) rt.Value) rt.Value {
	if isIdentifier(e) {
		return body(e)
	}
	t := m.x.temp(name)
	return rt.List(m.x.core("let"), rt.List(rt.List(t, e)), body(t))
}
