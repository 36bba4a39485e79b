package eval

import rt "termite/runtime"

// expr is expanded code: what the expander hands to the compiler. Every
// variable reference is already resolved to a binding or a global.
type expr interface{}

type (
	constExpr struct{ v rt.Value }
	localRef  struct{ b *binding }
	globalRef struct {
		g    *Global
		pos  rt.Pos
		core bool // inserted by a derived form or a library macro: means the standard binding
	}
	setLocal struct {
		b   *binding
		val expr
	}
	setGlobal struct {
		g      *Global
		val    expr
		define bool
		pos    rt.Pos
	}
	ifExpr struct{ test, then, els expr }
	// orExpr is (or a b): a's value if true, else b's (b may be another
	// orExpr). The compiler branches on a without keeping it in a
	// variable.
	orExpr   struct{ a, b expr }
	seqExpr  struct{ body []expr }
	callExpr struct {
		fn   expr
		args []expr
		pos  rt.Pos
	}
	// letCCExpr is (call/cc (lambda (k) body...)) with the standard
	// call/cc: body runs in the current frame with k bound to the
	// continuation, and no receiver is made or called. fallback is the
	// same call made plainly, for when the program has redefined call/cc
	// by the time it runs.
	letCCExpr struct {
		k        *binding
		body     expr
		fallback *callExpr
	}
	// letExpr binds variables of the current frame and runs items in
	// order; an item with a binding stores its value there. The value of
	// the last item is the value of the whole. rec is true for letrec*
	// (and bodies with internal definitions): the bindings are visible to
	// the inits.
	letExpr struct {
		binds []*binding
		items []letItem
		rec   bool
		// lambdas created while expanding the items up to the last init,
		// numbered by lambdaExpr.seq: [initFrom, initTo)
		initFrom, initTo int
	}
	lambdaExpr struct {
		name   string
		params []*binding // required parameters, then the rest parameter
		rest   bool
		body   expr
		parent *lambdaExpr
		seq    int // creation order within the expansion
		locals []*binding
		free   []*binding
		freeAt map[*binding]int
		pos    rt.Pos
		top    bool     // the thunk of a top-level form
		self   *binding // the letrec variable bound to it, if any
	}
)

type letItem struct {
	b *binding // nil for an expression whose value is dropped or returned
	e expr
}

// newLocal makes a variable in fn's frame.
func (fn *lambdaExpr) newLocal(id rt.Value) *binding {
	b := &binding{kind: bindLocal, name: id, owner: fn, slot: len(fn.locals)}
	fn.locals = append(fn.locals, b)
	return b
}

// capture records that b is used inside fn, which is nested in b's owner:
// every lambda from fn out to the owner gets b as a free variable.
func (fn *lambdaExpr) capture(b *binding) {
	b.captured = true
	f := fn
	for ; f.parent != b.owner; f = f.parent {
		f.addFree(b)
	}
	f.addFree(b)
	for _, c := range b.capturers {
		if c == f {
			return
		}
	}
	b.capturers = append(b.capturers, f)
}

func (fn *lambdaExpr) addFree(b *binding) {
	if _, ok := fn.freeAt[b]; ok {
		return
	}
	if fn.freeAt == nil {
		fn.freeAt = make(map[*binding]int)
	}
	fn.freeAt[b] = len(fn.free)
	fn.free = append(fn.free, b)
}
