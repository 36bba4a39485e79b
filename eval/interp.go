package eval

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync/atomic"

	"termite/reader"
	rt "termite/runtime"
)

// Options configure an interpreter.
type Options struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Args           []string // what (command-line) returns
	LibDirs        []string // library search path (-I)
}

// Interp is one interpreter: a global environment and the machine that
// runs code in it. It is not safe for concurrent use, except Interrupt.
type Interp struct {
	opts        Options
	globals     map[*rt.Symbol]*Global
	syntax      map[*rt.Symbol]*binding
	specialName map[*binding]string

	// globals the machine itself calls
	raiseProc    *Global // raise: errors detected by the machine
	windAndThrow *Global // %wind-and-throw: continuation calls that cross dynamic-wind
	runForms     *Global // %run-forms: the top-level driver

	// frozen holds, for each global that the system library refers to,
	// a private cell with the value it had then, so that a program that
	// redefines car does not change how map or the driver work.
	frozen map[*Global]*Global

	interrupted atomic.Bool
	wake        chan struct{} // wakes an idle scheduler on interrupt
	main        *machine
	sched       *scheduler
}

// New returns an interpreter with the core forms and the machine's own
// primitives (apply, call/cc, values, ...) defined; stdlib.Install adds
// the rest.
func New(opts Options) *Interp {
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	in := &Interp{
		opts:        opts,
		globals:     make(map[*rt.Symbol]*Global),
		syntax:      make(map[*rt.Symbol]*binding),
		specialName: make(map[*binding]string),
		frozen:      make(map[*Global]*Global),
		wake:        make(chan struct{}, 1),
	}
	for name, f := range specialForms {
		b := &binding{kind: bindSpecial, name: rt.Intern(name), special: f}
		in.syntax[rt.Intern(name)] = b
		in.specialName[b] = name
	}
	in.raiseProc = in.global(rt.Intern("raise"))
	in.windAndThrow = in.global(rt.Intern("%wind-and-throw"))
	in.runForms = in.global(rt.Intern("%run-forms"))
	for _, c := range controlPrims {
		in.Define(c.name, c)
	}
	for _, p := range builtins(in) {
		in.DefinePrimitive(p)
	}
	in.main = newMachine(in)
	in.sched = newScheduler(in)
	for _, p := range processPrimitives(in) {
		in.DefinePrimitive(p)
	}
	in.Define("%recv-timeout", recvTimeout)
	return in
}

// driverSource runs the forms of a script one after the other: the frame
// of %run-forms is the continuation "rest of the script", as data. It is
// compiled on first use, once the library has defined car and cdr.
const driverSource = `
(lambda (forms src last)
  (if (null? forms)
      last
      (%run-forms (cdr forms) src ((%compile-toplevel (car forms) src)))))`

// driver returns %run-forms, compiling it on first use.
func (in *Interp) driver() (rt.Value, error) {
	if in.runForms.Value != nil {
		return in.runForms.Value, nil
	}
	form, err := reader.New([]byte(driverSource), "<driver>").Read()
	if err != nil {
		return nil, err
	}
	thunk, errObj := in.compileTop(form, &source{file: "<driver>"})
	if errObj != nil {
		return nil, &SchemeError{Obj: errObj}
	}
	m := newMachine(in)
	m.setup(thunk, nil)
	v, err := m.runAlone()
	if err != nil {
		return nil, err
	}
	in.runForms.Value = v
	return v, nil
}

// Options returns the options the interpreter was made with.
func (in *Interp) Options() Options { return in.opts }

// global returns the global cell of sym, creating it unbound.
func (in *Interp) global(sym *rt.Symbol) *Global {
	g, ok := in.globals[sym]
	if !ok {
		g = &Global{Name: sym}
		in.globals[sym] = g
	}
	return g
}

// bound returns the cell that code refers to for global g: g itself for
// user code; for the system library's code (internal), a private copy of
// g once g is bound, so that the library keeps the meaning it was written
// against (as an R7RS library's imports would).
func (in *Interp) bound(g *Global, internal bool) *Global {
	if !internal || g.Value == nil {
		return g
	}
	f, ok := in.frozen[g]
	if !ok || f.Value != g.Value {
		f = &Global{Name: g.Name, Value: g.Value, inline: g.inline}
		in.frozen[g] = f
	}
	return f
}

