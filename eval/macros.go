package eval

import (
	"path/filepath"
	"runtime"
	"strings"

	"termite/reader"
	rt "termite/runtime"
)

// Non-hygienic macros, conditional expansion and inclusion: the forms
// whose expansion needs more than rewriting (running Scheme code, asking
// what the implementation supports, reading files).
func init() {
	specialForms["define-macro"] = expandMisplaced
	specialForms["cond-expand"] = expandCondExpand
	specialForms["include"] = expandInclude
	specialForms["include-ci"] = expandInclude
	specialForms["syntax-error"] = expandSyntaxError
}

// (syntax-error MESSAGE ARG ...) reports an error when it is expanded
// (R7RS 4.3.3), typically from a syntax-rules template.
func expandSyntaxError(x *expander, f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) == 0 {
		x.errorf(f, "syntax-error: missing message")
	}
	msg, ok := args[0].(*rt.String)
	if !ok {
		x.errorf(f, "syntax-error: the message must be a string")
	}
	irritants := make([]rt.Value, len(args)-1)
	for i, a := range args[1:] {
		irritants[i] = stripSyntax(a)
	}
	panic(&syntaxError{msg: msg.String(), form: stripSyntax(f), pos: x.posOf(f), irritants: irritants})
}

// procMacro is a define-macro transformer: a Scheme procedure applied to
// the operands of the use, whose result replaces it as is (Gambit's
// define-macro). It runs at expansion time on a machine of its own.
type procMacro struct {
	name string
	proc rt.Value
}

func (pm *procMacro) transform(x *expander, form rt.Value, use *scope) rt.Value {
	f := form.(*rt.Pair)
	args, ok := rt.ListToSlice(stripSyntax(f.Cdr))
	if !ok {
		x.errorf(form, "%s: bad macro use", pm.name)
	}
	m := newMachine(x.in)
	m.setup(pm.proc, args)
	v, err := m.runAlone()
	if err != nil {
		msg := err.Error()
		if se, ok := err.(*SchemeError); ok {
			msg = se.Message()
		}
		x.errorf(form, "%s: error while expanding: %s", pm.name, msg)
	}
	return v
}

// defineMacro handles (define-macro (name . params) body...) and
// (define-macro name transformer-expression): the transformer is
// evaluated now, in the global environment.
func (x *expander) defineMacro(f *rt.Pair, sc *scope, bind func(rt.Value, macro)) {
	args := x.list(f.Cdr, f)
	if len(args) < 2 {
		x.errorf(f, "define-macro: bad syntax")
	}
	var name, expr rt.Value
	if spec, ok := args[0].(*rt.Pair); ok {
		name = spec.Car
		expr = rt.Cons(x.core("lambda"), rt.Cons(spec.Cdr, rt.List(args[1:]...)))
	} else {
		name, expr = args[0], args[1]
	}
	if !isIdentifier(name) {
		x.errorf(f, "define-macro: bad name")
	}
	thunk, errObj := x.in.compileTop(expr, &source{file: x.here.File, pos: x.pos, env: x.topEnv(sc)})
	if errObj != nil {
		x.errorf(f, "define-macro: %s", rt.DisplayString(errObj))
	}
	m := newMachine(x.in)
	m.setup(thunk, nil)
	proc, err := m.runAlone()
	if err != nil {
		x.errorf(f, "define-macro: %s", err.Error())
	}
	if _, ok := proc.(rt.Procedure); !ok {
		x.errorf(f, "define-macro: transformer is not a procedure")
	}
	bind(name, &procMacro{name: baseSymbol(name).Name, proc: proc})
}

// Features lists what cond-expand and (features) know this implementation
// to be.
var Features = []string{
	"r7rs", "exact-closed", "ratios", "full-unicode", "ieee-float",
	"termite", "gambit-termite", runtime.GOOS, runtime.GOARCH,
}

func expandCondExpand(x *expander, f *rt.Pair, sc *scope) expr {
	return x.expand(x.condExpand(f, sc), sc)
}

