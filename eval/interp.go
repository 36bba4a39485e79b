package eval

import (
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
	// Session makes the main process live on from one evaluation to the
	// next, as a REPL's does: its mailbox, links and monitors stay, and
	// an error ends the evaluation, not the process.
	Session bool
	// OnIdle, if set, runs on the interpreter's goroutine each time every
	// process waits (to flush output, say).
	OnIdle func()
	// MaxStack bounds the stack of each process, in slots of 16 bytes
	// (frame records come on top, about one for every three slots): a
	// deeper recursion raises a stack overflow error. 0 means
	// DefaultMaxStack.
	MaxStack int
	// MaxSource bounds the size of a source file (a script, a library,
	// what load and include read), in bytes. 0 means DefaultMaxSource.
	MaxSource int
}

// DefaultMaxSource is the size limit of source text when Options sets
// none.
const DefaultMaxSource = 64 << 20

// SourceTooBig is the error of source text over the limit.
type SourceTooBig struct {
	Name  string
	Limit int
}

func (e *SourceTooBig) Error() string {
	return fmt.Sprintf("%s: over the limit of %s of source text", e.Name, byteSize(e.Limit))
}

// byteSize writes a limit of n bytes for error messages.
func byteSize(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadSource reads all of r, the source text named name, and refuses
// more than limit bytes: a file that never ends (/dev/zero) must fail
// instead of taking all memory.
func ReadSource(r io.Reader, name string, limit int) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err == nil && len(src) > limit {
		err = &SourceTooBig{name, limit}
	}
	return src, err
}

// readSourceFile reads the source file at path, within Options.MaxSource.
func (in *Interp) readSourceFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadSource(f, path, in.opts.MaxSource)
}

// DefaultMaxStack is the stack limit of a process when Options sets
// none: 256 MiB of slots, a recursion millions of calls deep (over five
// million for a one-argument procedure that adds to its result).
const DefaultMaxStack = 1 << 24

// Interp is one interpreter: a global environment and the machine that
// runs code in it. It is not safe for concurrent use, except Interrupt.
type Interp struct {
	opts        Options
	system      *Environment // the standard library's definitions
	program     *Environment // the program's top level; its parent is system
	specialName map[*binding]string

	// globals the machine itself calls
	raiseProc    *Global // raise: errors detected by the machine
	windAndThrow *Global // %wind-and-throw: continuation calls that cross dynamic-wind
	runForms     *Global // %run-forms: the top-level driver

	scanProc rt.Value // what a call of %recv-scan as a value calls (see recvScanProc)

	// redefined is set once a variable whose primitive has an instruction
	// of its own (inlineOps) is assigned. Until then the machine skips the
	// look at each one's Global.inline.
	redefined bool

	// frozen holds, for each global that the system library refers to,
	// a private cell with the value it had then, so that a program that
	// redefines car does not change how map or the driver work.
	frozen map[*Global]*Global
	sealed bool // the library is loaded: frozen cells no longer follow their globals

	libraries map[string]*library         // by written name
	provided  map[string]bool             // names of libraries that are the system environment
	loading   map[string]bool             // library files being loaded (to catch cycles)
	autoloads map[*rt.Symbol]autoloadName // the files to run on first use, by the names they define
	// libraryLoads counts the autoloads' files that have run (see
	// LibraryLoads).
	libraryLoads int

	interrupted atomic.Bool
	wake        chan struct{} // wakes an idle scheduler on interrupt
	posts       chan func()   // work of other goroutines for this one (Post)
	net         Network       // other nodes; nil until connected
	attached    map[any]any   // state other packages keep per interpreter
	main        *machine
	sched       *scheduler
}

