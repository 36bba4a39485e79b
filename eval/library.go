package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"termite/reader"
	rt "termite/runtime"
)

// Libraries (R7RS 5.6): define-library makes an environment of its own
// whose exports import binds elsewhere; the standard libraries ((scheme
// base) and the others, (srfi N), (termite)) are in the system
// environment; (scheme ...) ones export their names of R7RS Appendix A
// (standardExports), the others all of it. A library named (a b c) that
// is not defined yet is loaded from a/b/c.sld on the search path: the -I
// directories, the folder of the file that imports it, then TERMITE_PATH.
func init() {
	specialForms["define-library"] = expandMisplaced
	specialForms["import"] = expandImport
}

// library is a defined library: its environment and its exports, from
// external name to the internal one.
type library struct {
	name    string
	env     *Environment
	exports map[*rt.Symbol]*rt.Symbol
}

// imported is what an import binds a name to: a variable's cell or a
// keyword.
type imported struct {
	cell *Global
	kw   *binding
}

// ProvideLibrary declares that the library named by the written form name
// (such as "(srfi 1)") is part of the system environment.
func (in *Interp) ProvideLibrary(name string) {
	in.provided[name] = true
}

// standardLibraries are the libraries of R7RS-small, all in the system
// environment.
var standardLibraries = []string{
	"(scheme base)", "(scheme case-lambda)", "(scheme char)", "(scheme complex)",
	"(scheme cxr)", "(scheme eval)", "(scheme file)", "(scheme inexact)",
	"(scheme lazy)", "(scheme load)", "(scheme process-context)", "(scheme read)",
	"(scheme repl)", "(scheme time)", "(scheme write)", "(scheme r5rs)", "(termite)",
}

// libraryKey is the written form of a library name, checked.
func libraryKey(name rt.Value) (string, error) {
	parts, ok := rt.ListToSlice(stripSyntax(name))
	if !ok || len(parts) == 0 {
		return "", fmt.Errorf("bad library name %s", rt.WriteString(stripSyntax(name)))
	}
	for _, p := range parts {
		switch p.(type) {
		case *rt.Symbol, rt.Fixnum:
		default:
			return "", fmt.Errorf("bad library name %s", rt.WriteString(stripSyntax(name)))
		}
	}
	return rt.WriteString(rt.List(parts...)), nil
}

// library returns the exports of the library name, loading it from the
// search path if need be; from is the file that asks (for its folder).
func (in *Interp) library(name rt.Value, from string) (map[*rt.Symbol]imported, error) {
	key, err := libraryKey(name)
	if err != nil {
		return nil, err
	}
	if in.provided[key] {
		if names, ok := standardExports[key]; ok {
			return in.standardLibraryExports(names), nil
		}
		return in.systemExports(), nil
	}
	lib, ok := in.libraries[key]
	if !ok {
		if err := in.loadLibrary(name, key, from); err != nil {
			return nil, err
		}
		if lib, ok = in.libraries[key]; !ok {
			return nil, fmt.Errorf("library %s: its file does not define it", key)
		}
	}
	out := make(map[*rt.Symbol]imported, len(lib.exports))
	for ext, internal := range lib.exports {
		if kw := lib.env.keyword(internal); kw != nil {
			out[ext] = imported{kw: kw}
		} else {
			out[ext] = imported{cell: lib.env.cell(internal)}
		}
	}
	return out, nil
}

// systemExports are the bindings of the system environment, but the
// internal ones (named %...).
func (in *Interp) systemExports() map[*rt.Symbol]imported {
	in.autoloadAll()
	out := make(map[*rt.Symbol]imported, len(in.system.vars)+len(in.system.syntax))
	for sym, g := range in.system.vars {
		if !strings.HasPrefix(sym.Name, "%") {
			out[sym] = imported{cell: g}
		}
	}
	for sym, b := range in.system.syntax {
		if !strings.HasPrefix(sym.Name, "%") {
			out[sym] = imported{kw: b}
		}
	}
	return out
}

// loadLibrary finds the file of library name on the search path and runs
// it: it should define the library.
func (in *Interp) loadLibrary(name rt.Value, key, from string) error {
	path, src, err := in.libraryFile(name, key, from)
	if err != nil {
		return err
	}
	if in.loading[key] {
		return fmt.Errorf("library %s imports itself", key)
	}
	in.loading[key] = true
	defer delete(in.loading, key)
	forms, pos, err := reader.ReadAll(src, path)
	if err != nil {
		return err
	}
	return in.runFormsAlone(forms, &source{file: path, pos: pos, env: in.program})
}

