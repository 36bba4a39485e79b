package eval

import (
	rt "termite/runtime"
)

// syntaxRules is a syntax-rules transformer (R7RS 4.3.2): patterns matched
// against the use, templates instantiated with the pattern variables, and
// every other template identifier renamed into the macro's defining scope.
type syntaxRules struct {
	env      *scope
	ellipsis rt.Value // nil: the standard ...
	literals []rt.Value
	rules    [][2]rt.Value // pattern (without the keyword), template
	// notEllipsis holds the identifiers named ... of the rules that are
	// bound where the macro is defined, as a variable or another keyword:
	// there they are ordinary identifiers, not the ellipsis (R7RS 4.3.2
	// compares identifiers by their binding).
	notEllipsis map[rt.Value]bool
}

// mtree is what a pattern variable matched: a datum at depth 0, or one
// mtree per repetition under an ellipsis.
type mtree struct {
	seq   bool
	datum rt.Value
	items []*mtree
}

type matchEnv map[rt.Value]*mtree

func (x *expander) parseSyntaxRules(f *rt.Pair, sc *scope) *syntaxRules {
	args := x.list(f.Cdr, f)
	m := &syntaxRules{env: sc}
	if len(args) > 0 && isIdentifier(args[0]) {
		m.ellipsis = args[0]
		args = args[1:]
	}
	if len(args) < 1 {
		x.errorf(f, "syntax-rules: missing literals list")
	}
	for _, lit := range x.list(args[0], f) {
		if !isIdentifier(lit) {
			x.errorf(f, "syntax-rules: literal is not an identifier")
		}
		m.literals = append(m.literals, lit)
	}
	for _, r := range args[1:] {
		parts, ok := rt.ListToSlice(r)
		if !ok || len(parts) != 2 {
			x.errorf(f, "syntax-rules: a rule is (pattern template), got %s", rt.WriteString(stripSyntax(r)))
		}
		pat, ok := parts[0].(*rt.Pair)
		if !ok {
			x.errorf(f, "syntax-rules: pattern must be a list, got %s", rt.WriteString(stripSyntax(parts[0])))
		}
		if circular(pat) {
			x.errorf(r, "circular code")
		}
		m.rules = append(m.rules, [2]rt.Value{pat.Cdr, parts[1]})
		if m.ellipsis == nil {
			x.shadowedEllipses(r, sc, m, make(map[rt.Value]bool))
		}
	}
	return m
}

// shadowedEllipses adds to m.notEllipsis the identifiers named ... in v
// that sc binds to something other than the ellipsis. seen holds the
// pairs and vectors walked already: a quoted datum may be circular.
func (x *expander) shadowedEllipses(v rt.Value, sc *scope, m *syntaxRules, seen map[rt.Value]bool) {
	switch t := v.(type) {
	case *rt.Symbol, *Ident:
		if baseSymbol(t).Name != "..." {
			return
		}
		if b := x.lookup(t, sc); b != nil && x.in.specialName[b] != "..." {
			if m.notEllipsis == nil {
				m.notEllipsis = make(map[rt.Value]bool)
			}
			m.notEllipsis[t] = true
		}
	case *rt.Pair, *rt.Vector:
		if seen[t] {
			return
		}
		seen[t] = true
		if p, ok := t.(*rt.Pair); ok {
			x.shadowedEllipses(p.Car, sc, m, seen)
			x.shadowedEllipses(p.Cdr, sc, m, seen)
			return
		}
		for _, e := range t.(*rt.Vector).Items {
			x.shadowedEllipses(e, sc, m, seen)
		}
	}
}

func (m *syntaxRules) isEllipsis(v rt.Value) bool {
	if m.ellipsis != nil {
		return v == m.ellipsis
	}
	return isIdentifier(v) && baseSymbol(v).Name == "..." && !m.isLiteral(v) && !m.notEllipsis[v]
}

func (m *syntaxRules) isLiteral(v rt.Value) bool {
	for _, l := range m.literals {
		if l == v {
			return true
		}
	}
	return false
}