// librarySize is room for the standard library's variables, which come
// in the hundreds (those that load at start, and as many that load on
// first use): maps made at that size do not grow, over and over, while it
// loads.
const librarySize = 1024

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
	if opts.MaxStack <= 0 {
		opts.MaxStack = DefaultMaxStack
	}
	if opts.MaxSource <= 0 {
		opts.MaxSource = DefaultMaxSource
	}
	in := &Interp{
		opts:        opts,
		system:      newEnvironment("system", nil, librarySize),
		specialName: make(map[*binding]string),
		libraries:   make(map[string]*library),
		provided:    make(map[string]bool),
		loading:     make(map[string]bool),
		autoloads:   make(map[*rt.Symbol]autoloadName, librarySize),
		frozen:      make(map[*Global]*Global),
		wake:        make(chan struct{}, 1),
		posts:       make(chan func(), 256),
	}
	for name, f := range specialForms {
		b := &binding{kind: bindSpecial, name: rt.Intern(name), special: f}
		in.system.defineSyntax(rt.Intern(name), b)
		in.specialName[b] = name
	}
	in.system.autoload = in.autoload
	in.program = newEnvironment("program", in.system, 0)
	for _, name := range standardLibraries {
		in.ProvideLibrary(name)
	}
	in.raiseProc = in.system.define(rt.Intern("raise"))
	in.windAndThrow = in.system.define(rt.Intern("%wind-and-throw"))
	in.runForms = in.system.define(rt.Intern("%run-forms"))
	for _, c := range controlPrims {
		in.Define(c.name, c)
		// call/cc, %recv-next and %recv-scan have instructions of their
		// own, used while their globals hold them.
		in.system.define(rt.Intern(c.name)).inline = c.op == ctlCallCC || c.op == ctlRecvNext || c.op == ctlRecvScan
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
// compiled on first use, once the library has defined car and cdr. It
// calls itself through a local name: %run-forms is not bound yet when it
// is compiled, so a reference to it would follow the program's set!.
const driverSource = `
(letrec ((run-forms
          (lambda (forms src last)
            (if (null? forms)
                last
                (run-forms (cdr forms) src ((%compile-toplevel forms src)))))))
  run-forms)`

// driver returns %run-forms, compiling it on first use.
func (in *Interp) driver() (rt.Value, error) {
	if v := in.fixed(in.runForms); v != nil {
		return v, nil
	}
	v, err := in.systemValueOf(driverSource, "<driver>")
	if err != nil {
		return nil, err
	}
	in.runForms.Value = v
	return v, nil
}

// scanProcSource is where a call of %recv-scan as a value goes: the
// instruction that scans runs in a frame of its own code.
const scanProcSource = `(lambda (keep? deadline) (%recv-scan keep? deadline))`

// recvScanProc returns the procedure of scanProcSource, compiling it on
// first use.
func (in *Interp) recvScanProc() (rt.Value, error) {
	if in.scanProc == nil {
		v, err := in.systemValueOf(scanProcSource, "<recv-scan>")
		if err != nil {
			return nil, err
		}
		in.scanProc = v
	}
	return in.scanProc, nil
}

// systemValueOf returns the value of src, an expression of the system
// library's that cannot block, named file.
func (in *Interp) systemValueOf(src, file string) (rt.Value, error) {
	form, err := reader.New([]byte(src), file).Read()
	if err != nil {
		return nil, err
	}
	thunk, errObj := in.compileTop(form, &source{file: file, env: in.system})
	if errObj != nil {
		return nil, &SchemeError{Obj: errObj}
	}
	m := newMachine(in)
	m.setup(thunk, nil)
	return m.runAlone()
}

// Attach keeps v with the interpreter under key, for a package that needs
// state per interpreter (serialize's tables); a key type of the package's
// own keeps packages apart.
func (in *Interp) Attach(key, v any) {
	if in.attached == nil {
		in.attached = make(map[any]any)
	}
	in.attached[key] = v
}

// Attached returns what Attach kept under key, or nil.
func (in *Interp) Attached(key any) any { return in.attached[key] }

// Options returns the options the interpreter was made with.
func (in *Interp) Options() Options { return in.opts }

// global returns the cell that sym names at the program's top level (the
// program's own, or the standard library's), creating it unbound.
func (in *Interp) global(sym *rt.Symbol) *Global {
	return in.program.cell(sym)
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
	if !ok || (!in.sealed && f.Value != g.Value) {
		f = &Global{Name: g.Name, Value: g.Value, inline: g.inline, home: g.home}
		in.frozen[g] = f
	}
	return f
}

// fixed returns the value of g, a variable of the system environment, as
// the library's own code sees it: once the library is sealed, the frozen
// cell's. The machine calls raise, %wind-and-throw and %run-forms through
// it, so that a program that assigns or redefines them changes neither how
// errors are raised nor how continuations unwind.
func (in *Interp) fixed(g *Global) rt.Value {
	if f, ok := in.frozen[g]; ok && in.sealed {
		return f.Value
	}
	return g.Value
}

// Define binds a variable of the standard library (the system
// environment, which the program sees).
func (in *Interp) Define(name string, v rt.Value) {
	g := in.system.define(rt.Intern(name))
	g.Value = v
	in.uninline(g)
}

// uninline notes that g no longer holds the primitive that calls of it
// are compiled for: they must now call its value. Only a primitive with
// an instruction of its own makes the machine look at every one (see
// redefined): the standard library itself redefines member and assoc.
func (in *Interp) uninline(g *Global) {
	if g.inline {
		g.inline = false
		if _, ok := inlineOps[g.Name.Name]; ok {
			in.redefined = true
		}
	}
}

// DefinePrimitive binds p under its name. Calls to it may be compiled to
// direct calls (no procedure lookup) while the global keeps this value.
func (in *Interp) DefinePrimitive(p *rt.Primitive) {
	in.Define(p.Name, p)
	in.system.define(rt.Intern(p.Name)).inline = true
}

// Lookup returns the value of a variable at the program's top level, and
// false if unbound.
func (in *Interp) Lookup(name string) (rt.Value, bool) {
	g := in.program.find(rt.Intern(name))
	if g == nil || g.Value == nil {
		return nil, false
	}
	return g.Value, true
}

// RunFile reads the whole file, then runs its forms in order. A syntax
// error anywhere is returned as a *reader.Error before anything runs.
func (in *Interp) RunFile(path string) error {
	src, err := in.readSourceFile(path)
	if err != nil {
		return err
	}
	_, err = in.RunSource(src, path)
	return err
}

// RunSource is RunFile on text in memory; file names it in messages. It
// returns the value of the last form.
func (in *Interp) RunSource(src []byte, file string) (rt.Value, error) {
	forms, pos, err := reader.ReadForms(src, file)
	if err != nil {
		return nil, err
	}
	in.seal()
	return in.run(forms, &source{file: file, pos: pos, env: in.program})
}

// seal records the value of every standard binding, once the library is
// loaded and before the program runs: what the library's code and the
// derived forms refer to from then on, whatever the program redefines.
func (in *Interp) seal() {
	if in.sealed {
		return
	}
	for _, g := range in.system.vars {
		in.bound(g, true)
	}
	in.sealed = true
}

// RunSystemSource runs text that defines part of the standard library, in
// the system environment: its code is internal (hidden in backtraces,
// immune to the program's redefinitions).
func (in *Interp) RunSystemSource(src []byte, file string) error {
	forms, pos, err := reader.ReadForms(src, file)
	if err != nil {
		return err
	}
	_, err = in.run(forms, &source{file: file, pos: pos, env: in.system})
	return err
}

// run runs forms, a list from reader.ReadForms, one after the other in
// the main process.
func (in *Interp) run(forms rt.Value, src *source) (rt.Value, error) {
	driver, err := in.driver()
	if err != nil {
		return nil, err
	}
	return in.Apply(driver, forms, src, rt.Unspecified)
}

// runFormsAlone compiles and runs forms one by one, each on a machine of
// its own outside the scheduler (see machine.runAlone).
func (in *Interp) runFormsAlone(forms []rt.Value, src *source) error {
	for _, form := range forms {
		thunk, errObj := in.compileTop(form, src)
		if errObj != nil {
			return &SchemeError{Obj: errObj}
		}
		m := newMachine(in)
		m.setup(thunk, nil)
		if _, err := m.runAlone(); err != nil {
			return err
		}
	}
	return nil
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
	env  *Environment // where its top level is
}

// OpaqueString prints a source.
func (s *source) OpaqueString() string { return "#<source " + s.file + ">" }

// compileTop expands and compiles a top-level form into a thunk. A syntax
// error comes back as an error object to raise.
func (in *Interp) compileTop(form rt.Value, src *source) (thunk *Closure, errObj rt.Value) {
	return in.compileTopAt(form, src, rt.Pos{})
}

// compileTopAt is compileTop for a form at position at, which an atom
// has no other way to tell.
func (in *Interp) compileTopAt(form rt.Value, src *source, at rt.Pos) (thunk *Closure, errObj rt.Value) {
	x := &expander{in: in, here: at}
	env := in.program
	if src != nil {
		x.pos = src.pos
		env = src.env
	}
	internal := env == in.system
	fn := &lambdaExpr{top: true}
	sc := newScope(nil, fn)
	sc.env = env
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(Interrupted); ok {
				// Ctrl-C during the expansion: raising it stops the
				// machine (see machine.raise).
				thunk, errObj = nil, r
				return
			}
			se, ok := r.(*syntaxError)
			if !ok {
				// A broken invariant of the expander or compiler.
				se = &syntaxError{msg: fmt.Sprintf("internal error: %v", r), form: form, pos: x.here}
			}
			irritants := se.irritants
			if irritants == nil {
				irritants = []rt.Value{se.form}
			}
			e := rt.NewError(se.msg, irritants...)
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
// the names closest to it as suggestions.
func (in *Interp) unboundError(g *Global) *rt.ErrorObject {
	e := rt.NewError("unbound variable", g.Name)
	name := g.Name.Name
	type cand struct {
		name string
		rank int // the edit distance; past limit for an abbreviation
	}
	var cands []cand
	seen := map[string]bool{}
	limit := max(1, len(name)/3)
	consider := func(sym *rt.Symbol) {
		c := sym.Name
		if seen[c] || strings.HasPrefix(c, "%") {
			return
		}
		seen[c] = true
		if d := editDistance(name, c); d <= limit && d < len(name) {
			cands = append(cands, cand{c, d})
		} else if abbreviates(c, name) {
			cands = append(cands, cand{c, limit + 1})
		}
	}
	// The names the reference could have meant, variables and keywords:
	// those of the environment it was made in (one made by environment
	// has no name: the program's then).
	env, ok := in.environmentNamed(g.home)
	if !ok {
		env = in.program
	}
	in.visible(env, consider)
	// Closest first; among equals, the length nearest the name's.
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		da, db := abs(len(a.name)-len(name)), abs(len(b.name)-len(name))
		if da != db {
			return da < db
		}
		return a.name < b.name
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

func abs(n int) int { return max(n, -n) }

// abbreviates reports whether c, shorter than name but at least half as
// long, begins with name's first 3 letters and has the rest of its
// letters in name in order, as recv abbreviates a misspelt receive
// (recieve).
func abbreviates(c, name string) bool {
	if len(c) < 3 || 2*len(c) < len(name) || len(c) >= len(name) || c[:3] != name[:3] {
		return false
	}
	i := 3
	for j := 3; j < len(name) && i < len(c); j++ {
		if name[j] == c[i] {
			i++
		}
	}
	return i == len(c)
}

// editDistance is the optimal string alignment distance between a and b:
// the least number of insertions, deletions, substitutions and swaps of
// two neighbours that make one the other (spwan is one from spawn).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows: the one two before, the previous one, the current one.
	pprev := make([]int, len(rb)+1)
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
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pprev[j-2]+1)
			}
		}
		pprev, prev, cur = prev, cur, pprev
	}
	return prev[len(rb)]
}