// condExpand returns (begin body...) of the first clause whose feature
// requirement holds.
func (x *expander) condExpand(f *rt.Pair, sc *scope) rt.Value {
	for _, cl := range x.list(f.Cdr, f) {
		parts, ok := rt.ListToSlice(cl)
		if !ok || len(parts) == 0 {
			x.errorf(f, "cond-expand: bad clause %s", rt.WriteString(stripSyntax(cl)))
		}
		if circular(parts[0]) {
			x.errorf(cl, "circular code")
		}
		if x.isGlobalName(parts[0], sc, "else") || x.featureHolds(parts[0], f) {
			return rt.Cons(x.core("begin"), rt.List(parts[1:]...))
		}
	}
	return rt.List(x.core("begin"))
}

func (x *expander) featureHolds(req rt.Value, f rt.Value) bool {
	req = stripSyntax(req)
	if s, ok := req.(*rt.Symbol); ok {
		for _, feat := range Features {
			if feat == s.Name {
				return true
			}
		}
		return false
	}
	parts, ok := rt.ListToSlice(req)
	if !ok || len(parts) == 0 {
		x.errorf(f, "cond-expand: bad feature requirement %s", rt.WriteString(req))
	}
	head, _ := parts[0].(*rt.Symbol)
	if head == nil {
		x.errorf(f, "cond-expand: bad feature requirement %s", rt.WriteString(req))
	}
	switch head.Name {
	case "and":
		for _, p := range parts[1:] {
			if !x.featureHolds(p, f) {
				return false
			}
		}
		return true
	case "or":
		for _, p := range parts[1:] {
			if x.featureHolds(p, f) {
				return true
			}
		}
		return false
	case "not":
		if len(parts) != 2 {
			x.errorf(f, "cond-expand: (not REQUIREMENT) takes one requirement")
		}
		return !x.featureHolds(parts[1], f)
	case "library":
		if len(parts) != 2 {
			return false
		}
		return x.in.libraryAvailable(parts[1], x.here.File)
	}
	x.errorf(f, "cond-expand: bad feature requirement %s", rt.WriteString(req))
	return false
}

func expandInclude(x *expander, f *rt.Pair, sc *scope) expr {
	return x.expand(x.include(f), sc)
}

// include reads the files an include form names, relative to the file
// that contains the form, and returns (begin their-forms...).
// includeFrom records that the file of the form being expanded includes
// path, and stops at a file that includes itself, directly or through
// others, which would otherwise be read again and again.
func (x *expander) includeFrom(f *rt.Pair, path string) {
	if x.here.File == "" {
		return
	}
	from := filepath.Clean(x.here.File)
	for file := from; file != ""; file = x.includedFrom[file] {
		if file == path {
			x.errorf(f, "include: %s includes itself", path)
		}
	}
	if x.includedFrom == nil {
		x.includedFrom = make(map[string]string)
	}
	x.includedFrom[path] = from
}

func (x *expander) include(f *rt.Pair) rt.Value {
	foldCase := baseSymbol(f.Car).Name == "include-ci"
	var forms []rt.Value
	for _, name := range x.list(f.Cdr, f) {
		s, ok := name.(*rt.String)
		if !ok {
			x.errorf(f, "include: expects file names as strings")
		}
		path := s.String()
		if !filepath.IsAbs(path) && x.here.File != "" && !strings.HasPrefix(x.here.File, "<") {
			path = filepath.Join(filepath.Dir(x.here.File), path)
		}
		x.includeFrom(f, filepath.Clean(path))
		src, err := x.in.readSourceFile(path)
		if err != nil {
			x.errorf(f, "include: %v", err)
		}
		if foldCase {
			src = append([]byte("#!fold-case\n"), src...)
		}
		fs, pos, err := reader.ReadAll(src, path)
		if err != nil {
			x.errorf(f, "include: %v", err)
		}
		if x.pos == nil {
			x.pos = rt.Positions{}
		}
		for p, at := range pos {
			if foldCase {
				at.Line-- // the directive added above
			}
			x.pos[p] = at
		}
		forms = append(forms, fs...)
	}
	return rt.Cons(x.core("begin"), rt.List(forms...))
}