func (m *syntaxRules) transform(x *expander, form rt.Value, use *scope) rt.Value {
	f := form.(*rt.Pair)
	for _, r := range m.rules {
		b := matchEnv{}
		if m.match(x, r[0], f.Cdr, use, b) {
			return m.instantiate(x, r[1], b, &expansion{renames: map[rt.Value]rt.Value{}, active: map[*rt.Pair]*rt.Pair{}}, false)
		}
	}
	x.errorf(form, "no syntax-rules pattern of %s matches %s", baseSymbol(f.Car).Name, rt.WriteString(stripSyntax(form)))
	return nil
}

func (m *syntaxRules) match(x *expander, pat, form rt.Value, use *scope, b matchEnv) bool {
	switch p := pat.(type) {
	case *rt.Symbol, *Ident:
		if m.isLiteral(p) {
			return isIdentifier(form) && x.sameIdentifier(form, use, p, m.env)
		}
		if baseSymbol(p).Name == "_" {
			return true
		}
		b[p] = &mtree{datum: form}
		return true
	case *rt.Pair:
		if next, ok := p.Cdr.(*rt.Pair); ok && m.isEllipsis(next.Car) {
			return m.matchEllipsis(x, p.Car, next.Cdr, form, use, b)
		}
		fp, ok := form.(*rt.Pair)
		return ok && m.match(x, p.Car, fp.Car, use, b) && m.match(x, p.Cdr, fp.Cdr, use, b)
	case *rt.Vector:
		fv, ok := form.(*rt.Vector)
		return ok && m.match(x, rt.List(p.Items...), rt.List(fv.Items...), use, b)
	}
	if pat == rt.Null {
		return form == rt.Null
	}
	return rt.Equal(pat, form)
}

// matchEllipsis matches (sub <ellipsis> . tail) against form: as many
// repetitions of sub as leave enough pairs for tail's own pairs.
func (m *syntaxRules) matchEllipsis(x *expander, sub, tail, form rt.Value, use *scope, b matchEnv) bool {
	tailPairs := 0
	for t := tail; ; {
		tp, ok := t.(*rt.Pair)
		if !ok {
			break
		}
		tailPairs++
		t = tp.Cdr
	}
	var items []rt.Value
	f, slow := form, form
	for i := 0; ; i++ {
		fp, ok := f.(*rt.Pair)
		if !ok {
			break
		}
		items = append(items, fp.Car)
		f = fp.Cdr
		if i&1 == 1 {
			if slow = slow.(*rt.Pair).Cdr; slow == f {
				x.errorf(form, "circular code")
			}
		}
	}
	n := len(items) - tailPairs
	if n < 0 {
		return false
	}
	vars := m.patternVars(sub, nil)
	seqs := make([]*mtree, len(vars))
	for i, v := range vars {
		seqs[i] = &mtree{seq: true}
		b[v] = seqs[i]
	}
	rest := form
	for k := 0; k < n; k++ {
		rp := rest.(*rt.Pair)
		sb := matchEnv{}
		if !m.match(x, sub, rp.Car, use, sb) {
			return false
		}
		for i, v := range vars {
			seqs[i].items = append(seqs[i].items, sb[v])
		}
		rest = rp.Cdr
	}
	return m.match(x, tail, rest, use, b)
}

// patternVars lists the pattern variables of pat.
func (m *syntaxRules) patternVars(pat rt.Value, acc []rt.Value) []rt.Value {
	switch p := pat.(type) {
	case *rt.Symbol, *Ident:
		if !m.isLiteral(p) && !m.isEllipsis(p) && baseSymbol(p).Name != "_" {
			acc = append(acc, p)
		}
	case *rt.Pair:
		acc = m.patternVars(p.Car, acc)
		acc = m.patternVars(p.Cdr, acc)
	case *rt.Vector:
		for _, e := range p.Items {
			acc = m.patternVars(e, acc)
		}
	}
	return acc
}