// libraryAvailable reports whether library name is defined, standard, or
// has a file on the search path (cond-expand's (library NAME), R7RS
// 4.2.1), without loading it.
func (in *Interp) libraryAvailable(name rt.Value, from string) bool {
	key, err := libraryKey(name)
	if err != nil {
		return false
	}
	if _, ok := in.libraries[key]; ok || in.provided[key] {
		return true
	}
	_, _, err = in.libraryFile(name, key, from)
	return err == nil
}

// libraryFile finds the file of library name on the search path and
// returns its path and contents.
func (in *Interp) libraryFile(name rt.Value, key, from string) (string, []byte, error) {
	parts, _ := rt.ListToSlice(stripSyntax(name))
	elems := make([]string, len(parts))
	for i, p := range parts {
		elems[i] = rt.DisplayString(p)
	}
	rel := filepath.Join(elems...) + ".sld"
	dirs := append([]string(nil), in.opts.LibDirs...)
	if from != "" && !strings.HasPrefix(from, "<") {
		dirs = append(dirs, filepath.Dir(from))
	}
	if len(in.opts.Args) > 0 && in.opts.Args[0] != "-" {
		dirs = append(dirs, filepath.Dir(in.opts.Args[0]))
	}
	if p := os.Getenv("TERMITE_PATH"); p != "" {
		dirs = append(dirs, filepath.SplitList(p)...)
	}
	for _, dir := range dirs {
		path := filepath.Join(dir, rel)
		src, err := in.readSourceFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", nil, fmt.Errorf("library %s: %v", key, err)
		}
		return path, src, nil
	}
	return "", nil, fmt.Errorf("unknown library %s (no %s on the search path)", key, rel)
}

// importSet returns the bindings an import set makes (R7RS 5.2: a library
// name, or only, except, prefix, rename applied to a set).
func (in *Interp) importSet(set rt.Value, from string) (map[*rt.Symbol]imported, error) {
	parts, ok := rt.ListToSlice(stripSyntax(set))
	if !ok || len(parts) == 0 {
		return nil, fmt.Errorf("bad import set %s", rt.WriteString(stripSyntax(set)))
	}
	head, _ := parts[0].(*rt.Symbol)
	modifier := head != nil && len(parts) >= 2
	if modifier {
		switch head.Name {
		case "only", "except", "prefix", "rename":
		default:
			modifier = false
		}
	}
	if !modifier {
		return in.library(set, from)
	}
	inner, err := in.importSet(parts[1], from)
	if err != nil {
		return nil, err
	}
	bad := func() error {
		return fmt.Errorf("bad import set %s", rt.WriteString(stripSyntax(set)))
	}
	switch head.Name {
	case "only":
		out := make(map[*rt.Symbol]imported)
		for _, id := range parts[2:] {
			sym, ok := id.(*rt.Symbol)
			if !ok {
				return nil, bad()
			}
			b, ok := inner[sym]
			if !ok {
				return nil, fmt.Errorf("import: %s is not exported by %s", sym.Name, rt.WriteString(stripSyntax(parts[1])))
			}
			out[sym] = b
		}
		return out, nil
	case "except":
		for _, id := range parts[2:] {
			sym, ok := id.(*rt.Symbol)
			if !ok {
				return nil, bad()
			}
			delete(inner, sym)
		}
		return inner, nil
	case "prefix":
		if len(parts) != 3 {
			return nil, bad()
		}
		p, ok := parts[2].(*rt.Symbol)
		if !ok {
			return nil, bad()
		}
		out := make(map[*rt.Symbol]imported, len(inner))
		for sym, b := range inner {
			out[rt.Intern(p.Name+sym.Name)] = b
		}
		return out, nil
	default: // rename
		for _, r := range parts[2:] {
			pair, ok := rt.ListToSlice(r)
			if !ok || len(pair) != 2 {
				return nil, bad()
			}
			from, ok1 := pair[0].(*rt.Symbol)
			to, ok2 := pair[1].(*rt.Symbol)
			if !ok1 || !ok2 {
				return nil, bad()
			}
			b, ok := inner[from]
			if !ok {
				return nil, fmt.Errorf("import: %s is not exported by %s", from.Name, rt.WriteString(stripSyntax(parts[1])))
			}
			delete(inner, from)
			inner[to] = b
		}
		return inner, nil
	}
}

