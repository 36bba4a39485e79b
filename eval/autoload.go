package eval

import (
	"bytes"
	"fmt"

	"termite/reader"
	rt "termite/runtime"
)

// Parts of the system library are loaded when first used instead of at
// start-up: the SRFIs are most of the library's source, and most programs
// use none of them. A file registered with Autoload runs the first time
// one of the names it defines is looked up in the system environment (by
// the expander, an import, eval, the serializer), so that its names seem
// defined from the start, as if it had been loaded with the rest.

// autoloadFile is system source to run on first use.
type autoloadFile struct {
	file   string
	src    []byte
	loaded bool
}

// autoloadName is a name an autoloadFile defines.
type autoloadName struct {
	f       *autoloadFile
	keyword bool
}

// Autoload registers src, system source, to run when one of the names it
// defines (see DefinedNames) is first looked up.
func (in *Interp) Autoload(src []byte, file string) {
	vars, keywords := DefinedNames(src)
	f := &autoloadFile{file: file, src: src}
	for _, n := range vars {
		in.autoloads[rt.Intern(n)] = autoloadName{f, false}
	}
	for _, n := range keywords {
		in.autoloads[rt.Intern(n)] = autoloadName{f, true}
	}
}

// autoload runs the file that defines sym, if it has not run yet, and
// reports whether it did. The file is the library's own: an error there
// is termite's bug, and stops the expansion that needed the name.
func (in *Interp) autoload(sym *rt.Symbol) bool {
	a, ok := in.autoloads[sym]
	f := a.f
	if !ok || f.loaded {
		return false
	}
	f.loaded = true
	if err := in.runSystemAlone(f.src, f.file); err != nil {
		f.loaded = false
		panic(fmt.Sprintf("loading %s: %v", f.file, err))
	}
	in.libraryLoads++
	return true
}

// LibraryLoads counts the files of the library that have run on first
// use: the system environment has more variables each time it changes.
func (in *Interp) LibraryLoads() int { return in.libraryLoads }

// DefinedNames returns the variables and the keywords that src, a file of
// the library that runs on first use, defines. The files keep to a rule
// that makes this a look at the starts of lines: every top-level
// definition, and nothing else, starts a line with "(define",
// "(define-syntax" or "(define-record-type"; the names of a record type's
// definition are read from the form itself.
func DefinedNames(src []byte) (vars, keywords []string) {
	off := 0
	for line := range bytes.Lines(src) {
		at := off
		off += len(line)
		rest, ok := bytes.CutPrefix(line, []byte("(define"))
		if !ok {
			continue
		}
		if bytes.HasPrefix(rest, []byte("-record-type")) {
			vars = append(vars, recordNames(src[at:])...)
			continue
		}
		rest, syntax := bytes.CutPrefix(rest, []byte("-syntax"))
		rest = bytes.TrimLeft(rest, " (")
		end := bytes.IndexAny(rest, " ()\t\r\n")
		if end <= 0 {
			continue
		}
		if syntax {
			keywords = append(keywords, string(rest[:end]))
		} else {
			vars = append(vars, string(rest[:end]))
		}
	}
	return vars, keywords
}

// recordNames returns the variables that the define-record-type form at
// the start of src binds: the type, the constructor, the predicate, the
// accessors and the modifiers.
func recordNames(src []byte) []string {
	form, err := reader.New(src, "").Read()
	if err != nil {
		return nil
	}
	var names []string
	add := func(v rt.Value) {
		if s, ok := v.(*rt.Symbol); ok {
			names = append(names, s.Name)
		}
	}
	items, _ := rt.ListToSlice(form)
	for i, item := range items {
		switch {
		case i == 0:
		case i == 2: // the constructor: (name field...), or name
			if p, ok := item.(*rt.Pair); ok {
				item = p.Car
			}
			add(item)
		case i > 3: // a field: (field accessor [modifier])
			if spec, ok := rt.ListToSlice(item); ok {
				for _, name := range spec[min(1, len(spec)):] {
					add(name)
				}
			}
		default: // the type, the predicate
			add(item)
		}
	}
	return names
}

// autoloadAll runs every file not run yet: for what lists the whole
// system environment.
func (in *Interp) autoloadAll() {
	for sym := range in.autoloads {
		in.autoload(sym)
	}
}

// runSystemAlone runs system source outside the scheduler: it may be
// needed in the middle of another expansion, while the main machine is
// busy.
func (in *Interp) runSystemAlone(src []byte, file string) error {
	forms, pos, err := reader.ReadAll(src, file)
	if err != nil {
		return err
	}
	if err := in.runFormsAlone(forms, &source{file: file, pos: pos, env: in.system}); err != nil {
		return err
	}
	if in.sealed {
		// Freeze the new bindings, as seal did the others.
		for _, g := range in.system.vars {
			in.bound(g, true)
		}
	}
	return nil
}