// expansion is the state of one instantiation: renames maps each template
// identifier to its renamed form, the same one throughout an expansion;
// active maps the template pairs being instantiated to their copies, which
// ties the knot of a circular literal in a template.
type expansion struct {
	renames map[rt.Value]rt.Value
	active  map[*rt.Pair]*rt.Pair
}

// instantiate builds the expansion of tmpl. With literal set ((... ...)
// escape), ellipses are plain identifiers.
func (m *syntaxRules) instantiate(x *expander, tmpl rt.Value, b matchEnv, e *expansion, literal bool) rt.Value {
	switch t := tmpl.(type) {
	case *rt.Symbol, *Ident:
		if mt, ok := b[t]; ok {
			if mt.seq {
				x.errorf(rt.Null, "pattern variable %s used without an ellipsis", baseSymbol(t).Name)
			}
			return mt.datum
		}
		r, ok := e.renames[t]
		if !ok {
			r = &Ident{Name: t, Env: m.env}
			e.renames[t] = r
		}
		return r
	case *rt.Pair:
		if !literal && m.isEllipsis(t.Car) {
			if rest, ok := t.Cdr.(*rt.Pair); ok {
				return m.instantiate(x, rest.Car, b, e, true)
			}
		}
		next, ok := t.Cdr.(*rt.Pair)
		if literal || !ok || !m.isEllipsis(next.Car) {
			if r, ok := e.active[t]; ok {
				return r
			}
			r := &rt.Pair{}
			e.active[t] = r
			r.Car = m.instantiate(x, t.Car, b, e, literal)
			r.Cdr = m.instantiate(x, t.Cdr, b, e, literal)
			delete(e.active, t)
			return r
		}
		// sub <ellipsis> [<ellipsis> ...] . tail
		depth := 0
		after := t.Cdr
		for {
			ap, ok := after.(*rt.Pair)
			if !ok || !m.isEllipsis(ap.Car) {
				break
			}
			depth++
			after = ap.Cdr
		}
		items := m.repeat(x, t.Car, b, e, depth)
		return rt.ListWithTail(items, m.instantiate(x, after, b, e, literal))
	case *rt.Vector:
		l := m.instantiate(x, rt.List(t.Items...), b, e, literal)
		items, _ := rt.ListToSlice(l)
		return &rt.Vector{Items: items}
	}
	return tmpl
}

// repeat instantiates sub once per repetition of the sequence variables it
// uses, flattening depth levels of ellipsis.
func (m *syntaxRules) repeat(x *expander, sub rt.Value, b matchEnv, e *expansion, depth int) []rt.Value {
	var vars []rt.Value
	n := -1
	for _, v := range m.templateVars(sub, b, nil) {
		mt := b[v]
		if !mt.seq {
			continue
		}
		vars = append(vars, v)
		if n < 0 || len(mt.items) < n {
			n = len(mt.items)
		}
	}
	if len(vars) == 0 {
		x.errorf(rt.Null, "ellipsis in template follows no pattern variable bound under an ellipsis")
	}
	var out []rt.Value
	for i := 0; i < n; i++ {
		ib := make(matchEnv, len(b))
		for k, v := range b {
			ib[k] = v
		}
		for _, v := range vars {
			ib[v] = b[v].items[i]
		}
		if depth > 1 {
			out = append(out, m.repeat(x, sub, ib, e, depth-1)...)
		} else {
			out = append(out, m.instantiate(x, sub, ib, e, false))
		}
	}
	return out
}

// templateVars lists the pattern variables (keys of b) that occur in tmpl.
func (m *syntaxRules) templateVars(tmpl rt.Value, b matchEnv, acc []rt.Value) []rt.Value {
	switch t := tmpl.(type) {
	case *rt.Symbol, *Ident:
		if _, ok := b[t]; ok {
			for _, a := range acc {
				if a == t {
					return acc
				}
			}
			acc = append(acc, t)
		}
	case *rt.Pair:
		acc = m.templateVars(t.Car, b, acc)
		acc = m.templateVars(t.Cdr, b, acc)
	case *rt.Vector:
		for _, e := range t.Items {
			acc = m.templateVars(e, b, acc)
		}
	}
	return acc
}