// Define binds a global variable.
func (in *Interp) Define(name string, v rt.Value) {
	g := in.global(rt.Intern(name))
	g.Value = v
	g.inline = false
	delete(in.syntax, g.Name)
}

// DefinePrimitive binds p under its name. Calls to it may be compiled to
// direct calls (no procedure lookup) while the global keeps this value.
func (in *Interp) DefinePrimitive(p *rt.Primitive) {
	in.Define(p.Name, p)
	in.global(rt.Intern(p.Name)).inline = true
}

// Lookup returns the value of a global variable, and false if unbound.
func (in *Interp) Lookup(name string) (rt.Value, bool) {
	g, ok := in.globals[rt.Intern(name)]
	if !ok || g.Value == nil {
		return nil, false
	}
	return g.Value, true
}

// RunFile reads the whole file, then runs its forms in order. A syntax
// error anywhere is returned as a *reader.Error before anything runs.
func (in *Interp) RunFile(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	_, err = in.RunSource(src, path)
	return err
}

// RunSource is RunFile on text in memory; file names it in messages. It
// returns the value of the last form.
func (in *Interp) RunSource(src []byte, file string) (rt.Value, error) {
	forms, pos, err := reader.ReadAll(src, file)
	if err != nil {
		return nil, err
	}
	driver, err := in.driver()
	if err != nil {
		return nil, err
	}
	return in.Apply(driver, rt.List(forms...), &source{file: file, pos: pos}, rt.Unspecified)
}

// Apply calls proc on args in the main process and returns its value.
// The other processes run while it does; when the main process is done,
// they stay suspended until the next Apply.
func (in *Interp) Apply(proc rt.Value, args ...rt.Value) (rt.Value, error) {
	in.interrupted.Store(false)
	in.main.setup(proc, args)
	return in.sched.runMain()
}

// Interrupt makes the running evaluation stop with an Interrupted error
// at its next checkpoint. It may be called from any goroutine.
func (in *Interp) Interrupt() {
	in.interrupted.Store(true)
	select {
	case in.wake <- struct{}{}:
	default:
	}
}

// source is the text a top-level form came from: where its pairs are.
type source struct {
	file string
	pos  rt.Positions
}

// OpaqueString prints a source.
func (s *source) OpaqueString() string { return "#<source " + s.file + ">" }

// compileTop expands and compiles a top-level form into a thunk. A syntax
// error comes back as an error object to raise.
func (in *Interp) compileTop(form rt.Value, src *source) (thunk *Closure, errObj rt.Value) {
	x := &expander{in: in}
	internal := false
	if src != nil {
		x.pos = src.pos
		internal = strings.HasPrefix(src.file, "<")
	}
	fn := &lambdaNode{top: true}
	sc := newScope(nil, fn)
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*syntaxError)
			if !ok {
				// A broken invariant of the expander or compiler.
				se = &syntaxError{msg: fmt.Sprintf("internal error: %v", r), form: form, pos: x.here}
			}
			e := rt.NewError(se.msg, se.form)
			e.Pos = se.pos
			thunk, errObj = nil, e
		}
	}()
	fn.body = x.expandTop(form, sc)
	if p, ok := form.(*rt.Pair); ok {
		fn.pos = x.pos[p]
	}
	code := in.compileLambda(fn, internal)
	return &Closure{Code: code}, nil
}

// unboundError is the error for a reference to unbound global g, with
// the bound names closest to it as suggestions.
func (in *Interp) unboundError(g *Global) *rt.ErrorObject {
	e := rt.NewError("unbound variable", g.Name)
	name := g.Name.Name
	type cand struct {
		name string
		d    int
	}
	var cands []cand
	limit := 1 + len(name)/4
	for sym, h := range in.globals {
		if h.Value == nil || strings.HasPrefix(sym.Name, "%") {
			continue
		}
		if d := editDistance(name, sym.Name); d <= limit {
			cands = append(cands, cand{sym.Name, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].name < cands[j].name
	})
	if len(cands) > 3 {
		cands = cands[:3]
	}
	if len(cands) > 0 {
		var names []string
		for _, c := range cands {
			names = append(names, c.name)
		}
		e.Hint = "did you mean " + strings.Join(names, " or ") + "?"
	}
	return e
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// IsSyntaxError reports whether err is a reader error (exit status 65).
func IsSyntaxError(err error) bool {
	var re *reader.Error
	return errors.As(err, &re)
}