// bindImports binds names into env.
func bindImports(env *Environment, names map[*rt.Symbol]imported) {
	for sym, b := range names {
		env.bindImport(sym, b)
	}
}

func expandImport(x *expander, f *rt.Pair, sc *scope) expr {
	env := x.changing(x.topEnv(sc), f)
	for _, set := range x.list(f.Cdr, f) {
		names, err := x.in.importSet(set, x.here.File)
		if err != nil {
			x.errorf(f, "import: %v", err)
		}
		if env == x.in.program && isSystemImport(names, x.in) {
			continue // the program sees the system environment already
		}
		bindImports(env, names)
	}
	return &constExpr{rt.Unspecified}
}

// isSystemImport reports whether names are the system's own bindings under
// their own names, which binding again would only copy.
func isSystemImport(names map[*rt.Symbol]imported, in *Interp) bool {
	for sym, b := range names {
		if b.cell != nil && in.system.vars[sym] != b.cell {
			return false
		}
		if b.kw != nil && in.system.syntax[sym] != b.kw {
			return false
		}
	}
	return true
}

// defineLibrary expands (define-library NAME DECLARATION...): it makes the
// library's environment, registers its exports, and returns the code
// that runs its body.
func (x *expander) defineLibrary(f *rt.Pair, sc *scope) expr {
	args := x.list(f.Cdr, f)
	if len(args) < 1 {
		x.errorf(f, "define-library: missing name")
	}
	key, err := libraryKey(args[0])
	if err != nil {
		x.errorf(f, "define-library: %v", err)
	}
	lib := &library{name: key, env: newEnvironment(key, nil, 0), exports: make(map[*rt.Symbol]*rt.Symbol)}
	root := newScope(nil, sc.fn)
	root.env = lib.env
	var body []rt.Value
	x.libraryDeclarations(lib, args[1:], &body, f)
	x.in.libraries[key] = lib
	s := &seqExpr{}
	for _, form := range body {
		s.body = append(s.body, x.expandTop(form, root))
	}
	s.body = append(s.body, &constExpr{rt.Unspecified})
	return s
}

func (x *expander) libraryDeclarations(lib *library, decls []rt.Value, body *[]rt.Value, f *rt.Pair) {
	for _, d := range decls {
		parts, ok := rt.ListToSlice(stripSyntax(d))
		if !ok || len(parts) == 0 {
			x.errorf(f, "define-library: bad declaration %s", rt.WriteString(stripSyntax(d)))
		}
		head, _ := parts[0].(*rt.Symbol)
		if head == nil {
			x.errorf(f, "define-library: bad declaration %s", rt.WriteString(stripSyntax(d)))
		}
		switch head.Name {
		case "export":
			for _, spec := range parts[1:] {
				switch s := spec.(type) {
				case *rt.Symbol:
					lib.exports[s] = s
				default:
					r, ok := rt.ListToSlice(spec)
					if !ok || len(r) != 3 || r[0] != rt.Intern("rename") {
						x.errorf(f, "define-library: bad export %s", rt.WriteString(spec))
					}
					internal, ok1 := r[1].(*rt.Symbol)
					external, ok2 := r[2].(*rt.Symbol)
					if !ok1 || !ok2 {
						x.errorf(f, "define-library: bad export %s", rt.WriteString(spec))
					}
					lib.exports[external] = internal
				}
			}
		case "import":
			for _, set := range parts[1:] {
				names, err := x.in.importSet(set, x.here.File)
				if err != nil {
					x.errorf(f, "define-library %s: import: %v", lib.name, err)
				}
				bindImports(lib.env, names)
			}
		case "begin":
			*body = append(*body, parts[1:]...)
		case "include", "include-ci", "include-library-declarations":
			inc := x.include(&rt.Pair{Car: rt.Intern(strings.TrimSuffix(head.Name, "-library-declarations")), Cdr: rt.List(parts[1:]...)})
			forms, _ := rt.ListToSlice(inc.(*rt.Pair).Cdr)
			if head.Name == "include-library-declarations" {
				x.libraryDeclarations(lib, forms, body, f)
			} else {
				*body = append(*body, forms...)
			}
		case "cond-expand":
			chosen := x.condExpand(&rt.Pair{Car: head, Cdr: rt.List(parts[1:]...)}, nil)
			decls, _ := rt.ListToSlice(chosen.(*rt.Pair).Cdr)
			x.libraryDeclarations(lib, decls, body, f)
		default:
			x.errorf(f, "define-library: unknown declaration %s", head.Name)
		}
	}
}
